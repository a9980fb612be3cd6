// The align command-line tool: argument dispatch and exit codes only. All the
// work is done by the crossalign library.
#include <iostream>
#include <string>

#include "cli.h"
#include "crossalign/version.h"

int main(int argc, char** argv) {
  using namespace crossalign::cli;
  const std::string first = argc > 1 ? argv[1] : "";
  if (argc < 2 || first == "-h" || first == "--help") {
    (argc < 2 ? std::cerr : std::cout) << PairCommandHelp();
    if (argc < 2) return kExitUsage;
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  if (first == "--version") {
    std::cout << "align (crossalign) " << crossalign::Version() << "\n";
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  InstallInterruptHandlers();
  try {
    // Subcommands; anything else is `align SRC TGT`.
    const std::pair<const char*, int (*)(int, char**)> kCommands[] = {
        {"batch", RunBatchCommand}, {"split", RunSplitCommand},
        {"merge", RunMergeCommand}, {"review", RunReviewCommand},
        {"dict", RunDictCommand},   {"detect", RunDetectCommand}};
    for (const auto& [name, run] : kCommands) {
      if (first == name) return run(argc - 1, argv + 1);
    }
    return RunPairCommand(argc, argv);
  } catch (const std::exception& e) {
    PrintError(Format(Tr("internal error: {1}; please report it"), e.what()));
    return kExitInternal;
  }
}
