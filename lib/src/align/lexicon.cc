#include "align/lexicon.h"

#include <algorithm>

namespace crossalign::internal {
namespace {

constexpr uint32_t kNullWord = 0xFFFFFFFFu;

}  // namespace

Lexicon Lexicon::Train(
    const std::vector<std::pair<const Sentence*, const Sentence*>>& pairs,
    int iterations, int min_count, double min_prob) {
  // Words are numbered densely (source words from 1, 0 being NULL), and
  // every (e, f) that co-occurs gets a slot in flat arrays; each sentence
  // pair keeps, per target word and source word (NULL first), the slot of
  // that pair, so EM touches no hash table. Slots are numbered by grouping
  // the co-occurrences by source word (a counting sort) and marking the
  // target words seen in the group: linear in the co-occurrences, where
  // sorting the (e, f) keys and searching them took most of the training.
  uint32_t max_id = 0;
  for (const auto& [src, tgt] : pairs) {
    for (uint32_t e : *src) max_id = std::max(max_id, e);
    for (uint32_t f : *tgt) max_id = std::max(max_id, f);
  }
  constexpr uint32_t kUnseen = 0xFFFFFFFFu;
  std::vector<uint32_t> src_dense(max_id + 1, kUnseen);
  std::vector<uint32_t> tgt_dense(max_id + 1, kUnseen);
  std::vector<uint32_t> src_word = {kNullWord}, tgt_word;
  std::vector<int> count_e = {0};      // occurrences of each source word
  std::vector<uint32_t> occ_e, occ_f;  // per co-occurrence, dense ids
  for (const auto& [src, tgt] : pairs) {
    for (uint32_t e : *src) {
      if (src_dense[e] == kUnseen) {
        src_dense[e] = static_cast<uint32_t>(src_word.size());
        src_word.push_back(e);
        count_e.push_back(0);
      }
      ++count_e[src_dense[e]];
    }
    for (uint32_t f : *tgt) {
      if (tgt_dense[f] == kUnseen) {
        tgt_dense[f] = static_cast<uint32_t>(tgt_word.size());
        tgt_word.push_back(f);
      }
      occ_e.push_back(0);
      occ_f.push_back(tgt_dense[f]);
      for (uint32_t e : *src) {
        occ_e.push_back(src_dense[e]);
        occ_f.push_back(tgt_dense[f]);
      }
    }
  }
  const size_t num_e = src_word.size();
  std::vector<uint32_t> group_start(num_e + 1, 0);
  for (uint32_t e : occ_e) ++group_start[e + 1];
  for (size_t e = 0; e < num_e; ++e) group_start[e + 1] += group_start[e];
  std::vector<uint32_t> by_source(occ_e.size());
  {
    std::vector<uint32_t> next(group_start.begin(), group_start.end() - 1);
    for (size_t p = 0; p < occ_e.size(); ++p) {
      by_source[next[occ_e[p]]++] = static_cast<uint32_t>(p);
    }
  }
  std::vector<uint32_t> slots(occ_e.size());   // per co-occurrence
  std::vector<uint32_t> source_of, target_of;  // per slot, dense ids
  {
    std::vector<uint32_t> mark(tgt_word.size(), kUnseen),
        slot_of(tgt_word.size());
    for (size_t e = 0; e < num_e; ++e) {
      for (uint32_t x = group_start[e]; x < group_start[e + 1]; ++x) {
        const uint32_t p = by_source[x];
        const uint32_t f = occ_f[p];
        if (mark[f] != e) {
          mark[f] = static_cast<uint32_t>(e);
          slot_of[f] = static_cast<uint32_t>(source_of.size());
          source_of.push_back(static_cast<uint32_t>(e));
          target_of.push_back(f);
        }
        slots[p] = slot_of[f];
      }
    }
  }
  occ_e = {};
  occ_f = {};
  by_source = {};
  const size_t num_slots = source_of.size();
  std::vector<double> t(num_slots, 1.0), counts(num_slots);
  std::vector<double> totals(num_e);
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
    for (size_t k = 0; k < num_slots; ++k) {
      const double total = totals[source_of[k]];
      t[k] = total > 0 ? counts[k] / total : 0.0;
    }
  }
  Lexicon lexicon;
  for (size_t k = 0; k < num_slots; ++k) {
    const uint32_t e = source_of[k];
    if (e == 0 || t[k] < min_prob) continue;
    if (count_e[e] < min_count) continue;
    lexicon.table_[src_word[e]].emplace_back(tgt_word[target_of[k]],
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
