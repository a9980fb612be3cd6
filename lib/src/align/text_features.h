// Per-sentence features for bead scoring: length, words and match keys.
// Internal.
//
// A match key is something two sentences in different languages can share:
//   "#11000"   a number, normalised across locales (see numbers.h);
//   "w:grenze" a case-folded word (for Han and kana, a single character);
//   "c:zelen"  a cognate stem: the first five letters of the word after ICU
//              transliteration to ASCII ("Any-Latin; Latin-ASCII"), so that
//              Зеленський, Zelensky and Selenskyj's neighbours meet;
//   "p:mlnk"   a name's consonant skeleton (see NameSkeleton);
//   "m:bridg"  a word's match form (pair_lexicon.h: a stem, a Korean word
//              without its particle, a Chinese or Japanese dictionary word
//              found by longest match), only when a dictionary covers the
//              pair: the dictionary translates source forms into target
//              forms (AddLexiconTranslations).
// Keys are interned in a Vocabulary shared by the two documents of a pair.
#ifndef CROSSALIGN_SRC_ALIGN_TEXT_FEATURES_H_
#define CROSSALIGN_SRC_ALIGN_TEXT_FEATURES_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crossalign/dictionary.h"

namespace crossalign::internal {
struct PairLexicon;
}

namespace crossalign::internal {

class Vocabulary {
 public:
  uint32_t Id(std::string_view key);
  // The id of `key`, or kNone when it was never interned.
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  uint32_t Find(std::string_view key) const;
  const std::string& Key(uint32_t id) const { return keys_[id]; }
  size_t size() const { return keys_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> keys_;
};

struct SentenceFeatures {
  int length = 0;               // code points
  std::vector<uint32_t> words;  // "w:" key ids of the words, in order
  std::vector<uint32_t> keys;   // sorted, unique match-key ids
  // Sorted, unique "w:" ids of dictionary translations of the words; they
  // match target words but add no weight of their own.
  std::vector<uint32_t> translations;
  // Sorted, unique keys that identify a fact on their own: numbers of three
  // or more digits, and names (words capitalised inside the sentence).
  std::vector<uint32_t> strong;
  int paragraph = 0;     // paragraph index in the document
  bool heading = false;  // a headline or sub-heading
};

// One side of a language pair a dictionary covers: its language and the
// dictionary's words in that language, for "m:" keys and, in scripts
// without capitals (Han, kana, Hangul), for telling names from words.
struct LexiconSide {
  std::string lang;
  const std::unordered_set<std::string>* words = nullptr;
};

class FeatureExtractor {
 public:
  FeatureExtractor();
  ~FeatureExtractor();
  FeatureExtractor(const FeatureExtractor&) = delete;
  FeatureExtractor& operator=(const FeatureExtractor&) = delete;

  // Features of each sentence. When `stem_lang` names a language Snowball
  // covers, words give "s:<stem>" keys instead of "w:" and "c:" keys (for
  // comparing two texts in that language). With `name_skeletons`, each name
  // also gives a "p:" key, its consonant skeleton (see NameSkeleton), so
  // that spellings of one name across scripts and transliteration schemes
  // meet. With `side` (a dictionary covers the pair), words also give "m:"
  // keys, and names in Han, kana and Hangul (words outside the dictionary)
  // give "p:" keys. Thread-safe.
  std::vector<SentenceFeatures> Extract(
      const std::vector<std::string_view>& sentences, Vocabulary* vocab,
      const std::string& stem_lang = "", bool name_skeletons = false,
      const LexiconSide* side = nullptr) const;

  // ASCII transliteration of one word ("Зеленський" -> "zelens'kij").
  std::string ToAscii(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The consonant skeleton of an ASCII word, forgiving the differences between
// transliteration schemes: vowels, y, j, h and w-as-vowel dropped, c/q -> k,
// z -> s, w -> v, x -> ks, ph -> f, r -> l (Japanese has one liquid, and
// romanised kana write it r: メルニク -> "meruniku"), doubled letters
// once; at most five
// letters. "melnyk", "melnik", "meruniku" -> "mlnk"; "zelensky", "selenskyj",
// "zelenskij" -> "slnsk". Empty when fewer than three letters remain.
std::string NameSkeleton(std::string_view ascii);

// Adds, to each sentence's `translations`, the dictionary translations of
// its words that occur as words somewhere in the vocabulary.
void AddTranslations(const Dictionary& dictionary, const Vocabulary& vocab,
                     std::vector<SentenceFeatures>* sentences);

// Adds, to each source sentence's `translations`, the "m:" ids of the
// lexicon's translations of its "m:" keys that occur in the vocabulary.
void AddLexiconTranslations(const PairLexicon& lexicon, const Vocabulary& vocab,
                            std::vector<SentenceFeatures>* sentences);

// Calls visit(key) for every key in both sorted key lists, in ascending
// order: the one merge walk both aligners score overlaps with.
template <typename Visit>
void ForEachSharedKey(const std::vector<uint32_t>& a,
                      const std::vector<uint32_t>& b, Visit&& visit) {
  size_t x = 0, y = 0;
  while (x < a.size() && y < b.size()) {
    if (a[x] < b[y]) {
      ++x;
    } else if (b[y] < a[x]) {
      ++y;
    } else {
      visit(a[x]);
      ++x;
      ++y;
    }
  }
}

// Key weights: inverse document frequency over the sentences of two
// documents, so that a key found in every sentence counts for little.
std::vector<float> KeyWeights(size_t vocab_size,
                              const std::vector<SentenceFeatures>& a,
                              const std::vector<SentenceFeatures>& b);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_TEXT_FEATURES_H_
