#include "crossalign/sentence_segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crossalign {
namespace {

class SentenceSegmenterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto seg = SentenceSegmenter::Create();
    ASSERT_TRUE(seg.ok()) << seg.status();
    segmenter_ = std::move(*seg);
  }
  std::vector<std::string> Texts(const Document& doc) {
    std::vector<std::string> out;
    for (size_t i = 0; i < doc.segments().size(); ++i) {
      out.emplace_back(doc.SegmentText(i));
    }
    return out;
  }
  std::unique_ptr<SentenceSegmenter> segmenter_;
};

TEST_F(SentenceSegmenterTest, SplitsSentencesAndKeepsParagraphs) {
  Document doc = Document::FromText(
      "a.txt",
      "Bridge reopens\n\nThe bridge opened on Friday. It cost a lot!  \n"
      "Trains start Monday.\n\n  Officials were pleased.  \n");
  ASSERT_TRUE(segmenter_->Segment(&doc, "en").ok());
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{
                            "Bridge reopens", "The bridge opened on Friday.",
                            "It cost a lot!", "Trains start Monday.",
                            "Officials were pleased."}));
  ASSERT_EQ(doc.paragraphs().size(), 3u);
  EXPECT_EQ(doc.segments()[0].paragraph, 0);
  EXPECT_EQ(doc.segments()[1].paragraph, 1);
  EXPECT_EQ(doc.segments()[3].paragraph, 1);
  EXPECT_EQ(doc.segments()[4].paragraph, 2);
}

TEST_F(SentenceSegmenterTest, OffsetsPointIntoTheOriginalText) {
  const std::string text =
      "## outlet: X | lang: uk | date: 2025-03-14\n"
      "Міст відкрили.   Він коштував 1,2 млрд гривень.\n";
  Document doc = Document::FromText("a.txt", text);
  ASSERT_TRUE(segmenter_->Segment(&doc, "uk").ok());
  ASSERT_EQ(doc.segments().size(), 2u);
  const Span s = doc.segments()[1].span;
  EXPECT_EQ(text.substr(s.begin, s.size()), "Він коштував 1,2 млрд гривень.");
  // The header line is not part of any segment.
  EXPECT_GE(doc.segments()[0].span.begin, text.find('\n') + 1);
}

TEST_F(SentenceSegmenterTest, HeadlineWithoutFullStopIsAHeading) {
  Document doc = Document::FromText(
      "a.txt", "Rebuilt bridge opens to freight\n\nThe bridge opened.\n");
  ASSERT_TRUE(segmenter_->Segment(&doc, "en").ok());
  ASSERT_EQ(doc.segments().size(), 2u);
  EXPECT_EQ(doc.segments()[0].kind, SegmentKind::kHeading);
  EXPECT_EQ(doc.segments()[1].kind, SegmentKind::kSentence);
}

TEST_F(SentenceSegmenterTest, SplitsChineseAndKorean) {
  auto zh =
      segmenter_->Split("大桥周五重新开放。首列火车运送了葵花籽油！", "zh");
  ASSERT_TRUE(zh.ok());
  EXPECT_EQ(zh->size(), 2u);
  auto ko = segmenter_->Split("다리가 다시 열렸다. 첫 열차가 출발했다.", "ko");
  ASSERT_TRUE(ko.ok());
  EXPECT_EQ(ko->size(), 2u);
}

TEST_F(SentenceSegmenterTest, LineBreakEndsASentence) {
  auto spans =
      segmenter_->Split("Headline without stop\nFirst sentence here.", "en");
  ASSERT_TRUE(spans.ok());
  EXPECT_EQ(spans->size(), 2u);
}

TEST_F(SentenceSegmenterTest, UnknownLanguageFallsBackToRootRules) {
  auto spans = segmenter_->Split("One. Two.", "xx-invalid-tag");
  ASSERT_TRUE(spans.ok());
  EXPECT_EQ(spans->size(), 2u);
}

}  // namespace
}  // namespace crossalign
