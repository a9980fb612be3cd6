#include <iostream>
#include <vector>

#include "commands.h"
#include "crossalign/dictionary.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage = R"(Usage:
  align dict import --freedict INDEX [--reverse] -o OUT.dict
  align dict pivot FIRST.dict SECOND.dict -o OUT.dict
  align dict show FILE.dict
  align dict convert IN.dic -o OUT.dict

import   turns an installed FreeDict dictionary (Debian dict-freedict-*, e.g.
         /usr/share/dictd/freedict-deu-fra.index) into a dictionary file.
         --reverse swaps the two languages.
pivot    composes SOURCE->PIVOT and PIVOT->TARGET into SOURCE->TARGET, for
         language pairs with no direct dictionary.
show     checks a dictionary file and prints its number of pairs.
convert  rewrites a dictionary in the order the output file's name asks for
         (hunalign's .dic <-> crossalign's .dict).

Dictionary files hold one pair per line, in one of two orders:
  crossalign  'source @ target'  files named *.dict (anything but *.dic)
  hunalign    'target @ source'  files named *.dic, as hunalign ships them
A first line '# format: hunalign' or '# format: crossalign' overrides the
name; --dict-format auto|crossalign|hunalign overrides both, for the input
files (and for the output with --output-format).

Use a dictionary with: align SRC TGT --dict FILE.dict (or FILE.dic)
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
  std::string output, freedict;
  bool reverse = false;
  DictionaryFormat in_format = DictionaryFormat::kAuto;
  DictionaryFormat out_format = DictionaryFormat::kAuto;
  std::vector<std::string> files;
  const auto format = [](DictionaryFormat* out, std::string name) {
    return [out, name](const std::string& value, std::string* error) -> int {
      if (ParseDictionaryFormat(value, out)) return kExitOk;
      *error = name + " must be auto, crossalign or hunalign";
      return kExitUsage;
    };
  };
  Command command;  // the options are described in kUsage's prose
  command.options = {
      {"-o, --output", "FILE", "", StoreName(&output)},
      {"--freedict", "INDEX", "", Store(&freedict)},
      {"--dict-format", "F", "", format(&in_format, "--dict-format")},
      {"--output-format", "F", "", format(&out_format, "--output-format")},
      WithHelp(ForceOption(), ""),
      {"--reverse", "", "", Set(&reverse)},
  };
  command.error_prefix = "dict: ";
  command.error_suffix = " (see align dict --help)";
  command.help = false;
  command.operand = Append(&files);
  int exit_code = kExitOk;
  if (!ParseCommandLine(command, args, &exit_code)) return exit_code;
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
    auto first = Dictionary::Load(files[0], in_format);
    if (!first.ok()) {
      PrintError(first.status().message());
      return kExitNoInput;
    }
    auto second = Dictionary::Load(files[1], in_format);
    if (!second.ok()) {
      PrintError(second.status().message());
      return kExitNoInput;
    }
    dict = Dictionary::Compose(*first, *second);
  } else if (verb == "show") {
    if (files.size() != 1) {
      PrintError("dict show needs one FILE (see align dict --help)");
      return kExitUsage;
    }
    dict = Dictionary::Load(files[0], in_format);
    if (dict.ok()) {
      std::cout << files[0] << "\t" << dict->size() << " pairs\n";
      return kExitOk;
    }
  } else if (verb == "convert") {
    if (files.size() != 1 || output.empty()) {
      PrintError(
          "dict convert needs one FILE and -o OUT (see align dict --help)");
      return kExitUsage;
    }
    dict = Dictionary::Load(files[0], in_format);
  } else {
    PrintError("dict: unknown command '" + verb + "' (see align dict --help)");
    return kExitUsage;
  }
  if (!dict.ok()) {
    PrintError(dict.status().message());
    return kExitNoInput;
  }
  if (reverse) dict = dict->Reversed();
  if (dict->empty()) {
    PrintError("dict: the result has no pairs; nothing written");
    return kExitNoInput;
  }
  if (out_format == DictionaryFormat::kAuto) {
    out_format =
        output.size() > 4 && output.compare(output.size() - 4, 4, ".dic") == 0
            ? DictionaryFormat::kHunalign
            : DictionaryFormat::kSourceTarget;
  }
  const int rc = WriteOutput(output, dict->Serialize(out_format));
  if (rc == kExitOk) {
    std::cerr << "align dict: wrote " << dict->size() << " pairs to " << output
              << (out_format == DictionaryFormat::kHunalign
                      ? " (hunalign's order, target @ source)"
                      : " (source @ target)")
              << "\n";
  }
  return rc;
}

}  // namespace crossalign::cli
