#include <algorithm>
#include <iostream>
#include <vector>

#include "commands.h"
#include "jobs/merge_job.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

constexpr uint64_t kDefaultMaxMemoryMb = 4096;

}  // namespace

int RunMergeCommand(Args* args) {
  std::string output;
  std::vector<std::string> inputs;
  TmxMergeOptions merge;
  uint64_t max_memory_mb = kDefaultMaxMemoryMb;
  bool verbose = false, quiet = false;
  TmxWriterOptions tmx;
  Command command;
  command.header = R"(Usage: align merge IN.tmx... [-o OUT.tmx] [OPTIONS]

Merges translation memories (TMX 1.4b, 1.4, or 1.1 to 1.3, from any tool)
into one TMX 1.4b file, to OUT.tmx or to stdout. Units are kept in the order
they are read. Exact duplicates (the same languages with the same segment
texts, white space collapsed) become one unit: the one with the best x-score
(the first on ties). In each unit the variant in the source language comes
first. Units with fewer than two non-empty variants are left out.

Options:
)";
  command.column = 21;
  command.options = {
      {"-o, --output", "FILE",
       "write the merged TMX here (through a temporary file that\n"
       "is renamed into place); stdout when absent",
       StoreName(&output)},
      {"--min-score", "X",
       "keep only units whose x-score is at least X (0..1);\n"
       "units without an x-score are left out when X > 0",
       Number(&merge.min_score, 0.0, 1.0,
              "--min-score needs a number between 0 and 1, not '{}'")},
      {"--lang", "LANG",
       "keep only units with a variant in LANG (BCP-47; \"en\"\n"
       "matches \"en-GB\"); repeat for several languages, all of\n"
       "which a unit must have",
       [&merge](const std::string& value, std::string* error) -> int {
         merge.langs.push_back(value);
         return CheckLanguageTag("--lang", value, error) ? kExitOk : kExitUsage;
       }},
      {"--src-lang", "LANG",
       "the source language of the output (default: the first\n"
       "input's srclang, or the first variant's language when\n"
       "that is *all*)",
       Language(&merge.src_lang, "--src-lang")},
      WithHelp(DateOption(&tmx),
               "creationdate of the output header, and of units that\n"
               "have none (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or\n"
               "YYYYMMDDThhmmssZ); units keep their own dates"),
      {"--max-memory", "MB",
       "refuse inputs whose merge would need more memory than\n"
       "this (default 4096; about 30 bytes per byte of TMX,\n"
       "so 4096 MB takes about 136 MB of TMX input)",
       Count(&max_memory_mb, 16, uint64_t{1} << 24,
             "--max-memory needs a whole number of MB (16 or more), not "
             "'{}'")},
      WithHelp(ForceOption(), "replace an existing output file"),
      {"-v, --verbose", "", "report what was read, merged and left out",
       Set(&verbose)},
      {"-q, --quiet", "", "no summary line on success", Set(&quiet)},
      {"-h, --help", "", "show this help", {}},
  };
  command.footer = R"(
Exit codes: 0 ok; 1 some inputs or units were skipped (each with a message),
the output was still written; 2 usage error; 3 no usable input; 4 output not
writable; 5 internal error.
)";
  ;
  command.error_prefix = "merge: ";
  command.error_suffix = " (see align merge --help)";
  command.operand = Append(&inputs);
  int exit_code = kExitOk;
  if (!ParseCommandLine(command, args, &exit_code)) return exit_code;
  if (inputs.empty()) {
    PrintError("merge: no TMX files given (see align merge --help)");
    return kExitUsage;
  }
  TmxMergeJob job;
  job.inputs = inputs;
  job.output = output;
  job.merge = merge;
  job.max_memory_bytes = max_memory_mb << 20;
  job.tmx = tmx;
  job.replace = Overwrite();
  job.report = PrintRunMessages(verbose, quiet);
  const RunResult result = RunTmxMergeJob(job);
  if (result.fault == RunFault::kNone && !quiet) {
    // One line on success, as align SRC TGT prints.
    PrintError(std::to_string(result.units) + " unit(s) merged from " +
               std::to_string(inputs.size()) + " file(s) to " +
               (output.empty() ? std::string("standard output") : output));
  }
  return RunExitCode(result);
}

}  // namespace crossalign::cli
