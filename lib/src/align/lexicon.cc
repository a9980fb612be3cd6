#include "align/lexicon.h"

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
  // Every (e, f) that co-occurs gets a slot in flat arrays; each sentence
  // pair keeps, per target word and source word (NULL first), the slot of
  // that pair, so EM touches no hash table.
  std::vector<uint64_t> keys;
  std::unordered_map<uint32_t, int> count_e;
  for (const auto& [src, tgt] : pairs) {
    for (uint32_t e : *src) ++count_e[e];
    for (uint32_t f : *tgt) {
      keys.push_back(PairKey(kNullWord, f));
      for (uint32_t e : *src) keys.push_back(PairKey(e, f));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  auto slot = [&](uint64_t key) {
    return static_cast<uint32_t>(
        std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
  };
  // Slots of the source words, dense, for the per-word totals.
  std::vector<uint32_t> source_of(keys.size());
  {
    std::unordered_map<uint32_t, uint32_t> dense;
    for (size_t k = 0; k < keys.size(); ++k) {
      const uint32_t e = static_cast<uint32_t>(keys[k] >> 32);
      source_of[k] =
          dense.emplace(e, static_cast<uint32_t>(dense.size())).first->second;
    }
  }
  std::vector<uint32_t> slots;  // per pair, per target word: 1 + |src| slots
  for (const auto& [src, tgt] : pairs) {
    for (uint32_t f : *tgt) {
      slots.push_back(slot(PairKey(kNullWord, f)));
      for (uint32_t e : *src) slots.push_back(slot(PairKey(e, f)));
    }
  }
  std::vector<double> t(keys.size(), 1.0), counts(keys.size());
  std::vector<double> totals(keys.size());
  for (int it = 0; it < iterations; ++it) {
    std::fill(counts.begin(), counts.end(), 0.0);
    std::fill(totals.begin(), totals.end(), 0.0);
    size_t pos = 0;
    for (const auto& [src, tgt] : pairs) {
      const size_t width = src->size() + 1;
      for (size_t w = 0; w < tgt->size(); ++w, pos += width) {
        double z = 0;
        for (size_t k = 0; k < width; ++k) z += t[slots[pos + k]];
        if (z <= 0) continue;
        for (size_t k = 0; k < width; ++k) {
          const uint32_t s = slots[pos + k];
          const double c = t[s] / z;
          counts[s] += c;
          totals[source_of[s]] += c;
        }
      }
    }
    for (size_t k = 0; k < keys.size(); ++k) {
      const double total = totals[source_of[k]];
      t[k] = total > 0 ? counts[k] / total : 0.0;
    }
  }
  Lexicon lexicon;
  for (size_t k = 0; k < keys.size(); ++k) {
    const uint32_t e = static_cast<uint32_t>(keys[k] >> 32);
    if (e == kNullWord || t[k] < min_prob) continue;
    if (count_e[e] < min_count) continue;
    lexicon.table_[e].emplace_back(static_cast<uint32_t>(keys[k] & 0xFFFFFFFFu),
                                   static_cast<float>(t[k]));
  }
  for (auto& [e, list] : lexicon.table_) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
  }
  return lexicon;
}

const std::vector<std::pair<uint32_t, float>>* Lexicon::Translations(
    uint32_t e) const {
  auto it = table_.find(e);
  return it == table_.end() ? nullptr : &it->second;
}

}  // namespace crossalign::internal
