// `align merge IN.tmx... -o OUT.tmx`: merges translation memories.
#ifndef CROSSALIGN_TOOLS_ALIGN_MERGE_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_MERGE_COMMAND_H_

#include "cli.h"

namespace crossalign::cli {

// Runs `align merge` on the arguments after "merge"; returns the exit code.
int RunMergeCommand(Args* args);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_MERGE_COMMAND_H_
