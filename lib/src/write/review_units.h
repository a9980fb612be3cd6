// Helpers the review page and the review runs share. Internal.
#ifndef CROSSALIGN_SRC_WRITE_REVIEW_UNITS_H_
#define CROSSALIGN_SRC_WRITE_REVIEW_UNITS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/tmx_memory.h"

namespace crossalign::internal {

// The segment indices of one side ("src" or "tgt") in an x-position prop
// ("src p3:s4,5 tgt p3:s6"): {4, 5} for "src".
std::vector<long> ReviewPositionIndices(const std::string& position,
                                        std::string_view side);

// The index of a unit's variant in the memory's source language, or 0.
size_t ReviewSourceIndex(const TmxMemory& memory, const TmxUnit& unit);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_WRITE_REVIEW_UNITS_H_
