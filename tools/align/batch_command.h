// `align batch MANIFEST -o DIR`: aligns a whole news archive, item by item.
#ifndef CROSSALIGN_TOOLS_ALIGN_BATCH_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_BATCH_COMMAND_H_

#include "cli.h"

namespace crossalign::cli {

// Runs `align batch` on the arguments after "batch"; returns the exit code.
int RunBatchCommand(Args* args);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_BATCH_COMMAND_H_
