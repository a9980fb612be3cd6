#include "crossalign/translation_aligner.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>

#include "align/lexicon.h"
#include "align/text_features.h"

namespace crossalign {
namespace {

using internal::SentenceFeatures;

struct BeadShape {
  int src;
  int tgt;
  double prior;
};
// Priors: Gale & Church (1993) for 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2; 3-1 and
// 1-3 are rarer than 2-2 in the Text+Berg dev document, so they get a tenth
// of the 2-1 prior.
constexpr BeadShape kShapes[] = {
    {1, 1, 0.89},  {1, 0, 0.0099}, {0, 1, 0.0099}, {2, 1, 0.089},
    {1, 2, 0.089}, {2, 2, 0.011},  {3, 1, 0.0089}, {1, 3, 0.0089},
    {2, 3, 0.003}, {3, 2, 0.003},  {1, 4, 0.002},  {4, 1, 0.002},
};
constexpr int kNumShapes = sizeof(kShapes) / sizeof(kShapes[0]);
constexpr int kMaxShapeSide = 4;
// Range of the lexical z-score in the bead cost.
constexpr double kMinLexicalZ = -3.0;
constexpr double kMaxLexicalZ = 8.0;
// Cost (in nats) of pairing a heading with body text when both documents
// have headings: about the cost of a 1-0 plus a 0-1 bead.
constexpr double kHeadingMismatchCost = 8.0;
// Sentence pairs the learned lexicon is trained on, at most.
constexpr size_t kMaxLexiconPairs = 3000;
// Gale & Church's variance of the target length per source character.
constexpr double kDefaultVariance = 6.8;

double TwoSidedTail(double z) {
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

// -log TwoSidedTail(z), tabulated: the DP evaluates it for every bead it
// considers, and erfc and log dominated the profile.
class NegLogTail {
 public:
  NegLogTail() {
    for (int k = 0; k <= kSteps; ++k) {
      table_[k] = -std::log(TwoSidedTail(static_cast<double>(k) / kPerUnit));
    }
  }
  double operator()(double z) const {
    z = std::fabs(z);
    const double x = z * kPerUnit;
    if (x >= kSteps) {
      // Mills-ratio asymptote of the normal tail.
      return z * z / 2 + std::log(z) + 0.5 * std::log(M_PI / 2);
    }
    const int k = static_cast<int>(x);
    const double f = x - k;
    return table_[k] + f * (table_[k + 1] - table_[k]);
  }

 private:
  static constexpr int kPerUnit = 64;
  static constexpr int kSteps = 30 * kPerUnit;
  double table_[kSteps + 1];
};
// Built at start-up (1,921 entries): a function-local static's guard was
// checked on every bead cost.
const NegLogTail kNegLogTail;

struct LengthModel {
  double ratio = 1.0;  // expected target chars per source char
  double variance = kDefaultVariance;

  // The deviation of the lengths from the model, in standard deviations.
  double Deviation(double ls, double lt) const {
    const double lt_norm = lt / ratio;
    const double mean = (ls + lt_norm) / 2.0;
    if (mean <= 0) return 0.0;
    return (lt_norm - ls) / std::sqrt(variance * mean);
  }
  double MatchProbability(double ls, double lt) const {
    return TwoSidedTail(Deviation(ls, lt));
  }
  // -log MatchProbability, fast.
  double MatchCost(double ls, double lt) const {
    return kNegLogTail(Deviation(ls, lt));
  }
};

// Per-row column ranges [lo[i], hi[i]] of a banded matrix.
struct Band {
  std::vector<int> lo, hi;
  std::vector<size_t> start;  // offset of row i in the flat storage
  size_t cells = 0;

  void Finish() {
    start.assign(lo.size() + 1, 0);
    for (size_t i = 0; i < lo.size(); ++i) {
      start[i + 1] =
          start[i] + static_cast<size_t>(std::max(0, hi[i] - lo[i] + 1));
    }
    cells = start.back();
  }
  long Cell(int i, int j) const {
    if (i < 0 || i >= static_cast<int>(lo.size()) || j < lo[i] || j > hi[i]) {
      return -1;
    }
    return static_cast<long>(start[i] + static_cast<size_t>(j - lo[i]));
  }
};

// DP rows 0..n (row i: i source sentences consumed), a band of half-width
// `width` around the straight diagonal; 0 means everything.
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

// Coarse-to-fine parameters (TranslationAlignerOptions): pairs up to
// `direct_cells` DP cells (n x m; 8,000 x 8,000 sentences by default) are
// searched in one band around the diagonal; longer ones coarse-to-fine, in
// blocks of `block` sentences, keeping `margin` units around the projected
// coarser path. Length-only block alignment drifts on very uniform text (the
// Bible en-zh set: strict F1 0.84 coarse-to-fine against 0.95 in one band),
// so the direct search is kept for everything of book length.
struct Plan {
  int band = 60;
  int block = 8;
  int margin = 32;
  int64_t direct_cells = int64_t{64} << 20;
};

// Makes a band searchable: every row non-empty, bounds non-decreasing, and
// consecutive rows overlapping so that a path from (0,0) to (n,m) exists.
void Repair(Band* band, int m) {
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

// Everything the bead cost needs, precomputed per document pair.
struct Scorer {
  const std::vector<SentenceFeatures>* src = nullptr;
  const std::vector<SentenceFeatures>* tgt = nullptr;
  // Source keys extended with learned translations (null: the src keys).
  const std::vector<std::vector<uint32_t>>* src_keys = nullptr;
  const std::vector<float>* weight = nullptr;  // per key id
  std::vector<double> src_mass, tgt_mass;      // key weight per sentence
  LengthModel length;
  double sim_mean = 0.0, sim_sd = 1.0;  // similarity of random pairs
  double lexical_weight = 0.0;
  // Structure both documents share: beads may not merge sentences across a
  // paragraph boundary, and headings pair with headings.
  bool paragraphs = false;
  bool headings = false;
  // Whether 1-0 and 0-1 beads are allowed. Not between blocks: a block of
  // hundreds of sentences is never left untranslated as a whole, and a null
  // bead costs only its prior while a length mismatch between big blocks
  // costs far more, so block alignment with null beads skips blocks
  // whenever their boundaries do not fall where the translation's do. At a
  // million sentences (three block levels) those skips compounded across
  // levels until the sentence band lost the true path (strict F1 0.001).
  bool null_beads = true;

  const std::vector<uint32_t>& SrcKeys(int i) const {
    return src_keys ? (*src_keys)[i] : (*src)[i].keys;
  }

  // Weighted overlap of the keys of source i and target j.
  double Overlap(int i, int j) const {
    const auto& a = SrcKeys(i);
    const auto& b = (*tgt)[j].keys;
    double sum = 0;
    size_t x = 0, y = 0;
    while (x < a.size() && y < b.size()) {
      if (a[x] < b[y]) {
        ++x;
      } else if (b[y] < a[x]) {
        ++y;
      } else {
        sum += (*weight)[a[x]];
        ++x;
        ++y;
      }
    }
    return std::min(sum, std::min(src_mass[i], tgt_mass[j]));
  }

  static double Similarity(double overlap, double ms, double mt) {
    return ms + mt > 0 ? 2.0 * overlap / (ms + mt) : 0.0;
  }
};

// Banded DP over bead shapes; returns the best path's beads with scores.
std::vector<Bead> Search(const Scorer& sc, const Band& band, int n, int m) {
  // Pair overlaps for every cell a bead ending in the band can touch.
  Band ob;  // rows: source sentence s (0..n-1); columns: target sentence
  ob.lo.resize(n);
  ob.hi.resize(n);
  for (int s = 0; s < n; ++s) {
    int lo = m, hi = -1;
    for (int r = s + 1; r <= std::min(n, s + kMaxShapeSide); ++r) {
      lo = std::min(lo, band.lo[r] - kMaxShapeSide);
      hi = std::max(hi, band.hi[r] - 1);
    }
    ob.lo[s] = std::max(0, lo);
    ob.hi[s] = std::min(m - 1, hi);
  }
  ob.Finish();
  std::vector<float> overlap(sc.lexical_weight > 0 ? ob.cells : 0, 0.0f);
  if (sc.lexical_weight > 0) {
    // Scorer::Overlap for every cell, row by row: the source sentence's key
    // weights are spread into a table indexed by key, so each target
    // sentence costs one lookup per key instead of a merge.
    std::vector<float> mark(sc.weight->size(), 0.0f);
    const float* w = sc.weight->data();
    for (int s = 0; s < n; ++s) {
      const std::vector<uint32_t>& keys = sc.SrcKeys(s);
      for (uint32_t k : keys) mark[k] = w[k];
      float* row = overlap.data() + ob.start[s];
      const double src_mass = sc.src_mass[s];
      for (int t = ob.lo[s]; t <= ob.hi[s]; ++t) {
        double sum = 0;
        for (uint32_t k : (*sc.tgt)[t].keys) sum += mark[k];
        row[t - ob.lo[s]] = static_cast<float>(
            std::min(sum, std::min(src_mass, sc.tgt_mass[t])));
      }
      for (uint32_t k : keys) mark[k] = 0.0f;
    }
  }
  std::vector<double> ps(n + 1, 0), pt(m + 1, 0), ms(n + 1, 0), mt(m + 1, 0);
  for (int i = 0; i < n; ++i) {
    ps[i + 1] = ps[i] + (*sc.src)[i].length;
    ms[i + 1] = ms[i] + sc.src_mass[i];
  }
  for (int j = 0; j < m; ++j) {
    pt[j + 1] = pt[j] + (*sc.tgt)[j].length;
    mt[j + 1] = mt[j] + sc.tgt_mass[j];
  }
  // Lexical z-score of the bead of shape (a, b) ending at (i, j). Every
  // cell such a bead covers lies in `ob` (it was built so), so the overlaps
  // are read without bounds checks.
  const float* ov = overlap.data();
  auto lexical_z = [&](int a, int b, int i, int j) {
    double o = 0;
    for (int s = i - a; s < i; ++s) {
      const float* row = ov + (static_cast<long>(ob.start[s]) - ob.lo[s]);
      for (int t = j - b; t < j; ++t) o += row[t];
    }
    const double sim =
        Scorer::Similarity(o, ms[i] - ms[i - a], mt[j] - mt[j - b]);
    return (sim - sc.sim_mean) / sc.sim_sd;
  };
  double log_prior[kNumShapes];
  for (int k = 0; k < kNumShapes; ++k) {
    log_prior[k] = -std::log(kShapes[k].prior);
  }
  const auto& src_f = *sc.src;
  const auto& tgt_f = *sc.tgt;
  // The most the lexical term can lower a bead's cost.
  const double max_lexical_gain = sc.lexical_weight * kMaxLexicalZ;
  // The cost of bead shape k ending at (i, j); `budget` is the cost above
  // which the caller has no use for the exact value, so the lexical term is
  // skipped when even its best case could not bring the cost under it.
  auto bead_cost = [&](int k, int i, int j, double budget) {
    const int a = kShapes[k].src, b = kShapes[k].tgt;
    double c = log_prior[k];
    if (sc.paragraphs &&
        ((a > 1 && src_f[i - a].paragraph != src_f[i - 1].paragraph) ||
         (b > 1 && tgt_f[j - b].paragraph != tgt_f[j - 1].paragraph))) {
      return std::numeric_limits<double>::infinity();
    }
    if (a == 0 || b == 0) return c;
    // A heading paired with body text: possible (detection can err), but
    // it needs strong evidence.
    if (sc.headings && src_f[i - 1].heading != tgt_f[j - 1].heading) {
      c += kHeadingMismatchCost;
    }
    c += sc.length.MatchCost(ps[i] - ps[i - a], pt[j] - pt[j - b]);
    if (sc.lexical_weight > 0 && c - max_lexical_gain < budget) {
      // Clamped, so that one striking match cannot outweigh everything else.
      c -= sc.lexical_weight *
           std::clamp(lexical_z(a, b, i, j), kMinLexicalZ, kMaxLexicalZ);
    }
    return c;
  };

  constexpr double kInf = std::numeric_limits<double>::infinity();
  // Costs are kept for the last kMaxShapeSide + 1 rows only (a bead reaches
  // back at most kMaxShapeSide rows); the back pointers for every cell.
  // At a million sentences this saves 8 bytes a cell (about 800 MB).
  constexpr int kRing = kMaxShapeSide + 1;
  int max_width = 1;
  for (int r = 0; r <= n; ++r) {
    max_width = std::max(max_width, band.hi[r] - band.lo[r] + 1);
  }
  std::vector<double> cost(static_cast<size_t>(kRing) * max_width, kInf);
  std::vector<int8_t> back(band.cells, -1);
  // The least a bead of each shape can cost: its prior, less the most the
  // lexical term can take off. A shape whose predecessor's cost plus this is
  // no better than the best so far is skipped without computing its cost
  // (exact: the result is the same).
  double floor_cost[kNumShapes];
  int shapes[kNumShapes], num_shapes = 0;
  for (int k = 0; k < kNumShapes; ++k) {
    if (!sc.null_beads && (kShapes[k].src == 0 || kShapes[k].tgt == 0)) {
      continue;
    }
    shapes[num_shapes++] = k;
    floor_cost[k] =
        log_prior[k] -
        (kShapes[k].src > 0 && kShapes[k].tgt > 0 ? max_lexical_gain : 0.0);
  }
  const double* cost_data = cost.data();
  for (int i = 0; i <= n; ++i) {
    // Where each shape's predecessor row lies in the flat storage.
    long row_base[kNumShapes];
    int row_lo[kNumShapes], row_hi[kNumShapes];
    for (int x = 0; x < num_shapes; ++x) {
      const int k = shapes[x];
      const int r = i - kShapes[k].src;
      if (r < 0) {
        row_lo[k] = 1;
        row_hi[k] = 0;  // empty
        row_base[k] = 0;
        continue;
      }
      row_lo[k] = band.lo[r];
      row_hi[k] = band.hi[r];
      row_base[k] = static_cast<long>(r % kRing) * max_width - band.lo[r];
    }
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
        const int c_prev = j - kShapes[k].tgt;
        if (c_prev < row_lo[k] || c_prev > row_hi[k]) continue;
        const double before = cost_data[row_base[k] + c_prev];
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
  std::vector<Bead> beads;
  int i = n, j = m;
  while (i > 0 || j > 0) {
    const long here = band.Cell(i, j);
    const int k = here < 0 ? -1 : back[here];
    if (k < 0) break;
    Bead bead;
    const int a = kShapes[k].src, b = kShapes[k].tgt;
    for (int s = i - a; s < i; ++s) bead.src.push_back(s);
    for (int t = j - b; t < j; ++t) bead.tgt.push_back(t);
    if (bead.IsPair()) {
      // Confidence: a logistic model of "this bead is exactly right",
      // fitted on the Text+Berg dev document (length evidence, and 1-1
      // beads being right more often than merges), plus a penalty when the
      // words overlap less than those of random sentence pairs, so that
      // pairs with no shared evidence score low.
      const double p =
          sc.length.MatchProbability(ps[i] - ps[i - a], pt[j] - pt[j - b]);
      const double z = sc.lexical_weight > 0 ? lexical_z(a, b, i, j) : 0.0;
      const double logit = 0.5 * std::log(std::max(p, 1e-6)) +
                           (a == 1 && b == 1 ? 1.2 : 0.0) + 1.15 +
                           0.6 * std::clamp(z, -6.0, 0.0);
      bead.score = 1.0 / (1.0 + std::exp(-logit));
    }
    beads.push_back(std::move(bead));
    i -= a;
    j -= b;
  }
  std::reverse(beads.begin(), beads.end());
  return beads;
}

// Re-estimates ratio and variance from the confident 1-1 beads.
LengthModel Reestimate(const std::vector<SentenceFeatures>& src,
                       const std::vector<SentenceFeatures>& tgt,
                       const std::vector<Bead>& beads,
                       const LengthModel& start) {
  double sum_s = 0, sum_t = 0;
  std::vector<std::pair<double, double>> pairs;
  for (const Bead& b : beads) {
    if (b.src.size() != 1 || b.tgt.size() != 1 || b.score < 0.5) continue;
    const double ls = src[b.src[0]].length, lt = tgt[b.tgt[0]].length;
    if (ls <= 0 || lt <= 0) continue;
    sum_s += ls;
    sum_t += lt;
    pairs.emplace_back(ls, lt);
  }
  if (pairs.size() < 10) return start;  // too little evidence
  LengthModel model;
  model.ratio = sum_t / sum_s;
  double var_sum = 0;
  for (const auto& [ls, lt] : pairs) {
    const double lt_norm = lt / model.ratio;
    const double mean = (ls + lt_norm) / 2.0;
    var_sum += (lt_norm - ls) * (lt_norm - ls) / mean;
  }
  // Keep the variance within a sane range of Gale & Church's figure.
  model.variance = std::clamp(var_sum / static_cast<double>(pairs.size()), 1.0,
                              4 * kDefaultVariance);
  return model;
}

// Mean and spread of the similarity of random sentence pairs: the
// background a true pair must stand out from (as vecalign normalises its
// cosine similarities).
void EstimateBackground(Scorer* sc, int n, int m) {
  if (n == 0 || m == 0) return;
  std::mt19937 rng(12345);  // fixed seed: the output is deterministic
  std::uniform_int_distribution<int> ds(0, n - 1), dt(0, m - 1);
  constexpr int kSamples = 2000;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < kSamples; ++k) {
    const int s = ds(rng), t = dt(rng);
    const double sim =
        Scorer::Similarity(sc->Overlap(s, t), sc->src_mass[s], sc->tgt_mass[t]);
    sum += sim;
    sum2 += sim * sim;
  }
  sc->sim_mean = sum / kSamples;
  const double var =
      std::max(0.0, sum2 / kSamples - sc->sim_mean * sc->sim_mean);
  sc->sim_sd = std::max(0.02, std::sqrt(var));
}

// The band to search: around the diagonal for documents of moderate size;
// for long ones, around the path found by aligning blocks of kBlock
// sentences with the length model (recursively), which keeps time and memory
// linear in the document length.
Band PlanBand(const std::vector<int>& src_len, const std::vector<int>& tgt_len,
              const Plan& plan, int depth = 0) {
  const int band_width = plan.band;
  const int n = static_cast<int>(src_len.size());
  const int m = static_cast<int>(tgt_len.size());
  // Sentences are grouped in blocks of plan.block; blocks, if there are
  // still too many, in blocks big enough for the next level to be searched
  // directly: at most two block levels. With three (blocks of 8, 64 and
  // 512 at a million sentences) the concatenated Text+Berg documents lost
  // the path (strict F1 0.016) where two levels keep it at 300k (0.855):
  // each level's path may stray from the truth by up to its margin, and
  // the errors add up.
  int block = plan.block;
  if (depth > 0) {
    const int side = std::max(
        1, static_cast<int>(std::sqrt(static_cast<double>(plan.direct_cells))));
    block = std::max(block, (std::max(n, m) + side - 1) / side);
  }
  const int margin = 3 * block + 8;
  if (static_cast<int64_t>(n + 1) * (m + 1) <= plan.direct_cells ||
      n < 4 * block || m < 4 * block) {
    const int width =
        band_width <= 0 ? 0 : band_width + std::abs(n - m) / 2 + 2;
    return DiagonalBand(n, m, width);
  }
  // Both sides get the same number of blocks, so that the coarse path stays
  // near the diagonal even when one side has many more sentences.
  const int k = (std::max(n, m) + block - 1) / block;
  auto bounds = [k](int count) {
    std::vector<int> b(k + 1);
    for (int x = 0; x <= k; ++x) {
      b[x] = static_cast<int>(static_cast<int64_t>(x) * count / k);
    }
    return b;
  };
  const std::vector<int> src_bounds = bounds(n), tgt_bounds = bounds(m);
  auto blocks = [k](const std::vector<int>& len, const std::vector<int>& b) {
    std::vector<int> out(k, 0);
    for (int x = 0; x < k; ++x) {
      for (int i = b[x]; i < b[x + 1]; ++i) out[x] += len[i];
    }
    return out;
  };
  const std::vector<int> bs = blocks(src_len, src_bounds);
  const std::vector<int> bt = blocks(tgt_len, tgt_bounds);
  const Band coarse_band = PlanBand(bs, bt, plan, depth + 1);
  std::vector<SentenceFeatures> fs(k), ft(k);
  for (int x = 0; x < k; ++x) {
    fs[x].length = bs[x];
    ft[x].length = bt[x];
  }
  Scorer coarse;
  coarse.src = &fs;
  coarse.tgt = &ft;
  coarse.src_mass.assign(k, 0);
  coarse.tgt_mass.assign(k, 0);
  double sum_s = 0, sum_t = 0;
  for (int l : src_len) sum_s += l;
  for (int l : tgt_len) sum_t += l;
  if (sum_s > 0 && sum_t > 0) coarse.length.ratio = sum_t / sum_s;
  coarse.null_beads = false;
  // A path from (0,0) to (k,k) without null beads; should the band not hold
  // one, null beads are allowed again.
  auto search = [&] {
    std::vector<Bead> p = Search(coarse, coarse_band, k, k);
    int covered = 0;
    for (const Bead& b : p) covered += static_cast<int>(b.src.size());
    if (covered != k && !coarse.null_beads) {
      coarse.null_beads = true;
      p = Search(coarse, coarse_band, k, k);
    }
    return p;
  };
  // Two passes, as at the sentence level: the variance of block lengths is
  // re-estimated from the first.
  std::vector<Bead> path = search();
  coarse.length = Reestimate(fs, ft, path, coarse.length);
  path = search();
  // Project each coarse bead onto sentence rows and widen by the margin.
  Band band;
  band.lo.assign(n + 1, m);
  band.hi.assign(n + 1, 0);
  int si = 0, tj = 0;  // blocks consumed so far
  for (const Bead& b : path) {
    const int s0 = src_bounds[si];
    const int s1 = src_bounds[si + static_cast<int>(b.src.size())];
    const int t0 = tgt_bounds[tj];
    const int t1 = tgt_bounds[tj + static_cast<int>(b.tgt.size())];
    // Rows near a block boundary may belong to the neighbouring block, so
    // the margin applies to rows as well as columns.
    for (int i = std::max(0, s0 - margin); i <= std::min(n, s1 + margin); ++i) {
      band.lo[i] = std::min(band.lo[i], t0 - margin);
      band.hi[i] = std::max(band.hi[i], t1 + margin);
    }
    si += static_cast<int>(b.src.size());
    tj += static_cast<int>(b.tgt.size());
  }
  Repair(&band, m);
  return band;
}

// Where the best path runs along the edge of the band, the band was too
// narrow there (the coarse path drifted, as length-only block alignment does
// on very uniform text): widens the band around those rows. Returns whether
// anything changed.
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
  if (changed) Repair(band, m);
  return changed;
}

// Search, widening the band and searching again where the path hit its edge.
std::vector<Bead> SearchAdaptive(const Scorer& sc, Band* band, int n, int m,
                                 int margin) {
  constexpr int kMaxRounds = 4;
  std::vector<Bead> beads = Search(sc, *band, n, m);
  for (int round = 1; round < kMaxRounds; ++round) {
    if (!WidenWherePathTouchesEdge(beads, m, margin, band)) break;
    beads = Search(sc, *band, n, m);
  }
  return beads;
}

// The aligner proper. `vocab` is null for length-only alignment.
Alignment AlignFeatures(const TranslationAlignerOptions& options,
                        const std::vector<SentenceFeatures>& src,
                        const std::vector<SentenceFeatures>& tgt,
                        const internal::Vocabulary* vocab) {
  const int n = static_cast<int>(src.size());
  const int m = static_cast<int>(tgt.size());
  Scorer sc;
  sc.src = &src;
  sc.tgt = &tgt;
  double sum_s = 0, sum_t = 0;
  for (const auto& f : src) sum_s += f.length;
  for (const auto& f : tgt) sum_t += f.length;
  if (sum_s > 0 && sum_t > 0) sc.length.ratio = sum_t / sum_s;

  // Key weights: inverse document frequency over the sentences of both
  // documents, so that a word found in every sentence counts for little.
  const std::vector<float> weight =
      vocab ? internal::KeyWeights(vocab->size(), src, tgt)
            : std::vector<float>();
  sc.weight = &weight;
  sc.src_mass.assign(n, 0);
  sc.tgt_mass.assign(m, 0);
  for (int i = 0; i < n; ++i) {
    for (uint32_t k : src[i].keys) sc.src_mass[i] += weight[k];
  }
  for (int j = 0; j < m; ++j) {
    for (uint32_t k : tgt[j].keys) sc.tgt_mass[j] += weight[k];
  }
  const bool lexical = vocab != nullptr && options.lexical_weight > 0;
  if (lexical) {
    sc.lexical_weight = options.lexical_weight;
    EstimateBackground(&sc, n, m);
  }
  std::vector<int> src_len(n), tgt_len(m);
  for (int i = 0; i < n; ++i) src_len[i] = src[i].length;
  for (int j = 0; j < m; ++j) tgt_len[j] = tgt[j].length;
  Plan plan;
  plan.band = options.band;
  plan.block = std::max(2, options.block_size);
  plan.margin = 3 * plan.block + 8;
  plan.direct_cells = std::max<int64_t>(1, options.direct_search_cells);
  Band band = PlanBand(src_len, tgt_len, plan);
  auto count_if = [](const std::vector<SentenceFeatures>& side, auto pred) {
    return std::count_if(side.begin(), side.end(), pred);
  };
  sc.paragraphs = !src.empty() && !tgt.empty() && src.back().paragraph > 0 &&
                  tgt.back().paragraph > 0;
  sc.headings =
      count_if(src, [](const SentenceFeatures& f) { return f.heading; }) > 0 &&
      count_if(tgt, [](const SentenceFeatures& f) { return f.heading; }) > 0;
  std::vector<Bead> beads = SearchAdaptive(sc, &band, n, m, plan.margin);
  sc.length = Reestimate(src, tgt, beads, sc.length);

  // Source keys extended with dictionary translations, then with the
  // learned lexicon.
  std::vector<std::vector<uint32_t>> extended;
  auto extend = [&](int i, std::vector<uint32_t> more) {
    more.insert(more.end(), src[i].keys.begin(), src[i].keys.end());
    more.insert(more.end(), src[i].translations.begin(),
                src[i].translations.end());
    std::sort(more.begin(), more.end());
    more.erase(std::unique(more.begin(), more.end()), more.end());
    extended[i] = std::move(more);
  };
  const bool has_dictionary = std::any_of(
      src.begin(), src.end(),
      [](const SentenceFeatures& f) { return !f.translations.empty(); });
  if (lexical && has_dictionary) {
    extended.resize(n);
    for (int i = 0; i < n; ++i) extend(i, {});
    sc.src_keys = &extended;
    EstimateBackground(&sc, n, m);
  }
  bool learned = false;
  if (lexical && options.learn_lexicon) {
    // Learn word translations from the confident 1-1 beads, then add each
    // source sentence's likely translations to its keys.
    std::vector<
        std::pair<const std::vector<uint32_t>*, const std::vector<uint32_t>*>>
        pairs;
    for (const Bead& b : beads) {
      if (b.src.size() == 1 && b.tgt.size() == 1 && b.score >= 0.5) {
        pairs.emplace_back(&src[b.src[0]].words, &tgt[b.tgt[0]].words);
      }
    }
    // EM's cost grows with the co-occurrence table; a sample spread evenly
    // over the document learns the same frequent words and keeps the time
    // linear in the document length.
    if (pairs.size() > kMaxLexiconPairs) {
      std::vector<
          std::pair<const std::vector<uint32_t>*, const std::vector<uint32_t>*>>
          sample;
      for (size_t k = 0; k < kMaxLexiconPairs; ++k) {
        sample.push_back(pairs[k * pairs.size() / kMaxLexiconPairs]);
      }
      pairs = std::move(sample);
    }
    // Below a few dozen pairs EM learns noise.
    if (pairs.size() >= 20) {
      const internal::Lexicon lexicon =
          internal::Lexicon::Train(pairs, 5, 2, options.lexicon_min_prob);
      extended.resize(n);
      for (int i = 0; i < n; ++i) {
        std::vector<uint32_t> more;
        for (uint32_t w : src[i].words) {
          if (const auto* list = lexicon.Translations(w)) {
            for (const auto& [f, p] : *list) more.push_back(f);
          }
        }
        extend(i, std::move(more));
      }
      learned = true;
      sc.src_keys = &extended;
      EstimateBackground(&sc, n, m);
    }
  }
  beads = SearchAdaptive(sc, &band, n, m, plan.margin);

  Alignment alignment;
  alignment.mode = AlignMode::kTranslation;
  std::ostringstream method;
  method.precision(3);
  method << "translation DP (beads";
  for (const BeadShape& shape : kShapes)
    method << " " << shape.src << "-" << shape.tgt;
  method << "); length ratio " << sc.length.ratio << ", variance "
         << sc.length.variance;
  if (lexical) {
    method << "; lexical evidence: numbers, words, cognates"
           << (has_dictionary ? ", dictionary" : "")
           << (learned ? ", learned IBM-1 lexicon" : "");
  }
  alignment.method = method.str();
  alignment.beads = std::move(beads);
  return alignment;
}

}  // namespace

struct TranslationAligner::Impl {
  // AlignTexts with the documents' structure (paragraphs, headings); the
  // segment lists may be empty.
  StatusOr<Alignment> AlignStructured(
      const TranslationAlignerOptions& options,
      const std::vector<std::string_view>& src,
      const std::vector<std::string_view>& tgt,
      const std::vector<const Segment*>& src_segments,
      const std::vector<const Segment*>& tgt_segments) const;

  internal::FeatureExtractor extractor;
};

TranslationAligner::TranslationAligner(const TranslationAlignerOptions& options)
    : options_(options), impl_(std::make_shared<Impl>()) {}

TranslationAligner::~TranslationAligner() = default;

StatusOr<Alignment> TranslationAligner::AlignLengths(
    const std::vector<int>& src_lengths,
    const std::vector<int>& tgt_lengths) const {
  std::vector<SentenceFeatures> src(src_lengths.size());
  std::vector<SentenceFeatures> tgt(tgt_lengths.size());
  for (size_t i = 0; i < src.size(); ++i) src[i].length = src_lengths[i];
  for (size_t j = 0; j < tgt.size(); ++j) tgt[j].length = tgt_lengths[j];
  return AlignFeatures(options_, src, tgt, nullptr);
}

StatusOr<Alignment> TranslationAligner::AlignTexts(
    const std::vector<std::string_view>& src,
    const std::vector<std::string_view>& tgt) const {
  return impl_->AlignStructured(options_, src, tgt, {}, {});
}

StatusOr<Alignment> TranslationAligner::Impl::AlignStructured(
    const TranslationAlignerOptions& options,
    const std::vector<std::string_view>& src,
    const std::vector<std::string_view>& tgt,
    const std::vector<const Segment*>& src_segments,
    const std::vector<const Segment*>& tgt_segments) const {
  internal::Vocabulary vocab;
  std::vector<SentenceFeatures> fs = extractor.Extract(src, &vocab);
  std::vector<SentenceFeatures> ft = extractor.Extract(tgt, &vocab);
  auto structure = [](const std::vector<const Segment*>& segments,
                      std::vector<SentenceFeatures>* features) {
    for (size_t i = 0; i < segments.size() && i < features->size(); ++i) {
      (*features)[i].paragraph = segments[i]->paragraph;
      (*features)[i].heading = segments[i]->kind == SegmentKind::kHeading;
    }
  };
  structure(src_segments, &fs);
  structure(tgt_segments, &ft);
  if (options.dictionary) {
    internal::AddTranslations(*options.dictionary, vocab, &fs);
  }
  return AlignFeatures(options, fs, ft, &vocab);
}

StatusOr<Alignment> TranslationAligner::Align(const Document& src,
                                              const Document& tgt) const {
  const internal::AlignableSegments s =
      internal::CollectAlignable(src, options_.keep_boilerplate);
  const internal::AlignableSegments t =
      internal::CollectAlignable(tgt, options_.keep_boilerplate);
  CROSSALIGN_ASSIGN_OR_RETURN(Alignment result,
                              impl_->AlignStructured(options_, s.texts, t.texts,
                                                     s.segments, t.segments));
  for (Bead& bead : result.beads) {
    for (int& k : bead.src) k = s.ids[k];
    for (int& k : bead.tgt) k = t.ids[k];
  }
  return result;
}

}  // namespace crossalign
