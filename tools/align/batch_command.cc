#include "batch_command.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "crossalign/collection.h"
#include "crossalign/output_file.h"
#include "crossalign/pipeline.h"
#include "crossalign/tmx_writer.h"
#include "slurm.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage = R"(Usage: align batch MANIFEST -o DIR [OPTIONS]

Aligns every item of MANIFEST and writes its TMX into DIR. An item is a pair
of articles or a story group (three or more articles, paired up as with
`align FILE... -o DIR`). MANIFEST is TSV or JSON lines:
  TSV    one item per line: optional id=NAME, then the files, tab-separated
  JSONL  {"id": "NAME", "files": ["a.txt", "b.txt", ...]} or
         {"id": "NAME", "src": "a.txt", "tgt": "b.txt"}
Lines starting with '#' are comments. Items without an id are named by their
line: item-000001, ...

Outputs: DIR/ID.tmx for a pair, DIR/ID.SRC-TGT.tmx per language pair for a
group. Finished items are recorded in DIR/.done/; a rerun skips them, so an
interrupted batch resumes where it stopped. The outputs do not depend on
--jobs or --shard.

Options:
  -o, --output DIR   the output folder (created if missing)
  --jobs N           items aligned at once, on N threads (default 1); the
                     language model is loaded once and shared
  --shard K/N        process only items K, K+N, K+2N, ... (0 <= K < N), for
                     Slurm job arrays, Kubernetes indexed Jobs or Spark pipe
  --shard auto       K and N of this Slurm array task (SLURM_ARRAY_TASK_ID
                     minus SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT)
  --slurm-script FILE  write an sbatch script that runs this batch as a job
                     array (--shard auto, --jobs = CPUs per task, memory per
                     task estimated from the manifest, requeue-safe) instead
                     of aligning; --array-tasks N sets the array size
                     (default: about 200 items a task), --jobs the CPUs per
                     task (default 4)
  --collect DIR      after the shards: merge DIR's outputs into one TMX per
                     language pair, DIR/collected/SRC-TGT.tmx (as align
                     merge does; --date applies), and report the items done,
                     failed and missing (MANIFEST defaults to the one the
                     batch ran on)
  --strict           stop at the first bad item (default: report, go on)
  --redo             redo items already done (their files are replaced)
  --mode, --min-score, --date, --lid-model, --dict, --encoding,
  --input-format, --max-file-size, --lexical-weight, --no-lexicon,
  --keep-boilerplate
                     as for align SRC TGT

Exit codes: 0 ok; 1 some items failed, each with a message; 2 usage error;
3 no usable input (or --strict and an item failed); 4 output not writable.
)";

struct Item {
  std::string id;
  std::vector<std::string> files;
  int line = 0;
};

// Minimal reader of one flat JSON object with string and string-array
// values, which is all a manifest line holds.
bool ParseJsonItem(const std::string& line, Item* item, std::string* error) {
  size_t i = 0;
  auto skip = [&] {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
      ++i;
  };
  auto string_value = [&](std::string* out) {
    skip();
    if (i >= line.size() || line[i] != '"') return false;
    ++i;
    out->clear();
    while (i < line.size() && line[i] != '"') {
      if (line[i] == '\\' && i + 1 < line.size()) {
        ++i;
        const char c = line[i];
        out->push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
      } else {
        out->push_back(line[i]);
      }
      ++i;
    }
    if (i >= line.size()) return false;
    ++i;
    return true;
  };
  skip();
  if (i >= line.size() || line[i] != '{')
    return (*error = "expected '{'", false);
  ++i;
  std::string src, tgt;
  while (true) {
    skip();
    if (i < line.size() && line[i] == '}') break;
    std::string key;
    if (!string_value(&key)) return (*error = "expected a key", false);
    skip();
    if (i >= line.size() || line[i] != ':')
      return (*error = "expected ':'", false);
    ++i;
    skip();
    if (i < line.size() && line[i] == '[') {
      ++i;
      while (true) {
        skip();
        if (i < line.size() && line[i] == ']') {
          ++i;
          break;
        }
        std::string v;
        if (!string_value(&v))
          return (*error = "expected a string in the list", false);
        if (key == "files") item->files.push_back(v);
        skip();
        if (i < line.size() && line[i] == ',') ++i;
      }
    } else {
      std::string v;
      if (!string_value(&v)) return (*error = "expected a string value", false);
      if (key == "id") item->id = v;
      if (key == "src") src = v;
      if (key == "tgt") tgt = v;
    }
    skip();
    if (i < line.size() && line[i] == ',') ++i;
  }
  if (!src.empty()) item->files.insert(item->files.begin(), src);
  if (!tgt.empty()) item->files.push_back(tgt);
  return true;
}

StatusOr<std::vector<Item>> ReadManifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot read the manifest");
  std::vector<Item> items;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Item item;
    item.line = line_no;
    if (line[0] == '{') {
      std::string error;
      if (!ParseJsonItem(line, &item, &error)) {
        return InvalidArgumentError(path + ", line " + std::to_string(line_no) +
                                    ": " + error);
      }
    } else {
      size_t pos = 0;
      while (pos <= line.size()) {
        size_t tab = line.find('\t', pos);
        if (tab == std::string::npos) tab = line.size();
        const std::string field = line.substr(pos, tab - pos);
        if (field.rfind("id=", 0) == 0) {
          item.id = field.substr(3);
        } else if (!field.empty()) {
          item.files.push_back(field);
        }
        pos = tab + 1;
      }
    }
    if (item.files.size() < 2) {
      return InvalidArgumentError(path + ", line " + std::to_string(line_no) +
                                  ": an item needs two or more files");
    }
    if (item.id.empty()) {
      char name[32];
      std::snprintf(name, sizeof name, "item-%06d", line_no);
      item.id = name;
    }
    if (item.id.find('/') != std::string::npos || item.id[0] == '.') {
      return InvalidArgumentError(path + ", line " + std::to_string(line_no) +
                                  ": id '" + item.id + "' cannot name a file");
    }
    items.push_back(std::move(item));
  }
  return items;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

bool MakeDir(const std::string& path) {
  return ::mkdir(path.c_str(), 0777) == 0 || errno == EEXIST;
}

}  // namespace

int RunBatchCommand(Args* args) {
  PipelineOptions options;
  TmxWriterOptions tmx;
  std::string output, value, error, shard, slurm_script, collect;
  std::vector<std::string> passed;  // pipeline options, for the script
  int jobs = 1, array_tasks = 0;
  bool jobs_given = false;
  bool strict = false, redo = false;
  std::vector<std::string> positional;
  while (!args->Done()) {
    if (args->Peek() == "-h" || args->Peek() == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    int exit_code = kExitOk;
    const size_t at = args->Position();
    if (args->Value("-o", "--output", &output, &error) ||
        args->Value("--shard", &shard, &error) ||
        args->Value("--slurm-script", &slurm_script, &error) ||
        args->Value("--collect", &collect, &error)) {
    } else if (args->Value("--array-tasks", &value, &error)) {
      double t = 0;
      if (error.empty() && !ParseDouble(value, 1, 100000, &t)) {
        error = "--array-tasks needs 1..100000";
      }
      array_tasks = static_cast<int>(t);
    } else if (ParsePipelineOption(args, &options, &tmx, &error, &exit_code)) {
      if (exit_code != kExitOk) return exit_code;
      const std::vector<std::string> used = args->Range(at, args->Position());
      if (used[0].rfind("--lid-model", 0) != 0 && used[0] != "--force") {
        passed.insert(passed.end(), used.begin(), used.end());
      }
    } else if (args->Value("--jobs", &value, &error)) {
      double j = 0;
      if (error.empty() && !ParseDouble(value, 1, 256, &j)) {
        error = "--jobs needs 1..256";
      }
      jobs = static_cast<int>(j);
      jobs_given = true;
    } else if (args->Peek() == "--strict") {
      args->Next();
      strict = true;
    } else if (args->Peek() == "--redo") {
      args->Next();
      redo = true;
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      positional.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError("batch: " + error + " (see align batch --help)");
      return kExitUsage;
    }
  }
  int shard_k = 0, shard_n = 1;
  if (shard == "auto") {
    if (!SlurmArrayShard(&shard_k, &shard_n, &error)) {
      PrintError("batch: " + error);
      return kExitUsage;
    }
  } else if (!shard.empty() &&
             (std::sscanf(shard.c_str(), "%d/%d", &shard_k, &shard_n) != 2 ||
              shard_n < 1 || shard_k < 0 || shard_k >= shard_n)) {
    PrintError("batch: --shard must be K/N with 0 <= K < N, not '" + shard +
               "'");
    return kExitUsage;
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
  auto items = ReadManifest(positional[0]);
  if (!items.ok()) {
    PrintError(items.status().ToString());
    return items.status().code() == StatusCode::kNotFound ? kExitNoInput
                                                          : kExitUsage;
  }
  if (!collect.empty()) {
    std::vector<std::string> ids;
    for (const Item& item : *items) ids.push_back(item.id);
    std::vector<std::string> merge_options;
    for (size_t k = 0; k < passed.size(); ++k) {
      if (passed[k].rfind("--date", 0) == 0) {
        merge_options.push_back(passed[k]);
        if (passed[k] == "--date" && k + 1 < passed.size())
          merge_options.push_back(passed[k + 1]);
      }
    }
    return CollectBatch(collect, ids, merge_options);
  }
  const std::string dir = output.back() == '/' ? output : output + "/";
  if (!slurm_script.empty()) {
    std::vector<std::vector<std::string>> files;
    for (const Item& item : *items) files.push_back(item.files);
    return WriteSlurmScript(slurm_script, positional[0], dir, options.lid_model,
                            passed, files, array_tasks, jobs_given ? jobs : 0,
                            options.languages_given);
  }
  if (!MakeDir(dir) || !MakeDir(dir + ".done")) {
    PrintError("cannot create output folder " + dir + ": " +
               std::strerror(errno));
    return kExitOutput;
  }
  // This shard's items that are not done yet.
  std::vector<const Item*> todo;
  size_t already = 0;
  for (size_t k = 0; k < items->size(); ++k) {
    if (static_cast<int>(k % static_cast<size_t>(shard_n)) != shard_k) continue;
    const Item& item = (*items)[k];
    if (!redo && Exists(dir + ".done/" + item.id)) {
      ++already;
      continue;
    }
    todo.push_back(&item);
  }
  // Recorded for `align batch --collect DIR`.
  if (!Exists(dir + ".manifest")) {
    char* real = ::realpath(positional[0].c_str(), nullptr);
    if (real != nullptr) {
      const Status recorded =
          WriteOutputFile(dir + ".manifest", std::string(real) + "\n");
      (void)recorded;  // --collect then asks for the MANIFEST
      std::free(real);
    }
  }
  if (already > 0) {
    std::cerr << "align batch: " << already
              << " item(s) already done; skipped\n";
  }
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().ToString());
    return kExitNoInput;
  }
  const TmxWriter writer(tmx);
  std::mutex mutex;  // guards the counters, progress and stderr
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  size_t done = 0, failed = 0;
  int worst = kExitOk;
  Progress progress("batch");
  auto fail = [&](const Item& item, const std::string& message, int code) {
    std::lock_guard<std::mutex> lock(mutex);
    PrintError("batch: item " + item.id + " (manifest line " +
               std::to_string(item.line) + "): " + message);
    ++failed;
    worst = std::max(worst, code);
    // For `align batch --collect`; removed when a rerun succeeds.
    MakeDir(dir + ".failed");
    const Status noted =
        WriteOutputFile(dir + ".failed/" + item.id, message + "\n");
    (void)noted;  // the message above is what matters
    if (strict) stop = true;
  };
  auto run_item = [&](const Item& item) {
    std::vector<std::shared_ptr<const Document>> docs;
    for (const std::string& f : item.files) {
      auto doc = (*pipeline)->Prepare(f);
      if (!doc.ok()) return fail(item, doc.status().ToString(), kExitNoInput);
      docs.push_back(*doc);
    }
    std::vector<std::pair<std::string, std::vector<AlignedPair>>> outputs;
    if (docs.size() == 2) {
      auto pair = (*pipeline)->Align(docs[0], docs[1]);
      if (!pair.ok()) return fail(item, pair.status().ToString(), kExitNoInput);
      outputs.push_back({dir + item.id + ".tmx", {*pair}});
    } else {
      auto run = AlignCollection(**pipeline, docs, {});
      if (!run.ok()) return fail(item, run.status().ToString(), kExitNoInput);
      for (auto& [langs, group] : GroupByLanguagePair(run->pairs)) {
        outputs.push_back({dir + item.id + "." + langs + ".tmx", group});
      }
    }
    for (const auto& [path, pairs] : outputs) {
      Status s = writer.WriteFile(path, pairs);
      if (!s.ok()) return fail(item, s.ToString(), kExitOutput);
    }
    // Recorded last: an item is done only when all its files are written.
    Status s = WriteOutputFile(dir + ".done/" + item.id,
                               std::to_string(outputs.size()) + " file(s)\n");
    if (!s.ok()) return fail(item, s.ToString(), kExitOutput);
    std::remove((dir + ".failed/" + item.id).c_str());
    std::lock_guard<std::mutex> lock(mutex);
    progress(++done + failed, todo.size());
  };
  std::vector<std::thread> threads;
  const int workers =
      std::max(1, std::min<int>(jobs, static_cast<int>(todo.size())));
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (size_t k = next++; k < todo.size() && !stop; k = next++)
        run_item(*todo[k]);
    });
  }
  for (std::thread& t : threads) t.join();
  std::cerr << "align batch: " << done << " item(s) aligned, " << failed
            << " failed, " << already << " skipped as done; outputs in " << dir
            << "\n";
  if (failed == 0) return kExitOk;
  if (strict) return worst == kExitOutput ? kExitOutput : kExitNoInput;
  return worst == kExitOutput ? kExitOutput : kExitSomeSkipped;
}

}  // namespace crossalign::cli
