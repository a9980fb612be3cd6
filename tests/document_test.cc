#include "crossalign/document.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeTempDir;
using testing::WriteFile;

TEST(DocumentTest, ParsesHeaderLine) {
  Document doc = Document::FromText(
      "a.txt",
      "## outlet: Kyiv Ledger | lang: uk | date: 2025-03-14\nТекст.\n");
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
  EXPECT_EQ(
      ReadDocumentFile(Write("w.txt", " \n\t\n\xC2\xA0\n")).status().code(),
      StatusCode::kFailedPrecondition);
  // A header with no body is empty too.
  EXPECT_EQ(ReadDocumentFile(Write("h.txt", "## outlet: X | lang: en\n\n"))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(ReadDocumentFileTest, BrokenUtf8IsReplacedAndReportedWithItsOffset) {
  // Valid Ukrainian UTF-8 with one truncated sequence at byte 23.
  const std::string text = "Міст відкрили.\nПотяг \xD0 їде.\nУсе гаразд.";
  auto doc = ReadDocumentFile(Write("bad.txt", text));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->source_encoding(), "UTF-8");
  EXPECT_NE(doc->text().find("Потяг \xEF\xBF\xBD їде."), std::string::npos);
  ASSERT_EQ(doc->warnings().size(), 1u);
  EXPECT_NE(doc->warnings()[0].find("bad.txt"), std::string::npos);
  EXPECT_NE(doc->warnings()[0].find("at byte 38"), std::string::npos)
      << doc->warnings()[0];
}

TEST_F(ReadDocumentFileTest, NulBytesAreBinary) {
  auto doc = ReadDocumentFile(Write("bin.txt", std::string("abc\0def", 7)));
  EXPECT_EQ(doc.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(doc.status().message().find("NUL"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, Utf16WithBomIsDecoded) {
  // "Hi ї" in UTF-16LE with a byte-order mark.
  auto doc = ReadDocumentFile(
      Write("u16.txt", std::string("\xFF\xFEH\0i\0 \0\x57\x04", 10)));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->text(), "Hi ї");
  EXPECT_EQ(doc->source_encoding(), "UTF-16LE");
}

// Legacy encodings of Cyrillic and Korean news text, written byte by byte
// from the code charts (not by our decoder).
TEST_F(ReadDocumentFileTest, DetectsLegacyEncodings) {
  // "Уряд заявив, що міст відкрили у п'ятницю." in windows-1251.
  const std::string cp1251 =
      "\xD3\xF0\xFF\xE4 \xE7\xE0\xFF\xE2\xE8\xE2, \xF9\xEE "
      "\xEC\xB3\xF1\xF2 \xE2\xB3\xE4\xEA\xF0\xE8\xEB\xE8 \xF3 "
      "\xEF'\xFF\xF2\xED\xE8\xF6\xFE. \xD3\xF0\xFF\xE4 "
      "\xE7\xE0\xFF\xE2\xE8\xE2, \xF9\xEE \xEC\xB3\xF1\xF2 "
      "\xE2\xB3\xE4\xEA\xF0\xE8\xEB\xE8.\n";
  auto doc = ReadDocumentFile(Write("cp1251.txt", cp1251));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->source_encoding(), "windows-1251");
  EXPECT_NE(doc->text().find("Уряд заявив, що міст відкрили"),
            std::string::npos)
      << doc->text();
  // Forced encoding wins over detection.
  ReadOptions koi;
  koi.encoding = "KOI8-U";
  // "міст" in KOI8-U: м=CD і=A6 с=D3 т=D4.
  auto forced = ReadDocumentFile(Write("koi.txt", "\xCD\xA6\xD3\xD4\n"), koi);
  ASSERT_TRUE(forced.ok()) << forced.status();
  EXPECT_EQ(forced->text(), "міст\n");
  ReadOptions bogus;
  bogus.encoding = "no-such-encoding";
  EXPECT_EQ(ReadDocumentFile(Write("x.txt", "abc"), bogus).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ReadDocumentFileTest, SizeLimit) {
  ReadOptions options;
  options.max_file_bytes = 10;
  auto doc = ReadDocumentFile(Write("big.txt", std::string(11, 'a')), options);
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace crossalign
