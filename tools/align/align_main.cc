// The align command-line tool: argument dispatch and exit codes only. All the
// work is done by the crossalign library.
#include <cstring>
#include <iostream>

#include "batch_command.h"
#include "cli.h"
#include "crossalign/version.h"
#include "detect_command.h"
#include "dict_command.h"
#include "merge_command.h"
#include "pair_command.h"
#include "review_command.h"
#include "split_command.h"

int main(int argc, char** argv) {
  using namespace crossalign::cli;
  if (argc < 2) {
    std::cerr << PairCommandUsage();
    return kExitUsage;
  }
  const std::string first = argv[1];
  if (first == "-h" || first == "--help") {
    std::cout << PairCommandUsage();
    return kExitOk;
  }
  if (first == "--version") {
    std::cout << "align (crossalign) " << crossalign::Version() << "\n";
    return kExitOk;
  }
  InstallInterruptHandlers();
  try {
    // Subcommands; anything else is `align SRC TGT`.
    if (first == "batch") {
      Args args(argc, argv, 2);
      return RunBatchCommand(&args);
    }
    if (first == "split") {
      Args args(argc, argv, 2);
      return RunSplitCommand(&args);
    }
    if (first == "merge") {
      Args args(argc, argv, 2);
      return RunMergeCommand(&args);
    }
    if (first == "review") {
      Args args(argc, argv, 2);
      return RunReviewCommand(&args);
    }
    if (first == "dict") {
      Args args(argc, argv, 2);
      return RunDictCommand(&args);
    }
    if (first == "detect") {
      Args args(argc, argv, 2);
      return RunDetectCommand(&args);
    }
    Args args(argc, argv, 1);
    return RunPairCommand(&args);
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what() +
               "; please report it");
    return kExitNoInput;
  }
}
