#include "crossalign/comparable_aligner.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "align/alignable_segments.h"
#include "align/pair_lexicon.h"
#include "align/pair_scorer.h"
#include "align/text_features.h"

namespace crossalign {
namespace {

using internal::SentenceFeatures;

// A candidate passage pair: source sentences [s0, s0+a), target [t0, t0+b).
struct Candidate {
  int s0, a, t0, b;
  double sim;
  double margin;
  double score = 0;
  std::vector<double> features;  // FeatureNames(kComparableUnit) order
};

// Two articles on one story share at least this many names and numbers of
// three or more digits. Measured on corpora/ and the seeds: article pairs of
// one story share 6 to 44 such keys; the two corpora/ stories share 0 to 2
// with each other; but stories on one topic (the seeds and the Dniester story
// are both about Ukraine) share 3 to 9, so this gate separates unrelated
// topics, not unrelated stories on one topic.
constexpr int kMinSharedStrongKeys = 3;

// A passage of two sentences must be this much more similar than its best
// single sentence to be preferred.
constexpr double kMergeGain = 1.1;

// Log similarity ratios (margin to the neighbourhood, to the runner-up)
// are clamped to this: beyond it a unit is as clear as units get, and an
// unclamped ratio over a near-zero runner-up would dominate the model.
constexpr double kMaxLogRatio = 3.0;
// A runner-up similarity below this counts as this (no runner-up at all).
constexpr double kMinRunnerUp = 0.01;
// Feature caps: counts past these add nothing on dev data (a fourth shared
// number is as telling as a third).
constexpr int kMaxCount = 3;

using Side = internal::AlignableSegments;

std::vector<uint32_t> Union(const std::vector<uint32_t>& a,
                            const std::vector<uint32_t>& b) {
  std::vector<uint32_t> out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(),
                 std::back_inserter(out));
  return out;
}

double Mass(const std::vector<uint32_t>& keys, const std::vector<float>& w) {
  double m = 0;
  for (uint32_t k : keys) m += w[k];
  return m;
}

// Keys found in most sentences of the two articles (weight below this:
// "the", "said") are not counted as shared evidence. A candidate needs one
// shared key at or above it (one rare key proposes a candidate; the fitted
// model decides how much it says). The value dates from issue 13, measured
// on the dev stories of corpora/.
constexpr double kMinEvidenceWeight = 0.5;

struct Evidence {
  double weight = 0;  // weighted overlap
  int shared = 0;     // shared keys above kMinEvidenceWeight
};

Evidence Overlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                 const std::vector<float>& w) {
  Evidence e;
  internal::ForEachSharedKey(a, b, [&](uint32_t key) {
    e.weight += w[key];
    e.shared += w[key] >= kMinEvidenceWeight;
  });
  return e;
}

// Everything about one document pair's sentences that scoring needs.
struct PairModel {
  std::vector<std::vector<uint32_t>> src_match;  // keys + translations
  std::vector<std::vector<uint32_t>> src_keys, tgt_keys;
  std::vector<std::vector<uint32_t>> strong_src, strong_tgt;
  std::vector<float> weight;
  std::vector<char> key_kind;  // per key id (internal::KeyKinds)
  std::vector<int> src_len, tgt_len;
  double length_ratio = 1;  // target code points per source code point
  bool same_language = false;
  int n = 0, m = 0;
  // The installed dictionary used across languages ("ja-en.dict reversed"),
  // or why none was ("none for uk-ko"); empty within one language or with
  // the caller's dictionary.
  std::string lexicon;

  // Distinct strong keys (names, numbers of three or more digits) of either
  // article found anywhere in the other: how much the two share at all.
  int SharedStrongKeys() const {
    std::vector<uint32_t> src_all, tgt_all, src_strong, tgt_strong;
    for (int i = 0; i < n; ++i) {
      src_all = Union(src_all, src_match[i]);
      src_strong = Union(src_strong, strong_src[i]);
    }
    for (int j = 0; j < m; ++j) {
      tgt_all = Union(tgt_all, tgt_keys[j]);
      tgt_strong = Union(tgt_strong, strong_tgt[j]);
    }
    std::vector<uint32_t> shared;
    for (uint32_t k : src_strong) {
      if (std::binary_search(tgt_all.begin(), tgt_all.end(), k))
        shared.push_back(k);
    }
    for (uint32_t k : tgt_strong) {
      if (std::binary_search(src_all.begin(), src_all.end(), k))
        shared.push_back(k);
    }
    std::sort(shared.begin(), shared.end());
    return static_cast<int>(std::unique(shared.begin(), shared.end()) -
                            shared.begin());
  }

  // Cosine-like similarity of two passages.
  double Similarity(int s0, int a, int t0, int b) const {
    if (a == 1 && b == 1) {
      return Score(src_keys[s0], src_match[s0], tgt_keys[t0]);
    }
    std::vector<uint32_t> sk = src_keys[s0], sm = src_match[s0];
    for (int k = 1; k < a; ++k) {
      sk = Union(sk, src_keys[s0 + k]);
      sm = Union(sm, src_match[s0 + k]);
    }
    std::vector<uint32_t> tk = tgt_keys[t0];
    for (int k = 1; k < b; ++k) tk = Union(tk, tgt_keys[t0 + k]);
    return Score(sk, sm, tk);
  }

  // The similarity of source keys `sk` (with translations: `sm`) and target
  // keys `tk`; zero without a shared key of kMinEvidenceWeight or more.
  double Score(const std::vector<uint32_t>& sk, const std::vector<uint32_t>& sm,
               const std::vector<uint32_t>& tk) const {
    const double ms = Mass(sk, weight), mt = Mass(tk, weight);
    if (ms <= 0 || mt <= 0) return 0;
    const Evidence e = Overlap(sm, tk, weight);
    if (e.shared == 0) return 0;
    return std::min(e.weight, std::min(ms, mt)) / std::sqrt(ms * mt);
  }

  // The keys of passage [s0, s0+a) (source: with translations) or
  // [t0, t0+b), and the strong keys of both passages.
  internal::SharedEvidence Share(int s0, int a, int t0, int b) const {
    std::vector<uint32_t> sm, tk, strong;
    for (int k = 0; k < a; ++k) {
      sm = Union(sm, src_match[s0 + k]);
      strong = Union(strong, strong_src[s0 + k]);
    }
    for (int k = 0; k < b; ++k) {
      tk = Union(tk, tgt_keys[t0 + k]);
      strong = Union(strong, strong_tgt[t0 + k]);
    }
    return internal::ShareEvidence(sm, tk, strong, weight, key_kind,
                                   kMinEvidenceWeight);
  }
};

PairModel BuildModel(const internal::FeatureExtractor& features,
                     const Side& src, const Side& tgt,
                     const std::string& src_lang, const std::string& tgt_lang,
                     const Dictionary* dictionary) {
  internal::Vocabulary vocab;
  // Stems only mean something when both articles share a language.
  const std::string stem_lang =
      (src_lang == tgt_lang && src_lang != "und") ? src_lang : "";
  // Across languages without the caller's dictionary: the installed one
  // (models/dict, pair_lexicon.h).
  std::shared_ptr<const internal::PairLexicon> lexicon;
  if (stem_lang.empty() && dictionary == nullptr) {
    lexicon = internal::InstalledPairLexicon(src_lang, tgt_lang);
  }
  internal::LexiconSide src_side, tgt_side;
  if (lexicon != nullptr) {
    src_side = {src_lang, &lexicon->src_words};
    tgt_side = {tgt_lang, &lexicon->tgt_words};
  }
  std::vector<SentenceFeatures> fs =
      features.Extract(src.texts, &vocab, stem_lang, /*name_skeletons=*/true,
                       lexicon ? &src_side : nullptr);
  std::vector<SentenceFeatures> ft =
      features.Extract(tgt.texts, &vocab, stem_lang, /*name_skeletons=*/true,
                       lexicon ? &tgt_side : nullptr);
  if (dictionary != nullptr) internal::AddTranslations(*dictionary, vocab, &fs);
  if (lexicon != nullptr)
    internal::AddLexiconTranslations(*lexicon, vocab, &fs);
  PairModel model;
  if (lexicon != nullptr) {
    model.lexicon = lexicon->origin;
  } else if (stem_lang.empty() && dictionary == nullptr) {
    model.lexicon = "none for " + internal::PrimaryLanguage(src_lang) + "-" +
                    internal::PrimaryLanguage(tgt_lang);
  }
  model.n = static_cast<int>(fs.size());
  model.m = static_cast<int>(ft.size());
  model.weight = internal::KeyWeights(vocab.size(), fs, ft);
  model.key_kind = internal::KeyKinds(vocab);
  model.same_language = !stem_lang.empty();
  double total_src = 0, total_tgt = 0;
  for (const auto& f : fs) {
    model.src_keys.push_back(f.keys);
    model.src_match.push_back(Union(f.keys, f.translations));
    model.strong_src.push_back(f.strong);
    model.src_len.push_back(f.length);
    total_src += f.length;
  }
  for (const auto& f : ft) {
    model.tgt_keys.push_back(f.keys);
    model.strong_tgt.push_back(f.strong);
    model.tgt_len.push_back(f.length);
    total_tgt += f.length;
  }
  if (total_src > 0 && total_tgt > 0)
    model.length_ratio = total_tgt / total_src;
  return model;
}

// Mean of the k largest of `total` values, of which `values` are the
// non-zero ones.
double TopMean(std::vector<double> values, int k, int total) {
  k = std::min(k, total);
  if (values.empty() || k <= 0) return 0;
  const int divisor = k;
  k = std::min<int>(k, static_cast<int>(values.size()));
  std::partial_sort(values.begin(), values.begin() + k, values.end(),
                    std::greater<double>());
  double sum = 0;
  for (int i = 0; i < k; ++i) sum += values[i];
  return sum / divisor;
}

// A key found in more target sentences than this is too common to propose
// candidates on its own (it still counts in their similarity). Articles of
// corpora/ have at most 60 sentences, so there every key proposes.
int MaxPostings(int m) { return std::max(64, m / 16); }

// The sentence pairs worth scoring: those sharing a rare key that can count
// as evidence (weight >= kMinEvidenceWeight), found through an inverted index
// of the target's keys (blocking), so that time and memory follow the number
// of such pairs instead of n * m. A pair sharing no such key scores 0 anyway
// (PairModel::Score needs one or more of them); in long documents, pairs
// sharing only common keys are not proposed.
std::vector<std::vector<std::pair<int, double>>> SparseSimilarities(
    const PairModel& model) {
  std::vector<std::vector<int>> postings(model.weight.size());
  for (int j = 0; j < model.m; ++j) {
    for (uint32_t k : model.tgt_keys[j]) {
      if (model.weight[k] >= kMinEvidenceWeight) postings[k].push_back(j);
    }
  }
  const size_t max_postings = static_cast<size_t>(MaxPostings(model.m));
  for (auto& list : postings) {
    if (list.size() > max_postings) list.clear();
  }
  std::vector<std::vector<std::pair<int, double>>> rows(model.n);
  std::vector<int> seen(model.m, -1);
  for (int i = 0; i < model.n; ++i) {
    std::vector<int> targets;
    for (uint32_t k : model.src_match[i]) {
      if (k >= postings.size()) continue;
      for (int j : postings[k]) {
        if (seen[j] != i) {
          seen[j] = i;
          targets.push_back(j);
        }
      }
    }
    std::sort(targets.begin(), targets.end());
    for (int j : targets) {
      const double s = model.Similarity(i, 1, j, 1);
      if (s > 0) rows[i].emplace_back(j, s);
    }
  }
  return rows;
}

// The best and second-best single-sentence similarity of each row (or
// column) of the sparse similarity table, with the best one's index.
struct BestTwo {
  double best = 0, second = 0;
  int at = -1;
  void Add(int index, double s) {
    if (s > best) {
      second = best;
      best = s;
      at = index;
    } else if (s > second) {
      second = s;
    }
  }
  // The best similarity outside [from, from + count).
  double Outside(int from, int count) const {
    return at >= from && at < from + count ? second : best;
  }
};

double LogRatio(double s, double other) {
  return std::clamp(std::log(s / std::max(other, kMinRunnerUp)), -kMaxLogRatio,
                    kMaxLogRatio);
}

// The features of each candidate (FeatureNames(kComparableUnit) order) and
// its comparable_unit probability.
void ScoreCandidates(
    const PairModel& model,
    const std::vector<std::vector<std::pair<int, double>>>& rows,
    std::vector<Candidate>* candidates) {
  std::vector<BestTwo> row_best(model.n), col_best(model.m);
  for (int i = 0; i < model.n; ++i) {
    for (const auto& [j, s] : rows[i]) {
      row_best[i].Add(j, s);
      col_best[j].Add(i, s);
    }
  }
  for (Candidate& c : *candidates) {
    double row_other = 0, col_other = 0;
    for (int k = 0; k < c.a; ++k)
      row_other = std::max(row_other, row_best[c.s0 + k].Outside(c.t0, c.b));
    for (int k = 0; k < c.b; ++k)
      col_other = std::max(col_other, col_best[c.t0 + k].Outside(c.s0, c.a));
    const internal::SharedEvidence e = model.Share(c.s0, c.a, c.t0, c.b);
    double ls = 0, lt = 0;
    for (int k = 0; k < c.a; ++k) ls += model.src_len[c.s0 + k];
    for (int k = 0; k < c.b; ++k) lt += model.tgt_len[c.t0 + k];
    const double length_gap =
        ls > 0 && lt > 0
            ? std::min(kMaxLogRatio,
                       std::abs(std::log(lt / (ls * model.length_ratio))))
            : kMaxLogRatio;
    const double position_gap =
        std::abs((c.s0 + c.a / 2.0) / std::max(1, model.n) -
                 (c.t0 + c.b / 2.0) / std::max(1, model.m));
    c.features = {
        c.sim,
        std::clamp(std::log(std::max(c.margin, 1e-3)), -kMaxLogRatio,
                   kMaxLogRatio),
        LogRatio(c.sim, row_other),
        LogRatio(c.sim, col_other),
        static_cast<double>(std::min(e.numbers, kMaxCount)),
        static_cast<double>(std::min(e.names, kMaxCount)),
        std::log1p(e.words),
        e.Kinds() == 1 ? 1.0 : 0.0,
        static_cast<double>(std::min(e.number_conflicts, kMaxCount)),
        e.max_weight,
        position_gap,
        length_gap,
        c.a + c.b > 2 ? 1.0 : 0.0,
        model.same_language ? 1.0 : 0.0,
    };
    c.score = internal::Probability(internal::ScoreModel::kComparableUnit,
                                    c.features);
  }
}

std::vector<Candidate> Match(const PairModel& model, int neighbours) {
  const int n = model.n, m = model.m;
  const std::vector<std::vector<std::pair<int, double>>> rows =
      SparseSimilarities(model);
  // Each sentence's neighbourhood: the mean similarity of its k best
  // matches on the other side (absent pairs are zeros).
  std::vector<double> knn_src(n), knn_tgt(m);
  std::vector<std::vector<double>> columns(m);
  for (int i = 0; i < n; ++i) {
    std::vector<double> row;
    for (const auto& [j, s] : rows[i]) {
      row.push_back(s);
      columns[j].push_back(s);
    }
    knn_src[i] = TopMean(std::move(row), neighbours, m);
  }
  for (int j = 0; j < m; ++j) {
    knn_tgt[j] = TopMean(std::move(columns[j]), neighbours, n);
  }
  auto at = [&](int x, int y) {
    if (x >= n || y >= m) return 0.0;
    const auto& row = rows[x];
    auto it = std::lower_bound(
        row.begin(), row.end(), std::make_pair(y, -1.0),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    return it != row.end() && it->first == y ? it->second : 0.0;
  };
  // A passage's neighbourhood is that of its busiest sentence.
  auto neighbourhood = [&](int s0, int a, int t0, int b) {
    double ns = 0, nt = 0;
    for (int k = 0; k < a; ++k) ns = std::max(ns, knn_src[s0 + k]);
    for (int k = 0; k < b; ++k) nt = std::max(nt, knn_tgt[t0 + k]);
    return (ns + nt) / 2;
  };
  std::vector<Candidate> out;
  auto consider = [&](int s0, int a, int t0, int b, double s) {
    if (s <= 0) return;
    const double denom = neighbourhood(s0, a, t0, b);
    const double margin = denom > 0 ? s / denom : 0;
    out.push_back({s0, a, t0, b, s, margin, 0.0, {}});
  };
  for (int i = 0; i < n; ++i) {
    for (const auto& entry : rows[i]) {
      // Plain variables: a structured binding cannot be captured by the
      // lambda below in C++17 (clang refuses it).
      const int j = entry.first;
      const double s11 = entry.second;
      consider(i, 1, j, 1, s11);
      // Passages of two adjacent sentences, where the neighbour also shares
      // evidence with the other side and the merge says clearly more than
      // its best single sentence.
      auto merge = [&](int a, int b, double best_single) {
        const double s = model.Similarity(i, a, j, b);
        if (s > kMergeGain * best_single) consider(i, a, j, b, s);
      };
      const double down = at(i + 1, j), right = at(i, j + 1),
                   diagonal = at(i + 1, j + 1);
      if (down > 0) merge(2, 1, std::max(s11, down));
      if (right > 0) merge(1, 2, std::max(s11, right));
      if (diagonal > 0) merge(2, 2, std::max({s11, diagonal, down, right}));
    }
  }
  ScoreCandidates(model, rows, &out);
  return out;
}

// Best first, one-to-one: a sentence takes part in one pair at most.
std::vector<Candidate> Assign(std::vector<Candidate> candidates, int n, int m,
                              double min_score) {
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& x, const Candidate& y) {
              if (x.score != y.score) return x.score > y.score;
              if (x.margin != y.margin) return x.margin > y.margin;
              if (x.s0 != y.s0) return x.s0 < y.s0;  // deterministic order
              if (x.t0 != y.t0) return x.t0 < y.t0;
              return x.a + x.b < y.a + y.b;
            });
  std::vector<bool> used_s(n, false), used_t(m, false);
  std::vector<Candidate> chosen;
  for (const Candidate& c : candidates) {
    if (c.score < min_score) break;
    bool free = true;
    for (int k = 0; k < c.a; ++k) free = free && !used_s[c.s0 + k];
    for (int k = 0; k < c.b; ++k) free = free && !used_t[c.t0 + k];
    if (!free) continue;
    for (int k = 0; k < c.a; ++k) used_s[c.s0 + k] = true;
    for (int k = 0; k < c.b; ++k) used_t[c.t0 + k] = true;
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Candidate& x, const Candidate& y) {
              return x.s0 != y.s0 ? x.s0 < y.s0 : x.t0 < y.t0;
            });
  return chosen;
}

}  // namespace

struct ComparableAligner::Impl {
  internal::FeatureExtractor features;
};

ComparableAligner::ComparableAligner(const ComparableAlignerOptions& options)
    : options_(options), impl_(std::make_shared<Impl>()) {}

ComparableAligner::~ComparableAligner() = default;

StatusOr<Alignment> ComparableAligner::Align(const Document& src,
                                             const Document& tgt) const {
  const Side s = internal::CollectAlignable(src, options_.keep_boilerplate);
  const Side t = internal::CollectAlignable(tgt, options_.keep_boilerplate);
  const PairModel model = BuildModel(impl_->features, s, t, src.lang(),
                                     tgt.lang(), options_.dictionary.get());
  // Articles on different stories share hardly a name or a number; their
  // sentences only ever match by accident, however they stand out from their
  // neighbours, so nothing is reported for them.
  const int shared_strong = model.SharedStrongKeys();
  std::vector<Candidate> candidates;
  if (shared_strong >= kMinSharedStrongKeys) {
    candidates = Match(model, options_.neighbours);
  }
  if (internal::HasFeatureSink()) {
    const internal::ScopedSentenceIds ids(&s.ids, &t.ids);
    for (const Candidate& c : candidates) {
      internal::FeatureRecord record{
          internal::ScoreModel::kComparableUnit, {}, {}, c.features};
      for (int k = 0; k < c.a; ++k) record.src.push_back(c.s0 + k);
      for (int k = 0; k < c.b; ++k) record.tgt.push_back(c.t0 + k);
      internal::EmitFeatures(std::move(record));
    }
  }
  const std::vector<Candidate> chosen =
      Assign(std::move(candidates), model.n, model.m, options_.min_score);
  Alignment alignment;
  alignment.mode = AlignMode::kComparable;
  std::ostringstream method;
  method << "comparable: passages of 1-2 sentences in any order, ratio margin "
            "over "
         << options_.neighbours << " neighbours; evidence: numbers, words, "
         << (src.lang() == tgt.lang() ? "Snowball stems, " : "") << "cognates"
         << (options_.dictionary ? ", dictionary" : "")
         << (model.lexicon.empty() ? "" : ", dictionary " + model.lexicon);
  alignment.method = method.str();
  for (const Candidate& c : chosen) {
    Bead bead;
    for (int k = 0; k < c.a; ++k) bead.src.push_back(s.ids[c.s0 + k]);
    for (int k = 0; k < c.b; ++k) bead.tgt.push_back(t.ids[c.t0 + k]);
    bead.score = c.score;
    alignment.beads.push_back(std::move(bead));
  }
  return alignment;
}

double ComparableAligner::DocumentSimilarity(const Document& a,
                                             const Document& b) const {
  StatusOr<Alignment> alignment = Align(a, b);
  if (!alignment.ok()) return 0;
  size_t na = 0, nb = 0, matched = 0;
  for (const Segment& seg : a.segments())
    na += seg.kind != SegmentKind::kBoilerplate;
  for (const Segment& seg : b.segments())
    nb += seg.kind != SegmentKind::kBoilerplate;
  for (const Bead& bead : alignment->beads)
    matched += std::min(bead.src.size(), bead.tgt.size());
  const size_t smaller = std::min(na, nb);
  return smaller == 0 ? 0.0
                      : std::min(1.0, static_cast<double>(matched) / smaller);
}

}  // namespace crossalign
