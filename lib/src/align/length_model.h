// The length model of the translation aligner (Gale & Church 1993): the
// length of a translation is about `ratio` times the length of its source,
// with a variance that grows with the length. Internal.
#ifndef CROSSALIGN_SRC_ALIGN_LENGTH_MODEL_H_
#define CROSSALIGN_SRC_ALIGN_LENGTH_MODEL_H_

#include <cmath>
#include <vector>

#include "align/text_features.h"
#include "crossalign/alignment.h"

namespace crossalign::internal {

// A unit more likely right than wrong: the x-score is a probability, so
// "confident" is its midpoint, not a tuned value.
inline constexpr double kConfidentUnit = 0.5;

// Gale & Church's variance of the target length per source character.
constexpr double kDefaultLengthVariance = 6.8;

// P(|Z| >= |z|) for a standard normal Z.
inline double TwoSidedTail(double z) {
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

// -log TwoSidedTail(z), tabulated: the DP evaluates it for every bead it
// considers, and erfc and log dominated the profile.
class NegLogTail {
 public:
  NegLogTail();
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
extern const NegLogTail kNegLogTail;

struct LengthModel {
  double ratio = 1.0;  // expected target chars per source char
  double variance = kDefaultLengthVariance;

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

// The model before any alignment: the ratio of the total lengths, Gale &
// Church's variance.
LengthModel InitialLengthModel(const std::vector<int>& src_lengths,
                               const std::vector<int>& tgt_lengths);

// Re-estimates ratio and variance from the confident 1-1 beads; `start`
// when there are too few of them.
LengthModel ReestimateLengthModel(const std::vector<SentenceFeatures>& src,
                                  const std::vector<SentenceFeatures>& tgt,
                                  const std::vector<Bead>& beads,
                                  const LengthModel& start);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_LENGTH_MODEL_H_
