#include "align/length_model.h"

#include <algorithm>
#include <utility>

namespace crossalign::internal {

NegLogTail::NegLogTail() {
  for (int k = 0; k <= kSteps; ++k) {
    table_[k] = -std::log(TwoSidedTail(static_cast<double>(k) / kPerUnit));
  }
}

const NegLogTail kNegLogTail;

LengthModel InitialLengthModel(const std::vector<int>& src_lengths,
                               const std::vector<int>& tgt_lengths) {
  LengthModel model;
  double sum_s = 0, sum_t = 0;
  for (int l : src_lengths) sum_s += l;
  for (int l : tgt_lengths) sum_t += l;
  if (sum_s > 0 && sum_t > 0) model.ratio = sum_t / sum_s;
  return model;
}

LengthModel ReestimateLengthModel(const std::vector<SentenceFeatures>& src,
                                  const std::vector<SentenceFeatures>& tgt,
                                  const std::vector<Bead>& beads,
                                  const LengthModel& start) {
  double sum_s = 0, sum_t = 0;
  std::vector<std::pair<double, double>> pairs;
  for (const Bead& b : beads) {
    if (b.src.size() != 1 || b.tgt.size() != 1 || b.score < kConfidentUnit)
      continue;
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
                              4 * kDefaultLengthVariance);
  return model;
}

}  // namespace crossalign::internal
