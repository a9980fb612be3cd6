// End-to-end tests of `align batch`: manifests, failures, resuming, shards.
#include <gtest/gtest.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

std::string Batch(const std::string& args) {
  return Quote(AlignBinary()) + " batch " + args;
}

std::string Story(const std::string& file) {
  return SourceDir() + "/corpora/dniester-bridge/" + file;
}

TEST(BatchCliTest, AlignsPairsAndGroupsAndReportsBadItems) {
  const std::string dir = MakeTempDir();
  WriteFile(
      dir + "/m.tsv",
      "# a pair with an id, a pair without, a group (JSON), a bad item\n"
      "id=en-uk\t" +
          Story("kyiv-ledger.en.txt") + "\t" + Story("kyiv-ledger.uk.txt") +
          "\n" + Story("kyiv-ledger.en.txt") + "\t" +
          Story("kyiv-ledger.ru.txt") + "\n{\"id\": \"story\", \"files\": [\"" +
          Story("meridian-wire.en.txt") + "\", \"" +
          Story("kyiv-ledger.en.txt") +
          "\"]}\n"
          "id=bad\t/nonexistent/a.txt\t" +
          Story("kyiv-ledger.uk.txt") + "\n");
  auto r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " +
                            Quote(dir + "/out") + " --jobs 2"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("item bad (manifest line 5)"), std::string::npos)
      << r.err;
  EXPECT_EQ(
      ListDir(dir + "/out"),
      (std::vector<std::string>{".done", ".failed", ".manifest", "en-uk.tmx",
                                "item-000003.tmx", "story.tmx"}));
  std::string log;
  if (!testing::SharedDir().empty()) {
    EXPECT_EQ(testing::ValidateTmx(dir + "/out/en-uk.tmx", &log), 0) << log;
  }
  // A rerun skips what is done and retries only the bad item.
  r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/out")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("3 item(s) already done"), std::string::npos) << r.err;
}

TEST(BatchCliTest, ShardsSplitTheWorkAndGiveTheSameFiles) {
  const std::string dir = MakeTempDir();
  std::string manifest;
  for (int i = 0; i < 4; ++i) {
    manifest +=
        "id=p" + std::to_string(i) + "\t" + Story("kyiv-ledger.en.txt") + "\t" +
        Story(i % 2 ? "kyiv-ledger.ru.txt" : "kyiv-ledger.uk.txt") + "\n";
  }
  WriteFile(dir + "/m.tsv", manifest);
  const std::string common = " --date 2025-03-14 --mode translation";
  ASSERT_EQ(RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " +
                             Quote(dir + "/all") + common))
                .exit_code,
            0);
  ASSERT_EQ(RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " +
                             Quote(dir + "/s") + " --shard 0/2" + common))
                .exit_code,
            0);
  EXPECT_EQ(
      ListDir(dir + "/s"),
      (std::vector<std::string>{".done", ".manifest", "p0.tmx", "p2.tmx"}));
  ASSERT_EQ(
      RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/s") +
                       " --shard 1/2 --jobs 2" + common))
          .exit_code,
      0);
  for (const char* name : {"p0.tmx", "p1.tmx", "p2.tmx", "p3.tmx"}) {
    EXPECT_EQ(ReadFile(dir + "/s/" + name), ReadFile(dir + "/all/" + name))
        << name;
  }
}

TEST(BatchCliTest, KilledRunLeavesCompleteFilesAndResumes) {
  const std::string dir = MakeTempDir();
  std::string manifest;
  for (int i = 0; i < 400; ++i) {
    manifest += "id=p" + std::to_string(i) + "\t" +
                Story("meridian-wire.en.txt") + "\t" +
                Story("kyiv-ledger.uk.txt") + "\n";
  }
  WriteFile(dir + "/m.tsv", manifest);
  // Start the batch, wait until its first pair is done (however loaded the
  // machine), then send SIGTERM.
  const std::string out = Quote(dir + "/out");
  const std::string script =
      Batch(Quote(dir + "/m.tsv") + " -o " + out) +
      " & pid=$!; while [ -z \"$(ls " + Quote(dir + "/out/.done") +
      " 2>/dev/null)\" ] && kill -0 $pid 2>/dev/null; do sleep 0.02; done; "
      "kill -TERM $pid; wait $pid";
  auto r = RunCommand("sh -c " + Quote(script));
  ASSERT_EQ(r.exit_code, 128 + 15)
      << "the batch finished before it could be killed: " << r.err;
  size_t tmx_files = 0;
  for (const std::string& name : ListDir(dir + "/out")) {
    EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmx") == 0) {
      ++tmx_files;
      // Every file there is complete.
      EXPECT_NE(ReadFile(dir + "/out/" + name).find("</tmx>"),
                std::string::npos)
          << name;
    }
  }
  EXPECT_LT(tmx_files, 400u);
  for (const std::string& name : ListDir(dir + "/out/.done")) {
    EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
  }
  r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/out")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("already done"), std::string::npos);
  EXPECT_EQ(ListDir(dir + "/out/.done").size(), 400u);
}

TEST(BatchCliTest, BadManifestsAndOptions) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/one.tsv", "only-one-file.txt\n");
  auto r =
      RunCommand(Batch(Quote(dir + "/one.tsv") + " -o " + Quote(dir + "/o")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("line 1"), std::string::npos);
  EXPECT_EQ(RunCommand(
                Batch(Quote(dir + "/missing.tsv") + " -o " + Quote(dir + "/o")))
                .exit_code,
            3);
  EXPECT_EQ(RunCommand(Batch(Quote(dir + "/one.tsv") + " -o x --shard 2/2"))
                .exit_code,
            2);
  EXPECT_EQ(RunCommand(Batch(Quote(dir + "/one.tsv"))).exit_code, 2);
}

}  // namespace
}  // namespace crossalign
