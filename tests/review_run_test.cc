// `align review` through the library (RunReviewPageJob, RunReviewApplyJob in
// crossalign/review_page.h): which files they write, what they skip or
// refuse, and what they say, on a memory of three units written here by
// hand.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "crossalign/tmx_reader.h"
#include "jobs/review_job.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Exists;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::WriteFile;

using Messages = std::vector<std::pair<RunMessage, std::string>>;

std::string Unit(const std::string& tuid, const std::string& en,
                 const std::string& uk) {
  return "<tu tuid=\"" + tuid + "\"><tuv xml:lang=\"en\"><seg>" + en +
         "</seg></tuv><tuv xml:lang=\"uk\"><seg>" + uk + "</seg></tuv></tu>\n";
}

// Three units: a1, b2, c3.
std::string WriteMemory(const std::string& dir) {
  const std::string path = dir + "/en-uk.tmx";
  WriteFile(
      path,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
      "<header creationtool=\"hand\" creationtoolversion=\"1\" "
      "segtype=\"sentence\" o-tmf=\"hand\" adminlang=\"en\" "
      "srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n" +
          Unit("a1", "The bridge opened.", "Міст відкрили.") +
          Unit("b2", "Traffic was heavy.", "Рух був щільний.") +
          Unit("c3", "Repairs end in May.", "Ремонт завершать у травні.") +
          "</body></tmx>\n");
  return path;
}

RunReport Collect(Messages* messages) {
  return [messages](RunMessage kind, const std::string& text) {
    messages->emplace_back(kind, text);
  };
}

TEST(ReviewRunTest, AppliesDecisionsAndNamesUnknownUnits) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/decisions.json",
            "{\"decisions\": {\"a1\": \"accept\", \"b2\": \"reject\", "
            "\"zz\": \"reject\"}}");
  Messages messages;
  ReviewApplyJob job;
  job.decisions_path = dir + "/decisions.json";
  job.input = WriteMemory(dir);
  job.output = dir + "/out.tmx";
  job.tmx = testing::FixedDate();
  job.report = Collect(&messages);
  const RunResult result = RunReviewApplyJob(job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 1u);
  EXPECT_EQ(result.units, 2u);

  auto memory = TmxReader().ReadFile(job.output);
  ASSERT_TRUE(memory.ok()) << memory.status();
  ASSERT_EQ(memory->units.size(), 2u);
  EXPECT_EQ(memory->units[0].tuid, "a1");
  EXPECT_EQ(memory->units[1].tuid, "c3");
  testing::ExpectValidTmxFile(job.output);

  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].first, RunMessage::kWarning);
  EXPECT_EQ(messages[0].second,
            job.decisions_path + ": 1 decision(s) name units that " +
                job.input +
                " does not hold (from another memory?), ignored: zz");
  EXPECT_EQ(messages[1].first, RunMessage::kInfo);
  EXPECT_EQ(messages[1].second,
            "review: 1 accepted (0 edited), 1 rejected (left out), 1 not "
            "reviewed (kept); wrote " +
                job.output);
}

TEST(ReviewRunTest, ApplyNeedsReadableDecisions) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/decisions.json", "{\"decisions\": []}");
  ReviewApplyJob job;
  job.decisions_path = dir + "/decisions.json";
  job.input = WriteMemory(dir);
  job.output = dir + "/out.tmx";
  const RunResult result = RunReviewApplyJob(job);
  EXPECT_EQ(result.fault, RunFault::kInput);
  EXPECT_NE(result.status.message().find(job.decisions_path),
            std::string::npos);
  EXPECT_FALSE(Exists(job.output));
}

TEST(ReviewRunTest, WritesThePageAndSkipsAnUnreadableMemory) {
  const std::string dir = MakeTempDir();
  Messages messages;
  ReviewPageJob job;
  job.inputs = {WriteMemory(dir), dir + "/missing.tmx"};
  job.output = dir + "/page.html";
  job.report = Collect(&messages);
  const RunResult result = RunReviewPageJob(job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 1u);
  const std::string page = ReadFile(job.output);
  EXPECT_NE(page.find("Repairs end in May."), std::string::npos);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].first, RunMessage::kSkipped);
  EXPECT_NE(messages[0].second.find(dir + "/missing.tmx"), std::string::npos);
  EXPECT_EQ(messages[1].first, RunMessage::kInfo);
  EXPECT_EQ(messages[1].second,
            "review: wrote " + job.output + " (3 units from 1 memory)");
}

TEST(ReviewRunTest, PageNeedsOneReadableMemoryAndANewOutput) {
  const std::string dir = MakeTempDir();
  ReviewPageJob job;
  job.inputs = {dir + "/missing.tmx"};
  job.output = dir + "/page.html";
  RunResult result = RunReviewPageJob(job);
  EXPECT_EQ(result.fault, RunFault::kInput);
  EXPECT_EQ(result.status.message(),
            "review: no usable input: none of the 1 file(s) could be read");
  EXPECT_FALSE(Exists(job.output));

  WriteFile(job.output, "mine");
  job.inputs = {WriteMemory(dir)};
  result = RunReviewPageJob(job);
  EXPECT_EQ(result.fault, RunFault::kOutput);
  EXPECT_EQ(ReadFile(job.output), "mine");
  job.replace = true;
  result = RunReviewPageJob(job);
  EXPECT_TRUE(result.status.ok()) << result.status;
  EXPECT_NE(ReadFile(job.output), "mine");
}

}  // namespace
}  // namespace crossalign
