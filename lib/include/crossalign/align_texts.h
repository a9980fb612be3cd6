// AlignTexts: two texts in memory aligned in one call, and the units of an
// alignment as data.
//
// The shortest way from two strings to aligned sentences. It does what
// `align SRC TGT` does with two files (decode, identify the languages,
// segment, align), on text a program already holds, and returns the units
// as the writers give them:
//
//   crossalign::StatusOr<crossalign::AlignedPair> pair =
//       crossalign::AlignTexts({}, "The bridge reopened. Trains cross it.",
//                              "Die Brücke ist wieder offen. Züge fahren.");
//   if (!pair.ok()) { /* pair.status().ToString() */ }
//   for (const crossalign::AlignedUnit& unit : crossalign::UnitsOf(*pair))
//     Use(unit.src, unit.tgt, unit.score);
//
// The first overload loads the language-ID model on every call; a program
// that aligns many pairs creates one Pipeline (pipeline.h) and passes it.
// This header is a small, provisional entry point: the public API is being
// reworked (issue #30) and it may move into that design.
#ifndef CROSSALIGN_ALIGN_TEXTS_H_
#define CROSSALIGN_ALIGN_TEXTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/pipeline.h"
#include "crossalign/status.h"

namespace crossalign {

struct AlignTextsOptions {
  // BCP-47 languages of the two texts; detected when empty.
  std::string src_lang;
  std::string tgt_lang;
  // The names the two documents have in messages and outputs (TMX
  // x-document, jsonl src_document).
  std::string src_name = "src";
  std::string tgt_name = "tgt";
};

// Decodes `src` and `tgt` as DecodeDocument() does a file's bytes (with
// pipeline.options().read), prepares them (Pipeline::PrepareDocument) and
// aligns them (Pipeline::Align), in the pipeline's mode. Errors name the
// text by its name: kFailedPrecondition for an empty or blank text,
// kDataLoss for binary data, and whatever preparing and aligning return.
StatusOr<AlignedPair> AlignTexts(const Pipeline& pipeline, std::string_view src,
                                 std::string_view tgt,
                                 const AlignTextsOptions& options = {});

// The same with a pipeline created from `pipeline_options` for this call
// (presegmented input whose two languages are given needs no model, as in
// `align --presegmented`).
StatusOr<AlignedPair> AlignTexts(PipelineOptions pipeline_options,
                                 std::string_view src, std::string_view tgt,
                                 const AlignTextsOptions& options = {});

// One unit: a bead with the text the writers give each side.
struct AlignedUnit {
  std::vector<int> src_ids;  // Bead::src: segment indices, in order
  std::vector<int> tgt_ids;  // Bead::tgt
  // The segments joined by a space, characters XML cannot carry dropped,
  // invalid UTF-8 as U+FFFD, white space collapsed and trimmed: the text
  // of TMX <seg> and of `--format jsonl`; empty for a side without
  // segments.
  std::string src;
  std::string tgt;
  double score = 0.0;  // Bead::score
  std::string bead;    // "1-1", "2-1", "1-0", ...
};

// The units of `pair`, one per bead in order, 1-0 and 0-1 beads included
// (as `--format jsonl` writes them); pair beads scoring below `min_score`
// are left out, as every writer leaves them out.
std::vector<AlignedUnit> UnitsOf(const AlignedPair& pair,
                                 double min_score = 0.0);

}  // namespace crossalign

#endif  // CROSSALIGN_ALIGN_TEXTS_H_
