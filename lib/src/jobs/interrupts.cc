#include "jobs/interrupts.h"

#include <signal.h>
#include <unistd.h>

#include "crossalign/output_file.h"

namespace crossalign {
namespace {

std::string interrupted;  // made before a signal: no allocation then

extern "C" void RemoveUnfinishedAndExit(int sig) {
  RemoveUnfinishedOutputFiles();
  [[maybe_unused]] ssize_t n =
      ::write(2, interrupted.data(), interrupted.size());
  ::_exit(128 + sig);
}

}  // namespace

void RemoveUnfinishedOutputOnInterrupt(std::string message) {
  interrupted = std::move(message);
  struct sigaction action {};
  action.sa_handler = RemoveUnfinishedAndExit;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

}  // namespace crossalign
