#include "align/bead_search.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace crossalign::internal {
namespace {

// Range of the lexical z-score in the bead cost.
constexpr double kMinLexicalZ = -3.0;
constexpr double kMaxLexicalZ = 8.0;
// Cost (in nats) of pairing a heading with body text when both documents
// have headings: about the cost of a 1-0 plus a 0-1 bead.
constexpr double kHeadingMismatchCost = 8.0;
constexpr double kInf = std::numeric_limits<double>::infinity();

// BeadScorer::Overlap of every (source, target) sentence pair that a bead
// ending in the band can cover, computed once per search.
class OverlapTable {
 public:
  OverlapTable(const BeadScorer& scorer, const Band& band, int n, int m) {
    // Rows: source sentence s (0..n-1); columns: target sentence.
    pairs_.lo.resize(n);
    pairs_.hi.resize(n);
    for (int s = 0; s < n; ++s) {
      int lo = m, hi = -1;
      for (int r = s + 1; r <= std::min(n, s + kMaxShapeSide); ++r) {
        lo = std::min(lo, band.lo[r] - kMaxShapeSide);
        hi = std::max(hi, band.hi[r] - 1);
      }
      pairs_.lo[s] = std::max(0, lo);
      pairs_.hi[s] = std::min(m - 1, hi);
    }
    pairs_.Finish();
    if (scorer.lexical_weight > 0) Fill(scorer, n);
  }

  // The summed overlaps of source sentences [s0, s1) with target sentences
  // [t0, t1). Every pair a bead in the band covers lies in the table (it
  // was built so), so the overlaps are read without bounds checks.
  double Sum(int s0, int s1, int t0, int t1) const {
    double sum = 0;
    for (int s = s0; s < s1; ++s) {
      const float* row =
          values_.data() + (static_cast<long>(pairs_.start[s]) - pairs_.lo[s]);
      for (int t = t0; t < t1; ++t) sum += row[t];
    }
    return sum;
  }

 private:
  // Scorer::Overlap for every cell, row by row: the source sentence's key
  // weights are spread into a table indexed by key, so each target
  // sentence costs one lookup per key instead of a merge.
  void Fill(const BeadScorer& scorer, int n) {
    values_.assign(pairs_.cells, 0.0f);
    std::vector<float> mark(scorer.weight->size(), 0.0f);
    const float* weight = scorer.weight->data();
    for (int s = 0; s < n; ++s) {
      const std::vector<uint32_t>& keys = scorer.SrcKeys(s);
      for (uint32_t k : keys) mark[k] = weight[k];
      float* row = values_.data() + pairs_.start[s];
      const double src_mass = scorer.src_mass[s];
      for (int t = pairs_.lo[s]; t <= pairs_.hi[s]; ++t) {
        double sum = 0;
        for (uint32_t k : (*scorer.tgt)[t].keys) sum += mark[k];
        row[t - pairs_.lo[s]] = static_cast<float>(
            std::min(sum, std::min(src_mass, scorer.tgt_mass[t])));
      }
      for (uint32_t k : keys) mark[k] = 0.0f;
    }
  }

  Band pairs_;
  std::vector<float> values_;
};

// Prefix sums over one side's sentences: total length and key mass of the
// first k sentences.
struct PrefixSums {
  std::vector<double> length, mass;

  PrefixSums(const std::vector<SentenceFeatures>& side,
             const std::vector<double>& sentence_mass, int count)
      : length(count + 1, 0), mass(count + 1, 0) {
    for (int k = 0; k < count; ++k) {
      length[k + 1] = length[k] + side[k].length;
      mass[k + 1] = mass[k] + sentence_mass[k];
    }
  }
};

// The cost (in nats) and the confidence of a bead of a given shape ending
// at a given cell.
class BeadCost {
 public:
  BeadCost(const BeadScorer& scorer, const Band& band, int n, int m)
      : scorer_(scorer),
        overlaps_(scorer, band, n, m),
        src_sums_(*scorer.src, scorer.src_mass, n),
        tgt_sums_(*scorer.tgt, scorer.tgt_mass, m),
        max_lexical_gain_(scorer.lexical_weight * kMaxLexicalZ) {
    for (int k = 0; k < kNumBeadShapes; ++k) {
      log_prior_[k] = -std::log(kBeadShapes[k].prior);
    }
  }

  // The least a bead of shape k can cost: its prior, less the most the
  // lexical term can take off.
  double Floor(int k) const {
    const bool pair = kBeadShapes[k].src > 0 && kBeadShapes[k].tgt > 0;
    return log_prior_[k] - (pair ? max_lexical_gain_ : 0.0);
  }

  // The cost of bead shape k ending at (i, j); `budget` is the cost above
  // which the caller has no use for the exact value, so the lexical term is
  // skipped when even its best case could not bring the cost under it.
  double operator()(int k, int i, int j, double budget) const {
    const int a = kBeadShapes[k].src, b = kBeadShapes[k].tgt;
    const std::vector<SentenceFeatures>& src = *scorer_.src;
    const std::vector<SentenceFeatures>& tgt = *scorer_.tgt;
    double c = log_prior_[k];
    if (scorer_.paragraphs &&
        ((a > 1 && src[i - a].paragraph != src[i - 1].paragraph) ||
         (b > 1 && tgt[j - b].paragraph != tgt[j - 1].paragraph))) {
      return kInf;
    }
    if (a == 0 || b == 0) return c;
    // A heading paired with body text: possible (detection can err), but
    // it needs strong evidence.
    if (scorer_.headings && src[i - 1].heading != tgt[j - 1].heading) {
      c += kHeadingMismatchCost;
    }
    c += scorer_.length.MatchCost(SrcLength(a, i), TgtLength(b, j));
    if (scorer_.lexical_weight > 0 && c - max_lexical_gain_ < budget) {
      // Clamped, so that one striking match cannot outweigh everything else.
      c -= scorer_.lexical_weight *
           std::clamp(LexicalZ(a, b, i, j), kMinLexicalZ, kMaxLexicalZ);
    }
    return c;
  }

 private:
  double SrcLength(int a, int i) const {
    return src_sums_.length[i] - src_sums_.length[i - a];
  }
  double TgtLength(int b, int j) const {
    return tgt_sums_.length[j] - tgt_sums_.length[j - b];
  }
  // How far the key similarity of the bead stands out from random pairs.
  double LexicalZ(int a, int b, int i, int j) const {
    const double overlap = overlaps_.Sum(i - a, i, j - b, j);
    const double sim = BeadScorer::Similarity(
        overlap, src_sums_.mass[i] - src_sums_.mass[i - a],
        tgt_sums_.mass[j] - tgt_sums_.mass[j - b]);
    return (sim - scorer_.sim_mean) / scorer_.sim_sd;
  }

  const BeadScorer& scorer_;
  const OverlapTable overlaps_;
  const PrefixSums src_sums_, tgt_sums_;
  // The most the lexical term can lower a bead's cost.
  const double max_lexical_gain_;
  double log_prior_[kNumBeadShapes];
};

// Where, in the ring of cost rows, the cells a bead of each shape ending on
// row i starts from lie.
struct PredecessorRows {
  long base[kNumBeadShapes];
  int lo[kNumBeadShapes], hi[kNumBeadShapes];
};

// Costs are kept for the last kMaxShapeSide + 1 rows only (a bead reaches
// back at most kMaxShapeSide rows); the back pointers for every cell.
// At a million sentences this saves 8 bytes a cell (about 800 MB).
constexpr int kRing = kMaxShapeSide + 1;

PredecessorRows FindPredecessorRows(const Band& band, int i, int max_width,
                                    const int* shapes, int num_shapes) {
  PredecessorRows rows;
  for (int x = 0; x < num_shapes; ++x) {
    const int k = shapes[x];
    const int r = i - kBeadShapes[k].src;
    if (r < 0) {
      rows.lo[k] = 1;
      rows.hi[k] = 0;  // empty
      rows.base[k] = 0;
      continue;
    }
    rows.lo[k] = band.lo[r];
    rows.hi[k] = band.hi[r];
    rows.base[k] = static_cast<long>(r % kRing) * max_width - band.lo[r];
  }
  return rows;
}

// Fills the cost of the best path to every cell of the band, row by row;
// returns, for every cell, the shape of the last bead of that path (-1:
// unreachable).
std::vector<int8_t> FillCosts(const BeadCost& bead_cost, bool null_beads,
                              const Band& band, int n) {
  int max_width = 1;
  for (int r = 0; r <= n; ++r) {
    max_width = std::max(max_width, band.hi[r] - band.lo[r] + 1);
  }
  std::vector<double> cost(static_cast<size_t>(kRing) * max_width, kInf);
  std::vector<int8_t> back(band.cells, -1);
  // A shape whose predecessor's cost plus its floor is no better than the
  // best so far is skipped without computing its cost (exact: the result is
  // the same).
  double floor_cost[kNumBeadShapes];
  int shapes[kNumBeadShapes], num_shapes = 0;
  for (int k = 0; k < kNumBeadShapes; ++k) {
    if (!null_beads && (kBeadShapes[k].src == 0 || kBeadShapes[k].tgt == 0)) {
      continue;
    }
    shapes[num_shapes++] = k;
    floor_cost[k] = bead_cost.Floor(k);
  }
  const double* cost_data = cost.data();
  for (int i = 0; i <= n; ++i) {
    const PredecessorRows prev =
        FindPredecessorRows(band, i, max_width, shapes, num_shapes);
    const long here_base =
        static_cast<long>(i % kRing) * max_width - band.lo[i];
    const long back_base = static_cast<long>(band.start[i]) - band.lo[i];
    for (int j = band.lo[i]; j <= band.hi[i]; ++j) {
      if (i == 0 && j == 0) {
        cost[here_base + j] = 0.0;
        continue;
      }
      double best = kInf;
      int8_t best_k = -1;
      for (int x = 0; x < num_shapes; ++x) {
        const int k = shapes[x];
        const int c_prev = j - kBeadShapes[k].tgt;
        if (c_prev < prev.lo[k] || c_prev > prev.hi[k]) continue;
        const double before = cost_data[prev.base[k] + c_prev];
        if (before + floor_cost[k] >= best) continue;  // also skips kInf
        const double c = before + bead_cost(k, i, j, best - before);
        if (c < best) {
          best = c;
          best_k = static_cast<int8_t>(k);
        }
      }
      cost[here_base + j] = best;
      back[back_base + j] = best_k;
    }
  }
  return back;
}

// Follows the back pointers from (n, m) to (0, 0). The beads' scores are
// set afterwards, by the fitted scorer (ScoreTranslationBeads).
std::vector<Bead> TraceBack(const Band& band, const std::vector<int8_t>& back,
                            int n, int m) {
  std::vector<Bead> beads;
  int i = n, j = m;
  while (i > 0 || j > 0) {
    const long here = band.Cell(i, j);
    const int k = here < 0 ? -1 : back[here];
    if (k < 0) break;
    Bead bead;
    const int a = kBeadShapes[k].src, b = kBeadShapes[k].tgt;
    for (int s = i - a; s < i; ++s) bead.src.push_back(s);
    for (int t = j - b; t < j; ++t) bead.tgt.push_back(t);
    beads.push_back(std::move(bead));
    i -= a;
    j -= b;
  }
  std::reverse(beads.begin(), beads.end());
  return beads;
}

}  // namespace

std::vector<Bead> SearchBeads(const BeadScorer& scorer, const Band& band, int n,
                              int m) {
  const BeadCost bead_cost(scorer, band, n, m);
  const std::vector<int8_t> back =
      FillCosts(bead_cost, scorer.null_beads, band, n);
  return TraceBack(band, back, n, m);
}

}  // namespace crossalign::internal
