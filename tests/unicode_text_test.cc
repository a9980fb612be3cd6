// The internal text module: UTF-8 decoding and the case foldings.
#include "base/unicode_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crossalign::internal {
namespace {

TEST(DecodeUtf8Test, SkipsIllFormedSequences) {
  // "Añ€😀" then a stray continuation byte, a truncated 3-byte sequence, an
  // encoded surrogate (ED A0 80) and an overlong '/' (C0 AF).
  EXPECT_EQ(DecodeUtf8("A\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80"),
            U"A\u00F1\u20AC\U0001F600");
  EXPECT_EQ(DecodeUtf8("a\x80"
                       "b\xE2\x82"
                       "c\xED\xA0\x80"
                       "d\xC0\xAF"
                       "e"),
            U"abcde");
  EXPECT_EQ(DecodeUtf8(""), U"");
}

TEST(DecodeUtf8Test, WithOffsetsReplacesAndKeepsByteOffsets) {
  std::u32string cps;
  std::vector<size_t> offsets;
  DecodeUtf8WithOffsets(
      "\xD0\x9C\xFF"
      "x",
      &cps, &offsets);
  EXPECT_EQ(cps, U"\u041C\uFFFDx");
  EXPECT_EQ(offsets, (std::vector<size_t>{0, 2, 3, 4}));
  DecodeUtf8WithOffsets("", &cps, &offsets);  // cleared, end offset only
  EXPECT_TRUE(cps.empty());
  EXPECT_EQ(offsets, std::vector<size_t>{0});
}

TEST(CodePointTest, AtAndBefore) {
  const std::string text = "a\xC3\xA9\xE2\x80\x9D";  // a é ”
  EXPECT_EQ(CodePointAt(text, 0, text.size()), 'a');
  EXPECT_EQ(CodePointAt(text, 1, text.size()), 0xE9);
  EXPECT_EQ(CodePointAt(text, 3, text.size()), 0x201D);
  // Cut short by `end`, or starting on a continuation byte: ill-formed.
  EXPECT_LT(CodePointAt(text, 3, 5), 0);
  EXPECT_LT(CodePointAt(text, 2, text.size()), 0);

  EXPECT_EQ(PreviousCodePointStart(text, 0, 6), 3u);
  EXPECT_EQ(PreviousCodePointStart(text, 0, 3), 1u);
  EXPECT_EQ(PreviousCodePointStart(text, 0, 1), 0u);
  EXPECT_EQ(PreviousCodePointStart(text, 0, 0), 0u);
  // Never before `begin`, even inside a sequence.
  EXPECT_EQ(PreviousCodePointStart(text, 4, 6), 4u);
}

TEST(Utf8SequenceLengthTest, ByLeadByte) {
  EXPECT_EQ(Utf8SequenceLength('a'), 1u);
  EXPECT_EQ(Utf8SequenceLength(0x80), 1u);  // cannot lead: move on by one
  EXPECT_EQ(Utf8SequenceLength(0xC3), 2u);
  EXPECT_EQ(Utf8SequenceLength(0xE2), 3u);
  EXPECT_EQ(Utf8SequenceLength(0xF0), 4u);
  EXPECT_TRUE(IsUtf8Continuation(0x80));
  EXPECT_TRUE(IsUtf8Continuation(0xBF));
  EXPECT_FALSE(IsUtf8Continuation(0xC0));
  EXPECT_FALSE(IsUtf8Continuation('a'));
}

// The two foldings differ exactly where full folding expands a character.
TEST(CaseFoldingTest, SimpleKeepsOneCodePointFullExpands) {
  // Straße, ΣΟΦΌΣ, İ (dotted capital I), ǅ (titlecase digraph).
  const std::string text =
      "Stra\xC3\x9F"
      "e \xCE\xA3\xCE\x9F\xCE\xA6\xCE\x8C\xCE\xA3";
  EXPECT_EQ(FoldCase(text),
            "stra\xC3\x9F"
            "e \xCF\x83\xCE\xBF\xCF\x86\xCF\x8C\xCF\x83");
  EXPECT_EQ(FoldCaseFull(text),
            "strasse \xCF\x83\xCE\xBF\xCF\x86\xCF\x8C\xCF\x83");
  // U+0130: simple folding keeps it, full folding gives i + combining dot.
  EXPECT_EQ(FoldCase("\xC4\xB0"), "\xC4\xB0");
  EXPECT_EQ(FoldCaseFull("\xC4\xB0"), "i\xCC\x87");
  // Ill-formed bytes: dropped by FoldCase, U+FFFD in FoldCaseFull.
  EXPECT_EQ(FoldCase("A\xFF"
                     "B"),
            "ab");
  EXPECT_EQ(FoldCaseFull("A\xFF"
                         "B"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(CaseFoldingTest, CodePoints) {
  EXPECT_EQ(FoldCodePoint('Q'), 'q');
  EXPECT_EQ(FoldCodePoint(0x0416), 0x0436);   // Ж -> ж
  EXPECT_EQ(FoldCodePoint(0x03C2), 0x03C3);   // final sigma folds to σ
  EXPECT_EQ(LowerCodePoint(0x03C2), 0x03C2);  // but stays lower case ς
  EXPECT_EQ(LowerCodePoint(0x0416), 0x0436);
  EXPECT_EQ(LowerCodePoint('7'), '7');
}

}  // namespace
}  // namespace crossalign::internal
