// TmxMemory: a translation memory as plain data, the form TmxReader reads
// and TmxWriter::RenderMemory writes. `align merge` reads memories into it,
// merges them and writes the result.
//
// Every string is UTF-8. Only what TMX 1.4b defines and crossalign uses is
// kept: the header attributes, props and notes of header, units and
// variants, each unit's tuid, creationdate and srclang, and each variant's
// language and segment.
#ifndef CROSSALIGN_TMX_MEMORY_H_
#define CROSSALIGN_TMX_MEMORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crossalign {

// <prop type="TYPE">VALUE</prop>
struct TmxProp {
  std::string type;
  std::string value;
};

// One <tuv>: a segment in one language.
struct TmxVariant {
  std::string lang;  // xml:lang (TMX 1.4) or lang (TMX 1.1 to 1.3)
  std::vector<TmxProp> props;
  std::vector<std::string> notes;
  // The plain text of <seg>: its character data and that of <hi> elements,
  // without the native codes held by bpt, ept, it, ph and ut (nor sub).
  std::string text;
  // The inner XML of <seg> exactly as markup, when the segment holds inline
  // elements (bpt, ept, it, ph, hi, ut, sub); empty for plain text.
  std::string seg_xml;
};

// One <tu>.
struct TmxUnit {
  std::string tuid;
  std::string creationdate;
  std::string srclang;  // the unit's own srclang attribute, often empty
  std::vector<TmxProp> props;
  std::vector<std::string> notes;
  std::vector<TmxVariant> variants;  // in file order
};

// <header>. Empty attributes get crossalign's defaults when written.
struct TmxHeader {
  std::string creationtool;
  std::string creationtoolversion;
  std::string segtype;
  std::string o_tmf;
  std::string adminlang;
  std::string srclang;  // a language or "*all*"
  std::string datatype;
  std::string creationdate;
  std::vector<TmxProp> props;
  std::vector<std::string> notes;
};

struct TmxMemory {
  std::string version;  // the <tmx version> read ("1.4", "1.1", ...)
  TmxHeader header;
  std::vector<TmxUnit> units;
  // Problems met while reading that did not stop it (a <tuv> without a
  // language, a unit without variants, ...); each names the file and unit.
  std::vector<std::string> warnings;
};

// The value of the first prop of this type, or nullptr.
const std::string* FindProp(const std::vector<TmxProp>& props,
                            std::string_view type);

// The unit's x-score prop as a number, if it has a valid one.
std::optional<double> UnitScore(const TmxUnit& unit);

// Whether language tag `lang` is `wanted` or a subtag of it, ignoring case:
// "en-GB" matches "en" and "EN-gb"; "eng" does not match "en".
bool LangMatches(std::string_view lang, std::string_view wanted);

}  // namespace crossalign

#endif  // CROSSALIGN_TMX_MEMORY_H_
