// The text of a bead's side, as every writer gives it. Internal.
#ifndef CROSSALIGN_SRC_WRITE_BEAD_TEXT_H_
#define CROSSALIGN_SRC_WRITE_BEAD_TEXT_H_

#include <string>
#include <vector>

#include "crossalign/document.h"

namespace crossalign::internal {

// The text of one side of a bead as every writer gives it: the segments
// joined by a space, made XmlSafe, white space collapsed and trimmed.
std::string SideText(const Document& doc, const std::vector<int>& ids);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_WRITE_BEAD_TEXT_H_
