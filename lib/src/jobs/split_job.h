// `align split`: an article's segments (sentences, headings, boilerplate),
// one per line or as JSON lines.
// A job of the `align` tool (crossalign_jobs, never installed).
//
//   crossalign::SplitJob job;
//   job.input = "article.txt";
//   crossalign::RunResult result = crossalign::RunSplitJob(job);
#ifndef CROSSALIGN_JOBS_SPLIT_JOB_H_
#define CROSSALIGN_JOBS_SPLIT_JOB_H_

#include <ostream>
#include <string>

#include "crossalign/pipeline.h"
#include "jobs/run_result.h"

namespace crossalign {

struct SplitJob {
  std::string input;   // a file, or "-" for standard input
  std::string lang;    // the article's language; detected when empty
  bool jsonl = false;  // RenderSegmentsJsonl, else RenderSegmentLines
  std::string output;  // empty: standard_output
  PipelineOptions pipeline;
  bool replace = false;  // an existing output is refused otherwise
  std::ostream* standard_output = nullptr;  // null: std::cout
  RunReport report;
};

// Reads (within pipeline.read.max_file_bytes, standard input too), prepares
// and writes the segments. An empty or blank article writes nothing (an
// empty output). The document's warnings (counted as problems) and notes
// are reported. Faults: kOutput for an existing output (before reading) or
// one that cannot be written, kInput otherwise.
RunResult RunSplitJob(const SplitJob& job);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_SPLIT_JOB_H_
