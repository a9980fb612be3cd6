#include "crossalign/language_identifier.h"

namespace crossalign {

LanguageShares CountLanguageShares(const Document& doc) {
  LanguageShares shares;
  size_t other = 0;
  for (const Segment& seg : doc.segments()) {
    if (seg.kind == SegmentKind::kBoilerplate) continue;
    ++shares.sentences;
    ++shares.sentences_by_lang[seg.lang];
    if (seg.lang != doc.lang() && seg.lang != kUndeterminedLanguage) ++other;
  }
  if (shares.sentences > 0) {
    shares.other_share =
        static_cast<double>(other) / static_cast<double>(shares.sentences);
  }
  return shares;
}

}  // namespace crossalign
