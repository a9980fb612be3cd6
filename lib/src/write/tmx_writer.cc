#include "crossalign/tmx_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <functional>
#include <pugixml.hpp>
#include <sstream>

#include "base/file_io.h"
#include "base/hash.h"
#include "base/utf8.h"
#include "crossalign/version.h"
#include "write/bead_text.h"

namespace crossalign {
namespace {

using internal::Fnv1a;
using internal::Hex64;
using internal::SideText;
using internal::XmlSafe;

std::string Position(const Document& doc, const std::vector<int>& ids) {
  std::string out;
  if (ids.empty()) return out;
  out = "p" + std::to_string(doc.segments()[ids.front()].paragraph) + ":s";
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k > 0) out.push_back(',');
    out += std::to_string(ids[k]);
  }
  return out;
}

std::string UnitId(const AlignedPair& pair, const Bead& bead) {
  std::string key = pair.src->name();
  key.push_back('\0');
  key += pair.tgt->name();
  key.push_back('\0');
  for (int s : bead.src) key += std::to_string(s) + ",";
  key.push_back('\0');
  for (int t : bead.tgt) key += std::to_string(t) + ",";
  return Hex64(Fnv1a(key));
}

std::string FormatScore(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", score);
  return buffer;
}

// The text of a <prop> or <note>: XmlSafe, with its line ends written as
// the reader will see them. An XML parser turns CR LF and a lone CR in
// element text into LF (XML 1.0, section 2.11), and pugixml writes a CR
// unescaped, so a CR kept here would read back as LF: written, read and
// written again, the memory would change.
std::string XmlElementText(std::string_view text) {
  std::string out = XmlSafe(text);
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\r') {
      out[kept++] = out[i];
    } else if (i + 1 >= out.size() || out[i + 1] != '\n') {
      out[kept++] = '\n';
    }
  }
  out.resize(kept);
  return out;
}

void AddProp(pugi::xml_node parent, const TmxProp& prop) {
  pugi::xml_node node = parent.append_child("prop");
  node.append_attribute("type") = XmlSafe(prop.type).c_str();
  node.text().set(XmlElementText(prop.value).c_str());
}

void AddNote(pugi::xml_node parent, const std::string& note) {
  parent.append_child("note").text().set(XmlElementText(note).c_str());
}

std::string LangOf(const Document& doc) {
  return doc.lang().empty() ? std::string("und") : doc.lang();
}

TmxVariant MakeVariant(const Document& doc, std::string text) {
  TmxVariant v;
  v.lang = LangOf(doc);
  v.props.push_back({"x-document", doc.name()});
  if (!doc.metadata().url.empty()) {
    v.props.push_back({"x-url", doc.metadata().url});
  }
  if (!doc.metadata().outlet.empty()) {
    v.props.push_back({"x-outlet", doc.metadata().outlet});
  }
  if (!doc.metadata().date.empty()) {
    v.props.push_back({"x-date", doc.metadata().date});
  }
  // The source file's encoding, where it was not UTF-8.
  if (!doc.source_encoding().empty() && doc.source_encoding() != "UTF-8") {
    v.props.push_back({"x-encoding", doc.source_encoding()});
  }
  v.text = std::move(text);
  return v;
}

bool IsInlineElement(std::string_view name) {
  return name == "bpt" || name == "ept" || name == "it" || name == "ph" ||
         name == "hi" || name == "ut" || name == "sub";
}

// Deeper inline markup than this is not written as markup (the plain text
// is): real memories nest a few levels, and the cap keeps the recursion below
// bounded (40,000 nested <hi> overflowed the stack).
constexpr int kMaxInlineDepth = 64;

// What the TMX 1.4 DTD allows: <seg>, <hi> and <sub> hold text and
// bpt|ept|it|ph|hi|ut; those native-code elements hold text and <sub>.
bool AllowedChild(std::string_view parent, std::string_view child) {
  if (parent.empty() || parent == "hi" || parent == "sub") {
    return child != "sub";
  }
  return child == "sub";
}

// The attributes the DTD declares for `element`, and whether the required
// ones (bpt/ept i, it pos) are there.
bool AttributesValid(pugi::xml_node element) {
  const std::string_view name = element.name();
  for (pugi::xml_attribute attr : element.attributes()) {
    const std::string_view a = attr.name();
    bool known = false;
    if (name == "bpt" || name == "it") known = a == "x" || a == "type";
    if (name == "bpt" || name == "ept") known = known || a == "i";
    if (name == "it") {
      known = known || a == "pos";
      if (a == "pos" && std::string_view(attr.value()) != "begin" &&
          std::string_view(attr.value()) != "end") {
        return false;
      }
    }
    if (name == "ph") known = a == "x" || a == "assoc" || a == "type";
    if (name == "hi") known = a == "x" || a == "type";
    if (name == "ut") known = a == "x";
    if (name == "sub") known = a == "datatype" || a == "type";
    if (!known) return false;
  }
  if ((name == "bpt" || name == "ept") && !element.attribute("i")) return false;
  if (name == "it" && !element.attribute("pos")) return false;
  return true;
}

// Makes a parsed fragment safe to write; false when it holds anything but
// text and TMX inline elements placed as the DTD allows, or nests deeper than
// kMaxInlineDepth.
bool CleanFragment(pugi::xml_node node, std::string_view parent, int depth,
                   bool* has_element) {
  if (depth > kMaxInlineDepth) return false;
  for (pugi::xml_node child : node.children()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        child.set_value(XmlSafe(child.value()).c_str());
        break;
      case pugi::node_element:
        if (!IsInlineElement(child.name()) ||
            !AllowedChild(parent, child.name()) || !AttributesValid(child)) {
          return false;
        }
        *has_element = true;
        for (pugi::xml_attribute attr : child.attributes()) {
          attr.set_value(XmlSafe(attr.value()).c_str());
        }
        if (!CleanFragment(child, child.name(), depth + 1, has_element)) {
          return false;
        }
        break;
      default:
        return false;
    }
  }
  return true;
}

// The markup of a segment in canonical form, or "" when it is not usable
// markup (then the plain text is written instead).
std::string CanonicalSegXml(const std::string& xml) {
  if (xml.empty()) return "";
  pugi::xml_document fragment;
  const pugi::xml_parse_result parsed = fragment.load_buffer(
      xml.data(), xml.size(),
      pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment,
      pugi::encoding_utf8);
  bool has_element = false;
  if (!parsed || !CleanFragment(fragment, "", 0, &has_element) ||
      !has_element) {
    return "";
  }
  std::ostringstream out;
  for (pugi::xml_node child : fragment.children()) {
    child.print(out, "", pugi::format_raw | pugi::format_skip_control_chars,
                pugi::encoding_utf8);
  }
  return out.str();
}

// A tuid for a unit that has none: a hash of its languages and texts.
std::string ContentId(const TmxUnit& unit) {
  uint64_t hash = Fnv1a("tu");
  for (const TmxVariant& v : unit.variants) {
    hash = Fnv1a(v.lang, Fnv1a(std::string_view("\0", 1), hash));
    hash = Fnv1a(v.text, Fnv1a(std::string_view("\0", 1), hash));
  }
  return Hex64(hash);
}

// Marks where a segment's markup goes: U+FFFF, the markup's index, U+FFFF.
// XmlSafe drops U+FFFF from every other string, so the mark is unambiguous.
constexpr std::string_view kMark = "\xEF\xBF\xBF";

std::string ReplaceMarks(const std::string& xml,
                         const std::vector<std::string>& markup) {
  if (markup.empty()) return xml;
  std::string out;
  out.reserve(xml.size());
  size_t pos = 0;
  while (true) {
    const size_t open = xml.find(kMark, pos);
    if (open == std::string::npos) break;
    const size_t digits = open + kMark.size();
    const size_t close = xml.find(kMark, digits);
    out.append(xml, pos, open - pos);
    out.append(markup[std::stoul(xml.substr(digits, close - digits))]);
    pos = close + kMark.size();
  }
  out.append(xml, pos, std::string::npos);
  return out;
}

// What a written unit's <seg>s hold: markup (when usable) or plain text.
struct WrittenSeg {
  const TmxVariant* variant;
  std::string text;
  std::string xml;
};
using WrittenUnit = std::pair<const TmxUnit*, std::vector<WrittenSeg>>;

// The units to write with their <seg>s. Variants without a language or
// text and units left with fewer than two variants are not written.
std::vector<WrittenUnit> UnitsToWrite(const TmxMemory& memory) {
  std::vector<WrittenUnit> written;
  for (const TmxUnit& unit : memory.units) {
    std::vector<WrittenSeg> segs;
    for (const TmxVariant& v : unit.variants) {
      if (XmlSafe(v.lang).empty()) continue;
      WrittenSeg seg{&v, internal::CollapseWhitespace(XmlSafe(v.text)),
                     CanonicalSegXml(v.seg_xml)};
      if (seg.text.empty() && seg.xml.empty()) continue;
      segs.push_back(std::move(seg));
    }
    if (segs.size() >= 2) written.emplace_back(&unit, std::move(segs));
  }
  return written;
}

// `given` made XML-safe, or `dflt` when that leaves nothing.
std::string ValueOr(const std::string& given, const std::string& dflt) {
  const std::string safe = XmlSafe(given);
  return safe.empty() ? dflt : safe;
}

// A creationdate: the given one made XML-safe, or the clock's time.
using DateOr = std::function<std::string(const std::string& given)>;

// The <header>, each attribute the memory's or its default.
void AppendHeader(const TmxHeader& h, const std::string& adminlang,
                  const std::string& first_lang, const DateOr& date_or,
                  pugi::xml_node tmx) {
  pugi::xml_node header = tmx.append_child("header");
  header.append_attribute("creationtool") =
      ValueOr(h.creationtool, "crossalign").c_str();
  header.append_attribute("creationtoolversion") =
      ValueOr(h.creationtoolversion, Version()).c_str();
  header.append_attribute("segtype") = ValueOr(h.segtype, "sentence").c_str();
  header.append_attribute("o-tmf") = ValueOr(h.o_tmf, "crossalign").c_str();
  header.append_attribute("adminlang") =
      ValueOr(h.adminlang, adminlang).c_str();
  header.append_attribute("srclang") = ValueOr(h.srclang, first_lang).c_str();
  header.append_attribute("datatype") =
      ValueOr(h.datatype, "plaintext").c_str();
  header.append_attribute("creationdate") = date_or(h.creationdate).c_str();
  for (const TmxProp& prop : h.props) AddProp(header, prop);
  for (const std::string& note : h.notes) AddNote(header, note);
}

// One <tu>. A <seg> with markup holds a mark (see kMark) for now, its
// markup moved to `markup`.
void AppendUnit(const TmxUnit& unit, std::vector<WrittenSeg>* segs,
                const DateOr& date_or, pugi::xml_node body,
                std::vector<std::string>* markup) {
  pugi::xml_node tu = body.append_child("tu");
  const std::string tuid = XmlSafe(unit.tuid);
  tu.append_attribute("tuid") = (tuid.empty() ? ContentId(unit) : tuid).c_str();
  tu.append_attribute("creationdate") = date_or(unit.creationdate).c_str();
  if (!XmlSafe(unit.srclang).empty()) {
    tu.append_attribute("srclang") = XmlSafe(unit.srclang).c_str();
  }
  for (const TmxProp& prop : unit.props) AddProp(tu, prop);
  for (const std::string& note : unit.notes) AddNote(tu, note);
  for (WrittenSeg& seg : *segs) {
    pugi::xml_node tuv = tu.append_child("tuv");
    tuv.append_attribute("xml:lang") = XmlSafe(seg.variant->lang).c_str();
    for (const TmxProp& prop : seg.variant->props) AddProp(tuv, prop);
    for (const std::string& note : seg.variant->notes) AddNote(tuv, note);
    pugi::xml_node node = tuv.append_child("seg");
    if (seg.xml.empty()) {
      node.text().set(seg.text.c_str());
    } else {
      const std::string mark = std::string(kMark) +
                               std::to_string(markup->size()) +
                               std::string(kMark);
      markup->push_back(std::move(seg.xml));
      node.text().set(mark.c_str());
    }
  }
}

}  // namespace

std::string FormatTmxDate(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

TmxWriter::TmxWriter(TmxWriterOptions options) : options_(std::move(options)) {}

StatusOr<TmxMemory> TmxWriter::ToMemory(
    const std::vector<AlignedPair>& pairs) const {
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) {
      return InvalidArgumentError("TMX writer: a pair has no document");
    }
  }
  const auto now =
      options_.creation_time.value_or(std::chrono::system_clock::now());
  const std::string date = FormatTmxDate(now);

  TmxMemory memory;
  memory.version = "1.4";
  TmxHeader& header = memory.header;
  header.creationtool = "crossalign";
  header.creationtoolversion = Version();
  header.segtype = "sentence";
  header.o_tmf = "crossalign";
  header.adminlang = options_.adminlang;
  header.srclang =
      pairs.empty() ? std::string("en") : LangOf(*pairs.front().src);
  header.datatype = "plaintext";
  header.creationdate = date;
  header.props.push_back(
      {"x-score-scale",
       "x-score is in [0, 1]: the probability that the unit is right (a "
       "logistic model fitted on dev data; among units scoring about x, "
       "about x were right there), including the probability of the pair "
       "relation it rests on"});
  header.props.push_back(
      {"x-position",
       "pN:sA,B = paragraph N, segments A and B (0-based) of each side"});
  std::string methods;
  for (const AlignedPair& pair : pairs) {
    const std::string& m = pair.alignment.method;
    if (!m.empty() && methods.find(m) == std::string::npos) {
      if (!methods.empty()) methods += "; ";
      methods += m;
    }
  }
  if (!methods.empty()) header.props.push_back({"x-method", methods});
  // Source encodings other than UTF-8, per document.
  std::vector<std::string> noted;
  for (const AlignedPair& pair : pairs) {
    for (const Document* doc : {pair.src.get(), pair.tgt.get()}) {
      const std::string& enc = doc->source_encoding();
      if (enc.empty() || enc == "UTF-8") continue;
      const std::string note = doc->name() + ": " + enc;
      if (std::find(noted.begin(), noted.end(), note) != noted.end()) continue;
      noted.push_back(note);
      header.props.push_back({"x-encoding", note});
    }
  }
  // How --mode auto decided, for each pair it decided.
  for (const AlignedPair& pair : pairs) {
    if (pair.alignment.mode_reason.empty()) continue;
    header.props.push_back({"x-mode-decision", pair.src->name() + " -> " +
                                                   pair.tgt->name() + ": " +
                                                   pair.alignment.mode_reason});
  }

  for (const AlignedPair& pair : pairs) {
    const Document& src = *pair.src;
    const Document& tgt = *pair.tgt;
    for (const Bead& bead : pair.alignment.beads) {
      if (!bead.IsPair()) continue;
      std::string src_text = SideText(src, bead.src);
      std::string tgt_text = SideText(tgt, bead.tgt);
      if (src_text.empty() || tgt_text.empty()) continue;
      TmxUnit unit;
      unit.tuid = UnitId(pair, bead);
      unit.creationdate = date;
      unit.props = {{"x-score", FormatScore(bead.score)},
                    {"x-bead", bead.Type()},
                    {"x-mode", AlignModeName(pair.alignment.mode)},
                    {"x-position", "src " + Position(src, bead.src) + " tgt " +
                                       Position(tgt, bead.tgt)}};
      unit.variants.push_back(MakeVariant(src, std::move(src_text)));
      unit.variants.push_back(MakeVariant(tgt, std::move(tgt_text)));
      memory.units.push_back(std::move(unit));
    }
  }
  return memory;
}

StatusOr<std::string> TmxWriter::Render(
    const std::vector<AlignedPair>& pairs) const {
  CROSSALIGN_ASSIGN_OR_RETURN(const TmxMemory memory, ToMemory(pairs));
  return RenderMemory(memory);
}

StatusOr<std::string> TmxWriter::RenderMemory(const TmxMemory& memory) const {
  std::string date;  // the time is read only when a date is missing
  const DateOr date_or = [&](const std::string& given) {
    const std::string safe = XmlSafe(given);
    if (!safe.empty()) return safe;
    if (date.empty()) {
      date = FormatTmxDate(
          options_.creation_time.value_or(std::chrono::system_clock::now()));
    }
    return date;
  };
  std::vector<WrittenUnit> written = UnitsToWrite(memory);
  // The default srclang: the first written variant's language.
  const std::string first_lang =
      written.empty() ? std::string("en")
                      : XmlSafe(written.front().second.front().variant->lang);

  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  xml.append_child(pugi::node_doctype).set_value("tmx SYSTEM \"tmx14.dtd\"");
  pugi::xml_node tmx = xml.append_child("tmx");
  tmx.append_attribute("version") = "1.4";
  AppendHeader(memory.header, options_.adminlang, first_lang, date_or, tmx);
  std::vector<std::string> markup;
  pugi::xml_node body = tmx.append_child("body");
  for (auto& [unit, segs] : written) {
    AppendUnit(*unit, &segs, date_or, body, &markup);
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent | pugi::format_skip_control_chars,
           pugi::encoding_utf8);
  return ReplaceMarks(out.str(), markup);
}

Status TmxWriter::WriteFile(const std::string& path,
                            const std::vector<AlignedPair>& pairs) const {
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string xml, Render(pairs));
  return internal::WriteFileAtomically(path, xml);
}

Status TmxWriter::WriteMemoryFile(const std::string& path,
                                  const TmxMemory& memory) const {
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string xml, RenderMemory(memory));
  return internal::WriteFileAtomically(path, xml);
}

}  // namespace crossalign
