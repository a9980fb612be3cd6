#include "crossalign/pipeline.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeTempDir;
using testing::WriteFile;

class PipelineTest : public ::testing::Test {
 protected:
  const Pipeline* pipeline_ = &testing::SharedPipeline();
};

TEST_F(PipelineTest, AlignsATranslationPairFromFiles) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.en.txt",
            "Bridge reopens after two years\n\n"
            "The rebuilt railway bridge reopened on Friday morning. "
            "The first train carried sunflower oil to the port.\n"
            "Officials said that forty-two trains a week would cross it.\n");
  WriteFile(dir + "/a.uk.txt",
            "Міст знову відкрили після двох років\n\n"
            "Відбудований залізничний міст знову відкрили в пʼятницю вранці. "
            "Перший потяг повіз соняшникову олію до порту.\n"
            "Посадовці заявили, що ним курсуватимуть сорок два потяги на "
            "тиждень.\n");
  auto pair = pipeline_->AlignFiles(dir + "/a.en.txt", dir + "/a.uk.txt");
  ASSERT_TRUE(pair.ok()) << pair.status();
  EXPECT_EQ(pair->src->lang(), "en");
  EXPECT_EQ(pair->tgt->lang(), "uk");
  ASSERT_EQ(pair->src->segments().size(), 4u);
  ASSERT_EQ(pair->alignment.beads.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(pair->alignment.beads[i].src,
              std::vector<int>{static_cast<int>(i)});
    EXPECT_EQ(pair->alignment.beads[i].tgt,
              std::vector<int>{static_cast<int>(i)});
  }
  for (const Segment& s : pair->tgt->segments()) EXPECT_EQ(s.lang, "uk");
}

TEST_F(PipelineTest, ExplicitLanguageWins) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.txt", "Short text here.\n");
  auto doc = pipeline_->Prepare(dir + "/a.txt", "de");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)->lang(), "de");
}

TEST_F(PipelineTest, ErrorsNameTheFile) {
  auto pair = pipeline_->AlignFiles("/nonexistent/x.txt", "/nonexistent/y.txt");
  ASSERT_FALSE(pair.ok());
  EXPECT_NE(pair.status().message().find("/nonexistent/x.txt"),
            std::string::npos);
}

TEST(PipelineCreateTest, MissingModelIsAnError) {
  PipelineOptions options;
  options.lid_model = "/nonexistent/model.ftz";
  auto p = Pipeline::Create(options);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kNotFound);
}

// A segmentation failure is an error naming the document, not a document
// without segments. The user's rules folder has a broken de.rules; the
// pipeline (English by default) is created, and only a German document
// meets the broken file.
TEST(PipelinePrepareTest, SegmentationFailureIsAnError) {
  PipelineOptions options;
  options.languages_given = true;
  options.segmenter.rules_dir = MakeTempDir();
  WriteFile(options.segmenter.rules_dir + "/de.rules", "[nonsense]\nBrig\n");
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();

  auto en = (*pipeline)->PrepareDocument(
      Document::FromText("a.en.txt", "One sentence. And another one."), "en");
  ASSERT_TRUE(en.ok()) << en.status();
  EXPECT_EQ((*en)->segments().size(), 2u);

  auto de = (*pipeline)->PrepareDocument(
      Document::FromText("b.de.txt", "Ein Satz. Und noch einer."), "de");
  ASSERT_FALSE(de.ok());
  EXPECT_EQ(de.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(de.status().message().find("b.de.txt"), std::string::npos)
      << de.status();
  EXPECT_NE(de.status().message().find("de.rules:1"), std::string::npos)
      << de.status();

  // Prepare() passes the error on too.
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/c.txt", "Ein Satz. Und noch einer.\n");
  auto from_file = (*pipeline)->Prepare(dir + "/c.txt", "de");
  ASSERT_FALSE(from_file.ok());
  EXPECT_NE(from_file.status().message().find("c.txt"), std::string::npos)
      << from_file.status();
}

}  // namespace
}  // namespace crossalign
