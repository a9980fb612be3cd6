// `align SRC TGT [-o OUT.tmx]`: aligns two articles and writes a TMX.
#ifndef CROSSALIGN_TOOLS_ALIGN_PAIR_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_PAIR_COMMAND_H_

#include "cli.h"

namespace crossalign::cli {

// Runs the command on the arguments after the program name; returns the exit
// code.
int RunPairCommand(Args* args);

// The usage text of the command.
std::string PairCommandUsage();

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_PAIR_COMMAND_H_
