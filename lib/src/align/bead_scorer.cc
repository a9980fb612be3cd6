#include "align/bead_scorer.h"

#include <cmath>
#include <random>

namespace crossalign::internal {

double BeadScorer::Overlap(int i, int j) const {
  const auto& a = SrcKeys(i);
  const auto& b = (*tgt)[j].keys;
  double sum = 0;
  ForEachSharedKey(a, b, [&](uint32_t key) { sum += (*weight)[key]; });
  return std::min(sum, std::min(src_mass[i], tgt_mass[j]));
}

void EstimateBackground(BeadScorer* scorer, int n, int m) {
  if (n == 0 || m == 0) return;
  std::mt19937 rng(12345);  // fixed seed: the output is deterministic
  std::uniform_int_distribution<int> pick_src(0, n - 1), pick_tgt(0, m - 1);
  constexpr int kSamples = 2000;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < kSamples; ++k) {
    const int s = pick_src(rng), t = pick_tgt(rng);
    const double sim = BeadScorer::Similarity(
        scorer->Overlap(s, t), scorer->src_mass[s], scorer->tgt_mass[t]);
    sum += sim;
    sum2 += sim * sim;
  }
  scorer->sim_mean = sum / kSamples;
  const double var =
      std::max(0.0, sum2 / kSamples - scorer->sim_mean * scorer->sim_mean);
  scorer->sim_sd = std::max(0.02, std::sqrt(var));
}

}  // namespace crossalign::internal
