// Alignment: plain data describing which segments of two documents match.
//
// Writers only format an Alignment; they never decide anything.
#ifndef CROSSALIGN_ALIGNMENT_H_
#define CROSSALIGN_ALIGNMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "crossalign/document.h"

namespace crossalign {

// How two documents are aligned: the mode a caller asks for
// (PipelineOptions::mode) and the mode an alignment was made in
// (Alignment::mode, never kAuto).
enum class AlignMode {
  kTranslation,  // one is a translation of the other: aligned in order
  kComparable,   // independent reports of one story: passages in any order
  kAuto,         // asked for only: decide per pair (see Pipeline::Align)
};

// "translation", "comparable" or "auto".
const char* AlignModeName(AlignMode mode);

// One bead: source segments aligned with target segments. Indices refer to
// Document::segments() of each side and are in document order. One side may
// be empty (a 1-0 or 0-1 bead: a sentence with no counterpart).
struct Bead {
  std::vector<int> src;
  std::vector<int> tgt;
  // The x-score: the probability, in [0, 1], that this unit is right (the
  // fitted scorer of lib/rules/scorer: among units scoring about x, about
  // x are right on dev data); 0 for 1-0 and 0-1 beads.
  double score = 0.0;

  // "1-1", "2-1", "1-0", ...
  std::string Type() const;
  bool IsPair() const { return !src.empty() && !tgt.empty(); }
};

struct Alignment {
  AlignMode mode = AlignMode::kTranslation;
  std::string method;  // short description of the aligner and its settings
  // Why this mode was chosen (set when the mode was decided automatically).
  std::string mode_reason;
  // The two articles report different stories (Pipeline::Align's story
  // check): nothing was aligned and `beads` is empty.
  bool unrelated = false;
  // StoryLink::similarity of the two articles, when the pipeline measured
  // it; -1 otherwise.
  double story_similarity = -1.0;
  // The fitted scorer's probability of the pair relation the units rest on
  // (translation: the articles are translations; comparable: they report
  // one story), when the pipeline decided it; -1 otherwise. Every unit's
  // score is already multiplied by it.
  double pair_probability = -1.0;
  // Warnings about the pair, each naming both documents.
  std::vector<std::string> warnings;
  std::vector<Bead> beads;
};

// "unrelated" for an alignment of unrelated articles, else AlignModeName.
const char* AlignmentDecision(const Alignment& alignment);

// Two documents and their alignment. Documents are shared so that an article
// that takes part in many pairs is prepared once.
struct AlignedPair {
  std::shared_ptr<const Document> src;
  std::shared_ptr<const Document> tgt;
  Alignment alignment;
};

}  // namespace crossalign

#endif  // CROSSALIGN_ALIGNMENT_H_
