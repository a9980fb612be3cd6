#include "review_command.h"

#include <iostream>

#include "crossalign/review_page.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage =
    R"(Usage: align review IN.tmx... -o PAGE.html [--report FILE]
       align review --apply DECISIONS.json IN.tmx -o OUT.tmx

The first form writes a review page: one HTML file (no other file, no
network) on which a person reads every unit of the memories side by side,
sorts and filters them by score, language pair and document pair, searches
them, sees the alignment path of each translation and the stories of a
many-article run, and accepts or rejects units (buttons, or the keys a, r,
j, k). "Export decisions" downloads decisions.json.

The second form applies decisions.json to the memory: rejected units are
left out, accepted ones get <prop type="x-review">accepted</prop>, the others
are kept as they are. Decisions for units the memory does not hold are
reported, not fatal.

The page is also written by the aligner: align SRC TGT -o OUT.tmx --review
PAGE.html (or align FILE... -o DIR --review PAGE.html).

Options:
  -o, --output FILE  the page (or, with --apply, the TMX), written through a
                     temporary file renamed into place; stdout when absent
  --report FILE      the aligner's --report (JSON lines): the page lists the
                     article pairs it considered and why some were left out
  --title TEXT       the page's title (default: the memories' names)
  --apply FILE       apply this decisions.json to the one IN.tmx
  --date DATE        with --apply, creationdate for units and header that
                     lack one (YYYY-MM-DD, ...); others keep theirs
  --force            replace an existing output file
  -h, --help         show this help

Exit codes: 0 ok; 1 some inputs or decisions were skipped (each with a
message), the output was still written; 2 usage error; 3 no usable input;
4 output not writable.
)";

int Apply(const std::string& decisions_path,
          const std::vector<std::string>& inputs, const std::string& output,
          const TmxWriterOptions& tmx) {
  if (inputs.size() != 1) {
    PrintError("review --apply: give exactly one IN.tmx, not " +
               std::to_string(inputs.size()) + " (see align review --help)");
    return kExitUsage;
  }
  ReviewApplyJob job;
  job.decisions_path = decisions_path;
  job.input = inputs[0];
  job.output = output;
  job.tmx = tmx;
  job.replace = Overwrite();
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunReviewApplyJob(job));
}

}  // namespace

int RunReviewCommand(Args* args) {
  std::string output, apply, report_path, title, value, error;
  std::vector<std::string> inputs;
  TmxWriterOptions tmx;
  while (!args->Done()) {
    if (args->Peek() == "-h" || args->Peek() == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (args->Value("-o", "--output", &output, &error) ||
        args->Value("--apply", &apply, &error) ||
        args->Value("--report", &report_path, &error) ||
        args->Value("--title", &title, &error)) {
    } else if (ParseDateOption(args, &tmx, &error)) {
    } else if (args->Peek() == "--force") {
      args->Next();
      SetOverwrite(true);
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      inputs.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError("review: " + error + " (see align review --help)");
      return kExitUsage;
    }
  }
  if (inputs.empty()) {
    PrintError("review: no TMX files given (see align review --help)");
    return kExitUsage;
  }
  if (!apply.empty()) {
    if (!report_path.empty() || !title.empty()) {
      PrintError("review: --report and --title are for the page, not --apply");
      return kExitUsage;
    }
    return Apply(apply, inputs, output, tmx);
  }
  ReviewPageJob job;
  job.inputs = inputs;
  job.output = output;
  job.title = title;
  job.report_path = report_path;
  job.replace = Overwrite();
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunReviewPageJob(job));
}

}  // namespace crossalign::cli
