// `align review`: the review page for people, and applying its decisions.
#ifndef CROSSALIGN_TOOLS_ALIGN_REVIEW_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_REVIEW_COMMAND_H_

#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "crossalign/alignment.h"
#include "crossalign/writers.h"

namespace crossalign::cli {

// Runs `align review` on the arguments after "review"; returns the exit
// code.
int RunReviewCommand(Args* args);

// For `align ... --review PAGE.html`: writes the review page for the units
// that the TMX of each (name, pairs) would hold (writer.min_score applies),
// with the aligner's report file `report_path` (JSON lines, already
// written) when it is not empty. Returns kExitOk, or prints the error and
// returns kExitOutput (kExitNoInput for an unreadable report).
int WriteReviewPageForPairs(
    const std::string& page_path,
    const std::vector<std::pair<std::string, std::vector<AlignedPair>>>&
        memories,
    const WriterOptions& writer, const std::string& report_path = "");

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_REVIEW_COMMAND_H_
