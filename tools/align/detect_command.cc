#include "detect_command.h"

#include <iostream>
#include <sstream>
#include <vector>

#include "crossalign/detect.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage = R"(Usage:
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
  --per-line           one answer per input line
  --format FORMAT      text (default) or jsonl: one JSON object per file or
                       line; per file with the sentence counts by language
                       and the runs of sentences in other languages, per
                       line with the three best guesses without --langs
  --langs L1,L2,...    only answer these languages (BCP-47), e.g. en,uk,ru
  --min-confidence X   below this confidence answer "und" (default 0.25)
  --lid-model PATH     another fastText language-ID model
  --encoding ENC       the inputs' encoding; detected when absent
  --input-format F     text, html or auto (default: HTML pages are told by
                       their content or .html/.htm name; their article is
                       extracted)
  -h, --help           this text

Exit codes: 0 ok; 1 some files were skipped (each with a message);
2 usage error; 3 no usable input or no usable model; 4 output not writable.
)";

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
  std::string error, value;
  while (!args->Done()) {
    const std::string& arg = args->Peek();
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (arg == "--per-line") {
      args->Next();
      options.per_line = true;
    } else if (args->Value("--format", &value, &error)) {
      if (value == "jsonl") {
        options.jsonl = true;
      } else if (value == "text") {
        options.jsonl = false;
      } else if (error.empty()) {
        error = "--format must be text or jsonl, not '" + value + "'";
      }
    } else if (args->Value("--langs", &value, &error)) {
      options.pipeline.lid.candidates = SplitList(value);
      if (error.empty() && options.pipeline.lid.candidates.empty()) {
        error = "--langs needs a list of languages such as en,uk,ru";
      }
      for (const std::string& lang : options.pipeline.lid.candidates) {
        if (!CheckLanguageTag("--langs", lang, &error)) break;
      }
    } else if (ParseMaxFileSize(args, &options.pipeline.read.max_file_bytes,
                                &error)) {
    } else if (args->Value("--min-confidence", &value, &error)) {
      if (error.empty() &&
          !ParseDouble(value, 0.0, 1.0, &options.pipeline.lid.min_confidence)) {
        error = "--min-confidence needs a number between 0 and 1, not '" +
                value + "'";
      }
    } else if (args->Value("--lid-model", &options.pipeline.lid_model,
                           &error) ||
               args->Value("--encoding", &options.pipeline.read.encoding,
                           &error) ||
               ParseInputFormatOption(args, &options.pipeline.read, &error)) {
    } else if (arg.size() > 1 && arg[0] == '-') {
      error = "unknown option " + arg;
    } else {
      files.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError("detect: " + error + " (see align detect --help)");
      return kExitUsage;
    }
  }
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
