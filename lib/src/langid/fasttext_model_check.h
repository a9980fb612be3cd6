// Structural check of a fastText model file before fastText reads it.
// Internal.
//
// fastText 0.9.2 trusts every size field it reads; a truncated or corrupt file
// makes it allocate absurd amounts of memory or read past its buffers. This
// walks the binary layout (header, args, dictionary, input and output
// matrices, dense or product-quantised) and checks that every size is
// plausible and that the file ends exactly where the layout does.
#ifndef CROSSALIGN_SRC_LANGID_FASTTEXT_MODEL_CHECK_H_
#define CROSSALIGN_SRC_LANGID_FASTTEXT_MODEL_CHECK_H_

#include <string>
#include <string_view>

#include "crossalign/status.h"

namespace crossalign::internal {

// `bytes` is the whole file; `path` is used in messages. Also checks that the
// model is supervised (has labels).
Status CheckFastTextModel(std::string_view bytes, const std::string& path);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_LANGID_FASTTEXT_MODEL_CHECK_H_
