// End-to-end tests of `align review` and `align ... --review`: exit codes,
// messages and outputs. The page in a browser: tests/review/.
#include <gtest/gtest.h>

#include "cli_support.h"
#include "crossalign/tmx_reader.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Align;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

constexpr char kTmx[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
    "<header creationtool=\"x\" creationtoolversion=\"1\" "
    "segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"en\" "
    "datatype=\"plaintext\" creationdate=\"20240101T000000Z\"/>\n<body>\n"
    "<tu tuid=\"t1\"><prop type=\"x-score\">0.9</prop><tuv xml:lang=\"en\">"
    "<seg>One.</seg></tuv><tuv xml:lang=\"uk\"><seg>Один.</seg></tuv></tu>\n"
    "<tu tuid=\"t2\"><prop type=\"x-score\">0.3</prop><tuv xml:lang=\"en\">"
    "<seg>Two.</seg></tuv><tuv xml:lang=\"uk\"><seg>Три.</seg></tuv></tu>\n"
    "</body>\n</tmx>\n";

class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteFile(tmx_, kTmx); }
  std::string dir_ = MakeTempDir();
  std::string tmx_ = dir_ + "/in.tmx";
  std::string page_ = dir_ + "/page.html";
  std::string out_ = dir_ + "/out.tmx";
  std::string decisions_ = dir_ + "/decisions.json";
};

TEST_F(ReviewCliTest, WritesThePage) {
  auto r = RunCommand(Align("review " + Quote(tmx_) + " -o " + Quote(page_)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadFile(page_);
  EXPECT_NE(page.find("\"t1\""), std::string::npos);
  EXPECT_NE(page.find("\"t2\""), std::string::npos);
  EXPECT_NE(r.err.find("2 units"), std::string::npos) << r.err;
  // An existing page is kept without --force.
  r = RunCommand(Align("review " + Quote(tmx_) + " -o " + Quote(page_)));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  r = RunCommand(Align("review " + Quote(tmx_) + " -o " + Quote(page_) +
                       " --force --title Mine"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(page_).find("<title>Mine</title>"), std::string::npos);
}

TEST_F(ReviewCliTest, BadInputsAreNamed) {
  auto r = RunCommand(Align("review -o " + Quote(page_)));
  EXPECT_EQ(r.exit_code, 2);
  r = RunCommand(Align("review --bogus " + Quote(tmx_)));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--bogus"), std::string::npos);
  r = RunCommand(
      Align("review " + Quote(dir_ + "/none.tmx") + " -o " + Quote(page_)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("none.tmx"), std::string::npos) << r.err;
  EXPECT_FALSE(Exists(page_));
  // One bad input among good ones: skipped, said, exit 1.
  r = RunCommand(Align("review " + Quote(tmx_) + " " +
                       Quote(dir_ + "/none.tmx") + " -o " + Quote(page_)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Exists(page_));
  WriteFile(dir_ + "/report.jsonl", "{\"src\": 1}\n");
  r = RunCommand(Align("review " + Quote(tmx_) + " --report " +
                       Quote(dir_ + "/report.jsonl") + " -o " +
                       Quote(dir_ + "/p2.html")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("report.jsonl:1"), std::string::npos) << r.err;
  r = RunCommand(Align("review " + Quote(tmx_) + " -o " +
                       Quote(dir_ + "/missing/p.html")));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("missing/p.html"), std::string::npos) << r.err;
}

// Issue 27 item 10: numbers out of range in the aligner's report are bad
// input naming the line (exit 3), not an internal error; "units" beyond a
// long was cast to one (undefined behaviour).
TEST_F(ReviewCliTest, OutOfRangeNumbersInTheReportAreBadInput) {
  const std::string line =
      "{\"src\": \"a.txt\", \"tgt\": \"b.txt\", \"decision\": "
      "\"translation\", ";
  for (const std::string& numbers :
       {std::string("\"similarity\": 1e999, \"units\": 3}"),
        std::string("\"similarity\": 0.5, \"units\": 1e300}"),
        std::string("\"similarity\": 0.5, \"units\": -1}"),
        std::string("\"similarity\": 0.5, \"units\": 2.5}")}) {
    WriteFile(dir_ + "/report.jsonl", "\n" + line + numbers + "\n");
    auto r = RunCommand(Align("review " + Quote(tmx_) + " --report " +
                              Quote(dir_ + "/report.jsonl") + " -o " +
                              Quote(page_)));
    EXPECT_EQ(r.exit_code, 3) << numbers << "\n" << r.err;
    EXPECT_NE(r.err.find("report.jsonl:2: "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    EXPECT_FALSE(Exists(page_)) << numbers;
  }
  // A whole number of units is still read.
  WriteFile(dir_ + "/report.jsonl",
            line + "\"similarity\": 1, \"units\": 2e3}\n");
  auto r =
      RunCommand(Align("review " + Quote(tmx_) + " --report " +
                       Quote(dir_ + "/report.jsonl") + " -o " + Quote(page_)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(page_).find("\"units\":2000"), std::string::npos);
}

TEST_F(ReviewCliTest, AppliesDecisions) {
  WriteFile(decisions_,
            "{\"decisions\": {\"t1\": \"accept\", \"t2\": \"reject\", "
            "\"gone\": \"reject\"}}\n");
  auto r = RunCommand(Align("review --apply " + Quote(decisions_) + " " +
                            Quote(tmx_) + " -o " + Quote(out_) +
                            " --date 2025-03-14"));
  // An unknown tuid is reported, not fatal: exit 1, output written.
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("gone"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 accepted (0 edited), 1 rejected"), std::string::npos)
      << r.err;
  auto memory = TmxReader().ReadFile(out_);
  ASSERT_TRUE(memory.ok()) << memory.status();
  ASSERT_EQ(memory->units.size(), 1u);
  EXPECT_EQ(memory->units[0].tuid, "t1");
  ASSERT_NE(FindProp(memory->units[0].props, "x-review"), nullptr);
  EXPECT_EQ(*FindProp(memory->units[0].props, "x-review"), "accepted");
  testing::ExpectValidTmxFile(out_);
}

TEST_F(ReviewCliTest, BadDecisionsChangeNothing) {
  WriteFile(decisions_, "{\"decisions\": {\"t1\": \"yes\"}}");
  auto r = RunCommand(Align("review --apply " + Quote(decisions_) + " " +
                            Quote(tmx_) + " -o " + Quote(out_)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("decisions.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("t1"), std::string::npos) << r.err;
  r = RunCommand(Align("review --apply " + Quote(dir_ + "/none.json") + " " +
                       Quote(tmx_) + " -o " + Quote(out_)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("none.json"), std::string::npos) << r.err;
  r = RunCommand(Align("review --apply " + Quote(decisions_) + " " +
                       Quote(tmx_) + " " + Quote(tmx_) + " -o " + Quote(out_)));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(Exists(out_));
  EXPECT_EQ(ListDir(dir_),
            (std::vector<std::string>{"decisions.json", "in.tmx"}));
}

TEST(ReviewOptionTest, PageNextToTheTmx) {
  const std::string dir = MakeTempDir();
  const std::string corpus = SourceDir() + "/corpora/dniester-bridge/";
  auto r = RunCommand(Align(Quote(corpus + "kyiv-ledger.en.txt") + " " +
                            Quote(corpus + "kyiv-ledger.uk.txt") + " -o " +
                            Quote(dir + "/en-uk.tmx") + " --review " +
                            Quote(dir + "/r.html") + " --date 2025-03-14"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto memory = TmxReader().ReadFile(dir + "/en-uk.tmx");
  ASSERT_TRUE(memory.ok());
  ASSERT_FALSE(memory->units.empty());
  const std::string page = ReadFile(dir + "/r.html");
  for (const TmxUnit& unit : memory->units) {
    EXPECT_NE(page.find("[\"" + unit.tuid + "\","), std::string::npos)
        << unit.tuid;
  }
  // Many articles: one page for every TMX written.
  r = RunCommand(Align(Quote(corpus) + " -o " + Quote(dir + "/all") +
                       " --review " + Quote(dir + "/all.html") +
                       " --date 2025-03-14"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string all = ReadFile(dir + "/all.html");
  size_t tmx_files = 0;
  for (const std::string& name : ListDir(dir + "/all")) {
    ++tmx_files;
    EXPECT_NE(all.find(name), std::string::npos) << name;
  }
  EXPECT_GT(tmx_files, 1u);
  // An existing page is refused before any work.
  r = RunCommand(Align(Quote(corpus + "kyiv-ledger.en.txt") + " " +
                       Quote(corpus + "kyiv-ledger.uk.txt") + " -o " +
                       Quote(dir + "/again.tmx") + " --review " +
                       Quote(dir + "/r.html")));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_FALSE(Exists(dir + "/again.tmx"));
}

}  // namespace
}  // namespace crossalign
