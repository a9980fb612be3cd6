// Writing the outputs of a job (collection_job.cc, review_job.cc, ...) as the
// command line promises: an existing file refused unless replaced, a
// temporary file renamed into place, or the caller's standard output.
#ifndef CROSSALIGN_JOBS_RUN_OUTPUT_H_
#define CROSSALIGN_JOBS_RUN_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "crossalign/status.h"
#include "jobs/run_result.h"

namespace crossalign::internal {

// MayWriteOutputFile: an existing regular file is refused
// (kFailedPrecondition "PATH exists; pass --force to replace it") unless
// `replace`; an empty path, "-", a device or a FIFO is fine.
Status MayWrite(const std::string& path, bool replace);

// `content` into `path` through a temporary file (MayWrite first; without
// `replace` the rename itself refuses an existing file), or into `out` when
// `path` is empty or "-".
Status WriteText(const std::string& path, const std::string& content,
                 bool replace, std::ostream* out);

// `out`, or std::cout when it is null.
std::ostream* StandardOutput(std::ostream* out);

// WriteText to the job's output: its `output` path (refused when it exists
// unless `replace`), or its `standard_output` stream, or std::cout.
template <typename Job>
Status WriteJobText(const Job& job, const std::string& content) {
  return WriteText(job.output, content, job.replace,
                   StandardOutput(job.standard_output));
}

// Reports `text` when there is a `report`.
void Say(const RunReport& report, RunMessage kind, const std::string& text);

// Reports each of `warnings` as a kWarning; returns how many there were.
size_t SayWarnings(const RunReport& report,
                   const std::vector<std::string>& warnings);

// A result stopped by `fault` with `status`.
RunResult Fail(RunFault fault, Status status);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_JOBS_RUN_OUTPUT_H_
