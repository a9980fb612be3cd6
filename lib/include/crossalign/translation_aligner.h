// TranslationAligner: aligns a document with its translation, in order.
//
// The first aligner is length-based dynamic programming in the manner of
// Gale & Church (1993): a bead's cost is -log P(bead type) - log P(length
// ratio | match). Unlike the original, the expected character ratio and its
// variance are estimated from the two documents themselves, so language pairs
// whose text lengths differ a lot (en-zh, en-ko) work too.
//
// Beads: 1-1, 1-0, 0-1, 1-2, 2-1 and 2-2. Only sentences and headings take
// part; boilerplate segments are skipped. Each bead gets a score in [0, 1].
#ifndef CROSSALIGN_TRANSLATION_ALIGNER_H_
#define CROSSALIGN_TRANSLATION_ALIGNER_H_

#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/document.h"
#include "crossalign/status.h"

namespace crossalign {

struct TranslationAlignerOptions {
  // Half-width of the search band around the diagonal, in segments. The band
  // also always covers the difference in segment counts. 0 means full search.
  int band = 200;
  // Align boilerplate segments too.
  bool keep_boilerplate = false;
};

class TranslationAligner {
 public:
  explicit TranslationAligner(const TranslationAlignerOptions& options = {});

  // Aligns the segments of two segmented documents.
  StatusOr<Alignment> Align(const Document& src, const Document& tgt) const;

  // Aligns two sequences of segment lengths (in characters). Bead indices
  // refer to positions in the two vectors.
  StatusOr<Alignment> AlignLengths(const std::vector<int>& src_lengths,
                                   const std::vector<int>& tgt_lengths) const;

 private:
  TranslationAlignerOptions options_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_TRANSLATION_ALIGNER_H_
