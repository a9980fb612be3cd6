#include "align/alignable_segments.h"

namespace crossalign::internal {

AlignableSegments CollectAlignable(const Document& doc, bool keep_boilerplate) {
  AlignableSegments out;
  for (size_t i = 0; i < doc.segments().size(); ++i) {
    const Segment& seg = doc.segments()[i];
    if (seg.kind == SegmentKind::kBoilerplate && !keep_boilerplate) continue;
    out.ids.push_back(static_cast<int>(i));
    out.texts.push_back(doc.TextOf(seg.span));
    out.segments.push_back(&seg);
  }
  return out;
}

}  // namespace crossalign::internal
