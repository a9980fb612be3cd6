#include "langid/close_language_data.h"

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace crossalign::internal {
namespace {

using crossalign::testing::ReadFile;

const std::string kDataDir =
    std::string(CROSSALIGN_TEST_SOURCE_DIR) + "/lib/rules/langid/";

bool HasLetter(const CloseLanguageData& data, const std::string& lang,
               Script script, char32_t letter) {
  const auto it = data.alphabets.find({lang, script});
  return it != data.alphabets.end() &&
         it->second.find(letter) != std::u32string::npos;
}

bool HasMarker(const CloseLanguageData& data, const std::string& lang,
               const std::string& word) {
  const auto it = data.marker_words.find(lang);
  return it != data.marker_words.end() && it->second.count(word) > 0;
}

// The built-in data holds the published alphabets and the marker lists.
TEST(CloseLanguageDataTest, BuiltInDataHoldsAlphabetsAndMarkers) {
  const CloseLanguageData& data = BuiltInCloseLanguageData();
  ASSERT_FALSE(data.alphabets.empty()) << "the built-in data did not parse";
  // Ukrainian has і ї є ґ and no ы; Belarusian has ў and no и.
  EXPECT_TRUE(HasLetter(data, "uk", Script::kCyrillic, U'ґ'));
  EXPECT_TRUE(HasLetter(data, "uk", Script::kCyrillic, U'ї'));
  EXPECT_FALSE(HasLetter(data, "uk", Script::kCyrillic, U'ы'));
  EXPECT_TRUE(HasLetter(data, "be", Script::kCyrillic, U'ў'));
  EXPECT_FALSE(HasLetter(data, "be", Script::kCyrillic, U'и'));
  // Serbian is written in both scripts; Slovene has no ć.
  EXPECT_TRUE(HasLetter(data, "sr", Script::kCyrillic, U'ћ'));
  EXPECT_TRUE(HasLetter(data, "sr", Script::kLatin, U'đ'));
  EXPECT_FALSE(HasLetter(data, "sl", Script::kLatin, U'ć'));
  EXPECT_TRUE(HasLetter(data, "sk", Script::kLatin, U'ľ'));
  EXPECT_EQ(data.alphabets.size(), 16u);
  // Marker words, the two-word ones with a space, and the ijekavian list
  // shared by Croatian and Bosnian (not Serbian, which has the ekavian one).
  EXPECT_TRUE(HasMarker(data, "ms", "kerana"));
  EXPECT_TRUE(HasMarker(data, "id", "karena"));
  EXPECT_FALSE(HasMarker(data, "id", "kerana"));
  EXPECT_TRUE(HasMarker(data, "bs", "da li"));
  EXPECT_TRUE(HasMarker(data, "bs", "hiljada"));
  EXPECT_TRUE(HasMarker(data, "hr", "tisuća"));
  EXPECT_TRUE(HasMarker(data, "hr", "vrijeme"));
  EXPECT_TRUE(HasMarker(data, "bs", "vrijeme"));
  EXPECT_FALSE(HasMarker(data, "sr", "vrijeme"));
  EXPECT_TRUE(HasMarker(data, "sr", "vreme"));
  ASSERT_EQ(data.marker_stems.count("hr"), 1u);
  EXPECT_EQ(data.marker_stems.at("hr").front(), "financij");
  EXPECT_EQ(data.marker_stems.at("bs").front(), "finansij");
}

// The installed files (the same as the built-in ones) parse on their own.
TEST(CloseLanguageDataTest, SourceFilesParse) {
  const StatusOr<CloseLanguageData> data =
      ParseCloseLanguageData(ReadFile(kDataDir + "alphabets.txt"),
                             ReadFile(kDataDir + "marker_words.txt"),
                             ReadFile(kDataDir + "marker_stems.txt"), kDataDir);
  ASSERT_TRUE(data.ok()) << data.status().message();
  const CloseLanguageData& built_in = BuiltInCloseLanguageData();
  EXPECT_EQ(data->alphabets, built_in.alphabets);
  EXPECT_EQ(data->marker_words, built_in.marker_words);
  EXPECT_EQ(data->marker_stems, built_in.marker_stems);
}

TEST(CloseLanguageDataTest, ErrorsNameFileAndLine) {
  auto error = [](const std::string& alphabets, const std::string& words) {
    const StatusOr<CloseLanguageData> data =
        ParseCloseLanguageData(alphabets, words, "", "x/");
    return data.ok() ? std::string("ok") : data.status().message();
  };
  EXPECT_EQ(error("# comment\n\nxx Latin é\n", "[xx]\nfoo bar_baz\n"), "ok");
  EXPECT_EQ(error("xx Greek αβ\n", ""),
            "x/alphabets.txt:1: unknown script Greek (known: Latin, Cyrillic)");
  EXPECT_EQ(error("# a\nxx Latin\n", ""),
            "x/alphabets.txt:2: expected LANGUAGE SCRIPT LETTERS, found 2 "
            "fields");
  EXPECT_EQ(error("", "foo\n"),
            "x/marker_words.txt:1: markers before the first [LANGUAGE] line");
  EXPECT_EQ(error("", "[xx\nfoo\n"),
            "x/marker_words.txt:1: a [LANGUAGE ...] line lacks its ]");
  EXPECT_EQ(error("xx Latin \xC3\n", ""), "x/alphabets.txt: not valid UTF-8");
}

TEST(CloseLanguageDataTest, ListsServeSeveralLanguagesAndAddUp) {
  const StatusOr<CloseLanguageData> data = ParseCloseLanguageData(
      "", "[aa bb]\none two\n[aa]\nthree_four\n", "[aa]\nst1 st2\n", "");
  ASSERT_TRUE(data.ok());
  EXPECT_TRUE(HasMarker(*data, "aa", "one"));
  EXPECT_TRUE(HasMarker(*data, "bb", "two"));
  EXPECT_TRUE(HasMarker(*data, "aa", "three four"));
  EXPECT_FALSE(HasMarker(*data, "bb", "three four"));
  EXPECT_EQ(data->marker_stems.at("aa"),
            (std::vector<std::string>{"st1", "st2"}));
}

}  // namespace
}  // namespace crossalign::internal
