// `align review`: the review page for memories, and applying a reviewer's
// decisions to a memory. A job of the `align` tool (crossalign_jobs, never
// installed).
#ifndef CROSSALIGN_JOBS_REVIEW_JOB_H_
#define CROSSALIGN_JOBS_REVIEW_JOB_H_

#include <ostream>
#include <string>
#include <vector>

#include "crossalign/review_page.h"
#include "crossalign/tmx_writer.h"
#include "jobs/run_result.h"

namespace crossalign {

// `align review IN.tmx... -o PAGE.html`: the page for the memories
// `inputs`, written to `output` (through a temporary file renamed into
// place; without `replace` an existing page is refused before anything is
// read), or to `standard_output` (std::cout when null) when `output` is
// empty. A memory that cannot be read is reported (kSkipped) and left out;
// its reader's warnings are reported (kWarning); the page written is
// reported (kInfo: "review: wrote PAGE (N units from M memories)"). kInput
// faults: the report file cannot be read, no memory could be read.
struct ReviewPageJob {
  std::vector<std::string> inputs;
  std::string output;
  std::string title;        // ReviewPageOptions::title
  std::string report_path;  // the aligner's --report file, optional
  bool replace = false;
  std::ostream* standard_output = nullptr;
  RunReport report;
};
RunResult RunReviewPageJob(const ReviewPageJob& job);

// `align review --apply DECISIONS.json IN.tmx -o OUT.tmx`: reads the
// decisions and the memory, applies them (ApplyReviewDecisions) and writes
// the memory with `tmx`. The memory's reader warnings and decisions naming
// no unit (the first five listed) are warnings; the counts are reported
// (kInfo: "review: A accepted (E edited), R rejected (left out), U not
// reviewed (kept)[; wrote OUT]").
//
// With `realign`, each article pair holding links the reviewer made or
// accepted is aligned again between them (TranslationAligner::AlignAnchored
// on the articles the units name, read and segmented as `align split` does):
// those links stay as they are, the other units of the pair are replaced by
// the new alignment's (new ones marked x-review = "realigned"), and no unit
// the reviewer rejected or removed comes back. An article that cannot be
// read is an input fault.
struct ReviewApplyJob {
  std::string decisions_path;
  ReviewApplyOptions apply;
  bool realign = false;
  std::string input;   // the one memory
  std::string output;  // empty: standard_output
  TmxWriterOptions tmx;
  bool replace = false;
  std::ostream* standard_output = nullptr;
  RunReport report;
};
RunResult RunReviewApplyJob(const ReviewApplyJob& job);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_REVIEW_JOB_H_
