// `align detect ...`: the language of whole articles, or of every line of a
// file or of standard input.
#ifndef CROSSALIGN_TOOLS_ALIGN_DETECT_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_DETECT_COMMAND_H_

#include "cli.h"

namespace crossalign::cli {

// Runs `align detect` on the arguments after "detect"; returns the exit code.
int RunDetectCommand(Args* args);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_DETECT_COMMAND_H_
