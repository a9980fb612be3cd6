#include "crossalign/language_identifier.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::LidModel;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::WriteFile;

class LanguageIdentifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lid = LanguageIdentifier::Load(LidModel());
    ASSERT_TRUE(lid.ok()) << lid.status();
    lid_ = lid->release();
  }
  static void TearDownTestSuite() {
    delete lid_;
    lid_ = nullptr;
  }
  static LanguageIdentifier* lid_;
};
LanguageIdentifier* LanguageIdentifierTest::lid_ = nullptr;

TEST_F(LanguageIdentifierTest, IdentifiesNewsSentences) {
  struct Case {
    const char* text;
    const char* lang;
  } cases[] = {
      {"The government said on Tuesday that the bridge would reopen next week.",
       "en"},
      {"Уряд у вівторок заявив, що міст знову відкриють наступного тижня.",
       "uk"},
      {"Правительство во вторник заявило, что мост вновь откроют на следующей "
       "неделе.",
       "ru"},
      {"Die Regierung teilte am Dienstag mit, dass die Brücke nächste Woche "
       "wieder öffnet.",
       "de"},
      {"정부는 화요일 다리가 다음 주에 다시 개통될 것이라고 밝혔다.", "ko"},
      {"政府周二表示，这座桥将于下周重新开放。", "zh"},
  };
  for (const Case& c : cases) {
    LanguageGuess g = lid_->Identify(c.text);
    EXPECT_EQ(g.lang, c.lang) << c.text;
    EXPECT_GT(g.probability, 0.5) << c.text;
    EXPECT_LE(g.probability, 1.0);
  }
}

TEST_F(LanguageIdentifierTest, TopKIsSortedAndUsesBcp47) {
  auto guesses = lid_->Predict("Dobar dan, kako ste danas?", 5);
  ASSERT_EQ(guesses.size(), 5u);
  for (size_t i = 1; i < guesses.size(); ++i) {
    EXPECT_GE(guesses[i - 1].probability, guesses[i].probability);
  }
  for (const auto& g : guesses) {
    EXPECT_EQ(g.lang.find("__label__"), std::string::npos);
    EXPECT_NE(g.lang, "sh");
  }
}

TEST_F(LanguageIdentifierTest, NoLettersIsUndetermined) {
  EXPECT_EQ(lid_->Identify("12 000 — 2025/03/14 !!!").lang, "und");
  EXPECT_EQ(lid_->Identify("").lang, "und");
}

TEST_F(LanguageIdentifierTest, CandidateSetRestrictsTheAnswer) {
  LanguageIdentifierOptions options;
  options.candidates = {"uk", "en"};
  auto lid = LanguageIdentifier::Load(LidModel(), options);
  ASSERT_TRUE(lid.ok());
  // Russian text, but only uk and en are allowed: the closer one wins.
  EXPECT_EQ((*lid)->Identify("Правительство заявило, что мост откроют.").lang,
            "uk");
}

TEST_F(LanguageIdentifierTest, DocumentLanguageIsNotTheFirstLine) {
  Document doc = Document::FromText(
      "mixed.txt",
      "Kyiv Ledger\n\nУряд у вівторок заявив, що міст знову відкриють "
      "наступного тижня. Будівництво тривало вісімнадцять місяців і "
      "коштувало понад мільярд гривень.\n");
  lid_->IdentifyDocument(&doc);
  EXPECT_EQ(doc.lang(), "uk");
  EXPECT_GT(doc.lang_confidence(), 0.5);
}

TEST(LanguageModelLoadTest, MissingModelSaysHowToGetIt) {
  auto lid = LanguageIdentifier::Load("/nonexistent/lid.176.ftz");
  ASSERT_FALSE(lid.ok());
  EXPECT_EQ(lid.status().code(), StatusCode::kNotFound);
  EXPECT_NE(lid.status().message().find("setup"), std::string::npos);
}

TEST(LanguageModelLoadTest, CorruptModelsFailCleanly) {
  const std::string dir = MakeTempDir();
  const std::string real = ReadFile(LidModel());
  ASSERT_GT(real.size(), 100000u);
  const std::pair<const char*, std::string> corrupt[] = {
      {"empty.ftz", ""},
      {"text.ftz", "this is not a model\n"},
      {"header-only.ftz", real.substr(0, 8)},
      {"half.ftz", real.substr(0, real.size() / 2)},
      {"one-byte-short.ftz", real.substr(0, real.size() - 1)},
      {"trailing.ftz", real + "junk"},
  };
  for (const auto& [name, bytes] : corrupt) {
    const std::string path = dir + "/" + name;
    WriteFile(path, bytes);
    auto lid = LanguageIdentifier::Load(path);
    ASSERT_FALSE(lid.ok()) << name;
    EXPECT_EQ(lid.status().code(), StatusCode::kDataLoss) << name;
    EXPECT_NE(lid.status().message().find(name), std::string::npos) << name;
  }
  // Flipped size fields inside the dictionary header.
  std::string flipped = real;
  for (size_t i = 64; i < 80; ++i) flipped[i] = '\x7f';
  WriteFile(dir + "/flipped.ftz", flipped);
  EXPECT_FALSE(LanguageIdentifier::Load(dir + "/flipped.ftz").ok());
}

TEST(FindLidModelTest, SearchOrder) {
  const std::string dir = MakeTempDir();
  const std::string env_model = dir + "/env.ftz";
  const std::string flag_model = dir + "/flag.ftz";
  WriteFile(env_model, "x");
  WriteFile(flag_model, "x");
  ::setenv("CROSSALIGN_LID_MODEL", env_model.c_str(), 1);
  EXPECT_EQ(*FindLidModel(flag_model), flag_model);
  EXPECT_EQ(*FindLidModel(""), env_model);
  ::setenv("CROSSALIGN_LID_MODEL", (dir + "/missing.ftz").c_str(), 1);
  auto missing = FindLidModel("");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("CROSSALIGN_LID_MODEL"),
            std::string::npos);
  ::unsetenv("CROSSALIGN_LID_MODEL");
  // Falls back to the installed data folder or the source tree's models/.
  auto found = FindLidModel("");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_NE(found->find("lid.176.ftz"), std::string::npos);
}

}  // namespace
}  // namespace crossalign
