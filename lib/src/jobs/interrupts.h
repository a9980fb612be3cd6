// What the `align` tool does on SIGINT or SIGTERM: removes the temporary
// files of unfinished writes (RemoveUnfinishedOutputFiles), writes a message
// to stderr and exits with 128 + the signal number.
// A part of the tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_INTERRUPTS_H_
#define CROSSALIGN_JOBS_INTERRUPTS_H_

#include <string>

namespace crossalign {

// Installs the handlers; `message` (in the user's language) is written as
// it is, so it is made before any signal can come.
void RemoveUnfinishedOutputOnInterrupt(std::string message);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_INTERRUPTS_H_
