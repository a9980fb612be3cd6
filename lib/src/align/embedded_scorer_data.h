// The coefficient file of lib/rules/scorer (scorer.tsv, written by
// scripts/fit_scorer.py), compiled into the library by CMake (see
// lib/cmake/EmbedRules.cmake). Internal.
#ifndef CROSSALIGN_SRC_ALIGN_EMBEDDED_SCORER_DATA_H_
#define CROSSALIGN_SRC_ALIGN_EMBEDDED_SCORER_DATA_H_

#include <cstddef>

#include "base/embedded_files.h"

namespace crossalign::internal {

// `lang` holds the file name without .tsv ("scorer").
extern const EmbeddedRules kEmbeddedScorerData[];
extern const size_t kEmbeddedScorerDataCount;

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_EMBEDDED_SCORER_DATA_H_
