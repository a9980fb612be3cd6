#include "dict_command.h"

#include <iostream>
#include <vector>

#include "crossalign/dictionary.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage = R"(Usage:
  align dict import --freedict INDEX [--reverse] -o OUT.dict
  align dict pivot FIRST.dict SECOND.dict -o OUT.dict
  align dict show FILE.dict

import   turns an installed FreeDict dictionary (Debian dict-freedict-*, e.g.
         /usr/share/dictd/freedict-deu-fra.index) into a dictionary file in
         hunalign's format, one 'source @ target' pair per line. --reverse
         swaps the two languages.
pivot    composes SOURCE->PIVOT and PIVOT->TARGET into SOURCE->TARGET, for
         language pairs with no direct dictionary.
show     checks a dictionary file and prints its number of pairs.

Use a dictionary with: align SRC TGT --dict FILE.dict
)";

}  // namespace

int RunDictCommand(Args* args) {
  if (args->Done()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string verb = args->Next();
  if (verb == "-h" || verb == "--help") {
    std::cout << kUsage;
    return kExitOk;
  }
  std::string output, freedict, error;
  bool reverse = false;
  std::vector<std::string> files;
  while (!args->Done()) {
    if (args->Value("-o", "--output", &output, &error) ||
        args->Value("--freedict", &freedict, &error)) {
    } else if (args->Peek() == "--force") {
      args->Next();
      SetOverwrite(true);
    } else if (args->Peek() == "--reverse") {
      args->Next();
      reverse = true;
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      files.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError("dict: " + error + " (see align dict --help)");
      return kExitUsage;
    }
  }
  StatusOr<Dictionary> dict = InvalidArgumentError("");
  if (verb == "import") {
    if (freedict.empty() || !files.empty() || output.empty()) {
      PrintError(
          "dict import needs --freedict INDEX and -o OUT (see align dict "
          "--help)");
      return kExitUsage;
    }
    dict = Dictionary::ImportFreeDict(freedict);
  } else if (verb == "pivot") {
    if (files.size() != 2 || output.empty()) {
      PrintError(
          "dict pivot needs FIRST SECOND and -o OUT (see align dict --help)");
      return kExitUsage;
    }
    auto first = Dictionary::Load(files[0]);
    if (!first.ok()) {
      PrintError(first.status().ToString());
      return kExitNoInput;
    }
    auto second = Dictionary::Load(files[1]);
    if (!second.ok()) {
      PrintError(second.status().ToString());
      return kExitNoInput;
    }
    dict = Dictionary::Compose(*first, *second);
  } else if (verb == "show") {
    if (files.size() != 1) {
      PrintError("dict show needs one FILE (see align dict --help)");
      return kExitUsage;
    }
    dict = Dictionary::Load(files[0]);
    if (dict.ok()) {
      std::cout << files[0] << "\t" << dict->size() << " pairs\n";
      return kExitOk;
    }
  } else {
    PrintError("dict: unknown command '" + verb + "' (see align dict --help)");
    return kExitUsage;
  }
  if (!dict.ok()) {
    PrintError(dict.status().ToString());
    return kExitNoInput;
  }
  if (reverse) dict = dict->Reversed();
  if (dict->empty()) {
    PrintError("dict: the result has no pairs; nothing written");
    return kExitNoInput;
  }
  const int rc = WriteOutput(output, dict->Serialize());
  if (rc == kExitOk) {
    std::cerr << "align dict: wrote " << dict->size() << " pairs to " << output
              << "\n";
  }
  return rc;
}

}  // namespace crossalign::cli
