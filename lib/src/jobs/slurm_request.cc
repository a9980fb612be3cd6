#include "jobs/slurm_request.h"

#include <sys/stat.h>

#include <cerrno>

#include "crossalign/language_identifier.h"
#include "jobs/option_values.h"

namespace crossalign {

StatusOr<SlurmScriptRequest> MakeSlurmScriptRequest(
    const std::string& manifest, const std::string& output,
    const std::string& lid_model, bool languages_given,
    const std::vector<BatchItem>& items, std::vector<std::string>* missing) {
  SlurmScriptRequest r;
  r.align_binary = SelfPath();
  r.manifest = AbsolutePath(manifest);
  r.output = AbsolutePath(output);
  r.workdir = AbsolutePath("");
  while (r.output.size() > 1 && r.output.back() == '/') r.output.pop_back();
  if (!languages_given) {
    StatusOr<std::string> model = FindLidModel(lid_model);
    if (!model.ok()) return model.status();
    r.lid_model = AbsolutePath(*model);
  }
  *missing = MeasureBatchInputs(items, &r);
  return r;
}

bool MakeSlurmLogFolder(const std::string& output, std::string* logs) {
  *logs = output + "/.slurm";
  return (::mkdir(output.c_str(), 0777) == 0 || errno == EEXIST) &&
         (::mkdir(logs->c_str(), 0777) == 0 || errno == EEXIST);
}

}  // namespace crossalign
