// Helpers shared by the tests: where things are, scratch folders, running
// commands, small hand-made documents and beads. Tests use the real model,
// real ICU and the real TMX DTD.
#ifndef CROSSALIGN_TESTS_TEST_SUPPORT_H_
#define CROSSALIGN_TESTS_TEST_SUPPORT_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/document.h"
#include "crossalign/pipeline.h"
#include "crossalign/tmx_writer.h"

namespace crossalign {

// A status in a test's failure message (`EXPECT_TRUE(s.ok()) << s`): the
// library's headers carry no iostreams (issue #30), so the tests print
// ToString() themselves.
inline std::ostream& operator<<(std::ostream& os, const Status& status) {
  return os << status.ToString();
}

}  // namespace crossalign

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

// The lines of a text, without their line ends.
std::vector<std::string> Lines(const std::string& text);

// Validates a TMX file with `xmllint --dtdvalid`; returns xmllint's exit code
// and puts its messages in *log. Needs ../shared (see TmxDtd()).
int ValidateTmx(const std::string& path, std::string* log);
// Expects the TMX file (or TMX text) to be valid by the TMX 1.4 DTD. When
// ../shared is absent the check is not made, and the test says so on stdout
// (the rest of the test still runs, so it is not marked skipped).
void ExpectValidTmxFile(const std::string& path);
void ExpectValidTmxText(const std::string& xml);

// A document named `name` whose text is `header` followed by `lines`, one
// per line; each line is one sentence segment in a paragraph of its own. The
// document and its segments have language `lang` (confidence 1).
std::shared_ptr<Document> MakeDoc(const std::string& name,
                                  const std::string& lang,
                                  const std::vector<std::string>& lines,
                                  const std::string& header = "");
// A bead of the given segments and score.
Bead MakeBead(std::vector<int> src, std::vector<int> tgt, double score);
// TMX writer options whose clock always gives 2025-03-14T10:30:00Z.
TmxWriterOptions FixedDate();

}  // namespace crossalign::testing

// Skips the current test when shared/ is absent.
#define CROSSALIGN_REQUIRE_SHARED()                                        \
  do {                                                                     \
    if (::crossalign::testing::SharedDir().empty())                        \
      GTEST_SKIP() << "../shared is absent: skipping this eval-data test"; \
  } while (0)

#endif  // CROSSALIGN_TESTS_TEST_SUPPORT_H_
