// The band of the translation aligner's DP: which cells (i source and j
// target sentences consumed) the search visits. Around the diagonal for
// documents of moderate size; for long ones, around the path found by
// aligning blocks of sentences first (coarse to fine), which keeps time and
// memory linear in the document length. Internal.
#ifndef CROSSALIGN_SRC_ALIGN_ALIGNMENT_BAND_H_
#define CROSSALIGN_SRC_ALIGN_ALIGNMENT_BAND_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "align/band.h"
#include "crossalign/alignment.h"

namespace crossalign::internal {

// DP rows 0..n (row i: i source sentences consumed), a band of half-width
// `width` around the straight diagonal; 0 means everything.
Band DiagonalBand(int n, int m, int width);

// Makes a band searchable: every row non-empty, bounds non-decreasing, and
// consecutive rows overlapping so that a path from (0,0) to (n,m) exists.
void RepairBand(Band* band, int m);

// Coarse-to-fine parameters (TranslationAlignerOptions): pairs up to
// `direct_cells` DP cells (n x m; 8,000 x 8,000 sentences by default) are
// searched in one band around the diagonal; longer ones coarse-to-fine, in
// blocks of `block` sentences, keeping `margin` units around the projected
// coarser path. Length-only block alignment drifts on very uniform text (the
// Bible en-zh set: strict F1 0.84 coarse-to-fine against 0.95 in one band),
// so the direct search is kept for everything of book length.
struct BandPlan {
  int band = 60;
  int block = 8;
  int margin = 32;
  int64_t direct_cells = int64_t{64} << 20;
};

// The band to search for sentences of these lengths: around the diagonal
// for documents of moderate size; for long ones, around the path found by
// aligning blocks of plan.block sentences with the length model
// (recursively). `depth` is the block level (0: sentences).
Band PlanBand(const std::vector<int>& src_len, const std::vector<int>& tgt_len,
              const BandPlan& plan, int depth = 0);

// Where the best path runs along the edge of the band, the band was too
// narrow there (the coarse path drifted, as length-only block alignment does
// on very uniform text): widens the band around those rows. Returns whether
// anything changed.
// The part of `band` within `margin` columns (and rows) of `path`, a path
// through it from (0, 0): the second pass of the aligner searches around the
// first pass's path instead of the whole band.
Band NarrowToPath(const std::vector<Bead>& path, int margin, const Band& band);

bool WidenWherePathTouchesEdge(const std::vector<Bead>& path, int m, int margin,
                               Band* band);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_ALIGNMENT_BAND_H_
