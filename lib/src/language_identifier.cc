#include "crossalign/language_identifier.h"

#include <fasttext/fasttext.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/locale.hpp>
#include <cstdlib>
#include <map>
#include <sstream>

#include "atomic_file.h"
#include "fasttext_model_check.h"
#include "utf8.h"

namespace crossalign {
namespace {

constexpr const char* kLabelPrefix = "__label__";
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
// digits removed, white space collapsed, case folded.
std::string NormalizeForPrediction(std::string_view text,
                                   const std::locale& locale) {
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
  try {
    return boost::locale::fold_case(collapsed, locale);
  } catch (const std::exception&) {
    return collapsed;
  }
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
  fasttext::FastText model;
  LanguageIdentifierOptions options;
  std::locale locale;
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
  Status check = internal::CheckFastTextModel(*bytes, model_path);
  if (!check.ok()) return check;
  auto impl = std::make_unique<Impl>();
  impl->options = options;
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
  try {
    boost::locale::generator generator;
    impl->locale = generator("en_US.UTF-8");
  } catch (const std::exception& e) {
    return InternalError(std::string("cannot create a UTF-8 locale: ") +
                         e.what());
  }
  return std::unique_ptr<LanguageIdentifier>(
      new LanguageIdentifier(std::move(impl)));
}

std::vector<LanguageGuess> LanguageIdentifier::Predict(std::string_view text,
                                                       int k) const {
  std::vector<LanguageGuess> guesses;
  if (k <= 0) return guesses;
  std::string line = NormalizeForPrediction(text, impl_->locale);
  if (line.empty()) return guesses;
  line.push_back('\n');
  std::istringstream in(line);
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  try {
    impl_->model.predictLine(in, predictions, k, 0.0f);
  } catch (const std::exception&) {
    return guesses;
  }
  for (const auto& [prob, label] : predictions) {
    // fastText's softmax can overshoot 1 by a rounding error.
    guesses.push_back(LanguageGuess{
        LabelToBcp47(label), std::clamp(static_cast<double>(prob), 0.0, 1.0)});
  }
  return guesses;
}

LanguageGuess LanguageIdentifier::Identify(std::string_view text) const {
  const LanguageGuess undetermined{kUndeterminedLanguage, 0.0};
  if (!HasLetter(text)) return undetermined;
  const auto& candidates = impl_->options.candidates;
  std::vector<LanguageGuess> guesses =
      Predict(text, candidates.empty() ? 1 : 20);
  if (!candidates.empty()) {
    // Keep the candidates and renormalise their probabilities, so the answer
    // is "the best of these", with a confidence relative to them.
    std::vector<LanguageGuess> kept;
    double mass = 0.0;
    for (const LanguageGuess& g : guesses) {
      if (std::find(candidates.begin(), candidates.end(), g.lang) !=
          candidates.end()) {
        kept.push_back(g);
        mass += g.probability;
      }
    }
    for (LanguageGuess& g : kept) g.probability /= mass;
    guesses = std::move(kept);
  }
  if (guesses.empty() ||
      guesses.front().probability < impl_->options.min_confidence) {
    return undetermined;
  }
  return guesses.front();
}

void LanguageIdentifier::IdentifyDocument(Document* doc) const {
  // Weigh each line's verdict by its length and confidence.
  std::map<std::string, double> weight;
  double total = 0.0;
  const std::string_view text = doc->text();
  const Span body = doc->body();
  size_t pos = body.begin;
  while (pos < body.end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > body.end) eol = body.end;
    const std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    const LanguageGuess g = Identify(line);
    if (g.lang == kUndeterminedLanguage) continue;
    const double w =
        static_cast<double>(internal::CountCodePoints(line)) * g.probability;
    weight[g.lang] += w;
    total += w;
  }
  std::string best = kUndeterminedLanguage;
  double best_weight = 0.0;
  for (const auto& [lang, w] : weight) {
    if (w > best_weight) {
      best = lang;
      best_weight = w;
    }
  }
  doc->set_lang(best, total > 0 ? best_weight / total : 0.0);
  if (!doc->segments().empty()) IdentifySegments(doc);
}

void LanguageIdentifier::IdentifySegments(Document* doc) const {
  const std::string& best = doc->lang();
  for (size_t i = 0; i < doc->segments().size(); ++i) {
    Segment& seg = (*doc->mutable_segments())[i];
    const std::string_view seg_text = doc->TextOf(seg.span);
    const LanguageGuess g = Identify(seg_text);
    const bool is_short = internal::CountCodePoints(seg_text) < 40;
    if (g.lang == kUndeterminedLanguage ||
        (g.lang != best && (is_short || g.probability < 0.5))) {
      seg.lang = best;
      seg.lang_confidence = g.lang == best ? g.probability : 0.0;
    } else {
      seg.lang = g.lang;
      seg.lang_confidence = g.probability;
    }
  }
}

StatusOr<std::string> FindLidModel(const std::string& explicit_path) {
  if (!explicit_path.empty()) {
    if (FileExists(explicit_path)) return explicit_path;
    return NotFoundError("language-ID model " + explicit_path +
                         " (from --lid-model) does not exist");
  }
  if (const char* env = std::getenv("CROSSALIGN_LID_MODEL");
      env != nullptr && *env != '\0') {
    if (FileExists(env)) return std::string(env);
    return NotFoundError(std::string("language-ID model ") + env +
                         " (from CROSSALIGN_LID_MODEL) does not exist");
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

}  // namespace crossalign
