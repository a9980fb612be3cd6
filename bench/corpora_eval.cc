// Alignment quality on our own corpora/ gold: per pair type (translation,
// cross-outlet same language, cross-outlet across languages), strict bead
// precision, recall and F1, and the mode `--mode auto` picks for each pair.
//
//   build/bench/corpora_eval
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "crossalign/pipeline.h"
#include "gold_corpus.h"
#include "test_support.h"

namespace {

using crossalign::testing::GoldPair;

std::string Basename(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

struct Totals {
  int predicted = 0, gold = 0, hits_p = 0, hits_r = 0;
  void Add(const crossalign::testing::Score& s) {
    predicted += s.predicted;
    gold += s.gold;
    hits_p += s.hits_p;
    hits_r += s.hits_r;
  }
};

std::unique_ptr<crossalign::Pipeline> MakePipeline(crossalign::AlignMode mode) {
  crossalign::PipelineOptions options;
  options.mode = mode;
  if (const char* m = std::getenv("CORPORA_EVAL_MIN_SCORE"))
    options.comparable.min_score = std::atof(m);
  auto p = crossalign::Pipeline::Create(options);
  if (!p.ok()) {
    std::fprintf(stderr, "corpora_eval: %s\n", p.status().ToString().c_str());
    std::exit(3);
  }
  return std::move(*p);
}

// corpora/splits.tsv: "story<TAB>dev|test"; stories not listed are dev.
// Reliability of the unit scores (x-score): per score bin, how many units
// were written and how many are in the gold; the expected calibration
// error (the units-weighted mean gap between a bin's mean score and its
// share right).
struct Reliability {
  static constexpr int kBins = 10;  // [0,0.1) ... [0.9,1.0]
  int units[kBins] = {}, right[kBins] = {};
  double score_sum[kBins] = {};
  void Add(double score, bool ok) {
    const int bin = std::min(kBins - 1, static_cast<int>(score * kBins));
    ++units[bin];
    right[bin] += ok;
    score_sum[bin] += score;
  }
  void Print(const std::string& title) const {
    std::printf(
        "\n%s\n\n| score | units | right | share right | mean score |\n"
        "|---|---|---|---|---|\n",
        title.c_str());
    int total = 0, high = 0, high_right = 0;
    double gap = 0;
    for (int b = 0; b < kBins; ++b) {
      total += units[b];
      if (b >= 8) {
        high += units[b];
        high_right += right[b];
      }
      if (!units[b]) {
        std::printf("| %.1f-%.1f | 0 | 0 | - | - |\n", b * 0.1, b * 0.1 + 0.1);
        continue;
      }
      const double share = static_cast<double>(right[b]) / units[b];
      const double mean = score_sum[b] / units[b];
      gap += units[b] * std::abs(share - mean);
      std::printf("| %.1f-%.1f | %d | %d | %.2f | %.2f |\n", b * 0.1,
                  b * 0.1 + 0.1, units[b], right[b], share, mean);
    }
    std::printf(
        "\nunits scoring >= 0.8: %d, right %d (%.1f%%); expected calibration "
        "error %.3f over %d units\n",
        high, high_right, high ? 100.0 * high_right / high : 0.0,
        total ? gap / total : 0.0, total);
  }
};

}  // namespace

int main() {
  auto translation = MakePipeline(crossalign::AlignMode::kTranslation);
  auto comparable = MakePipeline(crossalign::AlignMode::kComparable);
  auto automatic = MakePipeline(crossalign::AlignMode::kAuto);
  std::map<std::string, Totals> totals;
  // Cross-language comparable pairs per language pair ("en-ko") and split.
  std::map<std::pair<std::string, std::string>, Totals> by_languages;
  const std::map<std::string, std::string> splits =
      crossalign::testing::ReadSplits();
  std::map<std::string, Reliability> reliability;  // per split
  int auto_right = 0, auto_total = 0;
  std::printf(
      "| story | pair | type | P | R | F1 | auto mode (reason) "
      "|\n|---|---|---|---|---|---|---|\n");
  for (const GoldPair& gold : crossalign::testing::ReadGoldPairs()) {
    const bool is_translation = gold.type == "translation";
    auto& pipeline = is_translation ? translation : comparable;
    auto pair = pipeline->AlignFiles(gold.src, gold.tgt);
    auto chosen = automatic->AlignFiles(gold.src, gold.tgt);
    if (!pair.ok() || !chosen.ok()) {
      std::fprintf(
          stderr, "corpora_eval: %s\n",
          (pair.ok() ? chosen.status() : pair.status()).ToString().c_str());
      return 3;
    }
    const auto predicted = crossalign::testing::ToTextBeads(*pair);
    const auto s = crossalign::testing::StrictScore(gold.beads, predicted,
                                                    !is_translation);
    const std::string story =
        gold.story_dir.substr(gold.story_dir.rfind('/') + 1);
    const std::string split = splits.count(story) ? splits.at(story) : "dev";
    {
      const std::set<crossalign::testing::TextBead> gold_set(gold.beads.begin(),
                                                             gold.beads.end());
      for (size_t k = 0; k < predicted.size(); ++k) {
        if (predicted[k].first.empty() || predicted[k].second.empty()) continue;
        const bool ok = gold_set.count(predicted[k]) > 0;
        const double score = pair->alignment.beads[k].score;
        reliability[split + " stories, all units"].Add(score, ok);
        reliability[split + " stories, " + gold.type + " units"].Add(score, ok);
      }
    }
    if (!is_translation && std::getenv("CORPORA_EVAL_VERBOSE") &&
        split == "dev") {
      // Dev only: the misses and false units, for tuning.
      const std::set<crossalign::testing::TextBead> gold_set(gold.beads.begin(),
                                                             gold.beads.end());
      std::set<crossalign::testing::TextBead> got;
      auto show = [](const crossalign::testing::TextBead& b) {
        std::string out;
        for (const auto& t : b.first) out += t.substr(0, 70) + " | ";
        out += " <=> ";
        for (const auto& t : b.second) out += t.substr(0, 70) + " | ";
        return out;
      };
      std::fprintf(stderr, "== %s -> %s\n", Basename(gold.src).c_str(),
                   Basename(gold.tgt).c_str());
      for (size_t k = 0; k < predicted.size(); ++k) {
        if (predicted[k].first.empty() || predicted[k].second.empty()) continue;
        got.insert(predicted[k]);
        if (!gold_set.count(predicted[k]))
          std::fprintf(stderr, "  FALSE %.2f %s\n",
                       pair->alignment.beads[k].score,
                       show(predicted[k]).c_str());
      }
      for (const auto& g : gold.beads) {
        if (!got.count(g)) std::fprintf(stderr, "  MISS %s\n", show(g).c_str());
      }
    }
    std::string type = split + ": " + gold.type;
    if (!is_translation) {
      type += pair->src->lang() == pair->tgt->lang() ? " same-language"
                                                     : " cross-language";
    }
    if (gold.beads.empty()) type = "unrelated stories";
    totals[type].Add(s);
    if (!is_translation && !gold.beads.empty() &&
        pair->src->lang() != pair->tgt->lang()) {
      const std::string a = pair->src->lang(), b = pair->tgt->lang();
      by_languages[{a < b ? a + "-" + b : b + "-" + a, split}].Add(s);
    }
    const char* mode = crossalign::AlignModeName(chosen->alignment.mode);
    const bool right = (std::string(mode) == "translation") == is_translation;
    auto_right += right;
    ++auto_total;
    std::printf("| %s | %s -> %s | %s | %.3f | %.3f | %.3f | %s%s (%s) |\n",
                story.c_str(), Basename(gold.src).c_str(),
                Basename(gold.tgt).c_str(), type.c_str(), s.precision, s.recall,
                s.f1, mode, right ? "" : " WRONG",
                chosen->alignment.mode_reason.c_str());
  }
  std::printf(
      "\n| pair type | predicted | gold | P | R | F1 "
      "|\n|---|---|---|---|---|---|\n");
  for (const auto& [type, t] : totals) {
    const double p =
        t.predicted ? static_cast<double>(t.hits_p) / t.predicted : 0;
    const double r = t.gold ? static_cast<double>(t.hits_r) / t.gold : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("| %s | %d | %d | %.3f | %.3f | %.3f |\n", type.c_str(),
                t.predicted, t.gold, p, r, f);
  }
  std::printf("\nauto mode right on %d of %d pairs\n", auto_right, auto_total);
  std::printf(
      "\nCross-language comparable passages per language pair\n\n"
      "| languages | split | predicted | gold | P | R "
      "|\n|---|---|---|---|---|---|\n");
  for (const auto& [key, t] : by_languages) {
    std::printf("| %s | %s | %d | %d | %.3f | %.3f |\n", key.first.c_str(),
                key.second.c_str(), t.predicted, t.gold,
                t.predicted ? static_cast<double>(t.hits_p) / t.predicted : 0,
                t.gold ? static_cast<double>(t.hits_r) / t.gold : 0);
  }
  for (const auto& [title, table] : reliability) {
    table.Print("Reliability of unit scores, " + title +
                " (each pair in the mode of its gold type)");
  }
  return 0;
}
