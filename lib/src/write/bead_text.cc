#include "write/bead_text.h"

#include "base/utf8.h"

namespace crossalign::internal {

std::string SideText(const Document& doc, const std::vector<int>& ids) {
  std::string joined;
  for (int id : ids) {
    if (!joined.empty()) joined.push_back(' ');
    joined.append(doc.SegmentText(static_cast<size_t>(id)));
  }
  return CollapseWhitespace(XmlSafe(joined));
}

}  // namespace crossalign::internal
