// TmxWriter: writes aligned pairs as a TMX 1.4b translation memory.
//
// The file loads in CAT tools (OmegaT, Trados, memoQ, translate-toolkit):
//  - the header carries creationtool="crossalign", creationtoolversion,
//    segtype="sentence", o-tmf, adminlang, srclang and datatype="plaintext",
//    and a UTC creationdate (YYYYMMDDThhmmssZ) from an injectable clock;
//  - one <tu> per bead that has text on both sides (no 1-0 or 0-1 units),
//    with a stable tuid and props x-score, x-bead, x-mode and x-position;
//  - the source <tuv> comes first; each <tuv> has xml:lang and an x-document
//    prop (plus x-outlet and x-date when the article header gives them);
//  - segments are trimmed, inner white space runs become one space, and
//    characters XML 1.0 cannot carry are dropped.
#ifndef CROSSALIGN_TMX_WRITER_H_
#define CROSSALIGN_TMX_WRITER_H_

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/status.h"

namespace crossalign {

using Clock = std::function<std::chrono::system_clock::time_point()>;

struct TmxWriterOptions {
  // Source of creationdate; the system clock when empty. Inject a fixed time
  // for reproducible files.
  Clock clock;
  std::string adminlang = "en";
  // Beads scoring below this are left out.
  double min_score = 0.0;
};

class TmxWriter {
 public:
  explicit TmxWriter(TmxWriterOptions options = {});

  // The TMX document for `pairs`. All pairs should share a source language;
  // srclang is the first pair's source language.
  StatusOr<std::string> Render(const std::vector<AlignedPair>& pairs) const;

  // Renders and writes to `path` through a temporary file in the same folder
  // that is renamed into place, so no half-written file is ever left.
  Status WriteFile(const std::string& path,
                   const std::vector<AlignedPair>& pairs) const;

 private:
  TmxWriterOptions options_;
};

// Formats a time as TMX wants it: "20250314T103000Z" (UTC).
std::string FormatTmxDate(std::chrono::system_clock::time_point time);

// Parses "2025-03-14", "2025-03-14T10:30:00Z" or "20250314T103000Z" (UTC).
StatusOr<std::chrono::system_clock::time_point> ParseDate(
    const std::string& text);

}  // namespace crossalign

#endif  // CROSSALIGN_TMX_WRITER_H_
