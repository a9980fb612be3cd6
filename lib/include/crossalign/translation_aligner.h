// TranslationAligner: aligns a document with its translation, in order.
//
// Dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3,
// 2-3, 3-2, 1-4 and 4-1 (kShapes in lib/src/align/translation_aligner.cc).
// A bead's cost combines
//  - its prior (Gale & Church 1993);
//  - a length model whose character ratio and variance are estimated from the
//    two documents themselves, so en-zh works as well as de-fr;
//  - lexical evidence: numbers normalised across locales, words, and cognates
//    across scripts (ICU transliteration), weighted by inverse frequency and
//    measured against the similarity of random sentence pairs, so one shared
//    number or name cannot drag the path (no false anchors);
//  - the documents' structure where both have it: no bead merges sentences
//    across a paragraph boundary, and headings pair with headings;
//  - after a first pass, a word-translation lexicon learned with IBM Model 1
//    from the confident beads, then a second pass.
// Only sentences and headings take part; boilerplate is skipped. Each bead
// gets a confidence in [0, 1].
#ifndef CROSSALIGN_TRANSLATION_ALIGNER_H_
#define CROSSALIGN_TRANSLATION_ALIGNER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/dictionary.h"
#include "crossalign/document.h"
#include "crossalign/status.h"

namespace crossalign {

struct TranslationAlignerOptions {
  // Half-width of the search band around the diagonal, in segments. The band
  // also always covers the difference in segment counts. 0 means full search.
  int band = 60;
  // Long documents are searched coarse to fine: pairs of documents with more
  // than `direct_search_cells` DP cells (source x target segments) are first
  // aligned as blocks of `block_size` segments (recursively, blocks of
  // blocks), and the finer search keeps to a band around the coarser path.
  // The defaults suit every size; smaller values exist to test the
  // coarse-to-fine logic on small inputs.
  int block_size = 8;
  int64_t direct_search_cells = int64_t{64} << 20;
  // Align boilerplate segments too.
  bool keep_boilerplate = false;
  // Weight of the lexical evidence against the length model (tuned on the
  // Text+Berg dev document).
  double lexical_weight = 1.5;
  // Learn a word-translation lexicon from a first pass, then align again.
  bool learn_lexicon = true;
  // Translations kept in the learned lexicon have at least this probability.
  double lexicon_min_prob = 0.1;
  // A bilingual dictionary from the source to the target language (optional).
  std::shared_ptr<const Dictionary> dictionary;
};

class TranslationAligner {
 public:
  explicit TranslationAligner(const TranslationAlignerOptions& options = {});
  ~TranslationAligner();

  // Aligns the segments of two segmented documents.
  StatusOr<Alignment> Align(const Document& src, const Document& tgt) const;

  // Align() whose path takes every bead of `anchors` as it is: links a
  // person fixed (segment indices of the documents, as Align's beads hold
  // them; each side one run of sentences, boilerplate ignored). The search
  // aligns only between the anchors, with the length model and lexicon of
  // the whole documents; the anchors come back as beads with score 1.
  // Anchors that overlap or cross are an error (kInvalidArgument).
  StatusOr<Alignment> AlignAnchored(const Document& src, const Document& tgt,
                                    const std::vector<Bead>& anchors) const;

  // Aligns two lists of sentences. Bead indices refer to positions in them.
  StatusOr<Alignment> AlignTexts(
      const std::vector<std::string_view>& src,
      const std::vector<std::string_view>& tgt) const;

  // Aligns two sequences of sentence lengths (in characters) with the length
  // model alone. Bead indices refer to positions in the two vectors.
  StatusOr<Alignment> AlignLengths(const std::vector<int>& src_lengths,
                                   const std::vector<int>& tgt_lengths) const;

 private:
  struct Impl;
  TranslationAlignerOptions options_;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_TRANSLATION_ALIGNER_H_
