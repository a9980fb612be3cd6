// NgramLanguageModel: a second opinion on the language of a text, from
// published character (UTF-8 byte) n-gram tables. Internal.
//
// It reads the n-gram data of ELD, the Efficient Language Detector by Nito
// T.M. (npm package `eld`, Apache-2.0; scripts/setup.sh fetches it with
// `npm pack`, checks its sha256 and stores the data files in models/eld/,
// outside git). Only the data is used; the scoring below is written from
// the package's description of its method:
//  - the text is lower-cased; every run of characters that are not letters
//    becomes one space (an apostrophe right before a letter stays: l'homme);
//  - each word is taken as UTF-8 bytes, and covered by 4-byte n-grams with a
//    stride of 3 bytes; the first n-gram of a word is marked by a leading
//    space, the last one (the last 4 bytes) by a trailing space;
//  - each distinct n-gram of the text adds, for every language the table
//    lists it under, that language's weight for it;
//  - only the first ~350 bytes of the text are read (cut at a word end).
// The tables list 60 languages (no Bosnian, Indonesian, Kazakh or
// Macedonian), as ISO 639-1 codes.
//
// The data files (in the directory the model is found in):
//   ngrams.js      the package's src/ngrams/large.js: `languages:{0:'am',...}`
//                  and `ngrams:{key:{lang:weight,...},...}`, where a key is
//                  the n-gram's bytes, bytes 0x80-0xFF written as the
//                  characters of the package's byte table;
//   dictionary.js  that byte table (src/dictionary.js): 256 quoted
//                  characters.
#ifndef CROSSALIGN_SRC_LANGID_NGRAM_LANGUAGE_MODEL_H_
#define CROSSALIGN_SRC_LANGID_NGRAM_LANGUAGE_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/status.h"

namespace crossalign::internal {

class NgramLanguageModel {
 public:
  // Reads `dir`/ngrams.js and `dir`/dictionary.js. A missing, truncated or
  // malformed file gives an error naming it.
  static StatusOr<std::unique_ptr<NgramLanguageModel>> Load(
      const std::string& dir);

  // The languages of the tables (ISO 639-1), in table order.
  const std::vector<std::string>& languages() const { return languages_; }
  // The index of `lang` in languages(), or -1.
  int IndexOf(std::string_view lang) const;

  // Scores `text`: (*points)[i] is the sum of languages()[i]'s weights over
  // the distinct n-grams of the text; returns the number of distinct
  // n-grams (0 when the text has no letters). Thread-safe.
  size_t Score(std::string_view text, std::vector<double>* points) const;

 private:
  NgramLanguageModel() = default;
  struct Weight {
    uint8_t lang;
    uint16_t weight;
  };
  struct Range {
    uint32_t begin;
    uint32_t end;
  };
  std::vector<std::string> languages_;
  // The byte table: the character (Latin-1) that stands for each byte.
  uint8_t byte_char_[256] = {};
  // Open addressing (linear probing) over the packed n-grams: one cache
  // miss per look-up instead of a node-based map's two or three.
  struct Slot {
    uint64_t key = 0;  // 0: empty (a packed n-gram is never 0)
    Range range{0, 0};
  };
  void Insert(uint64_t key, Range range);
  const Range* Find(uint64_t key) const;
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t entries_ = 0;
  std::vector<Weight> weights_;
};

// The directory name of the default n-gram model.
inline constexpr const char* kDefaultNgramModelName = "eld";

// Finds the n-gram model directory in the same order as FindLidModel:
// `explicit_path` when not empty, the environment variable
// CROSSALIGN_NGRAM_MODEL, the installed data directory, then the source
// tree's models/ folder. The error says how to get it.
StatusOr<std::string> FindNgramModel(const std::string& explicit_path);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_LANGID_NGRAM_LANGUAGE_MODEL_H_
