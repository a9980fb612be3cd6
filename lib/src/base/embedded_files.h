// Data files compiled into the library by CMake (crossalign_embed in
// lib/CMakeLists.txt, lib/cmake/EmbedRules.cmake): the segmentation rules
// (kEmbeddedRules, here), and through the same struct the language-ID data,
// the scorer's coefficients and the review page's assets (declared beside
// their users). Internal.
#ifndef CROSSALIGN_SRC_BASE_EMBEDDED_FILES_H_
#define CROSSALIGN_SRC_BASE_EMBEDDED_FILES_H_

#include <cstddef>

namespace crossalign::internal {

struct EmbeddedRules {
  const char* lang;  // file name without .rules
  const char* text;
};

extern const EmbeddedRules kEmbeddedRules[];
extern const size_t kEmbeddedRulesCount;

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_EMBEDDED_FILES_H_
