#include "crossalign/translation_aligner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_support.h"

namespace crossalign {
namespace {

std::vector<std::string> Types(const Alignment& a) {
  std::vector<std::string> out;
  for (const Bead& b : a.beads) out.push_back(b.Type());
  return out;
}

TEST(TranslationAlignerTest, EqualLengthsGiveOneToOne) {
  TranslationAligner aligner;
  auto a = aligner.AlignLengths({50, 80, 30, 120}, {52, 78, 33, 118});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Types(*a), (std::vector<std::string>{"1-1", "1-1", "1-1", "1-1"}));
  for (const Bead& b : a->beads) {
    EXPECT_GT(b.score, 0.5);
    EXPECT_LE(b.score, 1.0);
  }
}

TEST(TranslationAlignerTest, FindsMergesAndSplits) {
  TranslationAligner aligner;
  // Source sentence 1 (100 chars) is split into 48 + 50 in the target;
  // source sentences 3 and 4 (40 + 45) are merged into one of 87.
  auto a =
      aligner.AlignLengths({60, 100, 70, 40, 45, 90}, {61, 48, 50, 72, 87, 91});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Types(*a),
            (std::vector<std::string>{"1-1", "1-2", "1-1", "2-1", "1-1"}));
  EXPECT_EQ(a->beads[1].src, (std::vector<int>{1}));
  EXPECT_EQ(a->beads[1].tgt, (std::vector<int>{1, 2}));
}

TEST(TranslationAlignerTest, EstimatesTheLengthRatio) {
  // The target language writes a third as many characters (like en -> zh).
  std::vector<int> src = {90, 150, 60, 120, 75, 210, 45, 99, 132, 81, 66, 141};
  std::vector<int> tgt;
  for (int l : src) tgt.push_back(l / 3);
  TranslationAligner aligner;
  auto a = aligner.AlignLengths(src, tgt);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->beads.size(), src.size());
  for (const Bead& b : a->beads) EXPECT_EQ(b.Type(), "1-1");
}

TEST(TranslationAlignerTest, EmptySidesGiveNullBeads) {
  TranslationAligner aligner;
  auto a = aligner.AlignLengths({10, 20}, {});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Types(*a), (std::vector<std::string>{"1-0", "1-0"}));
  EXPECT_EQ(a->beads[0].score, 0.0);
  auto b = aligner.AlignLengths({}, {});
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->beads.empty());
}

TEST(TranslationAlignerTest, BandedSearchMatchesFullSearchOnLongInput) {
  std::vector<int> src, tgt;
  for (int i = 0; i < 3000; ++i) {
    const int l = 20 + (i * 37) % 150;
    src.push_back(l);
    if (i % 50 == 7) {  // a split every 50 sentences
      tgt.push_back(l / 2);
      tgt.push_back(l - l / 2);
    } else {
      tgt.push_back(l + (i % 7) - 3);
    }
  }
  TranslationAlignerOptions banded;
  banded.band = 50;
  TranslationAlignerOptions full;
  full.band = 0;
  auto a = TranslationAligner(banded).AlignLengths(src, tgt);
  auto b = TranslationAligner(full).AlignLengths(src, tgt);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->beads.size(), b->beads.size());
  for (size_t i = 0; i < a->beads.size(); ++i) {
    EXPECT_EQ(a->beads[i].src, b->beads[i].src);
    EXPECT_EQ(a->beads[i].tgt, b->beads[i].tgt);
  }
}

// 10,000 sentences a side is past the direct-search size, so this runs the
// coarse-to-fine search; the truth is known by construction.
TEST(TranslationAlignerTest, CoarseToFineRecoversKnownPathOnLongInput) {
  std::vector<int> src, tgt;
  std::vector<std::string> truth;
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % 200);
  };
  int i = 0, j = 0;
  while (src.size() < 10000) {
    const int l = 15 + next();
    src.push_back(l);
    if (i % 97 == 13) {  // a split now and then
      tgt.push_back(l / 2);
      tgt.push_back(l - l / 2);
      truth.push_back(std::to_string(i) + ":" + std::to_string(j) + "," +
                      std::to_string(j + 1));
      j += 2;
    } else {
      tgt.push_back(l);
      truth.push_back(std::to_string(i) + ":" + std::to_string(j));
      j += 1;
    }
    ++i;
  }
  auto a = TranslationAligner().AlignLengths(src, tgt);
  ASSERT_TRUE(a.ok());
  std::vector<std::string> got;
  for (const Bead& b : a->beads) {
    std::string s;
    for (size_t k = 0; k < b.src.size(); ++k)
      s += (k ? "," : "") + std::to_string(b.src[k]);
    s += ":";
    for (size_t k = 0; k < b.tgt.size(); ++k)
      s += (k ? "," : "") + std::to_string(b.tgt[k]);
    got.push_back(s);
  }
  size_t correct = 0;
  std::set<std::string> truth_set(truth.begin(), truth.end());
  for (const std::string& s : got) correct += truth_set.count(s);
  // Exact lengths make every bead recoverable.
  EXPECT_GE(static_cast<double>(correct) / truth.size(), 0.99);
}

// Bead as "src ids:tgt ids", the form the F1 below compares.
std::string BeadKey(const std::vector<int>& src, const std::vector<int>& tgt) {
  std::string s;
  for (size_t k = 0; k < src.size(); ++k)
    s += (k ? "," : "") + std::to_string(src[k]);
  s += ":";
  for (size_t k = 0; k < tgt.size(); ++k)
    s += (k ? "," : "") + std::to_string(tgt[k]);
  return s;
}

// Strict bead F1 as in shared/eval/align/score.py: precision over every
// predicted bead, recall over the gold beads with both sides non-empty.
double StrictF1(const std::vector<std::string>& gold_pairs,
                const std::vector<std::string>& gold_all,
                const Alignment& alignment) {
  const std::set<std::string> gold(gold_all.begin(), gold_all.end());
  std::set<std::string> predicted, predicted_pairs;
  for (const Bead& b : alignment.beads) {
    if (b.src.empty() && b.tgt.empty()) continue;
    predicted.insert(BeadKey(b.src, b.tgt));
    if (!b.src.empty() && !b.tgt.empty())
      predicted_pairs.insert(BeadKey(b.src, b.tgt));
  }
  size_t p_hits = 0, r_hits = 0;
  for (const std::string& b : predicted) p_hits += gold.count(b);
  for (const std::string& b : gold_pairs) r_hits += predicted_pairs.count(b);
  const double p = predicted.empty() ? 0 : 1.0 * p_hits / predicted.size();
  const double r = gold_pairs.empty() ? 0 : 1.0 * r_hits / gold_pairs.size();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

// The lines of a file.
std::vector<std::string> FileLines(const std::string& path) {
  return testing::Lines(testing::ReadFile(path));
}

// The Text+Berg test documents one after the other, `copies` times: the gold
// of the whole is the documents' gold shifted.
struct Concatenated {
  std::vector<std::string> src, tgt;
  std::vector<std::string> gold_all, gold_pairs;
};
Concatenated ConcatenateTextBerg(int copies) {
  const std::string dir = testing::SharedDir() + "/eval/align/textberg";
  Concatenated c;
  for (int copy = 0; copy < copies; ++copy) {
    for (int d = 0; d < 7; ++d) {
      const std::string base = dir + "/orig/test" + std::to_string(d);
      const std::vector<std::string> s = FileLines(base + ".de");
      const std::vector<std::string> t = FileLines(base + ".fr");
      const int s0 = static_cast<int>(c.src.size());
      const int t0 = static_cast<int>(c.tgt.size());
      for (const std::string& line :
           FileLines(dir + "/gold/test" + std::to_string(d) + ".tsv")) {
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        auto shift = [](const std::string& ids, int by) {
          std::vector<int> out;
          std::stringstream in(ids);
          for (std::string id; std::getline(in, id, ',');) {
            if (!id.empty()) out.push_back(std::stoi(id) + by);
          }
          return out;
        };
        const std::vector<int> a = shift(line.substr(0, tab), s0);
        const std::vector<int> b = shift(line.substr(tab + 1), t0);
        if (a.empty() && b.empty()) continue;
        c.gold_all.push_back(BeadKey(a, b));
        if (!a.empty() && !b.empty()) c.gold_pairs.push_back(BeadKey(a, b));
      }
      c.src.insert(c.src.end(), s.begin(), s.end());
      c.tgt.insert(c.tgt.end(), t.begin(), t.end());
    }
  }
  return c;
}

// Coarse to fine over two block levels (blocks of 16 and 256 sentences,
// forced by a tiny direct-search size) must find the path one band around
// the diagonal finds: the band may not lose the true path. Eleven copies of
// the Text+Berg test documents (10,901 sentences a side) are long and
// repetitive enough: when block alignment could skip blocks with null beads,
// the skips compounded across levels and the path was lost (strict F1 0.779
// here, and 0.001 at a million sentences with the default blocks).
TEST(TranslationAlignerTest, BlockLevelsKeepThePathOnTextBerg) {
  CROSSALIGN_REQUIRE_SHARED();
  const Concatenated c = ConcatenateTextBerg(11);
  ASSERT_GT(c.src.size(), 10000u);
  const std::vector<std::string_view> src(c.src.begin(), c.src.end());
  const std::vector<std::string_view> tgt(c.tgt.begin(), c.tgt.end());
  TranslationAlignerOptions direct;
  TranslationAlignerOptions levels;
  levels.block_size = 16;
  levels.direct_search_cells = 100;
  auto a = TranslationAligner(direct).AlignTexts(src, tgt);
  auto b = TranslationAligner(levels).AlignTexts(src, tgt);
  ASSERT_TRUE(a.ok() && b.ok());
  const double f_direct = StrictF1(c.gold_pairs, c.gold_all, *a);
  const double f_levels = StrictF1(c.gold_pairs, c.gold_all, *b);
  // The documents alone score 0.864 (bench/RESULTS.md).
  EXPECT_GT(f_direct, 0.8);
  EXPECT_GT(f_levels, f_direct - 0.01);
}

// The same with lengths only, where nothing but the length model guides
// the fine level either; 31 copies (30,721 sentences), against the default
// plan (blocks of 8 and 64). With null beads between blocks the forced plan
// scored 0.04 against 0.74.
TEST(TranslationAlignerTest, BlockLevelsKeepTheLengthPathOnTextBerg) {
  CROSSALIGN_REQUIRE_SHARED();
  const Concatenated c = ConcatenateTextBerg(31);
  std::vector<int> src, tgt;
  for (const std::string& s : c.src) src.push_back(static_cast<int>(s.size()));
  for (const std::string& t : c.tgt) tgt.push_back(static_cast<int>(t.size()));
  TranslationAlignerOptions levels;
  levels.block_size = 16;
  levels.direct_search_cells = 100;
  auto a = TranslationAligner().AlignLengths(src, tgt);
  auto b = TranslationAligner(levels).AlignLengths(src, tgt);
  ASSERT_TRUE(a.ok() && b.ok());
  const double f_direct = StrictF1(c.gold_pairs, c.gold_all, *a);
  const double f_levels = StrictF1(c.gold_pairs, c.gold_all, *b);
  EXPECT_GT(f_direct, 0.6);
  EXPECT_GT(f_levels, f_direct - 0.01);
}

// The first verses of the Bible set in ../shared (King James English,
// Chinese Union Version; gold from the verse numbers): every gold bead
// whose source sentences are all below `max_src`, and the sentences they
// cover. English and Chinese share no script, so apart from numbers only
// a dictionary or the learned lexicon gives lexical evidence.
Concatenated BiblePrefix(int max_src) {
  const std::string dir = testing::SharedDir() + "/eval/align/bible-en-zh";
  const std::vector<std::string> src = FileLines(dir + "/orig/en.001");
  const std::vector<std::string> tgt = FileLines(dir + "/orig/zh.001");
  Concatenated c;
  int n = 0, m = 0;
  for (const std::string& line : FileLines(dir + "/gold/001.tsv")) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    auto ids = [](const std::string& list) {
      std::vector<int> out;
      std::stringstream in(list);
      for (std::string id; std::getline(in, id, ',');) {
        if (!id.empty()) out.push_back(std::stoi(id));
      }
      return out;
    };
    const std::vector<int> a = ids(line.substr(0, tab));
    const std::vector<int> b = ids(line.substr(tab + 1));
    if (!a.empty() && a.back() >= max_src) break;
    if (!a.empty()) n = a.back() + 1;
    if (!b.empty()) m = b.back() + 1;
    c.gold_all.push_back(BeadKey(a, b));
    if (!a.empty() && !b.empty()) c.gold_pairs.push_back(BeadKey(a, b));
  }
  c.src.assign(src.begin(), src.begin() + std::min<size_t>(n, src.size()));
  c.tgt.assign(tgt.begin(), tgt.begin() + std::min<size_t>(m, tgt.size()));
  return c;
}

double BibleF1(const Concatenated& c, const TranslationAlignerOptions& o) {
  const std::vector<std::string_view> src(c.src.begin(), c.src.end());
  const std::vector<std::string_view> tgt(c.tgt.begin(), c.tgt.end());
  auto a = TranslationAligner(o).AlignTexts(src, tgt);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? StrictF1(c.gold_pairs, c.gold_all, *a) : 0;
}

// Genesis 1 to 20 (498 English, 658 Chinese sentences). Without a
// dictionary and without the learned lexicon only the length model and
// the few numbers guide the path (strict F1 0.707 when this was written).
// A dictionary of 38 words written by hand from the two translations'
// vocabulary (names, "God", "LORD", "earth"...) lifts it (0.780), and the
// lexicon learned from the first pass lifts it further (0.847).
TEST(TranslationAlignerTest, DictionaryAndLearnedLexiconRaiseF1OnEnZh) {
  CROSSALIGN_REQUIRE_SHARED();
  const Concatenated c = BiblePrefix(500);
  ASSERT_GT(c.src.size(), 450u);
  ASSERT_GT(c.tgt.size(), 600u);
  ASSERT_GT(c.gold_pairs.size(), 400u);

  auto dictionary = std::make_shared<Dictionary>();
  for (const auto& [en, zh] : std::vector<std::pair<const char*, const char*>>{
           {"god", "神"},       {"lord", "耶和华"},     {"abraham", "亚伯拉罕"},
           {"abram", "亚伯兰"}, {"isaac", "以撒"},      {"jacob", "雅各"},
           {"joseph", "约瑟"},  {"moses", "摩西"},      {"aaron", "亚伦"},
           {"egypt", "埃及"},   {"pharaoh", "法老"},    {"israel", "以色列"},
           {"sarah", "撒拉"},   {"esau", "以扫"},       {"laban", "拉班"},
           {"noah", "挪亚"},    {"earth", "地"},        {"heaven", "天"},
           {"water", "水"},     {"waters", "水"},       {"said", "说"},
           {"son", "儿子"},     {"sons", "儿子"},       {"wife", "妻子"},
           {"father", "父亲"},  {"brother", "兄弟"},    {"brethren", "弟兄"},
           {"land", "地"},      {"day", "日"},          {"years", "岁"},
           {"people", "百姓"},  {"children", "人"},     {"priest", "祭司"},
           {"altar", "坛"},     {"tabernacle", "帐幕"}, {"offering", "祭"},
           {"gold", "金"},      {"silver", "银"}}) {
    dictionary->Add(en, zh);
  }

  TranslationAlignerOptions plain;
  plain.learn_lexicon = false;
  TranslationAlignerOptions with_dictionary = plain;
  with_dictionary.dictionary = dictionary;
  TranslationAlignerOptions with_lexicon;  // learn_lexicon is the default
  ASSERT_TRUE(with_lexicon.learn_lexicon);

  const double f_plain = BibleF1(c, plain);
  const double f_dictionary = BibleF1(c, with_dictionary);
  const double f_lexicon = BibleF1(c, with_lexicon);
  EXPECT_LT(f_plain, 0.74);
  EXPECT_GT(f_dictionary, 0.76);
  EXPECT_GT(f_dictionary, f_plain + 0.04);
  EXPECT_GT(f_lexicon, 0.82);
  EXPECT_GT(f_lexicon, f_plain + 0.08);
}

TEST(TranslationAlignerTest, SkipsBoilerplate) {
  Document src = Document::FromText("s", "Title one\nFirst sentence.\nAd\n");
  Document tgt = Document::FromText("t", "Titel eins\nErster Satz hier.\n");
  auto add = [](Document* d, size_t b, size_t e, SegmentKind k) {
    Segment s;
    s.span = {b, e};
    s.kind = k;
    d->mutable_segments()->push_back(s);
  };
  add(&src, 0, 9, SegmentKind::kHeading);
  add(&src, 10, 25, SegmentKind::kSentence);
  add(&src, 26, 28, SegmentKind::kBoilerplate);
  add(&tgt, 0, 10, SegmentKind::kHeading);
  add(&tgt, 11, 28, SegmentKind::kSentence);
  auto a = TranslationAligner().Align(src, tgt);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->beads.size(), 2u);
  EXPECT_EQ(a->beads[1].src, (std::vector<int>{1}));
  EXPECT_EQ(a->beads[1].tgt, (std::vector<int>{1}));
}

// A document of one sentence per line.
Document Lines(const std::string& name, const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  Document doc = Document::FromText(name, text);
  size_t at = 0;
  for (const std::string& l : lines) {
    Segment s;
    s.span = {at, at + l.size()};
    doc.mutable_segments()->push_back(s);
    at += l.size() + 1;
  }
  return doc;
}

const std::vector<std::string> kAnchorSrc = {
    "The bridge opened on Monday morning.", "Traffic was light at first.",
    "By noon, the queues stretched for two kilometres across the river.",
    "Officials said the delays would ease.", "The mayor thanked the builders."};
const std::vector<std::string> kAnchorTgt = {
    "Der Brueckenverkehr begann am Montagmorgen.", "Zuerst war wenig Verkehr.",
    "Gegen Mittag reichten die Schlangen zwei Kilometer ueber den Fluss.",
    "Die Behoerden sagten, die Verzoegerungen wuerden nachlassen.",
    "Der Buergermeister dankte den Bauleuten."};

TEST(TranslationAlignerTest, AnchoredAlignmentTakesTheAnchorsAsTheyAre) {
  const Document src = Lines("s", kAnchorSrc), tgt = Lines("t", kAnchorTgt);
  const TranslationAligner aligner;
  auto plain = aligner.Align(src, tgt);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Types(*plain),
            (std::vector<std::string>{"1-1", "1-1", "1-1", "1-1", "1-1"}));
  // A link against the aligner's choice: source 1 with target 2.
  Bead anchor;
  anchor.src = {1};
  anchor.tgt = {2};
  auto a = aligner.AlignAnchored(src, tgt, {anchor});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  int found = 0, last_src = -1, last_tgt = -1;
  for (const Bead& b : a->beads) {
    if (b.src == anchor.src && b.tgt == anchor.tgt) {
      ++found;
      EXPECT_EQ(b.score, 1.0);
      continue;
    }
    // No other bead holds the anchor's sentences or crosses it.
    for (int s : b.src) EXPECT_NE(s, 1);
    for (int t : b.tgt) EXPECT_NE(t, 2);
    if (!b.src.empty() && !b.tgt.empty()) {
      EXPECT_EQ(b.src.front() < 1, b.tgt.front() < 2) << b.Type();
    }
    for (int s : b.src) EXPECT_GT(s, last_src);
    for (int t : b.tgt) EXPECT_GT(t, last_tgt);
    if (!b.src.empty()) last_src = b.src.back();
    if (!b.tgt.empty()) last_tgt = b.tgt.back();
  }
  EXPECT_EQ(found, 1);
  // The pairs away from the anchor are the plain alignment's.
  EXPECT_EQ(a->beads.back().src, (std::vector<int>{4}));
  EXPECT_EQ(a->beads.back().tgt, (std::vector<int>{4}));
}

TEST(TranslationAlignerTest, AnchorsOfAnyShapeAndErrors) {
  const Document src = Lines("s", kAnchorSrc), tgt = Lines("t", kAnchorTgt);
  const TranslationAligner aligner;
  // 3-3 is not one of the search's bead shapes; an anchor may still be one.
  Bead big;
  big.src = {0, 1, 2};
  big.tgt = {0, 1, 2};
  auto a = aligner.AlignAnchored(src, tgt, {big});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_FALSE(a->beads.empty());
  EXPECT_EQ(a->beads.front().src, big.src);
  EXPECT_EQ(a->beads.front().tgt, big.tgt);
  // Crossing anchors, a gap inside an anchor, a sentence not in the
  // document: errors.
  Bead x, y;
  x.src = {1};
  x.tgt = {3};
  y.src = {3};
  y.tgt = {1};
  EXPECT_EQ(aligner.AlignAnchored(src, tgt, {x, y}).status().code(),
            StatusCode::kInvalidArgument);
  Bead gap;
  gap.src = {0, 2};
  gap.tgt = {0};
  EXPECT_EQ(aligner.AlignAnchored(src, tgt, {gap}).status().code(),
            StatusCode::kInvalidArgument);
  Bead out;
  out.src = {9};
  out.tgt = {0};
  EXPECT_EQ(aligner.AlignAnchored(src, tgt, {out}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace crossalign
