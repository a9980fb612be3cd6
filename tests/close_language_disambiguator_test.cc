#include "langid/close_language_disambiguator.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>

#include "langid/ngram_language_model.h"

namespace crossalign::internal {
namespace {

// The model's guesses are made up here, so each test isolates one kind of
// evidence.
std::string Best(const CloseLanguageDisambiguator& d, const std::string& text,
                 Script script, std::vector<LanguageGuess> guesses,
                 bool dictionaries = true) {
  d.Rerank(text, script, {}, dictionaries, &guesses);
  return guesses.empty() ? "" : guesses.front().lang;
}

TEST(CloseLanguageDisambiguatorTest, GroupsAndOutsiders) {
  EXPECT_TRUE(CloseLanguageDisambiguator::InGroup("bs", Script::kLatin));
  EXPECT_TRUE(CloseLanguageDisambiguator::InGroup("mk", Script::kCyrillic));
  EXPECT_FALSE(CloseLanguageDisambiguator::InGroup("en", Script::kLatin));
  EXPECT_TRUE(CloseLanguageDisambiguator::Close("id", "ms"));
  EXPECT_FALSE(CloseLanguageDisambiguator::Close("cs", "hr"));
  // A best guess outside every group is left alone.
  CloseLanguageDisambiguator d("");
  EXPECT_EQ(Best(d, "hello there", Script::kLatin, {{"en", 0.9}, {"de", 0.1}}),
            "en");
}

TEST(CloseLanguageDisambiguatorTest, LettersAnAlphabetLacksCountAgainstIt) {
  CloseLanguageDisambiguator d("");  // letters and marker words only
  // The model leans to ru, but і ї є are not Russian letters.
  EXPECT_EQ(Best(d, "їхні діти вчаться біля річки", Script::kCyrillic,
                 {{"ru", 0.7}, {"uk", 0.3}}),
            "uk");
  // ў is Belarusian only.
  EXPECT_EQ(Best(d, "учора ў горадзе адбылася сустрэча", Script::kCyrillic,
                 {{"ru", 0.6}, {"uk", 0.3}, {"be", 0.1}}),
            "be");
  // ѓ ќ ѕ are Macedonian, ђ ћ Serbian.
  EXPECT_EQ(Best(d, "ќе има друга средба", Script::kCyrillic,
                 {{"bg", 0.8}, {"mk", 0.2}}),
            "mk");
  EXPECT_EQ(Best(d, "ћерка и ђак су дошли", Script::kCyrillic,
                 {{"mk", 0.7}, {"sr", 0.3}}),
            "sr");
  // ř ů ě are Czech, ľ ä ô Slovak.
  EXPECT_EQ(
      Best(d, "řekl že půjde domů", Script::kLatin, {{"sk", 0.8}, {"cs", 0.2}}),
      "cs");
  EXPECT_EQ(Best(d, "ľudia nemôžu ísť ďalej", Script::kLatin,
                 {{"cs", 0.8}, {"sk", 0.2}}),
            "sk");
}

TEST(CloseLanguageDisambiguatorTest, MarkerWords) {
  CloseLanguageDisambiguator d("");
  EXPECT_EQ(Best(d, "kerana itu kerajaan memberi wang kepada rakyat",
                 Script::kLatin, {{"id", 0.9}, {"ms", 0.1}}),
            "ms");
  EXPECT_EQ(Best(d, "karena itu pemerintah memberi uang kepada rakyat",
                 Script::kLatin, {{"ms", 0.6}, {"id", 0.4}}),
            "id");
  EXPECT_EQ(Best(d, "ko je rekao da je hiljadu ljudi došlo", Script::kLatin,
                 {{"hr", 0.9}, {"bs", 0.05}, {"sr", 0.05}}),
            "bs");
}

TEST(CloseLanguageDisambiguatorTest, DictionariesWhenInstalled) {
  CloseLanguageDisambiguator d("/usr/share/hunspell");
  // Bulgarian without a letter Russian lacks: the dictionaries decide.
  const std::string bg = "вчера в града се проведе среща с кмета на общината";
  EXPECT_EQ(Best(d, bg, Script::kCyrillic, {{"ru", 0.6}, {"bg", 0.4}}), "bg");
  // The quick look (no dictionaries) keeps the model's preference here.
  EXPECT_EQ(Best(d, bg, Script::kCyrillic, {{"ru", 0.6}, {"bg", 0.4}}, false),
            "ru");
  // The group's probability is redistributed, not created.
  std::vector<LanguageGuess> guesses = {{"ru", 0.5}, {"bg", 0.3}, {"en", 0.2}};
  d.Rerank(bg, Script::kCyrillic, {}, true, &guesses);
  double group = 0;
  for (const LanguageGuess& g : guesses) {
    if (g.lang != "en") group += g.probability;
  }
  EXPECT_NEAR(group, 0.8, 1e-9);
  // Members that are not allowed (a candidate set without bg) take no part.
  guesses = {{"ru", 0.6}, {"uk", 0.4}};
  d.Rerank(bg, Script::kCyrillic, {"ru", "uk"}, true, &guesses);
  ASSERT_FALSE(guesses.empty());
  EXPECT_EQ(guesses.front().lang, "ru");
  for (const LanguageGuess& g : guesses) EXPECT_NE(g.lang, "bg");
}

}  // namespace
// Dictionaries that are not installed are reported by package name.
TEST(CloseLanguageDisambiguatorTest, ReportsMissingDictionaries) {
  const CloseLanguageDisambiguator none("/nonexistent-hunspell-dir");
  std::string all;
  for (const std::string& m : none.MissingDictionaries()) all += m + "\n";
  EXPECT_NE(all.find("hunspell-bs"), std::string::npos) << all;
  EXPECT_NE(all.find("hunspell-en-us"), std::string::npos) << all;
  // Disabled on purpose: nothing is missing.
  EXPECT_TRUE(CloseLanguageDisambiguator("").MissingDictionaries().empty());
}

// The n-gram tables (ELD's, fetched by scripts/setup.sh).
class NgramLanguageModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = FindNgramModel("");
    if (!dir.ok()) GTEST_SKIP() << dir.status().message();
    auto model = NgramLanguageModel::Load(*dir);
    ASSERT_TRUE(model.ok()) << model.status().message();
    model_ = std::move(*model);
    dir_ = *dir;
  }
  std::string Best(const std::string& text) const {
    std::vector<double> points;
    if (model_->Score(text, &points) == 0) return "";
    size_t best = 0;
    for (size_t i = 1; i < points.size(); ++i) {
      if (points[i] > points[best]) best = i;
    }
    return model_->languages()[best];
  }
  std::unique_ptr<NgramLanguageModel> model_;
  std::string dir_;
};

TEST_F(NgramLanguageModelTest, HasTheSixtyLanguagesOfTheTables) {
  EXPECT_EQ(model_->languages().size(), 60u);
  EXPECT_GE(model_->IndexOf("ms"), 0);
  EXPECT_GE(model_->IndexOf("sk"), 0);
  EXPECT_EQ(model_->IndexOf("bs"), -1);  // the tables lack it
}

TEST_F(NgramLanguageModelTest, TellsCloseLanguagesApartOnShortText) {
  // Words only one language of each pair spells this way.
  EXPECT_EQ(Best("não obrigado"), "pt");
  EXPECT_EQ(Best("gracias señora"), "es");
  EXPECT_EQ(Best("ďakujem pekne"), "sk");
  EXPECT_EQ(Best("děkuji pěkně"), "cs");
  EXPECT_EQ(Best("mulțumesc frumos"), "ro");
  EXPECT_EQ(Best("Dziękuję bardzo"), "pl");
  // Case does not matter. (The first example, "ВЕЛИКЕ ДЯКУЮ", scored ru on
  // the tables; it differs from Russian spellings only in its endings.)
  EXPECT_EQ(Best("ДЯКУЄМО ЗА ЇЖУ"), "uk");
  EXPECT_EQ(Best("дякуємо за їжу"), Best("ДЯКУЄМО ЗА ЇЖУ"));
  EXPECT_EQ(Best("12345 !!! ..."), "");  // no letters, no n-grams
}

TEST_F(NgramLanguageModelTest, MalformedTablesNameTheFile) {
  const std::string dir = ::testing::TempDir() + "/ngram-bad";
  ASSERT_EQ(
      ::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str()), 0);
  std::ifstream table(dir_ + "/dictionary.js");
  const std::string bytes((std::istreambuf_iterator<char>(table)), {});
  std::ofstream(dir + "/dictionary.js") << bytes;
  // Missing n-gram file.
  auto missing = NgramLanguageModel::Load(dir);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("ngrams.js"), std::string::npos);
  // Truncated and garbled ones.
  for (const std::string& content :
       {std::string("export const ngramsData = {type:'L60',languages:{0:'am'"),
        std::string("languages:{0:'en'},ngrams:{'ab':{0:x}}"),
        std::string("languages:{0:'en'},ngrams:{'ab':{7:1}}"),
        std::string("\xff\xfe binary")}) {
    std::ofstream(dir + "/ngrams.js") << content;
    auto bad = NgramLanguageModel::Load(dir);
    ASSERT_FALSE(bad.ok()) << content;
    EXPECT_NE(bad.status().message().find(dir + "/ngrams.js"),
              std::string::npos)
        << bad.status().message();
  }
}

TEST(FindNgramModelTest, SearchOrder) {
  EXPECT_EQ(*FindNgramModel(::testing::TempDir()), ::testing::TempDir());
  EXPECT_FALSE(FindNgramModel("/nonexistent/eld").ok());
  ::setenv("CROSSALIGN_NGRAM_MODEL", "/nonexistent/eld", 1);
  auto missing = FindNgramModel("");
  ::unsetenv("CROSSALIGN_NGRAM_MODEL");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("CROSSALIGN_NGRAM_MODEL"),
            std::string::npos);
}

}  // namespace crossalign::internal
