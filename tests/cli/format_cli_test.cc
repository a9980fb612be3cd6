// Every --format of `align SRC TGT`, on a translation pair and a
// cross-outlet pair from corpora/: each must carry the units the TMX of the
// same run carries.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>

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
using testing::SourceDir;

struct TmxUnitText {
  std::string src, tgt, score, bead;
};

std::vector<TmxUnitText> TmxUnits(const std::string& xml) {
  std::vector<TmxUnitText> units;
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str()));
  for (pugi::xml_node tu : doc.child("tmx").child("body").children("tu")) {
    pugi::xml_node first = tu.child("tuv");
    units.push_back(
        {first.child("seg").text().get(),
         first.next_sibling("tuv").child("seg").text().get(),
         tu.find_child_by_attribute("prop", "type", "x-score").text().get(),
         tu.find_child_by_attribute("prop", "type", "x-bead").text().get()});
  }
  return units;
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) fields.push_back(field);
  if (!line.empty() && line.back() == sep) fields.push_back("");
  return fields;
}

std::string TsvUnescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char c = text[++i];
      out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

struct Case {
  const char* name;
  const char* src;
  const char* tgt;
};

class FormatCliTest : public ::testing::TestWithParam<Case> {
 protected:
  std::string dir_ = MakeTempDir();
  std::string src_ = SourceDir() + "/corpora/" + GetParam().src;
  std::string tgt_ = SourceDir() + "/corpora/" + GetParam().tgt;

  testing::CommandResult Run(const std::string& args) {
    return RunCommand(Quote(AlignBinary()) + " " + Quote(src_) + " " +
                      Quote(tgt_) + " --date 2025-03-14 " + args);
  }
  std::vector<TmxUnitText> Reference() {
    auto r = Run("");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto units = TmxUnits(r.out);
    EXPECT_GE(units.size(), 5u);
    return units;
  }
};

TEST_P(FormatCliTest, Tsv) {
  const auto want = Reference();
  auto r = Run("--format tsv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), want.size() + 1);
  EXPECT_EQ(lines[0], "source\ttarget\tscore\tbead\tdocument");
  for (size_t i = 0; i < want.size(); ++i) {
    const auto fields = Split(lines[i + 1], '\t');
    ASSERT_EQ(fields.size(), 5u) << lines[i + 1];
    EXPECT_EQ(TsvUnescape(fields[0]), want[i].src);
    EXPECT_EQ(TsvUnescape(fields[1]), want[i].tgt);
    EXPECT_EQ(fields[2], want[i].score);
    EXPECT_EQ(fields[3], want[i].bead);
    EXPECT_EQ(fields[4], src_ + " -> " + tgt_);
  }
}

TEST_P(FormatCliTest, Moses) {
  const auto want = Reference();
  const std::string out = dir_ + "/corpus";
  auto r = Run("--format moses -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The languages name the files.
  std::string src_lang, tgt_lang;
  {
    pugi::xml_document doc;
    doc.load_string(Run("").out.c_str());
    pugi::xml_node tuv =
        doc.child("tmx").child("body").child("tu").child("tuv");
    src_lang = tuv.attribute("xml:lang").value();
    tgt_lang = tuv.next_sibling("tuv").attribute("xml:lang").value();
  }
  const std::string src_file =
      src_lang == tgt_lang ? out + ".src." + src_lang : out + "." + src_lang;
  const std::string tgt_file =
      src_lang == tgt_lang ? out + ".tgt." + tgt_lang : out + "." + tgt_lang;
  const auto src_lines = Lines(ReadFile(src_file));
  const auto tgt_lines = Lines(ReadFile(tgt_file));
  ASSERT_EQ(src_lines.size(), want.size()) << src_file;
  ASSERT_EQ(tgt_lines.size(), want.size()) << tgt_file;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(src_lines[i], want[i].src);
    EXPECT_EQ(tgt_lines[i], want[i].tgt);
  }
  // Existing files need --force; no -o is a usage error.
  EXPECT_EQ(Run("--format moses -o " + Quote(out)).exit_code, 4);
  EXPECT_EQ(Run("--format moses --force -o " + Quote(out)).exit_code, 0);
  EXPECT_EQ(Run("--format moses").exit_code, 2);
}

TEST_P(FormatCliTest, Jsonl) {
  const auto want = Reference();
  const std::string out = dir_ + "/beads.jsonl";
  auto r = Run("--format jsonl -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Checked by Python's json module: every line parses, the offsets point at
  // the segments in the article files (UTF-8, so decoded text == bytes), and
  // the pair beads are the TMX units.
  std::string expected;
  for (const auto& u : want) expected += u.src + "\t" + u.tgt + "\n";
  testing::WriteFile(dir_ + "/want.tsv", expected);
  const std::string script =
      "import json, sys\n"
      "docs = {}\n"
      "pairs = []\n"
      "kinds = set()\n"
      "beads = 0\n"
      "for line in open(sys.argv[1], encoding='utf-8'):\n"
      "  b = json.loads(line)\n"
      "  beads += 1\n"
      "  for side in ('src', 'tgt'):\n"
      "    name = b[side + '_document']\n"
      "    text = docs.setdefault(name, open(name, 'rb').read())\n"
      "    for s in b[side]['segments']:\n"
      "      seg = text[s['begin']:s['end']].decode('utf-8')\n"
      "      assert seg.strip() == seg and seg, (name, s)\n"
      "      assert ' '.join(seg.split()) in b[side]['text'], (seg, b)\n"
      "      assert isinstance(s['paragraph'], int)\n"
      "      kinds.add(s['kind'])\n"
      "    assert b[side]['lang']\n"
      "  if b['src']['text'] and b['tgt']['text']:\n"
      "    pairs.append(b['src']['text'] + '\\t' + b['tgt']['text'])\n"
      "want = open(sys.argv[2], encoding='utf-8').read().splitlines()\n"
      "assert pairs == want, (len(pairs), len(want))\n"
      "print(beads, sorted(kinds))\n";
  testing::WriteFile(dir_ + "/check.py", script);
  r = RunCommand("python3 " + Quote(dir_ + "/check.py") + " " + Quote(out) +
                 " " + Quote(dir_ + "/want.tsv"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("sentence"), std::string::npos) << r.out;
}

TEST_P(FormatCliTest, Xliff) {
  const auto want = Reference();
  const std::string out = dir_ + "/review.xlf";
  auto r = Run("--format xliff --review-below 0.8 -o " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(RunCommand("xmllint --noout " + Quote(out)).exit_code, 0);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(out.c_str()));
  pugi::xml_node xliff = doc.child("xliff");
  EXPECT_STREQ(xliff.attribute("version").value(), "1.2");
  pugi::xml_node file = xliff.child("file");
  EXPECT_STRNE(file.attribute("source-language").value(), "");
  size_t i = 0, review = 0;
  for (pugi::xml_node tu : file.child("body").children("trans-unit")) {
    ASSERT_LT(i, want.size());
    EXPECT_EQ(tu.child_value("source"), want[i].src);
    EXPECT_EQ(tu.child_value("target"), want[i].tgt);
    const std::string state = tu.child("target").attribute("state").value();
    const bool low = std::stod(want[i].score) < 0.8;
    EXPECT_EQ(state, low ? "needs-review-translation" : "translated");
    review += low;
    ++i;
  }
  EXPECT_EQ(i, want.size());
  // translate-toolkit (a real XLIFF consumer) reads every unit.
  if (Exists("/usr/bin/pretranslate")) {
    r = RunCommand(
        "/usr/bin/python3 -c 'import sys\nfrom translate.storage import "
        "xliff\ns = xliff.xlifffile.parsefile(sys.argv[1])\nprint(len([u for "
        "u in s.units if u.source and u.target]), s.getsourcelanguage(), "
        "s.gettargetlanguage())' " +
        Quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find(' ')), std::to_string(want.size()));
  }
  // Bad threshold.
  EXPECT_EQ(Run("--format xliff --review-below 2").exit_code, 2);
  (void)review;
}

INSTANTIATE_TEST_SUITE_P(
    Corpora, FormatCliTest,
    ::testing::Values(Case{"translation", "dniester-bridge/kyiv-ledger.en.txt",
                           "dniester-bridge/kyiv-ledger.uk.txt"},
                      Case{"cross_outlet",
                           "dniester-bridge/meridian-wire.en.txt",
                           "dniester-bridge/rheinischer-bote.de.txt"},
                      Case{"cross_outlet_same_language",
                           "busan-ferry/pacific-courier.en.txt",
                           "busan-ferry/haebit-news.en.txt"}),
    [](const ::testing::TestParamInfo<Case>& p) { return p.param.name; });

TEST(FormatCliUsageTest, UnknownFormatAndManyArticles) {
  const std::string story = SourceDir() + "/corpora/dniester-bridge";
  auto r = RunCommand(Quote(AlignBinary()) + " " +
                      Quote(story + "/kyiv-ledger.en.txt") + " " +
                      Quote(story + "/kyiv-ledger.uk.txt") + " --format csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format must be"), std::string::npos);
  r = RunCommand(Quote(AlignBinary()) + " " + Quote(story) +
                 " --format beads -o " + Quote(MakeTempDir() + "/o"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format beads needs two articles"), std::string::npos);
}

// Many-article mode writes one file per language pair in every format but
// beads, with the units of the TMX it writes for the same pair.
TEST(FormatCliCollectionTest, OneFilePerLanguagePair) {
  const std::string story = SourceDir() + "/corpora/dniester-bridge";
  const std::string dir = MakeTempDir();
  const std::string common = " --date 2025-03-14 -o ";
  auto run = [&](const std::string& format) {
    auto r =
        RunCommand(Quote(AlignBinary()) + " " + Quote(story) + " --format " +
                   format + common + Quote(dir + "/" + format));
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
  };
  for (const char* format : {"tmx", "tsv", "moses", "jsonl", "xliff"}) {
    run(format);
  }
  const auto want = TmxUnits(ReadFile(dir + "/tmx/en-uk.tmx"));
  ASSERT_GE(want.size(), 10u);
  EXPECT_EQ(Lines(ReadFile(dir + "/tsv/en-uk.tsv")).size(), want.size() + 1);
  const auto en = Lines(ReadFile(dir + "/moses/en-uk.en"));
  const auto uk = Lines(ReadFile(dir + "/moses/en-uk.uk"));
  ASSERT_EQ(en.size(), want.size());
  ASSERT_EQ(uk.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(en[i], want[i].src);
    EXPECT_EQ(uk[i], want[i].tgt);
  }
  EXPECT_TRUE(Exists(dir + "/moses/en-en.src.en"));
  EXPECT_TRUE(Exists(dir + "/jsonl/en-uk.jsonl"));
  pugi::xml_document xliff;
  ASSERT_TRUE(xliff.load_file((dir + "/xliff/en-uk.xlf").c_str()));
  size_t units = 0;
  for (pugi::xml_node file : xliff.child("xliff").children("file")) {
    for (pugi::xml_node tu : file.child("body").children("trans-unit")) {
      (void)tu;
      ++units;
    }
  }
  EXPECT_EQ(units, want.size());
}

}  // namespace
}  // namespace crossalign
