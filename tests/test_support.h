// Helpers shared by the tests: where things are, scratch folders, running
// commands. Tests use the real model, real ICU and the real TMX DTD.
#ifndef CROSSALIGN_TESTS_TEST_SUPPORT_H_
#define CROSSALIGN_TESTS_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "crossalign/pipeline.h"

namespace crossalign::testing {

// The repository root.
std::string SourceDir();
// ../shared next to the repository, or "" when it is absent.
std::string SharedDir();
// The TMX 1.4 DTD in shared/, or "" when shared/ is absent.
std::string TmxDtd();
// The real language-ID model (fails the test when it is missing).
std::string LidModel();
// The align binary.
std::string AlignBinary();

// One pipeline with default options and the real model, shared by the tests
// of a process (it is immutable and thread-safe).
const Pipeline& SharedPipeline();

// A fresh empty folder, removed when the process exits.
std::string MakeTempDir();

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);
bool Exists(const std::string& path);
// Names of the entries in a folder, sorted.
std::vector<std::string> ListDir(const std::string& dir);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs a shell command line, capturing stdout and stderr.
CommandResult RunCommand(const std::string& command_line);
// Quotes an argument for the shell.
std::string Quote(const std::string& arg);

// Validates a TMX file with `xmllint --dtdvalid`; returns xmllint's exit code
// and puts its messages in *log.
int ValidateTmx(const std::string& path, std::string* log);

}  // namespace crossalign::testing

// Skips the current test when shared/ is absent.
#define CROSSALIGN_REQUIRE_SHARED()                                        \
  do {                                                                     \
    if (::crossalign::testing::SharedDir().empty())                        \
      GTEST_SKIP() << "../shared is absent: skipping this eval-data test"; \
  } while (0)

#endif  // CROSSALIGN_TESTS_TEST_SUPPORT_H_
