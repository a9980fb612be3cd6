// The sample stories in corpora/: the fixtures are consistent, every article's
// language is identified, and translation pairs align well against the gold.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "crossalign/pipeline.h"
#include "gold_corpus.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::GoldPair;
using testing::NormalizeText;
using testing::ReadFile;
using testing::ReadGoldPairs;
using testing::StoryArticles;
using testing::StoryDirs;
using testing::TextBead;

// Strict bead F1 floor for translation pairs: the lowest pair measured
// 0.747 (bench/corpora_eval), with boilerplate lines still aligned.
constexpr double kTranslationF1Floor = 0.70;

std::string Basename(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

class CorporaTest : public ::testing::Test {
 protected:
  const Pipeline* pipeline_ = &testing::SharedPipeline();
};

TEST(GoldScoreTest, StrictScoreFollowsVecalignDefinitions) {
  const std::vector<TextBead> gold = {
      {{"a"}, {"x"}}, {{"b", "c"}, {"y"}}, {{"d"}, {}}, {{}, {"z"}}};
  const std::vector<TextBead> pred = {
      {{"a"}, {"x"}}, {{"b"}, {"y"}}, {{"c"}, {}}, {{"d"}, {}}, {{}, {"z"}}};
  const auto s = testing::StrictScore(gold, pred, false);
  // Precision: a-x, d-0 and 0-z are in the gold; b-y and c-0 are not.
  EXPECT_EQ(s.predicted, 5);
  EXPECT_EQ(s.hits_p, 3);
  // Recall counts only gold beads with both sides: a-x found, bc-y missed.
  EXPECT_EQ(s.gold, 2);
  EXPECT_EQ(s.hits_r, 1);
  const auto pairs_only = testing::StrictScore(gold, pred, true);
  EXPECT_EQ(pairs_only.predicted, 2);
}

TEST(CorporaFixturesTest, EveryStoryHasArticlesInFourLanguagesAndGold) {
  std::set<std::string> langs, outlets;
  int articles = 0;
  for (const std::string& dir : StoryDirs()) {
    for (const std::string& path : StoryArticles(dir)) {
      auto doc = ReadDocumentFile(path);
      ASSERT_TRUE(doc.ok()) << doc.status();
      EXPECT_FALSE(doc->metadata().outlet.empty()) << path;
      EXPECT_FALSE(doc->metadata().lang.empty()) << path;
      EXPECT_EQ(doc->metadata().date.size(), 10u) << path;
      langs.insert(doc->metadata().lang);
      outlets.insert(doc->metadata().outlet);
      ++articles;
    }
  }
  EXPECT_GE(articles, 5);
  EXPECT_GE(langs.size(), 4u);
  EXPECT_GE(outlets.size(), 3u);
  EXPECT_TRUE(langs.count("uk") || langs.count("ru")) << "a Cyrillic language";
  EXPECT_TRUE(langs.count("zh") || langs.count("ko") || langs.count("ja"))
      << "a CJK language";
}

TEST(CorporaFixturesTest, GoldTextsAreExactSubstringsOfTheArticles) {
  const auto pairs = ReadGoldPairs();
  ASSERT_FALSE(pairs.empty());
  bool translation = false, comparable = false;
  for (const GoldPair& pair : pairs) {
    translation |= pair.type == "translation";
    comparable |= pair.type == "comparable";
    const std::string src = NormalizeText(ReadFile(pair.src));
    const std::string tgt = NormalizeText(ReadFile(pair.tgt));
    for (const TextBead& bead : pair.beads) {
      for (const std::string& s : bead.first) {
        EXPECT_NE(src.find(s), std::string::npos)
            << Basename(pair.src) << ": " << s;
      }
      for (const std::string& t : bead.second) {
        EXPECT_NE(tgt.find(t), std::string::npos)
            << Basename(pair.tgt) << ": " << t;
      }
    }
  }
  EXPECT_TRUE(translation);
  EXPECT_TRUE(comparable);
}

TEST_F(CorporaTest, EveryArticleLanguageIsIdentified) {
  for (const std::string& dir : StoryDirs()) {
    for (const std::string& path : StoryArticles(dir)) {
      auto doc = pipeline_->Prepare(path);
      ASSERT_TRUE(doc.ok()) << doc.status();
      EXPECT_EQ((*doc)->lang(), (*doc)->metadata().lang) << path;
    }
  }
}

// Translation pairs must align well. The floor is below the figure
// bench/corpora_eval reports; it catches regressions, not noise.
TEST_F(CorporaTest, TranslationPairsAlignAgainstGold) {
  int pairs = 0;
  for (const GoldPair& gold : ReadGoldPairs()) {
    if (gold.type != "translation") continue;
    auto pair = pipeline_->AlignFiles(gold.src, gold.tgt);
    ASSERT_TRUE(pair.ok()) << pair.status();
    const auto s =
        testing::StrictScore(gold.beads, testing::ToTextBeads(*pair), false);
    std::printf("%s -> %s: strict P=%.3f R=%.3f F1=%.3f\n",
                Basename(gold.src).c_str(), Basename(gold.tgt).c_str(),
                s.precision, s.recall, s.f1);
    EXPECT_GE(s.f1, kTranslationF1Floor) << gold.src << " -> " << gold.tgt;
    ++pairs;
  }
  EXPECT_GE(pairs, 2);
}

}  // namespace
}  // namespace crossalign
