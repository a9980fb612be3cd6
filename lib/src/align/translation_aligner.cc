#include "crossalign/translation_aligner.h"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>

#include "align/alignable_segments.h"
#include "align/alignment_band.h"
#include "align/bead_scorer.h"
#include "align/bead_search.h"
#include "align/length_model.h"
#include "align/lexicon.h"
#include "align/pair_scorer.h"
#include "align/text_features.h"

// The translation aligner: a length model, a band to search, the bead
// search (cost fill and traceback, align/bead_search.h), and a second search
// once the length model is re-estimated and the source keys are extended
// with dictionary and learned translations.

namespace crossalign {
namespace {

using internal::Band;
using internal::BeadScorer;
using internal::SentenceFeatures;

// Sentence pairs the learned lexicon is trained on, at most.
constexpr size_t kMaxLexiconPairs = 3000;

using SentencePair =
    std::pair<const std::vector<uint32_t>*, const std::vector<uint32_t>*>;

std::vector<int> Lengths(const std::vector<SentenceFeatures>& side) {
  std::vector<int> lengths(side.size());
  for (size_t i = 0; i < side.size(); ++i) lengths[i] = side[i].length;
  return lengths;
}

// The key weight of each sentence: the sum of its keys' weights.
std::vector<double> KeyMasses(const std::vector<SentenceFeatures>& side,
                              const std::vector<float>& weight) {
  std::vector<double> mass(side.size(), 0);
  for (size_t i = 0; i < side.size(); ++i) {
    for (uint32_t k : side[i].keys) mass[i] += weight[k];
  }
  return mass;
}

bool HasHeading(const std::vector<SentenceFeatures>& side) {
  return std::any_of(side.begin(), side.end(),
                     [](const SentenceFeatures& f) { return f.heading; });
}

// Search, widening the band and searching again where the path hit its edge.
std::vector<Bead> SearchAdaptive(const BeadScorer& sc, Band* band, int n, int m,
                                 int margin) {
  constexpr int kMaxRounds = 4;
  std::vector<Bead> beads = internal::SearchBeads(sc, *band, n, m);
  for (int round = 1; round < kMaxRounds; ++round) {
    if (!internal::WidenWherePathTouchesEdge(beads, m, margin, band)) break;
    beads = internal::SearchBeads(sc, *band, n, m);
  }
  return beads;
}

// The source sentence's keys, its dictionary translations and `more`,
// sorted and unique.
std::vector<uint32_t> ExtendedKeys(const SentenceFeatures& sentence,
                                   std::vector<uint32_t> more) {
  more.insert(more.end(), sentence.keys.begin(), sentence.keys.end());
  more.insert(more.end(), sentence.translations.begin(),
              sentence.translations.end());
  std::sort(more.begin(), more.end());
  more.erase(std::unique(more.begin(), more.end()), more.end());
  return more;
}

// The words of the confident 1-1 beads. EM's cost grows with the
// co-occurrence table; a sample spread evenly over the document learns the
// same frequent words and keeps the time linear in the document length.
std::vector<SentencePair> ConfidentPairs(
    const std::vector<SentenceFeatures>& src,
    const std::vector<SentenceFeatures>& tgt, const std::vector<Bead>& beads) {
  std::vector<SentencePair> pairs;
  for (const Bead& b : beads) {
    if (b.src.size() == 1 && b.tgt.size() == 1 &&
        b.score >= internal::kConfidentUnit) {
      pairs.emplace_back(&src[b.src[0]].words, &tgt[b.tgt[0]].words);
    }
  }
  if (pairs.size() > kMaxLexiconPairs) {
    std::vector<SentencePair> sample;
    for (size_t k = 0; k < kMaxLexiconPairs; ++k) {
      sample.push_back(pairs[k * pairs.size() / kMaxLexiconPairs]);
    }
    pairs = std::move(sample);
  }
  return pairs;
}

// Learns word translations from the confident 1-1 beads, then adds each
// source sentence's likely translations to its keys (and its dictionary
// translations). Empty when there are too few pairs: below a few dozen EM
// learns noise.
std::vector<std::vector<uint32_t>> LearnedKeys(
    const TranslationAlignerOptions& options,
    const std::vector<SentenceFeatures>& src,
    const std::vector<SentenceFeatures>& tgt, const std::vector<Bead>& beads) {
  const std::vector<SentencePair> pairs = ConfidentPairs(src, tgt, beads);
  if (pairs.size() < 20) return {};
  const internal::Lexicon lexicon =
      internal::Lexicon::Train(pairs, 5, 2, options.lexicon_min_prob);
  std::vector<std::vector<uint32_t>> extended(src.size());
  for (size_t i = 0; i < src.size(); ++i) {
    std::vector<uint32_t> more;
    for (uint32_t w : src[i].words) {
      if (const auto* list = lexicon.Translations(w)) {
        for (const auto& [f, p] : *list) more.push_back(f);
      }
    }
    extended[i] = ExtendedKeys(src[i], std::move(more));
  }
  return extended;
}

// The method line of the alignment: beads, length model and evidence.
std::string DescribeMethod(const internal::LengthModel& length, bool lexical,
                           bool has_dictionary, bool learned) {
  std::ostringstream method;
  method.precision(3);
  method << "translation DP (beads";
  for (const internal::BeadShape& shape : internal::kBeadShapes)
    method << " " << shape.src << "-" << shape.tgt;
  method << "); length ratio " << length.ratio << ", variance "
         << length.variance;
  if (lexical) {
    method << "; lexical evidence: numbers, words, cognates"
           << (has_dictionary ? ", dictionary" : "")
           << (learned ? ", learned IBM-1 lexicon" : "");
  }
  return method.str();
}

// Extends the source keys (into `extended`, which `sc` then uses) with
// dictionary translations, then with the lexicon learned from the first
// pass's `beads` when options.learn_lexicon; re-estimates the background
// after each. Returns whether a lexicon was learned.
bool ExtendSourceKeys(const TranslationAlignerOptions& options,
                      bool has_dictionary, const std::vector<Bead>& beads,
                      std::vector<std::vector<uint32_t>>* extended,
                      BeadScorer* sc) {
  const std::vector<SentenceFeatures>& src = *sc->src;
  const int n = static_cast<int>(src.size());
  const int m = static_cast<int>(sc->tgt->size());
  if (has_dictionary) {
    extended->resize(n);
    for (int i = 0; i < n; ++i) (*extended)[i] = ExtendedKeys(src[i], {});
    sc->src_keys = extended;
    internal::EstimateBackground(sc, n, m);
  }
  if (!options.learn_lexicon) return false;
  std::vector<std::vector<uint32_t>> with_lexicon =
      LearnedKeys(options, src, *sc->tgt, beads);
  if (with_lexicon.empty()) return false;
  *extended = std::move(with_lexicon);
  sc->src_keys = extended;
  internal::EstimateBackground(sc, n, m);
  return true;
}

// The band plan of the options (see BandPlan).
internal::BandPlan PlanOf(const TranslationAlignerOptions& options) {
  internal::BandPlan plan;
  plan.band = options.band;
  plan.block = std::max(2, options.block_size);
  plan.margin = 3 * plan.block + 8;
  plan.direct_cells = std::max<int64_t>(1, options.direct_search_cells);
  return plan;
}

// The aligner proper. `vocab` is null for length-only alignment.
// The caller's anchor beads (AlignAnchored) are fixed links, not guesses:
// they keep score 1 whatever the fitted scorer would give them.
void KeepAnchorScores(const std::vector<internal::AnchorBead>& anchors,
                      std::vector<Bead>* beads) {
  for (Bead& b : *beads) {
    if (b.src.empty() || b.tgt.empty()) continue;
    for (const internal::AnchorBead& x : anchors) {
      if (b.src.front() == x.s0 && b.src.back() == x.s1 &&
          b.tgt.front() == x.t0 && b.tgt.back() == x.t1) {
        b.score = 1.0;
        break;
      }
    }
  }
}

Alignment AlignFeatures(
    const TranslationAlignerOptions& options,
    const std::vector<SentenceFeatures>& src,
    const std::vector<SentenceFeatures>& tgt, const internal::Vocabulary* vocab,
    const std::vector<internal::AnchorBead>* anchors = nullptr) {
  const int n = static_cast<int>(src.size());
  const int m = static_cast<int>(tgt.size());
  const std::vector<int> src_len = Lengths(src), tgt_len = Lengths(tgt);
  BeadScorer sc;
  sc.src = &src;
  sc.tgt = &tgt;
  sc.length = internal::InitialLengthModel(src_len, tgt_len);
  // Key weights: inverse document frequency over the sentences of both
  // documents, so that a word found in every sentence counts for little.
  const std::vector<float> weight =
      vocab ? internal::KeyWeights(vocab->size(), src, tgt)
            : std::vector<float>();
  sc.weight = &weight;
  sc.src_mass = KeyMasses(src, weight);
  sc.tgt_mass = KeyMasses(tgt, weight);
  const bool lexical = vocab != nullptr && options.lexical_weight > 0;
  if (lexical) {
    sc.lexical_weight = options.lexical_weight;
    internal::EstimateBackground(&sc, n, m);
  }
  internal::BandPlan plan = PlanOf(options);
  if (anchors != nullptr && !anchors->empty()) {
    sc.anchors = anchors;
    // Anchors far from the diagonal must lie in the band: search everything
    // when that fits the direct search.
    if (static_cast<int64_t>(n) * m <= plan.direct_cells) plan.band = 0;
  }
  Band band = internal::PlanBand(src_len, tgt_len, plan);
  sc.paragraphs = !src.empty() && !tgt.empty() && src.back().paragraph > 0 &&
                  tgt.back().paragraph > 0;
  sc.headings = HasHeading(src) && HasHeading(tgt);

  // First pass: re-estimate the length model from its confident beads.
  // Unit probabilities (the x-score) come from the fitted scorer
  // (align/pair_scorer.h); key kinds tell it numbers from names and words.
  const std::vector<char> key_kind =
      lexical ? internal::KeyKinds(*vocab) : std::vector<char>();
  std::vector<Bead> beads = SearchAdaptive(sc, &band, n, m, plan.margin);
  internal::ScoreTranslationBeads(sc, key_kind, false, &beads);
  sc.length = internal::ReestimateLengthModel(src, tgt, beads, sc.length);

  // Second pass, with the source keys extended by dictionary translations
  // and the learned lexicon, in a band around the first path.
  std::vector<std::vector<uint32_t>> extended;
  const bool has_dictionary = std::any_of(
      src.begin(), src.end(),
      [](const SentenceFeatures& f) { return !f.translations.empty(); });
  const bool learned = lexical && ExtendSourceKeys(options, has_dictionary,
                                                   beads, &extended, &sc);
  // Around the first pass's path: the second pass moves a bead here and
  // there, not the path as a whole (and still widens where it runs along the
  // edge). On the Bible en-zh set this is 0.74M cells instead of 6.7M, with
  // the same beads.
  band = internal::NarrowToPath(beads, plan.margin, band);
  std::vector<Bead>().swap(beads);  // not kept through the second search
  beads = SearchAdaptive(sc, &band, n, m, plan.margin);
  internal::ScoreTranslationBeads(sc, key_kind, true, &beads);
  if (anchors != nullptr) KeepAnchorScores(*anchors, &beads);

  Alignment alignment;
  alignment.mode = AlignMode::kTranslation;
  alignment.method =
      DescribeMethod(sc.length, lexical, has_dictionary, learned);
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
      const std::vector<const Segment*>& tgt_segments,
      const std::vector<internal::AnchorBead>* anchors = nullptr) const;

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
    const std::vector<const Segment*>& tgt_segments,
    const std::vector<internal::AnchorBead>* anchors) const {
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
  return AlignFeatures(options, fs, ft, &vocab, anchors);
}

StatusOr<Alignment> TranslationAligner::Align(const Document& src,
                                              const Document& tgt) const {
  const internal::AlignableSegments s =
      internal::CollectAlignable(src, options_.keep_boilerplate);
  const internal::AlignableSegments t =
      internal::CollectAlignable(tgt, options_.keep_boilerplate);
  const internal::ScopedSentenceIds ids(&s.ids, &t.ids);  // feature dump
  CROSSALIGN_ASSIGN_OR_RETURN(Alignment result,
                              impl_->AlignStructured(options_, s.texts, t.texts,
                                                     s.segments, t.segments));
  for (Bead& bead : result.beads) {
    for (int& k : bead.src) k = s.ids[k];
    for (int& k : bead.tgt) k = t.ids[k];
  }
  return result;
}

namespace {

// The alignable index of each document segment (-1: not aligned).
std::vector<int> AlignableIndex(const internal::AlignableSegments& a,
                                size_t segments) {
  std::vector<int> index(segments, -1);
  for (size_t k = 0; k < a.ids.size(); ++k) {
    index[static_cast<size_t>(a.ids[k])] = static_cast<int>(k);
  }
  return index;
}

}  // namespace

StatusOr<Alignment> TranslationAligner::AlignAnchored(
    const Document& src, const Document& tgt,
    const std::vector<Bead>& anchors) const {
  const internal::AlignableSegments s =
      internal::CollectAlignable(src, options_.keep_boilerplate);
  const internal::AlignableSegments t =
      internal::CollectAlignable(tgt, options_.keep_boilerplate);
  const std::vector<int> s_index = AlignableIndex(s, src.segments().size());
  const std::vector<int> t_index = AlignableIndex(t, tgt.segments().size());
  std::vector<internal::AnchorBead> fixed;
  for (size_t a = 0; a < anchors.size(); ++a) {
    const std::string which = "anchor " + std::to_string(a + 1);
    internal::AnchorBead x;
    const std::pair<const std::vector<int>*, const std::vector<int>*> sides[] =
        {{&anchors[a].src, &s_index}, {&anchors[a].tgt, &t_index}};
    int side_no = 0;
    for (const auto& [ids, index] : sides) {
      std::vector<int> kept;
      for (int id : *ids) {
        if (id < 0 || static_cast<size_t>(id) >= index->size()) {
          return InvalidArgumentError(which + ": segment " +
                                      std::to_string(id) +
                                      " is not in the document");
        }
        if ((*index)[static_cast<size_t>(id)] >= 0) {
          kept.push_back((*index)[static_cast<size_t>(id)]);
        }
      }
      std::sort(kept.begin(), kept.end());
      if (kept.empty() ||
          kept.back() - kept.front() + 1 != static_cast<int>(kept.size())) {
        return InvalidArgumentError(
            which + ": each side needs one run of consecutive sentences");
      }
      (side_no == 0 ? x.s0 : x.t0) = kept.front();
      (side_no == 0 ? x.s1 : x.t1) = kept.back();
      ++side_no;
    }
    fixed.push_back(x);
  }
  std::sort(fixed.begin(), fixed.end(),
            [](const internal::AnchorBead& a, const internal::AnchorBead& b) {
              return a.s0 < b.s0;
            });
  for (size_t a = 1; a < fixed.size(); ++a) {
    if (fixed[a].s0 <= fixed[a - 1].s1 || fixed[a].t0 <= fixed[a - 1].t1) {
      return InvalidArgumentError(
          "anchors overlap or cross: an alignment keeps both documents in "
          "order");
    }
  }
  CROSSALIGN_ASSIGN_OR_RETURN(
      Alignment result, impl_->AlignStructured(options_, s.texts, t.texts,
                                               s.segments, t.segments, &fixed));
  for (Bead& bead : result.beads) {
    for (int& k : bead.src) k = s.ids[k];
    for (int& k : bead.tgt) k = t.ids[k];
  }
  return result;
}

}  // namespace crossalign
