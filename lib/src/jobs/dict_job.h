// `align dict import|pivot|show|convert`: the dictionary a verb makes, and
// the order its output file is written in. The checks of the command line
// and the messages stay in the tool.
// A job of the `align` tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_DICT_JOB_H_
#define CROSSALIGN_JOBS_DICT_JOB_H_

#include <string>
#include <vector>

#include "crossalign/dictionary.h"
#include "crossalign/status.h"

namespace crossalign {

struct DictJob {
  std::string verb;                // import, pivot, show or convert
  std::vector<std::string> files;  // pivot: FIRST SECOND; show, convert: one
  std::string freedict;            // import: the FreeDict .index file
  DictionaryFormat in_format = DictionaryFormat::kAuto;
  bool reverse = false;  // swap the two languages of the result
};

// Imports, composes (FIRST then SECOND) or loads the dictionary of `job`.
StatusOr<Dictionary> MakeDictionary(const DictJob& job);
// `format`, or when it is kAuto the order the name asks for: hunalign's for
// *.dic, crossalign's for anything else.
DictionaryFormat DictionaryOutputFormat(const std::string& path,
                                        DictionaryFormat format);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_DICT_JOB_H_
