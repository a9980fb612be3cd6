// `align dict import|pivot|show|convert`: bilingual dictionary files.
#include <iostream>

#include "cli.h"
#include "jobs/dict_job.h"

namespace crossalign::cli {

int RunDictCommand(int argc, char** argv) {
  DictJob job;
  std::string output;
  DictionaryFormat out_format = DictionaryFormat::kAuto;
  std::vector<std::string> args;
  // The options are described in the prose, not listed.
  Command o("align dict", Tr(R"(Usage:
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
files (and for the output with --output-format). --force replaces an
existing output.

Use a dictionary with: align SRC TGT --dict FILE.dict (or FILE.dic)
)"),
            "");
  const auto format = [](DictionaryFormat* out, const char* name) {
    return [out, name](const std::string& value) {
      if (!ParseDictionaryFormat(value, out)) {
        throw BadValue(
            Format(Tr("{1} must be auto, crossalign or hunalign, not '{2}'"),
                   name, value));
      }
    };
  };
  o.Name("-o,--output", &output, "FILE", "");
  o.Value("--freedict", &job.freedict, "INDEX", "");
  o.Custom("--dict-format", "F", "", format(&job.in_format, "--dict-format"));
  o.Custom("--output-format", "F", "", format(&out_format, "--output-format"));
  AddForceOption(&o, "");
  o.Flag("--reverse", &job.reverse, "");
  o.Operands(&args);
  for (CLI::Option* option : o.app().get_options()) option->group("");
  if (argc < 2) {
    std::cerr << o.app().help();
    return kExitUsage;
  }
  const int parsed = o.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  job.verb = args.empty() ? "" : args[0];
  const std::string& verb = job.verb;
  const std::vector<std::string>& files = job.files;
  if (!args.empty()) job.files.assign(args.begin() + 1, args.end());
  if (verb == "import" &&
      (job.freedict.empty() || !files.empty() || output.empty())) {
    return UsageError(Tr("dict import needs --freedict INDEX and -o OUT"));
  } else if (verb == "pivot" && (files.size() != 2 || output.empty())) {
    return UsageError(Tr("dict pivot needs FIRST SECOND and -o OUT"));
  } else if (verb == "show" && files.size() != 1) {
    return UsageError(Tr("dict show needs one FILE"));
  } else if (verb == "convert" && (files.size() != 1 || output.empty())) {
    return UsageError(Tr("dict convert needs one FILE and -o OUT"));
  } else if (verb != "import" && verb != "pivot" && verb != "show" &&
             verb != "convert") {
    return UsageError(Format(Tr("dict: unknown command '{1}'"), verb));
  }
  const StatusOr<Dictionary> dict = MakeDictionary(job);
  if (!dict.ok()) {
    PrintError(dict.status().message());
    return kExitNoInput;
  }
  if (verb == "show") {
    std::cout << Format(Tr("{1}\t{2,num} pairs\n"), files[0], dict->size());
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  if (dict->empty()) {
    PrintError(Tr("dict: the result has no pairs; nothing written"));
    return kExitNoInput;
  }
  out_format = DictionaryOutputFormat(output, out_format);
  const int rc = WriteOutput(output, dict->Serialize(out_format));
  if (rc == kExitOk) {
    PrintError(Format(out_format == DictionaryFormat::kHunalign
                          ? Tr("dict: wrote {1,num} pairs to {2} (hunalign's "
                               "order, target @ source)")
                          : Tr("dict: wrote {1,num} pairs to {2} (source @ "
                               "target)"),
                      dict->size(), output));
  }
  return rc;
}

}  // namespace crossalign::cli
