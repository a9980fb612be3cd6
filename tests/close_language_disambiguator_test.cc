#include "close_language_disambiguator.h"

#include <gtest/gtest.h>

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
}  // namespace crossalign::internal
