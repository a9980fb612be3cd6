// TmxReader: reads translation memories that any tool wrote.
//
// Accepts TMX 1.4b and 1.4, and tolerantly 1.1 to 1.3 (a <tuv lang=...>
// instead of xml:lang, missing header attributes, any version attribute).
// A <seg> may hold inline elements (bpt, ept, it, ph, hi, ut, sub): the
// variant keeps the plain text and the markup verbatim (TmxVariant::text and
// seg_xml). srclang="*all*" is kept as it is. The file may be in UTF-8,
// UTF-16 with a byte-order mark, or any encoding its XML declaration names
// that ICU converts (windows-1251, Shift_JIS...); invalid bytes become U+FFFD
// and the memory's warnings say where. Entities declared in the DOCTYPE
// whose value is text (<!ENTITY nbsp "&#160;">) are expanded; nested and
// external entities are not.
//
//   crossalign::StatusOr<crossalign::TmxMemory> memory =
//       crossalign::TmxReader().ReadFile("in.tmx");
//   if (!memory.ok()) { std::cerr << memory.status() << "\n"; return 3; }
//   for (const crossalign::TmxUnit& unit : memory->units) Use(unit);
//
// Errors (each message names the file):
//   kNotFound, kPermissionDenied  the file is missing or cannot be read
//   kResourceExhausted            the file exceeds options.max_file_bytes
//   kDataLoss                     not well-formed XML (with line and column),
//                                 including a reference to a character XML
//                                 forbids (&#0;) or to an undeclared entity,
//                                 or elements nested more than 128 deep
//   kInvalidArgument              an encoding ICU cannot convert
//   kInvalidArgument              well-formed, but not TMX: the root is not
//                                 <tmx>, or there is no <body>
// Problems inside a unit do not fail the read: a <tuv> without a language
// is left out, and the memory's warnings say so.
#ifndef CROSSALIGN_TMX_READER_H_
#define CROSSALIGN_TMX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "crossalign/status.h"
#include "crossalign/tmx_memory.h"

namespace crossalign {

struct TmxReaderOptions {
  // Larger files are refused with a clear error.
  uint64_t max_file_bytes = uint64_t{1} << 30;
};

class TmxReader {
 public:
  explicit TmxReader(TmxReaderOptions options = {});

  StatusOr<TmxMemory> ReadFile(const std::string& path) const;

  // The same for bytes in memory; `name` identifies them in messages.
  StatusOr<TmxMemory> Parse(const std::string& name,
                            std::string_view bytes) const;

 private:
  TmxReaderOptions options_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_TMX_READER_H_
