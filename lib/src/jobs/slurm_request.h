// `align batch --slurm-script`: what the script is made from, gathered from
// the machine (this binary, the working folder, the model found, the sizes
// of the inputs), and the log folder Slurm needs before the tasks start.
// A part of the `align` tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_SLURM_REQUEST_H_
#define CROSSALIGN_JOBS_SLURM_REQUEST_H_

#include <string>
#include <vector>

#include "crossalign/status.h"
#include "jobs/batch.h"

namespace crossalign {

// A request for `manifest` and the output folder `output` (both made
// absolute, `output` without a trailing '/'), with the model `lid_model`
// finds (FindLidModel; none when `languages_given`) and the items measured
// (MeasureBatchInputs; the files that do not exist go to `missing`).
// Errors: the model's.
StatusOr<SlurmScriptRequest> MakeSlurmScriptRequest(
    const std::string& manifest, const std::string& output,
    const std::string& lid_model, bool languages_given,
    const std::vector<BatchItem>& items, std::vector<std::string>* missing);

// Creates the output folder and its log folder OUTPUT/.slurm (Slurm does
// not create it); its path. False, with errno set, when that failed.
bool MakeSlurmLogFolder(const std::string& output, std::string* logs);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_SLURM_REQUEST_H_
