// End-to-end tests of `align batch`: manifests, failures, resuming, shards.
#include <gtest/gtest.h>
#include <unistd.h>

#include "cli_support.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::Batch;
using testing::DniesterBridge;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::WriteFile;

TEST(BatchCliTest, AlignsPairsAndGroupsAndReportsBadItems) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/m.tsv",
            "# a pair with an id, a pair without, a group (JSON), a bad item\n"
            "id=en-uk\t" +
                DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                DniesterBridge("kyiv-ledger.uk.txt") + "\n" +
                DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                DniesterBridge("kyiv-ledger.ru.txt") +
                "\n{\"id\": \"story\", \"files\": [\"" +
                DniesterBridge("meridian-wire.en.txt") + "\", \"" +
                DniesterBridge("kyiv-ledger.en.txt") +
                "\"]}\n"
                "id=bad\t/nonexistent/a.txt\t" +
                DniesterBridge("kyiv-ledger.uk.txt") + "\n");
  auto r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " +
                            Quote(dir + "/out") + " --jobs 2"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("align: batch: item bad (manifest line 5)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(
      ListDir(dir + "/out"),
      (std::vector<std::string>{".done", ".failed", ".manifest", "en-uk.tmx",
                                "item-000003.tmx", "story.tmx"}));
  testing::ExpectValidTmxFile(dir + "/out/en-uk.tmx");
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
        "id=p" + std::to_string(i) + "\t" +
        DniesterBridge("kyiv-ledger.en.txt") + "\t" +
        DniesterBridge(i % 2 ? "kyiv-ledger.ru.txt" : "kyiv-ledger.uk.txt") +
        "\n";
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
                DniesterBridge("meridian-wire.en.txt") + "\t" +
                DniesterBridge("kyiv-ledger.uk.txt") + "\n";
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

// Issue 17 item 11: two items with one id (or an explicit id equal to an
// automatic one) wrote one file and reported "2 aligned".
TEST(BatchCliTest, DuplicateIdsAreRefused) {
  const std::string dir = MakeTempDir();
  const std::string pair = DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                           DniesterBridge("kyiv-ledger.uk.txt");
  WriteFile(dir + "/dup.tsv", "id=a\t" + pair + "\nid=a\t" + pair + "\n");
  auto r =
      RunCommand(Batch(Quote(dir + "/dup.tsv") + " -o " + Quote(dir + "/o")));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("line 2: id 'a' is also the id of line 1"),
            std::string::npos)
      << r.err;
  WriteFile(dir + "/auto.tsv", pair + "\nid=item-000001\t" + pair + "\n");
  r = RunCommand(Batch(Quote(dir + "/auto.tsv") + " -o " + Quote(dir + "/o")));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("id 'item-000001' is also the id of line 1"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(Exists(dir + "/o/item-000001.tmx"));
}

// Issue 17 item 12: an existing file in the output folder was replaced
// without --force, and a line inserted above id-less items made a new item
// "done" with another pair's memory.
TEST(BatchCliTest, ExistingOutputsAndEditedManifests) {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/o";
  const std::string en_uk = DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                            DniesterBridge("kyiv-ledger.uk.txt");
  const std::string en_ru = DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                            DniesterBridge("kyiv-ledger.ru.txt");
  ASSERT_EQ(RunCommand("mkdir -p " + Quote(out)).exit_code, 0);
  WriteFile(out + "/mine.tmx", "precious\n");
  WriteFile(dir + "/m.tsv", "id=mine\t" + en_uk + "\n");
  auto r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("mine.tmx exists"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(out + "/mine.tmx"), "precious\n");
  r = RunCommand(
      Batch(Quote(dir + "/m.tsv") + " -o " + Quote(out) + " --force"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(out + "/mine.tmx").find("<tmx"), std::string::npos);

  // Id-less items, then a line inserted at the top.
  const std::string out2 = dir + "/o2";
  WriteFile(dir + "/n.tsv", en_uk + "\n");
  ASSERT_EQ(
      RunCommand(Batch(Quote(dir + "/n.tsv") + " -o " + Quote(out2))).exit_code,
      0);
  const std::string first = ReadFile(out2 + "/item-000001.tmx");
  WriteFile(dir + "/n.tsv", en_ru + "\n" + en_uk + "\n");
  r = RunCommand(Batch(Quote(dir + "/n.tsv") + " -o " + Quote(out2)));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("the manifest changed"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(out2 + "/item-000001.tmx"), first);  // untouched
  r = RunCommand(
      Batch(Quote(dir + "/n.tsv") + " -o " + Quote(out2) + " --redo"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(out2 + "/item-000001.tmx"), first);
  EXPECT_NE(ReadFile(out2 + "/item-000001.tmx").find("xml:lang=\"ru\""),
            std::string::npos);
}

// Issue 17 item 18: a UTF-8 BOM broke manifests; \u00e9 in JSON was read as
// "u00e9"; temporary files left by a SIGKILL were never removed.
TEST(BatchCliTest, BomEscapesAndStaleTemporaries) {
  const std::string dir = MakeTempDir();
  const std::string accented = dir + "/caf\xC3\xA9.txt";
  WriteFile(accented, ReadFile(DniesterBridge("kyiv-ledger.uk.txt")));
  const std::string bom = "\xEF\xBB\xBF";
  WriteFile(dir + "/m.jsonl", bom + "{\"id\": \"j\", \"files\": [\"" +
                                  DniesterBridge("kyiv-ledger.en.txt") +
                                  "\", \"" + dir + "/caf\\u00e9.txt\"]}\n");
  WriteFile(dir + "/m.tsv", bom + "id=t\t" +
                                DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                                accented + "\n");
  const std::string out = dir + "/o";
  ASSERT_EQ(RunCommand("mkdir -p " + Quote(out)).exit_code, 0);
  // A temporary file of a process that no longer exists, and one of a live
  // process (this test), which must stay.
  WriteFile(out + "/j.tmx.tmp.999999999.0", "half");
  const std::string live =
      out + "/x.tmx.tmp." + std::to_string(::getpid()) + ".0";
  WriteFile(live, "in progress");
  auto r = RunCommand(Batch(Quote(dir + "/m.jsonl") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Exists(out + "/j.tmx"));
  EXPECT_FALSE(Exists(out + "/j.tmx.tmp.999999999.0"));
  EXPECT_TRUE(Exists(live));
  EXPECT_NE(r.err.find("removed 1 temporary file"), std::string::npos) << r.err;
  r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Exists(out + "/t.tmx"));
  WriteFile(dir + "/bad.jsonl", "{\"id\": \"b\", \"files\": [\"a\\u00\"]}\n");
  r = RunCommand(Batch(Quote(dir + "/bad.jsonl") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

// JSON manifests are read by a real JSON parser (nlohmann-json): lines that
// are not JSON are refused where the hand-written reader took them (a
// missing comma, trailing text, \u0000 in a file name), and members it
// refused for their type ("pages": 3) are ignored like any unknown member.
TEST(BatchCliTest, JsonManifestsAreReadAsJson) {
  const std::string dir = MakeTempDir();
  const std::string en = DniesterBridge("kyiv-ledger.en.txt");
  const std::string uk = DniesterBridge("kyiv-ledger.uk.txt");
  for (const std::string& bad :
       {"{\"id\": \"a\", \"files\": [\"" + en + "\" \"" + uk + "\"]}",
        "{\"id\": \"a\", \"src\": \"" + en + "\", \"tgt\": \"" + uk +
            "\"} trailing",
        "{\"id\": \"a\", \"files\": [\"" + en + "\", \"" + uk +
            "\\u0000.txt\"]}",
        "{\"id\": \"a\", \"files\": \"" + en + "\"}"}) {
    WriteFile(dir + "/bad.jsonl", bad + "\n");
    auto r = RunCommand(
        Batch(Quote(dir + "/bad.jsonl") + " -o " + Quote(dir + "/bad")));
    EXPECT_EQ(r.exit_code, 2) << bad << "\n" << r.err;
    EXPECT_NE(r.err.find("bad.jsonl, line 1: "), std::string::npos) << r.err;
  }
  WriteFile(dir + "/ok.jsonl",
            "{\"pages\": 3, \"id\": \"caf\\u00e9\", "
            "\"src\": \"" +
                en + "\", \"tgt\": \"" + uk + "\"}\n");
  auto r =
      RunCommand(Batch(Quote(dir + "/ok.jsonl") + " -o " + Quote(dir + "/o")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Exists(dir + "/o/caf\xC3\xA9.tmx"));
}

// The one warnings rule: a damaged document of an item is reported with
// "align: warning:" and the batch exits 1 (the item is still aligned).
// Batch dropped document warnings and exited 0.
TEST(BatchCliTest, DocumentWarningsAreReportedAndExitOne) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/damaged.txt",
            ReadFile(DniesterBridge("kyiv-ledger.en.txt")) +
                "More text \xff\xfe here.\n");
  WriteFile(dir + "/m.tsv", "id=d\t" + dir + "/damaged.txt\t" +
                                DniesterBridge("kyiv-ledger.uk.txt") + "\n");
  auto r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/o") +
                            " --encoding UTF-8"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("align: warning: batch: item d (manifest line 1): " +
                       dir + "/damaged.txt: 2 byte"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(Exists(dir + "/o/d.tmx"));
}

// --format as in the other modes: one file per pair item, one per language
// pair of a group, resumable like tmx.
TEST(BatchCliTest, FormatOption) {
  const std::string dir = MakeTempDir();
  const std::string en = DniesterBridge("kyiv-ledger.en.txt");
  const std::string uk = DniesterBridge("kyiv-ledger.uk.txt");
  const std::string ru = DniesterBridge("kyiv-ledger.ru.txt");
  WriteFile(dir + "/m.tsv", "id=p\t" + en + "\t" + uk + "\nid=g\t" + en + "\t" +
                                uk + "\t" + ru + "\n");
  const std::string tsv = dir + "/tsv";
  auto r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(tsv) +
                            " --format tsv --date 2025-01-01"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(tsv + "/p.tsv").rfind("source\ttarget\tscore", 0), 0u);
  EXPECT_TRUE(Exists(tsv + "/g.en-uk.tsv"));
  EXPECT_FALSE(Exists(tsv + "/p.tmx"));
  // The same units as `align SRC TGT --format tsv`.
  auto single = RunCommand(Quote(AlignBinary()) + " " + Quote(en) + " " +
                           Quote(uk) + " --format tsv -q");
  EXPECT_EQ(ReadFile(tsv + "/p.tsv"), single.out);
  r = RunCommand(
      Batch(Quote(dir + "/m.tsv") + " -o " + Quote(tsv) + " --format tsv"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 item(s) already done"), std::string::npos) << r.err;

  const std::string moses = dir + "/moses";
  r = RunCommand(
      Batch(Quote(dir + "/m.tsv") + " -o " + Quote(moses) + " --format moses"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Exists(moses + "/p.en"));
  EXPECT_TRUE(Exists(moses + "/p.uk"));
  EXPECT_TRUE(Exists(moses + "/g.en-uk.en"));
  // An existing file of another format's name is not this run's.
  WriteFile(dir + "/m2.tsv", "id=q\t" + en + "\t" + uk + "\n");
  WriteFile(moses + "/q.uk", "precious\n");
  r = RunCommand(Batch(Quote(dir + "/m2.tsv") + " -o " + Quote(moses) +
                       " --format moses"));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_EQ(ReadFile(moses + "/q.uk"), "precious\n");
  EXPECT_EQ(RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(tsv) +
                             " --format beads"))
                .exit_code,
            2);
}

// Issue 27 item 5: after a line was inserted at the top of an id-less
// manifest, the rerun refused items 1 and 2 (done for other files) yet wrote
// item 3, so the folder mixed the memories of two manifests.
TEST(BatchCliTest, ARefusedItemRefusesTheWholeRun) {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/o";
  const std::string en_uk = DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                            DniesterBridge("kyiv-ledger.uk.txt") + "\n";
  const std::string en_ru = DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                            DniesterBridge("kyiv-ledger.ru.txt") + "\n";
  const std::string other = DniesterBridge("meridian-wire.en.txt") + "\t" +
                            DniesterBridge("kyiv-ledger.uk.txt") + "\n";
  WriteFile(dir + "/m.tsv", en_uk + en_ru);
  ASSERT_EQ(
      RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(out))).exit_code,
      0);
  const std::vector<std::string> before = ListDir(out);
  const std::string first = ReadFile(out + "/item-000001.tmx");
  const std::string second = ReadFile(out + "/item-000002.tmx");
  WriteFile(dir + "/m.tsv", other + en_uk + en_ru);
  auto r = RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("the manifest changed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was aligned or written"), std::string::npos)
      << r.err;
  EXPECT_FALSE(Exists(out + "/item-000003.tmx"));
  EXPECT_EQ(ListDir(out), before);
  EXPECT_EQ(ReadFile(out + "/item-000001.tmx"), first);
  EXPECT_EQ(ReadFile(out + "/item-000002.tmx"), second);
}

// Issue 27 item 4: a done item whose memory was deleted after the run was
// collected as done, exit 0, its units silently missing.
TEST(BatchCliTest, CollectWarnsAboutADoneItemWithoutItsOutput) {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/o";
  WriteFile(dir + "/m.tsv", "id=a\t" + DniesterBridge("kyiv-ledger.en.txt") +
                                "\t" + DniesterBridge("kyiv-ledger.uk.txt") +
                                "\nid=b\t" +
                                DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                                DniesterBridge("kyiv-ledger.ru.txt") + "\n");
  ASSERT_EQ(
      RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(out))).exit_code,
      0);
  auto r = RunCommand(Batch("--collect " + Quote(out)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(::unlink((out + "/b.tmx").c_str()), 0);
  r = RunCommand(Batch("--collect " + Quote(out)));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("item b is recorded as done"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("b.tmx"), std::string::npos) << r.err;
}

// Issue 17 item 17: loose numbers were accepted.
TEST(BatchCliTest, ShardAndJobsAreWholeNumbers) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/m.tsv", "a.txt\tb.txt\n");
  for (const std::string bad :
       {"--shard 1/2x", "--shard '1/ 2'", "--shard 1/99999999999",
        "--shard -1/2", "--shard 2/2", "--jobs 1.5", "--jobs 0", "--jobs 2x",
        // Issue 27 item 11: 2.5 was taken as 2.
        "--array-tasks 2.5 --slurm-script s.sh", "--array-tasks 0x2",
        "--array-tasks 0"}) {
    auto r = RunCommand(
        Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/o") + " " + bad));
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
  }
}

// Issue 27 item 12: progress lines said "3/4 (70%)", the tenth crossed.
TEST(BatchCliTest, ProgressShowsTheShareDone) {
  const std::string dir = MakeTempDir();
  std::string manifest;
  for (const char* id : {"a", "b", "c", "d"}) {
    manifest += std::string("id=") + id + "\t" +
                DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                DniesterBridge("kyiv-ledger.uk.txt") + "\n";
  }
  WriteFile(dir + "/m.tsv", manifest);
  auto r =
      RunCommand(Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/o")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("align: batch 3/4 (75%"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("align: batch 4/4 (100%"), std::string::npos) << r.err;
}

// Issue 27 item 11: batch took no -q. Quiet, a batch prints nothing on
// success (no progress, notes or summary), and still reports a bad item.
TEST(BatchCliTest, QuietPrintsOnlyProblems) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/m.tsv", "id=en-uk\t" +
                                DniesterBridge("kyiv-ledger.en.txt") + "\t" +
                                DniesterBridge("kyiv-ledger.uk.txt") + "\n");
  auto r = RunCommand(
      Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/out") + " -q"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(Exists(dir + "/out/en-uk.tmx"));
  // A rerun skips the item done: without -q that is a note.
  r = RunCommand(
      Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/out") + " --quiet"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  WriteFile(dir + "/m.tsv", "id=bad\t/nonexistent/a.txt\t" +
                                DniesterBridge("kyiv-ledger.uk.txt") + "\n");
  r = RunCommand(
      Batch(Quote(dir + "/m.tsv") + " -o " + Quote(dir + "/out2") + " -q"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("item bad"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace crossalign
