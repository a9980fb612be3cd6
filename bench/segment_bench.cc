// Sentence segmentation: pass rates on the Golden Rules (shared/eval/segment)
// per language, for plain ICU, ICU with @ss=standard and crossalign; boundary
// precision, recall and F1 on our own news paragraphs in 15 languages
// (bench/data/segment_news, dev and test parts); and throughput in MB/s next
// to bare ICU BreakIterator on the same text.
//   segment_bench [--golden FILE] [--news DIR] [--failures]
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
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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

// A news file: paragraphs of gold sentences.
using Paragraphs = std::vector<std::vector<std::string>>;

Paragraphs ReadNews(const std::string& path) {
  std::ifstream in(path);
  Paragraphs out;
  std::vector<std::string> para;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == '#') continue;  // a comment
    if (line.empty()) {
      if (!para.empty()) out.push_back(std::move(para));
      para.clear();
    } else {
      para.push_back(line);
    }
  }
  if (!para.empty()) out.push_back(std::move(para));
  return out;
}

// The sentences of the file regrouped into paragraphs of `size` sentences.
Paragraphs Regroup(const Paragraphs& paragraphs, size_t size) {
  Paragraphs out;
  std::vector<std::string> para;
  for (const auto& p : paragraphs) {
    for (const std::string& s : p) {
      para.push_back(s);
      if (para.size() == size) {
        out.push_back(std::move(para));
        para.clear();
      }
    }
  }
  if (!para.empty()) out.push_back(std::move(para));
  return out;
}

size_t NonSpace(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !(c == ' ' || c == '\n' || c == '\t' || c == '\r');
  return n;
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  void Add(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
  double P() const { return tp + fp ? 100.0 * tp / (tp + fp) : 100.0; }
  double R() const { return tp + fn ? 100.0 * tp / (tp + fn) : 100.0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0.0; }
};

// Boundaries inside paragraphs (a paragraph's end is given, not found):
// positions counted in non-space characters, so white space does not
// matter.
Counts ScoreNews(const SentenceSegmenter& seg, const Paragraphs& paragraphs,
                 const std::string& lang, std::vector<std::string>* errors) {
  const bool unspaced = lang == "zh" || lang == "ja";
  std::string text;
  std::set<size_t> gold;
  std::vector<size_t> para_end;  // non-space offsets of paragraph ends
  size_t pos = 0;
  for (const auto& p : paragraphs) {
    for (size_t i = 0; i < p.size(); ++i) {
      if (i > 0 && !unspaced) text += ' ';
      text += p[i];
      pos += NonSpace(p[i]);
      if (i + 1 < p.size()) gold.insert(pos);
    }
    text += '\n';
    para_end.push_back(pos);
  }
  std::set<size_t> found;
  auto spans = seg.Split(text, lang);
  if (spans.ok()) {
    size_t at = 0;
    size_t last = 0;
    for (const Span& s : *spans) {
      at += NonSpace(std::string_view(text).substr(last, s.end - last));
      last = s.end;
      if (!std::binary_search(para_end.begin(), para_end.end(), at)) {
        found.insert(at);
      }
    }
  }
  Counts c;
  for (size_t b : found) (gold.count(b) ? c.tp : c.fp)++;
  for (size_t b : gold) c.fn += found.count(b) ? 0 : 1;
  if (errors) {
    // The sentence around each error, for --failures.
    std::string squeezed;
    for (char ch : text) {
      if (!(ch == ' ' || ch == '\n')) squeezed += ch;
    }
    for (size_t b : found) {
      if (!gold.count(b))
        errors->push_back("extra   | " +
                          squeezed.substr(b > 40 ? b - 40 : 0, 40) + " || " +
                          squeezed.substr(b, 30));
    }
    for (size_t b : gold) {
      if (!found.count(b))
        errors->push_back("missing | " +
                          squeezed.substr(b > 40 ? b - 40 : 0, 40) + " || " +
                          squeezed.substr(b, 30));
    }
  }
  return c;
}

// The news benchmark: per language and part, P/R/F1 of ICU, ICU
// @ss=standard and crossalign; micro averages over all languages, for the
// paragraphs as written and regrouped into 5-sentence paragraphs.
void NewsBenchmark(const std::string& dir, const SentenceSegmenter& plain,
                   const SentenceSegmenter& standard,
                   const SentenceSegmenter& ours, bool failures) {
  if (!std::filesystem::is_directory(dir + "/dev")) {
    std::printf("\nNews benchmark: skipped (no %s/dev)\n", dir.c_str());
    return;
  }
  std::printf(
      "\nNews boundaries (bench/data/segment_news: paragraphs written for this "
      "project, one gold sentence per line). Boundary precision / recall / F1 "
      "inside paragraphs. The rules were tuned on the dev part only; the test "
      "part is reported, never tuned on.\n");
  const SentenceSegmenter* systems[] = {&plain, &standard, &ours};
  for (const char* part : {"dev", "test"}) {
    std::vector<std::string> langs;
    for (const auto& e :
         std::filesystem::directory_iterator(dir + "/" + part)) {
      if (e.path().extension() == ".txt") {
        langs.push_back(e.path().stem().string());
      }
    }
    std::sort(langs.begin(), langs.end());
    std::printf(
        "\n%s part\n\n| lang | sentences | ICU P/R/F1 | ICU @ss=standard "
        "P/R/F1 | crossalign P/R/F1 |\n|---|---|---|---|---|\n",
        part);
    Counts total[3], total5[3];
    std::vector<std::string> below;
    for (const std::string& lang : langs) {
      const Paragraphs paras = ReadNews(dir + "/" + part + "/" + lang + ".txt");
      size_t sentences = 0;
      for (const auto& p : paras) sentences += p.size();
      Counts c[3];
      for (int k = 0; k < 3; ++k) {
        std::vector<std::string> errors;
        c[k] = ScoreNews(*systems[k], paras, lang,
                         failures && k == 2 ? &errors : nullptr);
        total[k].Add(c[k]);
        total5[k].Add(ScoreNews(*systems[k], Regroup(paras, 5), lang, nullptr));
        for (const std::string& e : errors) {
          std::printf("  %s %s %s\n", part, lang.c_str(), e.c_str());
        }
      }
      const double base = std::max(c[0].F(), c[1].F());
      if (c[2].F() + 1e-9 < base) below.push_back(lang);
      std::printf(
          "| %s | %zu | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | "
          "**%.1f / %.1f / %.1f**%s |\n",
          lang.c_str(), sentences, c[0].P(), c[0].R(), c[0].F(), c[1].P(),
          c[1].R(), c[1].F(), c[2].P(), c[2].R(), c[2].F(),
          c[2].F() + 1e-9 < base ? " (below ICU)" : "");
    }
    std::printf(
        "| micro, all | | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | "
        "**%.1f / %.1f / %.1f** |\n",
        total[0].P(), total[0].R(), total[0].F(), total[1].P(), total[1].R(),
        total[1].F(), total[2].P(), total[2].R(), total[2].F());
    std::printf(
        "| micro, 5-sentence paragraphs | | %.1f / %.1f / %.1f | "
        "%.1f / %.1f / %.1f | **%.1f / %.1f / %.1f** |\n",
        total5[0].P(), total5[0].R(), total5[0].F(), total5[1].P(),
        total5[1].R(), total5[1].F(), total5[2].P(), total5[2].R(),
        total5[2].F());
    std::printf("\n%s: %zu languages; below their ICU baseline: %s\n", part,
                langs.size(), below.empty() ? "none" : "");
    for (const std::string& l : below) std::printf("  %s\n", l.c_str());
  }
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

}  // namespace

void GoldenRules(const std::vector<GoldenCase>& cases,
                 const SentenceSegmenter& plain_seg,
                 const SentenceSegmenter& standard_seg,
                 const SentenceSegmenter& ours_seg, bool failures) {
  const SentenceSegmenter* plain = &plain_seg;
  const SentenceSegmenter* standard = &standard_seg;
  const SentenceSegmenter* ours = &ours_seg;
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
}

int main(int argc, char** argv) {
  std::string golden = std::string(CROSSALIGN_BENCH_SHARED_DIR) +
                       "/eval/segment/golden_rules.jsonl";
  std::string news =
      std::string(CROSSALIGN_BENCH_SOURCE_DIR) + "/bench/data/segment_news";
  bool failures = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--golden") && i + 1 < argc) golden = argv[++i];
    if (!std::strcmp(argv[i], "--news") && i + 1 < argc) news = argv[++i];
    if (!std::strcmp(argv[i], "--failures")) failures = true;
  }
  std::string error;
  const std::vector<GoldenCase> cases =
      crossalign::testing::ReadGoldenRules(golden, &error);
  auto plain = Make(true, "");
  auto standard = Make(true, "@ss=standard");
  auto ours = Make(false, "");
  if (cases.empty()) {
    std::cout << "Golden rules: skipped (" << error << ")\n";
  } else {
    GoldenRules(cases, *plain, *standard, *ours, failures);
  }
  NewsBenchmark(news, *plain, *standard, *ours, failures);

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
