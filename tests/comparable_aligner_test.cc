#include "crossalign/comparable_aligner.h"

#include <gtest/gtest.h>

#include "crossalign/pipeline.h"
#include "test_support.h"

namespace crossalign {
namespace {

class ComparableAlignerTest : public ::testing::Test {
 protected:
  static std::shared_ptr<const Document> Doc(const std::string& name,
                                             const std::string& text) {
    return testing::SharedPipeline()
        .PrepareDocument(Document::FromText(name, text))
        .value();
  }
  // The texts of the first segment of each side of each bead.
  static std::vector<std::pair<std::string, std::string>> Pairs(
      const Alignment& a, const Document& s, const Document& t) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Bead& b : a.beads) {
      out.emplace_back(std::string(s.SegmentText(b.src[0])),
                       std::string(t.SegmentText(b.tgt[0])));
    }
    return out;
  }
};

const char* kWire =
    "Harbour crane collapses in Gdansk\n\n"
    "A container crane collapsed at the port of Gdansk on Monday, injuring "
    "four dock workers.\n"
    "The 70-metre crane fell onto an empty cargo ship shortly after 6 a.m.\n"
    "Port director Marek Zielinski said the crane had passed an inspection "
    "in March.\n"
    "Operations at the terminal were suspended until Thursday.\n"
    "Prosecutors have opened an investigation into the accident.\n";
// The same story told in another order and other words, with a paragraph
// of its own.
const char* kRewrite =
    "Investigation opened after Gdansk crane accident\n\n"
    "Prosecutors in Poland opened an investigation on Monday after a crane "
    "accident in the port of Gdansk.\n"
    "The terminal will stay closed until Thursday, the port said.\n"
    "Gdansk handled record volumes of containers last year.\n"
    "According to port director Marek Zielinski, the crane passed an "
    "inspection in March.\n"
    "Four dock workers were injured when the container crane collapsed.\n";

// Units are written from min_score up; the fitted scorer puts the crane
// paraphrase (six shared words, no name or number) a little under even
// odds, so this asks for units from 0.4 on.
TEST_F(ComparableAlignerTest, FindsReorderedParaphrases) {
  auto src = Doc("wire.txt", kWire), tgt = Doc("rewrite.txt", kRewrite);
  ComparableAlignerOptions options;
  options.min_score = 0.4;
  auto a = ComparableAligner(options).Align(*src, *tgt);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->mode, AlignMode::kComparable);
  const auto pairs = Pairs(*a, *src, *tgt);
  auto has = [&](const std::string& s_prefix, const std::string& t_prefix) {
    for (const auto& [s, t] : pairs) {
      if (s.rfind(s_prefix, 0) == 0 && t.rfind(t_prefix, 0) == 0) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("Port director Marek", "According to port director"));
  EXPECT_TRUE(has("Operations at the terminal", "The terminal will stay"));
  EXPECT_TRUE(has("A container crane collapsed", "Four dock workers"));
  // The rewrite's own paragraph about last year's volumes has no partner.
  for (const auto& [s, t] : pairs) {
    EXPECT_EQ(t.find("record volumes"), std::string::npos) << s;
  }
  for (const Bead& b : a->beads) {
    EXPECT_GE(b.score, options.min_score);
    EXPECT_LE(b.score, 1.0);
  }
}

TEST_F(ComparableAlignerTest, UnrelatedStoriesGiveNothingAboveDefault) {
  auto src = Doc("wire.txt", kWire);
  auto other =
      Doc("other.txt",
          "Lviv opens a new tram line\n\n"
          "The city of Lviv opened a tram line to the Sykhiv district on "
          "Friday.\n"
          "The line is 6 kilometres long and has nine stops.\n"
          "Mayor Andriy Sadovyi rode the first tram with residents.\n"
          "Tickets cost the same as on other lines.\n");
  auto a = ComparableAligner().Align(*src, *other);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->beads.empty());
  EXPECT_LT(ComparableAligner().DocumentSimilarity(*src, *other), 0.2);
  EXPECT_GE(
      ComparableAligner().DocumentSimilarity(*src, *Doc("r.txt", kRewrite)),
      0.2);
}

// DocumentSimilarity is the share of the shorter document's segments that
// are matched, not an overlap: the wire's headline and first three
// sentences are all found in the whole wire (an overlap of the two would be
// 4 of 6). (With three segments or fewer a document gets no beads at all,
// even as a verbatim copy: the margin needs neighbours.)
TEST_F(ComparableAlignerTest, DocumentSimilarityIsTheMatchedShareOfTheShorter) {
  auto whole = Doc("wire.txt", kWire);
  auto part = Doc("part.txt",
                  "Harbour crane collapses in Gdansk\n\n"
                  "A container crane collapsed at the port of Gdansk on "
                  "Monday, injuring four dock workers.\n"
                  "The 70-metre crane fell onto an empty cargo ship shortly "
                  "after 6 a.m.\n"
                  "Port director Marek Zielinski said the crane had passed an "
                  "inspection in March.\n");
  ASSERT_EQ(part->segments().size(), 4u);
  ASSERT_EQ(whole->segments().size(), 6u);
  EXPECT_DOUBLE_EQ(ComparableAligner().DocumentSimilarity(*whole, *part), 1.0);
  EXPECT_DOUBLE_EQ(ComparableAligner().DocumentSimilarity(*part, *whole), 1.0);
}

TEST_F(ComparableAlignerTest, MatchesAcrossLanguagesOnNumbersAndNames) {
  auto src = Doc("wire.txt", kWire);
  auto de = Doc("de.txt",
                "Hafenkran in Danzig eingestürzt\n\n"
                "Hafendirektor Marek Zielinski sagte, der Kran sei im März "
                "geprüft worden.\n"
                "Der 70 Meter hohe Kran stürzte kurz nach 6 Uhr auf ein leeres "
                "Frachtschiff.\n"
                "Die Stadt plant außerdem ein neues Museum.\n");
  auto a = ComparableAligner().Align(*src, *de);
  ASSERT_TRUE(a.ok());
  const auto pairs = Pairs(*a, *src, *de);
  bool director = false, crane = false;
  for (const auto& [s, t] : pairs) {
    director |=
        s.rfind("Port director", 0) == 0 && t.rfind("Hafendirektor", 0) == 0;
    crane |= s.rfind("The 70-metre crane", 0) == 0 &&
             t.rfind("Der 70 Meter", 0) == 0;
    EXPECT_EQ(t.find("Museum"), std::string::npos);
  }
  EXPECT_TRUE(director);
  EXPECT_TRUE(crane);
}

TEST_F(ComparableAlignerTest, AutoModePicksComparableForRewrites) {
  PipelineOptions options;
  auto p = Pipeline::Create(options);
  ASSERT_TRUE(p.ok());
  auto pair = (*p)->Align(Doc("wire.txt", kWire), Doc("rewrite.txt", kRewrite));
  ASSERT_TRUE(pair.ok());
  EXPECT_EQ(pair->alignment.mode, AlignMode::kComparable);
  EXPECT_NE(pair->alignment.mode_reason.find("comparable"), std::string::npos);
}

}  // namespace
}  // namespace crossalign
