#include <algorithm>
#include <iostream>

#include "commands.h"
#include "crossalign/document.h"
#include "crossalign/output_file.h"
#include "crossalign/pipeline.h"
#include "crossalign/writers.h"
#include "jobs/split_job.h"
#include "run_messages.h"

namespace crossalign::cli {

int RunSplitCommand(Args* args) {
  PipelineOptions options;
  WriterOptions unused_writer;
  std::string lang, output, input;
  std::string format = "lines";
  Options shared = PipelineOptionTable(&options, &unused_writer);
  Command command;
  command.header = R"(Usage: align split [OPTIONS] FILE|-

Splits an article into sentences, headings and boilerplate (bylines, menus,
captions, "Related:" links, donation appeals, counters) and prints them in
order. "-" reads stdin.

Options:
)";
  command.options = {
      {"--lang", "LANG",
       "the article's language (BCP-47); detected with the\n"
       "language-ID model when absent",
       Language(&lang, "--lang")},
      {"--format", "FORMAT",
       "lines (default): one segment per line, line breaks\n"
       "inside it shown as spaces; jsonl: one JSON object per\n"
       "segment with text, start and end (byte offsets into the\n"
       "decoded text), paragraph, kind (sentence, heading,\n"
       "boilerplate) and lang",
       Store(&format)},
      Take(&shared, "--line-breaks", "auto (default), sentence or join"),
      Take(&shared, "--srx",
           "SRX 2.0 rules that decide first where they match"),
      Take(&shared, "--rules",
           "folder of <lang>.rules files extending the built-in rules"),
      Take(&shared, "--max-sentence-length"),
      Take(&shared, "--lid-model", "fastText language-ID model"),
      Take(&shared, "--encoding", "the input's encoding; detected when absent"),
      Take(&shared, "--input-format",
           "text, html or auto (default: an HTML page is told by\n"
           "its content or .html/.htm name and its article is\n"
           "extracted; jsonl then adds html_start and html_end,\n"
           "the segment's byte range in the page)"),
      {"-o, --output", "FILE", "write here instead of stdout",
       StoreName(&output)},
      Take(&shared, "--force", "replace an existing output file"),
      {"-h, --help", "", "show this help", {}},
  };
  AppendUnlisted(&command.options, std::move(shared));
  command.footer = R"(
An empty or blank input prints nothing (exit 0).

Exit codes: 0 ok, 1 the input was damaged (bytes replaced), 2 usage error,
3 no usable input, 4 output not writable, 5 internal error.
)";
  command.error_suffix = " (align split --help)";
  command.operand = [&input](const std::string& file,
                             std::string* error) -> int {
    if (!input.empty()) {
      *error = "align split takes one file";
      return kExitUsage;
    }
    input = file;
    return kExitOk;
  };
  int exit_code = kExitOk;
  if (!ParseCommandLine(command, args, &exit_code)) return exit_code;
  std::string error;
  if (error.empty() && input.empty()) error = "align split needs a file";
  if (error.empty() && format != "lines" && format != "jsonl") {
    error = "--format must be lines or jsonl, not '" + format + "'";
  }
  if (!error.empty()) {
    PrintError(error + " (align split --help)");
    return kExitUsage;
  }
  SplitJob job;
  job.input = input;
  job.lang = lang;
  job.jsonl = format == "jsonl";
  job.output = output;
  job.pipeline = options;
  job.replace = Overwrite();
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunSplitJob(job));
}

}  // namespace crossalign::cli
