// The HTML test pages of tests/data/html/ and their gold (make_pages.py):
// scoring an extracted Document against the article's headings and
// sentences and the page's metadata. Shared by html_article_test and
// bench/html_extract_bench.
#ifndef CROSSALIGN_TESTS_HTML_GOLD_H_
#define CROSSALIGN_TESTS_HTML_GOLD_H_

#include <map>
#include <string>
#include <vector>

#include "crossalign/document.h"

namespace crossalign::testing {

struct HtmlGoldPage {
  std::string path;   // the .html file
  std::string split;  // "dev" or "test"
  std::string style;  // "wordpress", "spa", "table", "amp"
  std::map<std::string, std::string> meta;  // url, outlet, date, lang, title
  std::vector<std::string> units;           // headings and sentences
};

// The pages under tests/data/html/{dev,test}, sorted by path.
std::vector<HtmlGoldPage> LoadHtmlGoldPages();

struct HtmlScore {
  size_t units = 0;        // gold headings and sentences
  size_t found = 0;        // of them, in the non-boilerplate segments
  size_t chars = 0;        // bytes of non-boilerplate segments
  size_t leaked = 0;       // of them, in segments that are not article
  size_t meta_fields = 0;  // metadata fields checked
  size_t meta_right = 0;
  std::vector<std::string> missing;       // gold units not found
  std::vector<std::string> leaks;         // segments that are not article
  std::vector<std::string> wrong_fields;  // "field: got X, want Y"
};

// Compares a prepared (segmented) document with its page's gold. A unit is
// found when it occurs in the non-boilerplate segments joined by spaces
// (white space collapsed); a segment leaks when it neither occurs in the
// article's units joined nor holds one of them. Metadata: url, outlet,
// date and title exactly, lang by its primary subtag.
HtmlScore ScoreHtmlPage(const HtmlGoldPage& page, const Document& doc);

}  // namespace crossalign::testing

#endif  // CROSSALIGN_TESTS_HTML_GOLD_H_
