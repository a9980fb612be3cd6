// What the translation aligner knows about a document pair to score its
// beads: the bead shapes and their priors, the length model, and the
// weighted overlap of match keys standing out from a random-pair
// background. Internal.
#ifndef CROSSALIGN_SRC_ALIGN_BEAD_SCORER_H_
#define CROSSALIGN_SRC_ALIGN_BEAD_SCORER_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "align/length_model.h"
#include "align/text_features.h"

namespace crossalign::internal {

struct BeadShape {
  int src;
  int tgt;
  double prior;
};
// Priors: Gale & Church (1993) for 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2; 3-1 and
// 1-3 are rarer than 2-2 in the Text+Berg dev document, so they get a tenth
// of the 2-1 prior.
inline constexpr BeadShape kBeadShapes[] = {
    {1, 1, 0.89},  {1, 0, 0.0099}, {0, 1, 0.0099}, {2, 1, 0.089},
    {1, 2, 0.089}, {2, 2, 0.011},  {3, 1, 0.0089}, {1, 3, 0.0089},
    {2, 3, 0.003}, {3, 2, 0.003},  {1, 4, 0.002},  {4, 1, 0.002},
};
inline constexpr int kNumBeadShapes =
    sizeof(kBeadShapes) / sizeof(kBeadShapes[0]);
// The most sentences a bead takes from one side.
inline constexpr int kMaxShapeSide = 4;

// Everything the bead cost needs, precomputed per document pair.
// A bead fixed in advance (a reviewer's link), in alignable indices: source
// sentences [s0, s1] and target sentences [t0, t1], both non-empty.
struct AnchorBead {
  int s0 = 0, s1 = 0, t0 = 0, t1 = 0;
};

struct BeadScorer {
  const std::vector<SentenceFeatures>* src = nullptr;
  const std::vector<SentenceFeatures>* tgt = nullptr;
  // Source keys extended with learned translations (null: the src keys).
  const std::vector<std::vector<uint32_t>>* src_keys = nullptr;
  const std::vector<float>* weight = nullptr;  // per key id
  std::vector<double> src_mass, tgt_mass;      // key weight per sentence
  LengthModel length;
  double sim_mean = 0.0, sim_sd = 1.0;  // similarity of random pairs
  double lexical_weight = 0.0;
  // Structure both documents share: beads may not merge sentences across a
  // paragraph boundary, and headings pair with headings.
  bool paragraphs = false;
  bool headings = false;
  // Whether 1-0 and 0-1 beads are allowed. Not between blocks: a block of
  // hundreds of sentences is never left untranslated as a whole, and a null
  // bead costs only its prior while a length mismatch between big blocks
  // costs far more, so block alignment with null beads skips blocks
  // whenever their boundaries do not fall where the translation's do. At a
  // million sentences (three block levels) those skips compounded across
  // levels until the sentence band lost the true path (strict F1 0.001).
  bool null_beads = true;
  // Beads the path must take as they are (AnchorBead, bead_search.h); null
  // or empty: none.
  const std::vector<AnchorBead>* anchors = nullptr;

  const std::vector<uint32_t>& SrcKeys(int i) const {
    return src_keys ? (*src_keys)[i] : (*src)[i].keys;
  }

  // Weighted overlap of the keys of source i and target j.
  double Overlap(int i, int j) const;

  // Dice-like similarity of an overlap between sides of key masses
  // `src_mass` and `tgt_mass`.
  static double Similarity(double overlap, double src_mass, double tgt_mass) {
    return src_mass + tgt_mass > 0 ? 2.0 * overlap / (src_mass + tgt_mass)
                                   : 0.0;
  }
};

// Sets sim_mean and sim_sd: the mean and spread of the similarity of random
// sentence pairs, the background a true pair must stand out from (as
// vecalign normalises its cosine similarities). Deterministic.
void EstimateBackground(BeadScorer* scorer, int n, int m);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_BEAD_SCORER_H_
