#include "jobs/progress_meter.h"

#include <chrono>

namespace crossalign {
namespace {

double Now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ProgressMeter::ProgressMeter(bool terminal)
    : terminal_(terminal), start_(Now()) {}

bool ProgressMeter::Due(size_t done, size_t total) {
  if (total == 0) return false;
  if (terminal_) return true;
  const size_t tenth = done * 10 / total;
  if (tenth <= last_tenth_) return false;
  last_tenth_ = tenth;
  return true;
}

double ProgressMeter::Elapsed() const { return Now() - start_; }

int ProgressMeter::Eta(size_t done, size_t total) const {
  return static_cast<int>(
      done ? Elapsed() * static_cast<double>(total - done) / done : 0);
}

}  // namespace crossalign
