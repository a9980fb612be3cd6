// `align batch MANIFEST -o DIR`: a news archive, on one machine or as a
// Slurm job array.

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli.h"
#include "jobs/batch.h"
#include "jobs/option_values.h"
#include "jobs/slurm_request.h"

namespace crossalign::cli {
namespace {

void PrintBatchMessage(BatchOptions::Message kind, const std::string& text) {
  if (kind == BatchOptions::Message::kWarning) return Warn(text);
  PrintError(kind == BatchOptions::Message::kNote
                 ? Format(Tr("batch: {1}"), text)
                 : text);
}

// The command line of `align batch`.
struct BatchCommandLine {
  PipelineCommandLine pipeline;
  std::string output, shard, slurm_script, collect, format_name;
  int jobs = 1, array_tasks = 0;
  bool strict = false, redo = false, quiet = false;
  OutputFormat format = OutputFormat::kTmx;
  std::vector<std::string> positional;
};

// `--slurm-script FILE`: writes the sbatch script. The model found is
// written into it as an absolute path, unless the languages are given.
int WriteSlurmScript(const BatchCommandLine& c, Command* command,
                     const std::vector<BatchItem>& items) {
  std::vector<std::string> missing;
  StatusOr<SlurmScriptRequest> request = MakeSlurmScriptRequest(
      c.positional[0], c.output, c.pipeline.options.lid_model,
      c.pipeline.options.languages_given, items, &missing);
  if (!request.ok()) {
    PrintError(request.status().message());
    return kExitNoInput;
  }
  SlurmScriptRequest& r = *request;
  // The pipeline options and --format are passed on to the tasks as given
  // (but the model: its absolute path is in the script).
  for (const CLI::Option* option : command->app().get_options()) {
    if (option->get_lnames().empty() || option->count() == 0) continue;
    const std::string name = "--" + option->get_lnames().front();
    if (name == "--lid-model" || name == "--force" ||
        (option->get_group() == "Options" && name != "--format")) {
      continue;
    }
    if (option->get_type_size() == 0) r.options.push_back(name);
    for (const std::string& value :
         option->get_type_size() == 0 ? CLI::results_t{} : option->results()) {
      r.options.insert(r.options.end(), {name, value});
    }
  }
  for (const std::string& f : missing) {
    // The task will report it as a failed item; not a reason to stop.
    Warn(Format(Tr("batch: {1}: no such file"), f));
  }
  r.tasks = c.array_tasks;
  r.cpus = command->app().get_option("--jobs")->count() ? c.jobs : 0;
  if (r.items == 0) {
    PrintError(Tr("batch --slurm-script: the manifest has no items"));
    return kExitNoInput;
  }
  StatusOr<std::string> text = RenderSlurmScript(r);
  if (!text.ok()) {
    PrintError(text.status().message());
    return kExitUsage;
  }
  std::string logs;
  if (!MakeSlurmLogFolder(r.output, &logs)) {
    PrintError(Format(Tr("cannot create {1}: {2}"), logs, strerror(errno)));
    return kExitOutput;
  }
  const int rc = WriteOutput(c.slurm_script, *text);
  if (rc == kExitOk) {
    PrintError(Format(Tr("batch: wrote {1}; submit it with sbatch {1}, then "
                         "run: align batch --collect {2}"),
                      c.slurm_script, r.output));
  }
  return rc;
}

// `align batch --collect DIR`.
int Collect(const std::string& dir, const std::vector<BatchItem>& items,
            const TmxWriterOptions& tmx) {
  std::vector<std::string> ids;
  for (const BatchItem& item : items) ids.push_back(item.id);
  auto collected = CollectBatch(dir, ids, tmx, PrintBatchMessage);
  if (!collected.ok()) {
    PrintError(collected.status().message());
    const StatusCode code = collected.status().code();
    return code == StatusCode::kPermissionDenied ||
                   code == StatusCode::kResourceExhausted
               ? kExitOutput
               : kExitNoInput;
  }
  const auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t k = 0; k < v.size() && k < 10; ++k) s += (k ? " " : "") + v[k];
    return v.size() > 10 ? s + " ..." : s;
  };
  const BatchCollection& c = *collected;
  std::cout << Format(Tr("items: {1,num}; done {2,num}, failed {3,num}, "
                         "missing {4,num}; {5,num} language pair(s) in {6}\n"),
                      ids.size(), c.done.size(), c.failed.size(),
                      c.missing.size(), c.merged.size(), c.collected_dir);
  if (!c.failed.empty())
    std::cout << Format(Tr("failed: {1}\n"), list(c.failed));
  if (!c.missing.empty()) {
    std::cout << Format(Tr("missing: {1}\n"), list(c.missing));
  }
  const bool incomplete = !c.failed.empty() || !c.missing.empty();
  return incomplete || c.unreadable ? kExitSomeSkipped : kExitOk;
}

// Plans and runs the batch, prints the summary; returns the exit code.
int AlignBatch(const BatchCommandLine& c, const std::vector<BatchItem>& items,
               BatchOptions batch) {
  auto plan = PlanBatch(items, c.positional[0], c.output, batch);
  if (!plan.ok()) {
    PrintError(plan.status().message());
    return kExitOutput;
  }
  if (plan->stopped) return kExitOutput;
  auto pipeline = Pipeline::Create(c.pipeline.options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().message());
    return kExitNoInput;
  }
  Progress progress("batch");
  if (!c.quiet) batch.progress = std::ref(progress);
  const BatchSummary summary = RunBatch(**pipeline, *plan, batch);
  if (!c.quiet || summary.failed > 0) {
    PrintError(Format(Tr("batch: {1,num} item(s) aligned, {2,num} failed, "
                         "{3,num} skipped as done; outputs in {4}"),
                      summary.aligned, summary.failed, plan->already_done,
                      plan->dir));
  }
  if (summary.failed == 0) {
    return summary.warnings > 0 ? kExitSomeSkipped : kExitOk;
  }
  if (summary.output_failed) return kExitOutput;
  return batch.strict ? kExitNoInput : kExitSomeSkipped;
}

void AddBatchOptions(Command* command, BatchCommandLine* c) {
  Command& o = *command;
  o.Name("-o,--output", &c->output, "DIR",
         Tr("the output folder (created if missing)"));
  o.Custom("--format", "FORMAT",
           Tr("tmx (default), tsv, moses, jsonl or xliff, as for\nalign "
              "FILE... -o DIR (--collect merges tmx only)"),
           [c](const std::string& value) {
             auto format = ParseOutputFormat(value);
             if (!format.ok() || *format == OutputFormat::kBeads) {
               throw BadValue(Format(Tr("--format must be tmx, tsv, moses, "
                                        "jsonl or xliff, not '{1}'"),
                                     value));
             }
             c->format = *format;
           });
  o.Count("--jobs", &c->jobs, 1, 256, "N",
          Tr("items aligned at once, on N threads (default 1); the\nlanguage "
             "model is loaded once and shared"),
          Tr("--jobs needs a whole number from 1 to 256, not '{1}'"));
  o.Value("--shard", &c->shard, "K/N",
          Tr("process only items K, K+N, K+2N, ... (0 <= K < N), for\nSlurm "
             "job arrays, Kubernetes indexed Jobs or Spark pipe;\n--shard "
             "auto: K and N of this Slurm array task\n(SLURM_ARRAY_TASK_ID "
             "minus SLURM_ARRAY_TASK_MIN,\nSLURM_ARRAY_TASK_COUNT)"));
  o.Value("--slurm-script", &c->slurm_script, "FILE",
          Tr("write an sbatch script that runs this batch as a job\narray "
             "(--shard auto, --jobs = CPUs per task, memory per\ntask "
             "estimated from the manifest, requeue-safe) instead\nof "
             "aligning; --array-tasks N sets the array size\n(default: about "
             "200 items a task), --jobs the CPUs per\ntask (default 4)"));
  o.Value("--collect", &c->collect, "DIR",
          Tr("after the shards: merge DIR's outputs into one TMX per\nlanguage "
             "pair, DIR/collected/SRC-TGT.tmx (as align\nmerge does; --date "
             "applies), and report the items done,\nfailed and missing "
             "(MANIFEST defaults to the one the\nbatch ran on)"));
  o.Flag("--strict", &c->strict,
         Tr("stop at the first bad item (default: report, go on)"));
  o.Flag("--redo", &c->redo,
         Tr("redo items already done (their files are replaced)"));
  o.Count("--array-tasks", &c->array_tasks, 1, 100000, "N",
          Tr("with --slurm-script, the size of the job array\n(1..100000; "
             "default: about 200 items a task)"),
          Tr("--array-tasks needs a whole number from 1 to 100000, not '{1}'"));
  o.Flag("-q,--quiet", &c->quiet,
         Tr("no progress, notes or summary on success; errors and\nwarnings "
            "are still printed"));
  AddPipelineOptions(command, &c->pipeline, {"--force"});
  o.Operands(&c->positional);
}

}  // namespace

int RunBatchCommand(int argc, char** argv) {
  BatchCommandLine c;
  Command command("align batch",
                  Tr(R"(Usage: align batch MANIFEST -o DIR [OPTIONS]

Aligns every item of MANIFEST and writes its TMX into DIR. An item is a pair
of articles or a story group (three or more articles, paired up as with
`align FILE... -o DIR`). MANIFEST is TSV or JSON lines:
  TSV    one item per line: optional id=NAME, then the files, tab-separated
  JSONL  {"id": "NAME", "files": ["a.txt", "b.txt", ...]} or
         {"id": "NAME", "src": "a.txt", "tgt": "b.txt"}
Lines starting with '#' are comments. Items without an id are named by their
line: item-000001, ...

Outputs: DIR/ID.tmx for a pair, DIR/ID.SRC-TGT.tmx per language pair for a
group (other extensions with --format). Finished items are recorded in
DIR/.done/; a rerun skips them, so an interrupted batch resumes where it
stopped. The outputs do not depend on --jobs or --shard.

Options:
)"),
                  Tr(R"(
The options of align SRC TGT that shape an alignment (--mode, --min-score,
--date, --lid-model, --dict, --encoding, --input-format, --max-file-size,
--lexical-weight, --no-lexicon, --keep-boilerplate, ...) apply as there.
Exit codes: as align --help lists them; 1 also when some items failed, 3
when --strict stopped at a failed item.
)"));
  AddBatchOptions(&command, &c);
  const int parsed = command.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  if (const int rc = LoadDictionary(&c.pipeline); rc != kExitOk) return rc;
  BatchOptions batch;
  batch.writer = c.pipeline.writer;
  batch.writer.replace = Overwrite();
  batch.format = c.format;
  batch.jobs = c.jobs;
  batch.strict = c.strict;
  batch.redo = c.redo;
  batch.report = [quiet = c.quiet](BatchOptions::Message kind,
                                   const std::string& text) {
    if (!quiet || kind != BatchOptions::Message::kNote) {
      PrintBatchMessage(kind, text);
    }
  };
  if (!c.shard.empty()) {
    auto shard =
        c.shard == "auto" ? SlurmArrayShard() : ParseBatchShard(c.shard);
    if (!shard.ok()) return UsageError(shard.status().message());
    batch.shard = *shard;
  }
  if (!c.collect.empty() && c.positional.empty()) {
    // The manifest the batch ran on, as recorded there.
    const std::string recorded = RecordedBatchManifest(c.collect);
    if (recorded.empty()) {
      return UsageError(Format(
          Tr("batch --collect: {1}/.manifest is missing; give the MANIFEST "
             "too"),
          c.collect));
    }
    c.positional.push_back(recorded);
  }
  if (c.positional.size() != 1 || (c.output.empty() && c.collect.empty())) {
    return UsageError(Tr("batch needs one MANIFEST and -o DIR"));
  }
  auto items = ReadBatchManifest(c.positional[0]);
  if (!items.ok()) {
    PrintError(items.status().message());
    return items.status().code() == StatusCode::kNotFound ? kExitNoInput
                                                          : kExitUsage;
  }
  if (!c.collect.empty()) return Collect(c.collect, *items, batch.writer.tmx);
  if (!c.slurm_script.empty()) return WriteSlurmScript(c, &command, *items);
  return AlignBatch(c, *items, batch);
}

}  // namespace crossalign::cli
