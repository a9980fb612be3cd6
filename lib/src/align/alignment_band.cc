#include "align/alignment_band.h"

#include <cmath>
#include <cstdlib>

#include "align/bead_search.h"
#include "align/length_model.h"

namespace crossalign::internal {
namespace {

// The block size at block level `depth`. Sentences are grouped in blocks of
// plan.block; blocks, if there are still too many, in blocks big enough for
// the next level to be searched directly: at most two block levels. With
// three (blocks of 8, 64 and 512 at a million sentences) the concatenated
// Text+Berg documents lost the path (strict F1 0.016) where two levels keep
// it at 300k (0.855): each level's path may stray from the truth by up to
// its margin, and the errors add up.
int BlockSize(const BandPlan& plan, int n, int m, int depth) {
  int block = plan.block;
  if (depth > 0) {
    const int side = std::max(
        1, static_cast<int>(std::sqrt(static_cast<double>(plan.direct_cells))));
    block = std::max(block, (std::max(n, m) + side - 1) / side);
  }
  return block;
}

// The first sentence of each of `blocks` blocks over `count` sentences,
// and `count` at the end.
std::vector<int> BlockBounds(int blocks, int count) {
  std::vector<int> bounds(blocks + 1);
  for (int x = 0; x <= blocks; ++x) {
    bounds[x] = static_cast<int>(static_cast<int64_t>(x) * count / blocks);
  }
  return bounds;
}

// The total length of each block.
std::vector<int> BlockLengths(const std::vector<int>& lengths,
                              const std::vector<int>& bounds) {
  const int blocks = static_cast<int>(bounds.size()) - 1;
  std::vector<int> out(blocks, 0);
  for (int x = 0; x < blocks; ++x) {
    for (int i = bounds[x]; i < bounds[x + 1]; ++i) out[x] += lengths[i];
  }
  return out;
}

// Aligns k source blocks with k target blocks by length, in `band`: a path
// from (0,0) to (k,k) without null beads (should the band not hold one,
// null beads are allowed again). Two passes, as at the sentence level: the
// variance of block lengths is re-estimated from the first.
std::vector<Bead> AlignBlocks(const std::vector<int>& src_blocks,
                              const std::vector<int>& tgt_blocks,
                              const LengthModel& length, const Band& band) {
  const int k = static_cast<int>(src_blocks.size());
  std::vector<SentenceFeatures> fs(k), ft(k);
  for (int x = 0; x < k; ++x) {
    fs[x].length = src_blocks[x];
    ft[x].length = tgt_blocks[x];
  }
  BeadScorer coarse;
  coarse.src = &fs;
  coarse.tgt = &ft;
  coarse.src_mass.assign(k, 0);
  coarse.tgt_mass.assign(k, 0);
  coarse.length = length;
  coarse.null_beads = false;
  auto search = [&] {
    std::vector<Bead> path = SearchBeads(coarse, band, k, k);
    int covered = 0;
    for (const Bead& b : path) covered += static_cast<int>(b.src.size());
    if (covered != k && !coarse.null_beads) {
      coarse.null_beads = true;
      path = SearchBeads(coarse, band, k, k);
    }
    return path;
  };
  std::vector<Bead> path = search();
  coarse.length = ReestimateLengthModel(fs, ft, path, coarse.length);
  return search();
}

// Projects each block bead of `path` onto sentence rows and columns and
// widens it by `margin`. Rows near a block boundary may belong to the
// neighbouring block, so the margin applies to rows as well as columns.
Band ProjectBlockPath(const std::vector<Bead>& path,
                      const std::vector<int>& src_bounds,
                      const std::vector<int>& tgt_bounds, int margin) {
  const int n = src_bounds.back(), m = tgt_bounds.back();
  Band band;
  band.lo.assign(n + 1, m);
  band.hi.assign(n + 1, 0);
  int si = 0, tj = 0;  // blocks consumed so far
  for (const Bead& b : path) {
    const int s0 = src_bounds[si];
    const int s1 = src_bounds[si + static_cast<int>(b.src.size())];
    const int t0 = tgt_bounds[tj];
    const int t1 = tgt_bounds[tj + static_cast<int>(b.tgt.size())];
    for (int i = std::max(0, s0 - margin); i <= std::min(n, s1 + margin); ++i) {
      band.lo[i] = std::min(band.lo[i], t0 - margin);
      band.hi[i] = std::max(band.hi[i], t1 + margin);
    }
    si += static_cast<int>(b.src.size());
    tj += static_cast<int>(b.tgt.size());
  }
  RepairBand(&band, m);
  return band;
}

}  // namespace

Band DiagonalBand(int n, int m, int width) {
  Band band;
  band.lo.resize(n + 1);
  band.hi.resize(n + 1);
  for (int i = 0; i <= n; ++i) {
    const int center =
        n == 0 ? 0 : static_cast<int>(static_cast<int64_t>(i) * m / n);
    band.lo[i] = width <= 0 ? 0 : std::max(0, center - width);
    band.hi[i] = width <= 0 ? m : std::min(m, center + width);
  }
  band.lo[0] = 0;
  band.hi[n] = m;
  band.Finish();
  return band;
}

void RepairBand(Band* band, int m) {
  const int n = static_cast<int>(band->lo.size()) - 1;
  band->lo[0] = 0;
  band->hi[n] = m;
  for (int i = 1; i <= n; ++i)
    band->hi[i] = std::max(band->hi[i], band->hi[i - 1]);
  for (int i = n - 1; i >= 0; --i)
    band->lo[i] = std::min(band->lo[i], band->lo[i + 1]);
  for (int i = 0; i <= n; ++i) {
    band->lo[i] = std::clamp(band->lo[i], 0, m);
    band->hi[i] = std::clamp(band->hi[i], band->lo[i], m);
  }
  for (int i = 0; i < n; ++i) {
    if (band->lo[i + 1] > band->hi[i]) band->hi[i] = band->lo[i + 1];
  }
  band->Finish();
}

Band PlanBand(const std::vector<int>& src_len, const std::vector<int>& tgt_len,
              const BandPlan& plan, int depth) {
  const int n = static_cast<int>(src_len.size());
  const int m = static_cast<int>(tgt_len.size());
  const int block = BlockSize(plan, n, m, depth);
  if (static_cast<int64_t>(n + 1) * (m + 1) <= plan.direct_cells ||
      n < 4 * block || m < 4 * block) {
    const int width = plan.band <= 0 ? 0 : plan.band + std::abs(n - m) / 2 + 2;
    return DiagonalBand(n, m, width);
  }
  // Both sides get the same number of blocks, so that the coarse path stays
  // near the diagonal even when one side has many more sentences.
  const int k = (std::max(n, m) + block - 1) / block;
  const std::vector<int> src_bounds = BlockBounds(k, n);
  const std::vector<int> tgt_bounds = BlockBounds(k, m);
  const std::vector<int> src_blocks = BlockLengths(src_len, src_bounds);
  const std::vector<int> tgt_blocks = BlockLengths(tgt_len, tgt_bounds);
  const Band block_band = PlanBand(src_blocks, tgt_blocks, plan, depth + 1);
  const std::vector<Bead> path = AlignBlocks(
      src_blocks, tgt_blocks, InitialLengthModel(src_len, tgt_len), block_band);
  return ProjectBlockPath(path, src_bounds, tgt_bounds, 3 * block + 8);
}

Band NarrowToPath(const std::vector<Bead>& path, int margin, const Band& band) {
  const int n = static_cast<int>(band.lo.size()) - 1;
  const int m = band.hi[n];
  Band out;
  out.lo.assign(n + 1, m);
  out.hi.assign(n + 1, 0);
  int i = 0, j = 0;
  for (const Bead& b : path) {
    const int i1 = i + static_cast<int>(b.src.size());
    const int j1 = j + static_cast<int>(b.tgt.size());
    for (int r = std::max(0, i - margin); r <= std::min(n, i1 + margin); ++r) {
      out.lo[r] = std::min(out.lo[r], j - margin);
      out.hi[r] = std::max(out.hi[r], j1 + margin);
    }
    i = i1;
    j = j1;
  }
  for (int r = 0; r <= n; ++r) {
    out.lo[r] = std::max(out.lo[r], band.lo[r]);
    out.hi[r] = std::min(out.hi[r], band.hi[r]);
  }
  RepairBand(&out, m);
  return out;
}

bool WidenWherePathTouchesEdge(const std::vector<Bead>& path, int m, int margin,
                               Band* band) {
  const int n = static_cast<int>(band->lo.size()) - 1;
  constexpr int kEdge = 2;
  // A path that only grazes the edge is fine; one that runs along it for
  // this many beads was held back by it.
  constexpr int kRun = 3;
  bool changed = false;
  int i = 0, j = 0, low_run = 0, high_run = 0;
  for (const Bead& b : path) {
    i += static_cast<int>(b.src.size());
    j += static_cast<int>(b.tgt.size());
    const bool low = band->lo[i] > 0 && j - band->lo[i] <= kEdge;
    const bool high = band->hi[i] < m && band->hi[i] - j <= kEdge;
    low_run = low ? low_run + 1 : 0;
    high_run = high ? high_run + 1 : 0;
    if (low_run < kRun && high_run < kRun) continue;
    for (int r = std::max(0, i - 2 * margin); r <= std::min(n, i + 2 * margin);
         ++r) {
      if (low_run >= kRun) {
        band->lo[r] = std::max(0, std::min(band->lo[r], j - 4 * margin));
      }
      if (high_run >= kRun) {
        band->hi[r] = std::min(m, std::max(band->hi[r], j + 4 * margin));
      }
    }
    changed = true;
  }
  if (changed) RepairBand(band, m);
  return changed;
}

}  // namespace crossalign::internal
