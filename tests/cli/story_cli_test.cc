// End-to-end tests of the story decisions: --report, -v, --same-story,
// --pairs and the warning for two unrelated articles. Expected values come
// from corpora/'s own layout (which article belongs to which story), never
// from the code under test.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "cli_support.h"
#include "gold_corpus.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Align;
using testing::Exists;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

std::string Story(const std::string& name) {
  return SourceDir() + "/corpora/" + name;
}

// The value of "key" in one JSON line (strings unescaped only for quotes).
std::string Field(const std::string& line, const std::string& key) {
  const std::string tag = "\"" + key + "\":";
  const size_t pos = line.find(tag);
  if (pos == std::string::npos) return "";
  size_t begin = pos + tag.size();
  if (line[begin] == '"') {
    std::string out;
    for (size_t i = begin + 1; i < line.size() && line[i] != '"'; ++i) {
      if (line[i] == '\\') ++i;
      out += line[i];
    }
    return out;
  }
  const size_t end = line.find_first_of(",}", begin);
  return line.substr(begin, end - begin);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string Folder(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const std::string dir = path.substr(0, slash);
  return dir.substr(dir.find_last_of('/') + 1);
}

// Two stories in one run: every pair of one story is aligned, no pair across
// the stories, and the report has one line per pair compared (those sharing a
// name or number, and every pair of one story) with every field.
TEST(StoryCliTest, ReportHasOneLinePerPairAndKeepsStoriesApart) {
  const std::string out = MakeTempDir() + "/out";
  auto r = RunCommand(Align(
      Quote(Story("dniester-bridge")) + " " + Quote(Story("seoul-night-bus")) +
      " -o " + Quote(out) + " --report " + Quote(out + ".report.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(ReadFile(out + ".report.jsonl"));
  // 6 + 2 articles: the 15 + 1 pairs inside the stories and those of the 12
  // across them that share a name or number.
  ASSERT_GE(lines.size(), 16u);
  ASSERT_LE(lines.size(), 28u);
  int aligned = 0;
  for (const std::string& line : lines) {
    for (const char* key :
         {"src", "tgt", "similarity", "decision", "reason", "units"}) {
      EXPECT_NE(line.find(std::string("\"") + key + "\":"), std::string::npos)
          << key << " in " << line;
    }
    const double similarity = std::stod(Field(line, "similarity"));
    EXPECT_GE(similarity, 0.0);
    EXPECT_LE(similarity, 1.0);
    const std::string decision = Field(line, "decision");
    const bool same = Folder(Field(line, "src")) == Folder(Field(line, "tgt"));
    if (same) {
      EXPECT_NE(decision, "unrelated") << line;
      ++aligned;
    } else {
      EXPECT_EQ(decision, "unrelated") << line;
      EXPECT_EQ(Field(line, "units"), "0") << line;
    }
    EXPECT_FALSE(Field(line, "reason").empty()) << line;
  }
  EXPECT_EQ(aligned, 15 + 1);
}

TEST(StoryCliTest, VerbosePrintsTheReportLines) {
  const std::string out = MakeTempDir() + "/out";
  auto r = RunCommand(
      Align(Quote(Story("seoul-night-bus")) + " -o " + Quote(out) + " -v"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("\"decision\":\"translation\""), std::string::npos)
      << r.err;
}

// Two articles of different stories: a warning naming both, exit 1, and a
// report line saying why.
TEST(StoryCliTest, UnrelatedPairIsReportedAndExitsOne) {
  const std::string dir = MakeTempDir();
  const std::string src = Story("dniester-bridge/meridian-wire.en.txt");
  const std::string tgt = Story("seoul-night-bus/hanul-times.en.txt");
  auto r = RunCommand(Align(Quote(src) + " " + Quote(tgt) + " -o " +
                            Quote(dir + "/out.tmx") + " --report " +
                            Quote(dir + "/report.jsonl")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("different stories"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hanul-times.en.txt"), std::string::npos) << r.err;
  const auto lines = Lines(ReadFile(dir + "/report.jsonl"));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(Field(lines[0], "decision"), "unrelated");
  EXPECT_EQ(Field(lines[0], "units"), "0");
  EXPECT_EQ(Field(lines[0], "src"), src);
  // The TMX is still written, valid and empty.
  EXPECT_EQ(ReadFile(dir + "/out.tmx").find("<tu "), std::string::npos);
  // Translation mode is the user's word that they belong together: they are
  // aligned, with a warning naming both (#24), so the exit code is the
  // warnings' 1.
  r = RunCommand(Align(Quote(src) + " " + Quote(tgt) + " --mode translation"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("look unrelated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("meridian-wire.en.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hanul-times.en.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("<tu "), std::string::npos);
}

// Two articles of one story in two-file mode: one report line, aligned.
TEST(StoryCliTest, RelatedPairGivesOneReportLine) {
  const std::string dir = MakeTempDir();
  auto r = RunCommand(Align(
      Quote(Story("dniester-bridge/meridian-wire.en.txt")) + " " +
      Quote(Story("dniester-bridge/rheinischer-bote.de.txt")) + " -o " +
      Quote(dir + "/out.tmx") + " --report " + Quote(dir + "/report.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(ReadFile(dir + "/report.jsonl"));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(Field(lines[0], "decision"), "comparable");
  EXPECT_GT(std::stoi(Field(lines[0], "units")), 3);
}

// --same-story 1 sets a bar no pair of articles reaches.
TEST(StoryCliTest, SameStoryThresholdSeparatesEverything) {
  const std::string out = MakeTempDir() + "/out";
  auto r =
      RunCommand(Align(Quote(Story("dniester-bridge")) + " -o " + Quote(out) +
                       " --same-story 1 --report " + Quote(out + ".jsonl")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& line : Lines(ReadFile(out + ".jsonl"))) {
    EXPECT_EQ(Field(line, "decision"), "unrelated") << line;
  }
  r = RunCommand(Align(Quote(Story("dniester-bridge")) + " -o " +
                       Quote(out + "2") + " --same-story 1.5"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

// --pairs aligns exactly the listed pairs, in the listed direction, even
// across stories, and nothing else.
TEST(StoryCliTest, PairsFileAlignsExactlyTheListedPairs) {
  const std::string dir = MakeTempDir();
  const std::string a = Story("dniester-bridge/kyiv-ledger.en.txt");
  const std::string b = Story("dniester-bridge/kyiv-ledger.uk.txt");
  const std::string c = Story("seoul-night-bus/hanul-times.ko.txt");
  WriteFile(dir + "/pairs.tsv",
            "# listed pairs\n" + b + "\t" + a + "\n" + a + "\t" + c + "\n");
  auto r = RunCommand(Align("--pairs " + Quote(dir + "/pairs.tsv") + " -o " +
                            Quote(dir + "/out") + " --report " +
                            Quote(dir + "/report.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(ReadFile(dir + "/report.jsonl"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(Field(lines[0], "src"), b);
  EXPECT_EQ(Field(lines[0], "tgt"), a);
  EXPECT_EQ(Field(lines[0], "decision"), "translation");
  EXPECT_EQ(Field(lines[1], "src"), a);
  EXPECT_EQ(Field(lines[1], "tgt"), c);
  EXPECT_TRUE(Exists(dir + "/out/uk-en.tmx"));
  EXPECT_FALSE(Exists(dir + "/out/en-uk.tmx"));
  // A malformed line is an error naming the file and line.
  WriteFile(dir + "/bad.tsv", a + "\n");
  r = RunCommand(Align("--pairs " + Quote(dir + "/bad.tsv") + " -o " +
                       Quote(dir + "/out2")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.tsv:1"), std::string::npos) << r.err;
}

// Every story of corpora/ in one run: no pair of articles of two stories is
// aligned, and every pair the gold shows sharing passages is. Which articles
// form a story comes from the gold: articles linked by a gold pair with
// beads are one story; an article whose only pairs share nothing (a brief
// on another event filed beside a story) is a story of its own.
TEST(StoryCliTest, AllCorporaInOneRunNeverMixStories) {
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> find =
      [&](const std::string& x) {
        if (!parent.count(x)) parent[x] = x;
        return parent[x] == x ? x : parent[x] = find(parent[x]);
      };
  std::set<std::pair<std::string, std::string>> must_pair;
  for (const auto& gold : testing::ReadGoldPairs()) {
    find(gold.src);
    find(gold.tgt);
    if (gold.beads.empty()) continue;
    parent[find(gold.src)] = find(gold.tgt);
    must_pair.insert({gold.src, gold.tgt});
  }
  ASSERT_GE(parent.size(), 20u);
  std::string inputs;
  for (const std::string& dir : testing::StoryDirs())
    inputs += Quote(dir) + " ";
  const std::string out = MakeTempDir() + "/out";
  auto r = RunCommand(Align(inputs + "-o " + Quote(out) + " --report " +
                            Quote(out + ".jsonl") + " --jobs 2"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int aligned = 0, across = 0;
  std::set<std::pair<std::string, std::string>> paired;
  for (const std::string& line : Lines(ReadFile(out + ".jsonl"))) {
    const std::string src = Field(line, "src"), tgt = Field(line, "tgt");
    if (Field(line, "decision") == "unrelated") continue;
    ++aligned;
    paired.insert({src, tgt});
    paired.insert({tgt, src});
    if (find(src) != find(tgt)) {
      ++across;
      ADD_FAILURE() << "two stories paired: " << line;
    }
  }
  EXPECT_EQ(across, 0);
  // Every pair of articles inside a story is aligned.
  std::map<std::string, int> story_size;
  for (const auto& entry : parent) ++story_size[find(entry.first)];
  int within = 0;
  for (const auto& [root, n] : story_size) within += n * (n - 1) / 2;
  EXPECT_EQ(aligned, within);
  for (const auto& [src, tgt] : must_pair) {
    EXPECT_TRUE(paired.count({src, tgt})) << src << " -> " << tgt;
  }
}

}  // namespace
}  // namespace crossalign
