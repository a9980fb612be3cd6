#include "align/pair_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "align/alignable_segments.h"
#include "align/embedded_scorer_data.h"
#include "base/numbers.h"

namespace crossalign::internal {
namespace {

// Feature ranges. Clamping keeps one extreme value (a z-score of 30 on a
// two-word sentence, a length probability of 1e-300) from dominating a
// linear model; the bounds lie outside what dev data shows for right units
// and only cut off the tails.
constexpr double kMinLogLengthP = -12.0;     // log of the length probability
constexpr double kMinZ = -4.0, kMaxZ = 8.0;  // lexical z-score

const char* const kModelNames[kNumScoreModels] = {
    "comparable_unit", "translation_unit", "pair_related", "pair_translation"};

// Feature names, per model; the fitting script reads them from the dump's
// header and writes the coefficients under them.
const std::vector<std::string>& Names(int model) {
  static const std::vector<std::string> names[kNumScoreModels] = {
      // comparable_unit: see ComparableUnitFeatures (comparable_aligner.cc).
      {"sim", "log_margin", "row_margin", "col_margin", "numbers", "names",
       "log_words", "one_kind", "number_conflicts", "max_weight",
       "position_gap", "length_gap", "merged", "same_language"},
      // translation_unit: see TranslationUnitFeatures.
      {"log_length_p", "one_to_one", "null_neighbour", "lexical_z",
       "evidence_kinds", "one_kind", "number_conflict", "no_keys"},
      // pair_related: see PairFeatures.
      {"story_similarity", "log_shared_keys", "log_fewest_keys", "mean_unit",
       "null_share", "mean_z", "log_shared_numbers", "number_overlap"},
      // pair_translation: see PairFeatures.
      // (The sentence-count ratio was tried: on dev it took a positive
      // weight from one odd Text+Berg chunk, so it is left out.)
      {"mean_unit", "null_share", "one_to_one_share", "mean_z", "mean_kinds",
       "in_order_share", "log_passages"},
  };
  return names[model];
}

struct Coefficients {
  std::string provenance;
  double bias[kNumScoreModels] = {};
  std::vector<double> weight[kNumScoreModels];
  // The most a unit resting on one kind of evidence may score: the share of
  // such units right on dev data ("cap_one_kind" lines; 1 when absent).
  double cap_one_kind[kNumScoreModels] = {1, 1, 1, 1};
};

// Parses the coefficient file: "#" comments (one of them "# fitted on:
// ..."), then "model<TAB>feature<TAB>weight" lines; feature "bias" is the
// intercept. Every feature of every model must be given.
bool Parse(const std::string& text, Coefficients* out, std::string* error) {
  Coefficients c;
  std::vector<std::vector<bool>> seen(kNumScoreModels);
  for (int m = 0; m < kNumScoreModels; ++m) {
    c.weight[m].assign(Names(m).size(), 0.0);
    seen[m].assign(Names(m).size() + 1, false);
  }
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (line[0] == '#') {
      const std::string tag = "# fitted on:";
      if (line.compare(0, tag.size(), tag) == 0) {
        c.provenance = line.substr(tag.size() + 1);
      }
      continue;
    }
    std::istringstream fields(line);
    std::string model, feature, value;
    if (!std::getline(fields, model, '\t') ||
        !std::getline(fields, feature, '\t') ||
        !std::getline(fields, value, '\t')) {
      *error = "line " + std::to_string(number) + ": expected 3 fields";
      return false;
    }
    const int m = static_cast<int>(
        std::find(kModelNames, kModelNames + kNumScoreModels, model) -
        kModelNames);
    if (m == kNumScoreModels) {
      *error = "line " + std::to_string(number) + ": unknown model " + model;
      return false;
    }
    char* end = nullptr;
    const double w = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || !std::isfinite(w)) {
      *error = "line " + std::to_string(number) + ": bad weight " + value;
      return false;
    }
    if (feature == "cap_one_kind") {
      c.cap_one_kind[m] = w;
      continue;
    }
    if (feature == "bias") {
      c.bias[m] = w;
      seen[m].back() = true;
      continue;
    }
    const auto& names = Names(m);
    const size_t k =
        std::find(names.begin(), names.end(), feature) - names.begin();
    if (k == names.size()) {
      *error = "line " + std::to_string(number) + ": unknown feature " +
               feature + " of " + model;
      return false;
    }
    c.weight[m][k] = w;
    seen[m][k] = true;
  }
  for (int m = 0; m < kNumScoreModels; ++m) {
    for (size_t k = 0; k < seen[m].size(); ++k) {
      if (!seen[m][k]) {
        *error = std::string("no weight for ") + kModelNames[m] + " " +
                 (k < Names(m).size() ? Names(m)[k] : "bias");
        return false;
      }
    }
  }
  *out = std::move(c);
  return true;
}

std::mutex coefficients_mutex;
Coefficients* current = nullptr;

const Coefficients& Current() {
  std::lock_guard<std::mutex> lock(coefficients_mutex);
  if (current == nullptr) {
    current = new Coefficients();
    std::string error;
    for (size_t i = 0; i < kEmbeddedScorerDataCount; ++i) {
      if (std::string_view(kEmbeddedScorerData[i].lang) == "scorer") {
        // The embedded file is checked by a test (pair_scorer_test); should
        // it not parse, every weight stays 0 and every probability 0.5.
        Parse(kEmbeddedScorerData[i].text, current, &error);
      }
    }
  }
  return *current;
}

FeatureSink* sink = nullptr;
thread_local InOrderEvidence last_in_order;
thread_local const std::vector<int>* sink_src_ids = nullptr;
thread_local const std::vector<int>* sink_tgt_ids = nullptr;

}  // namespace

const std::vector<std::string>& FeatureNames(ScoreModel model) {
  return Names(static_cast<int>(model));
}

const char* ModelName(ScoreModel model) {
  return kModelNames[static_cast<int>(model)];
}

std::vector<double> Contributions(ScoreModel model,
                                  const std::vector<double>& features) {
  const Coefficients& c = Current();
  const auto& w = c.weight[static_cast<int>(model)];
  std::vector<double> out(features.size(), 0.0);
  for (size_t k = 0; k < features.size() && k < w.size(); ++k) {
    out[k] = w[k] * features[k];
  }
  return out;
}

double Probability(ScoreModel model, const std::vector<double>& features) {
  const Coefficients& c = Current();
  const int m = static_cast<int>(model);
  double logit = c.bias[m];
  for (double term : Contributions(model, features)) logit += term;
  double p = 1.0 / (1.0 + std::exp(-logit));
  // One kind of evidence alone (numbers only, one name only) cannot make a
  // unit surer than such units turned out on dev data.
  const auto& names = Names(m);
  const size_t one_kind =
      std::find(names.begin(), names.end(), "one_kind") - names.begin();
  if (one_kind < features.size() && features[one_kind] > 0) {
    p = std::min(p, c.cap_one_kind[m]);
  }
  return p;
}

const std::string& ScorerProvenance() { return Current().provenance; }

bool OverrideScorerCoefficients(const std::string& text, std::string* error) {
  Coefficients parsed;
  if (!Parse(text, &parsed, error)) return false;
  Current();
  std::lock_guard<std::mutex> lock(coefficients_mutex);
  *current = std::move(parsed);
  return true;
}

void SetFeatureSink(FeatureSink s) {
  delete sink;
  sink = s ? new FeatureSink(std::move(s)) : nullptr;
}

bool HasFeatureSink() { return sink != nullptr; }

void EmitFeatures(FeatureRecord record) {
  if (sink == nullptr) return;
  if (sink_src_ids != nullptr) {
    for (int& i : record.src) i = (*sink_src_ids)[i];
  }
  if (sink_tgt_ids != nullptr) {
    for (int& j : record.tgt) j = (*sink_tgt_ids)[j];
  }
  (*sink)(record);
}

ScopedSentenceIds::ScopedSentenceIds(const std::vector<int>* src,
                                     const std::vector<int>* tgt) {
  sink_src_ids = src;
  sink_tgt_ids = tgt;
}

ScopedSentenceIds::~ScopedSentenceIds() {
  sink_src_ids = nullptr;
  sink_tgt_ids = nullptr;
}

std::vector<char> KeyKinds(const Vocabulary& vocab) {
  std::vector<char> kind(vocab.size());
  for (uint32_t k = 0; k < vocab.size(); ++k) kind[k] = vocab.Key(k)[0];
  return kind;
}

SharedEvidence ShareEvidence(const std::vector<uint32_t>& src_keys,
                             const std::vector<uint32_t>& tgt_keys,
                             const std::vector<uint32_t>& strong,
                             const std::vector<float>& weight,
                             const std::vector<char>& key_kind,
                             double min_weight) {
  SharedEvidence e;
  bool name_word = false;  // a name shared by its exact or cognate key
  int shared_numbers_any = 0;
  ForEachSharedKey(src_keys, tgt_keys, [&](uint32_t key) {
    if (key_kind[key] == '#') ++shared_numbers_any;
    if (weight[key] < min_weight) return;
    e.max_weight = std::max<double>(e.max_weight, weight[key]);
    const char kind = key_kind[key];
    if (kind == '#') {
      ++e.numbers;
    } else if (std::binary_search(strong.begin(), strong.end(), key)) {
      // A name gives up to three keys (word, cognate, skeleton); it counts
      // once, by its skeleton or (within one language) its stem.
      if (kind == 'p' || kind == 's') {
        ++e.names;
      } else {
        name_word = true;
      }
    } else {
      ++e.words;
    }
  });
  if (e.names == 0 && name_word) e.names = 1;
  int src_numbers = 0, tgt_numbers = 0;
  for (uint32_t k : src_keys) src_numbers += key_kind[k] == '#';
  for (uint32_t k : tgt_keys) tgt_numbers += key_kind[k] == '#';
  if (src_numbers > 0 && tgt_numbers > 0) {
    e.number_conflicts = std::min(src_numbers - shared_numbers_any,
                                  tgt_numbers - shared_numbers_any);
  }
  return e;
}

namespace {

// The keys of sentences [from, to) of one side, sorted and unique.
std::vector<uint32_t> PassageKeys(const BeadScorer& scorer, bool source,
                                  const std::vector<int>& ids) {
  std::vector<uint32_t> keys;
  for (int i : ids) {
    const auto& k = source ? scorer.SrcKeys(i) : (*scorer.tgt)[i].keys;
    keys.insert(keys.end(), k.begin(), k.end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<uint32_t> PassageStrong(const BeadScorer& scorer, const Bead& b) {
  std::vector<uint32_t> strong;
  for (int i : b.src) {
    const auto& s = (*scorer.src)[i].strong;
    strong.insert(strong.end(), s.begin(), s.end());
  }
  for (int j : b.tgt) {
    const auto& s = (*scorer.tgt)[j].strong;
    strong.insert(strong.end(), s.begin(), s.end());
  }
  std::sort(strong.begin(), strong.end());
  strong.erase(std::unique(strong.begin(), strong.end()), strong.end());
  return strong;
}

// Keys below this IDF weight ("the", "said") are not counted as evidence;
// the comparable aligner's kMinEvidenceWeight, for the same reason.
constexpr double kMinEvidenceWeight = 0.5;

}  // namespace

std::vector<double> TranslationUnitFeatures(const BeadScorer& scorer,
                                            const std::vector<char>& key_kind,
                                            const std::vector<Bead>& beads,
                                            size_t k) {
  const Bead& b = beads[k];
  double ls = 0, lt = 0, ms = 0, mt = 0, overlap = 0;
  for (int i : b.src) {
    ls += (*scorer.src)[i].length;
    if (!scorer.src_mass.empty()) ms += scorer.src_mass[i];
  }
  for (int j : b.tgt) {
    lt += (*scorer.tgt)[j].length;
    if (!scorer.tgt_mass.empty()) mt += scorer.tgt_mass[j];
  }
  const bool lexical =
      !key_kind.empty() && scorer.weight != nullptr && !scorer.weight->empty();
  double z = 0;
  SharedEvidence e;
  if (lexical) {
    for (int i : b.src) {
      for (int j : b.tgt) overlap += scorer.Overlap(i, j);
    }
    z = (BeadScorer::Similarity(overlap, ms, mt) - scorer.sim_mean) /
        scorer.sim_sd;
    e = ShareEvidence(
        PassageKeys(scorer, true, b.src), PassageKeys(scorer, false, b.tgt),
        PassageStrong(scorer, b), *scorer.weight, key_kind, kMinEvidenceWeight);
  }
  const double p = scorer.length.MatchProbability(ls, lt);
  const bool null_before = k > 0 && !beads[k - 1].IsPair();
  const bool null_after = k + 1 < beads.size() && !beads[k + 1].IsPair();
  return {
      std::max(kMinLogLengthP, std::log(std::max(p, 1e-300))),
      b.src.size() == 1 && b.tgt.size() == 1 ? 1.0 : 0.0,
      null_before || null_after ? 1.0 : 0.0,
      std::clamp(z, kMinZ, kMaxZ),
      static_cast<double>(e.Kinds()),
      e.Kinds() == 1 ? 1.0 : 0.0,
      e.number_conflicts > 0 ? 1.0 : 0.0,
      lexical && ms + mt > 0 ? 0.0 : 1.0,
  };
}

InOrderEvidence LastInOrderEvidence() { return last_in_order; }

void ScoreTranslationBeads(const BeadScorer& scorer,
                           const std::vector<char>& key_kind, bool emit,
                           std::vector<Bead>* beads) {
  // Indices of the feature vector (FeatureNames(kTranslationUnit)).
  constexpr size_t kZ = 3, kKinds = 4;
  InOrderEvidence evidence;
  int pairs = 0;
  for (size_t k = 0; k < beads->size(); ++k) {
    Bead& b = (*beads)[k];
    if (!b.IsPair()) {
      b.score = 0;
      continue;
    }
    std::vector<double> x =
        TranslationUnitFeatures(scorer, key_kind, *beads, k);
    b.score = Probability(ScoreModel::kTranslationUnit, x);
    evidence.mean_z += x[kZ];
    evidence.mean_kinds += x[kKinds];
    ++pairs;
    if (emit && HasFeatureSink()) {
      EmitFeatures({ScoreModel::kTranslationUnit, b.src, b.tgt, std::move(x)});
    }
  }
  if (pairs > 0) {
    evidence.mean_z /= pairs;
    evidence.mean_kinds /= pairs;
  }
  last_in_order = evidence;
}

PairEvidence MeasurePair(const Alignment& translation, const StoryLink& link,
                         const InOrderEvidence& lexical) {
  PairEvidence e;
  e.lexical = lexical;
  e.story_similarity = link.similarity;
  e.shared_keys = link.shared_keys;
  e.fewest_keys = link.fewest_keys;
  double sum = 0, nulls = 0, ones = 0, ns = 0, nt = 0;
  for (const Bead& b : translation.beads) {
    sum += b.IsPair() ? b.score : 0.0;
    nulls += !b.IsPair();
    ones += b.src.size() == 1 && b.tgt.size() == 1;
    ns += b.src.size();
    nt += b.tgt.size();
  }
  const double beads = static_cast<double>(translation.beads.size());
  if (beads > 0) {
    e.mean_unit = sum / beads;
    e.null_share = nulls / beads;
    e.one_to_one_share = ones / beads;
  }
  // Documents without sentences on one side: as far apart as the feature
  // goes on dev data.
  constexpr double kMaxSentenceRatio = 3.0;
  e.sentence_ratio = ns > 0 && nt > 0 ? std::min(kMaxSentenceRatio,
                                                 std::abs(std::log(ns / nt)))
                                      : kMaxSentenceRatio;
  return e;
}

std::vector<double> PairFeatures(ScoreModel model, const PairEvidence& e) {
  if (model == ScoreModel::kPairRelated) {
    return {e.story_similarity,
            std::log1p(e.shared_keys),
            std::log1p(e.fewest_keys),
            e.mean_unit,
            e.null_share,
            e.lexical.mean_z,
            std::log1p(e.shared_numbers),
            e.shared_numbers + e.unshared_numbers > 0
                ? static_cast<double>(e.shared_numbers) /
                      (e.shared_numbers + e.unshared_numbers)
                : 0.0};
  }
  return {e.mean_unit,           e.null_share,         e.one_to_one_share,
          e.lexical.mean_z,      e.lexical.mean_kinds, e.in_order_share,
          std::log1p(e.passages)};
}

void MeasureNumbers(const Document& a, const Document& b, PairEvidence* e) {
  auto numbers = [](const Document& d) {
    std::set<std::string> out;
    for (std::string_view text : CollectAlignable(d, false).texts) {
      for (std::string& n : ExtractNumbers(text)) out.insert(std::move(n));
    }
    return out;
  };
  const std::set<std::string> x = numbers(a), y = numbers(b);
  e->shared_numbers = 0;
  for (const std::string& n : x) e->shared_numbers += y.count(n) > 0;
  e->unshared_numbers =
      static_cast<int>(x.size() + y.size()) - 2 * e->shared_numbers;
}

void MeasureOrder(const Alignment& translation, const Alignment& comparable,
                  PairEvidence* e) {
  std::map<int, int> src_bead, tgt_bead;
  for (size_t k = 0; k < translation.beads.size(); ++k) {
    for (int s : translation.beads[k].src) src_bead[s] = static_cast<int>(k);
    for (int t : translation.beads[k].tgt) tgt_bead[t] = static_cast<int>(k);
  }
  int on_path = 0;
  e->passages = 0;
  for (const Bead& b : comparable.beads) {
    if (!b.IsPair()) continue;
    ++e->passages;
    const auto s = src_bead.find(b.src[0]);
    const auto t = tgt_bead.find(b.tgt[0]);
    // On the path: in the same in-order bead or a neighbouring one.
    on_path += s != src_bead.end() && t != tgt_bead.end() &&
               std::abs(s->second - t->second) <= 1;
  }
  e->in_order_share =
      e->passages ? static_cast<double>(on_path) / e->passages : 1.0;
}

std::string ExplainProbability(ScoreModel model,
                               const std::vector<double>& features) {
  const std::vector<double> terms = Contributions(model, features);
  std::vector<size_t> order(terms.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::abs(terms[x]) > std::abs(terms[y]);
  });
  // The three largest terms say what decided; the rest are in the model.
  constexpr size_t kShownTerms = 3;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f (", Probability(model, features));
  std::string out = buffer;
  for (size_t k = 0; k < order.size() && k < kShownTerms; ++k) {
    std::snprintf(buffer, sizeof buffer, "%s%s %+.1f", k ? ", " : "",
                  FeatureNames(model)[order[k]].c_str(), terms[order[k]]);
    out += buffer;
  }
  return out + ")";
}

}  // namespace crossalign::internal
