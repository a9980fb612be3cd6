#include "crossalign/translation_aligner.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace crossalign
