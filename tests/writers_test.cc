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
  WriterOptions options;
  options.min_score = 0.5;
  auto files = Render(OutputFormat::kTsv, "", {pair_}, options);
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->front().path, "");
  EXPECT_EQ(files->front().content,
            "source\ttarget\tscore\tbead\tdocument\n"
            "Back\\\\slash and \"quotes\" & <tags>.\tRück\\\\strich und "
            "„Anführung“ & <Tags>.\t0.9000\t1-1\t"
            "dir\\\\with\\ttab\\nand newline.en -> t.de\n"
            "Bell and tab.\tGlocke und Tab.\t0.8000\t1-1\t"
            "dir\\\\with\\ttab\\nand newline.en -> t.de\n");
}

TEST_F(WritersTest, MosesLinesAndFileNames) {
  EXPECT_FALSE(Render(OutputFormat::kMoses, "", {pair_}).ok());
  auto files = Render(OutputFormat::kMoses, "out/c", {pair_});
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].path, "out/c.en");
  EXPECT_EQ((*files)[1].path, "out/c.de");
  EXPECT_EQ((*files)[0].content,
            "Back\\slash and \"quotes\" & <tags>.\nBell and tab.\nLow one.\n");
  EXPECT_EQ((*files)[1].content,
            "Rück\\strich und „Anführung“ & <Tags>.\nGlocke und Tab.\n"
            "Niedrig.\n");
  EXPECT_EQ(MosesFileNames("out/c", "en", "de"),
            (std::vector<std::string>{"out/c.en", "out/c.de"}));
  EXPECT_EQ(MosesFileNames("c", "en", "en"),
            (std::vector<std::string>{"c.src.en", "c.tgt.en"}));
}

TEST_F(WritersTest, JsonlHasEveryBeadWithOffsets) {
  const std::string jsonl =
      Render(OutputFormat::kJsonl, "", {pair_})->front().content;
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
  WriterOptions options;
  options.review_below = 0.8;
  auto files = Render(OutputFormat::kXliff, "", {pair_}, options);
  ASSERT_TRUE(files.ok()) << files.status();
  const std::string* xliff = &files->front().content;
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

// --min-score is applied in one place, the same way for every format: pair
// beads below it are left out, 1-0 and 0-1 beads stay where a format keeps
// them (jsonl, beads).
TEST_F(WritersTest, MinScoreAppliesToEveryFormat) {
  WriterOptions options;
  options.min_score = 0.5;
  options.tmx.creation_time = std::chrono::system_clock::from_time_t(0);
  auto count = [&](OutputFormat format, const std::string& needle) {
    auto files = Render(format, "o", {pair_}, options);
    EXPECT_TRUE(files.ok()) << files.status();
    const std::string& text = files->front().content;
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_EQ(count(OutputFormat::kTmx, "<tu "), 2u);
  EXPECT_EQ(count(OutputFormat::kXliff, "<trans-unit "), 2u);
  EXPECT_EQ(count(OutputFormat::kTsv, "\n"), 3u);  // with the header line
  EXPECT_EQ(count(OutputFormat::kMoses, "\n"), 2u);
  EXPECT_EQ(count(OutputFormat::kJsonl, "\n"), 3u);  // the 1-0 bead too
  EXPECT_EQ(count(OutputFormat::kBeads, "\n"), 3u);
  EXPECT_EQ(CountUnits({pair_}, 0.5), 2u);
  EXPECT_EQ(CountUnits({pair_}, 0.0), 3u);
  EXPECT_FALSE(Render(OutputFormat::kBeads, "", {pair_, pair_}).ok());
}

TEST(OutputFormatTest, NamesAndExtensions) {
  for (const char* name : {"tmx", "tsv", "moses", "jsonl", "xliff", "beads"}) {
    auto format = ParseOutputFormat(name);
    ASSERT_TRUE(format.ok()) << name;
    EXPECT_STREQ(OutputFormatName(*format), name);
  }
  EXPECT_FALSE(ParseOutputFormat("TMX").ok());
  EXPECT_FALSE(ParseOutputFormat("").ok());
  EXPECT_EQ(OutputFormatExtension(OutputFormat::kXliff), ".xlf");
  EXPECT_EQ(OutputFormatExtension(OutputFormat::kTsv), ".tsv");
  EXPECT_EQ(OutputFormatExtension(OutputFormat::kMoses), "");
}

}  // namespace
}  // namespace crossalign
