// End-to-end tests of `align FILE|DIR|@LIST... -o DIR`.
#include <gtest/gtest.h>

#include "cli_support.h"
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

TEST(CollectionCliTest, PairsUpTheStoriesOfCorpora) {
  const std::string out = MakeTempDir() + "/out";
  const std::string corpora = SourceDir() + "/corpora";
  auto r = RunCommand(Align(Quote(corpora + "/dniester-bridge") + " " +
                            Quote(corpora + "/seoul-night-bus") + " -o " +
                            Quote(out) + " --clusters " +
                            Quote(out + "/clusters.jsonl") + " --jobs 2 -v"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto files = ListDir(out);
  // Translations and rewrites of one story are paired, in both scripts...
  for (const char* name :
       {"en-uk.tmx", "en-ru.tmx", "en-en.tmx", "en-de.tmx", "en-ko.tmx"}) {
    EXPECT_TRUE(Exists(out + "/" + name)) << name << " in " << r.err;
  }
  // ...and the two stories never with each other: every pair's mode
  // decision names two articles of one story.
  int decisions = 0;
  for (const std::string& f : files) {
    const std::string tmx = ReadFile(out + "/" + f);
    size_t pos = 0;
    while ((pos = tmx.find("<prop type=\"x-mode-decision\">", pos)) !=
           std::string::npos) {
      const std::string line = tmx.substr(pos, tmx.find("</prop>", pos) - pos);
      ++decisions;
      EXPECT_FALSE(line.find("seoul-night-bus") != std::string::npos &&
                   line.find("dniester-bridge") != std::string::npos)
          << line;
      pos += 10;
    }
  }
  EXPECT_GE(decisions, 10);
  // Every TMX validates; clusters are JSON lines naming documents.
  for (const std::string& f : files) {
    if (f.size() < 4 || f.compare(f.size() - 4, 4, ".tmx") != 0) continue;
    testing::ExpectValidTmxFile(out + "/" + f);
  }
  const std::string clusters = ReadFile(out + "/clusters.jsonl");
  EXPECT_EQ(clusters.rfind("{\"cluster\":0,", 0), 0u)
      << clusters.substr(0, 200);
  EXPECT_NE(clusters.find("\"outlet\":\"Meridian Wire\""), std::string::npos);
}

TEST(CollectionCliTest, NeverPairsAnArticleWithItself) {
  const std::string dir = MakeTempDir();
  const std::string story = SourceDir() + "/corpora/dniester-bridge/";
  WriteFile(dir + "/list", story + "kyiv-ledger.en.txt\n" + story +
                               "kyiv-ledger.uk.txt\n" + story +
                               "kyiv-ledger.en.txt\n");
  auto r = RunCommand(Align("@" + Quote(dir + "/list") + " " +
                            Quote(story + "kyiv-ledger.uk.txt") + " -o " +
                            Quote(dir + "/out")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("named more than once"), std::string::npos);
  EXPECT_EQ(ListDir(dir + "/out"), (std::vector<std::string>{"en-uk.tmx"}));
  EXPECT_EQ(ReadFile(dir + "/out/en-uk.tmx")
                .find("x-mode-decision\">" + story + "kyiv-ledger.en.txt -> " +
                      story + "kyiv-ledger.en.txt"),
            std::string::npos);
}

TEST(CollectionCliTest, SeedArticlesAlign) {
  CROSSALIGN_REQUIRE_SHARED();
  const std::string out = MakeTempDir() + "/out";
  auto r = RunCommand(
      Align(Quote(testing::SharedDir() + "/seeds") + " -o " + Quote(out)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(Exists(out + "/en-en.tmx")) << r.err;
  std::string log;
  EXPECT_EQ(testing::ValidateTmx(out + "/en-en.tmx", &log), 0) << log;
  // The shared "11,000 troops" estimate is found between outlets.
  EXPECT_NE(ReadFile(out + "/en-en.tmx").find("11,000"), std::string::npos);
}

TEST(CollectionCliTest, NeedsAnOutputFolderAndTwoUsableArticles) {
  const std::string dir = MakeTempDir();
  const std::string story = SourceDir() + "/corpora/dniester-bridge";
  EXPECT_EQ(RunCommand(Align(Quote(story))).exit_code, 2);
  WriteFile(dir + "/empty.txt", "");
  auto r = RunCommand(Align(
      Quote(dir + "/empty.txt") + " " + Quote(story + "/kyiv-ledger.en.txt") +
      " " + Quote(dir + "/missing.txt") + " -o " + Quote(dir + "/out")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos);
  // One bad file among good ones is skipped (exit 1); --strict stops (exit 3).
  const std::string second = story + "/kyiv-ledger.uk.txt";
  r = RunCommand(Align(Quote(dir + "/empty.txt") + " " +
                       Quote(story + "/kyiv-ledger.en.txt") + " " +
                       Quote(second) + " -o " + Quote(dir + "/out2")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Exists(dir + "/out2/en-uk.tmx"));
  r = RunCommand(Align("--strict " + Quote(dir + "/empty.txt") + " " +
                       Quote(story + "/kyiv-ledger.en.txt") + " " +
                       Quote(second) + " -o " + Quote(dir + "/out3")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_FALSE(Exists(dir + "/out3/en-uk.tmx"));
}

}  // namespace
}  // namespace crossalign
