// End-to-end tests of `align split`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::Exists;
using testing::Lines;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SharedDir;
using testing::SourceDir;
using testing::WriteFile;

std::string Split(const std::string& args) {
  return Quote(AlignBinary()) + " split " + args;
}

TEST(SplitCliTest, LinesFormatGivesOneSegmentPerLine) {
  const std::string dir = MakeTempDir();
  const std::string path = dir + "/a.txt";
  WriteFile(path,
            "ua en ru\nBridge reopens\nAuthor: Olena K.\n\nThe bridge opened "
            "on Friday at 10 a.m.\nIt was rebuilt by Podillia Mostobud Co. "
            "in 18 months. Trains run\nfrom Monday.\n");
  auto r = RunCommand(Split("--lang en " + Quote(path)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out),
            (std::vector<std::string>{
                "ua en ru", "Bridge reopens", "Author: Olena K.",
                "The bridge opened on Friday at 10 a.m.",
                "It was rebuilt by Podillia Mostobud Co. in 18 months.",
                "Trains run from Monday."}));
}

TEST(SplitCliTest, JsonlGivesKindsParagraphsAndExactOffsets) {
  const std::string path =
      SourceDir() + "/corpora/dniester-bridge/kyiv-ledger.uk.txt";
  auto r = RunCommand(Split("--format jsonl " + Quote(path)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = ReadFile(path);
  const auto lines = Lines(r.out);
  ASSERT_GE(lines.size(), 30u);
  // First unit: the language menu.
  EXPECT_NE(lines[0].find("\"kind\":\"boilerplate\""), std::string::npos)
      << lines[0];
  // Sentences carry the article's language.
  for (const std::string& line : lines) {
    if (line.find("\"kind\":\"sentence\"") == std::string::npos) continue;
    EXPECT_NE(line.find("\"lang\":\"uk\""), std::string::npos) << line;
  }
  int headings = 0;
  int last_paragraph = -1;
  for (const std::string& line : lines) {
    const size_t s = line.find("\"start\":");
    const size_t e = line.find("\"end\":");
    const size_t p = line.find("\"paragraph\":");
    ASSERT_TRUE(s != std::string::npos && e != std::string::npos &&
                p != std::string::npos)
        << line;
    const size_t start = std::stoul(line.substr(s + 8));
    const size_t end = std::stoul(line.substr(e + 6));
    const int paragraph = std::stoi(line.substr(p + 12));
    ASSERT_LT(start, end);
    ASSERT_LE(end, text.size());
    EXPECT_GE(paragraph, last_paragraph);
    last_paragraph = paragraph;
    // The text field is the exact substring (no quotes or backslashes in
    // this article's segments... except escaped quotes, so compare a prefix).
    const std::string piece =
        text.substr(start, std::min<size_t>(end - start, 12));
    if (piece.find('"') == std::string::npos) {
      EXPECT_NE(line.find("{\"text\":\"" + piece), std::string::npos) << line;
    }
    headings += line.find("\"kind\":\"heading\"") != std::string::npos;
  }
  EXPECT_GE(headings, 2);
}

TEST(SplitCliTest, ReadsStdin) {
  auto r = RunCommand("printf 'One. Two.\\n' | " + Split("--lang en -"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), (std::vector<std::string>{"One.", "Two."}));
}

TEST(SplitCliTest, SrxAndErrors) {
  const std::string dir = MakeTempDir();
  const std::string text = dir + "/a.txt";
  WriteFile(text, "We met Brig. Hale. He smiled.\n");
  const std::string srx = dir + "/r.srx";
  WriteFile(srx,
            "<srx version='2.0'><body><languagerules>"
            "<languagerule languagerulename='E'><rule break='no'>"
            "<beforebreak>Brig\\.</beforebreak><afterbreak>\\s</afterbreak>"
            "</rule></languagerule></languagerules><maprules>"
            "<languagemap languagepattern='en' languagerulename='E'/>"
            "</maprules></body></srx>");
  auto r =
      RunCommand(Split("--lang en --srx " + Quote(srx) + " " + Quote(text)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out),
            (std::vector<std::string>{"We met Brig. Hale.", "He smiled."}));
  const std::string bad = dir + "/bad.srx";
  WriteFile(bad, "<srx><body>");
  r = RunCommand(Split("--lang en --srx " + Quote(bad) + " " + Quote(text)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.srx: not an SRX file"), std::string::npos) << r.err;
  r = RunCommand(Split("--lang en --line-breaks sometimes " + Quote(text)));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--line-breaks"), std::string::npos) << r.err;
  r = RunCommand(Split("--lang en " + Quote(dir + "/missing.txt")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
  const std::string out = dir + "/out.txt";
  r = RunCommand(Split("--lang en -o " + Quote(out) + " " + Quote(text)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Exists(out));
}

// Issue 16, item 9: an empty or blank article has no segments; that is
// not an error.
TEST(SplitCliTest, EmptyOrBlankInputPrintsNothing) {
  const std::string dir = MakeTempDir();
  for (const std::string& content : {std::string(), std::string(" \n\n\t \n"),
                                     std::string("\xEF\xBB\xBF\n")}) {
    const std::string path = dir + "/blank.txt";
    WriteFile(path, content);
    auto r = RunCommand(Split(Quote(path)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
    r = RunCommand(Split("--format jsonl --lang en " + Quote(path)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
  }
  auto r = RunCommand("printf '' | " + Split("--lang en -"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  // With -o the output file exists and is empty.
  const std::string out = dir + "/out.txt";
  WriteFile(dir + "/empty.txt", "");
  r = RunCommand(Split("-o " + Quote(out) + " " + Quote(dir + "/empty.txt")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Exists(out));
  EXPECT_EQ(ReadFile(out), "");
}

// The characters of `text` that are not white space (Unicode White_Space,
// and the invisible U+200B and U+FEFF), in order, as UTF-8.
std::string NonSpace(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1   ? c
                  : len == 2 ? c & 0x1F
                  : len == 3 ? c & 0x0F
                             : c & 0x07;
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    const bool space = (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 ||
                       cp == 0xA0 || cp == 0x1680 ||
                       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
                       cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
                       cp == 0x3000 || cp == 0xFEFF;
    if (!space) out += text.substr(i, len);
    i += len;
  }
  return out;
}

// Item 7: `align split` never drops text. The segments of every kind,
// concatenated, hold every non-space character of the input, in order
// (the "## outlet: | lang: | date:" header is metadata, not text).
void ExpectCoverage(const std::string& path, const std::string& lang) {
  std::string input = ReadFile(path);
  if (input.compare(0, 3, "\xEF\xBB\xBF") == 0) input.erase(0, 3);
  if (input.compare(0, 3, "## ") == 0) {
    const size_t eol = input.find('\n');
    const std::string first = input.substr(0, eol);
    if (first.find("lang:") != std::string::npos ||
        first.find("outlet:") != std::string::npos ||
        first.find("date:") != std::string::npos) {
      input.erase(0, eol == std::string::npos ? input.size() : eol);
    }
  }
  const std::string args = lang.empty() ? "" : "--lang " + lang + " ";
  auto r = RunCommand(Split(args + Quote(path)));
  ASSERT_EQ(r.exit_code, 0) << path << ": " << r.err;
  const std::string want = NonSpace(input);
  const std::string got = NonSpace(r.out);
  if (got == want) return;
  size_t k = 0;
  while (k < got.size() && k < want.size() && got[k] == want[k]) ++k;
  ADD_FAILURE() << path << ": the segments lose or change text at non-space "
                << "character " << k << ": input has \"" << want.substr(k, 60)
                << "\", segments have \"" << got.substr(k, 60) << "\"";
}

TEST(SplitCliTest, SegmentsCoverEveryCharacterOfTheCorpora) {
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           SourceDir() + "/corpora")) {
    const std::string path = e.path().string();
    if (e.path().extension() != ".txt" ||
        e.path().parent_path().filename() == "gold") {
      continue;
    }
    const std::string stem = e.path().stem().string();  // name.lang
    const size_t dot = stem.rfind('.');
    if (dot == std::string::npos) continue;
    ExpectCoverage(path, stem.substr(dot + 1));
    ExpectCoverage(path, "");  // language detected
    ++files;
  }
  EXPECT_GE(files, 13);
}

TEST(SplitCliTest, SegmentsCoverEveryCharacterOfTheSeeds) {
  const std::string seeds = SharedDir() + "/seeds";
  if (!std::filesystem::is_directory(seeds)) {
    GTEST_SKIP() << "no " << seeds << " (../shared absent): seeds not checked";
  }
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(seeds)) {
    if (!e.is_regular_file()) continue;
    ExpectCoverage(e.path().string(), "");
    ExpectCoverage(e.path().string(), "en");
    ++files;
  }
  EXPECT_GE(files, 1);
}

// The benchmark input, built as bench/segment_bench builds it (sentences of
// a paragraph joined, one paragraph per line), and as one sentence per line.
TEST(SplitCliTest, SegmentsCoverEveryCharacterOfTheBenchmarkInput) {
  const std::string dir = MakeTempDir();
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           SourceDir() + "/bench/data/segment_news")) {
    if (e.path().extension() != ".txt") continue;
    const std::string lang = e.path().stem().string();
    const std::string sep = lang == "zh" || lang == "ja" ? "" : " ";
    std::ifstream in(e.path());
    std::string joined;
    bool start = true;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] == '#') continue;  // a comment
      if (line.empty()) {
        if (!start) joined += "\n";
        start = true;
        continue;
      }
      joined += (start ? "" : sep) + line;
      start = false;
    }
    const std::string path = dir + "/" + lang + "-" +
                             e.path().parent_path().filename().string() +
                             ".txt";
    WriteFile(path, joined + "\n");
    ExpectCoverage(path, lang);
    ExpectCoverage(e.path().string(), lang);
    ++files;
  }
  EXPECT_GE(files, 30);
}

}  // namespace
}  // namespace crossalign
