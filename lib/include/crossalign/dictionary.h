// Dictionary: bilingual word and phrase pairs that give the aligners lexical
// evidence beyond numbers, names and cognates.
//
// Files hold one pair per line, UTF-8; lines starting with '#' are comments.
// Two orders exist, and a file says which it uses by its name or its first
// line (see DictionaryFormat):
//  - crossalign's own files (`.dict`): `source @ target`;
//  - hunalign's files (`.dic`, as hunalign ships them): `target @ source`,
//    the target language first ("for historical reasons", its README says).
// Entries are stored case-folded.
//
//   auto dict = crossalign::Dictionary::ImportFreeDict(
//       "/usr/share/dictd/freedict-deu-fra.index");   // Debian dict-freedict-*
//   dict->Save("de-fr.dict");
//   auto same = crossalign::Dictionary::Load("de-fr.dict");
#ifndef CROSSALIGN_DICTIONARY_H_
#define CROSSALIGN_DICTIONARY_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/status.h"

namespace crossalign {

enum class DictionaryFormat {
  // kHunalign when the first line is "# format: hunalign" or the file name
  // ends in ".dic"; kSourceTarget otherwise (and for "# format: crossalign").
  kAuto,
  kSourceTarget,  // `source @ target` (crossalign's .dict files)
  kHunalign,      // `target @ source` (hunalign's .dic files)
};

// "auto", "crossalign" (kSourceTarget) or "hunalign"; false otherwise.
bool ParseDictionaryFormat(std::string_view name, DictionaryFormat* format);

// The format `format` means for a file called `name` with content `text`
// (kAuto resolved; others returned as they are).
DictionaryFormat ResolveDictionaryFormat(DictionaryFormat format,
                                         std::string_view name,
                                         std::string_view text);

class Dictionary {
 public:
  Dictionary() = default;

  // Reads a dictionary file whose pairs are in the order `format` says. A
  // malformed line is an error naming the file and the line.
  static StatusOr<Dictionary> Load(
      const std::string& path,
      DictionaryFormat format = DictionaryFormat::kAuto);

  // Parses dictionary text; `name` is used in errors and, for kAuto, its
  // extension chooses the order. (Name first, as in every Parse-like
  // function of the library: TmxReader::Parse, DecodeDocument.)
  static StatusOr<Dictionary> Parse(
      const std::string& name, std::string_view text,
      DictionaryFormat format = DictionaryFormat::kAuto);

  // Imports a FreeDict dictionary in dictd format: the `.index` file and,
  // beside it, the `.dict.dz` (or `.dict`) file, as Debian's dict-freedict-*
  // packages install them in /usr/share/dictd, and Mueller's English-Russian
  // dictionary (mueller7-dict) in the same format: senses numbered "2." or
  // "2)"; notes in (), [], <> and {} (genders, transcriptions) and labels
  // such as "_adv." dropped; entries and translations without a letter
  // ("042", "0") skipped, as are usage examples that repeat the headword.
  // An index whose entries are
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

  // All pairs, sorted, one per line: `source @ target`, or for kHunalign
  // `target @ source` (kAuto means kSourceTarget here).
  std::string Serialize(
      DictionaryFormat format = DictionaryFormat::kSourceTarget) const;
  // Writes Serialize() atomically; with kAuto, in hunalign's order when
  // `path` ends in ".dic".
  Status Save(const std::string& path,
              DictionaryFormat format = DictionaryFormat::kAuto) const;

  // Calls visit(source, target) for every pair, sources in sorted order.
  void ForEachPair(
      const std::function<void(const std::string& source,
                               const std::string& target)>& visit) const;

  size_t size() const { return pairs_; }
  bool empty() const { return pairs_ == 0; }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> entries_;
  size_t pairs_ = 0;
};

}  // namespace crossalign

#endif  // CROSSALIGN_DICTIONARY_H_
