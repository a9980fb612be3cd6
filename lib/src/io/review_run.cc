// RunReviewPageJob and RunReviewApplyJob: `align review` once its options
// are parsed.
#include <utility>

#include "crossalign/output_file.h"
#include "crossalign/review_page.h"
#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"
#include "io/run_output.h"

namespace crossalign {

using internal::Fail;
using internal::Say;
using internal::SayWarnings;

RunResult RunReviewPageJob(const ReviewPageJob& job) {
  std::vector<std::string> inputs = job.inputs;
  inputs.push_back(job.report_path);
  if (Status s = CheckDistinctOutputs({{"-o", job.output}}, inputs); !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  if (Status s = internal::MayWrite(job.output, job.replace); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  ReviewPageOptions options;
  options.title = job.title;
  if (!job.report_path.empty()) {
    auto report = ReadAlignReportFile(job.report_path);
    if (!report.ok()) return Fail(RunFault::kInput, report.status());
    options.report = std::move(*report);
  }
  RunResult result;
  std::vector<ReviewSource> sources;
  const TmxReader reader;
  size_t units = 0;
  for (const std::string& path : job.inputs) {
    StatusOr<TmxMemory> memory = reader.ReadFile(path);
    if (!memory.ok()) {
      Say(job.report, RunMessage::kSkipped,
          memory.status().ToString() + "; skipped");
      ++result.problems;
      continue;
    }
    result.problems += SayWarnings(job.report, memory->warnings);
    units += memory->units.size();
    sources.push_back({path, std::move(*memory)});
  }
  if (sources.empty()) {
    return Fail(RunFault::kInput,
                InvalidArgumentError("review: no usable input: none of the " +
                                     std::to_string(job.inputs.size()) +
                                     " file(s) could be read"));
  }
  auto page = RenderReviewPage(sources, options);
  if (!page.ok()) return Fail(RunFault::kInput, page.status());
  if (Status s = internal::WriteJobText(job, *page); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  result.units = units;
  if (!job.output.empty() && job.output != "-") {
    Say(job.report, RunMessage::kInfo,
        "review: wrote " + job.output + " (" + std::to_string(units) +
            " units from " + std::to_string(sources.size()) +
            (sources.size() == 1 ? " memory)" : " memories)"));
  }
  return result;
}

RunResult RunReviewApplyJob(const ReviewApplyJob& job) {
  if (Status s = CheckDistinctOutputs({{"-o", job.output}},
                                      {job.input, job.decisions_path});
      !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  if (Status s = internal::MayWrite(job.output, job.replace); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  ReviewEdits edits;
  StatusOr<ReviewDecisions> decisions =
      ReadReviewDecisionsFile(job.decisions_path, &edits);
  if (!decisions.ok()) return Fail(RunFault::kInput, decisions.status());
  StatusOr<TmxMemory> memory = TmxReader().ReadFile(job.input);
  if (!memory.ok()) return Fail(RunFault::kInput, memory.status());
  RunResult result;
  result.problems += SayWarnings(job.report, memory->warnings);
  ReviewApplyResult applied = ApplyReviewDecisions(*memory, *decisions, edits);
  const std::vector<std::string>& unknown = applied.unknown_tuids;
  if (!unknown.empty()) {
    std::string list;
    for (size_t i = 0; i < unknown.size() && i < 5; ++i) {
      list += (i > 0 ? ", " : "") + unknown[i];
    }
    if (unknown.size() > 5) list += ", ...";
    Say(job.report, RunMessage::kWarning,
        job.decisions_path + ": " + std::to_string(unknown.size()) +
            " decision(s) name units that " + job.input +
            " does not hold (from another memory?), ignored: " + list);
    ++result.problems;
  }
  auto xml = TmxWriter(job.tmx).RenderMemory(applied.memory);
  if (!xml.ok()) return Fail(RunFault::kOutput, xml.status());
  if (Status s = internal::WriteJobText(job, *xml); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  result.units = applied.memory.units.size();
  Say(job.report, RunMessage::kInfo,
      "review: " + std::to_string(applied.accepted) + " accepted (" +
          std::to_string(applied.edited) + " edited), " +
          std::to_string(applied.rejected) + " rejected (left out), " +
          std::to_string(applied.undecided) + " not reviewed (kept)" +
          (job.output.empty() || job.output == "-" ? ""
                                                   : "; wrote " + job.output));
  return result;
}

}  // namespace crossalign
