// Reads shared/eval/segment/golden_rules.jsonl (sentence-boundary cases) and
// scores a segmenter on it: a case passes when the whole list of trimmed,
// non-empty sentences equals the expected list, white-space runs counting as
// one space (the README's "looser variant"; segments are exact substrings, so
// a wrapped sentence keeps its line break). Shared by the segmentation
// test and bench/segment_bench.
#ifndef CROSSALIGN_TESTS_GOLDEN_RULES_H_
#define CROSSALIGN_TESTS_GOLDEN_RULES_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace crossalign::testing {

struct GoldenCase {
  std::string lang;
  std::string id;
  std::string text;
  std::vector<std::string> expected;
  bool pure_split = false;
  bool en48 = false;  // pySBD's 48-case English golden rule set
};

// Parses the JSON-lines file; an unreadable or malformed file gives an empty
// list and a message in *error.
std::vector<GoldenCase> ReadGoldenRules(const std::string& path,
                                        std::string* error);

struct GoldenScore {
  int passed = 0;
  int total = 0;
  double rate() const { return total ? 100.0 * passed / total : 0.0; }
};

struct GoldenReport {
  GoldenScore en48;
  GoldenScore pure_split;
  std::map<std::string, GoldenScore> by_lang;  // pure_split cases only
  std::vector<std::string> failures;           // ids of failing cases
};

// Runs `split` (text, lang) -> sentences over the pure_split cases.
GoldenReport ScoreGoldenRules(
    const std::vector<GoldenCase>& cases,
    const std::function<std::vector<std::string>(const std::string&,
                                                 const std::string&)>& split);

}  // namespace crossalign::testing

#endif  // CROSSALIGN_TESTS_GOLDEN_RULES_H_
