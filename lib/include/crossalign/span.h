// Span: a half-open byte range of a text, the unit every stage uses to point
// into Document::text() without copying it.
#ifndef CROSSALIGN_SPAN_H_
#define CROSSALIGN_SPAN_H_

#include <cstddef>

namespace crossalign {

// A half-open byte range [begin, end) of Document::text().
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
};

}  // namespace crossalign

#endif  // CROSSALIGN_SPAN_H_
