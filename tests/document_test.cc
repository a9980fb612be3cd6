#include "crossalign/document.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeTempDir;
using testing::WriteFile;

TEST(DocumentTest, ParsesHeaderLine) {
  Document doc = Document::FromText(
      "a.txt", "## outlet: Kyiv Ledger | lang: uk | date: 2025-03-14\nТекст.\n");
  EXPECT_EQ(doc.metadata().outlet, "Kyiv Ledger");
  EXPECT_EQ(doc.metadata().lang, "uk");
  EXPECT_EQ(doc.metadata().date, "2025-03-14");
  EXPECT_EQ(doc.TextOf(doc.body()), "Текст.\n");
}

TEST(DocumentTest, NoHeaderMeansWholeTextIsBody) {
  Document doc = Document::FromText("a.txt", "## Not a header\nText.");
  EXPECT_TRUE(doc.metadata().outlet.empty());
  EXPECT_EQ(doc.body().begin, 0u);
  EXPECT_EQ(doc.body().end, doc.text().size());
}

class ReadDocumentFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    WriteFile(path, content);
    return path;
  }
  std::string dir_ = MakeTempDir();
};

TEST_F(ReadDocumentFileTest, ReadsUtf8AndSkipsBom) {
  auto doc = ReadDocumentFile(Write("a.txt", "\xEF\xBB\xBFHello world."));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->text(), "Hello world.");
}

TEST_F(ReadDocumentFileTest, MissingFile) {
  auto doc = ReadDocumentFile(dir_ + "/nope.txt");
  EXPECT_EQ(doc.status().code(), StatusCode::kNotFound);
  EXPECT_NE(doc.status().message().find("nope.txt"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, Directory) {
  auto doc = ReadDocumentFile(dir_);
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find("directory"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(ReadDocumentFile(Write("e.txt", "")).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadDocumentFile(Write("w.txt", " \n\t\n\xC2\xA0\n")).status().code(),
            StatusCode::kFailedPrecondition);
  // A header with no body is empty too.
  EXPECT_EQ(ReadDocumentFile(Write("h.txt", "## outlet: X | lang: en\n\n"))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(ReadDocumentFileTest, InvalidUtf8ReportsByteAndLine) {
  auto doc = ReadDocumentFile(Write("bad.txt", "ok\nstill ok \xC3\x28 here"));
  EXPECT_EQ(doc.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(doc.status().message().find("byte 12"), std::string::npos)
      << doc.status();
  EXPECT_NE(doc.status().message().find("line 2"), std::string::npos);
  EXPECT_NE(doc.status().message().find("bad.txt"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, RejectsSurrogatesAndOverlongForms) {
  EXPECT_EQ(ReadDocumentFile(Write("s.txt", "a \xED\xA0\x80 b")).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(ReadDocumentFile(Write("o.txt", "a \xC0\xAF b")).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(ReadDocumentFile(Write("t.txt", "truncated \xE2\x82")).status().code(),
            StatusCode::kDataLoss);
}

TEST_F(ReadDocumentFileTest, NulBytesAreBinary) {
  auto doc = ReadDocumentFile(Write("bin.txt", std::string("abc\0def", 7)));
  EXPECT_EQ(doc.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(doc.status().message().find("NUL"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, Utf16BomIsRejectedWithAdvice) {
  auto doc = ReadDocumentFile(Write("u16.txt", std::string("\xFF\xFEH\0i\0", 6)));
  EXPECT_EQ(doc.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(doc.status().message().find("UTF-16"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, SizeLimit) {
  ReadOptions options;
  options.max_file_bytes = 10;
  auto doc = ReadDocumentFile(Write("big.txt", std::string(11, 'a')), options);
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace crossalign
