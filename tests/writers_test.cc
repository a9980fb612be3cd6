#include "crossalign/writers.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeBead;
using testing::MakeDoc;

class WritersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pair_.src = MakeDoc("dir\\with\ttab\nand newline.en", "en",
                        {"Back\\slash and \"quotes\" & <tags>.",
                         "Bell\x07 and\ttab.", "Dropped.", "Low one."});
    pair_.tgt = MakeDoc("t.de", "de",
                        {"Rück\\strich und „Anführung“ & <Tags>.",
                         "Glocke und Tab.", "Niedrig."});
    pair_.alignment.beads = {MakeBead({0}, {0}, 0.9),
                             MakeBead({1}, {1}, 0.79996),
                             MakeBead({2}, {}, 0.0), MakeBead({3}, {2}, 0.2)};
  }
  AlignedPair pair_;
};

TEST_F(WritersTest, TsvEscapesTabsNewlinesAndBackslashes) {
  OutputOptions options;
  options.min_score = 0.5;
  const std::string tsv = RenderTsv({pair_}, options);
  EXPECT_EQ(tsv,
            "source\ttarget\tscore\tbead\tdocument\n"
            "Back\\\\slash and \"quotes\" & <tags>.\tRück\\\\strich und "
            "„Anführung“ & <Tags>.\t0.9000\t1-1\t"
            "dir\\\\with\\ttab\\nand newline.en -> t.de\n"
            "Bell and tab.\tGlocke und Tab.\t0.8000\t1-1\t"
            "dir\\\\with\\ttab\\nand newline.en -> t.de\n");
}

TEST_F(WritersTest, MosesLinesAndFileNames) {
  const ParallelText text = RenderMoses({pair_});
  EXPECT_EQ(text.source,
            "Back\\slash and \"quotes\" & <tags>.\nBell and tab.\nLow one.\n");
  EXPECT_EQ(text.target,
            "Rück\\strich und „Anführung“ & <Tags>.\nGlocke und Tab.\n"
            "Niedrig.\n");
  EXPECT_EQ(MosesFileNames("out/c", "en", "de"),
            (std::vector<std::string>{"out/c.en", "out/c.de"}));
  EXPECT_EQ(MosesFileNames("c", "en", "en"),
            (std::vector<std::string>{"c.src.en", "c.tgt.en"}));
}

TEST_F(WritersTest, JsonlHasEveryBeadWithOffsets) {
  const std::string jsonl = RenderJsonl({pair_});
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 4);  // 1-0 too
  EXPECT_NE(jsonl.find("\"src_document\":\"dir\\\\with\\ttab\\nand "
                       "newline.en\""),
            std::string::npos)
      << jsonl;
  EXPECT_NE(jsonl.find("\"text\":\"Back\\\\slash and \\\"quotes\\\" & "
                       "<tags>.\""),
            std::string::npos)
      << jsonl;
  EXPECT_NE(jsonl.find("{\"index\":0,\"begin\":0,\"end\":33,\"paragraph\":0,"
                       "\"kind\":\"sentence\",\"lang\":\"en\"}"),
            std::string::npos)
      << jsonl;
  EXPECT_NE(jsonl.find("\"bead\":\"1-0\",\"score\":0.0000"), std::string::npos);
  EXPECT_NE(jsonl.find("\"tgt\":{\"lang\":\"de\",\"outlet\":\"\",\"date\":\"\","
                       "\"text\":\"\",\"segments\":[]}"),
            std::string::npos);
  // Raw control characters never reach the output.
  for (char c : jsonl) {
    EXPECT_TRUE(static_cast<unsigned char>(c) >= 0x20 || c == '\n');
  }
}

TEST_F(WritersTest, XliffMarksLowScoresForReview) {
  OutputOptions options;
  options.review_below = 0.8;
  auto xliff = RenderXliff({pair_}, options);
  ASSERT_TRUE(xliff.ok()) << xliff.status();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xliff->c_str()));
  pugi::xml_node file = doc.child("xliff").child("file");
  EXPECT_STREQ(file.attribute("source-language").value(), "en");
  EXPECT_STREQ(file.attribute("target-language").value(), "de");
  std::vector<std::string> states, sources;
  for (auto tu : file.child("body").children("trans-unit")) {
    states.push_back(tu.child("target").attribute("state").value());
    sources.push_back(tu.child_value("source"));
  }
  // 0.79996 is written as 0.8000, so it is not below 0.8.
  EXPECT_EQ(states, (std::vector<std::string>{"translated", "translated",
                                              "needs-review-translation"}));
  EXPECT_EQ(sources[0], "Back\\slash and \"quotes\" & <tags>.");
  EXPECT_EQ(xliff->find("&#"), std::string::npos);
}

}  // namespace
}  // namespace crossalign
