// The subcommands of align. Each Run*Command parses the arguments after its
// name (after the program name for `align SRC TGT`) and returns the exit
// code.
#ifndef CROSSALIGN_TOOLS_ALIGN_COMMANDS_H_
#define CROSSALIGN_TOOLS_ALIGN_COMMANDS_H_

#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "crossalign/alignment.h"
#include "crossalign/writers.h"

namespace crossalign::cli {

int RunPairCommand(Args* args);    // align SRC TGT, align FILE... -o DIR
int RunBatchCommand(Args* args);   // align batch MANIFEST -o DIR
int RunMergeCommand(Args* args);   // align merge IN.tmx...
int RunReviewCommand(Args* args);  // align review IN.tmx...
int RunDictCommand(Args* args);    // align dict import|pivot|show|convert
int RunSplitCommand(Args* args);   // align split FILE
int RunDetectCommand(Args* args);  // align detect FILE...

// The usage text of `align SRC TGT` (align --help).
std::string PairCommandUsage();

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_COMMANDS_H_
