#include "merge_command.h"

#include <iostream>
#include <vector>

#include "crossalign/tmx_merge.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage =
    R"(Usage: align merge IN.tmx... [-o OUT.tmx] [OPTIONS]

Merges translation memories (TMX 1.4b, 1.4, or 1.1 to 1.3, from any tool)
into one TMX 1.4b file, to OUT.tmx or to stdout. Units are kept in the order
they are read. Exact duplicates (the same languages with the same segment
texts, white space collapsed) become one unit: the one with the best x-score
(the first on ties). In each unit the variant in the source language comes
first. Units with fewer than two non-empty variants are left out.

Options:
  -o, --output FILE  write the merged TMX here (through a temporary file that
                     is renamed into place); stdout when absent
  --min-score X      keep only units whose x-score is at least X (0..1);
                     units without an x-score are left out when X > 0
  --lang LANG        keep only units with a variant in LANG (BCP-47; "en"
                     matches "en-GB"); repeat for several languages, all of
                     which a unit must have
  --src-lang LANG    the source language of the output (default: the first
                     input's srclang, or the first variant's language when
                     that is *all*)
  --date DATE        creationdate of the output header, and of units that
                     have none (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or
                     YYYYMMDDThhmmssZ); units keep their own dates
  --max-memory MB    refuse inputs whose merge would need more memory than
                     this (default 4096; about 30 bytes per byte of TMX,
                     so 4096 MB takes about 136 MB of TMX input)
  --force            replace an existing output file
  -v, --verbose      report what was read, merged and left out
  -h, --help         show this help

Exit codes: 0 ok; 1 some inputs or units were skipped (each with a message),
the output was still written; 2 usage error; 3 no usable input; 4 output not
writable.
)";

constexpr uint64_t kDefaultMaxMemoryMb = 4096;

}  // namespace

int RunMergeCommand(Args* args) {
  std::string output, value, error;
  std::vector<std::string> inputs;
  TmxMergeOptions merge;
  uint64_t max_memory_mb = kDefaultMaxMemoryMb;
  bool verbose = false;
  TmxWriterOptions tmx;
  while (!args->Done()) {
    if (args->Peek() == "-h" || args->Peek() == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (args->Value("-o", "--output", &output, &error)) {
    } else if (args->Value("--src-lang", &merge.src_lang, &error)) {
      CheckLanguageTag("--src-lang", merge.src_lang, &error);
    } else if (args->Value("--lang", &value, &error)) {
      CheckLanguageTag("--lang", value, &error);
      merge.langs.push_back(value);
    } else if (args->Value("--max-memory", &value, &error)) {
      if (error.empty() &&
          !ParseCount(value, 16, uint64_t{1} << 24, &max_memory_mb)) {
        error = "--max-memory needs a whole number of MB (16 or more), not '" +
                value + "'";
      }
    } else if (args->Value("--min-score", &value, &error)) {
      if (error.empty() && !ParseDouble(value, 0.0, 1.0, &merge.min_score)) {
        error =
            "--min-score needs a number between 0 and 1, not '" + value + "'";
      }
    } else if (ParseDateOption(args, &tmx, &error)) {
    } else if (args->Peek() == "--force") {
      args->Next();
      SetOverwrite(true);
    } else if (args->Peek() == "-v" || args->Peek() == "--verbose") {
      args->Next();
      verbose = true;
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      inputs.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError("merge: " + error + " (see align merge --help)");
      return kExitUsage;
    }
  }
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
  job.report = PrintRunMessages(verbose, false);
  return RunExitCode(RunTmxMergeJob(job));
}

}  // namespace crossalign::cli
