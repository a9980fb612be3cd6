// `align batch` on a Slurm cluster: the shard of a job-array task
// (--shard auto), a ready sbatch script (--slurm-script FILE) and the
// collection of the shards' outputs into one TMX per language pair
// (--collect DIR).
#ifndef CROSSALIGN_TOOLS_ALIGN_SLURM_H_
#define CROSSALIGN_TOOLS_ALIGN_SLURM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cli.h"

namespace crossalign::cli {

// The shard of this Slurm array task: K = SLURM_ARRAY_TASK_ID -
// SLURM_ARRAY_TASK_MIN (0 when unset), N = SLURM_ARRAY_TASK_COUNT. False,
// with *error saying what is missing or wrong, outside a job array.
bool SlurmArrayShard(int* k, int* n, std::string* error);

// What an sbatch script for `align batch` needs to know.
struct SlurmScriptRequest {
  std::string align_binary;  // absolute path of the align binary to run
  std::string manifest;      // absolute
  std::string output;        // absolute output folder
  std::string lid_model;     // absolute, or "" (languages given, none needed)
  // Options passed through to every task (--date, --dict, ...), unquoted.
  std::vector<std::string> options;
  size_t items = 0;
  uint64_t total_bytes = 0;   // of the input files of all items
  uint64_t largest_item = 0;  // input bytes of the largest item
  int tasks = 0;              // array size; 0: chosen from the items
  int cpus = 0;               // CPUs per task (= --jobs); 0: 4
};

// The script: an array of `tasks` tasks, each running `align batch
// --shard auto --jobs CPUS` (resumable: finished items are skipped after a
// requeue), with memory per task estimated from the manifest.
std::string RenderSlurmScript(const SlurmScriptRequest& request);

// The memory (MB) one task needs for `cpus` items at once, the largest
// `largest_item` input bytes each: the model and libraries plus, per item
// in flight, a multiple of its text measured on the benchmarks.
int EstimateTaskMemoryMb(uint64_t largest_item, int cpus, bool lid_model);

// `align batch MANIFEST -o DIR --slurm-script FILE`: writes the script for
// the items (each a list of files) to FILE. `lid_model` is the --lid-model
// given ("" for the usual search); the model found is written into the
// script as an absolute path, unless `languages_given` (no model needed).
// Returns an exit code.
int WriteSlurmScript(const std::string& script, const std::string& manifest,
                     const std::string& output_dir,
                     const std::string& lid_model,
                     const std::vector<std::string>& options,
                     const std::vector<std::vector<std::string>>& items,
                     int tasks, int cpus, bool languages_given = false);

// `align batch --collect DIR`: merges DIR's per-item TMX files into
// DIR/collected/SRC-TGT.tmx, one per language pair, in manifest order
// (through `align merge`, so duplicates become one unit), and reports the
// items done, failed and missing. `ids` are the manifest's item ids in
// order; `merge_options` are passed to the merge (e.g. --date). Returns
// kExitOk when every item is done, kExitSomeSkipped when some are not.
int CollectBatch(const std::string& dir, const std::vector<std::string>& ids,
                 const std::vector<std::string>& merge_options);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_SLURM_H_
