// News pages through the align binary: `align page1.html page2.html -o
// out.tmx` end to end (DTD-valid, props from the pages, no chrome), `align
// split --format jsonl` with html_start/html_end, --input-format, detect,
// batch, and bad pages.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>

#include "cli_support.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Align;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;

std::string Page(const std::string& name) {
  return SourceDir() + "/tests/data/html/dev/" + name;
}

TEST(HtmlCliTest, TwoPagesToTmx) {
  const std::string out = MakeTempDir() + "/out.tmx";
  auto r = RunCommand(Align(Quote(Page("spa-kyiv-ledger.en.html")) + " " +
                            Quote(Page("wordpress-kyiv-ledger.uk.html")) +
                            " --date 2025-03-14 -o " + Quote(out)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  testing::ExpectValidTmxFile(out);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(out.c_str()));
  const pugi::xml_node body = doc.child("tmx").child("body");
  size_t units = 0;
  std::set<std::string> langs;
  for (pugi::xml_node tu : body.children("tu")) {
    ++units;
    for (pugi::xml_node tuv : tu.children("tuv")) {
      const std::string lang = tuv.attribute("xml:lang").value();
      langs.insert(lang);
      auto prop = [&](const char* type) {
        return std::string(
            tuv.find_child_by_attribute("prop", "type", type).text().get());
      };
      EXPECT_EQ(prop("x-outlet"), "Kyiv Ledger");
      EXPECT_EQ(prop("x-date"), "2025-03-14T13:45:00+03:00");
      EXPECT_EQ(prop("x-url"), lang == "en"
                                   ? "https://kyivledger.example/en/2025/03/14/"
                                     "kyiv-ledger-en-dniester-bridge"
                                   : "https://kyivledger.example/uk/2025/03/14/"
                                     "kyiv-ledger-uk-dniester-bridge/");
    }
  }
  EXPECT_GE(units, 20u);
  EXPECT_EQ(langs, (std::set<std::string>{"en", "uk"}));
  // No page chrome and no markup in the memory.
  const std::string tmx = ReadFile(out);
  for (const char* chrome :
       {"cookie", "Most read", "Найпопулярніше", "doctype html", "&lt;script",
        "Subscribe", "Advertisement", "Залишити коментар", "gtm.start"}) {
    EXPECT_EQ(tmx.find(chrome), std::string::npos) << chrome;
  }
  EXPECT_NE(tmx.find("The old bridge was damaged in 2022."), std::string::npos);
  EXPECT_NE(tmx.find("Старий міст пошкодили у 2022 році"), std::string::npos);
}

TEST(HtmlCliTest, JsonlAlignmentCarriesPageMetadataAndOffsets) {
  auto r = RunCommand(Align(Quote(Page("spa-kyiv-ledger.en.html")) + " " +
                            Quote(Page("table-kyiv-ledger.ru.html")) +
                            " --format jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_NE(line.find("\"url\":\"https://kyivledger.example/en/"),
              std::string::npos)
        << line;
    // The Russian page has no URL of its own; its outlet comes from the
    // <title> ("Kyiv Ledger :: headline").
    EXPECT_NE(line.find("\"outlet\":\"Kyiv Ledger\""), std::string::npos);
    EXPECT_NE(line.find("\"html_start\":"), std::string::npos) << line;
  }
  EXPECT_GE(n, 20u);
}

TEST(HtmlCliTest, SplitJsonlPointsIntoThePage) {
  for (const char* name :
       {"wordpress-kyiv-ledger.uk.html", "table-kyiv-ledger.ru.html"}) {
    auto r = RunCommand(Align("split --format jsonl " + Quote(Page(name))));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string page = ReadFile(Page(name));
    std::istringstream lines(r.out);
    std::string line;
    size_t n = 0, last_end = 0;
    while (std::getline(lines, line)) {
      ++n;
      const size_t s = line.find("\"html_start\":");
      const size_t e = line.find("\"html_end\":");
      ASSERT_NE(s, std::string::npos) << line;
      ASSERT_NE(e, std::string::npos) << line;
      const size_t begin = std::stoul(line.substr(s + 13));
      const size_t end = std::stoul(line.substr(e + 11));
      EXPECT_LT(begin, end) << line;
      EXPECT_LE(end, page.size()) << line;
      // Segments come in page order and start on a letter or quote of the
      // page, not inside markup.
      EXPECT_GE(begin, last_end) << line;
      last_end = end;
      EXPECT_NE(page[begin], '<') << line;
      EXPECT_NE(page[end - 1], '>') << line;
    }
    EXPECT_GE(n, 25u) << name;
  }
  // The UTF-8 page: a known sentence maps to its exact bytes.
  const std::string page = ReadFile(Page("wordpress-kyiv-ledger.uk.html"));
  auto r = RunCommand(Align("split --format jsonl " +
                            Quote(Page("wordpress-kyiv-ledger.uk.html"))));
  const std::string sentence =
      "Новий міст будували 18 місяців, його довжина "
      "становить 640 метрів.";
  const size_t at = r.out.find(sentence);
  ASSERT_NE(at, std::string::npos);
  const std::string rest = r.out.substr(at);
  const size_t begin =
      std::stoul(rest.substr(rest.find("\"html_start\":") + 13));
  EXPECT_EQ(page.substr(begin, sentence.size()), sentence);
}

TEST(HtmlCliTest, InputFormatOption) {
  const std::string page = Quote(Page("spa-kyiv-ledger.en.html"));
  auto r = RunCommand(Align("split --lang en --input-format text " + page));
  EXPECT_NE(r.out.find("<!doctype html>"), std::string::npos);
  r = RunCommand(Align("split --lang en --input-format html " + page));
  EXPECT_EQ(r.out.find("<!doctype html>"), std::string::npos);
  EXPECT_NE(r.out.find("The old bridge was damaged in 2022."),
            std::string::npos);
  r = RunCommand(Align("split --input-format xml " + page));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--input-format must be text, html or auto"),
            std::string::npos)
      << r.err;
  // A page without an .html name is still recognised by its content.
  const std::string dir = MakeTempDir();
  RunCommand("cp " + page + " " + Quote(dir + "/story.dat"));
  r = RunCommand(Align("detect " + Quote(dir + "/story.dat")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\ten\t"), std::string::npos) << r.out;
  r = RunCommand(Align("detect --input-format html " +
                       Quote(Page("wordpress-kyiv-ledger.uk.html"))));
  EXPECT_NE(r.out.find("\tuk\t"), std::string::npos) << r.out;
}

TEST(HtmlCliTest, FoldersAndBatchTakePages) {
  const std::string dir = MakeTempDir();
  RunCommand("cp " + Quote(Page("spa-kyiv-ledger.en.html")) + " " +
             Quote(Page("wordpress-kyiv-ledger.uk.html")) + " " +
             Quote(Page("table-kyiv-ledger.ru.html")) + " " + Quote(dir));
  auto r = RunCommand(
      Align(Quote(dir) + " --date 2025-03-14 -o " + Quote(dir + "/out")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto files = testing::ListDir(dir + "/out");
  EXPECT_GE(files.size(), 2u);
  testing::WriteFile(dir + "/m.tsv", Page("spa-kyiv-ledger.en.html") + "\t" +
                                         Page("wordpress-kyiv-ledger.uk.html") +
                                         "\n");
  r = RunCommand(Align("batch " + Quote(dir + "/m.tsv") +
                       " --input-format auto --date 2025-03-14 -o " +
                       Quote(dir + "/batch")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string all;
  for (const std::string& f : testing::ListDir(dir + "/batch")) {
    if (f[0] != '.') all += ReadFile(dir + "/batch/" + f);
  }
  EXPECT_NE(all.find("x-url"), std::string::npos);
}

TEST(HtmlCliTest, BadPages) {
  const std::string dir = MakeTempDir();
  testing::WriteFile(dir + "/nav.html",
                     "<!DOCTYPE html><html><body><nav><a href=/>Home</a>"
                     "</nav><script>var x = 1;</script></body></html>");
  auto r = RunCommand(Align("split " + Quote(dir + "/nav.html")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(dir + "/nav.html: no article text found"),
            std::string::npos)
      << r.err;
  testing::WriteFile(dir + "/cut.html",
                     "<!DOCTYPE html><html lang=en><body><article><h1>A "
                     "headline for a cut page</h1><p>The first paragraph is "
                     "whole, and it says something.</p><p>The second one "
                     "stops in the mid");
  r = RunCommand(Align("split --lang en " + Quote(dir + "/cut.html")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("The first paragraph is whole"), std::string::npos);
}

}  // namespace
}  // namespace crossalign
