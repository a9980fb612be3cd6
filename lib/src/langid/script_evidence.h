// ScriptEvidence: what the writing system of a text says about its language.
// Internal.
//
// Letters are counted per Unicode script (ICU uscript). Some scripts decide
// the language outright (Hangul is Korean, kana is Japanese, Greek letters
// are Greek, ...); most narrow it down (Cyrillic text is never written in a
// Latin-script language, Latin text never in Russian). The language
// identifier drops the model's guesses that the script rules out, so that
// e.g. a Cyrillic line is never answered with "hr" or "en".
#ifndef CROSSALIGN_SRC_LANGID_SCRIPT_EVIDENCE_H_
#define CROSSALIGN_SRC_LANGID_SCRIPT_EVIDENCE_H_

#include <string>
#include <string_view>

namespace crossalign::internal {

// The scripts the language identifier tells apart. Everything else is kOther.
enum class Script {
  kNone,  // no letters at all
  kLatin,
  kCyrillic,
  kGreek,
  kArmenian,
  kGeorgian,
  kHebrew,
  kArabic,
  kDevanagari,
  kBengali,
  kGurmukhi,
  kGujarati,
  kOriya,
  kTamil,
  kTelugu,
  kKannada,
  kMalayalam,
  kSinhala,
  kThai,
  kLao,
  kTibetan,
  kMyanmar,
  kKhmer,
  kEthiopic,
  kThaana,
  kHangul,
  kKana,  // Hiragana and Katakana
  kHan,
  kOther,
};

struct ScriptProfile {
  // The script with the most letters. Han, kana and Hangul are counted
  // together against the other scripts (a Japanese sentence is mostly Han
  // and kana); inside that CJK block Hangul wins over kana, kana over Han.
  Script dominant = Script::kNone;
  // Letters of the dominant script (for CJK: of Han, kana and Hangul) over
  // all letters, in [0, 1].
  double share = 0.0;
  int letters = 0;
};

// Counts the letters of UTF-8 `text` by script (digits, punctuation and
// marks are not letters).
ScriptProfile ProfileScripts(std::string_view text);

// Whether `lang` (a BCP-47 code as the identifier emits it) is written in
// `script`. Languages not listed as using another script are Latin-script.
// Serbian is written in both Cyrillic and Latin; Japanese in Han and kana.
bool LanguageUsesScript(const std::string& lang, Script script);

// The language the script alone decides ("ko" for Hangul, "ja" for kana,
// "el" for Greek, "hy", "ka", "th", ...), or "" when several languages share
// the script (Latin, Cyrillic, Arabic, Han, Hebrew, Devanagari, ...).
std::string LanguageDecidedByScript(Script script);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_LANGID_SCRIPT_EVIDENCE_H_
