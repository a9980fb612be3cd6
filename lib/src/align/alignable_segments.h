// The segments of a document that take part in alignment, as both aligners
// and the story grouping see them. Internal.
#ifndef CROSSALIGN_SRC_ALIGN_ALIGNABLE_SEGMENTS_H_
#define CROSSALIGN_SRC_ALIGN_ALIGNABLE_SEGMENTS_H_

#include <string_view>
#include <vector>

#include "crossalign/document.h"

namespace crossalign::internal {

// The segments of a document that take part in alignment: sentences and
// headings, and boilerplate only when asked.
struct AlignableSegments {
  std::vector<int> ids;  // indices into Document::segments()
  std::vector<std::string_view> texts;
  std::vector<const Segment*> segments;
};
AlignableSegments CollectAlignable(const Document& doc, bool keep_boilerplate);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_ALIGNABLE_SEGMENTS_H_
