// `align detect`: the language of whole articles, or of every line of one
// text, written as text or JSON lines.
// A job of the `align` tool (crossalign_jobs, never installed).
//
//   crossalign::DetectJob job;
//   job.files = {"a.txt", "b.html"};
//   crossalign::RunResult result = crossalign::RunDetectJob(job);
#ifndef CROSSALIGN_JOBS_DETECT_JOB_H_
#define CROSSALIGN_JOBS_DETECT_JOB_H_

#include <ostream>
#include <string>
#include <vector>

#include "crossalign/pipeline.h"
#include "jobs/run_result.h"

namespace crossalign {

struct DetectJob {
  // The articles; with per_line exactly one file, "-" for standard input.
  std::vector<std::string> files;
  // Per article (Pipeline::Prepare), one line each:
  //   FILE<TAB>LANG<TAB>CONFIDENCE<TAB>OTHER_SHARE   (three decimals)
  // or with jsonl RenderLanguagesJsonl. Per line (per_line), every line of
  // the decoded text on its own, one line each: LANG<TAB>CONFIDENCE, or
  // with jsonl RenderLineLanguageJsonl with the three best guesses.
  bool per_line = false;
  bool jsonl = false;
  PipelineOptions pipeline;  // the model, --langs, limits, encoding
  std::ostream* standard_output = nullptr;  // the results; null: std::cout
  RunReport report;
};

// Runs `job`. The identifier's own warnings (a missing n-gram model or
// Hunspell dictionary: results differ from a complete installation) are
// reported as kWarning but are no problem of the input. An article that
// cannot be read is reported (kSkipped) and left out; a document's warnings
// are reported and count as problems. Faults: kInput when the model cannot
// be loaded, the one per-line input cannot be read or decoded, or no article
// could be read (then with a status without message: each was reported);
// kOutput when the results cannot be written.
RunResult RunDetectJob(const DetectJob& job);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_DETECT_JOB_H_
