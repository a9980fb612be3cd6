// LanguageIdentifier: which language is a text, a line, a document written in.
//
// It wraps a fastText supervised model whose labels look like `__label__xx`
// (by default lid.176.ftz) and returns BCP-47 codes. The model is loaded once;
// a LanguageIdentifier is immutable afterwards and safe to share between
// threads.
//
// How a language is decided:
//  1. The text is normalised: URLs, e-mail addresses and digits dropped,
//     runs of punctuation and white space collapsed, case folded (so
//     ALL-CAPS headlines read like ordinary text).
//  2. The script of its letters (ICU): Hangul is Korean, kana Japanese, Han
//     alone Chinese, Greek, Armenian, Georgian, Thai ... decide by
//     themselves; otherwise only languages written in the text's script are
//     kept (Cyrillic text is never answered with a Latin-script language).
//  3. A character n-gram model (ELD's published tables) gives a second
//     opinion, weighed against fastText's with weights measured on a dev
//     set (Debian's message catalogues, bench/make_langid_dev.py); it is
//     what makes word pairs and close languages (ro, cs/sk, es/pt,
//     da/no/sv, ms) reliable.
//  4. Close languages (hr/bs/sr/sl, cs/sk/pl, id/ms, ru/uk/be/bg/mk/sr/kk)
//     are re-ranked by their alphabets, Hunspell dictionaries and marker
//     words. The retired code sh is never answered (hr in Latin script, sr
//     in Cyrillic).
//  5. English, the model's favourite wrong answer for short Latin-script
//     text, is demoted when the model is unsure and the English dictionary
//     rejects most of the words.
//
//   auto path = crossalign::FindLidModel("");            // see search order
//   auto lid = crossalign::LanguageIdentifier::Load(*path);
//   crossalign::LanguageGuess g = (*lid)->Identify("Добрий день, Києве!");
//   // g.lang == "uk"
#ifndef CROSSALIGN_LANGUAGE_IDENTIFIER_H_
#define CROSSALIGN_LANGUAGE_IDENTIFIER_H_

#include <cstddef>
#include <map>
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
  // The folder of the Hunspell dictionaries (Debian's hunspell-hr, -bs, -sr,
  // -uk, -ru, -be, -bg, -cs, -sk, -id, -en-us) used to tell close languages
  // apart; missing ones are skipped and named in Warnings(). "" finds it at
  // run time (see FindHunspellDir). See "How a language is decided" above.
  std::string dictionary_dir;
  // false: no Hunspell dictionaries at all (step 4 then rests on alphabets
  // and marker words).
  bool use_dictionaries = true;
  // The character n-gram model (ELD's tables, fetched by scripts/setup.sh
  // into models/eld/), the second opinion for short text and close
  // languages. "" finds it like the fastText model (see FindLidModel):
  // $CROSSALIGN_NGRAM_MODEL, the installed data directory, the source
  // tree's models/eld. When it cannot be found the identifier works from
  // fastText alone and says so in Warnings(); a given directory that is
  // missing or malformed is an error.
  std::string ngram_model_dir;
  bool use_ngram_model = true;
};

class LanguageIdentifier {
 public:
  // Loads and checks a fastText model. A missing, truncated or corrupt file
  // (including matrices that do not match the header's dim and bucket), or
  // a model whose labels are not language codes (__label__positive), gives
  // an error naming the file and saying how to get a good one; it never
  // crashes.
  static StatusOr<std::unique_ptr<LanguageIdentifier>> Load(
      const std::string& model_path,
      const LanguageIdentifierOptions& options = {});
  ~LanguageIdentifier();
  LanguageIdentifier(const LanguageIdentifier&) = delete;
  LanguageIdentifier& operator=(const LanguageIdentifier&) = delete;

  // What the identifier works without, one sentence each: the n-gram model
  // or a Hunspell dictionary that could not be found (the close-language
  // step then answers from less evidence, so results differ from a machine
  // that has them). Empty when everything is there.
  const std::vector<std::string>& Warnings() const;

  // The k most likely languages of `text`, best first.
  std::vector<LanguageGuess> Predict(std::string_view text, int k = 5) const;

  // The most likely language of `text`, or "und" when the text has no letters
  // or the best probability is below options.min_confidence.
  LanguageGuess Identify(std::string_view text) const;

  // Sets the document's language from its lines, weighted by length and
  // confidence (not from the first line alone). When the document already
  // has segments, also calls IdentifySegments().
  void IdentifyDocument(Document* doc) const;

  // Sets each segment's language, with the document's language as the
  // prior:
  //  - a short segment (under 40 characters: a caption, a name, a
  //    dateline) keeps the document's language, unless its script rules
  //    that language out (a Korean name in an English article): then it
  //    gets its own language when that has confidence 0.5 or more, else
  //    "und";
  //  - a longer segment gets another language when it is identified as
  //    that language with confidence 0.5 or more;
  //  - a short segment between two segments of the same other language
  //    (a one-word sentence inside a quoted paragraph) joins them.
  // FindLanguageRuns() then lists the passages in other languages.
  void IdentifySegments(Document* doc) const;

 private:
  struct Impl;
  explicit LanguageIdentifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A run of consecutive segments, [first_segment, end_segment), in a language
// other than the document's: a quoted paragraph, an interview answer in the
// original language.
struct LanguageRun {
  size_t first_segment = 0;
  size_t end_segment = 0;
  std::string lang;
};

// The maximal runs of segments whose language (set by IdentifySegments)
// differs from the document's, in document order.
std::vector<LanguageRun> FindLanguageRuns(const Document& doc);

// How the sentences of a prepared document (boilerplate left out) divide
// among the languages IdentifySegments() gave them (`align detect`).
struct LanguageShares {
  size_t sentences = 0;                             // counted
  std::map<std::string, size_t> sentences_by_lang;  // "und" included
  // The share of the sentences in a language other than the document's
  // ("und" is not another language); 0 without sentences.
  double other_share = 0.0;
};
LanguageShares CountLanguageShares(const Document& doc);

// Checks a language tag given by a user: well-formed BCP-47 (ICU's
// uloc_forLanguageTag must use all of it; '_' is read as '-') with a 2- or
// 3-letter ISO 639 language subtag; regions and scripts are welcome (en-GB,
// pt-BR, sr-Latn). Otherwise InvalidArgument, whose message says why
// ("empty", "too long", "only letters, digits and '-'", "not well-formed",
// "the language must be a 2- or 3-letter ISO 639 code").
Status CheckLanguageTag(const std::string& tag);

// The file name of the default model.
inline constexpr const char* kDefaultLidModelName = "lid.176.ftz";

// Finds the language-ID model, in this order: `explicit_path` when not empty,
// the environment variable CROSSALIGN_LID_MODEL, the installed data directory,
// then the source tree's models/ folder. The error says how to get the model.
StatusOr<std::string> FindLidModel(const std::string& explicit_path);

// The folder of the Hunspell dictionaries, in this order: `explicit_dir` when
// not empty, the environment variable CROSSALIGN_HUNSPELL_DIR when set and
// not empty, then /usr/share/hunspell (where Debian's hunspell-* packages
// put them). The folder is not checked: dictionaries missing from it are
// skipped and named in LanguageIdentifier::Warnings().
std::string FindHunspellDir(const std::string& explicit_dir);

// `align detect --format jsonl`, one line per document `file`:
//   {"file", "lang", "confidence", "declared" (the article header's),
//    "sentences", "other_share", "sentences_by_lang": {LANG: N, ...},
//    "runs": [{"lang", "first_sentence", "end_sentence", "begin_byte",
//              "end_byte"}]}
// (CountLanguageShares, FindLanguageRuns); numbers have three decimals.
std::string RenderLanguagesJsonl(const std::string& file, const Document& doc);

// `align detect --per-line --format jsonl`, the line of text line `number`
// (1-based): {"line", "lang", "confidence", "top": [{"lang", "confidence"}]}.
std::string RenderLineLanguageJsonl(size_t number, const LanguageGuess& guess,
                                    const std::vector<LanguageGuess>& top);

}  // namespace crossalign

#endif  // CROSSALIGN_LANGUAGE_IDENTIFIER_H_
