// Sentence segmentation: pass rates on the Golden Rules (shared/eval/segment)
// per language, for plain ICU, ICU with @ss=standard and crossalign, and
// throughput in MB/s next to bare ICU BreakIterator on the same text.
//   segment_bench [--golden FILE] [--failures]
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "crossalign/sentence_segmenter.h"
#include "golden_rules.h"

namespace {

using crossalign::SentenceSegmenter;
using crossalign::SentenceSegmenterOptions;
using crossalign::Span;
using crossalign::testing::GoldenCase;
using crossalign::testing::GoldenReport;

std::unique_ptr<SentenceSegmenter> Make(bool icu_only,
                                        const std::string& suffix) {
  SentenceSegmenterOptions options;
  options.icu_only = icu_only;
  options.icu_locale_suffix = suffix;
  auto s = SentenceSegmenter::Create(options);
  if (!s.ok()) {
    std::cerr << s.status().ToString() << "\n";
    std::exit(3);
  }
  return std::move(*s);
}

GoldenReport Score(const SentenceSegmenter& seg,
                   const std::vector<GoldenCase>& cases) {
  return crossalign::testing::ScoreGoldenRules(
      cases, [&](const std::string& text, const std::string& lang) {
        std::vector<std::string> out;
        auto spans = seg.Split(text, lang);
        if (!spans.ok()) return out;
        for (const Span& s : *spans)
          out.push_back(text.substr(s.begin, s.size()));
        return out;
      });
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string golden = std::string(CROSSALIGN_BENCH_SHARED_DIR) +
                       "/eval/segment/golden_rules.jsonl";
  bool failures = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--golden") && i + 1 < argc) golden = argv[++i];
    if (!std::strcmp(argv[i], "--failures")) failures = true;
  }
  std::string error;
  const std::vector<GoldenCase> cases =
      crossalign::testing::ReadGoldenRules(golden, &error);
  if (cases.empty()) {
    std::cout << "segment_bench: skipped (" << error << ")\n";
    return 0;
  }
  auto plain = Make(true, "");
  auto standard = Make(true, "@ss=standard");
  auto ours = Make(false, "");
  const GoldenReport rp = Score(*plain, cases);
  const GoldenReport rs = Score(*standard, cases);
  const GoldenReport ro = Score(*ours, cases);

  std::printf(
      "Golden rules (pure_split cases; a case passes when every sentence "
      "matches)\n\n");
  std::printf("| set | cases | ICU plain | ICU @ss=standard | crossalign |\n");
  std::printf("|---|---|---|---|---|\n");
  std::printf("| English pySBD-48 | %d | %.1f%% | %.1f%% | **%.1f%%** |\n",
              ro.en48.total, rp.en48.rate(), rs.en48.rate(), ro.en48.rate());
  std::printf("| all pure-split | %d | %.1f%% | %.1f%% | **%.1f%%** |\n",
              ro.pure_split.total, rp.pure_split.rate(), rs.pure_split.rate(),
              ro.pure_split.rate());
  for (const auto& [lang, score] : ro.by_lang) {
    const double base =
        std::max(rp.by_lang.at(lang).rate(), rs.by_lang.at(lang).rate());
    std::printf("| %s | %d | %.1f%% | %.1f%% | %.1f%%%s |\n", lang.c_str(),
                score.total, rp.by_lang.at(lang).rate(),
                rs.by_lang.at(lang).rate(), score.rate(),
                score.rate() + 1e-9 < base ? " (below ICU)" : "");
  }
  if (failures) {
    std::set<std::string> failed(ro.failures.begin(), ro.failures.end());
    for (const GoldenCase& c : cases) {
      if (!failed.count(c.id)) continue;
      std::printf("\nFAIL %s [%s]\n  text: %s\n", c.id.c_str(), c.lang.c_str(),
                  c.text.c_str());
      for (const std::string& e : c.expected)
        std::printf("  want| %s\n", e.c_str());
      auto spans = ours->Split(c.text, c.lang);
      if (spans.ok()) {
        for (const Span& s : *spans) {
          std::printf("  got | %s\n", c.text.substr(s.begin, s.size()).c_str());
        }
      }
    }
  }

  // Throughput: the English articles of corpora/ (news text with its
  // headings and boilerplate), repeated to about 8 MB.
  std::string article;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(CROSSALIGN_BENCH_SOURCE_DIR) + "/corpora")) {
    const std::string path = entry.path().string();
    if (path.size() < 7 || path.substr(path.size() - 7) != ".en.txt") continue;
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    article += buffer.str() + "\n\n";
  }
  std::string text;
  while (!article.empty() && text.size() < (8u << 20)) text += article;
  const double mb = static_cast<double>(text.size()) / (1 << 20);
  double icu_s = 1e9;
  double ours_s = 1e9;
  std::vector<double> ratios;
  size_t icu_n = 0;
  size_t ours_n = 0;
  for (int rep = 0; rep < 5; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en"), err));
    UText* ut = utext_openUTF8(nullptr, text.data(),
                               static_cast<int64_t>(text.size()), &err);
    bi->setText(ut, err);
    icu_n = 0;
    for (int32_t b = bi->first(); b != icu::BreakIterator::DONE;
         b = bi->next()) {
      ++icu_n;
    }
    utext_close(ut);
    const double last_icu = Seconds(t0);
    icu_s = std::min(icu_s, last_icu);
    t0 = std::chrono::steady_clock::now();
    auto spans = ours->Split(text, "en");
    ours_n = spans.ok() ? spans->size() : 0;
    const double this_ours = Seconds(t0);
    ours_s = std::min(ours_s, this_ours);
    ratios.push_back(last_icu / this_ours);
  }
  std::sort(ratios.begin(), ratios.end());
  std::printf(
      "\nThroughput on %.1f MB of English news text (corpora/*.en.txt "
      "repeated; best of 5)\n\n",
      mb);
  std::printf("| segmenter | MB/s | sentences |\n|---|---|---|\n");
  std::printf("| bare ICU BreakIterator | %.1f | %zu |\n", mb / icu_s, icu_n);
  std::printf("| crossalign (rules + clean-up) | %.1f | %zu |\n", mb / ours_s,
              ours_n);
  std::printf(
      "\ncrossalign / ICU throughput: **%.2f** (median of %zu back-to-back "
      "runs; target at least 0.25)\n",
      ratios[ratios.size() / 2], ratios.size());
  return 0;
}
