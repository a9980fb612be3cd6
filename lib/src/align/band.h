// The band of a banded DP matrix: the cells the translation aligner's search
// visits (bead_search.h) and the band planning chooses (alignment_band.h).
// Internal.
#ifndef CROSSALIGN_SRC_ALIGN_BAND_H_
#define CROSSALIGN_SRC_ALIGN_BAND_H_

#include <algorithm>
#include <cstddef>
#include <vector>

namespace crossalign::internal {

// Per-row column ranges [lo[i], hi[i]] of a banded matrix.
struct Band {
  std::vector<int> lo, hi;
  std::vector<size_t> start;  // offset of row i in the flat storage
  size_t cells = 0;

  // Computes `start` and `cells` from `lo` and `hi`.
  void Finish() {
    start.assign(lo.size() + 1, 0);
    for (size_t i = 0; i < lo.size(); ++i) {
      start[i + 1] =
          start[i] + static_cast<size_t>(std::max(0, hi[i] - lo[i] + 1));
    }
    cells = start.back();
  }
  // The offset of cell (i, j) in the flat storage, or -1 outside the band.
  long Cell(int i, int j) const {
    if (i < 0 || i >= static_cast<int>(lo.size()) || j < lo[i] || j > hi[i]) {
      return -1;
    }
    return static_cast<long>(start[i] + static_cast<size_t>(j - lo[i]));
  }
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_BAND_H_
