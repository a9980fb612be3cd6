#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "jobs/batch.h"

namespace crossalign::cli {
namespace {

void PrintBatchMessage(BatchOptions::Message kind, const std::string& text) {
  if (kind == BatchOptions::Message::kNote) {
    std::cerr << "align batch: " << text << "\n";
  } else {
    PrintError(kind == BatchOptions::Message::kWarning ? "warning: " + text
                                                       : text);
  }
}

std::string Absolute(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[PATH_MAX];
  if (::getcwd(cwd, sizeof cwd) == nullptr) return path;
  return std::string(cwd) + (path.empty() ? "" : "/" + path);
}

// `align batch MANIFEST -o DIR --slurm-script FILE`: writes the sbatch
// script. The model found is written into it as an absolute path, unless
// the languages are given (no model needed).
int WriteSlurmScript(const std::string& script, const std::string& manifest,
                     const std::string& output_dir,
                     const PipelineOptions& pipeline,
                     const std::vector<std::string>& options,
                     const std::vector<BatchItem>& items, int tasks, int cpus) {
  SlurmScriptRequest r;
  char self[PATH_MAX];
  const ssize_t len = ::readlink("/proc/self/exe", self, sizeof self - 1);
  r.align_binary = len > 0 ? std::string(self, static_cast<size_t>(len))
                           : std::string("align");
  r.manifest = Absolute(manifest);
  r.output = Absolute(output_dir);
  r.workdir = Absolute("");
  while (r.output.size() > 1 && r.output.back() == '/') r.output.pop_back();
  if (!pipeline.languages_given) {
    StatusOr<std::string> model = FindLidModel(pipeline.lid_model);
    if (!model.ok()) {
      PrintError(model.status().message());
      return kExitNoInput;
    }
    r.lid_model = Absolute(*model);
  }
  r.options = options;
  for (const std::string& f : MeasureBatchInputs(items, &r)) {
    // The task will report it as a failed item; not a reason to stop.
    std::cerr << "align batch: warning: " << f << ": no such file\n";
  }
  r.tasks = tasks;
  r.cpus = cpus;
  if (r.items == 0) {
    PrintError("batch --slurm-script: the manifest has no items");
    return kExitNoInput;
  }
  StatusOr<std::string> text = RenderSlurmScript(r);
  if (!text.ok()) {
    PrintError(text.status().message());
    return kExitUsage;
  }
  // Slurm does not create the log folder.
  const std::string logs = r.output + "/.slurm";
  if ((::mkdir(r.output.c_str(), 0777) != 0 && errno != EEXIST) ||
      (::mkdir(logs.c_str(), 0777) != 0 && errno != EEXIST)) {
    PrintError("cannot create " + logs + ": " + std::strerror(errno));
    return kExitOutput;
  }
  const int rc = WriteOutput(script, *text);
  if (rc == kExitOk) {
    std::cerr << "align batch: wrote " << script << "; submit it with sbatch "
              << script << ", then run: align batch --collect " << r.output
              << "\n";
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
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t k = 0; k < v.size() && k < 10; ++k) s += (k ? " " : "") + v[k];
    if (v.size() > 10) s += " ...";
    return s;
  };
  const BatchCollection& c = *collected;
  std::cout << "items: " << ids.size() << "; done " << c.done.size()
            << ", failed " << c.failed.size() << ", missing "
            << c.missing.size() << "; " << c.merged.size()
            << " language pair(s) in " << c.collected_dir << "\n";
  if (!c.failed.empty()) std::cout << "failed: " << list(c.failed) << "\n";
  if (!c.missing.empty()) std::cout << "missing: " << list(c.missing) << "\n";
  const bool incomplete = !c.failed.empty() || !c.missing.empty();
  return incomplete || c.unreadable ? kExitSomeSkipped : kExitOk;
}

// Plans and runs the batch, prints the summary; returns the exit code.
int AlignBatch(const std::vector<BatchItem>& items, const std::string& manifest,
               const std::string& output, const PipelineOptions& options,
               BatchOptions batch, bool quiet) {
  auto plan = PlanBatch(items, manifest, output, batch);
  if (!plan.ok()) {
    PrintError(plan.status().message());
    return kExitOutput;
  }
  if (plan->stopped) return kExitOutput;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().message());
    return kExitNoInput;
  }
  Progress progress("batch");
  if (!quiet) {
    batch.progress = [&progress](size_t done, size_t total) {
      progress(done, total);
    };
  }
  const BatchSummary summary = RunBatch(**pipeline, *plan, batch);
  if (!quiet || summary.failed > 0) {
    std::cerr << "align batch: " << summary.aligned << " item(s) aligned, "
              << summary.failed << " failed, " << plan->already_done
              << " skipped as done; outputs in " << plan->dir << "\n";
  }
  if (summary.failed == 0) {
    return summary.warnings > 0 ? kExitSomeSkipped : kExitOk;
  }
  if (summary.output_failed) return kExitOutput;
  return batch.strict ? kExitNoInput : kExitSomeSkipped;
}

// The command line of `align batch`.
struct BatchCommandLine {
  PipelineOptions options;
  WriterOptions writer;
  std::string output, shard, slurm_script, collect;
  std::vector<std::string> passed;  // pipeline options, for the script
  int jobs = 1, array_tasks = 0;
  bool jobs_given = false, strict = false, redo = false, quiet = false;
  OutputFormat format = OutputFormat::kTmx;
  std::vector<std::string> positional;
};

Command BatchCommand(BatchCommandLine* c, Args* args) {
  Command command;
  command.header = R"(Usage: align batch MANIFEST -o DIR [OPTIONS]

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
)";
  command.column = 21;
  command.options = {
      {"-o, --output", "DIR", "the output folder (created if missing)",
       StoreName(&c->output)},
      {"--format", "FORMAT",
       "tmx (default), tsv, moses, jsonl or xliff, as for\n"
       "align FILE... -o DIR (--collect merges tmx only)",
       [c](const std::string& value, std::string* error) -> int {
         c->passed.insert(c->passed.end(), {"--format", value});
         auto format = ParseOutputFormat(value);
         if (format.ok()) c->format = *format;
         if (format.ok() && *format != OutputFormat::kBeads) return kExitOk;
         *error = "--format must be tmx, tsv, moses, jsonl or xliff, not '" +
                  value + "'";
         return kExitUsage;
       }},
      {"--jobs", "N",
       "items aligned at once, on N threads (default 1); the\n"
       "language model is loaded once and shared",
       [c](const std::string& value, std::string* error) -> int {
         c->jobs_given = true;
         return Count(&c->jobs, 1, 256,
                      "--jobs needs a whole number from 1 to 256, not "
                      "'{}'")(value, error);
       }},
      {"--shard", "K/N",
       "process only items K, K+N, K+2N, ... (0 <= K < N), for\n"
       "Slurm job arrays, Kubernetes indexed Jobs or Spark pipe",
       Store(&c->shard)},
      HelpText("  --shard auto       K and N of this Slurm array task "
               "(SLURM_ARRAY_TASK_ID\n"
               "                     minus SLURM_ARRAY_TASK_MIN, "
               "SLURM_ARRAY_TASK_COUNT)"),
      {"--slurm-script", "FILE",
       "write an sbatch script that runs this batch as a job\n"
       "array (--shard auto, --jobs = CPUs per task, memory per\n"
       "task estimated from the manifest, requeue-safe) instead\n"
       "of aligning; --array-tasks N sets the array size\n"
       "(default: about 200 items a task), --jobs the CPUs per\n"
       "task (default 4)",
       Store(&c->slurm_script)},
      {"--collect", "DIR",
       "after the shards: merge DIR's outputs into one TMX per\n"
       "language pair, DIR/collected/SRC-TGT.tmx (as align\n"
       "merge does; --date applies), and report the items done,\n"
       "failed and missing (MANIFEST defaults to the one the\n"
       "batch ran on)",
       Store(&c->collect)},
      {"--strict", "", "stop at the first bad item (default: report, go on)",
       Set(&c->strict)},
      {"--redo", "", "redo items already done (their files are replaced)",
       Set(&c->redo)},
      HelpText(
          "  --mode, --min-score, --date, --lid-model, --dict, --encoding,\n"
          "  --input-format, --max-file-size, --lexical-weight, "
          "--no-lexicon,\n"
          "  --keep-boilerplate\n"
          "                     as for align SRC TGT"),
      {"--array-tasks", "N",
       "with --slurm-script, the size of the job array\n"
       "(1..100000; default: about 200 items a task)",
       Count(&c->array_tasks, 1, 100000,
             "--array-tasks needs a whole number from 1 to 100000, not "
             "'{}'")},
      {"-q, --quiet", "",
       "no progress, notes or summary on success; errors and\n"
       "warnings are still printed",
       Set(&c->quiet)},
  };
  // The pipeline options are passed on to the tasks of --slurm-script, as
  // given (but the model: its absolute path is written into the script).
  Options pipeline = PipelineOptionTable(&c->options, &c->writer);
  for (Option& option : pipeline) {
    if (option.names == "--lid-model" || option.names == "--force") continue;
    option.set = [c, args, set = option.set](const std::string& value,
                                             std::string* error) {
      const std::vector<std::string> used = args->Taken();
      c->passed.insert(c->passed.end(), used.begin(), used.end());
      return set(value, error);
    };
  }
  AppendUnlisted(&command.options, std::move(pipeline));
  command.footer = R"(
Exit codes: 0 ok; 1 some items failed, or had damaged input (a warning),
each with a message; 2 usage error; 3 no usable input (or --strict and an
item failed); 4 output not writable; 5 internal error.
)";
  command.error_prefix = "batch: ";
  command.error_suffix = " (see align batch --help)";
  command.operand = Append(&c->positional);
  return command;
}

}  // namespace

int RunBatchCommand(Args* args) {
  BatchCommandLine c;
  int exit_code = kExitOk;
  if (!ParseCommandLine(BatchCommand(&c, args), args, &exit_code)) {
    return exit_code;
  }
  const PipelineOptions& options = c.options;
  const WriterOptions& writer_options = c.writer;
  const std::string &output = c.output, &shard = c.shard,
                    &slurm_script = c.slurm_script, &collect = c.collect;
  std::vector<std::string>& positional = c.positional;
  BatchOptions batch;
  batch.writer = writer_options;
  batch.writer.replace = Overwrite();
  batch.format = c.format;
  batch.jobs = c.jobs;
  batch.strict = c.strict;
  batch.redo = c.redo;
  batch.report = PrintBatchMessage;
  if (c.quiet) {
    batch.report = [](BatchOptions::Message kind, const std::string& text) {
      if (kind != BatchOptions::Message::kNote) PrintBatchMessage(kind, text);
    };
  }
  if (!shard.empty()) {
    auto parsed = shard == "auto" ? SlurmArrayShard() : ParseBatchShard(shard);
    if (!parsed.ok()) {
      PrintError("batch: " + parsed.status().message());
      return kExitUsage;
    }
    batch.shard = *parsed;
  }
  if (!collect.empty() && positional.empty()) {
    // The manifest the batch ran on, as recorded there.
    std::ifstream in((collect.back() == '/' ? collect : collect + "/") +
                     ".manifest");
    std::string recorded;
    if (!std::getline(in, recorded) || recorded.empty()) {
      PrintError("batch --collect: " + collect +
                 "/.manifest is missing; give the MANIFEST too");
      return kExitUsage;
    }
    positional.push_back(recorded);
  }
  if (positional.size() != 1 || (output.empty() && collect.empty())) {
    PrintError("batch needs one MANIFEST and -o DIR (see align batch --help)");
    return kExitUsage;
  }
  auto items = ReadBatchManifest(positional[0]);
  if (!items.ok()) {
    PrintError(items.status().message());
    return items.status().code() == StatusCode::kNotFound ? kExitNoInput
                                                          : kExitUsage;
  }
  if (!collect.empty()) return Collect(collect, *items, writer_options.tmx);
  if (!slurm_script.empty()) {
    return WriteSlurmScript(slurm_script, positional[0], output, options,
                            c.passed, *items, c.array_tasks,
                            c.jobs_given ? c.jobs : 0);
  }
  return AlignBatch(*items, positional[0], output, options, batch, c.quiet);
}

}  // namespace crossalign::cli
