// The data files of lib/rules/langid (alphabets.txt, marker_words.txt,
// marker_stems.txt), compiled into the library by CMake (see
// lib/cmake/EmbedRules.cmake). Internal.
#ifndef CROSSALIGN_SRC_LANGID_EMBEDDED_LANGID_DATA_H_
#define CROSSALIGN_SRC_LANGID_EMBEDDED_LANGID_DATA_H_

#include <cstddef>

#include "base/embedded_files.h"

namespace crossalign::internal {

// `lang` holds the file name without .txt ("alphabets").
extern const EmbeddedRules kEmbeddedLangidData[];
extern const size_t kEmbeddedLangidDataCount;

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_LANGID_EMBEDDED_LANGID_DATA_H_
