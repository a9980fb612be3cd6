#include "align/bead_search.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>

namespace crossalign::internal {
namespace {

// Range of the lexical z-score in the bead cost.
constexpr double kMinLexicalZ = -3.0;
constexpr double kMaxLexicalZ = 8.0;
// Cost (in nats) of pairing a heading with body text when both documents
// have headings: about the cost of a 1-0 plus a 0-1 bead.
constexpr double kHeadingMismatchCost = 8.0;
constexpr double kInf = std::numeric_limits<double>::infinity();

// BeadScorer::Overlap of the (source, target) sentence pairs that a bead
// ending in the band can cover. The DP reads, on row i, source sentences
// i - kMaxShapeSide .. i - 1 only, so only those rows are kept: each row is
// filled as the DP reaches it (Load), in a ring of kMaxShapeSide rows. A
// table of every cell took 4 bytes a cell (600 MB at a million sentences).
class OverlapTable {
 public:
  OverlapTable(const BeadScorer& scorer, const Band& band, int n, int m)
      : scorer_(scorer) {
    std::fill(std::begin(row_in_slot_), std::end(row_in_slot_), -1);
    // Rows: source sentence s (0..n-1); columns: target sentence.
    lo_.resize(n);
    hi_.resize(n);
    for (int s = 0; s < n; ++s) {
      int lo = m, hi = -1;
      for (int r = s + 1; r <= std::min(n, s + kMaxShapeSide); ++r) {
        lo = std::min(lo, band.lo[r] - kMaxShapeSide);
        hi = std::max(hi, band.hi[r] - 1);
      }
      lo_[s] = std::max(0, lo);
      hi_[s] = std::min(m - 1, hi);
      width_ = std::max(width_, hi_[s] - lo_[s] + 1);
    }
    if (scorer.lexical_weight > 0) {
      values_.assign(static_cast<size_t>(kMaxShapeSide) * width_, 0.0f);
      sums_.assign(width_, 0.0);
      count_.assign(scorer.weight->size(), 0);
      begin_.assign(scorer.weight->size(), 0);
      end_.assign(scorer.weight->size(), 0);
    }
  }

  // Makes source sentence s's row readable by Sum (evicting the row
  // kMaxShapeSide before it).
  void Load(int s) {
    if (values_.empty() || row_in_slot_[s % kMaxShapeSide] == s) return;
    row_in_slot_[s % kMaxShapeSide] = s;
    FillRow(s);
  }

  // The summed overlaps of source sentences [s0, s1) with target sentences
  // [t0, t1). Every pair a bead in the band covers lies in the rows (they
  // were built so), and the DP has loaded them, so the overlaps are read
  // without bounds checks.
  double Sum(int s0, int s1, int t0, int t1) const {
    double sum = 0;
    for (int s = s0; s < s1; ++s) {
      const float* row = values_.data() +
                         static_cast<long>(s % kMaxShapeSide) * width_ - lo_[s];
      for (int t = t0; t < t1; ++t) sum += row[t];
    }
    return sum;
  }

 private:
  // Row s whole, from the postings of the target sentences: each source key
  // adds its weight to the cells of the target sentences that have it, in
  // ascending key order, so every cell sums the same weights in the same
  // order as a merge of the two key lists (BeadScorer::Overlap, the same
  // value), while the keys the two sides do not share, most of them, cost
  // nothing.
  void FillRow(int s) {
    const int lo = lo_[s], hi = hi_[s];
    if (lo < post_lo_ || hi >= post_hi_) {
      const int m = static_cast<int>(scorer_.tgt->size());
      BuildPostings(lo, std::max(hi + 1, std::min(m, lo + kPostingColumns)));
    }
    const float* weight = scorer_.weight->data();
    std::fill(sums_.begin(), sums_.begin() + (hi - lo + 1), 0.0);
    for (uint32_t k : scorer_.SrcKeys(s)) {
      if (begin_[k] == end_[k]) continue;
      const double w = weight[k];
      const uint32_t* first = postings_.data() + begin_[k];
      const uint32_t* last = postings_.data() + end_[k];
      for (const uint32_t* p =
               std::lower_bound(first, last, static_cast<uint32_t>(lo));
           p != last && static_cast<int>(*p) <= hi; ++p) {
        sums_[*p - lo] += w;
      }
    }
    float* row = values_.data() + static_cast<long>(s % kMaxShapeSide) * width_;
    const double src_mass = scorer_.src_mass[s];
    for (int t = lo; t <= hi; ++t) {
      row[t - lo] = static_cast<float>(
          std::min(sums_[t - lo], std::min(src_mass, scorer_.tgt_mass[t])));
    }
  }

  // The postings of target sentences [c0, c1): for each key, the sentences
  // that have it, ascending (a counting sort by key).
  void BuildPostings(int c0, int c1) {
    for (uint32_t k : post_keys_) begin_[k] = end_[k] = 0;
    post_keys_.clear();
    const std::vector<SentenceFeatures>& tgt = *scorer_.tgt;
    for (int t = c0; t < c1; ++t) {
      for (uint32_t k : tgt[t].keys) {
        if (count_[k]++ == 0) post_keys_.push_back(k);
      }
    }
    uint32_t offset = 0;
    for (uint32_t k : post_keys_) {
      begin_[k] = end_[k] = offset;
      offset += count_[k];
      count_[k] = 0;
    }
    postings_.resize(offset);
    for (int t = c0; t < c1; ++t) {
      for (uint32_t k : tgt[t].keys) postings_[end_[k]++] = t;
    }
    post_lo_ = c0;
    post_hi_ = c1;
  }

  // Target sentences the postings cover at a time: the band's rows move
  // right slowly, so each target sentence's keys are posted about once.
  static constexpr int kPostingColumns = 4096;

  const BeadScorer& scorer_;
  std::vector<int> lo_, hi_;  // the columns of each source row
  int width_ = 1;             // the widest row
  std::vector<float> values_;
  int row_in_slot_[kMaxShapeSide];  // which row each slot holds (-1: none)
  std::vector<double> sums_;        // FillRow's sums, per column
  // Postings of target sentences [post_lo_, post_hi_): key k's sentences
  // are postings_[begin_[k], end_[k]).
  std::vector<uint32_t> postings_, count_, begin_, end_, post_keys_;
  int post_lo_ = 0, post_hi_ = 0;
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

  // Makes the overlaps of source sentence s readable: the DP calls it for
  // row i - 1 before row i.
  void LoadSourceRow(int s) { overlaps_.Load(s); }

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
  OverlapTable overlaps_;
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

// The back pointer of the cell that ends an anchor bead.
constexpr int8_t kAnchorBack = 127;
static_assert(kNumBeadShapes < kAnchorBack, "kAnchorBack is not a shape");

// What the anchors allow, per DP row i of 0..n: the columns [lo[i], hi[i]]
// (none inside an anchor), the first anchor starting at row i or later
// (next[i]), the anchor ending at row i (ends[i]) and starting at row i
// (starts[i]), -1 for none; and the cost of the best path to each anchor's
// start, filled by the search.
struct AnchorPlan {
  const std::vector<AnchorBead>* anchors = nullptr;
  std::vector<int> lo, hi, next, ends, starts;
  mutable std::vector<double> start_cost;

  AnchorPlan(const std::vector<AnchorBead>& list, int n, int m)
      : anchors(&list),
        lo(n + 1, 0),
        hi(n + 1, m),
        next(n + 2, -1),
        ends(n + 1, -1),
        starts(n + 1, -1),
        start_cost(list.size(), kInf) {
    for (size_t a = 0; a < list.size(); ++a) {
      const AnchorBead& x = list[a];
      for (int i = 0; i <= n; ++i) {
        if (i <= x.s0) {
          hi[i] = std::min(hi[i], x.t0);
        } else if (i <= x.s1) {
          lo[i] = 1;  // inside the anchor: no cell
          hi[i] = 0;
        } else {
          lo[i] = std::max(lo[i], x.t1 + 1);
        }
      }
      if (x.s1 + 1 <= n) ends[x.s1 + 1] = static_cast<int>(a);
      if (x.s0 <= n) starts[x.s0] = static_cast<int>(a);
    }
    for (int i = n; i >= 0; --i) {
      next[i] = starts[i] >= 0 ? starts[i] : next[i + 1];
    }
  }
  // Whether a bead from row r to row i would jump over (part of) an anchor.
  bool Crosses(int r, int i) const {
    const int a = next[std::max(r, 0)];
    return a >= 0 && r <= (*anchors)[a].s0 && (*anchors)[a].s0 < i;
  }
};

// Fills the cost of the best path to every cell of the band, row by row;
// returns, for every cell, the shape of the last bead of that path (-1:
// unreachable).
std::vector<int8_t> FillCosts(BeadCost& bead_cost, bool null_beads,
                              const Band& band, int n,
                              const AnchorPlan* anchors) {
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
    if (i > 0) bead_cost.LoadSourceRow(i - 1);
    const PredecessorRows prev =
        FindPredecessorRows(band, i, max_width, shapes, num_shapes);
    const long here_base =
        static_cast<long>(i % kRing) * max_width - band.lo[i];
    const long back_base = static_cast<long>(band.start[i]) - band.lo[i];
    for (int j = band.lo[i]; j <= band.hi[i]; ++j) {
      if (anchors != nullptr && (j < anchors->lo[i] || j > anchors->hi[i])) {
        cost[here_base + j] = kInf;
        continue;
      }
      if (i == 0 && j == 0) {
        cost[here_base + j] = 0.0;
        if (anchors != nullptr && anchors->starts[0] >= 0 &&
            (*anchors->anchors)[anchors->starts[0]].t0 == 0) {
          anchors->start_cost[anchors->starts[0]] = 0.0;
        }
        continue;
      }
      double best = kInf;
      int8_t best_k = -1;
      for (int x = 0; x < num_shapes; ++x) {
        const int k = shapes[x];
        if (anchors != nullptr && anchors->Crosses(i - kBeadShapes[k].src, i)) {
          continue;
        }
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
      if (anchors != nullptr && anchors->ends[i] >= 0) {
        // The anchor bead itself, from its start whatever its shape; every
        // path takes it, so its own cost does not matter.
        const int a = anchors->ends[i];
        if ((*anchors->anchors)[a].t1 + 1 == j &&
            anchors->start_cost[a] < best) {
          best = anchors->start_cost[a];
          best_k = kAnchorBack;
        }
      }
      cost[here_base + j] = best;
      back[back_base + j] = best_k;
      if (anchors != nullptr && anchors->starts[i] >= 0 &&
          (*anchors->anchors)[anchors->starts[i]].t0 == j) {
        anchors->start_cost[anchors->starts[i]] = best;
      }
    }
  }
  return back;
}

// Follows the back pointers from (n, m) to (0, 0). The beads' scores are
// set afterwards, by the fitted scorer (ScoreTranslationBeads); an anchor
// bead (a link the caller fixed) keeps score 1.
std::vector<Bead> TraceBack(const Band& band, const std::vector<int8_t>& back,
                            int n, int m, const AnchorPlan* anchors) {
  std::vector<Bead> beads;
  int i = n, j = m;
  while (i > 0 || j > 0) {
    const long here = band.Cell(i, j);
    const int k = here < 0 ? -1 : back[here];
    if (k < 0) break;
    Bead bead;
    if (k == kAnchorBack) {
      const AnchorBead& x = (*anchors->anchors)[anchors->ends[i]];
      for (int s = x.s0; s <= x.s1; ++s) bead.src.push_back(s);
      for (int t = x.t0; t <= x.t1; ++t) bead.tgt.push_back(t);
      bead.score = 1.0;
      beads.push_back(std::move(bead));
      i = x.s0;
      j = x.t0;
      continue;
    }
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
  BeadCost bead_cost(scorer, band, n, m);
  std::unique_ptr<AnchorPlan> anchors;
  if (scorer.anchors != nullptr && !scorer.anchors->empty()) {
    anchors = std::make_unique<AnchorPlan>(*scorer.anchors, n, m);
  }
  const std::vector<int8_t> back =
      FillCosts(bead_cost, scorer.null_beads, band, n, anchors.get());
  return TraceBack(band, back, n, m, anchors.get());
}

}  // namespace crossalign::internal
