// How `align` reports a library run (RunCollectionJob, RunPairJob): its
// messages on stderr and the exit code of how it ended.
#ifndef CROSSALIGN_TOOLS_ALIGN_RUN_MESSAGES_H_
#define CROSSALIGN_TOOLS_ALIGN_RUN_MESSAGES_H_

#include <iostream>
#include <string>

#include "cli.h"
#include "jobs/run_result.h"

namespace crossalign::cli {

// Prints each message "align: ...", warnings and notes with their prefix;
// the decision lines and details only with -v, the files written and the
// progress not with -q.
inline RunReport PrintRunMessages(bool verbose, bool quiet) {
  return [verbose, quiet](RunMessage kind, const std::string& text) {
    if (kind == RunMessage::kWarning) {
      WarnAboutInput(text);
    } else if (kind == RunMessage::kNote) {
      PrintError("note: " + text);
    } else if (kind == RunMessage::kDecisions) {
      if (verbose) std::cerr << text;
    } else if (kind == RunMessage::kDetail) {
      if (verbose) PrintError(text);
    } else if ((kind != RunMessage::kWritten &&
                kind != RunMessage::kProgress) ||
               !quiet) {
      PrintError(text);
    }
  };
}

// The error that stopped the run, printed (unless it has no message: the
// run reported it), as kExitUsage, kExitNoInput or kExitOutput; else
// kExitSomeSkipped when something was lost, or kExitOk.
inline int RunExitCode(const RunResult& result) {
  if (result.fault == RunFault::kNone) {
    return result.problems > 0 ? kExitSomeSkipped : kExitOk;
  }
  if (!result.status.message().empty()) PrintError(result.status.message());
  switch (result.fault) {
    case RunFault::kRequest:
      return kExitUsage;
    case RunFault::kInput:
      return kExitNoInput;
    default:
      return kExitOutput;
  }
}

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_RUN_MESSAGES_H_
