// Where the items of lists in running text start ("1. ", "a) ", "(3) ",
// bullets), for the sentence boundary scan. Internal to segment/.
#ifndef CROSSALIGN_SRC_SEGMENT_LIST_ITEMS_H_
#define CROSSALIGN_SRC_SEGMENT_LIST_ITEMS_H_

#include <cstddef>
#include <vector>

#include "segment/boundary_chars.h"
#include "segment/segmentation_rules.h"

namespace crossalign::internal::boundary {

// Where list items start (code point indices, sorted): after a bullet, or
// at the marker of an item of a list.
std::vector<size_t> ListItemStarts(const Decoded& d,
                                   const SegmentationRules& rules);

}  // namespace crossalign::internal::boundary

#endif  // CROSSALIGN_SRC_SEGMENT_LIST_ITEMS_H_
