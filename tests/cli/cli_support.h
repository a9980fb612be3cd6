// Helpers shared by the end-to-end tests of the align binary (tests/cli/):
// command lines to give RunCommand() (test_support.h).
#ifndef CROSSALIGN_TESTS_CLI_CLI_SUPPORT_H_
#define CROSSALIGN_TESTS_CLI_CLI_SUPPORT_H_

#include <string>

namespace crossalign::testing {

// The align binary followed by `args` (already quoted where needed).
std::string Align(const std::string& args);
// `align batch` followed by `args`.
std::string Batch(const std::string& args);
// The path of an article of corpora/dniester-bridge/.
std::string DniesterBridge(const std::string& file);

}  // namespace crossalign::testing

#endif  // CROSSALIGN_TESTS_CLI_CLI_SUPPORT_H_
