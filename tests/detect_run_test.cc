// `align detect` through the library (RunDetectJob in crossalign/detect.h)
// with the real model: the language of corpora/ articles whose language is
// known from their names, of lines written here, and the skipped inputs.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "jobs/detect_job.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Lines;
using testing::MakeTempDir;
using testing::SourceDir;

using Messages = std::vector<std::pair<RunMessage, std::string>>;

struct Detected {
  RunResult result;
  std::string out;
  Messages messages;
};

Detected Detect(DetectJob job) {
  Detected run;
  std::ostringstream out;
  job.standard_output = &out;
  job.report = [&run](RunMessage kind, const std::string& text) {
    run.messages.emplace_back(kind, text);
  };
  run.result = RunDetectJob(job);
  run.out = out.str();
  return run;
}

TEST(DetectRunTest, OneLinePerArticleAndMissingOnesSkipped) {
  const std::string uk =
      SourceDir() + "/corpora/dniester-bridge/kyiv-ledger.uk.txt";
  const std::string ko =
      SourceDir() + "/corpora/seoul-night-bus/hanul-times.ko.txt";
  const std::string missing = MakeTempDir() + "/missing.txt";
  DetectJob job;
  job.files = {uk, missing, ko};
  const Detected run = Detect(job);
  ASSERT_TRUE(run.result.status.ok()) << run.result.status;
  EXPECT_EQ(run.result.problems, 1u);
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind(uk + "\tuk\t", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind(ko + "\tko\t", 0), 0u) << lines[1];
  size_t skipped = 0;
  for (const auto& [kind, text] : run.messages) {
    if (kind != RunMessage::kSkipped) continue;
    ++skipped;
    EXPECT_EQ(text.rfind(missing, 0), 0u) << text;
  }
  EXPECT_EQ(skipped, 1u);
}

TEST(DetectRunTest, NoReadableArticleIsAnInputFault) {
  DetectJob job;
  job.files = {MakeTempDir() + "/missing.txt"};
  const Detected run = Detect(job);
  EXPECT_EQ(run.result.fault, RunFault::kInput);
  EXPECT_TRUE(run.out.empty());
}

TEST(DetectRunTest, OneAnswerPerLine) {
  const std::string path = MakeTempDir() + "/lines.txt";
  testing::WriteFile(path,
                     "The bridge over the river reopened to traffic on "
                     "Monday morning.\n\nМіст через річку знову відкрили для "
                     "руху в понеділок уранці.\n");
  DetectJob job;
  job.files = {path};
  job.per_line = true;
  const Detected run = Detect(job);
  ASSERT_TRUE(run.result.status.ok()) << run.result.status;
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("en\t", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1], "und\t0.000");
  EXPECT_EQ(lines[2].rfind("uk\t", 0), 0u) << lines[2];

  job.jsonl = true;
  const Detected jsonl = Detect(job);
  ASSERT_EQ(Lines(jsonl.out).size(), 3u);
  EXPECT_EQ(Lines(jsonl.out)[2].rfind("{\"line\":3,\"lang\":\"uk\"", 0), 0u)
      << Lines(jsonl.out)[2];
}

}  // namespace
}  // namespace crossalign
