#include "crossalign/translation_aligner.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

#include "utf8.h"

namespace crossalign {
namespace {

struct BeadShape {
  int src;
  int tgt;
  double prior;  // Gale & Church (1993), table 5, as NLTK uses them
};
constexpr BeadShape kShapes[] = {
    {1, 1, 0.89},  {1, 0, 0.0099}, {0, 1, 0.0099},
    {2, 1, 0.089}, {1, 2, 0.089},  {2, 2, 0.011},
};
constexpr int kNumShapes = sizeof(kShapes) / sizeof(kShapes[0]);
// Gale & Church's variance of the target length per source character.
constexpr double kDefaultVariance = 6.8;

// Two-sided tail probability of a standard normal deviate.
double TwoSidedTail(double z) { return std::erfc(std::fabs(z) / std::sqrt(2)); }

struct LengthModel {
  double ratio = 1.0;     // expected target chars per source char
  double variance = kDefaultVariance;

  // The match probability of `ls` source and `lt` target characters.
  double MatchProbability(double ls, double lt) const {
    const double lt_norm = lt / ratio;
    const double mean = (ls + lt_norm) / 2.0;
    if (mean <= 0) return 1.0;
    const double z = (lt_norm - ls) / std::sqrt(variance * mean);
    return TwoSidedTail(z);
  }
};

struct Path {
  std::vector<Bead> beads;
  double cost = 0.0;
};

// Banded dynamic programming over bead shapes.
Path Search(const std::vector<int>& src, const std::vector<int>& tgt,
            const LengthModel& model, int band) {
  const int n = static_cast<int>(src.size());
  const int m = static_cast<int>(tgt.size());
  // Row i covers target positions [lo[i], hi[i]].
  std::vector<int> lo(n + 1), hi(n + 1);
  const bool full = band <= 0;
  const int width = full ? m : band + std::abs(n - m) / 2 + 2;
  for (int i = 0; i <= n; ++i) {
    const int center =
        n == 0 ? 0 : static_cast<int>(static_cast<int64_t>(i) * m / n);
    lo[i] = full ? 0 : std::max(0, center - width);
    hi[i] = full ? m : std::min(m, center + width);
  }
  lo[0] = 0;
  hi[n] = m;
  std::vector<size_t> row_start(n + 2, 0);
  for (int i = 0; i <= n; ++i) {
    row_start[i + 1] = row_start[i] + static_cast<size_t>(hi[i] - lo[i] + 1);
  }
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> cost(row_start[n + 1], kInf);
  std::vector<int8_t> back(row_start[n + 1], -1);
  auto cell = [&](int i, int j) -> long {
    if (i < 0 || j < lo[i] || j > hi[i]) return -1;
    return static_cast<long>(row_start[i] + static_cast<size_t>(j - lo[i]));
  };
  // Prefix sums make the length of any run of segments O(1).
  std::vector<double> ps(n + 1, 0), pt(m + 1, 0);
  for (int i = 0; i < n; ++i) ps[i + 1] = ps[i] + src[i];
  for (int j = 0; j < m; ++j) pt[j + 1] = pt[j] + tgt[j];
  std::vector<double> log_prior(kNumShapes);
  for (int k = 0; k < kNumShapes; ++k) log_prior[k] = -std::log(kShapes[k].prior);

  cost[cell(0, 0)] = 0.0;
  for (int i = 0; i <= n; ++i) {
    for (int j = lo[i]; j <= hi[i]; ++j) {
      const long here = cell(i, j);
      if (i == 0 && j == 0) continue;
      double best = kInf;
      int8_t best_k = -1;
      for (int k = 0; k < kNumShapes; ++k) {
        const int pi = i - kShapes[k].src;
        const int pj = j - kShapes[k].tgt;
        const long prev = cell(pi, pj);
        if (prev < 0 || cost[prev] == kInf) continue;
        double c = cost[prev] + log_prior[k];
        if (kShapes[k].src > 0 && kShapes[k].tgt > 0) {
          const double p = model.MatchProbability(ps[i] - ps[pi], pt[j] - pt[pj]);
          c -= std::log(std::max(p, 1e-300));
        }
        if (c < best) {
          best = c;
          best_k = static_cast<int8_t>(k);
        }
      }
      cost[here] = best;
      back[here] = best_k;
    }
  }
  Path path;
  int i = n, j = m;
  path.cost = cost[cell(n, m)];
  while (i > 0 || j > 0) {
    const int k = back[cell(i, j)];
    if (k < 0) break;  // unreachable only if the band is broken
    Bead bead;
    for (int a = i - kShapes[k].src; a < i; ++a) bead.src.push_back(a);
    for (int b = j - kShapes[k].tgt; b < j; ++b) bead.tgt.push_back(b);
    if (bead.IsPair()) {
      bead.score = model.MatchProbability(ps[i] - ps[i - kShapes[k].src],
                                          pt[j] - pt[j - kShapes[k].tgt]);
    }
    path.beads.push_back(std::move(bead));
    i -= kShapes[k].src;
    j -= kShapes[k].tgt;
  }
  std::reverse(path.beads.begin(), path.beads.end());
  return path;
}

// Re-estimates ratio and variance from the confident 1-1 beads of a path.
LengthModel Reestimate(const std::vector<int>& src, const std::vector<int>& tgt,
                       const Path& path, const LengthModel& start) {
  double sum_s = 0, sum_t = 0;
  std::vector<std::pair<double, double>> pairs;
  for (const Bead& b : path.beads) {
    if (b.src.size() != 1 || b.tgt.size() != 1 || b.score < 0.2) continue;
    const double ls = src[b.src[0]], lt = tgt[b.tgt[0]];
    if (ls <= 0 || lt <= 0) continue;
    sum_s += ls;
    sum_t += lt;
    pairs.emplace_back(ls, lt);
  }
  // Too little evidence: keep the starting model.
  if (pairs.size() < 10) return start;
  LengthModel model;
  model.ratio = sum_t / sum_s;
  double var_sum = 0;
  for (const auto& [ls, lt] : pairs) {
    const double lt_norm = lt / model.ratio;
    const double mean = (ls + lt_norm) / 2.0;
    var_sum += (lt_norm - ls) * (lt_norm - ls) / mean;
  }
  // Keep the variance within a sane range of Gale & Church's figure.
  model.variance = std::clamp(var_sum / static_cast<double>(pairs.size()),
                              1.0, 4 * kDefaultVariance);
  return model;
}

}  // namespace

TranslationAligner::TranslationAligner(const TranslationAlignerOptions& options)
    : options_(options) {}

StatusOr<Alignment> TranslationAligner::AlignLengths(
    const std::vector<int>& src_lengths,
    const std::vector<int>& tgt_lengths) const {
  double sum_s = 0, sum_t = 0;
  for (int l : src_lengths) sum_s += l;
  for (int l : tgt_lengths) sum_t += l;
  LengthModel model;
  if (sum_s > 0 && sum_t > 0) model.ratio = sum_t / sum_s;
  Path path = Search(src_lengths, tgt_lengths, model, options_.band);
  model = Reestimate(src_lengths, tgt_lengths, path, model);
  path = Search(src_lengths, tgt_lengths, model, options_.band);

  Alignment alignment;
  alignment.mode = AlignMode::kTranslation;
  std::ostringstream method;
  method.precision(3);
  method << "gale-church length DP (ratio " << model.ratio << ", variance "
         << model.variance << ")";
  alignment.method = method.str();
  alignment.beads = std::move(path.beads);
  return alignment;
}

StatusOr<Alignment> TranslationAligner::Align(const Document& src,
                                              const Document& tgt) const {
  auto collect = [&](const Document& doc, std::vector<int>* ids,
                     std::vector<int>* lengths) {
    for (size_t i = 0; i < doc.segments().size(); ++i) {
      const Segment& seg = doc.segments()[i];
      if (seg.kind == SegmentKind::kBoilerplate && !options_.keep_boilerplate) {
        continue;
      }
      ids->push_back(static_cast<int>(i));
      lengths->push_back(
          static_cast<int>(internal::CountCodePoints(doc.TextOf(seg.span))));
    }
  };
  std::vector<int> src_ids, tgt_ids, src_len, tgt_len;
  collect(src, &src_ids, &src_len);
  collect(tgt, &tgt_ids, &tgt_len);
  StatusOr<Alignment> result = AlignLengths(src_len, tgt_len);
  if (!result.ok()) return result;
  for (Bead& bead : result->beads) {
    for (int& s : bead.src) s = src_ids[s];
    for (int& t : bead.tgt) t = tgt_ids[t];
  }
  return result;
}

}  // namespace crossalign
