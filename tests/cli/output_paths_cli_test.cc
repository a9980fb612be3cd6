// What an output path may be, for every output of every command (issue 27):
// only a regular file is ever replaced (devices, FIFOs and /dev/stdout are
// written through), "-" is standard input or output, and the outputs of a
// run are distinct from each other and from its inputs.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "cli_support.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Align;
using testing::DniesterBridge;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

const std::string kEn = DniesterBridge("kyiv-ledger.en.txt");
const std::string kUk = DniesterBridge("kyiv-ledger.uk.txt");

// `align EN UK` with the fixed date (the outputs compared are byte-equal
// only with it), then `args`.
std::string AlignPair(const std::string& args) {
  return Align(Quote(kEn) + " " + Quote(kUk) + " --date 2025-03-14 " + args);
}

bool IsLink(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// Item 2: -o X --force renamed a regular file over a character device, a
// FIFO and a link to /proc/self/fd/1 (as root, --report /dev/stdout --force
// replaced the system's /dev/stdout).
TEST(OutputPathsCliTest, ForceNeverReplacesWhatIsNotARegularFile) {
  const std::string dir = MakeTempDir();
  const std::string expected = RunCommand(AlignPair("")).out;
  ASSERT_NE(expected.find("<tmx"), std::string::npos);

  // A character device (a copy of /dev/null; mknod needs root).
  const std::string null = dir + "/null";
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    auto r = RunCommand(AlignPair("-o " + Quote(null) + " --force"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    struct stat st;
    ASSERT_EQ(::lstat(null.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device was replaced";
    // Without --force too: writing into a device replaces nothing.
    r = RunCommand(AlignPair("-o " + Quote(null)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }

  // A FIFO: the reader gets the memory, the FIFO stays.
  const std::string fifo = dir + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto r = RunCommand("(timeout 60 cat " + Quote(fifo) + " > " +
                      Quote(dir + "/from-fifo") + " &) ; " +
                      AlignPair("-o " + Quote(fifo) + " --force") +
                      "; rc=$?; sleep 1; exit $rc");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  struct stat st;
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_EQ(ReadFile(dir + "/from-fifo"), expected);

  // Links to standard output are written through, and stay links.
  for (const std::string target : {"/proc/self/fd/1", "/dev/stdout"}) {
    const std::string link = dir + "/stdout-link";
    ::unlink(link.c_str());
    ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0);
    r = RunCommand(AlignPair("-o " + Quote(link) + " --force"));
    EXPECT_EQ(r.exit_code, 0) << target << ": " << r.err;
    EXPECT_EQ(r.out, expected) << target;
    EXPECT_TRUE(IsLink(link)) << target << ": the link was replaced";
    r = RunCommand(AlignPair("-o " + Quote(dir + "/a.tmx") + " --force" +
                             " --report " + Quote(link)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"decision\""), std::string::npos) << r.out;
    EXPECT_TRUE(IsLink(link));
  }

  // A link to a regular file: the file is replaced, the link stays.
  WriteFile(dir + "/real.tmx", "old\n");
  ASSERT_EQ(::symlink("real.tmx", (dir + "/link.tmx").c_str()), 0);
  r = RunCommand(AlignPair("-o " + Quote(dir + "/link.tmx")));
  EXPECT_EQ(r.exit_code, 4) << r.err;  // it exists
  EXPECT_EQ(ReadFile(dir + "/real.tmx"), "old\n");
  r = RunCommand(AlignPair("-o " + Quote(dir + "/link.tmx") + " --force"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(IsLink(dir + "/link.tmx"));
  EXPECT_EQ(ReadFile(dir + "/real.tmx"), expected);

  // Several files at once (moses) are all or nothing: a device among them
  // is refused, and nothing is written.
  ASSERT_EQ(::symlink("/dev/null", (dir + "/m.uk").c_str()), 0);
  r = RunCommand(
      AlignPair("--format moses -o " + Quote(dir + "/m") + " --force"));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
  EXPECT_FALSE(Exists(dir + "/m.en"));
  for (const std::string& name : ListDir(dir)) {
    EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
  }
}

// Item 7: "-" is standard input or output everywhere.
TEST(OutputPathsCliTest, DashIsStandardInputOrOutput) {
  const std::string dir = MakeTempDir();
  const std::string expected = RunCommand(AlignPair("")).out;
  auto r = RunCommand("cd " + Quote(dir) + " && cat " + Quote(kUk) + " | " +
                      Align(Quote(kEn) + " - --date 2025-03-14 -o -"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<tu"), std::string::npos) << r.err;
  EXPECT_FALSE(Exists(dir + "/-"));
  r = RunCommand(Align("detect - < " + Quote(kUk)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("uk"), std::string::npos) << r.out;
  // --report - writes the decision line to standard output, not to a file
  // named "-".
  r = RunCommand("cd " + Quote(dir) + " && " +
                 AlignPair("-o out.tmx --report -"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"decision\""), std::string::npos) << r.out;
  EXPECT_FALSE(Exists(dir + "/-"));
  EXPECT_TRUE(Exists(dir + "/out.tmx"));
  // A memory from standard input, a review page to standard output.
  r = RunCommand("cd " + Quote(dir) + " && " +
                 Align("review - -o - < out.tmx"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<html"), std::string::npos);
  EXPECT_FALSE(Exists(dir + "/-"));
  // Standard input can be read once only.
  r = RunCommand(Align("- - < " + Quote(kEn)));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("standard input (-) can be read only once"),
            std::string::npos)
      << r.err;
}

// Item 3: two outputs of one run, or an output and an input, were the same
// file: -o out.tmx --review out.tmx left the page in out.tmx, exit 0;
// -o X --report X refused the TMX after all the work; -o article --force
// overwrote the article. Refused up front, naming both, nothing written.
TEST(OutputPathsCliTest, OutputsAreDistinctFromEachOtherAndFromInputs) {
  const std::string dir = MakeTempDir();
  const std::string article = dir + "/article.txt";
  WriteFile(article, ReadFile(kUk));
  ASSERT_EQ(::link(article.c_str(), (dir + "/hard-link.txt").c_str()), 0);
  struct Case {
    std::string args, why;
  };
  const std::vector<Case> cases = {
      {"-o out.tmx --review out.tmx",
       "out.tmx (--review) is the same file "
       "as out.tmx (-o)"},
      {"-o out.tmx --report out.tmx",
       "out.tmx (--report) is the same file "
       "as out.tmx (-o)"},
      {"-o out.tmx --report ./sub/../out.tmx --force",
       "is the same file as out.tmx (-o)"},
      {"-o article.txt --force", "article.txt (-o) is the same file as"},
      {"-o hard-link.txt --force", "hard-link.txt (-o) is the same file as"},
      {"--report - --review r.html", "- (--report) is the same file as - (-o)"},
  };
  ASSERT_EQ(::mkdir((dir + "/sub").c_str(), 0777), 0);
  const std::string before = ReadFile(article);
  for (const Case& c : cases) {
    auto r = RunCommand("cd " + Quote(dir) + " && " +
                        Align(Quote(kEn) + " article.txt " + c.args));
    EXPECT_EQ(r.exit_code, 2) << c.args << ": " << r.err;
    EXPECT_NE(r.err.find(c.why), std::string::npos) << c.args << ": " << r.err;
    EXPECT_EQ(r.out, "") << c.args;
    EXPECT_FALSE(Exists(dir + "/out.tmx")) << c.args;
    EXPECT_FALSE(Exists(dir + "/r.html")) << c.args;
    EXPECT_EQ(ReadFile(article), before) << c.args;
  }
  // Many articles: the report must not be one of the articles, nor a file
  // of the output folder.
  auto r = RunCommand("cd " + Quote(dir) + " && " +
                      Align(Quote(kEn) + " " + Quote(kUk) +
                            " article.txt -o many --report article.txt "
                            "--force"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(ReadFile(article), before);
  // align merge and align review: the output is not an input.
  ASSERT_EQ(RunCommand(AlignPair("-o " + Quote(dir + "/a.tmx"))).exit_code, 0);
  const std::string memory = ReadFile(dir + "/a.tmx");
  for (const std::string cmd :
       {"merge a.tmx -o a.tmx --force", "review a.tmx -o a.tmx --force"}) {
    r = RunCommand("cd " + Quote(dir) + " && " + Align(cmd));
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("a.tmx (-o) is the same file as a.tmx (an input)"),
              std::string::npos)
        << cmd << ": " << r.err;
    EXPECT_EQ(ReadFile(dir + "/a.tmx"), memory) << cmd;
  }
  // Devices may be named twice.
  r = RunCommand(AlignPair("-o /dev/null --report /dev/null"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace crossalign
