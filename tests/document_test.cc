#include "crossalign/document.h"

#include <gtest/gtest.h>

#include <tuple>

#include "crossalign/pipeline.h"
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
  ReadDocumentOptions koi;
  koi.encoding = "KOI8-U";
  // "міст" in KOI8-U: м=CD і=A6 с=D3 т=D4.
  auto forced = ReadDocumentFile(Write("koi.txt", "\xCD\xA6\xD3\xD4\n"), koi);
  ASSERT_TRUE(forced.ok()) << forced.status();
  EXPECT_EQ(forced->text(), "міст\n");
  ReadDocumentOptions bogus;
  bogus.encoding = "no-such-encoding";
  EXPECT_EQ(ReadDocumentFile(Write("x.txt", "abc"), bogus).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ReadDocumentFileTest, SizeLimit) {
  ReadDocumentOptions options;
  options.max_file_bytes = 10;
  auto doc = ReadDocumentFile(Write("big.txt", std::string(11, 'a')), options);
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceExhausted);
}

// Issue 17 item 14: Shift_JIS Japanese came out as GB18030 (zh), EUC-JP as
// ISO-8859-5 (ru); one lone surrogate in ASCII text made the file
// windows-1252; Latin-1 "naive" with a diaeresis became windows-1250. The
// texts were written for this test and encoded with Python's codecs.
const char kJapaneseShiftJis[] =
    "\x93\x8C\x8B\x9E\x93\x73\x82\xCD\x8C\x8E\x97\x6A\x93\xFA\x81\x41\x90\xEC"
    "\x82\xC9\x89\xCB\x82\xA9\x82\xE9\x90\x56\x82\xB5\x82\xA2\x8B\xB4\x82\xCC"
    "\x8C\x9A\x90\xDD\x82\xF0\x8E\x6E\x82\xDF\x82\xE9\x82\xC6\x94\xAD\x95\x5C"
    "\x82\xB5\x82\xBD\x81\x42\x8D\x48\x8E\x96\x82\xCD\x97\x88\x94\x4E\x82\xCC"
    "\x8F\x74\x82\xC9\x8F\x49\x82\xED\x82\xE9\x97\x5C\x92\xE8\x82\xC5\x81\x41"
    "\x94\xEF\x97\x70\x82\xCD\x96\xF1\x93\xF1\x8F\x5C\x89\xAD\x89\x7E\x82\xC9"
    "\x82\xC8\x82\xE9\x82\xC6\x82\xA2\x82\xA4\x81\x42\x8F\x5A\x96\xAF\x82\xCC"
    "\x91\xBD\x82\xAD\x82\xCD\x8C\x76\x89\xE6\x82\xF0\x8A\xBD\x8C\x7D\x82\xB5"
    "\x82\xC4\x82\xA2\x82\xE9\x81\x42";
const char kJapaneseEucJp[] =
    "\xC5\xEC\xB5\xFE\xC5\xD4\xA4\xCF\xB7\xEE\xCD\xCB\xC6\xFC\xA1\xA2\xC0\xEE"
    "\xA4\xCB\xB2\xCD\xA4\xAB\xA4\xEB\xBF\xB7\xA4\xB7\xA4\xA4\xB6\xB6\xA4\xCE"
    "\xB7\xFA\xC0\xDF\xA4\xF2\xBB\xCF\xA4\xE1\xA4\xEB\xA4\xC8\xC8\xAF\xC9\xBD"
    "\xA4\xB7\xA4\xBF\xA1\xA3\xB9\xA9\xBB\xF6\xA4\xCF\xCD\xE8\xC7\xAF\xA4\xCE"
    "\xBD\xD5\xA4\xCB\xBD\xAA\xA4\xEF\xA4\xEB\xCD\xBD\xC4\xEA\xA4\xC7\xA1\xA2"
    "\xC8\xF1\xCD\xD1\xA4\xCF\xCC\xF3\xC6\xF3\xBD\xBD\xB2\xAF\xB1\xDF\xA4\xCB"
    "\xA4\xCA\xA4\xEB\xA4\xC8\xA4\xA4\xA4\xA6\xA1\xA3\xBD\xBB\xCC\xB1\xA4\xCE"
    "\xC2\xBF\xA4\xAF\xA4\xCF\xB7\xD7\xB2\xE8\xA4\xF2\xB4\xBF\xB7\xDE\xA4\xB7"
    "\xA4\xC6\xA4\xA4\xA4\xEB\xA1\xA3";
const char kLatin1[] =
    "\x54\x68\x65\x20\x6E\x61\xEF\x76\x65\x20\x70\x6C\x61\x6E\x20\x6F\x66\x20"
    "\x74\x68\x65\x20\x63\x69\x74\x79\x20\x63\x6F\x75\x6E\x63\x69\x6C\x20\x66"
    "\x61\x69\x6C\x65\x64\x2C\x20\x6F\x66\x66\x69\x63\x69\x61\x6C\x73\x20\x73"
    "\x61\x69\x64\x20\x6F\x6E\x20\x46\x72\x69\x64\x61\x79\x2E\x20\x54\x68\x65"
    "\x20\x63\x61\x66\xE9\x20\x6F\x77\x6E\x65\x72\x73\x20\x77\x65\x72\x65\x20"
    "\x6E\x6F\x74\x20\x73\x75\x72\x70\x72\x69\x73\x65\x64\x20\x62\x79\x20\x74"
    "\x68\x65\x20\x64\x65\x63\x69\x73\x69\x6F\x6E\x20\x6F\x66\x20\x74\x68\x65"
    "\x20\x63\x6F\x75\x6E\x63\x69\x6C\x2E";

TEST_F(ReadDocumentFileTest, LegacyEncodingsAreChosenByLanguage) {
  const std::string ja =
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAF";  // 東京都は
  const Pipeline& pipeline = testing::SharedPipeline();
  for (const auto& [name, bytes, encoding] :
       {std::tuple<std::string, std::string, std::string>{
            "sjis.txt", kJapaneseShiftJis, "Shift_JIS"},
        {"eucjp.txt", kJapaneseEucJp, "EUC-JP"}}) {
    auto doc = pipeline.Prepare(Write(name, bytes));
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ((*doc)->source_encoding(), encoding) << name;
    EXPECT_EQ((*doc)->text().substr(0, ja.size()), ja) << name;
    EXPECT_EQ((*doc)->lang(), "ja") << name;
  }
  auto latin1 = pipeline.Prepare(Write("latin1.txt", kLatin1));
  ASSERT_TRUE(latin1.ok()) << latin1.status();
  EXPECT_NE((*latin1)->text().find("The na\xC3\xAFve plan"), std::string::npos)
      << (*latin1)->source_encoding() << ": " << (*latin1)->text();
  EXPECT_NE((*latin1)->text().find("caf\xC3\xA9"), std::string::npos);
}

TEST_F(ReadDocumentFileTest, LoneSurrogateInAsciiIsBrokenUtf8) {
  auto doc =
      ReadDocumentFile(Write("s.txt",
                             "The bridge reopened on Friday \xED\xA0\x80 after "
                             "repairs, officials said."));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->source_encoding(), "UTF-8");
  EXPECT_NE(doc->text().find("Friday \xEF\xBF\xBD"), std::string::npos)
      << doc->text();
  ASSERT_EQ(doc->warnings().size(), 1u);
}

}  // namespace
}  // namespace crossalign
