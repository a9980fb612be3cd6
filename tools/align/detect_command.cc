#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "commands.h"
#include "crossalign/language_identifier.h"
#include "crossalign/output_file.h"
#include "crossalign/writers.h"
#include "jobs/detect_job.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

struct DetectOptions {
  bool per_line = false;
  bool jsonl = false;
  PipelineOptions pipeline;
};

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

int RunDetectCommand(Args* args) {
  DetectOptions options;
  std::vector<std::string> files;
  WriterOptions unused_writer;
  Options shared = PipelineOptionTable(&options.pipeline, &unused_writer);
  Command command;
  command.header = R"(Usage:
  align detect [OPTIONS] FILE...
  align detect --per-line [OPTIONS] FILE|-

Identifies the language of each article: one line per file,
  FILE<TAB>LANG<TAB>CONFIDENCE<TAB>OTHER
where LANG is a BCP-47 code ("und" when undetermined), CONFIDENCE is in
[0, 1] and OTHER is the share of the article's sentences identified as
another language (a quoted paragraph, an interview answer); sentences
without a clear language of their own ("und") do not count as other.

With --per-line, every line of FILE (or of standard input for "-") is
identified on its own and one line is printed per input line, in order:
  LANG<TAB>CONFIDENCE
An empty line gives "und<TAB>0.000".

Options:
)";
  command.options = {
      {"--per-line", "", "one answer per input line", Set(&options.per_line)},
      {"--format", "FORMAT",
       "text (default) or jsonl: one JSON object per file or\n"
       "line; per file with the sentence counts by language\n"
       "and the runs of sentences in other languages, per\n"
       "line with the three best guesses without --langs",
       [&options](const std::string& value, std::string* error) -> int {
         if (value != "jsonl" && value != "text") {
           *error = "--format must be text or jsonl, not '" + value + "'";
           return kExitUsage;
         }
         options.jsonl = value == "jsonl";
         return kExitOk;
       }},
      {"--langs", "L1,L2,...",
       "only answer these languages (BCP-47), e.g. en,uk,ru",
       [&options](const std::string& value, std::string* error) -> int {
         auto& candidates = options.pipeline.lid.candidates;
         candidates = SplitList(value);
         if (candidates.empty()) {
           *error = "--langs needs a list of languages such as en,uk,ru";
         }
         for (const std::string& lang : candidates) {
           if (!CheckLanguageTag("--langs", lang, error)) break;
         }
         return error->empty() ? kExitOk : kExitUsage;
       }},
      {"--min-confidence", "X",
       "below this confidence answer \"und\" (default 0.25)",
       Number(&options.pipeline.lid.min_confidence, 0.0, 1.0,
              "--min-confidence needs a number between 0 and 1, not '{}'")},
      Take(&shared, "--lid-model", "another fastText language-ID model"),
      Take(&shared, "--encoding", "the inputs' encoding; detected when absent"),
      Take(&shared, "--input-format",
           "text, html or auto (default: HTML pages are told by\n"
           "their content or .html/.htm name; their article is\n"
           "extracted)"),
      {"-h, --help", "", "this text", {}},
      WithHelp(Take(&shared, "--max-file-size"), ""),
  };
  command.footer = R"(
Exit codes: 0 ok; 1 some files were skipped (each with a message);
2 usage error; 3 no usable input or no usable model; 4 output not writable;
5 internal error.
)";
  command.error_prefix = "detect: ";
  command.error_suffix = " (see align detect --help)";
  command.operand = Append(&files);
  int exit_code = kExitOk;
  if (!ParseCommandLine(command, args, &exit_code)) return exit_code;
  if (files.empty()) {
    PrintError("detect needs at least one FILE (see align detect --help)");
    return kExitUsage;
  }
  if (options.per_line && files.size() != 1) {
    PrintError(
        "detect --per-line takes one FILE, or - for standard input (see align "
        "detect --help)");
    return kExitUsage;
  }
  DetectJob job;
  job.files = files;
  job.per_line = options.per_line;
  job.jsonl = options.jsonl;
  job.pipeline = options.pipeline;
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunDetectJob(job));
}

}  // namespace crossalign::cli
