// LanguageIdentifier: which language is a text, a line, a document written in.
//
// It wraps a fastText supervised model whose labels look like `__label__xx`
// (by default lid.176.ftz) and returns BCP-47 codes. The model is loaded once;
// a LanguageIdentifier is immutable afterwards and safe to share between
// threads.
//
//   auto path = crossalign::FindLidModel("");            // see search order
//   auto lid = crossalign::LanguageIdentifier::Load(*path);
//   crossalign::LanguageGuess g = (*lid)->Identify("Добрий день, Києве!");
//   // g.lang == "uk"
#ifndef CROSSALIGN_LANGUAGE_IDENTIFIER_H_
#define CROSSALIGN_LANGUAGE_IDENTIFIER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/document.h"
#include "crossalign/status.h"

namespace crossalign {

// The code returned when the language cannot be determined.
inline constexpr const char* kUndeterminedLanguage = "und";

struct LanguageGuess {
  std::string lang;  // BCP-47, e.g. "uk", "zh", or "und"
  double probability = 0.0;
};

struct LanguageIdentifierOptions {
  // Below this probability Identify() answers "und".
  double min_confidence = 0.25;
  // When not empty, only these languages are answered (the best of them
  // among the model's top predictions).
  std::vector<std::string> candidates;
};

class LanguageIdentifier {
 public:
  // Loads and checks a fastText model. A missing, truncated or corrupt file
  // gives an error naming the file and saying how to get a good one; it never
  // crashes.
  static StatusOr<std::unique_ptr<LanguageIdentifier>> Load(
      const std::string& model_path,
      const LanguageIdentifierOptions& options = {});
  ~LanguageIdentifier();
  LanguageIdentifier(const LanguageIdentifier&) = delete;
  LanguageIdentifier& operator=(const LanguageIdentifier&) = delete;

  // The k most likely languages of `text`, best first.
  std::vector<LanguageGuess> Predict(std::string_view text, int k = 5) const;

  // The most likely language of `text`, or "und" when the text has no letters
  // or the best probability is below options.min_confidence.
  LanguageGuess Identify(std::string_view text) const;

  // Sets the document's language from its lines, weighted by length and
  // confidence (not from the first line alone). When the document already
  // has segments, also calls IdentifySegments().
  void IdentifyDocument(Document* doc) const;

  // Sets each segment's language. Short segments carry little evidence and
  // keep the document's language unless the model is sure of another.
  void IdentifySegments(Document* doc) const;

 private:
  struct Impl;
  explicit LanguageIdentifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The file name of the default model.
inline constexpr const char* kDefaultLidModelName = "lid.176.ftz";

// Finds the language-ID model, in this order: `explicit_path` when not empty,
// the environment variable CROSSALIGN_LID_MODEL, the installed data directory,
// then the source tree's models/ folder. The error says how to get the model.
StatusOr<std::string> FindLidModel(const std::string& explicit_path);

}  // namespace crossalign

#endif  // CROSSALIGN_LANGUAGE_IDENTIFIER_H_
