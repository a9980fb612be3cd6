#include "langid/script_evidence.h"

#include <gtest/gtest.h>

namespace crossalign::internal {
namespace {

TEST(ScriptEvidenceTest, DominantScriptAndShare) {
  EXPECT_EQ(ProfileScripts("").dominant, Script::kNone);
  EXPECT_EQ(ProfileScripts("12 000 — !!!").letters, 0);
  EXPECT_EQ(ProfileScripts("Hello").dominant, Script::kLatin);
  EXPECT_EQ(ProfileScripts("Київ, 14 березня").dominant, Script::kCyrillic);
  EXPECT_EQ(ProfileScripts("Αθήνα").dominant, Script::kGreek);
  EXPECT_EQ(ProfileScripts("서울 시내버스").dominant, Script::kHangul);
  // Japanese mixes Han and kana; Korean may carry Han; Chinese is Han only.
  EXPECT_EQ(ProfileScripts("東京の地下鉄").dominant, Script::kKana);
  EXPECT_EQ(ProfileScripts("大韓民國 서울").dominant, Script::kHangul);
  EXPECT_EQ(ProfileScripts("这座桥将于下周重新开放").dominant, Script::kHan);
  const ScriptProfile mixed = ProfileScripts("NATO: Києві");
  EXPECT_EQ(mixed.dominant, Script::kCyrillic);
  EXPECT_NEAR(mixed.share, 5.0 / 9.0, 1e-9);
}

TEST(ScriptEvidenceTest, LanguagesAndTheirScripts) {
  EXPECT_TRUE(LanguageUsesScript("en", Script::kLatin));
  EXPECT_FALSE(LanguageUsesScript("en", Script::kCyrillic));
  EXPECT_TRUE(LanguageUsesScript("uk", Script::kCyrillic));
  EXPECT_FALSE(LanguageUsesScript("uk", Script::kLatin));
  EXPECT_TRUE(LanguageUsesScript("sr", Script::kCyrillic));
  EXPECT_TRUE(LanguageUsesScript("sr", Script::kLatin));
  EXPECT_FALSE(LanguageUsesScript("hr", Script::kCyrillic));
  EXPECT_TRUE(LanguageUsesScript("ja", Script::kHan));
  EXPECT_TRUE(LanguageUsesScript("ja", Script::kKana));
  EXPECT_FALSE(LanguageUsesScript("zh", Script::kKana));
  EXPECT_TRUE(LanguageUsesScript("fa", Script::kArabic));
  EXPECT_EQ(LanguageDecidedByScript(Script::kHangul), "ko");
  EXPECT_EQ(LanguageDecidedByScript(Script::kKana), "ja");
  EXPECT_EQ(LanguageDecidedByScript(Script::kGreek), "el");
  EXPECT_EQ(LanguageDecidedByScript(Script::kGeorgian), "ka");
  EXPECT_EQ(LanguageDecidedByScript(Script::kCyrillic), "");
  EXPECT_EQ(LanguageDecidedByScript(Script::kHebrew), "");  // he and yi
}

}  // namespace
}  // namespace crossalign::internal
