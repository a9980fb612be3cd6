#include "crossalign/tmx_writer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <pugixml.hpp>
#include <set>

#include "crossalign/output_file.h"
#include "crossalign/writers.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::ListDir;
using testing::MakeBead;
using testing::MakeDoc;
using testing::MakeTempDir;
using testing::ReadFile;

class TmxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto src =
        MakeDoc("news/a.en.txt", "en",
                {"Prices rose by 5% & wages fell <2%.",
                 "He said \"yes\" \x01 and 'no'.", "Dropped sentence.",
                 "First half.", "Second half.", "Weak match."},
                "## outlet: Meridian Wire | lang: en | date: 2025-03-14\n");
    auto tgt = MakeDoc(
        "news/a.uk.txt", "uk",
        {"Ціни зросли на 5% і зарплати впали <2%.", "Він сказав «так» і «ні».",
         "Обидві половини разом.", "Слабкий збіг."});
    pair_.src = src;
    pair_.tgt = tgt;
    pair_.alignment.method = "test";
    pair_.alignment.beads = {MakeBead({0}, {0}, 0.91), MakeBead({1}, {1}, 0.8),
                             MakeBead({2}, {}, 0.0), MakeBead({3, 4}, {2}, 0.7),
                             MakeBead({5}, {3}, 0.05)};
    options_ = testing::FixedDate();
  }
  AlignedPair pair_;
  TmxWriterOptions options_;
};

TEST_F(TmxWriterTest, WritesTmx14bHeaderAndUnits) {
  auto xml = TmxWriter(options_).Render(KeepScoring({pair_}, 0.1));
  ASSERT_TRUE(xml.ok()) << xml.status();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml->c_str()));
  pugi::xml_node header = doc.child("tmx").child("header");
  EXPECT_STREQ(doc.child("tmx").attribute("version").value(), "1.4");
  EXPECT_STREQ(header.attribute("creationtool").value(), "crossalign");
  EXPECT_STRNE(header.attribute("creationtoolversion").value(), "");
  EXPECT_STREQ(header.attribute("segtype").value(), "sentence");
  EXPECT_STRNE(header.attribute("o-tmf").value(), "");
  EXPECT_STREQ(header.attribute("adminlang").value(), "en");
  EXPECT_STREQ(header.attribute("srclang").value(), "en");
  EXPECT_STREQ(header.attribute("datatype").value(), "plaintext");
  EXPECT_STREQ(header.attribute("creationdate").value(), "20250314T103000Z");

  std::vector<pugi::xml_node> units;
  for (auto tu : doc.child("tmx").child("body").children("tu"))
    units.push_back(tu);
  // The 1-0 bead and the bead below min_score are left out.
  ASSERT_EQ(units.size(), 3u);
  const pugi::xml_node first = units[0];
  EXPECT_STREQ(
      first.find_child_by_attribute("prop", "type", "x-score").text().get(),
      "0.9100");
  EXPECT_STREQ(
      first.find_child_by_attribute("prop", "type", "x-bead").text().get(),
      "1-1");
  EXPECT_STREQ(first.attribute("creationdate").value(), "20250314T103000Z");
  auto tuv = first.child("tuv");
  EXPECT_STREQ(tuv.attribute("xml:lang").value(), "en");  // source first
  EXPECT_STREQ(
      tuv.find_child_by_attribute("prop", "type", "x-document").text().get(),
      "news/a.en.txt");
  EXPECT_STREQ(
      tuv.find_child_by_attribute("prop", "type", "x-outlet").text().get(),
      "Meridian Wire");
  EXPECT_STREQ(tuv.child("seg").text().get(),
               "Prices rose by 5% & wages fell <2%.");
  EXPECT_STREQ(tuv.next_sibling("tuv").attribute("xml:lang").value(), "uk");
  // A 2-1 unit joins the two source sentences with one space.
  EXPECT_STREQ(units[2].child("tuv").child("seg").text().get(),
               "First half. Second half.");
  EXPECT_STREQ(
      units[2].find_child_by_attribute("prop", "type", "x-bead").text().get(),
      "2-1");
  // The control character is gone and the escaping round-trips.
  EXPECT_STREQ(units[1].child("tuv").child("seg").text().get(),
               "He said \"yes\" and 'no'.");
  EXPECT_EQ(xml->find("&#"), std::string::npos);
}

TEST_F(TmxWriterTest, SameInputGivesIdenticalBytesAndStableIds) {
  auto a = TmxWriter(options_).Render({pair_});
  auto b = TmxWriter(options_).Render({pair_});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  pugi::xml_document doc;
  doc.load_string(a->c_str());
  std::set<std::string> ids;
  for (auto tu : doc.child("tmx").child("body").children("tu")) {
    const std::string id = tu.attribute("tuid").value();
    EXPECT_EQ(id.size(), 16u);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 4u);  // all unique
}

TEST_F(TmxWriterTest, ValidatesAgainstTheTmxDtd) {
  CROSSALIGN_REQUIRE_SHARED();
  const std::string path = MakeTempDir() + "/out.tmx";
  ASSERT_TRUE(TmxWriter(options_).WriteFile(path, {pair_}).ok());
  std::string log;
  EXPECT_EQ(testing::ValidateTmx(path, &log), 0) << log;
}

TEST_F(TmxWriterTest, SegmentsAreTrimmedAndWhitespaceCollapsed) {
  auto src = MakeDoc("s", "en", {"  Spaced \n\t out  "});
  auto tgt = MakeDoc("t", "de", {"\xC2\xA0Weit   auseinander\xE2\x80\x83"});
  AlignedPair p{src, tgt, {}};
  p.alignment.beads = {MakeBead({0}, {0}, 1.0)};
  auto xml = TmxWriter(options_).Render({p});
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<seg>Spaced out</seg>"), std::string::npos) << *xml;
  EXPECT_NE(xml->find("<seg>Weit auseinander</seg>"), std::string::npos);
}

TEST_F(TmxWriterTest, FailedWriteLeavesNothingBehind) {
  const std::string dir = MakeTempDir();
  // A missing folder.
  Status s =
      TmxWriter(options_).WriteFile(dir + "/no/such/dir/out.tmx", {pair_});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("out.tmx"), std::string::npos);
  // A path that is a folder.
  s = TmxWriter(options_).WriteFile(dir, {pair_});
  EXPECT_FALSE(s.ok());
  // A read-only folder (root ignores permissions, so only check when it bites).
  const std::string ro = dir + "/ro";
  ::mkdir(ro.c_str(), 0555);
  s = TmxWriter(options_).WriteFile(ro + "/out.tmx", {pair_});
  if (!s.ok()) {
    EXPECT_TRUE(ListDir(ro).empty());
  }
  EXPECT_EQ(ListDir(dir), (std::vector<std::string>{"ro"}));
}

TEST_F(TmxWriterTest, WriteReplacesExistingFileAtomically) {
  const std::string path = MakeTempDir() + "/out.tmx";
  testing::WriteFile(path, "old");
  ASSERT_TRUE(TmxWriter(options_).WriteFile(path, {pair_}).ok());
  EXPECT_NE(ReadFile(path).find("<tmx"), std::string::npos);
  const std::string dir = path.substr(0, path.find_last_of('/'));
  EXPECT_EQ(ListDir(dir), (std::vector<std::string>{"out.tmx"}));
}

TEST(TmxDateTest, FormatsUtc) {
  EXPECT_EQ(FormatTmxDate(std::chrono::system_clock::from_time_t(1741948200)),
            "20250314T103000Z");
  EXPECT_EQ(FormatTmxDate(std::chrono::system_clock::from_time_t(1709164800)),
            "20240229T000000Z");
}

// Issue 17 item 13: two runs without --force to one new output both
// succeeded (the existence check and the rename raced). Without `replace`,
// the rename itself refuses an existing file.
TEST(OutputFileTest, NoReplaceKeepsTheExistingFile) {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/out.tmx";
  ASSERT_TRUE(WriteOutputFile(path, "first", /*replace=*/false).ok());
  const Status second = WriteOutputFile(path, "second", /*replace=*/false);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.message().find("out.tmx exists"), std::string::npos)
      << second;
  EXPECT_EQ(testing::ReadFile(path), "first");
  EXPECT_EQ(testing::ListDir(dir), std::vector<std::string>{"out.tmx"});
  ASSERT_TRUE(WriteOutputFile(path, "third").ok());  // replace: the default
  EXPECT_EQ(testing::ReadFile(path), "third");
}

// The two files of a Moses corpus: all or nothing. Before, OUT.en was left
// when OUT.uk failed.
TEST(OutputFileTest, SeveralFilesAreAllOrNothing) {
  const std::string dir = testing::MakeTempDir();
  ASSERT_EQ(::mkdir((dir + "/out.uk").c_str(), 0777), 0);  // cannot be written
  Status s = WriteOutputFiles(
      {{dir + "/out.en", "hello\n"}, {dir + "/out.uk", "pryvit\n"}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(testing::ListDir(dir), std::vector<std::string>{"out.uk"});
  // Without replace, an existing second file fails the call and the first
  // file, renamed by it, is taken back.
  testing::WriteFile(dir + "/b.uk", "old\n");
  s = WriteOutputFiles({{dir + "/b.en", "new\n"}, {dir + "/b.uk", "new\n"}},
                       /*replace=*/false);
  ASSERT_FALSE(s.ok());
  EXPECT_FALSE(testing::Exists(dir + "/b.en"));
  EXPECT_EQ(testing::ReadFile(dir + "/b.uk"), "old\n");
  ASSERT_TRUE(WriteOutputFiles({{dir + "/c.en", "1\n"}, {dir + "/c.uk", "2\n"}},
                               /*replace=*/false)
                  .ok());
  EXPECT_EQ(testing::ReadFile(dir + "/c.uk"), "2\n");
}

}  // namespace
}  // namespace crossalign
