// The align command-line tool: argument dispatch and exit codes only. All the
// work is done by the crossalign library.
#include <cstring>
#include <iostream>
#include <utility>

#include "cli.h"
#include "commands.h"
#include "crossalign/version.h"

int main(int argc, char** argv) {
  using namespace crossalign::cli;
  if (argc < 2) {
    std::cerr << PairCommandUsage();
    return kExitUsage;
  }
  const std::string first = argv[1];
  if (first == "-h" || first == "--help") {
    std::cout << PairCommandUsage();
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  if (first == "--version") {
    std::cout << "align (crossalign) " << crossalign::Version() << "\n";
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  InstallInterruptHandlers();
  try {
    // Subcommands; anything else is `align SRC TGT`.
    const std::pair<const char*, int (*)(Args*)> kCommands[] = {
        {"batch", RunBatchCommand}, {"split", RunSplitCommand},
        {"merge", RunMergeCommand}, {"review", RunReviewCommand},
        {"dict", RunDictCommand},   {"detect", RunDetectCommand}};
    for (const auto& [name, run] : kCommands) {
      if (first != name) continue;
      Args args(argc, argv, 2);
      return run(&args);
    }
    Args args(argc, argv, 1);
    return RunPairCommand(&args);
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what() +
               "; please report it");
    return kExitInternal;
  }
}
