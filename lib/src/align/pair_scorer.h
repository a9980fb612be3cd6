// The one scorer: features of a candidate unit (a source passage against a
// target passage) and of an article pair, and the fitted logistic models
// that turn them into probabilities. Internal.
//
// Four models, all fitted by scripts/fit_scorer.py on dev data only and
// read from lib/rules/scorer/scorer.tsv (compiled into the library):
//   comparable_unit   P(a comparable passage pair is a gold unit), given
//                     that the two articles report one story;
//   translation_unit  P(a bead of the in-order aligner is exactly right),
//                     given that the articles are translations;
//   pair_related      P(two articles report one story);
//   pair_translation  P(they are translations of each other), given that
//                     they report one story.
// A unit's x-score is its unit probability times the probability of the
// pair condition it rests on, so that it reads as "the chance this unit is
// right".
#ifndef CROSSALIGN_SRC_ALIGN_PAIR_SCORER_H_
#define CROSSALIGN_SRC_ALIGN_PAIR_SCORER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "align/bead_scorer.h"
#include "align/text_features.h"
#include "crossalign/alignment.h"
#include "crossalign/stories.h"

namespace crossalign::internal {

// kConfidentUnit is in length_model.h (the length model re-estimates from
// confident units).

enum class ScoreModel {
  kComparableUnit = 0,
  kTranslationUnit,
  kPairRelated,
  kPairTranslation,
};
inline constexpr int kNumScoreModels = 4;

// The feature names of a model, in the order its feature vectors use; the
// coefficient file names them so.
const std::vector<std::string>& FeatureNames(ScoreModel model);
const char* ModelName(ScoreModel model);

// The logistic probability of `features` (FeatureNames(model) order) under
// the fitted coefficients.
double Probability(ScoreModel model, const std::vector<double>& features);
// The terms w_k * x_k of the logit, for saying which features decided.
std::vector<double> Contributions(ScoreModel model,
                                  const std::vector<double>& features);
// What the coefficients were fitted on (the file's "# fitted on:" line).
const std::string& ScorerProvenance();

// Replaces the coefficients by those of `text` (the format of
// lib/rules/scorer/scorer.tsv) for this process; for the fitting script's
// rounds (bench/scorer_dump --model). False, with `error`, when it does not
// parse.
bool OverrideScorerCoefficients(const std::string& text, std::string* error);

// The feature dump: when a sink is set, the aligners hand it every
// candidate they score, with its sentence ids (segment indices of the
// documents) and its features. Not thread-safe: set it in a single-threaded
// tool only (bench/scorer_dump).
struct FeatureRecord {
  ScoreModel model;
  std::vector<int> src, tgt;  // segment ids; empty for a pair record
  std::vector<double> features;
};
using FeatureSink = std::function<void(const FeatureRecord&)>;
void SetFeatureSink(FeatureSink sink);
bool HasFeatureSink();
// Hands `record` to the sink, its sentence indices mapped through the
// current ScopedSentenceIds (alignable sentence -> segment id).
void EmitFeatures(FeatureRecord record);
class ScopedSentenceIds {
 public:
  ScopedSentenceIds(const std::vector<int>* src, const std::vector<int>* tgt);
  ~ScopedSentenceIds();
  ScopedSentenceIds(const ScopedSentenceIds&) = delete;
  ScopedSentenceIds& operator=(const ScopedSentenceIds&) = delete;
};

// The features of a bead of the translation aligner (its shape, length
// fit, lexical evidence and neighbours), in FeatureNames(kTranslationUnit)
// order. `k` indexes `beads`.
// `key_kind` as for ShareEvidence (empty: no lexical features).
std::vector<double> TranslationUnitFeatures(const BeadScorer& scorer,
                                            const std::vector<char>& key_kind,
                                            const std::vector<Bead>& beads,
                                            size_t k);
// Sets the score of every pair bead to its translation_unit probability.
// Bead sentence indices are those of the scorer's sentences.
// With `emit`, the features go to the feature sink too.
void ScoreTranslationBeads(const BeadScorer& scorer,
                           const std::vector<char>& key_kind, bool emit,
                           std::vector<Bead>* beads);

// The evidence two passages share, by kind.
struct SharedEvidence {
  int numbers = 0;           // shared numbers
  int names = 0;             // shared names (by skeleton or stem)
  int words = 0;             // shared other words, stems, translations
  int number_conflicts = 0;  // numbers of either side the other lacks,
                             // when both sides have numbers
  double max_weight = 0;     // rarest shared key's weight (IDF)
  int Kinds() const { return (numbers > 0) + (names > 0) + (words > 0); }
};
// Classifies the shared keys of `src_keys` (with translations) and
// `tgt_keys`. `strong` holds the name and long-number keys of both sides;
// keys below `min_weight` do not count.
// `key_kind` holds each key's first character ('#' number, 'p' name
// skeleton, 'w' word, 'c' cognate, 's' stem; see KeyKinds).
SharedEvidence ShareEvidence(const std::vector<uint32_t>& src_keys,
                             const std::vector<uint32_t>& tgt_keys,
                             const std::vector<uint32_t>& strong,
                             const std::vector<float>& weight,
                             const std::vector<char>& key_kind,
                             double min_weight);
// The kind of every key of `vocab` (its first character).
std::vector<char> KeyKinds(const Vocabulary& vocab);

// The lexical evidence of the beads of the last ScoreTranslationBeads
// call on this thread: the pipeline reads it right after the in-order
// alignment of a pair, for the pair decision.
struct InOrderEvidence {
  double mean_z = 0;      // mean clamped lexical z-score of the pair beads
  double mean_kinds = 0;  // mean number of kinds of shared evidence
};
InOrderEvidence LastInOrderEvidence();

// What decides an article pair: its story link (shared names and
// numbers) and the shape of its in-order alignment.
struct PairEvidence {
  double story_similarity = 0;
  int shared_keys = 0, fewest_keys = 0;
  double mean_unit = 0;         // mean translation_unit score, null beads 0
  double null_share = 0;        // share of null beads
  double one_to_one_share = 0;  // share of 1-1 beads
  double sentence_ratio = 0;    // |log(source / target sentences)|
  InOrderEvidence lexical;
  // Distinct numbers (normalised across locales) both articles carry, and
  // those only one of the two carries: one story's articles repeat its
  // figures; two stories on one topic share names, not figures.
  int shared_numbers = 0, unshared_numbers = 0;
  // The comparable aligner's passages (found in any order) that lie on the
  // in-order path: a rewrite reorders them, a translation does not.
  int passages = 0;
  double in_order_share = 1;  // 1 without passages
};
// Sets e->shared_numbers and e->unshared_numbers.
void MeasureNumbers(const Document& a, const Document& b, PairEvidence* e);
// Sets e->passages and e->in_order_share from the two alignments of a pair.
void MeasureOrder(const Alignment& translation, const Alignment& comparable,
                  PairEvidence* e);
// `translation`: the in-order alignment, its beads scored by
// ScoreTranslationBeads (not yet scaled by any pair probability).
PairEvidence MeasurePair(const Alignment& translation, const StoryLink& link,
                         const InOrderEvidence& lexical);
std::vector<double> PairFeatures(ScoreModel model, const PairEvidence& e);
// "0.97 (mean_unit +3.1, null_share -0.4, story_similarity +0.2)": the
// probability and the features that moved it most, with their terms of
// the logit.
std::string ExplainProbability(ScoreModel model,
                               const std::vector<double>& features);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_PAIR_SCORER_H_
