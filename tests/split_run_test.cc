// `align split` through the library (RunSplitJob in crossalign/split.h):
// the segments of an article written here by hand, of an empty one, and the
// refusals.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "jobs/split_job.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeTempDir;
using testing::ReadFile;
using testing::WriteFile;

TEST(SplitRunTest, OneSegmentPerLine) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.txt",
            "The bridge reopened on Monday. Traffic was heavy all day.\n\n"
            "Repairs will end in May.\n");
  SplitJob job;
  job.input = dir + "/a.txt";
  job.lang = "en";
  job.output = dir + "/out.txt";
  const RunResult result = RunSplitJob(job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.problems, 0u);
  EXPECT_EQ(result.units, 3u);
  EXPECT_EQ(ReadFile(job.output),
            "The bridge reopened on Monday.\nTraffic was heavy all day.\n"
            "Repairs will end in May.\n");

  // Exists now: refused unless replaced.
  RunResult again = RunSplitJob(job);
  EXPECT_EQ(again.fault, RunFault::kOutput);
  job.replace = true;
  job.jsonl = true;
  again = RunSplitJob(job);
  ASSERT_TRUE(again.status.ok()) << again.status;
  EXPECT_EQ(
      ReadFile(job.output)
          .rfind("{\"text\":\"The bridge reopened on Monday.\",\"start\":0,",
                 0),
      0u)
      << ReadFile(job.output);
}

TEST(SplitRunTest, AnEmptyArticlePrintsNothingAndAMissingOneFails) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/blank.txt", "  \n\n");
  SplitJob job;
  job.input = dir + "/blank.txt";
  std::ostringstream out;
  job.standard_output = &out;
  RunResult result = RunSplitJob(job);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(out.str(), "");

  job.input = dir + "/missing.txt";
  result = RunSplitJob(job);
  EXPECT_EQ(result.fault, RunFault::kInput);
  EXPECT_NE(result.status.message().find(job.input), std::string::npos);
}

}  // namespace
}  // namespace crossalign
