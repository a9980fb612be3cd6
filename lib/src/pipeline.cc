#include "crossalign/pipeline.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include "align/pair_scorer.h"
#include "crossalign/output_file.h"
#include "read/document_decoding.h"

namespace crossalign {
namespace {

// Above this confidence the detected language of a document is trusted
// enough to question a language the caller gave (--src-lang uk on English).
constexpr double kConfidentDetection = 0.9;

std::string Primary(std::string tag) {
  tag = tag.substr(0, tag.find_first_of("-_"));
  for (char& c : tag) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Close languages the model confuses are not a contradiction.
  if (tag == "bs" || tag == "sr" || tag == "sh" || tag == "cnr") return "hr";
  if (tag == "nb" || tag == "nn") return "no";
  if (tag == "ms") return "id";
  return tag;
}

// Warns when the language given for a document contradicts a confident
// detection of its text (the given language is still used).
void WarnIfContradicted(const std::string& given, Document* doc) {
  const std::string detected = doc->lang();
  if (detected.empty() || detected == kUndeterminedLanguage ||
      doc->lang_confidence() < kConfidentDetection ||
      Primary(detected) == Primary(given)) {
    return;
  }
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", doc->lang_confidence());
  doc->add_warning(doc->name() + ": the language given is " + given +
                   ", but the text reads as " + detected + " (confidence " +
                   confidence + "); " + given +
                   " is used: check --src-lang/--tgt-lang");
}

// Below this confidence, the language an HTML page declares (<html lang>,
// og:locale, JSON-LD inLanguage) decides. Pages often keep a site-wide
// lang attribute on every translation, so the hint never overrides a sure
// identification.
constexpr double kPageHintBelow = 0.5;

// The primary subtag of a declared language ("en-GB" -> "en"), lower
// case; empty when it does not look like one.
std::string PrimaryLanguage(const std::string& tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (c < 'A' || (c > 'Z' && c < 'a') || c > 'z') return "";
    out.push_back(static_cast<char>(c | 0x20));
  }
  return out.size() == 2 || out.size() == 3 ? out : "";
}

}  // namespace

struct Pipeline::LazySegmenter {
  std::once_flag once;
  std::unique_ptr<SentenceSegmenter> segmenter;
};

Pipeline::Pipeline() : segmenter_(std::make_unique<LazySegmenter>()) {}
Pipeline::~Pipeline() = default;

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  pipeline->options_ = options;
  if (!options.languages_given) {
    CROSSALIGN_ASSIGN_OR_RETURN(const std::string model_path,
                                FindLidModel(options.lid_model));
    CROSSALIGN_ASSIGN_OR_RETURN(
        pipeline->lid_, LanguageIdentifier::Load(model_path, options.lid));
  }
  if (!options.presegmented || !options.segmenter.srx_path.empty() ||
      !options.segmenter.rules_dir.empty()) {
    // Created now, so that bad rules files are an error here.
    CROSSALIGN_ASSIGN_OR_RETURN(pipeline->segmenter_->segmenter,
                                SentenceSegmenter::Create(options.segmenter));
  }
  pipeline->aligner_ = std::make_unique<TranslationAligner>(options.aligner);
  pipeline->comparable_ =
      std::make_unique<ComparableAligner>(options.comparable);
  return pipeline;
}

StatusOr<std::shared_ptr<const Document>> Pipeline::PrepareDocument(
    Document doc, const std::string& lang) const {
  // The document language picks the segmentation rules; segment languages
  // are found after segmentation, with the document language as the prior.
  if (options_.presegmented) {
    SegmentByLines(&doc);
    if (!lang.empty()) {
      doc.set_lang(lang, 1.0);
      for (Segment& seg : *doc.mutable_segments()) seg.lang = lang;
    } else if (lid_) {
      lid_->IdentifyDocument(&doc);
    } else {
      doc.set_lang(kUndeterminedLanguage, 0.0);
    }
    return std::shared_ptr<const Document>(
        std::make_shared<const Document>(std::move(doc)));
  }
  if (lid_) lid_->IdentifyDocument(&doc);
  if (lid_ && lang.empty() && doc.format() == InputFormat::kHtml &&
      doc.lang_confidence() < kPageHintBelow) {
    const std::string hint = PrimaryLanguage(doc.metadata().lang);
    if (!hint.empty() && hint != doc.lang()) {
      doc.add_note(doc.name() + ": language identification was unsure (" +
                   doc.lang() + "); the page declares " + hint +
                   ", taken instead");
      doc.set_lang(hint, kPageHintBelow);
    }
  }
  if (!lang.empty()) {
    WarnIfContradicted(lang, &doc);
    doc.set_lang(lang, 1.0);
  } else if (!lid_) {
    doc.set_lang(kUndeterminedLanguage, 0.0);
  }
  if (const Status segmented = segmenter().Segment(&doc); !segmented.ok()) {
    return Status(segmented.code(), doc.name() + ": cannot segment the text (" +
                                        segmented.message() + ")");
  }
  if (lid_) lid_->IdentifySegments(&doc);
  return std::shared_ptr<const Document>(
      std::make_shared<const Document>(std::move(doc)));
}

const SentenceSegmenter& Pipeline::segmenter() const {
  std::call_once(segmenter_->once, [this] {
    if (segmenter_->segmenter) return;
    // Only the built-in rules are left to load, which cannot fail; ICU's
    // rules are the fallback all the same.
    auto created = SentenceSegmenter::Create(options_.segmenter);
    if (!created.ok()) {
      SentenceSegmenterOptions icu = options_.segmenter;
      icu.icu_only = true;
      created = SentenceSegmenter::Create(icu);
    }
    if (created.ok()) segmenter_->segmenter = std::move(*created);
  });
  return *segmenter_->segmenter;
}

StatusOr<std::shared_ptr<const Document>> Pipeline::Prepare(
    const std::string& path, const std::string& lang) const {
  CROSSALIGN_ASSIGN_OR_RETURN(
      const std::string bytes,
      ReadInputFile(path, options_.read.max_file_bytes));  // "-": stdin
  // Legacy encodings are chosen by how well the decoded text reads as a
  // language, when the model is loaded.
  internal::LanguageScorer scorer;
  if (lid_) {
    const LanguageIdentifier* lid = lid_.get();
    scorer = [lid](std::string_view text) {
      return lid->Identify(text).probability;
    };
  }
  CROSSALIGN_ASSIGN_OR_RETURN(
      Document doc,
      internal::DecodeDocumentScored(path, bytes, options_.read, scorer));
  return PrepareDocument(std::move(doc), lang);
}

// Past this many sentences (both documents), the auto mode decides without
// the comparable alignment (quadratic in the sentences) and the order of
// its passages. Articles have tens of sentences; books, thousands.
constexpr size_t kLongPairSentences = 4000;

StatusOr<AlignedPair> Pipeline::Align(std::shared_ptr<const Document> src,
                                      std::shared_ptr<const Document> tgt,
                                      bool story_known) const {
  // The in-order alignment is made in every mode: its shape is evidence for
  // the pair decision (align/pair_scorer.h), and it is cheap next to the
  // comparable alignment.
  StatusOr<Alignment> in_order = aligner_->Align(*src, *tgt);
  CROSSALIGN_RETURN_IF_ERROR(in_order);
  Alignment translation = std::move(*in_order);
  // A story bar of 0 (--same-story 0) is the caller's word that any two
  // articles report one story, as a grouping by the caller is.
  story_known = story_known || options_.stories.same_story <= 0;
  StoryLink link;
  if (!story_known) link = GroupStories({src, tgt}, options_.stories).links[0];
  internal::PairEvidence evidence =
      internal::MeasurePair(translation, link, internal::LastInOrderEvidence());
  internal::MeasureNumbers(*src, *tgt, &evidence);
  // The comparable alignment, for the comparable mode and for the order of
  // its passages, which the pair model weighs in every mode. Past
  // kLongPairSentences it is not made for the decision: it compares every
  // sentence pair.
  Alignment comparable;
  const bool long_pair =
      src->segments().size() + tgt->segments().size() > kLongPairSentences;
  bool have_comparable = false;
  auto align_comparable = [&]() -> Status {
    StatusOr<Alignment> passages = comparable_->Align(*src, *tgt);
    CROSSALIGN_RETURN_IF_ERROR(passages);
    comparable = std::move(*passages);
    have_comparable = true;
    return Status();
  };
  if (options_.mode == AlignMode::kComparable || !long_pair) {
    CROSSALIGN_RETURN_IF_ERROR(align_comparable());
    internal::MeasureOrder(translation, comparable, &evidence);
  }
  const std::vector<double> related_x =
      internal::PairFeatures(internal::ScoreModel::kPairRelated, evidence);
  const std::vector<double> translation_x =
      internal::PairFeatures(internal::ScoreModel::kPairTranslation, evidence);
  // Articles the caller grouped into one story are related by its word.
  const double p_related =
      story_known ? 1.0
                  : internal::Probability(internal::ScoreModel::kPairRelated,
                                          related_x);
  const double p_translation = internal::Probability(
      internal::ScoreModel::kPairTranslation, translation_x);
  const bool related = p_related >= internal::kConfidentUnit;
  // Relatedness is judged when both articles carry enough names and
  // numbers (--min-shared-keys) to tell their story; short texts without
  // them that align in order like a translation are believed, as before
  // the scorer, with their units' (low) scores.
  const bool judged =
      story_known || link.fewest_keys >= options_.stories.min_shared_keys;
  AlignMode mode = options_.mode;
  if (mode == AlignMode::kAuto && !judged && !related) {
    mode = AlignMode::kTranslation;
  } else if (mode == AlignMode::kAuto) {
    mode = p_translation >= internal::kConfidentUnit ? AlignMode::kTranslation
                                                     : AlignMode::kComparable;
  }
  if (mode == AlignMode::kComparable && !have_comparable) {
    CROSSALIGN_RETURN_IF_ERROR(align_comparable());
  }
  Alignment alignment = mode == AlignMode::kComparable ? std::move(comparable)
                                                       : std::move(translation);
  // A unit's x-score: the chance it is right, so its probability given the
  // pair relation it rests on (translation units: the articles are
  // translations; comparable units: they report one story) times the
  // probability of that relation, whatever mode was asked for.
  const double p_pair =
      mode == AlignMode::kTranslation ? p_related * p_translation : p_related;
  for (Bead& b : alignment.beads) b.score *= p_pair;
  alignment.pair_probability = p_pair;
  std::string reason =
      std::string(AlignModeName(mode)) + ": p(" + AlignModeName(mode) + ") " +
      std::to_string(p_pair).substr(0, 4) + "; related " +
      internal::ExplainProbability(internal::ScoreModel::kPairRelated,
                                   related_x) +
      "; translation if related " +
      internal::ExplainProbability(internal::ScoreModel::kPairTranslation,
                                   translation_x);
  if (!story_known) {
    alignment.story_similarity = link.similarity;
    reason += "; " + link.reason;
  }
  if (!related && options_.mode == AlignMode::kTranslation) {
    alignment.warnings.push_back(
        src->name() + " and " + tgt->name() +
        ": --mode translation aligned them, but they look unrelated (p " +
        std::to_string(p_related).substr(0, 4) +
        " that they report one story); every unit scores below that");
  } else if (!related && (judged || mode == AlignMode::kComparable)) {
    alignment.unrelated = true;
    alignment.beads.clear();
    reason = "unrelated: " + reason;
  }
  alignment.mode_reason = reason;
  AlignedPair pair;
  pair.src = std::move(src);
  pair.tgt = std::move(tgt);
  pair.alignment = std::move(alignment);
  return pair;
}

StatusOr<AlignedPair> Pipeline::AlignFiles(const std::string& src_path,
                                           const std::string& tgt_path,
                                           const std::string& src_lang,
                                           const std::string& tgt_lang) const {
  CROSSALIGN_ASSIGN_OR_RETURN(auto src, Prepare(src_path, src_lang));
  CROSSALIGN_ASSIGN_OR_RETURN(auto tgt, Prepare(tgt_path, tgt_lang));
  return Align(std::move(src), std::move(tgt));
}

}  // namespace crossalign
