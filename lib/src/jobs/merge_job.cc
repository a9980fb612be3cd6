// RunTmxMergeJob: `align merge` once its options are parsed.
#include "jobs/merge_job.h"

#include <utility>

#include "crossalign/output_file.h"
#include "crossalign/tmx_merge.h"
#include "crossalign/tmx_writer.h"
#include "jobs/run_output.h"

namespace crossalign {

using internal::Fail;
using internal::Say;

RunResult RunTmxMergeJob(const TmxMergeJob& job) {
  // Refuse before reading anything when the output is an input, or exists.
  if (Status s = CheckDistinctOutputs({{"-o", job.output}}, job.inputs);
      !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  if (Status s = internal::MayWrite(job.output, job.replace); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  // The inputs are parsed whole (pugixml has no streaming mode).
  if (Status fits = CheckTmxMergeMemory(job.inputs, job.max_memory_bytes);
      !fits.ok()) {
    return Fail(RunFault::kInput, std::move(fits));
  }
  RunResult result;
  auto merged = MergeTmxFiles(
      job.inputs, job.merge,
      [&](TmxMergeMessage kind, const std::string& message) {
        if (kind == TmxMergeMessage::kSkipped) {
          Say(job.report, RunMessage::kSkipped, message);
          ++result.problems;
        } else if (kind == TmxMergeMessage::kWarning) {
          Say(job.report, RunMessage::kWarning, message);
          ++result.problems;
        } else {
          Say(job.report, RunMessage::kDetail, "merge: " + message);
        }
      });
  if (!merged.ok()) return Fail(RunFault::kInput, merged.status());
  result.units = merged->memory.units.size();
  Say(job.report, RunMessage::kDetail,
      "merge: " + std::to_string(merged->units_read) + " units read, " +
          std::to_string(merged->duplicates) + " duplicates removed, " +
          std::to_string(merged->filtered) + " filtered out, " +
          std::to_string(result.units) + " written");
  auto xml = TmxWriter(job.tmx).RenderMemory(merged->memory);
  if (!xml.ok()) return Fail(RunFault::kOutput, xml.status());
  if (Status s = internal::WriteJobText(job, *xml); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  return result;
}

}  // namespace crossalign
