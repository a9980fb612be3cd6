// What a job of the `align` tool (collection_job.h's RunCollectionJob and
// RunPairJob, review_job.h's RunReviewPageJob and RunReviewApplyJob,
// detect_job.h, split_job.h, merge_job.h) says as it goes and how it ends,
// so that the tool can print the messages and choose an exit code without
// knowing the run. Part of the tool's crossalign_jobs library: never
// installed.
#ifndef CROSSALIGN_JOBS_RUN_RESULT_H_
#define CROSSALIGN_JOBS_RUN_RESULT_H_

#include <cstddef>
#include <functional>
#include <string>

#include "crossalign/status.h"

namespace crossalign {

// What a run says as it goes, in order, never concurrently.
enum class RunMessage {
  kSkipped,    // an input or a listed pair left out, and why
  kWarning,    // damaged but used input; two articles of different stories
  kNote,       // a document's note (an over-long sentence cut, ...)
  kInfo,       // worth saying on every run ("no two articles report ...")
  kWritten,    // a file written and what it holds (a quiet run drops them)
  kDecisions,  // the decision lines (RenderDecisionsJsonl), as one text
  kDetail,     // what only a verbose run says (a file read, counts)
  kProgress,   // what a long run is doing now (a quiet run drops it)
};
using RunReport = std::function<void(RunMessage, const std::string&)>;

// What stopped a run: the request itself, its inputs, or an output.
enum class RunFault { kNone, kRequest, kInput, kOutput };

struct RunResult {
  // OK, or why the run stopped (not reported otherwise; a status without
  // message when the messages already said it all).
  Status status;
  RunFault fault = RunFault::kNone;
  // Inputs and pairs skipped, documents warned about and warnings: a run
  // that finishes with problems > 0 wrote its outputs but lost something.
  size_t problems = 0;
  // What was written: TMX units (collection, pair, merge, review --apply),
  // units shown (review page) or segments (split); 0 for detect.
  size_t units = 0;
  std::string decisions;  // the decision lines, as kDecisions reported them
};

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_RUN_RESULT_H_
