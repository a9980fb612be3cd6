// The review page (crossalign/review_page.h): escaping of everything a
// memory contributes, the page's self-containment, decisions files, and
// applying decisions to a memory. The page in a real browser is tested by
// tests/review/review_page_browser_test.py.
#include "crossalign/review_page.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Exists;
using testing::FixedDate;
using testing::ListDir;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::WriteFile;

// A crossalign-style memory, written by hand (not by the code under test).
constexpr char kTmx[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="crossalign" creationtoolversion="1" segtype="sentence"
    o-tmf="crossalign" adminlang="en" srclang="en" datatype="plaintext"
    creationdate="20250314T103000Z"/>
  <body>
    <tu tuid="a1" creationdate="20250314T103000Z">
      <prop type="x-score">0.9100</prop><prop type="x-bead">1-1</prop>
      <prop type="x-mode">translation</prop>
      <prop type="x-position">src p0:s0 tgt p0:s0</prop>
      <tuv xml:lang="en"><prop type="x-document">news/a.en.txt</prop>
        <seg>Bridge &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; opened.</seg></tuv>
      <tuv xml:lang="uk"><prop type="x-document">news/a.uk.txt</prop>
        <seg>Міст "&gt;&lt;img src=x onerror=alert(2)&gt; відкрили.</seg></tuv>
    </tu>
    <tu tuid="b2" creationdate="20250314T103000Z">
      <prop type="x-score">0.4200</prop><prop type="x-bead">2-1</prop>
      <prop type="x-mode">translation</prop>
      <prop type="x-position">src p1:s1,2 tgt p1:s1</prop>
      <tuv xml:lang="en"><prop type="x-document">news/a.en.txt</prop>
        <seg>Comment &lt;!-- here. Line&#x2028;separator&#x2029;end &amp; more.</seg></tuv>
      <tuv xml:lang="uk"><prop type="x-document">news/a.uk.txt</prop>
        <seg>Коментар.</seg></tuv>
    </tu>
    <tu tuid="c3" creationdate="20250314T103000Z">
      <prop type="x-score">0.7000</prop><prop type="x-bead">1-1</prop>
      <prop type="x-mode">translation</prop>
      <prop type="x-review">accepted</prop>
      <tuv xml:lang="en"><prop type="x-document">news/a.en.txt</prop>
        <seg>Third.</seg></tuv>
      <tuv xml:lang="uk"><prop type="x-document">news/a.uk.txt</prop>
        <seg>Третій.</seg></tuv>
    </tu>
  </body>
</tmx>
)";

TmxMemory Memory() {
  auto memory = TmxReader().Parse("sample.tmx", kTmx);
  EXPECT_TRUE(memory.ok()) << memory.status();
  return *memory;
}

std::string Page(const ReviewPageOptions& options = {}) {
  auto page = RenderReviewPage({{"sample <b>.tmx", Memory()}}, options);
  EXPECT_TRUE(page.ok()) << page.status();
  return page.ok() ? *page : "";
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

// The JSON block the page's script reads.
nlohmann::json PageData(const std::string& page) {
  const std::string open =
      "<script type=\"application/json\" id=\"review-data\">";
  const size_t begin = page.find(open);
  EXPECT_NE(begin, std::string::npos);
  const size_t end = page.find("</script>", begin);
  return nlohmann::json::parse(
      page.substr(begin + open.size(), end - begin - open.size()));
}

TEST(ReviewPageTest, ArticleTextCannotBecomeMarkup) {
  const std::string page = Page();
  // Only the page's own two script elements, each closed once.
  EXPECT_EQ(Count(page, "<script"), 2u);
  EXPECT_EQ(Count(page, "</script"), 2u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);  // U+2028
  EXPECT_EQ(page.find("\xE2\x80\xA9"), std::string::npos);  // U+2029
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_NE(page.find("<title>crossalign review: sample &lt;b&gt;.tmx</title>"),
            std::string::npos);
  // The text itself survives, exactly.
  const nlohmann::json data = PageData(page);
  ASSERT_TRUE(data.contains("units"));
  const nlohmann::json* units = &data.at("units");
  ASSERT_EQ(units->size(), 3u);
  EXPECT_EQ(units->at(0)[0].get<std::string>(), "a1");
  EXPECT_EQ(units->at(0)[4].get<std::string>(),
            "Bridge </script><script>alert(1)</script> opened.");
  EXPECT_EQ(units->at(0)[5].get<std::string>(),
            "Міст \"><img src=x onerror=alert(2)> відкрили.");
  // (white space, U+2028 included, is collapsed as TmxWriter does)
  EXPECT_EQ(units->at(1)[4].get<std::string>(),
            "Comment <!-- here. Line separator end & more.");
}

TEST(ReviewPageTest, CarriesScoreBeadPositionsAndDocuments) {
  const nlohmann::json data = PageData(Page());
  const auto& units = data.at("units");
  EXPECT_DOUBLE_EQ(units[1][2].get<double>(), 0.42);
  EXPECT_EQ(units[1][3].get<std::string>(), "2-1");
  ASSERT_EQ(units[1][6].size(), 2u);  // source sentences 1, 2
  EXPECT_EQ(units[1][6][1].get<double>(), 2);
  ASSERT_EQ(units[1][7].size(), 1u);
  EXPECT_EQ(units[2][6].size(), 0u);  // no x-position
  EXPECT_EQ(units[2][8].get<std::string>(), "accepted");
  const auto& pairs = data.at("pairs");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0][1].get<std::string>(), "news/a.en.txt");
  EXPECT_EQ(pairs[0][2].get<std::string>(), "news/a.uk.txt");
  EXPECT_EQ(pairs[0][3].get<std::string>(), "en");
  EXPECT_EQ(pairs[0][4].get<std::string>(), "uk");
  EXPECT_EQ(pairs[0][5].get<std::string>(), "translation");
  EXPECT_TRUE(data.at("report").is_null());
}

TEST(ReviewPageTest, SelfContainedAndDeterministic) {
  const std::string page = Page();
  EXPECT_EQ(page, Page());
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
  // No attribute loads anything: no src= or href= in the markup, no
  // <link>, no remote URL (the SVG namespace is a name, not a request).
  // (Plain scans: GCC 12's <regex> does not build warning-free under the
  // sanitizers.)
  for (size_t tag = page.find('<'); tag != std::string::npos;
       tag = page.find('<', tag + 1)) {
    const std::string markup = page.substr(tag, page.find('>', tag) - tag);
    for (const char* attr : {" src=", " href=", " src =", " href ="}) {
      EXPECT_EQ(markup.find(attr), std::string::npos) << markup;
    }
  }
  EXPECT_EQ(page.find("<link"), std::string::npos);
  std::string rest = page;
  const std::string svg_ns = "http://www.w3.org/2000/svg";
  for (size_t at = rest.find(svg_ns); at != std::string::npos;
       at = rest.find(svg_ns, at)) {
    rest.erase(at, svg_ns.size());
  }
  EXPECT_EQ(rest.find("http://"), std::string::npos);
  EXPECT_EQ(rest.find("https://"), std::string::npos);
  EXPECT_EQ(rest.find("//cdn"), std::string::npos);
  // What the browser test clicks on is there.
  EXPECT_NE(page.find("data-action=\"export\""), std::string::npos);
  EXPECT_NE(page.find("setAttribute('data-tuid'"), std::string::npos);
  EXPECT_NE(page.find("dir = 'auto'"), std::string::npos);
}

TEST(ReviewPageTest, EmbedsTheAlignerReport) {
  auto report = ParseAlignReport(
      "report.jsonl",
      "{\"src\":\"a.en.txt\",\"tgt\":\"a.uk.txt\",\"similarity\":0.83,"
      "\"decision\":\"translation\",\"reason\":\"words\",\"units\":12,"
      "\"extra\":{\"k\":[1,2]}}\n\n"
      "{\"src\":\"a.en.txt\",\"tgt\":\"b.de.txt\",\"similarity\":0.04,"
      "\"decision\":\"unrelated\",\"reason\":\"</script> few\u2028shared "
      "words\",\"units\":0}\r\n");
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->size(), 2u);
  EXPECT_EQ((*report)[0].similarity, 0.83);
  EXPECT_EQ((*report)[0].units, 12);
  EXPECT_EQ((*report)[1].decision, "unrelated");
  ReviewPageOptions options;
  options.report = *report;
  const std::string page = Page(options);
  EXPECT_EQ(Count(page, "</script"), 2u);
  EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
  const nlohmann::json data = PageData(page);
  const auto& entries = data.at("report");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].at("reason").get<std::string>(),
            "</script> few\xE2\x80\xA8shared words");
  EXPECT_EQ(entries[1].at("units").get<double>(), 0);
}

TEST(ReviewPageTest, BadReportLinesAreNamed) {
  auto bad =
      ParseAlignReport("r.jsonl", "{\"src\":\"a\",\"tgt\":\"b\"}\n{oops\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("r.jsonl:2"), std::string::npos)
      << bad.status();
  auto no_paths = ParseAlignReport("r.jsonl", "[1,2]\n");
  ASSERT_FALSE(no_paths.ok());
  EXPECT_NE(no_paths.status().message().find("r.jsonl:1"), std::string::npos);
  auto missing = ReadAlignReportFile(MakeTempDir() + "/none.jsonl");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("none.jsonl"), std::string::npos);
}

TEST(ReviewPageTest, ParsesDecisions) {
  auto d = ParseReviewDecisions(
      "d.json",
      "{\"decisions\": {\"a1\": \"accept\", \"b2\": \"reject\", "
      "\"\\u00e9\\ud83d\\ude00\": \"accept\"}, \"tool\": \"x\"}");
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(d->size(), 3u);
  EXPECT_EQ(d->at("a1"), ReviewDecision::kAccept);
  EXPECT_EQ(d->at("b2"), ReviewDecision::kReject);
  EXPECT_EQ(d->count("\xC3\xA9\xF0\x9F\x98\x80"), 1u);
  for (const char* bad :
       {"", "{", "[]", "{\"decisions\": []}", "{\"decisions\": {\"a\": 1}}",
        "{\"decisions\": {\"a\": \"maybe\"}}", "{\"decisions\": {}} x",
        "{\"decisions\": {\"\\ud800\": \"accept\"}}"}) {
    auto r = ParseReviewDecisions("d.json", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("d.json"), std::string::npos)
        << r.status();
  }
  std::string deep(100, '[');
  EXPECT_FALSE(
      ParseReviewDecisions("d.json", deep + std::string(100, ']')).ok());
}

TEST(ReviewPageTest, ApplyRemovesRejectedAndMarksAccepted) {
  ReviewDecisions decisions = {{"a1", ReviewDecision::kAccept},
                               {"b2", ReviewDecision::kReject},
                               {"zz", ReviewDecision::kReject}};
  ReviewApplyResult result = ApplyReviewDecisions(Memory(), decisions);
  EXPECT_EQ(result.accepted, 1u);
  EXPECT_EQ(result.rejected, 1u);
  EXPECT_EQ(result.undecided, 1u);
  EXPECT_EQ(result.unknown_tuids, std::vector<std::string>{"zz"});
  auto xml = TmxWriter(FixedDate()).RenderMemory(result.memory);
  ASSERT_TRUE(xml.ok());
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/out.tmx", *xml);
  auto back = TmxReader().ReadFile(dir + "/out.tmx");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->units.size(), 2u);
  EXPECT_EQ(back->units[0].tuid, "a1");
  const std::string* review = FindProp(back->units[0].props, "x-review");
  ASSERT_NE(review, nullptr);
  EXPECT_EQ(*review, "accepted");
  EXPECT_EQ(back->units[1].tuid, "c3");  // undecided: as it was
  const std::vector<TmxProp> before = Memory().units[2].props;
  ASSERT_EQ(back->units[1].props.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(back->units[1].props[i].type, before[i].type);
    EXPECT_EQ(back->units[1].props[i].value, before[i].value);
  }
  EXPECT_NE(xml->find("<prop type=\"x-review\">accepted</prop>"),
            std::string::npos);
  // Applying again does not pile up x-review props.
  ReviewApplyResult again = ApplyReviewDecisions(*back, decisions);
  int reviews = 0;
  for (const TmxProp& p : again.memory.units[0].props) {
    reviews += p.type == "x-review";
  }
  EXPECT_EQ(reviews, 1);
  int header_reviews = 0;
  for (const TmxProp& p : again.memory.header.props) {
    header_reviews += p.type == "x-review";
  }
  EXPECT_EQ(header_reviews, 1);
  testing::ExpectValidTmxFile(dir + "/out.tmx");
}

TEST(ReviewPageTest, EveryUnitIsShownEvenWithOneVariant) {
  TmxMemory memory = Memory();
  memory.units[0].variants.pop_back();
  memory.units[1].variants.clear();
  // A third variant: the source and the first other are shown.
  memory.units[2].variants.insert(memory.units[2].variants.begin(),
                                  memory.units[2].variants[1]);
  memory.units[2].variants[0].text = "Третій раз.";
  const nlohmann::json data = PageData(*RenderReviewPage({{"s.tmx", memory}}));
  const auto& units = data.at("units");
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0][5].get<std::string>(), "");
  EXPECT_EQ(units[1][4].get<std::string>(), "");
  EXPECT_EQ(units[2][4].get<std::string>(), "Third.");
  EXPECT_EQ(units[2][5].get<std::string>(), "Третій раз.");
}

TEST(ReviewPageTest, UnitsWithoutTuidAreNumbered) {
  TmxMemory memory = Memory();
  memory.units[1].tuid.clear();
  const nlohmann::json data = PageData(*RenderReviewPage({{"s.tmx", memory}}));
  EXPECT_EQ(data.at("units")[1][0].get<std::string>(), "#2");
  ReviewApplyResult result = ApplyReviewDecisions(
      memory,
      {{"#2", ReviewDecision::kReject}, {"#1", ReviewDecision::kAccept}});
  ASSERT_EQ(result.memory.units.size(), 2u);
  EXPECT_EQ(result.memory.units[0].tuid, "a1");  // has a tuid: not "#1"
  EXPECT_EQ(result.memory.units[1].tuid, "c3");
  EXPECT_EQ(result.unknown_tuids, std::vector<std::string>{"#1"});
}

TEST(ReviewPageTest, AppliesTheReviewersCorrections) {
  ReviewEdits edits;
  auto decisions = ParseReviewDecisions(
      "d.json",
      "{\"decisions\": {\"a1\": \"accept\", \"c3\": \"reject\"},"
      " \"edits\": {\"a1\": {\"src\": \" Bridge  opened. \"},"
      " \"b2\": {\"tgt\": \"Коментар тут.\", \"src\": \"Comment <!-- here. "
      "Line separator end & more.\"},"
      " \"c3\": {\"tgt\": \"x\"}, \"qq\": {\"src\": \"y\"}}}",
      &edits);
  ASSERT_TRUE(decisions.ok()) << decisions.status();
  ASSERT_EQ(edits.size(), 4u);
  EXPECT_EQ(*edits["a1"].source, " Bridge  opened. ");
  EXPECT_FALSE(edits["a1"].target.has_value());
  ReviewApplyResult result = ApplyReviewDecisions(Memory(), *decisions, edits);
  EXPECT_EQ(result.accepted, 2u);  // a1, and b2 by its edit
  EXPECT_EQ(result.edited, 2u);
  EXPECT_EQ(result.rejected, 1u);  // c3: rejected, its edit ignored
  EXPECT_EQ(result.unknown_tuids, std::vector<std::string>{"qq"});
  ASSERT_EQ(result.memory.units.size(), 2u);
  const TmxUnit& a1 = result.memory.units[0];
  EXPECT_EQ(a1.variants[0].text, "Bridge opened.");
  EXPECT_EQ(a1.variants[1].text, Memory().units[0].variants[1].text);
  EXPECT_EQ(*FindProp(a1.props, "x-review-edited"), "src");
  const TmxUnit& b2 = result.memory.units[1];
  EXPECT_EQ(b2.variants[1].text, "Коментар тут.");
  // The source "edit" is the text as it was (white space collapsed): only
  // the target changed.
  EXPECT_EQ(*FindProp(b2.props, "x-review-edited"), "tgt");
  EXPECT_EQ(*FindProp(b2.props, "x-review"), "accepted");
  auto xml = TmxWriter(FixedDate()).RenderMemory(result.memory);
  ASSERT_TRUE(xml.ok());
  const std::string path = MakeTempDir() + "/edited.tmx";
  WriteFile(path, *xml);
  testing::ExpectValidTmxFile(path);
  for (const char* bad :
       {"{\"decisions\": {}, \"edits\": []}",
        "{\"decisions\": {}, \"edits\": {\"a\": {\"tgt\": \"  \"}}}",
        "{\"decisions\": {}, \"edits\": {\"a\": {}}}",
        "{\"decisions\": {}, \"edits\": {\"a\": \"text\"}}"}) {
    ReviewEdits ignored;
    auto r = ParseReviewDecisions("d.json", bad, &ignored);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("d.json"), std::string::npos);
  }
}

// A format-2 decisions file for Memory() (fingerprint `memory`): unpair a1,
// pair source 3 with target 2, reject c3 and accept b2 as `decision`.
std::string DecisionsFile(const std::string& memory,
                          const std::string& decision = "accept") {
  return R"({"format": "crossalign-review-decisions", "version": 2,
    "memories": [")" +
         memory + R"("],
    "decisions": {"c3": "reject", "b2": ")" +
         decision + R"("},
    "operations": [
      {"op": "unpair", "remove": ["a1"], "add": []},
      {"op": "pair", "remove": [], "add": [{"id": "r1",
        "src_doc": "news/a.en.txt", "tgt_doc": "news/a.uk.txt",
        "src_lang": "en", "tgt_lang": "uk", "src": [3], "tgt": [2],
        "position": "src p2:s3 tgt p2:s2",
        "src_text": "Fourth  sentence.", "tgt_text": "Четверте."}]}]})";
}

TEST(ReviewPageTest, AppliesOperationsOfAFileForThisMemory) {
  const TmxMemory memory = Memory();
  const std::string fingerprint = ReviewMemoryFingerprint(memory);
  EXPECT_EQ(fingerprint.size(), 16u);
  auto set = ParseReviewDecisionSet("d.json", DecisionsFile(fingerprint));
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(set->version, 2);
  ASSERT_EQ(set->operations.size(), 2u);
  auto result = ApplyReviewDecisionSet(memory, *set, "d.json");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->added, 1u);
  EXPECT_EQ(result->removed, 1u);
  EXPECT_EQ(result->rejected, 1u);
  EXPECT_EQ(result->accepted, 1u);
  // b2 (source 1-2) stays, the new unit (source 3) comes after it.
  ASSERT_EQ(result->memory.units.size(), 2u);
  EXPECT_EQ(result->memory.units[0].tuid, "b2");
  const TmxUnit& made = result->memory.units[1];
  EXPECT_EQ(made.tuid, "r1");
  ASSERT_NE(FindProp(made.props, "x-review"), nullptr);
  EXPECT_EQ(*FindProp(made.props, "x-review"), "added");
  EXPECT_EQ(*FindProp(made.props, "x-bead"), "1-1");
  EXPECT_EQ(*FindProp(made.props, "x-position"), "src p2:s3 tgt p2:s2");
  EXPECT_EQ(*FindProp(made.props, "x-mode"), "translation");
  ASSERT_EQ(made.variants.size(), 2u);
  EXPECT_EQ(made.variants[0].text, "Fourth sentence.");
  EXPECT_EQ(*FindProp(made.variants[1].props, "x-document"), "news/a.uk.txt");
  auto xml = TmxWriter(FixedDate()).RenderMemory(result->memory);
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<prop type=\"x-review\">added</prop>"),
            std::string::npos);

  // Keep accepted: the undecided unit goes, the accepted and made stay.
  auto undecided =
      ParseReviewDecisionSet("d.json", DecisionsFile(fingerprint, "reject"));
  ASSERT_TRUE(undecided.ok());
  undecided->decisions.erase("b2");
  ReviewApplyOptions keep;
  keep.keep_accepted_only = true;
  auto kept = ApplyReviewDecisionSet(memory, *undecided, "d.json", keep);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->dropped, 1u);
  ASSERT_EQ(kept->memory.units.size(), 1u);
  EXPECT_EQ(kept->memory.units[0].tuid, "r1");
}

TEST(ReviewPageTest, RefusesDecisionsForAnotherMemory) {
  TmxMemory other = Memory();
  other.units[2].variants[1].text = "Інший.";
  const std::string fingerprint = ReviewMemoryFingerprint(Memory());
  EXPECT_NE(ReviewMemoryFingerprint(other), fingerprint);
  auto set = ParseReviewDecisionSet("d.json", DecisionsFile(fingerprint));
  ASSERT_TRUE(set.ok());
  auto result = ApplyReviewDecisionSet(other, *set, "d.json");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("another memory"),
            std::string::npos);
  EXPECT_NE(result.status().message().find("d.json"), std::string::npos);
  // A newer format, a malformed operation: errors naming the file.
  for (const std::string bad :
       {R"({"format": "crossalign-review-decisions", "version": 3,
            "decisions": {}})",
        R"({"format": "crossalign-review-decisions", "version": 2,
            "decisions": {}, "operations": [{"op": "glue", "remove": []}]})",
        R"({"format": "crossalign-review-decisions", "version": 2,
            "decisions": {}, "operations": [{"op": "pair", "remove": [],
            "add": [{"id": "x"}]}]})"}) {
    auto parsed = ParseReviewDecisionSet("d.json", bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().message().rfind("d.json", 0), 0u)
        << parsed.status().message();
  }
}

TEST(ReviewPageTest, PageIsWrittenAtomically) {
  const std::string dir = MakeTempDir();
  std::vector<ReviewSource> sources = {{"s.tmx", Memory()}};
  Status s = WriteReviewPage(dir + "/missing/page.html", sources);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("missing/page.html"), std::string::npos) << s;
  EXPECT_TRUE(ListDir(dir).empty());
  ASSERT_TRUE(WriteReviewPage(dir + "/page.html", sources).ok());
  EXPECT_EQ(ListDir(dir), std::vector<std::string>{"page.html"});
  EXPECT_EQ(ReadFile(dir + "/page.html"), *RenderReviewPage(sources));
  EXPECT_FALSE(RenderReviewPage({}).ok());
}

}  // namespace
}  // namespace crossalign
