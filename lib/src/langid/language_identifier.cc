#include "crossalign/language_identifier.h"

#include <fasttext/fasttext.h>
#include <sys/stat.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

#include "base/file_io.h"
#include "base/unicode_text.h"
#include "base/utf8.h"
#include "langid/close_language_disambiguator.h"
#include "langid/fasttext_model_check.h"
#include "langid/ngram_language_model.h"
#include "langid/script_evidence.h"

namespace crossalign {
namespace {

constexpr const char* kLabelPrefix = "__label__";
// A decisive script (Hangul, kana, Greek, ...) decides when at least this
// share of the letters is written in it; below, the text is mixed and the
// model decides among the script's languages.
constexpr double kDecisiveScriptShare = 0.5;
// With a candidate set, this many of the model's guesses are looked at (lid.176
// has 176 labels; a candidate further down is effectively impossible).
constexpr size_t kCandidatePredictions = 60;
// When the best guess needs re-ranking, the model's next guesses down to
// this probability are listed (fastText's hierarchical softmax then skips
// whole subtrees, which is cheaper). The close-language step gives unlisted
// members a floor probability of 1e-4 anyway. With a candidate set every guess
// is listed.
constexpr fasttext::real kMinModelProbability = 1e-2f;
constexpr size_t kGuessesToRerank = 10;
// ---- Weighing fastText against the n-gram model. Tuned on the dev set
// (bench/make_langid_dev.py: Debian's message catalogues, never the Lingua
// test set) with bench/langid_bench --tsv; see bench/RESULTS.md. ----
// The combined score of a language is
//   kModelWeight * log(max(p_fastText, kModelFloor))
//     + kNgramWeight * (its n-gram points - the best's) / number of n-grams
// and the guesses' probabilities are the softmax of it. Measured on the dev
// set (mean per-language accuracy, sentences / word pairs / single words):
// fastText alone 91.5 / 79.1 / 60.8; weights 1 and 0.1: 92.6 / 83.4 / 66.2;
// 0.5 and 0.1: 92.6 / 84.4 / 67.8 (kept); 0.5 and 0.2: 92.5 / 83.9 / 66.9;
// 0.5 and 0.5: 91.8 / 82.4 / 65.4; floor 1e-4: 92.5 / 84.0 / 66.9.
constexpr double kModelWeight = 0.5;
constexpr double kModelFloor = 1e-3;
constexpr double kNgramWeight = 0.1;
// A language the n-gram tables lack, with no stand-in below, scores this
// far (points per n-gram) behind the tables' best. The dev set cannot tune
// it (all its languages are in the tables or have a stand-in; 10, 30 and 100
// give 83.7, 84.4 and 84.4 on its word pairs): 30 costs such a language
// e^-3, so a confident fastText answer (Welsh at 0.99 against an n-gram
// favourite it gives 0.001) still wins.
constexpr double kNgramUnknownGap = 30.0;
// The n-gram model's best languages brought in besides fastText's.
constexpr size_t kNgramCandidates = 3;
// Languages the n-gram tables lack are scored as the best of the closest
// ones they have (the close-language step then tells them apart).
std::vector<const char*> NgramStandIns(const std::string& lang) {
  if (lang == "bs") return {"hr"};
  if (lang == "id") return {"ms"};
  if (lang == "mk") return {"bg", "sr"};
  if (lang == "kk") return {"ru", "uk"};
  if (lang == "gl") return {"pt"};
  if (lang == "nn" || lang == "nb") return {"no"};
  return {lang.c_str()};
}
// Language-ID models are at most a few hundred MB (lid.176.bin is 126 MB).
constexpr uint64_t kMaxModelBytes = uint64_t{2} << 30;

// fastText labels to BCP-47. lid.176 uses a few codes that BCP-47 does not
// (als is Alemannic, sh the retired Serbo-Croatian code).
std::string LabelToBcp47(std::string label) {
  if (label.rfind(kLabelPrefix, 0) == 0) label.erase(0, 9);
  std::replace(label.begin(), label.end(), '_', '-');
  if (label == "als") return "gsw";
  if (label == "sh") return "hr";
  if (label == "iw") return "he";
  if (label == "in") return "id";
  return label;
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsUrlStart(std::string_view s, size_t i) {
  return s.compare(i, 7, "http://") == 0 || s.compare(i, 8, "https://") == 0 ||
         s.compare(i, 4, "www.") == 0;
}

// Text as the model should see it: one line, URLs, e-mail addresses and
// digits removed, runs of a punctuation mark and of white space collapsed,
// case folded.
std::string NormalizeForPrediction(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (IsUrlStart(text, i)) {
      while (i < text.size() && !internal::WhitespaceLengthAt(text, i)) ++i;
      out.push_back(' ');
      continue;
    }
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      out.push_back(' ');
      ++i;
      continue;
    }
    // A run of one ASCII punctuation mark ("!!!", "...", "----") counts once.
    if (std::ispunct(static_cast<unsigned char>(c)) && !out.empty() &&
        out.back() == c) {
      ++i;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  // Drop tokens that look like e-mail addresses.
  std::string cleaned;
  cleaned.reserve(out.size());
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    std::string_view token(out.data() + start, end - start);
    if (token.find('@') == std::string_view::npos) {
      cleaned.append(token);
      cleaned.push_back(' ');
    }
    start = end + 1;
  }
  std::string collapsed = internal::CollapseWhitespace(cleaned);
  return internal::FoldCaseFull(collapsed);
}

bool HasLetter(std::string_view text) {
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) {
      return true;
    }
  }
  return false;
}

}  // namespace

struct LanguageIdentifier::Impl {
  explicit Impl(const LanguageIdentifierOptions& o)
      : options(o),
        disambiguator(o.use_dictionaries ? FindHunspellDir(o.dictionary_dir)
                                         : std::string()) {}
  // The best languages of `text`, at most k, best first: the model's
  // guesses filtered by the script, restricted to `candidates` when not
  // empty, and re-ranked inside close-language groups.
  std::vector<LanguageGuess> Rank(std::string_view text,
                                  const std::vector<std::string>& candidates,
                                  size_t k, bool use_dictionaries = true) const;
  // The model's guesses for `line` (see Rank); false when fastText fails.
  bool Predict(const std::string& line,
               const std::vector<std::string>& candidates, size_t k,
               internal::Script script,
               fasttext::Predictions* predictions) const;
  // Whether the model's first guess needs the others to be weighed: none,
  // unsure English, a close-language group, or a language not written in
  // the text's script.
  bool NeedsMoreGuesses(const fasttext::Predictions& predictions,
                        internal::Script script) const;
  // The predictions as guesses, labels that map to one code merged.
  std::vector<LanguageGuess> MergeLabels(
      const fasttext::Predictions& predictions, internal::Script script) const;
  // Identify() with or without the dictionaries.
  LanguageGuess Guess(std::string_view text, bool use_dictionaries) const;

  // Folds the n-gram model's opinion of `line` into `guesses` (sorted
  // again).
  void WeighNgrams(std::string_view line, internal::Script script,
                   const std::vector<std::string>& candidates,
                   std::vector<LanguageGuess>* guesses) const;

  fasttext::FastText model;
  std::unique_ptr<internal::NgramLanguageModel> ngrams;
  // For each language of the fastText model, the n-gram languages that
  // stand for it (itself when the tables have it).
  std::map<std::string, std::vector<int>> ngram_index;
  std::vector<std::string> warnings;
  // The languages the model can answer (its labels as BCP-47): the
  // close-language step never brings in a language the model lacks.
  std::vector<std::string> model_languages;
  // BCP-47 code of each label id, and the id of __label__sh (answered as sr
  // in Cyrillic), or npos.
  std::vector<std::string> label_langs;
  size_t sh_label = std::string::npos;
  const std::string kSerbian = "sr";
  LanguageIdentifierOptions options;
  internal::CloseLanguageDisambiguator disambiguator;
};

LanguageIdentifier::LanguageIdentifier(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
LanguageIdentifier::~LanguageIdentifier() = default;

StatusOr<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::Load(
    const std::string& model_path, const LanguageIdentifierOptions& options) {
  StatusOr<std::string> bytes =
      internal::ReadWholeFile(model_path, kMaxModelBytes);
  if (!bytes.ok()) {
    return Status(bytes.status().code(),
                  "cannot load language-ID model: " + bytes.status().message() +
                      "; run scripts/setup.sh or pass --lid-model PATH");
  }
  CROSSALIGN_RETURN_IF_ERROR(internal::CheckFastTextModel(*bytes, model_path));
  auto impl = std::make_unique<Impl>(options);
  bytes->clear();
  bytes->shrink_to_fit();
  try {
    // The file passed the structural check above, so fastText reads only
    // what is there.
    impl->model.loadModel(model_path);
  } catch (const std::exception& e) {
    return DataLossError("language-ID model " + model_path +
                         " cannot be loaded: " + e.what() +
                         "; run scripts/setup.sh or pass --lid-model PATH");
  }
  const auto dictionary = impl->model.getDictionary();
  for (int32_t i = 0; i < dictionary->nlabels(); ++i) {
    // (sh, answered as hr in Latin and sr in Cyrillic, counts as hr here:
    // a Cyrillic sh guess still comes back as sr, but the close-language
    // step does not bring in Latin-script sr for a model without it.)
    const std::string label = dictionary->getLabel(i);
    const std::string lang = LabelToBcp47(label);
    impl->label_langs.push_back(lang);
    if (label == std::string(kLabelPrefix) + "sh") {
      impl->sh_label = static_cast<size_t>(i);
    }
    if (std::find(impl->model_languages.begin(), impl->model_languages.end(),
                  lang) == impl->model_languages.end()) {
      impl->model_languages.push_back(lang);
    }
  }
  if (options.use_ngram_model) {
    StatusOr<std::string> dir =
        internal::FindNgramModel(options.ngram_model_dir);
    if (!dir.ok()) {
      if (!options.ngram_model_dir.empty()) return dir.status();
      impl->warnings.push_back(
          dir.status().message() +
          "; language identification works from fastText alone, weaker on "
          "short text and close languages");
    } else {
      CROSSALIGN_ASSIGN_OR_RETURN(impl->ngrams,
                                  internal::NgramLanguageModel::Load(*dir));
      for (const std::string& lang : impl->model_languages) {
        std::vector<int> indices;
        for (const char* stand_in : NgramStandIns(lang)) {
          const int index = impl->ngrams->IndexOf(stand_in);
          if (index >= 0) indices.push_back(index);
        }
        if (!indices.empty()) impl->ngram_index[lang] = indices;
      }
    }
  }
  for (const std::string& missing : impl->disambiguator.MissingDictionaries()) {
    impl->warnings.push_back(
        "Hunspell dictionary " + missing +
        " is missing; close languages are told apart with less evidence "
        "(scripts/setup.sh installs it)");
  }
  return std::unique_ptr<LanguageIdentifier>(
      new LanguageIdentifier(std::move(impl)));
}

const std::vector<std::string>& LanguageIdentifier::Warnings() const {
  return impl_->warnings;
}

void LanguageIdentifier::Impl::WeighNgrams(
    std::string_view line, internal::Script script,
    const std::vector<std::string>& candidates,
    std::vector<LanguageGuess>* guesses) const {
  std::vector<double> points;
  const size_t count = ngrams->Score(line, &points);
  if (count == 0) return;
  double best = 0.0;
  for (const double p : points) best = std::max(best, p);
  if (best <= 0.0) return;
  const auto allowed = [&](const std::string& lang) {
    return (candidates.empty() ||
            std::find(candidates.begin(), candidates.end(), lang) !=
                candidates.end()) &&
           (script == internal::Script::kOther ||
            internal::LanguageUsesScript(lang, script));
  };
  // The n-gram model's best languages join fastText's guesses.
  std::vector<std::pair<double, int>> order;
  for (size_t i = 0; i < points.size(); ++i) {
    order.push_back({points[i], static_cast<int>(i)});
  }
  const size_t top = std::min(kNgramCandidates, order.size());
  std::partial_sort(order.begin(), order.begin() + top, order.end(),
                    std::greater<>());
  for (size_t i = 0; i < top; ++i) {
    if (order[i].first <= 0.0) break;
    const std::string& lang = ngrams->languages()[order[i].second];
    if (ngram_index.count(lang) == 0 || !allowed(lang)) continue;
    if (std::none_of(guesses->begin(), guesses->end(),
                     [&](const LanguageGuess& g) { return g.lang == lang; })) {
      guesses->push_back(LanguageGuess{lang, 0.0});
    }
  }
  double top_score = -1e300;
  std::vector<double> scores;
  for (const LanguageGuess& g : *guesses) {
    const auto it = ngram_index.find(g.lang);
    double gap = kNgramUnknownGap;
    if (it != ngram_index.end()) {
      double own = 0.0;
      for (const int index : it->second) {
        own = std::max(own, points[static_cast<size_t>(index)]);
      }
      gap = (best - own) / static_cast<double>(count);
    }
    const double score =
        kModelWeight * std::log(std::max(g.probability, kModelFloor)) -
        kNgramWeight * gap;
    scores.push_back(score);
    top_score = std::max(top_score, score);
  }
  double mass = 0.0;
  for (double& score : scores) {
    score = std::exp(score - top_score);
    mass += score;
  }
  for (size_t i = 0; i < guesses->size(); ++i) {
    (*guesses)[i].probability = scores[i] / mass;
  }
  std::stable_sort(guesses->begin(), guesses->end(),
                   [](const LanguageGuess& a, const LanguageGuess& b) {
                     return a.probability > b.probability;
                   });
}

namespace {

// Whether `lang` is one of `candidates` (any language when empty).
bool Allowed(const std::vector<std::string>& candidates,
             const std::string& lang) {
  return candidates.empty() || std::find(candidates.begin(), candidates.end(),
                                         lang) != candidates.end();
}

void SortByProbability(std::vector<LanguageGuess>* guesses) {
  std::stable_sort(guesses->begin(), guesses->end(),
                   [](const LanguageGuess& a, const LanguageGuess& b) {
                     return a.probability > b.probability;
                   });
}

// Scales the guesses' probabilities to sum to 1: "the best of these", with
// a confidence relative to them.
void Renormalise(std::vector<LanguageGuess>* guesses) {
  double mass = 0.0;
  for (const LanguageGuess& g : *guesses) mass += g.probability;
  if (mass > 0) {
    for (LanguageGuess& g : *guesses) g.probability /= mass;
  }
}

}  // namespace

bool LanguageIdentifier::Impl::Predict(
    const std::string& line, const std::vector<std::string>& candidates,
    size_t k, internal::Script script,
    fasttext::Predictions* predictions) const {
  // The line is split into word and subword ids once (the costly part);
  // the model is then asked for one guess, and for more only when the
  // script rules that one out or it belongs to a close-language group.
  std::vector<int32_t> words, labels;
  try {
    std::istringstream in(line);
    model.getDictionary()->getLine(in, words, labels);
    if (!candidates.empty()) {
      model.predict(kCandidatePredictions, words, *predictions, 0.0f);
    } else if (ngrams != nullptr) {
      // The n-gram model weighs in on every text: the guesses to re-rank at
      // once.
      if (k < kGuessesToRerank) {
        model.predict(kGuessesToRerank, words, *predictions,
                      kMinModelProbability);
      } else {
        model.predict(static_cast<int32_t>(k), words, *predictions, 0.0f);
      }
    } else {
      model.predict(static_cast<int32_t>(k), words, *predictions, 0.0f);
      if (k < kGuessesToRerank && NeedsMoreGuesses(*predictions, script)) {
        predictions->clear();
        model.predict(kGuessesToRerank, words, *predictions,
                      kMinModelProbability);
      }
    }
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

bool LanguageIdentifier::Impl::NeedsMoreGuesses(
    const fasttext::Predictions& predictions, internal::Script script) const {
  const std::string& top =
      predictions.empty()
          ? std::string()
          : label_langs[static_cast<size_t>(predictions[0].second)];
  const bool unsure_english =
      top == "en" && !predictions.empty() &&
      std::exp(predictions[0].first) <
          internal::CloseLanguageDisambiguator::kSureEnglish;
  return top.empty() || unsure_english ||
         internal::CloseLanguageDisambiguator::InGroup(top, script) ||
         (script != internal::Script::kOther &&
          !internal::LanguageUsesScript(top, script));
}

std::vector<LanguageGuess> LanguageIdentifier::Impl::MergeLabels(
    const fasttext::Predictions& predictions, internal::Script script) const {
  std::vector<LanguageGuess> all;
  for (const auto& [log_prob, id] : predictions) {
    // fastText's softmax can overshoot 1 by a rounding error.
    const double p =
        std::clamp(std::exp(static_cast<double>(log_prob)), 0.0, 1.0);
    const size_t index = static_cast<size_t>(id);
    if (index >= label_langs.size()) continue;
    const std::string& lang =
        script == internal::Script::kCyrillic && index == sh_label
            ? kSerbian
            : label_langs[index];
    auto same =
        std::find_if(all.begin(), all.end(),
                     [&](const LanguageGuess& g) { return g.lang == lang; });
    if (same != all.end()) {
      same->probability += p;
    } else {
      all.push_back(LanguageGuess{lang, p});
    }
  }
  return all;
}

std::vector<LanguageGuess> LanguageIdentifier::Impl::Rank(
    std::string_view text, const std::vector<std::string>& candidates, size_t k,
    bool use_dictionaries) const {
  std::vector<LanguageGuess> guesses;
  const internal::ScriptProfile profile = internal::ProfileScripts(text);
  if (profile.letters == 0) return guesses;
  const internal::Script script = profile.dominant;
  // A script that only one language uses decides by itself (Hangul, kana,
  // Greek, ...); Han without kana or Hangul is Chinese.
  if (profile.share >= kDecisiveScriptShare) {
    std::string decided = internal::LanguageDecidedByScript(script);
    if (script == internal::Script::kHan) decided = "zh";
    if (!decided.empty() && Allowed(candidates, decided)) {
      guesses.push_back(LanguageGuess{decided, profile.share});
      return guesses;
    }
  }
  std::string line = NormalizeForPrediction(text);
  if (line.empty()) return guesses;
  line.push_back('\n');
  fasttext::Predictions predictions;
  if (!Predict(line, candidates, k, script, &predictions)) return guesses;
  // Merge labels that map to one code; keep the script's languages.
  const std::vector<LanguageGuess> all = MergeLabels(predictions, script);
  for (const LanguageGuess& g : all) {
    if (Allowed(candidates, g.lang) &&
        (script == internal::Script::kOther ||
         internal::LanguageUsesScript(g.lang, script))) {
      guesses.push_back(g);
    }
  }
  if (guesses.empty()) {
    // The model knows no language of this script (or none of the
    // candidates is written in it): its own answer among the allowed ones.
    for (const LanguageGuess& g : all) {
      if (Allowed(candidates, g.lang)) guesses.push_back(g);
    }
  }
  if (guesses.empty() && ngrams == nullptr) return guesses;
  if (!candidates.empty() || guesses.size() != all.size()) {
    Renormalise(&guesses);
  }
  SortByProbability(&guesses);
  if (ngrams != nullptr) {
    WeighNgrams(line, script, candidates, &guesses);
    if (guesses.empty()) return guesses;
  }
  disambiguator.CheckEnglish(line, script, use_dictionaries, &guesses);
  disambiguator.Rerank(line, script,
                       candidates.empty() ? model_languages : candidates,
                       use_dictionaries, &guesses);
  for (LanguageGuess& g : guesses) {
    g.probability = std::clamp(g.probability, 0.0, 1.0);
  }
  if (guesses.size() > k) guesses.resize(k);
  return guesses;
}

std::vector<LanguageGuess> LanguageIdentifier::Predict(std::string_view text,
                                                       int k) const {
  if (k <= 0) return {};
  return impl_->Rank(text, {}, static_cast<size_t>(k));
}

LanguageGuess LanguageIdentifier::Impl::Guess(std::string_view text,
                                              bool use_dictionaries) const {
  const LanguageGuess undetermined{kUndeterminedLanguage, 0.0};
  if (!HasLetter(text)) return undetermined;
  std::vector<LanguageGuess> guesses =
      Rank(text, options.candidates, 1, use_dictionaries);
  if (guesses.empty() || guesses.front().probability < options.min_confidence) {
    return undetermined;
  }
  return guesses.front();
}

LanguageGuess LanguageIdentifier::Identify(std::string_view text) const {
  return impl_->Guess(text, /*use_dictionaries=*/true);
}

namespace {

// Lines of the document body, with their text.
std::vector<std::string_view> BodyLines(const Document& doc) {
  std::vector<std::string_view> lines;
  const std::string_view text = doc.text();
  const Span body = doc.body();
  size_t pos = body.begin;
  while (pos < body.end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > body.end) eol = body.end;
    lines.push_back(text.substr(pos, eol - pos));
    pos = eol + 1;
  }
  return lines;
}

// A segment shorter than this (in code points) carries too little evidence
// to overrule the document's language by itself: a caption, a name, a
// dateline. 40 is about six words.
constexpr size_t kShortSegment = 40;
// A quick guess (no dictionaries) this confident is taken as it is.
constexpr double kSureQuickGuess = 0.9;
// A longer segment in another language needs at least this confidence.
constexpr double kForeignSegmentConfidence = 0.5;
// The document's language is decided again with the dictionaries when the
// runner-up is a close language with at least this share of the winner's
// weight.
constexpr double kCloseRunnerUp = 0.25;

}  // namespace

void LanguageIdentifier::IdentifyDocument(Document* doc) const {
  // Weigh each line's verdict by its length and confidence. The quick look
  // (no dictionaries) is enough unless two close languages compete.
  const std::vector<std::string_view> lines = BodyLines(*doc);
  const auto vote = [&](bool use_dictionaries) {
    std::map<std::string, double> weight;
    for (const std::string_view line : lines) {
      const LanguageGuess g = impl_->Guess(line, use_dictionaries);
      if (g.lang == kUndeterminedLanguage) continue;
      weight[g.lang] +=
          static_cast<double>(internal::CountCodePoints(line)) * g.probability;
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [lang, w] : weight) ranked.push_back({w, lang});
    std::sort(ranked.rbegin(), ranked.rend());
    return ranked;
  };
  auto ranked = vote(false);
  if (ranked.size() >= 2 &&
      ranked[1].first >= kCloseRunnerUp * ranked[0].first &&
      internal::CloseLanguageDisambiguator::Close(ranked[0].second,
                                                  ranked[1].second)) {
    ranked = vote(true);
  }
  double total = 0.0;
  for (const auto& r : ranked) total += r.first;
  if (ranked.empty()) {
    doc->set_lang(kUndeterminedLanguage, 0.0);
  } else {
    doc->set_lang(ranked[0].second, total > 0 ? ranked[0].first / total : 0.0);
  }
  if (!doc->segments().empty()) IdentifySegments(doc);
}

void LanguageIdentifier::IdentifySegments(Document* doc) const {
  const std::string best = doc->lang();
  std::vector<Segment>& segments = *doc->mutable_segments();
  // First pass: each segment on its own. `evidence` marks the segments whose
  // language stands on their own text (long enough, or a script the
  // document's language does not use).
  std::vector<bool> evidence(segments.size(), false);
  for (size_t i = 0; i < segments.size(); ++i) {
    Segment& seg = segments[i];
    const std::string_view seg_text = doc->TextOf(seg.span);
    const bool is_short = internal::CountCodePoints(seg_text) < kShortSegment;
    LanguageGuess g = impl_->Guess(seg_text, /*use_dictionaries=*/false);
    seg.lang = best;
    seg.lang_confidence = g.lang == best ? g.probability : 0.0;
    if (g.lang == kUndeterminedLanguage) continue;
    if (g.lang == best) {
      evidence[i] = !is_short;
      continue;
    }
    const internal::ScriptProfile profile = internal::ProfileScripts(seg_text);
    const bool script_rules_out_best =
        best != kUndeterminedLanguage &&
        profile.dominant != internal::Script::kOther && profile.share >= 0.9 &&
        !internal::LanguageUsesScript(best, profile.dominant);
    if (is_short && !script_rules_out_best) continue;  // borrows the prior
    // Another language: unless the quick look is already sure, look again
    // with every piece of evidence (which may load a dictionary).
    if (g.probability < kSureQuickGuess) {
      g = impl_->Guess(seg_text, /*use_dictionaries=*/true);
    }
    if (g.lang == kUndeterminedLanguage) continue;
    if (g.lang == best) {
      seg.lang_confidence = g.probability;
      evidence[i] = !is_short;
    } else if (g.probability >= kForeignSegmentConfidence) {
      seg.lang = g.lang;
      seg.lang_confidence = g.probability;
      evidence[i] = true;
    } else if (script_rules_out_best) {
      // Not the document's language, and no other is clear ("ua en ru").
      seg.lang = kUndeterminedLanguage;
    }
  }
  // Second pass: a segment without evidence of its own between two segments
  // of the same other language (a short sentence inside a quoted paragraph)
  // belongs to their run. The nearest segments with evidence on each side
  // are found in two linear sweeps (not by a scan per segment, which made
  // documents of many short lines quadratic).
  const size_t n = segments.size();
  constexpr size_t kNone = std::string::npos;
  std::vector<size_t> next_evidence(n, kNone);
  for (size_t i = n, next = kNone; i-- > 0;) {
    next_evidence[i] = next;
    if (evidence[i]) next = i;
  }
  for (size_t i = 0, prev = kNone; i < n; ++i) {
    if (evidence[i]) {
      prev = i;
      continue;
    }
    const size_t next = next_evidence[i];
    if (prev == kNone || next == kNone) continue;
    const std::string& before = segments[prev].lang;
    if (before != best && before == segments[next].lang) {
      segments[i].lang = before;
      segments[i].lang_confidence = std::min(segments[prev].lang_confidence,
                                             segments[next].lang_confidence);
    }
  }
}

std::vector<LanguageRun> FindLanguageRuns(const Document& doc) {
  std::vector<LanguageRun> runs;
  const std::vector<Segment>& segments = doc.segments();
  for (size_t i = 0; i < segments.size();) {
    const std::string& lang = segments[i].lang;
    if (lang.empty() || lang == doc.lang() || lang == kUndeterminedLanguage) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < segments.size() && segments[end].lang == lang) ++end;
    runs.push_back(LanguageRun{i, end, lang});
    i = end;
  }
  return runs;
}

std::string FindHunspellDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("CROSSALIGN_HUNSPELL_DIR");
      env != nullptr && *env != '\0') {
    return env;
  }
  return "/usr/share/hunspell";
}

StatusOr<std::string> FindLidModel(const std::string& explicit_path) {
  // A path given explicitly is checked for what it is: a directory is not
  // "missing".
  const auto given = [](const std::string& path,
                        const char* from) -> StatusOr<std::string> {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return NotFoundError("language-ID model " + path + " (from " + from +
                           ") does not exist");
    }
    if (S_ISDIR(st.st_mode)) {
      return InvalidArgumentError(
          "language-ID model " + path + " (from " + from +
          ") is a directory; name the model file (such as lid.176.ftz)");
    }
    return path;
  };
  if (!explicit_path.empty()) return given(explicit_path, "--lid-model");
  if (const char* env = std::getenv("CROSSALIGN_LID_MODEL");
      env != nullptr && *env != '\0') {
    return given(env, "CROSSALIGN_LID_MODEL");
  }
  const std::string installed =
      std::string(CROSSALIGN_DATA_DIR) + "/" + kDefaultLidModelName;
  if (FileExists(installed)) return installed;
  const std::string source =
      std::string(CROSSALIGN_SOURCE_MODEL_DIR) + "/" + kDefaultLidModelName;
  if (FileExists(source)) return source;
  return NotFoundError(
      std::string("language-ID model ") + kDefaultLidModelName +
      " not found (looked in --lid-model, $CROSSALIGN_LID_MODEL, " + installed +
      ", " + source +
      "); run scripts/setup.sh to fetch it, or pass --lid-model PATH");
}

Status CheckLanguageTag(const std::string& tag) {
  if (tag.empty()) return InvalidArgumentError("empty");
  if (tag.size() > 35) return InvalidArgumentError("too long");
  for (const char c : tag) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return InvalidArgumentError("only letters, digits and '-'");
  }
  // ICU parses the tag; all of it must be used, and the language subtag must
  // be an ISO 639 code (2 or 3 letters): "english" is well-formed BCP-47 but
  // names no language.
  std::string normalized = tag;
  std::replace(normalized.begin(), normalized.end(), '_', '-');
  char locale[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(normalized.c_str(), locale, sizeof locale, &parsed,
                      &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
      parsed != static_cast<int32_t>(normalized.size())) {
    return InvalidArgumentError("not well-formed");
  }
  char language[ULOC_LANG_CAPACITY];
  status = U_ZERO_ERROR;
  const int32_t n =
      uloc_getLanguage(locale, language, sizeof language, &status);
  if (U_FAILURE(status) || n < 2 || n > 3) {
    return InvalidArgumentError(
        "the language must be a 2- or 3-letter ISO 639 code");
  }
  return Status::Ok();
}

}  // namespace crossalign
