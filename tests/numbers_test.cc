// Number normalisation across locales (internal component).
#include "base/numbers.h"

#include <gtest/gtest.h>

namespace crossalign::internal {
namespace {

using Numbers = std::vector<std::string>;

TEST(NumbersTest, ThousandsSeparatorsOfManyLocales) {
  // "11,000" is 11000 in English and 11 in German: both readings.
  EXPECT_EQ(ExtractNumbers("11,000 troops"), Numbers({"11000", "11"}));
  EXPECT_EQ(ExtractNumbers("11 000 військових"), Numbers({"11000"}));
  EXPECT_EQ(ExtractNumbers("11\xC2\xA0"
                           "000 Soldaten"),
            Numbers({"11000"}));
  EXPECT_EQ(ExtractNumbers("11'000 Soldaten"), Numbers({"11000"}));
  EXPECT_EQ(ExtractNumbers("1,234,567.5"), Numbers({"1234567.5"}));
  EXPECT_EQ(ExtractNumbers("1.234.567,5"), Numbers({"1234567.5"}));
}

TEST(NumbersTest, DecimalsAndAmbiguousGroups) {
  EXPECT_EQ(ExtractNumbers("1,2 млрд"), Numbers({"1.2", "1200000000"}));
  EXPECT_EQ(ExtractNumbers("1.2 billion"), Numbers({"1.2", "1200000000"}));
  // Three digits after one separator: 11000 in German, 11.0 in English.
  EXPECT_EQ(ExtractNumbers("11.000"), Numbers({"11000", "11"}));
}

TEST(NumbersTest, MagnitudeWords) {
  EXPECT_EQ(ExtractNumbers("11 тисяч"), Numbers({"11", "11000"}));
  EXPECT_EQ(ExtractNumbers("1만 1천 명"), Numbers({"1", "11000"}));
  EXPECT_EQ(ExtractNumbers("345억 원"), Numbers({"345", "34500000000"}));
  EXPECT_EQ(ExtractNumbers("1.1万人次"), Numbers({"1.1", "11000"}));
}

TEST(NumbersTest, SeparateNumbersStaySeparate) {
  EXPECT_EQ(ExtractNumbers("at 10:30 on 14.03.2025"),
            Numbers({"10", "30", "14", "3", "2025"}));
  EXPECT_EQ(ExtractNumbers("in 2022, 300 people"), Numbers({"2022", "300"}));
  EXPECT_EQ(ExtractNumbers("no digits here"), Numbers());
}

TEST(NumbersTest, HugeDigitRunsDoNotThrow) {
  const std::string digits(400, '9');
  EXPECT_EQ(ExtractNumbers(digits), Numbers({digits}));
}

}  // namespace
}  // namespace crossalign::internal
