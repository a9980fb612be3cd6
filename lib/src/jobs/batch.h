// Batches: a manifest of items (pairs of articles, or story groups of three
// or more), each aligned and written into one output folder; resumable
// (finished items are recorded and skipped on a rerun) and shardable (a
// process takes items K, K+N, ...), for `align batch`, Slurm job arrays,
// Kubernetes indexed Jobs or Spark pipe.
// A job of the `align` tool (crossalign_jobs, never installed).
//
//   auto items = crossalign::ReadBatchManifest("news.tsv");
//   crossalign::BatchOptions options;
//   options.jobs = 8;
//   auto plan = crossalign::PlanBatch(*items, "news.tsv", "out/", options);
//   auto pipeline = crossalign::Pipeline::Create({});
//   crossalign::BatchSummary summary =
//       crossalign::RunBatch(**pipeline, *plan, options);
//
// The output folder DIR holds, per item: DIR/ID.tmx for a pair,
// DIR/ID.SRC-TGT.tmx per language pair of a group (other extensions for
// other formats, see OutputFormatExtension; moses adds the languages); and
// DIR/.done/ID once all of an item's files are written (with the item's
// files, so that an edited manifest is noticed), DIR/.failed/ID with the
// message of a failed item, DIR/.manifest with the manifest's real path.
// The outputs do not depend on the number of jobs or the shard.
#ifndef CROSSALIGN_JOBS_BATCH_H_
#define CROSSALIGN_JOBS_BATCH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "crossalign/pipeline.h"
#include "crossalign/status.h"
#include "crossalign/writers.h"

namespace crossalign {

// One item of a manifest.
struct BatchItem {
  std::string id;  // names the output files
  std::vector<std::string> files;
  int line = 0;  // in the manifest, 1-based
};

// Reads a manifest, TSV or JSON lines (told apart per line):
//   TSV    one item per line: optional id=NAME, then the files,
//          tab-separated
//   JSONL  {"id": "NAME", "files": ["a.txt", "b.txt", ...]} or
//          {"id": "NAME", "src": "a.txt", "tgt": "b.txt"} (other members
//          are ignored)
// Empty lines and lines starting with '#' are skipped; a UTF-8 byte-order
// mark and CR line ends are fine. Items without an id are named by their
// line: item-000001, ... Errors: kNotFound (cannot read), kInvalidArgument
// "PATH, line N: ..." for a line that is not JSON, an item with fewer than
// two files, an id that cannot name a file (a '/', a leading '.') or that
// another item has too.
StatusOr<std::vector<BatchItem>> ReadBatchManifest(const std::string& path);

// Which items a process takes: those whose 0-based position in the manifest
// is `index` modulo `count`.
struct BatchShard {
  uint64_t index = 0;
  uint64_t count = 1;
};

// "K/N", whole numbers, 0 <= K < N <= 1000000.
StatusOr<BatchShard> ParseBatchShard(const std::string& text);

// The shard of this Slurm array task: K = SLURM_ARRAY_TASK_ID -
// SLURM_ARRAY_TASK_MIN (0 when unset), N = SLURM_ARRAY_TASK_COUNT.
// kInvalidArgument, saying what is missing or wrong, outside a contiguous
// job array.
StatusOr<BatchShard> SlurmArrayShard();

inline WriterOptions KeepExistingFiles() {
  WriterOptions options;
  options.replace = false;
  return options;
}

struct BatchOptions {
  OutputFormat format = OutputFormat::kTmx;  // not beads
  // min_score, the TMX creation time; writer.replace (off here) is --force:
  // an existing output file not written by an earlier run of the same item
  // is replaced.
  WriterOptions writer = KeepExistingFiles();
  int jobs = 1;  // items aligned at once (the pipeline is shared)
  BatchShard shard;
  bool strict = false;  // stop at the first item that fails
  bool redo = false;    // realign items already done, replacing their files
  // Messages, never called concurrently: kNote (stale temporary files
  // removed, items already done), kItemFailed ("batch: item ID (manifest
  // line N): PROBLEM"), kWarning (the same for a warning of an item's
  // documents: damaged but usable input).
  enum class Message { kNote, kItemFailed, kWarning };
  std::function<void(Message, const std::string&)> report;
  // Called after each item with (finished, total to do), never concurrently.
  std::function<void(size_t, size_t)> progress;
};

// What PlanBatch() found: the items of this shard still to do.
struct BatchPlan {
  std::string dir;  // the output folder, ending in '/'
  std::vector<BatchItem> todo;
  // Ids whose files an interrupted run of the same item left (replaced).
  std::set<std::string> resumed;
  size_t already_done = 0;
  // Items refused (reported): an output exists that is not from a finished
  // run of the item, or the item was done for other files.
  size_t refused = 0;
  // An item was refused: `todo` is empty, nothing is to be written.
  bool stopped = false;
};

// Creates `dir` and DIR/.done, removes temporary files that killed runs
// left there, records `manifest_path`, and decides which items of the shard
// are to do (see BatchPlan), reporting refused items; one refused item
// stops the run (nothing to do). Before any alignment, so that nothing is
// overwritten by surprise and a run writes all its items or none. Errors: the
// folder cannot be created (kPermissionDenied, kNotFound).
StatusOr<BatchPlan> PlanBatch(const std::vector<BatchItem>& items,
                              const std::string& manifest_path,
                              const std::string& dir,
                              const BatchOptions& options);

struct BatchSummary {
  size_t aligned = 0;
  size_t failed = 0;  // refused items included
  size_t warnings = 0;
  // A failure was an output that could not be written (or was refused).
  bool output_failed = false;
};

// Aligns and writes the plan's items on options.jobs threads: each item's
// files all or none (temporary files renamed into place), then its done
// record. A failed item is reported, recorded in DIR/.failed/ID and does not
// stop the others unless options.strict.
BatchSummary RunBatch(const Pipeline& pipeline, const BatchPlan& plan,
                      const BatchOptions& options);

// `align batch --collect DIR`: the TMX outputs of all shards merged into one
// TMX per language pair, DIR/collected/SRC-TGT.tmx (MergeTmx, in manifest
// order, so duplicates become one unit), and the items done, failed and
// missing.
struct BatchCollection {
  std::vector<std::string> done, failed, missing;  // item ids
  // Language pair -> the number of item files merged into it.
  std::map<std::string, size_t> merged;
  std::string collected_dir;  // DIR/collected/
  // A pair item's TMX could not be read, or a done item's files are not
  // all there.
  bool unreadable = false;
};

using BatchReport =
    std::function<void(BatchOptions::Message, const std::string&)>;

// Collects the outputs of `ids` (the manifest's item ids, in order) in
// `dir`, with `tmx` for the merged files. Reports failed items (with their
// message), unreadable files (skipped), the readers' and the merge's
// warnings, and each file written (kNote). Errors: `dir` missing
// (kNotFound), no readable file for a language pair (kInvalidArgument), an
// output that cannot be written.
StatusOr<BatchCollection> CollectBatch(const std::string& dir,
                                       const std::vector<std::string>& ids,
                                       const TmxWriterOptions& tmx,
                                       const BatchReport& report);

// What an sbatch script for a batch needs to know.
struct SlurmScriptRequest {
  std::string align_binary;  // absolute path of the align binary to run
  std::string manifest;      // absolute
  std::string output;        // absolute output folder
  std::string lid_model;     // absolute, or "" (languages given, none needed)
  std::string workdir;       // absolute: the tasks' working folder
  // Options passed through to every task (--date, --dict, ...), unquoted.
  std::vector<std::string> options;
  size_t items = 0;
  uint64_t total_bytes = 0;   // of the input files of all items
  uint64_t largest_item = 0;  // input bytes of the largest item
  int tasks = 0;              // array size; 0: about 200 items a task
  int cpus = 0;               // CPUs per task (= --jobs); 0: 4
};

// Fills request->items, total_bytes and largest_item from the items' files;
// returns the files that do not exist (a task will report them).
std::vector<std::string> MeasureBatchInputs(const std::vector<BatchItem>& items,
                                            SlurmScriptRequest* request);

// The script: an array of tasks, each running `align batch --shard auto
// --jobs CPUS` (resumable: finished items are skipped after a requeue),
// with the memory per task estimated from the inputs. A path or option
// that the script cannot hold safely is refused (kInvalidArgument): a
// control character anywhere (a newline would end a comment or an #SBATCH
// line and run the rest as a command), a space, '"' or '\\' in the output
// folder or the working folder (sbatch reads #SBATCH --output= and --chdir=
// itself), '%' in the output folder (a Slurm file name pattern).
StatusOr<std::string> RenderSlurmScript(const SlurmScriptRequest& request);

// The memory (MB) one task needs for `cpus` items at once, the largest
// `largest_item` input bytes each: the model and libraries plus, per item
// in flight, a multiple of its text measured on the benchmarks.
int EstimateTaskMemoryMb(uint64_t largest_item, int cpus, bool lid_model);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_BATCH_H_
