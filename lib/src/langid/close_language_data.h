// The alphabets and marker words of the close-language disambiguator
// (close_language_disambiguator.h), read from the data files of
// lib/rules/langid, whose header comments describe their format. Internal.
#ifndef CROSSALIGN_SRC_LANGID_CLOSE_LANGUAGE_DATA_H_
#define CROSSALIGN_SRC_LANGID_CLOSE_LANGUAGE_DATA_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crossalign/status.h"
#include "langid/script_evidence.h"

namespace crossalign::internal {

struct CloseLanguageData {
  // (language, script) -> its lower-case letters (for Latin, beyond a-z).
  std::map<std::pair<std::string, Script>, std::u32string> alphabets;
  // Language -> its marker words; a two-word marker as "da li".
  std::map<std::string, std::unordered_set<std::string>> marker_words;
  // Language -> its marker stems, in file order.
  std::map<std::string, std::vector<std::string>> marker_stems;
};

// Parses the three files; `origin` names them in error messages ("built-in
// alphabets.txt: line 3: ...").
StatusOr<CloseLanguageData> ParseCloseLanguageData(
    std::string_view alphabets, std::string_view marker_words,
    std::string_view marker_stems, const std::string& origin);

// The data compiled into the library, parsed on first use. Parse errors
// are caught by the unit tests (close_language_data_test); should one slip
// through, the data is empty and the disambiguator uses the model and the
// dictionaries only.
const CloseLanguageData& BuiltInCloseLanguageData();

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_LANGID_CLOSE_LANGUAGE_DATA_H_
