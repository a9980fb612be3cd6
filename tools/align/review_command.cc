#include "review_command.h"

#include <algorithm>
#include <iostream>

#include "crossalign/review_page.h"
#include "crossalign/tmx_reader.h"

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
  if (!MayWrite(output)) return kExitOutput;
  ReviewEdits edits;
  StatusOr<ReviewDecisions> decisions =
      ReadReviewDecisionsFile(decisions_path, &edits);
  if (!decisions.ok()) {
    PrintError(decisions.status().ToString());
    return kExitNoInput;
  }
  StatusOr<TmxMemory> memory = TmxReader().ReadFile(inputs[0]);
  if (!memory.ok()) {
    PrintError(memory.status().ToString());
    return kExitNoInput;
  }
  int exit_code = kExitOk;
  exit_code = WarnAboutInput(memory->warnings);
  ReviewApplyResult result = ApplyReviewDecisions(*memory, *decisions, edits);
  if (!result.unknown_tuids.empty()) {
    std::string list;
    for (size_t i = 0; i < result.unknown_tuids.size() && i < 5; ++i) {
      list += (i > 0 ? ", " : "") + result.unknown_tuids[i];
    }
    if (result.unknown_tuids.size() > 5) list += ", ...";
    exit_code = WarnAboutInput(
        decisions_path + ": " + std::to_string(result.unknown_tuids.size()) +
        " decision(s) name units that " + inputs[0] +
        " does not hold (from another memory?), ignored: " + list);
  }
  auto xml = TmxWriter(tmx).RenderMemory(result.memory);
  if (!xml.ok()) {
    PrintError(xml.status().ToString());
    return kExitOutput;
  }
  const int rc = WriteOutput(output, *xml);
  if (rc != kExitOk) return rc;
  std::cerr << "align: review: " << result.accepted << " accepted ("
            << result.edited << " edited), " << result.rejected
            << " rejected (left out), " << result.undecided
            << " not reviewed (kept)";
  if (!output.empty()) std::cerr << "; wrote " << output;
  std::cerr << "\n";
  return exit_code;
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
  if (!MayWrite(output)) return kExitOutput;
  ReviewPageOptions options;
  options.title = title;
  if (!report_path.empty()) {
    auto report = ReadAlignReportFile(report_path);
    if (!report.ok()) {
      PrintError(report.status().ToString());
      return kExitNoInput;
    }
    options.report = std::move(*report);
  }
  int exit_code = kExitOk;
  std::vector<ReviewSource> sources;
  const TmxReader reader;
  size_t units = 0;
  for (const std::string& path : inputs) {
    StatusOr<TmxMemory> memory = reader.ReadFile(path);
    if (!memory.ok()) {
      PrintError(memory.status().ToString() + "; skipped");
      exit_code = kExitSomeSkipped;
      continue;
    }
    exit_code = std::max(exit_code, WarnAboutInput(memory->warnings));
    units += memory->units.size();
    sources.push_back({path, std::move(*memory)});
  }
  if (sources.empty()) {
    PrintError("review: no usable input: none of the " +
               std::to_string(inputs.size()) + " file(s) could be read");
    return kExitNoInput;
  }
  auto page = RenderReviewPage(sources, options);
  if (!page.ok()) {
    PrintError(page.status().ToString());
    return kExitNoInput;
  }
  const int rc = WriteOutput(output, *page);
  if (rc != kExitOk) return rc;
  if (!output.empty()) {
    std::cerr << "align: review: wrote " << output << " (" << units
              << " units from " << sources.size()
              << (sources.size() == 1 ? " memory)\n" : " memories)\n");
  }
  return exit_code;
}

}  // namespace crossalign::cli
