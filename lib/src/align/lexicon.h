// A word-translation lexicon learned with IBM Model 1 (Brown et al. 1993)
// from sentence pairs the aligner is already confident about. Internal.
#ifndef CROSSALIGN_SRC_ALIGN_LEXICON_H_
#define CROSSALIGN_SRC_ALIGN_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crossalign::internal {

class Lexicon {
 public:
  using Sentence = std::vector<uint32_t>;

  // Runs `iterations` rounds of EM over the pairs (source words, target
  // words), with a NULL source word that absorbs unaligned target words.
  // Keeps, for each source word seen at least `min_count` times, the target
  // words whose probability t(f|e) is at least `min_prob`.
  static Lexicon Train(
      const std::vector<std::pair<const Sentence*, const Sentence*>>& pairs,
      int iterations, int min_count, double min_prob);

  // The kept translations of source word `e` with their probabilities.
  const std::vector<std::pair<uint32_t, float>>* Translations(uint32_t e) const;

  size_t size() const { return table_.size(); }

 private:
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, float>>> table_;
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_LEXICON_H_
