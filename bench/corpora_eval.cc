// Alignment quality on our own corpora/ gold: per pair type (translation,
// cross-outlet same language, cross-outlet across languages), strict bead
// precision, recall and F1, and the mode `--mode auto` picks for each pair.
//
//   build/bench/corpora_eval
#include <cstdio>
#include <map>

#include "crossalign/pipeline.h"
#include "gold_corpus.h"

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

std::unique_ptr<crossalign::Pipeline> MakePipeline(
    crossalign::ModeChoice mode) {
  crossalign::PipelineOptions options;
  options.mode = mode;
  auto p = crossalign::Pipeline::Create(options);
  if (!p.ok()) {
    std::fprintf(stderr, "corpora_eval: %s\n", p.status().ToString().c_str());
    std::exit(3);
  }
  return std::move(*p);
}

}  // namespace

int main() {
  auto translation = MakePipeline(crossalign::ModeChoice::kTranslation);
  auto comparable = MakePipeline(crossalign::ModeChoice::kComparable);
  auto automatic = MakePipeline(crossalign::ModeChoice::kAuto);
  std::map<std::string, Totals> totals;
  int auto_right = 0, auto_total = 0;
  std::printf(
      "| pair | type | P | R | F1 | auto mode (reason) "
      "|\n|---|---|---|---|---|---|\n");
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
    const auto s = crossalign::testing::StrictScore(
        gold.beads, crossalign::testing::ToTextBeads(*pair), !is_translation);
    std::string type = gold.type;
    if (!is_translation) {
      type += pair->src->lang() == pair->tgt->lang() ? " same-language"
                                                     : " cross-language";
    }
    if (gold.beads.empty()) type = "unrelated stories";
    totals[type].Add(s);
    const char* mode = crossalign::AlignModeName(chosen->alignment.mode);
    const bool right = (std::string(mode) == "translation") == is_translation;
    auto_right += right;
    ++auto_total;
    std::printf("| %s -> %s | %s | %.3f | %.3f | %.3f | %s%s (%s) |\n",
                Basename(gold.src).c_str(), Basename(gold.tgt).c_str(),
                type.c_str(), s.precision, s.recall, s.f1, mode,
                right ? "" : " WRONG", chosen->alignment.mode_reason.c_str());
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
  return 0;
}
