// HTML article extraction on the test pages of tests/data/html/ (four site
// styles: WordPress-like theme, script-heavy single-page site with JSON-LD
// and inline ads, old table layout, AMP), per split and style:
//  - sentences found: the share of the article's headings and sentences
//    (corpora gold) that reach the non-boilerplate segments;
//  - chrome leaked: the share of the non-boilerplate segments' bytes that
//    are not article (menus, cookie banners, "most read" ...);
//  - metadata: url, outlet, date, lang and title right.
// Then throughput: reading a page (charset, parse, extraction) next to a
// bare gumbo parse of the same bytes, in the same run.
//   html_extract_bench [--details]
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>

#include "crossalign/pipeline.h"
#include "html_gold.h"
#include "test_support.h"

namespace {

using crossalign::testing::HtmlGoldPage;
using crossalign::testing::HtmlScore;

double Now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void Add(HtmlScore* total, const HtmlScore& s) {
  total->units += s.units;
  total->found += s.found;
  total->chars += s.chars;
  total->leaked += s.leaked;
  total->meta_fields += s.meta_fields;
  total->meta_right += s.meta_right;
}

void PrintRow(const std::string& split, const std::string& style, int pages,
              const HtmlScore& s) {
  std::printf(
      "| %s | %s | %d | %.1f%% (%zu/%zu) | %.1f%% (%zu/%zu B) | %zu/%zu |\n",
      split.c_str(), style.c_str(), pages,
      s.units ? 100.0 * s.found / s.units : 0.0, s.found, s.units,
      s.chars ? 100.0 * s.leaked / s.chars : 0.0, s.leaked, s.chars,
      s.meta_right, s.meta_fields);
}

}  // namespace

int main(int argc, char** argv) {
  const bool details = argc > 1 && std::strcmp(argv[1], "--details") == 0;
  const auto pages = crossalign::testing::LoadHtmlGoldPages();
  if (pages.empty()) {
    std::cerr << "html_extract_bench: no pages in tests/data/html\n";
    return 3;
  }
  crossalign::PipelineOptions options;
  auto pipeline = crossalign::Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << pipeline.status().ToString() << "\n";
    return 3;
  }
  std::printf(
      "HTML article extraction: %zu pages of tests/data/html (gold: corpora/ "
      "segments; dev pages were used to build the extractor, test pages "
      "only measured)\n",
      pages.size());
  std::printf(
      "\n| split | style | pages | sentences found | chrome leaked | metadata "
      "right |\n|---|---|---|---|---|---|\n");
  std::map<std::pair<std::string, std::string>, std::pair<int, HtmlScore>> rows;
  std::map<std::string, std::pair<int, HtmlScore>> splits;
  for (const HtmlGoldPage& page : pages) {
    auto doc = (*pipeline)->Prepare(page.path);
    HtmlScore s;
    if (!doc.ok()) {
      std::cerr << doc.status().ToString() << "\n";
      s.units = page.units.size();
      s.meta_fields = page.meta.size();
    } else {
      s = crossalign::testing::ScoreHtmlPage(page, **doc);
    }
    auto& row = rows[{page.split, page.style}];
    ++row.first;
    Add(&row.second, s);
    ++splits[page.split].first;
    Add(&splits[page.split].second, s);
    if (details) {
      std::printf("  %s: %zu/%zu found, %zu/%zu B leaked, meta %zu/%zu\n",
                  page.path.c_str(), s.found, s.units, s.leaked, s.chars,
                  s.meta_right, s.meta_fields);
      for (const auto& m : s.missing)
        std::printf("    missing: %s\n", m.c_str());
      for (const auto& l : s.leaks) std::printf("    leaked: %s\n", l.c_str());
      for (const auto& w : s.wrong_fields)
        std::printf("    meta %s\n", w.c_str());
    }
  }
  for (const auto& [key, row] : rows) {
    PrintRow(key.first, key.second, row.first, row.second);
  }
  for (const auto& [split, row] : splits)
    PrintRow(split, "all", row.first, row.second);

  // Throughput: whole pages read as documents vs a bare gumbo parse.
  std::vector<std::string> bytes;
  size_t total = 0;
  for (const HtmlGoldPage& page : pages) {
    bytes.push_back(crossalign::testing::ReadFile(page.path));
    total += bytes.back().size();
  }
  const int rounds = 20;
  double t0 = Now();
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    for (size_t k = 0; k < bytes.size(); ++k) {
      auto doc = crossalign::DecodeDocument(pages[k].path, bytes[k]);
      sink += doc.ok() ? doc->text().size() : 0;
    }
  }
  const double extract = Now() - t0;
  t0 = Now();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& b : bytes) {
      GumboOutput* out =
          gumbo_parse_with_options(&kGumboDefaultOptions, b.data(), b.size());
      sink += out->root != nullptr;
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  const double parse = Now() - t0;
  const double mb = static_cast<double>(total) * rounds / (1 << 20);
  std::printf(
      "\nThroughput (%zu pages, %.0f KB, %d rounds): reading a page as a "
      "document (charset, parse, extraction) %.1f MB/s; the peer, a bare "
      "gumbo parse of the same bytes, %.1f MB/s; ratio %.2fx the parse's "
      "time.\n",
      pages.size(), static_cast<double>(total) / 1024, rounds, mb / extract,
      mb / parse, extract / parse);
  if (sink == 0) std::printf("(no text extracted)\n");

  // Growth with the page (issue #27 item 6): pages of N paragraphs whose
  // JSON-LD articleBody holds them all, read twice as large each time. The
  // cross-check once searched the articleBody once per paragraph (64,000
  // paragraphs, 14 MB: 24.6 s); linear work keeps the time per MB flat.
  std::printf(
      "\nJSON-LD pages by size (time per MB should stay flat):\n"
      "| paragraphs | MB | seconds | s/MB |\n|---|---|---|---|\n");
  for (int paragraphs = 8000; paragraphs <= 64000; paragraphs *= 2) {
    std::string body, markup;
    for (int k = 0; k < paragraphs; ++k) {
      const std::string p = "Paragraph " + std::to_string(k) +
                            " of the article tells what the council decided "
                            "about the bridge, and why.";
      body += p + " ";
      markup += "<p>" + p + "</p>\n";
    }
    const std::string page =
        "<!DOCTYPE html><html><head><script type=\"application/ld+json\">"
        "{\"@type\": \"NewsArticle\", \"articleBody\": \"" +
        body + "\"}</script></head><body><article>" + markup +
        "</article></body></html>";
    t0 = Now();
    auto doc = crossalign::DecodeDocument("growth.html", page);
    const double seconds = Now() - t0;
    const double page_mb = static_cast<double>(page.size()) / (1 << 20);
    std::printf("| %d | %.1f | %.2f | %.3f |%s\n", paragraphs, page_mb, seconds,
                seconds / page_mb, doc.ok() ? "" : " (failed)");
  }
  return 0;
}
