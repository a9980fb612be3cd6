// `align FILE|DIR|@LIST... -o DIR`: many articles at once.
#ifndef CROSSALIGN_TOOLS_ALIGN_COLLECTION_COMMAND_H_
#define CROSSALIGN_TOOLS_ALIGN_COLLECTION_COMMAND_H_

#include <string>
#include <vector>

#include "cli.h"
#include "crossalign/pipeline.h"
#include "crossalign/writers.h"

namespace crossalign::cli {

struct CollectionRequest {
  std::vector<std::string> inputs;  // files, folders, @LIST files
  std::string output_dir;
  std::string clusters_path;  // --clusters FILE.jsonl, optional
  std::string report_path;    // --report FILE.jsonl, optional
  std::string pairs_path;     // --pairs FILE: src<TAB>tgt lines, optional
  std::string review_path;    // --review PAGE.html, optional
  std::string stories_path;   // --stories MANIFEST: write it, do not align
  int jobs = 1;
  bool verbose = false;
  bool quiet = false;   // no progress or "wrote" lines (--quiet)
  bool strict = false;  // the first bad input is fatal
  OutputFormat format = OutputFormat::kTmx;  // not beads
};

// True when the command line asks for collection mode: other than two
// inputs, a folder or @LIST among them, or an output that is a folder.
bool IsCollectionRequest(const std::vector<std::string>& inputs,
                         const std::string& output);

int RunCollection(const PipelineOptions& pipeline_options,
                  const WriterOptions& writer,
                  const CollectionRequest& request);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_COLLECTION_COMMAND_H_
