// End-to-end tests of `align detect`: per article, per line (file and
// standard input), JSON lines, candidate sets, models and exit codes.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_support.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::DniesterBridge;
using testing::Lines;
using testing::MakeTempDir;
using testing::Quote;
using testing::RunCommand;
using testing::WriteFile;

std::string Detect(const std::string& args) {
  return Quote(AlignBinary()) + " detect " + args;
}

TEST(DetectCliTest, OneLinePerArticleWithLanguageConfidenceAndOtherShare) {
  auto r = RunCommand(Detect(Quote(DniesterBridge("kyiv-ledger.uk.txt")) + " " +
                             Quote(DniesterBridge("kyiv-ledger.ru.txt")) + " " +
                             Quote(DniesterBridge("rheinischer-bote.de.txt"))));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  const char* langs[] = {"uk", "ru", "de"};
  for (size_t i = 0; i < 3; ++i) {
    std::istringstream fields(lines[i]);
    std::string file, lang;
    double confidence = -1, other = -1;
    fields >> file >> lang >> confidence >> other;
    EXPECT_EQ(lang, langs[i]) << lines[i];
    EXPECT_GT(confidence, 0.5) << lines[i];
    EXPECT_LE(confidence, 1.0) << lines[i];
    EXPECT_GE(other, 0.0) << lines[i];
    EXPECT_LT(other, 0.2) << lines[i];
  }
}

TEST(DetectCliTest, QuotedParagraphShowsInTheOtherShareAndTheRuns) {
  // Meridian Wire's English report quotes a Ukrainian official in Ukrainian.
  auto r = RunCommand(Detect("--format jsonl " +
                             Quote(DniesterBridge("meridian-wire.en.txt"))));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"lang\":\"en\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"runs\":[{\"lang\":\"uk\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"declared\":\"en\""), std::string::npos) << r.out;
}

TEST(DetectCliTest, PerLineKeepsOrderAndEmptyLinesFromStdin) {
  const std::string input =
      "The government said the bridge would reopen next week.\n"
      "\n"
      "Уряд заявив, що міст знову відкриють наступного тижня.\n"
      "Правительство заявило, что мост откроют на следующей неделе.\n"
      "Η κυβέρνηση ανακοίνωσε ότι η γέφυρα θα ανοίξει ξανά.\n"
      "12 000\n"
      "THE GOVERNMENT SAID THE BRIDGE WOULD REOPEN NEXT WEEK.\n"
      "Vláda oznámila, že most bude znovu otevřen příští týden.";  // no \n
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/in.txt", input);
  auto r = RunCommand(Detect("--per-line - < " + Quote(dir + "/in.txt")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 8u) << r.out;
  const char* expected[] = {"en", "und", "uk", "ru", "el", "und", "en", "cs"};
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(lines[i].substr(0, lines[i].find('\t')), expected[i])
        << "line " << i + 1 << ": " << lines[i];
  }
  EXPECT_EQ(lines[1], "und\t0.000");
  // The same from a file.
  auto f = RunCommand(Detect("--per-line " + Quote(dir + "/in.txt")));
  EXPECT_EQ(f.exit_code, 0) << f.err;
  EXPECT_EQ(f.out, r.out);
}

TEST(DetectCliTest, PerLineJsonlAndCandidateSet) {
  const std::string dir = MakeTempDir();
  // Russian, but only en and uk are allowed: the closer one wins.
  WriteFile(dir + "/in.txt",
            "Правительство заявило, что мост откроют.\n\nHello there.\n");
  auto r = RunCommand(Detect("--per-line --langs en,uk --format jsonl " +
                             Quote(dir + "/in.txt")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_NE(lines[0].find("{\"line\":1,\"lang\":\"uk\""), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[0].find("\"top\":[{\"lang\":\"ru\""), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("{\"line\":2,\"lang\":\"und\""), std::string::npos)
      << lines[1];
  EXPECT_NE(lines[2].find("\"lang\":\"en\""), std::string::npos) << lines[2];
}

TEST(DetectCliTest, EmptyAndBlankInputGiveOneUndPerLine) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/empty.txt", "");
  WriteFile(dir + "/blank.txt", "\n  \n\n");
  auto r = RunCommand(Detect("--per-line " + Quote(dir + "/empty.txt")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = RunCommand(Detect("--per-line " + Quote(dir + "/blank.txt")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "und\t0.000\nund\t0.000\nund\t0.000\n");
}

// Without the n-gram model the answers still come, with a warning on
// stderr that names what is missing; stdout keeps its format.
TEST(DetectCliTest, WarnsWhenTheNgramModelIsMissing) {
  auto r = RunCommand("CROSSALIGN_NGRAM_MODEL=/nonexistent/eld " +
                      Detect(Quote(DniesterBridge("rheinischer-bote.de.txt"))));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/eld"), std::string::npos) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  std::istringstream fields(lines[0]);
  std::string file, lang;
  fields >> file >> lang;
  EXPECT_EQ(lang, "de") << lines[0];
  // With everything installed there is nothing to warn about.
  auto full =
      RunCommand(Detect(Quote(DniesterBridge("rheinischer-bote.de.txt"))));
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_EQ(full.err.find("warning"), std::string::npos) << full.err;
}

// The one warnings rule (align --help, exit codes): damaged input is used,
// and said so with "align: warning:", and the run exits 1. detect printed
// the decoder's warning without the prefix and exited 0.
TEST(DetectCliTest, DamagedInputIsAWarningAndExitsOne) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/damaged.txt",
            testing::ReadFile(DniesterBridge("kyiv-ledger.en.txt")) +
                "More text \xff\xfe here.\n");
  for (const std::string mode : {"", "--per-line ", "--format jsonl "}) {
    auto r = RunCommand(
        Detect(mode + "--encoding UTF-8 " + Quote(dir + "/damaged.txt")));
    EXPECT_EQ(r.exit_code, 1) << mode << r.err;
    EXPECT_NE(r.err.find("align: warning: " + dir + "/damaged.txt: 2 byte"),
              std::string::npos)
        << mode << r.err;
    EXPECT_FALSE(r.out.empty()) << mode;  // the answer is still given
  }
}

TEST(DetectCliTest, ExitCodes) {
  const std::string dir = MakeTempDir();
  // Usage errors.
  EXPECT_EQ(RunCommand(Detect("")).exit_code, 2);
  EXPECT_EQ(RunCommand(Detect("--format xml a.txt")).exit_code, 2);
  EXPECT_EQ(RunCommand(Detect("--bogus a.txt")).exit_code, 2);
  EXPECT_EQ(RunCommand(Detect("--per-line a.txt b.txt")).exit_code, 2);
  EXPECT_EQ(RunCommand(Detect("--langs , a.txt")).exit_code, 2);
  auto help = RunCommand(Detect("--help"));
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--per-line"), std::string::npos);
  // One missing file among good ones: reported and skipped.
  auto r = RunCommand(Detect(Quote(DniesterBridge("kyiv-ledger.en.txt")) + " " +
                             Quote(dir + "/missing.txt")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 1u);
  // Nothing usable.
  EXPECT_EQ(RunCommand(Detect(Quote(dir + "/missing.txt"))).exit_code, 3);
  EXPECT_EQ(
      RunCommand(Detect("--per-line " + Quote(dir + "/missing.txt"))).exit_code,
      3);
  // A missing or corrupt model.
  r = RunCommand(Detect("--lid-model " + Quote(dir + "/none.ftz") + " " +
                        Quote(DniesterBridge("kyiv-ledger.en.txt"))));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("none.ftz"), std::string::npos) << r.err;
  WriteFile(dir + "/bad.ftz", "not a model");
  r = RunCommand(Detect("--lid-model " + Quote(dir + "/bad.ftz") + " " +
                        Quote(DniesterBridge("kyiv-ledger.en.txt"))));
  EXPECT_EQ(r.exit_code, 3);
  // Output not writable.
  r = RunCommand(
      Detect(Quote(DniesterBridge("kyiv-ledger.en.txt")) + " > /dev/full"));
  EXPECT_EQ(r.exit_code, 4) << r.err;
}

}  // namespace
}  // namespace crossalign
