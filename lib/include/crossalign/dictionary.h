// Dictionary: bilingual word and phrase pairs that give the aligners lexical
// evidence beyond numbers, names and cognates.
//
// The file format is hunalign's: one pair per line, `source @ target`, UTF-8;
// lines starting with '#' are comments. Entries are stored case-folded.
//
//   auto dict = crossalign::Dictionary::ImportFreeDict(
//       "/usr/share/dictd/freedict-deu-fra.index");   // Debian dict-freedict-*
//   dict->Save("de-fr.dict");
//   auto same = crossalign::Dictionary::Load("de-fr.dict");
#ifndef CROSSALIGN_DICTIONARY_H_
#define CROSSALIGN_DICTIONARY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/status.h"

namespace crossalign {

class Dictionary {
 public:
  Dictionary() = default;

  // Reads a dictionary in hunalign's format. A malformed line is an error
  // naming the file and the line.
  static StatusOr<Dictionary> Load(const std::string& path);

  // Parses dictionary text in hunalign's format; `name` is used in errors.
  static StatusOr<Dictionary> Parse(std::string_view text,
                                    const std::string& name);

  // Imports a FreeDict dictionary in dictd format: the `.index` file and,
  // beside it, the `.dict.dz` (or `.dict`) file, as Debian's dict-freedict-*
  // packages install them in /usr/share/dictd. An index whose entries are
  // not dictionary entries (longer than 64 KB, or reading the body more than
  // 8 times over) is kDataLoss; at most 256 translations per headword.
  static StatusOr<Dictionary> ImportFreeDict(const std::string& index_path);

  // Composes two dictionaries through a pivot language: source -> pivot from
  // `first`, pivot -> target from `second`.
  static Dictionary Compose(const Dictionary& first, const Dictionary& second);

  // The same pairs with source and target swapped.
  Dictionary Reversed() const;

  // Adds a pair (case-folded, white space collapsed). Pairs with an empty
  // side, or whose source holds or ends in the separator (which the format
  // cannot represent), are ignored.
  void Add(std::string_view source, std::string_view target);

  // Targets of a case-folded source entry, or null.
  const std::vector<std::string>* Find(std::string_view source) const;

  // All pairs in hunalign's format, sorted, one per line.
  std::string Serialize() const;
  // Writes Serialize() atomically.
  Status Save(const std::string& path) const;

  size_t size() const { return pairs_; }
  bool empty() const { return pairs_ == 0; }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> entries_;
  size_t pairs_ = 0;
};

}  // namespace crossalign

#endif  // CROSSALIGN_DICTIONARY_H_
