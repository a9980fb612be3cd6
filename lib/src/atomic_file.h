// Writing an output file without ever leaving a half-written one. Internal.
#ifndef CROSSALIGN_SRC_ATOMIC_FILE_H_
#define CROSSALIGN_SRC_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "crossalign/status.h"

namespace crossalign::internal {

// Writes `content` to a temporary file in the folder of `path`, flushes it to
// disk, then renames it to `path`. On any failure the temporary file is
// removed and `path` is left as it was. The error names `path` and the cause.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// Reads a whole file. Errors name the file.
StatusOr<std::string> ReadWholeFile(const std::string& path,
                                    uint64_t max_bytes);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ATOMIC_FILE_H_
