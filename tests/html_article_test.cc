// HTML pages as input: detection, charsets, article extraction on the test
// pages of tests/data/html (gold from corpora/), metadata, offsets back into
// the page, and bad pages.
#include <gtest/gtest.h>

#include <string>

#include "crossalign/document.h"
#include "crossalign/pipeline.h"
#include "html_gold.h"
#include "read/html_article_extractor.h"
#include "test_support.h"

namespace crossalign {
namespace {

using internal::DeclaredHtmlCharset;
using internal::ExtractHtmlArticle;
using internal::HtmlCharsetToConverter;
using internal::LooksLikeHtml;
using testing::HtmlGoldPage;
using testing::ReadFile;

TEST(HtmlDetectionTest, ByContent) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><body>x", "a.txt"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!doctype HTML>", "page"));
  EXPECT_TRUE(LooksLikeHtml("<!-- saved page --><html lang=en>", "a.dat"));
  EXPECT_TRUE(LooksLikeHtml(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 "
      "Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
      "a.xhtml"));
  EXPECT_TRUE(
      LooksLikeHtml(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), "utf16"));
  EXPECT_FALSE(LooksLikeHtml("The <html> tag starts a page.", "a.txt"));
  EXPECT_FALSE(LooksLikeHtml("## outlet: X | lang: en\n<b>bold</b>", "a.txt"));
  EXPECT_FALSE(LooksLikeHtml("<htmlish>", "a.txt"));
}

TEST(HtmlDetectionTest, ByExtensionWhenItStartsWithATag) {
  EXPECT_TRUE(LooksLikeHtml("<div><p>Body only</p></div>", "x/page.HTM"));
  EXPECT_TRUE(LooksLikeHtml("<p>Body only</p>", "page.html"));
  EXPECT_FALSE(LooksLikeHtml("Plain words.", "page.html"));
}

TEST(HtmlCharsetTest, Declarations) {
  EXPECT_EQ(DeclaredHtmlCharset("<html><head><meta charset=\"UTF-8\">"),
            "utf-8");
  EXPECT_EQ(DeclaredHtmlCharset("<meta charset=windows-1251>"), "windows-1251");
  EXPECT_EQ(DeclaredHtmlCharset(
                "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                "charset=koi8-u\">"),
            "koi8-u");
  EXPECT_EQ(DeclaredHtmlCharset("<meta content='text/html; charset=EUC-KR' "
                                "http-equiv='content-type'>"),
            "euc-kr");
  EXPECT_EQ(DeclaredHtmlCharset("<?xml version='1.0' encoding='ISO-8859-2'?>"),
            "iso-8859-2");
  EXPECT_EQ(DeclaredHtmlCharset("<html><head><title>t</title>"), "");
  // Past the first 1024 bytes it does not count (HTML's prescan).
  EXPECT_EQ(
      DeclaredHtmlCharset(std::string(1100, ' ') + "<meta charset=koi8-r>"),
      "");
  // The WHATWG mapping of labels.
  EXPECT_EQ(HtmlCharsetToConverter("iso-8859-1"), "windows-1252");
  EXPECT_EQ(HtmlCharsetToConverter("UTF-16"), "UTF-8");
  EXPECT_EQ(HtmlCharsetToConverter("windows-1251"), "windows-1251");
  EXPECT_EQ(HtmlCharsetToConverter("no-such-charset"), "");
}

// The bars of issue 15 on every page of tests/data/html: at least 97% of
// the article's sentences found, no chrome in the non-boilerplate segments,
// metadata right.
TEST(HtmlGoldPagesTest, ArticleFoundNoChromeMetadataRight) {
  const std::vector<HtmlGoldPage> pages = testing::LoadHtmlGoldPages();
  ASSERT_GE(pages.size(), 8u);
  for (const HtmlGoldPage& page : pages) {
    auto doc = testing::SharedPipeline().Prepare(page.path);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ((*doc)->format(), InputFormat::kHtml) << page.path;
    const testing::HtmlScore s = testing::ScoreHtmlPage(page, **doc);
    EXPECT_GE(s.found * 100, s.units * 97) << page.path;
    for (const std::string& m : s.missing)
      ADD_FAILURE() << page.path << " missing: " << m;
    EXPECT_EQ(s.leaked, 0u) << page.path;
    for (const std::string& l : s.leaks)
      ADD_FAILURE() << page.path << " leaked: " << l;
    EXPECT_EQ(s.meta_right, s.meta_fields) << page.path;
    for (const std::string& w : s.wrong_fields)
      ADD_FAILURE() << page.path << " " << w;
    // The detected language is the article's.
    const std::string want = page.path.substr(page.path.size() - 7, 2);
    EXPECT_EQ((*doc)->lang(), want) << page.path;
  }
}

TEST(HtmlDocumentTest, LegacyCharsetFromHttpEquiv) {
  const std::string path =
      testing::SourceDir() + "/tests/data/html/dev/table-kyiv-ledger.ru.html";
  auto doc = ReadDocumentFile(path);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source_encoding(), "windows-1251");
  EXPECT_TRUE(doc->warnings().empty());
  EXPECT_NE(doc->text().find("Мост через Днестр"), std::string::npos);
  // Offsets point into the windows-1251 bytes: one byte per letter.
  const std::string bytes = ReadFile(path);
  const size_t at = doc->text().find("Мост");
  Span page;
  ASSERT_TRUE(doc->SourceSpanOf({at, at + std::string("Мост").size()}, &page));
  EXPECT_EQ(bytes.substr(page.begin, page.size()), "\xCC\xEE\xF1\xF2");
}

TEST(HtmlDocumentTest, DeclarationsTheBytesContradict) {
  const std::string body =
      "<article><h1>Мост через Днестр</h1><p>Первый поезд отправился на "
      "молдавский берег в пятницу утром.</p></article></body></html>";
  // Declared windows-1251, saved as UTF-8.
  auto doc = DecodeDocument(
      "resaved.html",
      "<html><head><meta charset=windows-1251></head><body>" + body);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source_encoding(), "UTF-8");
  EXPECT_NE(doc->text().find("Первый поезд"), std::string::npos);
  ASSERT_EQ(doc->warnings().size(), 1u);
  EXPECT_NE(doc->warnings()[0].find("declares windows-1251 but is valid UTF-8"),
            std::string::npos);
  // Declared UTF-8, saved as windows-1251.
  const std::string cp1251 =
      "<html><head><meta charset=utf-8></head><body><article><h1>\xCC\xEE\xF1"
      "\xF2 \xF7\xE5\xF0\xE5\xE7 \xC4\xED\xE5\xF1\xF2\xF0</h1><p>\xCF\xE5"
      "\xF0\xE2\xFB\xE9 \xEF\xEE\xE5\xE7\xE4 \xEE\xF2\xEF\xF0\xE0\xE2"
      "\xE8\xEB\xF1\xFF \xE2 \xEF\xFF\xF2\xED\xE8\xF6\xF3 \xF3\xF2\xF0"
      "\xEE\xEC.</p></article></body></html>";
  doc = DecodeDocument("stale-meta.html", cp1251);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  // Which legacy encoding is the text decoder's guess (text_decoder.h).
  EXPECT_NE(doc->source_encoding(), "UTF-8");
  bool warned = false;
  for (const auto& w : doc->warnings()) {
    warned |= w.find("declares utf-8 but is not UTF-8") != std::string::npos;
  }
  EXPECT_TRUE(warned);
}

TEST(HtmlDocumentTest, OffsetsPointIntoThePage) {
  const std::string html =
      "<!DOCTYPE html><html lang=en><head><title>T</title></head><body>"
      "<nav><a href=/>Home</a> <a href=/w>World</a></nav><article>"
      "<h1>Cats &amp; dogs agree on a truce</h1>"
      "<p>The council of pets met on Monday in the old barn. Both sides "
      "signed\n   the   paper.</p></article></body></html>";
  auto doc = DecodeDocument("page.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text(),
            "Cats & dogs agree on a truce\n\nThe council of pets met on "
            "Monday in the old barn. Both sides signed the paper.");
  Span page;
  ASSERT_TRUE(doc->SourceSpanOf({0, 28}, &page));
  EXPECT_EQ(html.substr(page.begin, page.size()),
            "Cats &amp; dogs agree on a truce");
  const size_t both = doc->text().find("Both");
  ASSERT_TRUE(doc->SourceSpanOf({both, doc->text().size()}, &page));
  EXPECT_EQ(html.substr(page.begin, page.size()),
            "Both sides signed\n   the   paper.");
  // Text documents have no page to point into.
  auto text = DecodeDocument("a.txt", "Plain text here.");
  ASSERT_TRUE(text.ok());
  EXPECT_FALSE(text->SourceSpanOf({0, 5}, &page));
}

TEST(HtmlDocumentTest, OffsetsSurviveReplacedBytes) {
  // Declared UTF-8 with two broken bytes: each becomes U+FFFD (3 bytes) in
  // the text, and offsets still point at the page's own bytes.
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=utf-8></head><body><article>"
      "<h1>Broken \xE9 byte and \xFF another</h1><p>The rest of the story is "
      "fine, with a comma.</p></article></body></html>";
  auto doc = DecodeDocument("broken.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_FALSE(doc->warnings().empty());
  const size_t at = doc->text().find("The rest");
  ASSERT_NE(at, std::string::npos);
  Span page;
  ASSERT_TRUE(doc->SourceSpanOf({at, at + 8}, &page));
  EXPECT_EQ(html.substr(page.begin, page.size()), "The rest");
}

TEST(HtmlDocumentTest, LineBreaksAndBreakPairs) {
  const std::string html =
      "<html><body><table><tr><td width=150><a href=/a>Menu one</a><br>"
      "<a href=/b>Menu two</a></td><td><font size=4><b>A headline of the "
      "old kind</b></font><br><br>First paragraph of the report, long "
      "enough to be prose, with a comma.<br><br>Second paragraph, a line"
      "<br>broken by a single break, still one paragraph.</td></tr></table>"
      "</body></html>";
  auto doc = DecodeDocument("old.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text(),
            "A headline of the old kind\n\nFirst paragraph of the report, long "
            "enough to be prose, with a comma.\n\nSecond paragraph, a line\n"
            "broken by a single break, still one paragraph.");
}

TEST(HtmlDocumentTest, InputFormatTextReadsTheMarkup) {
  const std::string html =
      "<!DOCTYPE html><html><body><p>Some words in a page.</p></body></html>";
  ReadDocumentOptions options;
  options.format = InputFormat::kText;
  auto doc = DecodeDocument("a.html", html, options);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->format(), InputFormat::kText);
  EXPECT_EQ(doc->text(), html);
  // And kHtml extracts even from a page the content test would not catch.
  options.format = InputFormat::kHtml;
  doc = DecodeDocument("a.txt", "<p>Words of a fragment, a sentence.</p>",
                       options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text(), "Words of a fragment, a sentence.");
}

TEST(HtmlDocumentTest, NoArticleTextIsAnError) {
  auto doc = DecodeDocument(
      "empty.html",
      "<!DOCTYPE html><html><head><script>var a = 'only script';</script>"
      "<style>p{}</style></head><body><nav><a href=/>Home</a></nav></body>"
      "</html>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find("empty.html"), std::string::npos);
  EXPECT_NE(doc.status().message().find("no article text"), std::string::npos);
}

TEST(HtmlDocumentTest, WarningsForBadPages) {
  // Mostly links: a front page.
  std::string front = "<!DOCTYPE html><html><body><ul>";
  for (int i = 0; i < 40; ++i) {
    front += "<li><a href=/n" + std::to_string(i) +
             ">A headline of another story number " + std::to_string(i) +
             "</a></li>";
  }
  front +=
      "</ul><p>Short teaser text, with a comma and a full stop.</p>"
      "</body></html>";
  auto doc = DecodeDocument("front.html", front);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  bool links = false;
  for (const auto& w : doc->warnings())
    links |= w.find("mostly links") != std::string::npos;
  EXPECT_TRUE(links);
  // Truncated: the download stopped mid-article.
  doc = DecodeDocument(
      "cut.html",
      "<!DOCTYPE html><html><body><article><h1>Title of the piece</h1><p>A "
      "first paragraph that is complete, with a comma.</p><p>A second one "
      "that stops in the mid");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  bool truncated = false;
  for (const auto& w : doc->warnings()) {
    truncated |= w.find("cut.html") != std::string::npos &&
                 w.find("truncated") != std::string::npos;
  }
  EXPECT_TRUE(truncated);
  // An undeclared legacy encoding: KOI8-U bytes, no charset.
  const std::string koi8 =
      "<!DOCTYPE html><html><body><article><h1>\xED\xCF\xD3\xD4</h1><p>\xF7 "
      "\xD0'\xD1\xD4\xCE\xC9\xC3\xC0 \xD7\xA6\xC4\xCB\xD2\xC9\xCC\xC9 "
      "\xCD\xA6\xD3\xD4 \xDE\xC5\xD2\xC5\xDA \xE4\xCE\xA6\xD3\xD4\xC5\xD2 "
      "\xC4\xCC\xD1 \xD7\xC1\xCE\xD4\xC1\xD6\xCE\xC9\xC8 \xD0\xCF\xA7\xDA\xC4"
      "\xA6\xD7.</p></article></body></html>";
  doc = DecodeDocument("koi.html", koi8);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  bool undeclared = false;
  for (const auto& w : doc->warnings()) {
    undeclared |= w.find("declares no charset") != std::string::npos;
  }
  EXPECT_TRUE(undeclared);
  EXPECT_NE(doc->source_encoding(), "UTF-8");
}

TEST(HtmlDocumentTest, NoFalseWarnings) {
  // A short article on a page with a big menu is not "mostly links", and
  // HTML lets a page omit </body> and </html>.
  std::string page = "<!DOCTYPE html><html lang=en><body><nav><ul>";
  for (int i = 0; i < 120; ++i) {
    page += "<li><a href=/s" + std::to_string(i) + ">Section number " +
            std::to_string(i) + " of the site</a></li>";
  }
  page +=
      "</ul></nav><article><h1>A short report</h1><p>The council met on "
      "Monday, and it approved the budget for the bridge.</p><p>Work starts "
      "in May, officials said, and should take a year.</p><p>Residents "
      "asked for a footpath and a cycle lane; the plan has both.</p></article>"
      "<footer><p>(c) Outlet</p></footer>";
  auto doc = DecodeDocument("short.html", page);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(doc->warnings().empty()) << doc->warnings().front();
  EXPECT_EQ(doc->text(),
            "A short report\n\nThe council met on Monday, and it approved "
            "the budget for the bridge.\n\nWork starts in May, officials "
            "said, and should take a year.\n\nResidents asked for a "
            "footpath and a cycle lane; the plan has both.");
}

TEST(HtmlDocumentTest, EmbedsAndVisibleDates) {
  const std::string html =
      "<!DOCTYPE html><html lang=en><head><title>Bridge reopens - Ledger"
      "</title><meta name=publisher content=\"The Ledger\"></head><body>"
      "<article><h1>Bridge reopens</h1><time>14.03.2025, 13:45</time>"
      "<p>The bridge reopened on Friday, officials said in the morning.</p>"
      "<blockquote class=\"twitter-tweet\"><p>Great day for the region, "
      "a tweet says so.</p>&mdash; Someone (@someone)</blockquote>"
      "<p>Trains will run every day from April, the operator said.</p>"
      "</article></body></html>";
  auto doc = DecodeDocument("embed.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text(),
            "Bridge reopens\n\nThe bridge reopened on Friday, officials said "
            "in the morning.\n\nTrains will run every day from April, the "
            "operator said.");
  EXPECT_EQ(doc->metadata().date, "14.03.2025, 13:45");
  EXPECT_EQ(doc->metadata().outlet, "The Ledger");
  EXPECT_EQ(doc->metadata().title, "Bridge reopens");
  EXPECT_EQ(doc->metadata().lang, "en");
}

TEST(HtmlDocumentTest, AbsurdNestingIsRefusedBeforeParsing) {
  // HTML tree construction is quadratic in nesting depth: 300000 open
  // <div>s would take minutes to parse. The page is refused at once.
  std::string html = "<!DOCTYPE html><html><body>";
  for (int i = 0; i < 300000; ++i) html += "<div>";
  html += "Text at the bottom of it all, a whole sentence.";
  auto doc = DecodeDocument("deep.html", html);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("nested about 300000 elements deep"),
            std::string::npos)
      << doc.status().ToString();
  // Old pages' unclosed <p>, <li>, <td> and void elements do not count.
  std::string old = "<html><body><table>";
  for (int i = 0; i < 12000; ++i) {
    old += "<tr><td><p>Row text, a short sentence.<br><img src=x.gif>";
  }
  doc = DecodeDocument("old.html", old + "</table></body></html>");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
}

TEST(HtmlDocumentTest, MalformedMarkupNeverCrashes) {
  const std::vector<std::string> pages = {
      "<html><body><p>Unclosed <b>bold <i>italic <p>next para, long enough "
      "to count as a sentence.",
      "<html><body>" + std::string(3000, '<') + "div>x",
      "<html><body>" +
          [] {
            std::string s;
            for (int i = 0; i < 2000; ++i) s += "<div>";
            return s + "Deep text at the bottom of many divs, a sentence.";
          }(),
      "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle"
      "\",\"articleBody\":\"\\ud800 broken [[[[{{{{",
      "<table><tr><td><table><tr><td>Nested <td> cells, with a comma."
      "</table></table></table>",
      std::string("<html><body><p>NUL\0inside, a sentence here.</p>", 46),
      "<!DOCTYPE html><html><body><p>&#0; &#xD800; &bogus; &amp &lt;tag&gt; "
      "entities, a sentence.</p></body></html>",
  };
  for (const std::string& html : pages) {
    internal::HtmlArticle article = ExtractHtmlArticle(html);
    for (const SourceRun& r : article.runs) {
      EXPECT_LE(r.text_end, article.text.size());
      EXPECT_LE(r.source_end, html.size());
      EXPECT_LE(r.source_begin, r.source_end);
    }
    auto doc = DecodeDocument("bad.html", html);
    (void)doc;
  }
}

// Issue 27 item 6: the JSON-LD cross-check searched the whole articleBody
// once per block (25 s for a page of 64,000 paragraphs). FindSubstrings
// looks for all blocks in one pass; here its answers are checked against
// std::string::find, and its work is counted against a linear bound.
TEST(FindSubstringsTest, AgreesWithFind) {
  uint32_t x = 12345;
  const auto next = [&x](uint32_t n) {
    x = x * 1664525u + 1013904223u;
    return (x >> 8) % n;
  };
  for (int round = 0; round < 300; ++round) {
    // A small alphabet makes many near-matches and overlaps.
    std::string text;
    const size_t size = next(200);
    for (size_t i = 0; i < size; ++i) text.push_back("abc "[next(4)]);
    std::vector<std::string> needles = {"", text, text + "a"};
    for (int k = 0; k < 40; ++k) {
      if (!text.empty() && next(2) == 0) {
        const size_t at = next(static_cast<uint32_t>(text.size()));
        needles.push_back(text.substr(at, next(40)));
      } else {
        std::string s;
        const size_t len = next(30);
        for (size_t i = 0; i < len; ++i) s.push_back("abc "[next(4)]);
        needles.push_back(s);
      }
    }
    const std::vector<bool> found = internal::FindSubstrings(text, needles);
    ASSERT_EQ(found.size(), needles.size());
    for (size_t k = 0; k < needles.size(); ++k) {
      EXPECT_EQ(found[k], text.find(needles[k]) != std::string::npos)
          << "round " << round << ": '" << needles[k] << "' in '" << text
          << "'";
    }
  }
}

// The work of one search is at most a small multiple of the text's length
// plus the needles' (the bound, 8, is about twice what the design needs:
// one pass over the text, a few passes over each needle). Searching once
// per needle costs their product: 10^3 times the bound here.
TEST(FindSubstringsTest, WorkGrowsLinearly) {
  const auto check = [](const std::string& text,
                        const std::vector<std::string>& needles) {
    size_t bytes = text.size();
    for (const std::string& n : needles) bytes += n.size() + 1;
    size_t work = 0;
    internal::FindSubstrings(text, needles, &work);
    EXPECT_LE(work, 8 * bytes) << needles.size() << " needles";
  };
  for (const int paragraphs : {1000, 8000}) {
    // Paragraphs that all open alike, found and not found.
    std::string body;
    std::vector<std::string> needles;
    for (int k = 0; k < paragraphs; ++k) {
      const std::string p = "Lorem ipsum dolor sit amet, paragraph " +
                            std::to_string(k) +
                            " of the article says what happened next.";
      body += p + " ";
      needles.push_back(k % 10 == 0 ? p + " (promo)" : p);
    }
    check(body, needles);
  }
  // One long needle that nearly matches everywhere.
  check(std::string(1 << 20, 'a'), {std::string(20000, 'a') + "b"});
  check(std::string(1 << 20, 'a'), {std::string(20000, 'a')});
}

// What the cross-check does, on a page whose articleBody holds a paragraph
// the markup put in a "related" box (it comes back) and lacks an inline
// promo (it goes); and the same on a page of 3,000 such paragraphs.
TEST(JsonLdCrossCheckTest, RestoresHiddenParagraphsAndDropsPromos) {
  const std::vector<std::string> paras = {
      "The council approved the new bridge over the river on Monday after a "
      "long debate.",
      "Work on the crossing will start in spring and should take about two "
      "years to finish.",
      "The mayor said the old ferry would keep running until the bridge "
      "opens to traffic.",
      "Residents on both banks have waited for a fixed crossing for more "
      "than forty years.",
      "The budget of the project is shared between the city and the "
      "regional government.",
      "Opponents argued that a tunnel would have spared the historic quays "
      "on the east bank.",
      "A public hearing on the final design is planned for the first week of "
      "September.",
      "Traffic engineers expect about twenty thousand vehicles a day to use "
      "the new bridge."};
  const std::string hidden =
      "Engineers said the foundations would need special care because of the "
      "soft riverbed.";
  const std::string promo =
      "Sign up for our morning newsletter to get the best stories of the day "
      "in your inbox.";
  for (const int copies : {1, 300}) {
    std::string body, markup;
    for (int c = 0; c < copies; ++c) {
      const std::string n = copies == 1 ? "" : " (" + std::to_string(c) + ")";
      for (size_t k = 0; k < paras.size(); ++k) {
        body += paras[k] + n + " ";
        markup += "<p>" + paras[k] + n + "</p>\n";
        if (k == 1) {
          body += hidden + n + " ";
          markup += "<div class=\"related-links\"><p>" + hidden + n +
                    "</p></div>\n<p>" + promo + "</p>\n";
        }
      }
    }
    const std::string html =
        "<!DOCTYPE html><html><head><title>Council approves bridge</title>"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        "\"headline\": \"Council approves bridge\", \"articleBody\": \"" +
        body +
        "\"}</script></head><body><article><h1>Council approves bridge</h1>\n" +
        markup + "</article></body></html>";
    const internal::HtmlArticle article = internal::ExtractHtmlArticle(html);
    EXPECT_EQ(article.text.find(promo), std::string::npos) << copies;
    size_t restored = 0;
    for (size_t at = article.text.find(hidden); at != std::string::npos;
         at = article.text.find(hidden, at + 1)) {
      ++restored;
    }
    EXPECT_EQ(restored, static_cast<size_t>(copies));
    EXPECT_NE(article.text.find(paras.back()), std::string::npos);
  }
}

// JSON-LD as pages write it: inside an HTML comment,
// with the publisher in @graph by @id, and strings that strict JSON refuses
// (a raw line break, \f, a lone surrogate escape), and text after the JSON
// value. The article is rendered by script, so its text can only come from
// articleBody (used when it is over 200 bytes longer than the page's text).
TEST(JsonLdTest, ReadsThePageJsonPagesWrite) {
  const std::string html =
      "<!DOCTYPE html><html><head><title>x</title>"
      "<script type=\"application/ld+json\"><!--\n"
      "{\"@context\": \"https://schema.org\", \"@graph\": ["
      "{\"@type\": \"Organization\", \"@id\": \"#org\", \"name\": \"Daily "
      "Ledger\"},"
      "{\"@type\": \"NewsArticle\", \"headline\": \"Ferry\\fservice resumes\","
      " \"datePublished\": \"2026-01-02\", \"publisher\": {\"@id\": "
      "\"#org\"}, \"articleBody\": \"The ferry between the two harbours "
      "sails again after a month of repairs to its engines.\nThe operator "
      "said the timetable of the summer applies from Monday \\ud800 on all "
      "routes across the bay. Tickets bought for the cancelled crossings "
      "can be used until the end of the year.\"}]}\n--></script></head>"
      "<body><div id=\"app\"></div></body></html>";
  const internal::HtmlArticle article = internal::ExtractHtmlArticle(html);
  EXPECT_EQ(article.method, "json-ld");
  EXPECT_EQ(article.metadata.outlet, "Daily Ledger");
  EXPECT_EQ(article.metadata.date, "2026-01-02");
  EXPECT_EQ(article.metadata.title, "Ferry service resumes");
  EXPECT_NE(article.text.find("repairs to its engines."), std::string::npos);
  EXPECT_NE(article.text.find("from Monday \xEF\xBF\xBD on all routes"),
            std::string::npos)
      << article.text;
}

// Scripts that are not JSON are ignored: the page keeps its own metadata.
TEST(JsonLdTest, BrokenScriptsAreIgnored) {
  for (const std::string& script : std::vector<std::string>{
           "{\"@type\": \"NewsArticle\", \"headline\": ", "{\"a\": \\x}",
           std::string(100, '[')}) {
    const std::string html =
        "<html><head><title>t</title><meta property=\"og:site_name\" "
        "content=\"Bay Post\"><script type=\"application/ld+json\">" +
        script +
        "</script></head><body><article><h1>Harbour opens</h1><p>The new "
        "harbour opened to ships on Monday after three years of building "
        "work, the port said.</p></article></body></html>";
    const internal::HtmlArticle article = internal::ExtractHtmlArticle(html);
    EXPECT_EQ(article.metadata.outlet, "Bay Post") << script;
    EXPECT_EQ(article.metadata.title, "Harbour opens") << script;
  }
}

}  // namespace
}  // namespace crossalign
