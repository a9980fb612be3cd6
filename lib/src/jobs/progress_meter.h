// The timing of the `align` tool's progress display: the seconds elapsed,
// the time left, and when a line is due. The tool draws it, in the user's
// language. A part of the tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_PROGRESS_METER_H_
#define CROSSALIGN_JOBS_PROGRESS_METER_H_

#include <cstddef>

namespace crossalign {

class ProgressMeter {
 public:
  // Starts the clock. On a `terminal` every step is shown (a bar redrawn in
  // place); elsewhere one line at each new tenth of the total.
  explicit ProgressMeter(bool terminal);
  bool terminal() const { return terminal_; }
  // Whether to show `done` of `total` (never when `total` is 0).
  bool Due(size_t done, size_t total);
  double Elapsed() const;
  // The seconds left at the pace so far (0 before the first is done).
  int Eta(size_t done, size_t total) const;

 private:
  bool terminal_;
  size_t last_tenth_ = 0;
  double start_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_PROGRESS_METER_H_
