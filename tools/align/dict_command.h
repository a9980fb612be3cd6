// `align dict ...`: builds dictionary files for the aligner.
#ifndef CROSSALIGN_TOOLS_ALIGN_DICT_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_DICT_COMMAND_H_

#include "cli.h"

namespace crossalign::cli {

// Runs `align dict` on the arguments after "dict"; returns the exit code.
int RunDictCommand(Args* args);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_DICT_COMMAND_H_
