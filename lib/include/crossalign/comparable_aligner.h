// ComparableAligner: finds the passages two independent articles on one
// story share, in any order.
//
// Outlets paraphrase the same wire copy: they reorder it, merge two sentences
// into one, drop half of it and add their own paragraphs. This aligner
// compares every sentence of one article with every sentence of the other,
// in the same language or across languages, on
//  - stemmed content words (Snowball, where both articles share a language);
//  - numbers normalised across locales (11,000 / 11 000 / 1만 1천);
//  - names and cognates across scripts (ICU transliteration);
//  - dictionary translations, where a dictionary is given;
// each weighted by its rarity in the two articles. A pair must stand out from
// each sentence's nearest neighbours (ratio margin, Artetxe & Schwenk 2019),
// so generic matches are rejected. Passages of one or two adjacent sentences
// per side are assigned one-to-one, best first. Everything else stays
// unaligned. Each pair gets a calibrated score in [0, 1].
#ifndef CROSSALIGN_COMPARABLE_ALIGNER_H_
#define CROSSALIGN_COMPARABLE_ALIGNER_H_

#include <memory>

#include "crossalign/alignment.h"
#include "crossalign/dictionary.h"
#include "crossalign/document.h"
#include "crossalign/status.h"

namespace crossalign {

struct ComparableAlignerOptions {
  // Pairs scoring below this are not reported (see --min-score).
  double min_score = 0.5;
  // Neighbours averaged in the margin's denominator.
  int neighbours = 4;
  // Align boilerplate segments too.
  bool keep_boilerplate = false;
  // A bilingual dictionary from the source to the target language (optional).
  std::shared_ptr<const Dictionary> dictionary;
};

class ComparableAligner {
 public:
  explicit ComparableAligner(const ComparableAlignerOptions& options = {});
  ~ComparableAligner();

  // The shared passages of two segmented documents, as pair beads in source
  // order. Mode is kComparable.
  StatusOr<Alignment> Align(const Document& src, const Document& tgt) const;

  // How much two documents are about the same thing, in [0, 1]: the share
  // of the shorter document's segments (boilerplate aside) that Align()
  // matches in the other (a bead of a source and b target segments matches
  // min(a, b)). Works across languages; unrelated stories score near 0.
  double DocumentSimilarity(const Document& a, const Document& b) const;

 private:
  struct Impl;
  ComparableAlignerOptions options_;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_COMPARABLE_ALIGNER_H_
