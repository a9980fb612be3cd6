// Word translations for one ordered language pair, in the forms the
// aligners match words by across languages. Internal.
//
// A word's match form ("m:" keys, see text_features.h) is
//  - its Snowball stem, for the languages Snowball covers (en, de, ru, ...);
//  - for Korean, the longest dictionary word the token starts with, else the
//    token without its particle or ending (부산항에서 -> 부산항);
//  - for Chinese and Japanese, a word of the dictionary found in the text by
//    longest match (no spaces to split on);
//  - otherwise the case-folded word.
// The lists come from the dictionaries scripts/setup.sh converts into
// models/dict/ (`<src>-<tgt>.dict`, read in either direction, or composed
// through English), or from the dictionary a caller gives (--dict).
#ifndef CROSSALIGN_SRC_ALIGN_PAIR_LEXICON_H_
#define CROSSALIGN_SRC_ALIGN_PAIR_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crossalign/dictionary.h"

namespace crossalign::internal {

// The primary subtag of a language tag, lower case ("zh-Hans" -> "zh").
std::string PrimaryLanguage(std::string_view tag);

// Whether words of `lang` are found by longest match against the dictionary
// (Chinese, Japanese) instead of by spaces.
bool SegmentsByDictionary(const std::string& lang);

// The form a case-folded word of `lang` is matched by (see above); `words`
// are the dictionary's words of that language (used for Korean). Creates a
// stemmer per call: use MatchForms for many words.
class MatchForms {
 public:
  MatchForms(const std::string& lang,
             const std::unordered_set<std::string>* words);
  ~MatchForms();
  MatchForms(const MatchForms&) = delete;
  MatchForms& operator=(const MatchForms&) = delete;
  std::string Form(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct PairLexicon {
  std::string src_lang, tgt_lang;
  // Source match form -> target match forms, at most kMaxTranslations each,
  // the most specific first.
  std::unordered_map<std::string, std::vector<std::string>> table;
  // Surface words of each language (for segmentation and Korean forms).
  std::unordered_set<std::string> src_words, tgt_words;
  // Where the pairs come from, for the alignment's method line.
  std::string origin;
};

// Builds the lexicon of a dictionary from `src` to `tgt`.
std::shared_ptr<const PairLexicon> BuildPairLexicon(const Dictionary& dict,
                                                    const std::string& src,
                                                    const std::string& tgt,
                                                    const std::string& origin);

// The folder of the installed dictionaries: $CROSSALIGN_DICT_DIR, else the
// installed data folder's dict/, else the source tree's models/dict.
std::string InstalledDictionaryDir();

// The installed lexicon from `src` to `tgt` (loaded once per process and
// shared), or null when no dictionary covers the pair.
std::shared_ptr<const PairLexicon> InstalledPairLexicon(const std::string& src,
                                                        const std::string& tgt);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_PAIR_LEXICON_H_
