#include <algorithm>
#include <iostream>

#include "commands.h"
#include "jobs/review_job.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

int Apply(const std::string& decisions_path,
          const std::vector<std::string>& inputs, const std::string& output,
          const TmxWriterOptions& tmx, const ReviewApplyOptions& options,
          bool realign) {
  if (inputs.size() != 1) {
    PrintError("review --apply: give exactly one IN.tmx, not " +
               std::to_string(inputs.size()) + " (see align review --help)");
    return kExitUsage;
  }
  ReviewApplyJob job;
  job.decisions_path = decisions_path;
  job.apply = options;
  job.realign = realign;
  job.input = inputs[0];
  job.output = output;
  job.tmx = tmx;
  job.replace = Overwrite();
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunReviewApplyJob(job));
}

}  // namespace

int RunReviewCommand(Args* args) {
  std::string output, apply, report_path, title, keep;
  bool realign = false;
  std::vector<std::string> inputs;
  TmxWriterOptions tmx;
  Command command;
  command.header =
      R"(Usage: align review IN.tmx... -o PAGE.html [--report FILE]
       align review --apply DECISIONS.json IN.tmx -o OUT.tmx

The first form writes a review page: one HTML file (no other file, no
network) on which a person reads every unit of the memories side by side,
sorts and filters them by score, language pair and document pair, searches
them, sees the alignment path of each translation and the stories of a
many-article run, and accepts or rejects units (buttons, or the keys a, r,
j, k). When it has the articles (the page is written in the run, or they
can be read where the TMX's x-document names them), a document view shows
both articles side by side, every segment, to pair, unpair, merge and split
sentences. "Export decisions" downloads decisions.json.

The second form applies decisions.json to the memory: the units the reviewer
made in the document view (pairing sentences, merging or splitting units)
are added with x-review = added, merged or split, unpaired units are left
out, rejected units are left out, accepted ones get <prop
type="x-review">accepted</prop>, the others are kept as they are (or left
out with --keep accepted). A decisions file exported from another memory's
page is refused. Decisions for units the memory does not hold are reported,
not fatal.

The page is also written by the aligner: align SRC TGT -o OUT.tmx --review
PAGE.html (or align FILE... -o DIR --review PAGE.html).

Options:
)";
  command.column = 21;
  command.options = {
      {"-o, --output", "FILE",
       "the page (or, with --apply, the TMX), written through a\n"
       "temporary file renamed into place; stdout when absent",
       StoreName(&output)},
      {"--report", "FILE",
       "the aligner's --report (JSON lines): the page lists the\n"
       "article pairs it considered and why some were left out",
       Store(&report_path)},
      {"--title", "TEXT", "the page's title (default: the memories' names)",
       Store(&title)},
      {"--apply", "FILE", "apply this decisions.json to the one IN.tmx",
       Store(&apply)},
      {"--keep", "accepted",
       "with --apply, keep only the units accepted, corrected\n"
       "or made by the reviewer (default: all but the rejected)",
       Store(&keep)},
      {"--realign", "",
       "with --apply, align each article pair again between the\n"
       "links the reviewer made or accepted (reads the articles)",
       Set(&realign)},
      WithHelp(DateOption(&tmx),
               "with --apply, creationdate for units and header that\n"
               "lack one (YYYY-MM-DD, ...); others keep theirs"),
      WithHelp(ForceOption(), "replace an existing output file"),
      {"-h, --help", "", "show this help", {}},
  };
  command.footer = R"(
Exit codes: 0 ok; 1 some inputs or decisions were skipped (each with a
message), the output was still written; 2 usage error; 3 no usable input;
4 output not writable; 5 internal error.
)";
  ;
  command.error_prefix = "review: ";
  command.error_suffix = " (see align review --help)";
  command.operand = Append(&inputs);
  int exit_code = kExitOk;
  if (!ParseCommandLine(command, args, &exit_code)) return exit_code;
  if (inputs.empty()) {
    PrintError("review: no TMX files given (see align review --help)");
    return kExitUsage;
  }
  if (apply.empty() && (!keep.empty() || realign)) {
    PrintError(
        "review: --keep and --realign are for --apply (see align review "
        "--help)");
    return kExitUsage;
  }
  if (!apply.empty()) {
    if (!report_path.empty() || !title.empty()) {
      PrintError("review: --report and --title are for the page, not --apply");
      return kExitUsage;
    }
    ReviewApplyOptions options;
    if (!keep.empty() && keep != "accepted") {
      PrintError("review: --keep takes 'accepted', not '" + keep +
                 "' (see align review --help)");
      return kExitUsage;
    }
    options.keep_accepted_only = keep == "accepted";
    return Apply(apply, inputs, output, tmx, options, realign);
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
