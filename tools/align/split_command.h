// `align split`: an article's sentences, headings and boilerplate.
#ifndef CROSSALIGN_TOOLS_ALIGN_SPLIT_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_SPLIT_COMMAND_H_

#include "cli.h"

namespace crossalign::cli {

// Runs `align split`; returns the exit code.
int RunSplitCommand(Args* args);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_SPLIT_COMMAND_H_
