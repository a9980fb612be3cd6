#include "jobs/run_output.h"

#include <iostream>
#include <utility>

#include "crossalign/output_file.h"

namespace crossalign::internal {

Status MayWrite(const std::string& path, bool replace) {
  return path.empty() ? Status::Ok() : MayWriteOutputFile(path, replace);
}

Status WriteText(const std::string& path, const std::string& content,
                 bool replace, std::ostream* out) {
  CROSSALIGN_RETURN_IF_ERROR(MayWrite(path, replace));
  if (path.empty() || path == "-") {
    *out << content;
    out->flush();
    if (!*out) return PermissionDeniedError("cannot write to standard output");
    return Status::Ok();
  }
  // Without replace the rename itself refuses an existing file, so two runs
  // racing to one new output cannot both succeed.
  return WriteOutputFile(path, content, replace);
}

std::ostream* StandardOutput(std::ostream* out) {
  return out != nullptr ? out : &std::cout;
}

void Say(const RunReport& report, RunMessage kind, const std::string& text) {
  if (report) report(kind, text);
}

size_t SayWarnings(const RunReport& report,
                   const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    Say(report, RunMessage::kWarning, warning);
  }
  return warnings.size();
}

RunResult Fail(RunFault fault, Status status) {
  RunResult result;
  result.fault = fault;
  result.status = std::move(status);
  return result;
}

}  // namespace crossalign::internal
