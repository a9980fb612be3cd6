// The runs behind `align` (RunCollectionJob, RunPairJob in
// crossalign/collection.h) through the library, on corpora/ with the real
// model: which files they write, what they refuse before any work, and what
// they say. The expectations come from how corpora/ was written
// (dniester-bridge's Kyiv Ledger articles in English and Ukrainian are one
// story and translations; seoul-night-bus's Hanul Times articles in English
// and Korean are another story) and from the file naming documented in
// collection.h and writers.h.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "jobs/batch.h"
#include "jobs/collection_job.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::SourceDir;
using testing::WriteFile;

using Messages = std::vector<std::pair<RunMessage, std::string>>;

std::string Corpus(const std::string& path) {
  return SourceDir() + "/corpora/" + path;
}

const std::string kLedgerEn = "dniester-bridge/kyiv-ledger.en.txt";
const std::string kLedgerUk = "dniester-bridge/kyiv-ledger.uk.txt";
const std::string kHanulEn = "seoul-night-bus/hanul-times.en.txt";
const std::string kHanulKo = "seoul-night-bus/hanul-times.ko.txt";

// Two stories of two articles each, written into a fresh folder.
CollectionJob TwoStories(const std::string& dir, Messages* messages) {
  CollectionJob job;
  job.inputs = {Corpus(kLedgerEn), Corpus(kLedgerUk), Corpus(kHanulEn),
                Corpus(kHanulKo)};
  job.output_dir = dir + "/out";
  job.report_path = dir + "/report.jsonl";
  job.clusters_path = dir + "/clusters.jsonl";
  job.writer.tmx = testing::FixedDate();
  job.writer.replace = false;
  job.report = [messages](RunMessage kind, const std::string& text) {
    messages->emplace_back(kind, text);
  };
  return job;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(CollectionRunTest, StoriesAreWrittenAsABatchManifestOfWholeStories) {
  const std::string dir = MakeTempDir();
  Messages messages;
  CollectionJob job = TwoStories(dir, &messages);
  job.output_dir.clear();  // not needed: nothing is aligned
  job.stories_path = dir + "/stories.tsv";
  const RunResult result = RunCollectionJob(PipelineOptions(), job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_FALSE(Exists(dir + "/out"));
  EXPECT_FALSE(Exists(job.report_path));
  auto items = ReadBatchManifest(job.stories_path);
  ASSERT_TRUE(items.ok()) << items.status();
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].id, "story-000001");
  EXPECT_EQ((*items)[0].files,
            (std::vector<std::string>{Corpus(kLedgerEn), Corpus(kLedgerUk)}));
  EXPECT_EQ((*items)[1].id, "story-000002");
  EXPECT_EQ((*items)[1].files,
            (std::vector<std::string>{Corpus(kHanulEn), Corpus(kHanulKo)}));
}

TEST(CollectionRunTest, WritesOneFilePerLanguagePairAndTheReport) {
  const std::string dir = MakeTempDir();
  Messages messages;
  CollectionJob job = TwoStories(dir, &messages);
  std::vector<std::pair<size_t, size_t>> progress;
  job.progress = [&progress](size_t done, size_t total) {
    progress.emplace_back(done, total);
  };
  const RunResult result = RunCollectionJob(PipelineOptions(), job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.fault, RunFault::kNone);
  // Aligning starts, then one call per aligned pair: the two translations.
  EXPECT_EQ(progress,
            (std::vector<std::pair<size_t, size_t>>{{0, 0}, {1, 2}, {2, 2}}));
  EXPECT_EQ(result.problems, 0u);

  // English has two articles, so it is the source of both pairs.
  EXPECT_EQ(ListDir(dir + "/out"),
            (std::vector<std::string>{"en-ko.tmx", "en-uk.tmx"}));
  testing::ExpectValidTmxFile(dir + "/out/en-uk.tmx");
  testing::ExpectValidTmxFile(dir + "/out/en-ko.tmx");
  EXPECT_GT(Count(ReadFile(dir + "/out/en-uk.tmx"), "<tu "), 10u);

  // Four articles: the two pairs inside the stories aligned as
  // translations, and those of the four across them that share a name or
  // number considered and left unrelated.
  const std::string report = ReadFile(dir + "/report.jsonl");
  EXPECT_EQ(report, result.decisions);
  const size_t considered = testing::Lines(report).size();
  EXPECT_GE(considered, 2u);
  EXPECT_LE(considered, 6u);
  EXPECT_EQ(Count(report, "\"decision\":\"translation\""), 2u);
  EXPECT_EQ(Count(report, "\"decision\":\"unrelated\""), considered - 2);
  EXPECT_TRUE(Exists(dir + "/clusters.jsonl"));

  // The decisions, then each file written, in language-pair order.
  std::vector<std::string> written;
  size_t decisions = 0;
  for (const auto& [kind, text] : messages) {
    if (kind == RunMessage::kDecisions) {
      EXPECT_TRUE(written.empty());
      EXPECT_EQ(text, report);
      ++decisions;
    }
    if (kind == RunMessage::kWritten) written.push_back(text);
    EXPECT_NE(kind, RunMessage::kSkipped) << text;
    EXPECT_NE(kind, RunMessage::kWarning) << text;
  }
  EXPECT_EQ(decisions, 1u);
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0], "wrote " + dir + "/out/en-ko.tmx (1 pair)");
  EXPECT_EQ(written[1], "wrote " + dir + "/out/en-uk.tmx (1 pair)");
  EXPECT_EQ(written[2].rfind("wrote ", 0), 0u);
  EXPECT_NE(written[2].find(" passage clusters to " + dir + "/clusters.jsonl"),
            std::string::npos);
}

TEST(CollectionRunTest, RefusesAnExistingOutputBeforeAligning) {
  const std::string dir = MakeTempDir();
  testing::WriteFile(dir + "/report.jsonl", "mine\n");
  Messages messages;
  const RunResult result =
      RunCollectionJob(PipelineOptions(), TwoStories(dir, &messages));
  EXPECT_EQ(result.fault, RunFault::kOutput);
  EXPECT_EQ(result.status.message(),
            "1 output file(s) this run may write exist; pass --force to "
            "replace them (nothing was aligned):\n  " +
                dir + "/report.jsonl");
  EXPECT_EQ(ReadFile(dir + "/report.jsonl"), "mine\n");
  EXPECT_FALSE(Exists(dir + "/out"));
  for (const auto& [kind, text] : messages) {
    EXPECT_NE(kind, RunMessage::kDecisions);
    EXPECT_NE(kind, RunMessage::kWritten) << text;
  }
}

TEST(CollectionRunTest, RefusesAFileNameOrNoFolderAsTheOutput) {
  const std::string dir = MakeTempDir();
  Messages messages;
  CollectionJob job = TwoStories(dir, &messages);
  job.output_dir = dir + "/all.tmx";
  RunResult result = RunCollectionJob(PipelineOptions(), job);
  EXPECT_EQ(result.fault, RunFault::kRequest);
  EXPECT_NE(result.status.message().find("names a file; give a folder"),
            std::string::npos);
  EXPECT_FALSE(Exists(dir + "/all.tmx"));

  job.output_dir.clear();
  result = RunCollectionJob(PipelineOptions(), job);
  EXPECT_EQ(result.fault, RunFault::kRequest);
  EXPECT_TRUE(messages.empty());
}

TEST(CollectionRunTest, SkipsAMissingArticleAndWritesTheRest) {
  const std::string dir = MakeTempDir();
  Messages messages;
  CollectionJob job = TwoStories(dir, &messages);
  job.inputs = {Corpus(kLedgerEn), dir + "/missing.txt", Corpus(kLedgerUk)};
  const RunResult result = RunCollectionJob(PipelineOptions(), job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 1u);
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages[0].first, RunMessage::kSkipped);
  EXPECT_NE(messages[0].second.find(dir + "/missing.txt"), std::string::npos);
  EXPECT_EQ(ListDir(dir + "/out"), (std::vector<std::string>{"en-uk.tmx"}));
}

TEST(CollectionRunTest, NeedsTwoUsableArticles) {
  const std::string dir = MakeTempDir();
  Messages messages;
  CollectionJob job = TwoStories(dir, &messages);
  job.inputs = {Corpus(kLedgerEn), dir + "/missing.txt", dir + "/none.txt"};
  const RunResult result = RunCollectionJob(PipelineOptions(), job);
  EXPECT_EQ(result.fault, RunFault::kInput);
  EXPECT_EQ(result.status.message(),
            "need at least two usable articles, got 1");
  EXPECT_FALSE(Exists(dir + "/out"));
}

TEST(PairRunTest, WritesATranslationToTheGivenStream) {
  Messages messages;
  PairJob job;
  job.src_file = Corpus(kLedgerEn);
  job.tgt_file = Corpus(kLedgerUk);
  std::ostringstream out;
  job.standard_output = &out;
  job.writer.tmx = testing::FixedDate();
  job.report = [&messages](RunMessage kind, const std::string& text) {
    messages.emplace_back(kind, text);
  };
  const RunResult result = RunPairJob(PipelineOptions(), job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 0u);
  testing::ExpectValidTmxText(out.str());
  EXPECT_EQ(Count(out.str(), "<tu "), result.units);
  EXPECT_GT(result.units, 10u);
  EXPECT_EQ(testing::Lines(result.decisions).size(), 1u);
  EXPECT_NE(result.decisions.find("\"decision\":\"translation\""),
            std::string::npos);
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages.back().first, RunMessage::kWritten);
  EXPECT_EQ(messages.back().second,
            std::to_string(result.units) +
                " unit(s) written (en-uk, translation mode) to standard "
                "output");
}

TEST(PairRunTest, WarnsAboutArticlesOfDifferentStories) {
  const std::string dir = MakeTempDir();
  Messages messages;
  PairJob job;
  job.src_file = Corpus(kLedgerEn);
  job.tgt_file = Corpus(kHanulKo);
  job.output = dir + "/out.tsv";
  job.format = OutputFormat::kTsv;
  job.report = [&messages](RunMessage kind, const std::string& text) {
    messages.emplace_back(kind, text);
  };
  const RunResult result = RunPairJob(PipelineOptions(), job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 1u);
  EXPECT_EQ(result.units, 0u);
  // Nothing aligned: the header line only.
  EXPECT_EQ(testing::Lines(ReadFile(dir + "/out.tsv")).size(), 1u);
  size_t warnings = 0;
  for (const auto& [kind, text] : messages) {
    if (kind != RunMessage::kWarning) continue;
    ++warnings;
    EXPECT_EQ(text.rfind(job.src_file + " and " + job.tgt_file +
                             " look like reports of different stories; "
                             "nothing aligned (",
                         0),
              0u)
        << text;
  }
  EXPECT_EQ(warnings, 1u);
  EXPECT_EQ(messages.back().second,
            "0 unit(s) written (en-ko, unrelated) to " + job.output);
}

TEST(PairRunTest, RefusesAnExistingOutputBeforeAligning) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/out.tmx", "mine");
  PairJob job;
  job.src_file = Corpus(kLedgerEn);
  job.tgt_file = Corpus(kLedgerUk);
  job.output = dir + "/out.tmx";
  job.writer.replace = false;
  size_t said = 0;
  job.report = [&said](RunMessage, const std::string&) { ++said; };
  const RunResult result = RunPairJob(PipelineOptions(), job);
  EXPECT_EQ(result.fault, RunFault::kOutput);
  EXPECT_EQ(result.status.message(),
            dir + "/out.tmx exists; pass --force to replace it");
  EXPECT_EQ(said, 0u);
  EXPECT_EQ(ReadFile(dir + "/out.tmx"), "mine");
}

}  // namespace
}  // namespace crossalign
