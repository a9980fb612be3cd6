// The align tool's option values and operands (jobs/option_values.h), the
// timing of its progress lines (jobs/progress_meter.h) and the order of a
// dictionary it writes (jobs/dict_job.h). The expected values are worked
// out by hand: 2026-01-01 is 20,454 days (56 years, 14 of them leap) after
// 1970-01-01, 1,767,225,600 seconds.
#include "jobs/option_values.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "jobs/dict_job.h"
#include "jobs/progress_meter.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeTempDir;
using testing::WriteFile;

TEST(OptionValuesTest, CountTakesDigitsOnlyWithinTheRange) {
  uint64_t n = 7;
  EXPECT_TRUE(ParseCount("42", 1, 100, &n));
  EXPECT_EQ(n, 42u);
  for (const char* bad :
       {"", "1.5", "2x", " 2", "-1", "0", "101", "9999999999999999999999"}) {
    EXPECT_FALSE(ParseCount(bad, 1, 100, &n)) << bad;
  }
  EXPECT_EQ(n, 42u);  // left alone when refused
}

TEST(OptionValuesTest, DoubleTakesPlainDecimalsWithinTheRange) {
  double x = 0;
  EXPECT_TRUE(ParseDouble("0.5", 0, 1, &x));
  EXPECT_EQ(x, 0.5);
  EXPECT_TRUE(ParseDouble("-2", -5, 5, &x));
  EXPECT_EQ(x, -2.0);
  EXPECT_TRUE(ParseDouble("1e3", 0, 1e4, &x));
  EXPECT_EQ(x, 1000.0);
  for (const char* bad : {"", "0x1", "inf", "nan", " 1", "1 ", "1e-400",
                          "1e400", "e3", "1.5.2", "2"}) {
    EXPECT_FALSE(ParseDouble(bad, 0, 1.5, &x)) << bad;
  }
}

TEST(OptionValuesTest, DateInEachShapeAndOnlyRealDates) {
  using std::chrono::system_clock;
  system_clock::time_point t;
  ASSERT_TRUE(ParseDate("2026-01-01", &t));
  EXPECT_EQ(system_clock::to_time_t(t), 1767225600);
  ASSERT_TRUE(ParseDate("2026-01-01T12:00:00Z", &t));
  EXPECT_EQ(system_clock::to_time_t(t), 1767225600 + 12 * 3600);
  ASSERT_TRUE(ParseDate("20260101T120001Z", &t));
  EXPECT_EQ(system_clock::to_time_t(t), 1767225600 + 12 * 3600 + 1);
  EXPECT_TRUE(ParseDate("2024-02-29", &t));  // a leap year
  for (const char* bad :
       {"2025-02-29", "2025-02-31", "2026-13-01", "1969-12-31", "2026-1-01",
        "2026-01-01T24:00:00Z", "2026-01-01T12:00:00", "01/01/2026", ""}) {
    EXPECT_FALSE(ParseDate(bad, &t)) << bad;
  }
}

TEST(OptionValuesTest, FilesFoldersAndManyArticleRuns) {
  const std::string dir = MakeTempDir();
  const std::string a = dir + "/a.txt", b = dir + "/b.txt";
  WriteFile(a, "one\n");
  WriteFile(b, "two\n");
  EXPECT_TRUE(IsDirectory(dir));
  EXPECT_FALSE(IsDirectory(a));
  EXPECT_TRUE(SameFile(a, dir + "/./a.txt"));
  EXPECT_FALSE(SameFile(a, b));
  EXPECT_FALSE(SameFile(a, dir + "/missing.txt"));
  EXPECT_FALSE(IsManyArticleRun({a, b}, dir + "/out.tmx", false));
  EXPECT_TRUE(IsManyArticleRun({a}, "", false));
  EXPECT_TRUE(IsManyArticleRun({a, b, a}, "", false));
  EXPECT_TRUE(IsManyArticleRun({"@" + a, b}, "", false));
  EXPECT_TRUE(IsManyArticleRun({dir, b}, "", false));
  EXPECT_TRUE(IsManyArticleRun({a, b}, dir, false));
  EXPECT_TRUE(IsManyArticleRun({a, b}, "new-folder/", false));
  EXPECT_TRUE(IsManyArticleRun({a, b}, "", true));
  EXPECT_EQ(AbsolutePath("/x/y"), "/x/y");
  EXPECT_EQ(AbsolutePath("y").substr(0, 1), "/");
  EXPECT_EQ(AbsolutePath("y").substr(AbsolutePath("y").size() - 2), "/y");
}

TEST(OptionValuesTest, RecordedBatchManifest) {
  const std::string dir = MakeTempDir();
  EXPECT_EQ(RecordedBatchManifest(dir), "");
  WriteFile(dir + "/.manifest", "/data/news.tsv\n");
  EXPECT_EQ(RecordedBatchManifest(dir), "/data/news.tsv");
}

TEST(ProgressMeterTest, ElsewhereThanATerminalOneLineAtEachNewTenth) {
  ProgressMeter meter(false);
  EXPECT_FALSE(meter.Due(0, 0));
  EXPECT_FALSE(meter.Due(0, 20));
  EXPECT_FALSE(meter.Due(1, 20));  // 5%: no tenth yet
  EXPECT_TRUE(meter.Due(2, 20));   // 10%
  EXPECT_FALSE(meter.Due(3, 20));  // still the first tenth
  EXPECT_TRUE(meter.Due(15, 20));  // 75%: the seventh tenth
  EXPECT_TRUE(meter.Due(20, 20));
  EXPECT_EQ(meter.Eta(0, 20), 0);
  EXPECT_EQ(meter.Eta(20, 20), 0);
  ProgressMeter terminal(true);
  EXPECT_TRUE(terminal.Due(0, 20));
  EXPECT_TRUE(terminal.Due(0, 20));
  EXPECT_FALSE(terminal.Due(0, 0));
}

TEST(DictJobTest, OutputOrderByNameUnlessGiven) {
  EXPECT_EQ(DictionaryOutputFormat("de-fr.dic", DictionaryFormat::kAuto),
            DictionaryFormat::kHunalign);
  EXPECT_EQ(DictionaryOutputFormat("de-fr.dict", DictionaryFormat::kAuto),
            DictionaryFormat::kSourceTarget);
  EXPECT_EQ(DictionaryOutputFormat(".dic", DictionaryFormat::kAuto),
            DictionaryFormat::kSourceTarget);
  EXPECT_EQ(
      DictionaryOutputFormat("de-fr.dic", DictionaryFormat::kSourceTarget),
      DictionaryFormat::kSourceTarget);
}

TEST(DictJobTest, PivotComposesAndReverseSwaps) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/de-en.dict", "Haus @ house\nBaum @ tree\n");
  WriteFile(dir + "/en-fr.dict", "house @ maison\n");
  DictJob job;
  job.verb = "pivot";
  job.files = {dir + "/de-en.dict", dir + "/en-fr.dict"};
  StatusOr<Dictionary> dict = MakeDictionary(job);
  ASSERT_TRUE(dict.ok()) << dict.status();
  // Entries are case-folded (Dictionary::Add).
  EXPECT_EQ(dict->Serialize(DictionaryFormat::kSourceTarget),
            "haus @ maison\n");
  job.reverse = true;
  dict = MakeDictionary(job);
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ(dict->Serialize(DictionaryFormat::kSourceTarget),
            "maison @ haus\n");
  job.files[1] = dir + "/missing.dict";
  EXPECT_FALSE(MakeDictionary(job).ok());
}

}  // namespace
}  // namespace crossalign
