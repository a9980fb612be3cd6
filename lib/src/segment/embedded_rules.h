// The rules files of lib/rules/segment, compiled into the library by CMake
// (see lib/cmake/EmbedRules.cmake). Internal.
#ifndef CROSSALIGN_SRC_SEGMENT_EMBEDDED_RULES_H_
#define CROSSALIGN_SRC_SEGMENT_EMBEDDED_RULES_H_

#include <cstddef>

namespace crossalign::internal {

struct EmbeddedRules {
  const char* lang;  // file name without .rules
  const char* text;
};

extern const EmbeddedRules kEmbeddedRules[];
extern const size_t kEmbeddedRulesCount;

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_SEGMENT_EMBEDDED_RULES_H_
