// The translation aligner's dynamic programme over bead shapes (as
// vecalign's dp_core): fill the cost of every cell of the band, trace the
// best path back from (n, m), and score each bead on it. Internal.
#ifndef CROSSALIGN_SRC_ALIGN_BEAD_SEARCH_H_
#define CROSSALIGN_SRC_ALIGN_BEAD_SEARCH_H_

#include <vector>

#include "align/band.h"
#include "align/bead_scorer.h"
#include "crossalign/alignment.h"

namespace crossalign::internal {

// The best path through `band` from (0, 0) to (n, m), as beads with their
// confidence scores. Shorter when the band holds no complete path. With
// scorer.anchors (sorted, neither overlapping nor crossing), the path takes
// every anchor as one bead (score 1: a person fixed it, whatever its shape)
// and no other bead crosses one: the search aligns between the anchors.
std::vector<Bead> SearchBeads(const BeadScorer& scorer, const Band& band, int n,
                              int m);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_BEAD_SEARCH_H_
