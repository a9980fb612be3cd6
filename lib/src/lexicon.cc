#include "lexicon.h"

#include <algorithm>

namespace crossalign::internal {
namespace {

constexpr uint32_t kNullWord = 0xFFFFFFFFu;

uint64_t PairKey(uint32_t e, uint32_t f) {
  return (static_cast<uint64_t>(e) << 32) | f;
}

}  // namespace

Lexicon Lexicon::Train(
    const std::vector<std::pair<const Sentence*, const Sentence*>>& pairs,
    int iterations, int min_count, double min_prob) {
  // t(f|e), initialised uniformly over co-occurring pairs.
  std::unordered_map<uint64_t, double> t;
  std::unordered_map<uint32_t, int> count_e;
  for (const auto& [src, tgt] : pairs) {
    for (uint32_t e : *src) ++count_e[e];
    for (uint32_t f : *tgt) {
      t[PairKey(kNullWord, f)] = 1.0;
      for (uint32_t e : *src) t[PairKey(e, f)] = 1.0;
    }
  }
  std::unordered_map<uint64_t, double> counts;
  std::unordered_map<uint32_t, double> totals;
  std::vector<double> probs;
  for (int it = 0; it < iterations; ++it) {
    counts.clear();
    totals.clear();
    for (const auto& [src, tgt] : pairs) {
      for (uint32_t f : *tgt) {
        probs.clear();
        double z = t[PairKey(kNullWord, f)];
        probs.push_back(z);
        for (uint32_t e : *src) {
          const double p = t[PairKey(e, f)];
          probs.push_back(p);
          z += p;
        }
        if (z <= 0) continue;
        counts[PairKey(kNullWord, f)] += probs[0] / z;
        totals[kNullWord] += probs[0] / z;
        for (size_t k = 0; k < src->size(); ++k) {
          const double c = probs[k + 1] / z;
          counts[PairKey((*src)[k], f)] += c;
          totals[(*src)[k]] += c;
        }
      }
    }
    for (auto& [key, value] : t) {
      const uint32_t e = static_cast<uint32_t>(key >> 32);
      const double total = totals[e];
      auto c = counts.find(key);
      value = (total > 0 && c != counts.end()) ? c->second / total : 0.0;
    }
  }
  Lexicon lexicon;
  for (const auto& [key, p] : t) {
    const uint32_t e = static_cast<uint32_t>(key >> 32);
    if (e == kNullWord || p < min_prob) continue;
    if (count_e[e] < min_count) continue;
    lexicon.table_[e].emplace_back(static_cast<uint32_t>(key & 0xFFFFFFFFu),
                                   static_cast<float>(p));
  }
  for (auto& [e, list] : lexicon.table_) {
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  return lexicon;
}

const std::vector<std::pair<uint32_t, float>>* Lexicon::Translations(
    uint32_t e) const {
  auto it = table_.find(e);
  return it == table_.end() ? nullptr : &it->second;
}

}  // namespace crossalign::internal
