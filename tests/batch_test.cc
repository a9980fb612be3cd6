#include "jobs/batch.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::WriteFile;

std::string Story(const std::string& file) {
  return testing::SourceDir() + "/corpora/dniester-bridge/" + file;
}

TEST(BatchManifestTest, TsvAndJsonLines) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/m.txt",
            "\xEF\xBB\xBF# comment\r\n"
            "id=a\tx.txt\ty.txt\r\n"
            "\n"
            "p.txt\tq.txt\tr.txt\n"
            "{\"src\": \"s.txt\", \"tgt\": \"caf\\u00e9 \\ud83d\\ude00.txt\", "
            "\"id\": \"j\", \"pages\": [1, 2]}\n"
            "{\"files\": [\"f1\", \"f2\"]}\n");
  auto items = ReadBatchManifest(dir + "/m.txt");
  ASSERT_TRUE(items.ok()) << items.status();
  ASSERT_EQ(items->size(), 4u);
  EXPECT_EQ((*items)[0].id, "a");
  EXPECT_EQ((*items)[0].files, (std::vector<std::string>{"x.txt", "y.txt"}));
  EXPECT_EQ((*items)[0].line, 2);
  EXPECT_EQ((*items)[1].id, "item-000004");
  EXPECT_EQ((*items)[1].files.size(), 3u);
  EXPECT_EQ((*items)[2].id, "j");
  EXPECT_EQ(
      (*items)[2].files,
      (std::vector<std::string>{"s.txt", "caf\xC3\xA9 \xF0\x9F\x98\x80.txt"}));
  EXPECT_EQ((*items)[3].id, "item-000006");
}

TEST(BatchManifestTest, ErrorsNameTheLine) {
  const std::string dir = MakeTempDir();
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"a\tb\nonly.txt\n", "line 2: an item needs two or more files"},
      {"id=x\ta\tb\nid=x\tc\td\n", "line 2: id 'x' is also the id of line 1"},
      {"a\tb\nid=item-000001\tc\td\n", "id 'item-000001' is also the id"},
      {"id=../up\ta\tb\n", "cannot name a file"},
      {"{\"files\": [\"a\" \"b\"]}\n", "line 1: bad JSON: "},
      {"{\"files\": [\"a\", \"b\"]} x\n", "line 1: bad JSON: "},
      {"{\"files\": [\"a\\u0000\", \"b\"]}\n", "\\u0000"},
      {"{\"files\": [\"a\\ud800\", \"b\"]}\n", "line 1: bad JSON: "},
      {"{\"files\": \"a\"}\n", "files must be a list of strings"},
      {"{\"id\": 7, \"files\": [\"a\", \"b\"]}\n", "id must be a string"}};
  for (const auto& [text, message] : bad) {
    WriteFile(dir + "/m", text);
    auto items = ReadBatchManifest(dir + "/m");
    ASSERT_FALSE(items.ok()) << text;
    EXPECT_EQ(items.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(items.status().message().find(message), std::string::npos)
        << text << ": " << items.status();
    EXPECT_EQ(items.status().message().rfind(dir + "/m, line ", 0), 0u);
  }
  EXPECT_EQ(ReadBatchManifest(dir + "/none").status().code(),
            StatusCode::kNotFound);
}

TEST(BatchShardTest, ParsedStrictlyAndFromSlurm) {
  auto shard = ParseBatchShard("2/5");
  ASSERT_TRUE(shard.ok());
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 5u);
  for (const char* bad :
       {"5/5", "1/2x", "1/ 2", "-1/2", "1", "1/99999999999"}) {
    EXPECT_FALSE(ParseBatchShard(bad).ok()) << bad;
  }
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  EXPECT_FALSE(SlurmArrayShard().ok());
  ::setenv("SLURM_ARRAY_TASK_ID", "12", 1);
  ::setenv("SLURM_ARRAY_TASK_MIN", "10", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "4", 1);
  shard = SlurmArrayShard();
  ASSERT_TRUE(shard.ok()) << shard.status();
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 4u);
  ::setenv("SLURM_ARRAY_TASK_ID", "14", 1);  // a gap: outside MIN + COUNT
  EXPECT_FALSE(SlurmArrayShard().ok());
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  ::unsetenv("SLURM_ARRAY_TASK_MIN");
  ::unsetenv("SLURM_ARRAY_TASK_COUNT");
}

class BatchRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PipelineOptions options;
    options.lid_model = testing::LidModel();
    auto pipeline = Pipeline::Create(options);
    ASSERT_TRUE(pipeline.ok()) << pipeline.status();
    pipeline_ = std::move(*pipeline);
    dir_ = MakeTempDir();
    WriteFile(dir_ + "/m.tsv",
              "id=pair\t" + Story("kyiv-ledger.en.txt") + "\t" +
                  Story("kyiv-ledger.uk.txt") + "\n" + "id=group\t" +
                  Story("kyiv-ledger.en.txt") + "\t" +
                  Story("kyiv-ledger.uk.txt") + "\t" +
                  Story("kyiv-ledger.ru.txt") + "\n" +
                  "id=bad\t/nonexistent/a.txt\t/nonexistent/b.txt\n");
    options_.writer.tmx.creation_time =
        std::chrono::system_clock::from_time_t(0);
    options_.report = [this](BatchOptions::Message kind,
                             const std::string& text) {
      messages_.push_back(std::to_string(static_cast<int>(kind)) + " " + text);
    };
  }

  BatchSummary Run(const std::string& out) {
    auto items = ReadBatchManifest(dir_ + "/m.tsv");
    EXPECT_TRUE(items.ok()) << items.status();
    auto plan = PlanBatch(*items, dir_ + "/m.tsv", out, options_);
    EXPECT_TRUE(plan.ok()) << plan.status();
    return RunBatch(*pipeline_, *plan, options_);
  }

  std::unique_ptr<Pipeline> pipeline_;
  std::string dir_;
  BatchOptions options_;
  std::vector<std::string> messages_;
};

TEST_F(BatchRunTest, WritesResumesAndCollects) {
  const std::string out = dir_ + "/out";
  BatchSummary summary = Run(out);
  EXPECT_EQ(summary.aligned, 2u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_FALSE(summary.output_failed);
  EXPECT_TRUE(Exists(out + "/pair.tmx"));
  EXPECT_TRUE(Exists(out + "/.done/pair"));
  EXPECT_TRUE(Exists(out + "/.failed/bad"));
  EXPECT_NE(ReadFile(out + "/.manifest").find("m.tsv"), std::string::npos);
  bool group_file = false;
  for (const std::string& name : ListDir(out)) {
    group_file = group_file || name.rfind("group.", 0) == 0;
  }
  EXPECT_TRUE(group_file);
  ASSERT_EQ(messages_.size(), 1u);
  EXPECT_EQ(messages_[0].rfind("1 batch: item bad (manifest line 3): ", 0), 0u)
      << messages_[0];

  // A rerun does only the failed item; the outputs are not touched.
  const std::string pair_tmx = ReadFile(out + "/pair.tmx");
  messages_.clear();
  auto items = ReadBatchManifest(dir_ + "/m.tsv");
  auto plan = PlanBatch(*items, dir_ + "/m.tsv", out, options_);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->already_done, 2u);
  ASSERT_EQ(plan->todo.size(), 1u);
  EXPECT_EQ(plan->todo[0].id, "bad");

  // Shards split the items and give the same files as one run.
  const std::string sharded = dir_ + "/sharded";
  for (uint64_t k = 0; k < 2; ++k) {
    options_.shard = {k, 2};
    Run(sharded);
  }
  EXPECT_EQ(ReadFile(sharded + "/pair.tmx"), pair_tmx);

  // Collected: one merged TMX per language pair.
  messages_.clear();
  auto collected = CollectBatch(out, {"pair", "group", "bad", "never"},
                                options_.writer.tmx, options_.report);
  ASSERT_TRUE(collected.ok()) << collected.status();
  EXPECT_EQ(collected->done, (std::vector<std::string>{"pair", "group"}));
  EXPECT_EQ(collected->failed, std::vector<std::string>{"bad"});
  EXPECT_EQ(collected->missing, std::vector<std::string>{"never"});
  EXPECT_EQ(collected->merged.at("en-uk"), 2u);  // the pair and the group's
  EXPECT_TRUE(Exists(out + "/collected/en-uk.tmx"));
}

TEST_F(BatchRunTest, ExistingFilesAreRefusedUnlessReplaced) {
  const std::string out = dir_ + "/out";
  ::mkdir(out.c_str(), 0777);
  WriteFile(out + "/pair.tmx", "precious\n");
  BatchSummary summary = Run(out);
  EXPECT_TRUE(summary.output_failed);
  EXPECT_TRUE(ReadFile(out + "/pair.tmx") == "precious\n");
  EXPECT_NE(messages_[0].find("pair.tmx exists"), std::string::npos);
  options_.writer.replace = true;
  Run(out);
  EXPECT_NE(ReadFile(out + "/pair.tmx").find("<tmx"), std::string::npos);
}

TEST(SlurmScriptTest, ArraySizeMemoryAndQuoting) {
  SlurmScriptRequest r;
  r.align_binary = "/opt/align";
  r.manifest = "/data/it's.tsv";
  r.output = "/data/out";
  r.workdir = "/data";
  r.items = 450;
  r.largest_item = 10 << 20;
  r.options = {"--date", "2025-01-01"};
  const std::string script = RenderSlurmScript(r).value();
  EXPECT_NE(script.find("#SBATCH --array=0-2\n"), std::string::npos) << script;
  EXPECT_NE(script.find("#SBATCH --cpus-per-task=4\n"), std::string::npos);
  // 50 + 4 * (32 + 300) = 1378 MB, rounded up to 256 MB steps.
  EXPECT_NE(script.find("#SBATCH --mem=1536M\n"), std::string::npos);
  EXPECT_NE(script.find("'/data/it'\\''s.tsv'"), std::string::npos);
  EXPECT_NE(script.find("--shard auto"), std::string::npos);
  EXPECT_NE(script.find(" '--date' '2025-01-01'\n"), std::string::npos);
  EXPECT_EQ(EstimateTaskMemoryMb(0, 1, true), 256);
  // Issue 27 item 1: what the script cannot hold safely is refused.
  for (auto bad :
       {&SlurmScriptRequest::output, &SlurmScriptRequest::workdir,
        &SlurmScriptRequest::manifest, &SlurmScriptRequest::align_binary}) {
    SlurmScriptRequest b = r;
    b.*bad += "\nrm -rf ~";
    EXPECT_EQ(RenderSlurmScript(b).status().code(),
              StatusCode::kInvalidArgument);
  }
  SlurmScriptRequest spaced = r;
  spaced.output = "/data/out dir";
  EXPECT_FALSE(RenderSlurmScript(spaced).ok());
  spaced = r;
  spaced.options = {"--dict", "/data/d\rx.tsv"};
  EXPECT_FALSE(RenderSlurmScript(spaced).ok());

  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.txt", std::string(1000, 'a'));
  SlurmScriptRequest measured;
  const auto missing =
      MeasureBatchInputs({{"x", {dir + "/a.txt", dir + "/b.txt"}, 1},
                          {"y", {dir + "/a.txt", dir + "/a.txt"}, 2}},
                         &measured);
  EXPECT_EQ(missing, std::vector<std::string>{dir + "/b.txt"});
  EXPECT_EQ(measured.items, 2u);
  EXPECT_EQ(measured.total_bytes, 3000u);
  EXPECT_EQ(measured.largest_item, 2000u);
}

}  // namespace
}  // namespace crossalign
