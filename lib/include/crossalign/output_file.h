// Writing output files safely.
#ifndef CROSSALIGN_OUTPUT_FILE_H_
#define CROSSALIGN_OUTPUT_FILE_H_

#include <string>
#include <string_view>

#include "crossalign/status.h"

namespace crossalign {

// Writes `content` to a temporary file in the folder of `path`, flushes it,
// then renames it onto `path`: readers never see a half-written file, and on
// any error (missing folder, no permission, full disk) nothing is left
// behind. The error names `path` and the cause.
Status WriteOutputFile(const std::string& path, std::string_view content);

// For programs: on SIGINT or SIGTERM, removes the temporary files of writes
// still in progress, prints "interrupted" to stderr and exits with
// 128 + signal. Output files already renamed into place are complete.
void InstallOutputInterruptCleanup();

}  // namespace crossalign

#endif  // CROSSALIGN_OUTPUT_FILE_H_
