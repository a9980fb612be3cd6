#include "split_command.h"

#include <iostream>

#include "crossalign/split.h"
#include "run_messages.h"

namespace crossalign::cli {
const char* SplitCommandUsage() {
  return R"(Usage: align split [OPTIONS] FILE|-

Splits an article into sentences, headings and boilerplate (bylines, menus,
captions, "Related:" links, donation appeals, counters) and prints them in
order. "-" reads stdin.

Options:
  --lang LANG          the article's language (BCP-47); detected with the
                       language-ID model when absent
  --format FORMAT      lines (default): one segment per line, line breaks
                       inside it shown as spaces; jsonl: one JSON object per
                       segment with text, start and end (byte offsets into the
                       decoded text), paragraph, kind (sentence, heading,
                       boilerplate) and lang
  --line-breaks MODE   auto (default), sentence or join
  --srx FILE           SRX 2.0 rules that decide first where they match
  --rules DIR          folder of <lang>.rules files extending the built-in rules
  --max-sentence-length N  split longer sentences (characters; default 2000)
  --lid-model PATH     fastText language-ID model
  --encoding ENC       the input's encoding; detected when absent
  --input-format F     text, html or auto (default: an HTML page is told by
                       its content or .html/.htm name and its article is
                       extracted; jsonl then adds html_start and html_end,
                       the segment's byte range in the page)
  -o, --output FILE    write here instead of stdout
  --force              replace an existing output file
  -h, --help           show this help

An empty or blank input prints nothing (exit 0).

Exit codes: 0 ok, 1 the input was damaged (bytes replaced), 2 usage error,
3 no usable input, 4 output not writable.
)";
}

int RunSplitCommand(Args* args) {
  PipelineOptions options;
  WriterOptions unused_writer;
  std::string lang;
  std::string format = "lines";
  std::string output;
  std::string input;
  std::string error;
  int exit_code = kExitOk;
  while (!args->Done()) {
    const std::string& a = args->Peek();
    if (a == "-h" || a == "--help") {
      std::cout << SplitCommandUsage();
      return kExitOk;
    }
    if (args->Value("--lang", &lang, &error)) {
      if (!CheckLanguageTag("--lang", lang, &error)) break;
      continue;
    }
    if (args->Value("--format", &format, &error) ||
        args->Value("-o", "--output", &output, &error) ||
        ParsePipelineOption(args, &options, &unused_writer, &error,
                            &exit_code)) {
      if (!error.empty()) break;
      if (exit_code != kExitOk) return exit_code;
      continue;
    }
    if (a.size() > 1 && a[0] == '-') {
      error = "unknown option " + a;
      break;
    }
    if (!input.empty()) {
      error = "align split takes one file";
      break;
    }
    input = args->Next();
  }
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
