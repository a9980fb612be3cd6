// TmxWriter: writes aligned pairs as a TMX 1.4b translation memory.
//
// The file loads in CAT tools (OmegaT, Trados, memoQ, translate-toolkit):
//  - the header carries creationtool="crossalign", creationtoolversion,
//    segtype="sentence", o-tmf, adminlang, srclang and datatype="plaintext",
//    and a UTC creationdate (YYYYMMDDThhmmssZ): options.creation_time, or
//    the current time when it is not set;
//  - one <tu> per bead that has text on both sides (no 1-0 or 0-1 units),
//    with a stable tuid and props x-score, x-bead, x-mode and x-position;
//  - the source <tuv> comes first; each <tuv> has xml:lang and an x-document
//    prop (plus x-url, x-outlet and x-date when the article header or the
//    HTML page gives them);
//  - segments are trimmed, inner white space runs become one space, and
//    characters XML 1.0 cannot carry are dropped (control characters,
//    U+FFFE, U+FFFF); invalid UTF-8 (lone surrogates included) becomes
//    U+FFFD.
//
// Render(pairs) is ToMemory(pairs) followed by RenderMemory(), so a file
// read back with TmxReader and written again with RenderMemory() (and the
// same creation_time) has the same bytes. Output is deterministic when
// options.creation_time is set: the same input gives the same bytes.
#ifndef CROSSALIGN_TMX_WRITER_H_
#define CROSSALIGN_TMX_WRITER_H_

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/status.h"
#include "crossalign/tmx_memory.h"

namespace crossalign {

struct TmxWriterOptions {
  // The creationdate written (UTC, to the second). When not set, the current
  // time, read once per Render() or RenderMemory(); set it for reproducible
  // files.
  std::optional<std::chrono::system_clock::time_point> creation_time;
  std::string adminlang = "en";
};

class TmxWriter {
 public:
  explicit TmxWriter(TmxWriterOptions options = {});

  // The TMX document for `pairs`: one unit per pair bead with text on both
  // sides (filter by score first with KeepScoring() in writers.h, or write
  // through Write() there). All pairs should share a source language;
  // srclang is the first pair's source language.
  StatusOr<std::string> Render(const std::vector<AlignedPair>& pairs) const;

  // Renders and writes to `path` through a temporary file in the same folder
  // that is renamed into place, so no half-written file is ever left.
  Status WriteFile(const std::string& path,
                   const std::vector<AlignedPair>& pairs) const;

  // The units Render() writes for `pairs`, as data.
  StatusOr<TmxMemory> ToMemory(const std::vector<AlignedPair>& pairs) const;

  // The TMX 1.4b document for a memory (one read by TmxReader, merged, or
  // built by ToMemory), written as it is, except that:
  //  - empty header attributes get crossalign's values (creationtool,
  //    creationtoolversion, segtype "sentence", o-tmf, options.adminlang,
  //    srclang = the first variant's language, datatype "plaintext") and an
  //    empty creationdate, of header or unit, is options.creation_time;
  //  - a unit without tuid gets one hashed from its languages and texts;
  //  - plain segments are trimmed and their white space collapsed; a
  //    segment's seg_xml is written as markup when it is well-formed and uses
  //    only TMX inline elements (bpt, ept, it, ph, hi, ut, sub), otherwise
  //    its text is written;
  //  - variants without a language or without text are left out, and so are
  //    units left with fewer than two variants (no half-empty units).
  StatusOr<std::string> RenderMemory(const TmxMemory& memory) const;

  // RenderMemory() written to `path` atomically, as WriteFile() does.
  Status WriteMemoryFile(const std::string& path,
                         const TmxMemory& memory) const;

 private:
  TmxWriterOptions options_;
};

// Formats a time as TMX wants it: "20250314T103000Z" (UTC).
std::string FormatTmxDate(std::chrono::system_clock::time_point time);

}  // namespace crossalign

#endif  // CROSSALIGN_TMX_WRITER_H_
