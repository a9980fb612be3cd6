// End-to-end tests of `align split`.
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::Exists;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

std::string Split(const std::string& args) {
  return Quote(AlignBinary()) + " split " + args;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
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

}  // namespace
}  // namespace crossalign
