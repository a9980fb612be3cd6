#include "crossalign/tmx_merge.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "crossalign/tmx_reader.h"
#include "jobs/merge_job.h"
#include "test_support.h"

namespace crossalign {
namespace {

// A TMX file as another tool writes it, read by the real reader.
TmxMemory Read(const std::string& name, const std::string& header,
               const std::string& body) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
      "<header creationtool=\"t\" creationtoolversion=\"1\" "
      "segtype=\"sentence\" o-tmf=\"t\" datatype=\"plaintext\" " +
      header + "</header>\n<body>\n" + body + "</body>\n</tmx>\n";
  StatusOr<TmxMemory> memory = TmxReader().Parse(name, xml);
  EXPECT_TRUE(memory.ok()) << memory.status();
  return memory.ok() ? *memory : TmxMemory();
}

std::string Unit(const std::string& score, const std::string& lang1,
                 const std::string& text1, const std::string& lang2,
                 const std::string& text2) {
  return "<tu>" +
         (score.empty() ? "" : "<prop type=\"x-score\">" + score + "</prop>") +
         "<tuv xml:lang=\"" + lang1 + "\"><seg>" + text1 +
         "</seg></tuv><tuv xml:lang=\"" + lang2 + "\"><seg>" + text2 +
         "</seg></tuv></tu>\n";
}

std::string Text(const TmxUnit& unit, size_t k) {
  return unit.variants.at(k).lang + ":" + unit.variants.at(k).text;
}

TEST(TmxMergeTest, DuplicatesKeepTheBestScoreFirstOnTies) {
  std::vector<TmxMemory> in;
  in.push_back(
      Read("a.tmx", "adminlang=\"en\" srclang=\"en\">",
           Unit("0.40", "en", "Rain fell.", "uk", "Йшов дощ.") +
               Unit("0.70", "en", "Prices rose.", "uk", "Ціни зросли.")));
  // The same unit with other white space, language case and variant order,
  // and a better score; the second duplicate of "Prices rose." ties.
  in.push_back(
      Read("b.tmx", "adminlang=\"en\" srclang=\"uk\">",
           Unit("0.90", "UK", "Йшов  дощ.", "en", " Rain\nfell.") +
               Unit("0.70", "en", "Prices  rose.", "uk", "Ціни зросли.")));
  const TmxMergeResult merged = MergeTmx(in, {});
  EXPECT_EQ(merged.units_read, 4u);
  EXPECT_EQ(merged.duplicates, 2u);
  ASSERT_EQ(merged.memory.units.size(), 2u);
  // The better unit replaces the first at its place, source variant first.
  EXPECT_EQ(UnitScore(merged.memory.units[0]), 0.9);
  EXPECT_EQ(Text(merged.memory.units[0], 0), "en: Rain\nfell.");
  // On a tie the first read is kept (its text has one space).
  EXPECT_EQ(Text(merged.memory.units[1], 0), "en:Prices rose.");
}

TEST(TmxMergeTest, LanguageAndScoreFiltersAndHalfEmptyUnits) {
  std::vector<TmxMemory> in;
  in.push_back(
      Read("a.tmx", "adminlang=\"en\" srclang=\"en\">",
           Unit("0.80", "en-GB", "Bridge opened.", "uk", "Міст відкрили.") +
               Unit("0.80", "en", "Bridge opened.", "de", "Brücke eröffnet.") +
               Unit("0.20", "en", "Low.", "uk", "Низько.") +
               Unit("", "en", "No score.", "uk", "Без оцінки.") +
               Unit("0.90", "en", "Half.", "uk", " ")));
  TmxMergeOptions options;
  options.langs = {"uk", "en"};
  options.min_score = 0.5;
  const TmxMergeResult merged = MergeTmx(in, options);
  EXPECT_EQ(merged.units_read, 5u);
  EXPECT_EQ(merged.half_empty, 1u);
  // en-de lacks uk; 0.20 is below 0.5; a unit without a score fails it.
  EXPECT_EQ(merged.filtered, 3u);
  ASSERT_EQ(merged.memory.units.size(), 1u);
  EXPECT_EQ(Text(merged.memory.units[0], 0), "en-GB:Bridge opened.");

  // Without filters the scoreless unit is kept.
  const TmxMergeResult all = MergeTmx(in, {});
  EXPECT_EQ(all.filtered, 0u);
  EXPECT_EQ(all.memory.units.size(), 4u);
}

TEST(TmxMergeTest, SourceLanguageAndHeader) {
  std::vector<TmxMemory> in;
  in.push_back(Read("a.tmx",
                    "adminlang=\"de\" srclang=\"*all*\">"
                    "<prop type=\"x-corpus\">news</prop>"
                    "<prop type=\"x-site\">a</prop>",
                    Unit("0.5", "uk", "Привіт.", "en", "Hello.")));
  in.push_back(Read("b.tmx",
                    "adminlang=\"en\" srclang=\"en\">"
                    "<prop type=\"x-corpus\">news</prop>"
                    "<prop type=\"x-site\">b</prop>",
                    Unit("0.5", "en", "Bye.", "uk", "Бувай.")));
  // srclang *all*: the first variant's language; the props of both, once.
  TmxMergeResult merged = MergeTmx(in, {});
  EXPECT_EQ(merged.memory.version, "1.4");
  EXPECT_EQ(merged.memory.header.adminlang, "de");
  EXPECT_EQ(merged.memory.header.srclang, "uk");
  ASSERT_EQ(merged.memory.header.props.size(), 3u);
  EXPECT_EQ(merged.memory.header.props[2].value, "b");
  EXPECT_EQ(Text(merged.memory.units[1], 0), "uk:Бувай.");
  // A source language given: its variant first in every unit.
  TmxMergeOptions options;
  options.src_lang = "en";
  merged = MergeTmx(in, options);
  EXPECT_EQ(merged.memory.header.srclang, "en");
  EXPECT_EQ(Text(merged.memory.units[0], 0), "en:Hello.");
  EXPECT_EQ(Text(merged.memory.units[1], 0), "en:Bye.");
}

// A folder with a.tmx ("Hi." at 0.5, then `second_unit`) and b.tmx ("Hi."
// again, at 0.9).
std::string TwoMemories(const std::string& second_unit) {
  const std::string dir = testing::MakeTempDir();
  const std::string head =
      "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en\"/>"
      "<body>";
  testing::WriteFile(dir + "/a.tmx",
                     head + Unit("0.5", "en", "Hi.", "uk", "Привіт.") +
                         second_unit + "</body></tmx>");
  testing::WriteFile(
      dir + "/b.tmx",
      head + Unit("0.9", "en", "Hi.", "uk", "Привіт.") + "</body></tmx>");
  return dir;
}

TEST(TmxMergeTest, FilesAreReadReportedAndMerged) {
  const std::string dir = TwoMemories(Unit("0.5", "en", "Half.", "uk", ""));
  testing::WriteFile(dir + "/broken.tmx", "<tmx><body>");
  std::vector<std::string> messages;
  auto merged = MergeTmxFiles(
      {dir + "/a.tmx", dir + "/broken.tmx", dir + "/b.tmx"}, {},
      [&](TmxMergeMessage kind, const std::string& message) {
        messages.push_back(std::to_string(static_cast<int>(kind)) + " " +
                           message);
      });
  ASSERT_TRUE(merged.ok()) << merged.status();
  ASSERT_EQ(merged->memory.units.size(), 1u);
  EXPECT_EQ(UnitScore(merged->memory.units[0]), 0.9);
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0], "2 " + dir + "/a.tmx: 2 units (TMX 1.4)");
  EXPECT_EQ(messages[1].rfind("0 " + dir + "/broken.tmx", 0), 0u)
      << messages[1];
  EXPECT_NE(messages[1].find("; skipped"), std::string::npos);
  EXPECT_EQ(messages[2], "2 " + dir + "/b.tmx: 1 units (TMX 1.4)");
  EXPECT_EQ(messages[3],
            "1 merge: 1 unit(s) with fewer than two non-empty variants left "
            "out");
  auto none = MergeTmxFiles({dir + "/broken.tmx"}, {},
                            [](TmxMergeMessage, const std::string&) {});
  EXPECT_EQ(none.status().message(),
            "merge: no usable input: none of the 1 file(s) could be read");
}

TEST(TmxMergeTest, MemoryBoundNamesTheSizes) {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/big.tmx", std::string(200000, 'x'));
  EXPECT_TRUE(CheckTmxMergeMemory({dir + "/big.tmx"}, 16 << 20).ok());
  const Status refused =
      CheckTmxMergeMemory({dir + "/big.tmx", dir + "/missing.tmx"}, 5 << 20);
  EXPECT_EQ(refused.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(refused.message().find("above --max-memory 5 MB"),
            std::string::npos)
      << refused;
}

TEST(TmxMergeTest, JobWritesTheMergedMemoryAndSaysWhatItDid) {
  const std::string dir =
      TwoMemories(Unit("0.6", "en", "Bye.", "uk", "Бувай."));
  TmxMergeJob job;
  job.inputs = {dir + "/a.tmx", dir + "/missing.tmx", dir + "/b.tmx"};
  job.output = dir + "/out.tmx";
  job.tmx = testing::FixedDate();
  std::vector<std::pair<RunMessage, std::string>> messages;
  job.report = [&](RunMessage kind, const std::string& text) {
    messages.emplace_back(kind, text);
  };
  const RunResult result = RunTmxMergeJob(job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 1u);  // the missing file
  EXPECT_EQ(result.units, 2u);
  testing::ExpectValidTmxFile(job.output);
  auto written = TmxReader().ReadFile(job.output);
  ASSERT_TRUE(written.ok()) << written.status();
  ASSERT_EQ(written->units.size(), 2u);
  EXPECT_EQ(UnitScore(written->units[0]), 0.9);
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0],
            std::make_pair(RunMessage::kDetail,
                           "merge: " + dir + "/a.tmx: 2 units (TMX 1.4)"));
  EXPECT_EQ(messages[1].first, RunMessage::kSkipped);
  EXPECT_EQ(messages[1].second.rfind(dir + "/missing.tmx", 0), 0u)
      << messages[1].second;
  EXPECT_EQ(messages[3],
            std::make_pair(RunMessage::kDetail,
                           std::string("merge: 3 units read, 1 duplicates "
                                       "removed, 0 filtered out, 2 written")));

  // The output now exists: refused before anything is read.
  messages.clear();
  const RunResult again = RunTmxMergeJob(job);
  EXPECT_EQ(again.fault, RunFault::kOutput);
  EXPECT_TRUE(messages.empty());
}

}  // namespace
}  // namespace crossalign
