// Many articles at once (crossalign/collection.h) through the library:
// stories kept apart, every pair inside a story aligned in the right
// orientation, a decision for every pair, listed pairs, and the clusters of
// passages that several articles share. The expectations come from how
// corpora/ was written (which articles tell one story, which are
// translations: corpora/*/pairs.tsv) and, for the clusters, from beads
// written by hand.
#include "crossalign/collection.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeBead;
using testing::MakeDoc;
using testing::SourceDir;

using Docs = std::vector<std::shared_ptr<const Document>>;

std::shared_ptr<const Document> Prepare(const std::string& corpora_path) {
  auto doc = testing::SharedPipeline().Prepare(SourceDir() + "/corpora/" +
                                               corpora_path);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *doc : nullptr;
}

// Two stories: three articles of dniester-bridge (the Kyiv Ledger's English
// article and its Ukrainian translation, and a Meridian Wire report of the
// same events) and seoul-night-bus's English article and its Korean
// translation.
class CollectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    docs_ = new Docs{Prepare("dniester-bridge/kyiv-ledger.en.txt"),
                     Prepare("dniester-bridge/kyiv-ledger.uk.txt"),
                     Prepare("dniester-bridge/meridian-wire.en.txt"),
                     Prepare("seoul-night-bus/hanul-times.en.txt"),
                     Prepare("seoul-night-bus/hanul-times.ko.txt")};
  }
  static void TearDownTestSuite() { delete docs_; }
  static Docs* docs_;

  enum { kLedgerEn, kLedgerUk, kWireEn, kHanulEn, kHanulKo };

  static bool SameStory(size_t a, size_t b) {
    return (a <= kWireEn) == (b <= kWireEn);
  }
};

Docs* CollectionTest::docs_ = nullptr;

TEST_F(CollectionTest, AlignsEveryPairInsideAStoryAndNoneAcross) {
  for (const auto& d : *docs_) ASSERT_NE(d, nullptr);
  auto run = AlignCollection(testing::SharedPipeline(), *docs_, {});
  ASSERT_TRUE(run.ok()) << run.status();

  ASSERT_EQ(run->story_of.size(), 5u);
  EXPECT_EQ(run->story_of[kLedgerEn], run->story_of[kLedgerUk]);
  EXPECT_EQ(run->story_of[kLedgerEn], run->story_of[kWireEn]);
  EXPECT_EQ(run->story_of[kHanulEn], run->story_of[kHanulKo]);
  EXPECT_NE(run->story_of[kLedgerEn], run->story_of[kHanulEn]);

  // One decision per pair compared, in document order: at most every pair,
  // and at least the four inside the two stories.
  ASSERT_LE(run->decisions.size(), 10u);
  ASSERT_GE(run->decisions.size(), 4u);
  std::set<std::pair<size_t, size_t>> seen;
  std::pair<size_t, size_t> previous(0, 0);
  for (const PairDecision& d : run->decisions) {
    const std::pair<size_t, size_t> key(std::min(d.src, d.tgt),
                                        std::max(d.src, d.tgt));
    EXPECT_TRUE(seen.insert(key).second) << d.src << "-" << d.tgt;
    EXPECT_LT(previous, key);
    previous = key;
    EXPECT_FALSE(d.reason.empty());
    EXPECT_GE(d.similarity, 0.0);
    EXPECT_LE(d.similarity, 1.0);
    if (SameStory(d.src, d.tgt)) {
      EXPECT_EQ(d.story, run->story_of[d.src]) << d.src << "-" << d.tgt;
      ASSERT_GE(d.aligned, 0) << d.src << "-" << d.tgt << ": " << d.reason;
      const AlignedPair& pair = run->pairs[d.aligned];
      EXPECT_EQ(pair.src, (*docs_)[d.src]);
      EXPECT_EQ(pair.tgt, (*docs_)[d.tgt]);
      EXPECT_FALSE(pair.alignment.beads.empty());
    } else {
      EXPECT_EQ(d.decision, "unrelated") << d.src << "-" << d.tgt;
      EXPECT_EQ(d.aligned, -1);
      EXPECT_EQ(d.story, -1);
    }
  }
  EXPECT_EQ(run->pairs.size(), 4u);

  auto decision = [&](size_t src, size_t tgt) -> const PairDecision* {
    for (const PairDecision& d : run->decisions) {
      if (d.src == src && d.tgt == tgt) return &d;
    }
    return nullptr;
  };
  // English has three articles, so it is the source against Ukrainian and
  // Korean; two English articles keep their order. Translations are
  // aligned as translations, independent reports as comparable texts.
  ASSERT_NE(decision(kLedgerEn, kLedgerUk), nullptr);
  EXPECT_EQ(decision(kLedgerEn, kLedgerUk)->decision, "translation");
  ASSERT_NE(decision(kHanulEn, kHanulKo), nullptr);
  EXPECT_EQ(decision(kHanulEn, kHanulKo)->decision, "translation");
  ASSERT_NE(decision(kLedgerEn, kWireEn), nullptr);
  EXPECT_EQ(decision(kLedgerEn, kWireEn)->decision, "comparable");
  ASSERT_NE(decision(kWireEn, kLedgerUk), nullptr);
  EXPECT_EQ(decision(kWireEn, kLedgerUk)->decision, "comparable");

  const auto groups = GroupByLanguagePair(run->pairs);
  std::vector<std::string> keys;
  for (const auto& [langs, pairs] : groups) keys.push_back(langs);
  EXPECT_EQ(keys, (std::vector<std::string>{"en-en", "en-ko", "en-uk"}));
  EXPECT_EQ(groups.at("en-uk").size(), 2u);
}

TEST_F(CollectionTest, JobsDoNotChangeTheResult) {
  CollectionOptions options;
  auto one = AlignCollection(testing::SharedPipeline(), *docs_, options);
  options.jobs = 3;
  size_t calls = 0, last_done = 0, last_total = 0;
  options.progress = [&](size_t done, size_t total) {
    ++calls;
    EXPECT_EQ(done, last_done + 1);
    last_done = done;
    last_total = total;
  };
  auto three = AlignCollection(testing::SharedPipeline(), *docs_, options);
  ASSERT_TRUE(one.ok() && three.ok());
  EXPECT_EQ(calls, one->pairs.size());
  EXPECT_EQ(last_total, one->pairs.size());
  ASSERT_EQ(one->decisions.size(), three->decisions.size());
  for (size_t k = 0; k < one->decisions.size(); ++k) {
    const PairDecision &a = one->decisions[k], &b = three->decisions[k];
    EXPECT_EQ(std::make_pair(a.src, a.tgt), std::make_pair(b.src, b.tgt));
    EXPECT_EQ(a.decision, b.decision);
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(a.aligned, b.aligned);
  }
  ASSERT_EQ(one->pairs.size(), three->pairs.size());
  for (size_t k = 0; k < one->pairs.size(); ++k) {
    const auto &a = one->pairs[k].alignment.beads,
               &b = three->pairs[k].alignment.beads;
    ASSERT_EQ(a.size(), b.size()) << k;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].src, b[i].src);
      EXPECT_EQ(a[i].tgt, b[i].tgt);
      EXPECT_EQ(a[i].score, b[i].score);
    }
  }
}

TEST_F(CollectionTest, PairsSharingNoNameOrNumberAreNotCompared) {
  // An article that shares no name and no number with the others (it has
  // none) is never a candidate pair.
  auto lone = testing::SharedPipeline().PrepareDocument(Document::FromText(
      "lone.en.txt",
      "## outlet: X | lang: en | date: 2025-01-01\n"
      "Quiet weather returned to the coast this week, and the "
      "ferries ran again.\n"));
  ASSERT_TRUE(lone.ok()) << lone.status();
  Docs docs = *docs_;
  docs.push_back(*lone);
  auto run = AlignCollection(testing::SharedPipeline(), docs, {});
  ASSERT_TRUE(run.ok()) << run.status();
  for (const PairDecision& d : run->decisions) {
    EXPECT_NE(d.src, 5u) << d.reason;
    EXPECT_NE(d.tgt, 5u) << d.reason;
  }
  // Asked about, such a pair says why it was not compared.
  StoryOptions options;
  const StoryGrouping grouping = GroupStories(docs, options);
  const StoryLink link = FindStoryLink(grouping, 5, kHanulKo);
  EXPECT_EQ(link.shared_keys, 0);
  EXPECT_FALSE(link.same_story);
  EXPECT_EQ(link.reason,
            "different stories: shares fewer than 2 names and numbers");
}

TEST_F(CollectionTest, AWindowKeepsArticlesDaysApartFromBeingCompared) {
  // The same three articles of one story, one dated a year later: with a
  // 30-day window it is compared with neither of the others.
  const Document& wire = *(*docs_)[kWireEn];
  std::string text = wire.text();
  const size_t date = text.find("date: ");
  ASSERT_NE(date, std::string::npos);
  text.replace(date + 6, 4, "2031");
  auto later = testing::SharedPipeline().PrepareDocument(
      Document::FromText("later.en.txt", text));
  ASSERT_TRUE(later.ok()) << later.status();
  ASSERT_EQ((*later)->metadata().date.substr(0, 4), "2031");
  Docs docs = {(*docs_)[kLedgerEn], (*docs_)[kLedgerUk], *later};
  StoryOptions options;
  EXPECT_EQ(GroupStories(docs, options).links.size(), 3u);
  options.window_days = 30;
  const StoryGrouping grouping = GroupStories(docs, options);
  ASSERT_EQ(grouping.links.size(), 1u);
  EXPECT_EQ(grouping.links[0].a, 0u);
  EXPECT_EQ(grouping.links[0].b, 1u);
  EXPECT_NE(grouping.story_of[2], grouping.story_of[0]);
}

TEST_F(CollectionTest, HandedOnPairsComeInDecisionOrderAndAreNotKept) {
  auto kept = AlignCollection(testing::SharedPipeline(), *docs_, {});
  ASSERT_TRUE(kept.ok()) << kept.status();
  CollectionOptions options;
  options.jobs = 3;
  std::vector<size_t> order;
  std::vector<AlignedPair> handed;
  options.on_pair = [&](size_t decision, AlignedPair&& pair) {
    order.push_back(decision);
    handed.push_back(std::move(pair));
    return Status::Ok();
  };
  auto run = AlignCollection(testing::SharedPipeline(), *docs_, options);
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_TRUE(run->pairs.empty());
  ASSERT_EQ(handed.size(), kept->pairs.size());
  for (size_t k = 0; k < handed.size(); ++k) {
    EXPECT_EQ(run->decisions[order[k]].aligned, static_cast<int>(k));
    if (k > 0) {
      EXPECT_LT(order[k - 1], order[k]);
    }
    EXPECT_EQ(handed[k].src, kept->pairs[k].src);
    EXPECT_EQ(handed[k].tgt, kept->pairs[k].tgt);
    EXPECT_EQ(handed[k].alignment.beads.size(),
              kept->pairs[k].alignment.beads.size());
  }
  // The first error stops the run and is its result.
  options.on_pair = [](size_t, AlignedPair&&) {
    return ResourceExhaustedError("disk full");
  };
  auto failed = AlignCollection(testing::SharedPipeline(), *docs_, options);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kResourceExhausted);
}

// A caller stops a run by returning CancelledError from on_pair: no
// further pair is aligned, and the run ends with that kCancelled status.
TEST_F(CollectionTest, OnPairCancelsTheRun) {
  auto kept = AlignCollection(testing::SharedPipeline(), *docs_, {});
  ASSERT_TRUE(kept.ok()) << kept.status();
  ASSERT_GE(kept->pairs.size(), 2u);  // else nothing would be left to stop
  CollectionOptions options;
  options.jobs = 1;
  size_t aligned = 0, handed = 0;
  options.progress = [&](size_t, size_t) { ++aligned; };
  options.on_pair = [&](size_t, AlignedPair&&) {
    ++handed;
    return CancelledError("stopped by the caller");
  };
  auto run = AlignCollection(testing::SharedPipeline(), *docs_, options);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), StatusCode::kCancelled);
  EXPECT_EQ(run.status().ToString(), "cancelled: stopped by the caller");
  EXPECT_EQ(handed, 1u);
  EXPECT_EQ(aligned, 1u);
}

TEST_F(CollectionTest, ListedPairsAreAlignedAsListedWithoutGrouping) {
  CollectionOptions options;
  // Korean source, English target, of two different stories.
  options.pairs = {{kHanulKo, kLedgerEn}, {kLedgerEn, kLedgerUk}};
  auto run = AlignCollection(testing::SharedPipeline(), *docs_, options);
  ASSERT_TRUE(run.ok()) << run.status();
  ASSERT_EQ(run->decisions.size(), 2u);
  ASSERT_EQ(run->pairs.size(), 2u);
  const PairDecision& across = run->decisions[0];
  EXPECT_EQ(across.src, static_cast<size_t>(kHanulKo));
  EXPECT_EQ(across.tgt, static_cast<size_t>(kLedgerEn));
  EXPECT_EQ(across.story, -1);
  EXPECT_EQ(across.reason.rfind("listed in --pairs; ", 0), 0u) << across.reason;
  ASSERT_EQ(across.aligned, 0);
  EXPECT_EQ(run->pairs[0].src, (*docs_)[kHanulKo]);
  EXPECT_EQ(run->decisions[1].decision, "translation");

  for (const std::pair<size_t, size_t>& bad :
       {std::pair<size_t, size_t>(kLedgerEn, kLedgerEn),
        std::pair<size_t, size_t>(kLedgerEn, 5)}) {
    options.pairs = {bad};
    auto r = AlignCollection(testing::SharedPipeline(), *docs_, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST_F(CollectionTest, TheSameTextTwiceIsNotAligned) {
  const Document& ledger = *(*docs_)[kLedgerEn];
  auto copy = testing::SharedPipeline().PrepareDocument(
      Document::FromText("copy.en.txt", ledger.text()));
  ASSERT_TRUE(copy.ok()) << copy.status();
  Docs docs = {(*docs_)[kLedgerEn], *copy, (*docs_)[kLedgerUk]};
  auto run = AlignCollection(testing::SharedPipeline(), docs, {});
  ASSERT_TRUE(run.ok()) << run.status();
  ASSERT_EQ(run->decisions.size(), 3u);
  EXPECT_EQ(run->decisions[0].src, 0u);
  EXPECT_EQ(run->decisions[0].tgt, 1u);
  EXPECT_EQ(run->decisions[0].decision, "unrelated");
  EXPECT_EQ(run->decisions[0].reason, "the same text twice");
  EXPECT_EQ(run->decisions[0].aligned, -1);
  // Both copies are aligned with the translation.
  EXPECT_EQ(run->pairs.size(), 2u);
}

// Three documents and hand-made beads:
//   A->B: A0=B0 (0.9), A1+A2=B1 (0.8), A3 unaligned
//   A->C: A1=C0 (0.7), A3=C2 (0.3)
//   B->C: B2=C1 (0.6)
// With min_score 0.5 the passages are A[1,2]+B[1]+C[0] (A1 links the
// two beads), A[0]+B[0] and B[2]+C[1]: three documents first, then in
// order of first appearance. A3=C2 joins only at 0.3.
TEST(ClusterPassagesTest, LinksPassagesAcrossPairsAboveTheScore) {
  std::shared_ptr<const Document> a =
      MakeDoc("a.en.txt", "en", {"A0.", "A1.", "A2.", "A3."});
  std::shared_ptr<const Document> b =
      MakeDoc("b.uk.txt", "uk", {"B0.", "B1.", "B2."});
  std::shared_ptr<const Document> c =
      MakeDoc("c.de.txt", "de", {"C0.", "C1.", "C2."});
  AlignedPair ab{a, b, {}}, ac{a, c, {}}, bc{b, c, {}};
  ab.alignment.beads = {MakeBead({0}, {0}, 0.9), MakeBead({1, 2}, {1}, 0.8),
                        MakeBead({3}, {}, 0.0)};
  ac.alignment.beads = {MakeBead({1}, {0}, 0.7), MakeBead({3}, {2}, 0.3)};
  bc.alignment.beads = {MakeBead({2}, {1}, 0.6)};

  using Expected = std::vector<std::pair<const Document*, std::vector<int>>>;
  auto passages = [](const PassageCluster& cluster) {
    Expected out;
    for (const Passage& p : cluster.passages) {
      out.emplace_back(p.document.get(), p.segments);
    }
    return out;
  };
  auto clusters = ClusterPassages({ab, ac, bc}, 0.5);
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(passages(clusters[0]),
            (Expected{{a.get(), {1, 2}}, {b.get(), {1}}, {c.get(), {0}}}));
  EXPECT_EQ(passages(clusters[1]), (Expected{{a.get(), {0}}, {b.get(), {0}}}));
  EXPECT_EQ(passages(clusters[2]), (Expected{{b.get(), {2}}, {c.get(), {1}}}));

  clusters = ClusterPassages({ab, ac, bc}, 0.3);
  ASSERT_EQ(clusters.size(), 4u);
  EXPECT_EQ(passages(clusters[2]), (Expected{{a.get(), {3}}, {c.get(), {2}}}));
  EXPECT_EQ(passages(clusters[3]), (Expected{{b.get(), {2}}, {c.get(), {1}}}));

  EXPECT_TRUE(ClusterPassages({ab, ac, bc}, 0.95).empty());
  EXPECT_TRUE(ClusterPassages({}, 0.5).empty());
}

// A cluster of one document is no shared passage: a pair of two documents
// that are the same object gives nothing.
TEST(ClusterPassagesTest, OneDocumentIsNoCluster) {
  std::shared_ptr<const Document> a =
      MakeDoc("a.en.txt", "en", {"One.", "Two."});
  AlignedPair self{a, a, {}};
  self.alignment.beads = {MakeBead({0}, {1}, 0.9)};
  EXPECT_TRUE(ClusterPassages({self}, 0.5).empty());
}

}  // namespace
}  // namespace crossalign
