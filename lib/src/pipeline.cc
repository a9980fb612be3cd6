#include "crossalign/pipeline.h"

#include <cstdio>
#include <cstdlib>
#include <map>

#include "crossalign/output_file.h"
#include "text/text_decoder.h"

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

// A bead the aligner is fairly sure of.
constexpr double kConfidentBead = 0.5;
// Share of confident beads above which a pair is a translation.
constexpr double kTranslationShare = 0.78;
// With at least this many shared passages, a translation has this share of
// them on its in-order path.
// On the dev stories of corpora/ every translation pair has all its shared
// passages in order; a rewrite that keeps the wire's order has up to 75%
// (rhine-low-water, en -> de), so the bar sits between.
constexpr int kMinSharedForOrder = 3;
constexpr double kInOrderShare = 0.85;
// Past this many sentences (both documents), a pair whose in-order
// alignment is convincing is taken as a translation without the (quadratic)
// check that shared passages are in order.
constexpr size_t kLongPairSentences = 4000;

// Whether an in-order alignment looks like that of a translation. A
// translation's beads are mostly confident and rarely null; forcing two
// independent reports into order gives many weak or null beads. The
// share alone does not separate the pairs of corpora/ (translations: 81% to
// 100% confident beads once boilerplate is left out; cross-outlet pairs: 60%
// to 83%); the order of the shared passages does (translations: all of them
// in order; cross-outlet pairs: at most 3 of 4, mostly under half).
bool LooksLikeTranslation(const Alignment& alignment,
                          const Alignment& comparable, std::string* reason) {
  size_t beads = 0, confident = 0, null_beads = 0;
  for (const Bead& b : alignment.beads) {
    ++beads;
    if (!b.IsPair()) {
      ++null_beads;
    } else if (b.score >= kConfidentBead) {
      ++confident;
    }
  }
  const double share = beads ? static_cast<double>(confident) / beads : 0.0;
  char buffer[160];
  std::snprintf(buffer, sizeof buffer,
                "%.0f%% of in-order beads confident, %.0f%% null", 100 * share,
                beads ? 100.0 * null_beads / beads : 0.0);
  // The passages the two articles share, found in any order, must lie on
  // the in-order path: a rewrite reorders them.
  std::map<int, int> src_bead, tgt_bead;
  for (size_t k = 0; k < alignment.beads.size(); ++k) {
    for (int s : alignment.beads[k].src) src_bead[s] = static_cast<int>(k);
    for (int t : alignment.beads[k].tgt) tgt_bead[t] = static_cast<int>(k);
  }
  int on_path = 0, shared = 0;
  for (const Bead& b : comparable.beads) {
    ++shared;
    const int ks = src_bead.count(b.src[0]) ? src_bead[b.src[0]] : -100;
    const int kt = tgt_bead.count(b.tgt[0]) ? tgt_bead[b.tgt[0]] : 100;
    on_path += std::abs(ks - kt) <= 1;
  }
  const double in_order = shared ? static_cast<double>(on_path) / shared : 1.0;
  char more[96];
  std::snprintf(more, sizeof more, "; %d of %d shared passages in order",
                on_path, shared);
  const bool translation =
      share >= kTranslationShare &&
      (shared < kMinSharedForOrder || in_order >= kInOrderShare);
  *reason = std::string(translation ? "translation: " : "comparable: ") +
            buffer + more;
  return translation;
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
    CROSSALIGN_ASSIGN_OR_RETURN(pipeline->segmenter_,
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
  std::call_once(segmenter_once_, [this] {
    if (segmenter_) return;
    // Only the built-in rules are left to load, which cannot fail; ICU's
    // rules are the fallback all the same.
    auto created = SentenceSegmenter::Create(options_.segmenter);
    if (!created.ok()) {
      SentenceSegmenterOptions icu = options_.segmenter;
      icu.icu_only = true;
      created = SentenceSegmenter::Create(icu);
    }
    if (created.ok()) segmenter_ = std::move(*created);
  });
  return *segmenter_;
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

StatusOr<AlignedPair> Pipeline::Align(std::shared_ptr<const Document> src,
                                      std::shared_ptr<const Document> tgt,
                                      bool story_known) const {
  StatusOr<Alignment> alignment = InternalError("no mode");
  if (options_.mode == AlignMode::kComparable) {
    alignment = comparable_->Align(*src, *tgt);
  } else {
    alignment = aligner_->Align(*src, *tgt);
    if (alignment.ok() && options_.mode == AlignMode::kAuto) {
      // The comparable alignment compares every sentence pair; on long
      // documents that are clearly translations it is not needed.
      const bool long_pair =
          src->segments().size() + tgt->segments().size() > kLongPairSentences;
      std::string reason;
      StatusOr<Alignment> comparable = Alignment();
      if (!long_pair ||
          !LooksLikeTranslation(*alignment, Alignment(), &reason)) {
        comparable = comparable_->Align(*src, *tgt);
        CROSSALIGN_RETURN_IF_ERROR(comparable);
      }
      if (!LooksLikeTranslation(*alignment, *comparable, &reason)) {
        alignment = std::move(comparable);
      }
      alignment->mode_reason = reason;
    }
  }
  CROSSALIGN_RETURN_IF_ERROR(alignment);
  if (options_.mode != AlignMode::kTranslation && !story_known) {
    const StoryGrouping story = GroupStories({src, tgt}, options_.stories);
    const StoryLink& link = story.links.front();
    alignment->story_similarity = link.similarity;
    // A pair that aligns in order like a translation is believed unless
    // both articles carry names and numbers enough to tell their stories
    // apart. (Across scripts without a dictionary, the in-order alignment
    // rests on sentence lengths alone, and two short articles of similar
    // shape can look like translations of each other.)
    const bool evidence = alignment->mode == AlignMode::kComparable ||
                          link.fewest_keys >= options_.stories.min_shared_keys;
    if (!link.same_story && evidence) {
      alignment->unrelated = true;
      alignment->beads.clear();
      alignment->mode_reason =
          "unrelated: " + link.reason +
          (alignment->mode_reason.empty() ? std::string()
                                          : "; " + alignment->mode_reason);
    }
  }
  AlignedPair pair;
  pair.src = std::move(src);
  pair.tgt = std::move(tgt);
  pair.alignment = std::move(*alignment);
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
