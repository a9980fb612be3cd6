// `align merge`: several TMX files merged into one. A job of the `align`
// tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_MERGE_JOB_H_
#define CROSSALIGN_JOBS_MERGE_JOB_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "crossalign/tmx_merge.h"
#include "crossalign/tmx_writer.h"
#include "jobs/run_result.h"

namespace crossalign {

// `align merge IN.tmx... -o OUT.tmx`: refuses an existing output (unless
// `replace`) and inputs too large for `max_memory_bytes`
// (CheckTmxMergeMemory, a kInput fault) before reading anything, merges
// (MergeTmxFiles: its kSkipped and kWarning messages are reported as such
// and count as problems, kRead as kDetail "merge: PATH: ..."), reports the
// counts (kDetail "merge: R units read, D duplicates removed, F filtered
// out, W written") and writes the memory with `tmx` to `output`, or to
// `standard_output` (std::cout when null) when `output` is empty.
struct TmxMergeJob {
  std::vector<std::string> inputs;
  std::string output;
  TmxMergeOptions merge;
  uint64_t max_memory_bytes = uint64_t{4096} << 20;
  TmxWriterOptions tmx;
  bool replace = false;
  std::ostream* standard_output = nullptr;
  RunReport report;
};
RunResult RunTmxMergeJob(const TmxMergeJob& job);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_MERGE_JOB_H_
