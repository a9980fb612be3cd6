// CloseLanguageDisambiguator: re-ranks the model's guesses inside groups of
// closely related languages that fastText's lid.176 mixes up. Internal.
//
// The groups: Croatian, Bosnian, Serbian and Slovene in Latin script; Czech,
// Slovak and Polish; Indonesian and Malay; and the Cyrillic languages
// Russian, Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian and Kazakh.
// When the model's best guess is in a group, every member of the group gets
// a score from three kinds of evidence, added to the model's log
// probability:
//
//  1. The alphabet. A letter a language's alphabet lacks is strong evidence
//     against it: Ukrainian has і ї є ґ and no ы э ъ ё; Belarusian has ў and
//     no и щ ъ; Macedonian has ѓ ќ ѕ and Serbian ђ ћ, both have ј љ њ џ and
//     neither й щ ъ ь ю я; Czech has ř ů ě and Slovak ä ľ ĺ ŕ ô; Slovene has
//     no ć đ. These are the published alphabets, not statistics.
//  2. Spelling dictionaries. The share of the text's words that Debian's
//     Hunspell dictionary of each language accepts (hunspell-hr, -bs, -sr,
//     -uk, -ru, -be, -bg, -cs, -sk, -id in /usr/share/hunspell). They are
//     maintained word lists, independent of the model's training data, and
//     they tell apart exactly the words where the close languages differ
//     (Croatian tisuća, tjedan, povijest; Bosnian hiljada, sedmica, historija;
//     ekavian Serbian reka, mleko). This is what FastSpell (Prompsit, used for
//     the ParaCrawl and MaCoCu corpora) does on top of fastText. Languages
//     without a Debian dictionary (Macedonian, Malay, Slovene, Polish,
//     Kazakh) get a neutral share.
//  3. Marker words: short lists of frequent words whose standard forms differ
//     between Indonesian and Malay (karena/kerana, bahwa/bahawa, uang/wang,
//     -itas/-iti), and between Croatian and Bosnian/Serbian (tko/ko,
//     tisuća/hiljada, Europa/Evropa, month names).
//
// The alphabets and marker words are data: lib/rules/langid/alphabets.txt,
// marker_words.txt and marker_stems.txt (format in their header comments),
// compiled into the library and read once (close_language_data.h).
//
// Dictionaries are loaded lazily, the first time a text needs them, and only
// when they exist. The weights were set by hand and checked on the Lingua
// test set (bench/langid_bench); they are documented beside each constant.
#ifndef CROSSALIGN_SRC_LANGID_CLOSE_LANGUAGE_DISAMBIGUATOR_H_
#define CROSSALIGN_SRC_LANGID_CLOSE_LANGUAGE_DISAMBIGUATOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/language_identifier.h"
#include "langid/script_evidence.h"

namespace crossalign::internal {

class CloseLanguageDisambiguator {
 public:
  // `dictionary_dir` holds Hunspell `.aff`/`.dic` files named like
  // `hr_HR.aff`; "" disables the dictionaries.
  explicit CloseLanguageDisambiguator(std::string dictionary_dir);
  ~CloseLanguageDisambiguator();
  CloseLanguageDisambiguator(const CloseLanguageDisambiguator&) = delete;
  CloseLanguageDisambiguator& operator=(const CloseLanguageDisambiguator&) =
      delete;

  // `guesses` are the model's guesses for `text` (already normalised and
  // case-folded), best first, restricted to languages written in `script`.
  // When the best one is in a group, the group's probability mass is
  // redistributed over its members (members the model did not list are
  // added) by the evidence above; `allowed`, when not empty, limits the
  // members. The result is sorted again. Without `use_dictionaries` only
  // the model, the alphabets and the marker words count (a quick first
  // look, which never loads a dictionary). Thread-safe.
  void Rerank(std::string_view text, Script script,
              const std::vector<std::string>& allowed, bool use_dictionaries,
              std::vector<LanguageGuess>* guesses) const;

  // English is the model's favourite wrong answer for short Latin-script
  // text (two French or Romanian words). When the best guess is English
  // with a probability below kSureEnglish, and the English Hunspell
  // dictionary (hunspell-en-us) accepts fewer than half of the words, its
  // probability is cut to a tenth and the guesses sorted again.
  static constexpr double kSureEnglish = 0.9;
  void CheckEnglish(std::string_view text, Script script, bool use_dictionaries,
                    std::vector<LanguageGuess>* guesses) const;

  // The Debian packages of the dictionaries that are not in the dictionary
  // directory ("hunspell-bs (bs_BA)"), empty when all are there or the
  // dictionaries are disabled.
  const std::vector<std::string>& MissingDictionaries() const;

  // Whether `lang` is in one of the groups for `script`.
  static bool InGroup(const std::string& lang, Script script);
  // Whether `a` and `b` are in one group (in some script).
  static bool Close(const std::string& a, const std::string& b);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_LANGID_CLOSE_LANGUAGE_DISAMBIGUATOR_H_
