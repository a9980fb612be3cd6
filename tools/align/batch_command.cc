#include "batch_command.h"

#include <dirent.h>
#include <signal.h>
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
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "crossalign/collection.h"
#include "crossalign/output_file.h"
#include "crossalign/pipeline.h"
#include "crossalign/writers.h"
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

// One manifest line of JSON: an object with "id" (a string), and "files" (a
// list of strings) or "src" and "tgt" (strings); other members are ignored.
bool ParseJsonItem(const std::string& line, Item* item, std::string* error) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    const std::string what = e.what();  // "[json.exception...] parse error..."
    *error = "bad JSON: " + what.substr(what.find(']') + 2);
    return false;
  }
  if (!value.is_object()) return (*error = "expected a JSON object", false);
  std::string src, tgt;
  for (const auto& [key, member] : value.items()) {
    std::string* text = key == "id"    ? &item->id
                        : key == "src" ? &src
                        : key == "tgt" ? &tgt
                                       : nullptr;
    if (text != nullptr) {
      if (!member.is_string())
        return (*error = key + " must be a string", false);
      *text = member.get<std::string>();
    } else if (key == "files") {
      if (!member.is_array()) {
        return (*error = "files must be a list of strings", false);
      }
      for (const nlohmann::json& file : member) {
        if (!file.is_string()) {
          return (*error = "files must be a list of strings", false);
        }
        item->files.push_back(file.get<std::string>());
      }
    }
  }
  if (!src.empty()) item->files.insert(item->files.begin(), src);
  if (!tgt.empty()) item->files.push_back(tgt);
  // \u0000 decodes to a NUL byte, which no file name or id can hold.
  for (const std::string& text : item->files) {
    if (text.find('\0') != std::string::npos) {
      return (*error = "a file name holds \\u0000", false);
    }
  }
  if (item->id.find('\0') != std::string::npos) {
    return (*error = "the id holds \\u0000", false);
  }
  return true;
}

StatusOr<std::vector<Item>> ReadManifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot read the manifest");
  std::vector<Item> items;
  std::string line;
  int line_no = 0;
  std::map<std::string, int> line_of_id;
  while (std::getline(in, line)) {
    ++line_no;
    // A UTF-8 byte-order mark (Windows editors write one) is not data.
    if (line_no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      line.erase(0, 3);
    }
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
  // Two items with one id would write one file (one memory lost). Automatic
  // ids count too: an explicit "item-000003" meets line 3's.
  for (const Item& item : items) {
    const auto [it, inserted] = line_of_id.emplace(item.id, item.line);
    if (!inserted) {
      return InvalidArgumentError(
          path + ", line " + std::to_string(item.line) + ": id '" + item.id +
          "' is also the id of line " + std::to_string(it->second) +
          "; ids name the output files and must be unique");
    }
  }
  return items;
}

bool MakeDir(const std::string& path) {
  return ::mkdir(path.c_str(), 0777) == 0 || errno == EEXIST;
}

// What an item's done record holds: its files, so that a manifest edited
// between runs (a line inserted above id-less items shifts their automatic
// ids) is noticed instead of taking another pair's memory for done.
std::string DoneRecord(const Item& item, size_t outputs) {
  std::string record = std::to_string(outputs) + " file(s)\nfiles:";
  for (const std::string& f : item.files) record += "\t" + f;
  return record + "\n";
}

enum class DoneState { kNotDone, kDone, kDoneForOtherFiles };

// Written before an item's outputs, removed after its done record. Ids never
// start with '.', so the name meets no id.
std::string PendingRecord(const std::string& dir, const std::string& id) {
  return dir + ".done/.pending-" + id;
}

DoneState ReadDoneState(const std::string& record_path, const Item& item,
                        std::string* other_files) {
  std::ifstream in(record_path);
  if (!in) return DoneState::kNotDone;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("files:", 0) != 0) continue;
    const std::string expected = DoneRecord(item, 0);
    const std::string mine = expected.substr(expected.find("files:"));
    if (line + "\n" == mine) return DoneState::kDone;
    *other_files = line.substr(6);
    std::replace(other_files->begin(), other_files->end(), '\t', ' ');
    return DoneState::kDoneForOtherFiles;
  }
  return DoneState::kDone;  // a record from an older version: files unknown
}

// Output files of item `id` already in `dir`: ID.tmx, or ID.*.tmx for a
// group.
std::vector<std::string> ExistingOutputs(const std::string& dir,
                                         const std::string& id) {
  std::vector<std::string> found;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return found;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name == id + ".tmx" ||
        (name.rfind(id + ".", 0) == 0 && name.size() > id.size() + 4 &&
         name.compare(name.size() - 4, 4, ".tmx") == 0 &&
         name.find('.', id.size() + 1) == name.size() - 4)) {
      found.push_back(dir + name);
    }
  }
  ::closedir(d);
  std::sort(found.begin(), found.end());
  return found;
}

// Removes NAME.tmp.PID.N files whose process is gone (a SIGKILL leaves
// them); those of a live process (a concurrent run) are left alone.
size_t RemoveStaleTemporaries(const std::string& dir) {
  size_t removed = 0;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return 0;
  std::vector<std::string> stale;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    const size_t tmp = name.rfind(".tmp.");
    if (tmp == std::string::npos) continue;
    const std::string rest = name.substr(tmp + 5);  // PID.N
    const size_t dot = rest.find('.');
    uint64_t pid = 0, n = 0;
    if (dot == std::string::npos ||
        !ParseCount(rest.substr(0, dot), 1, 1u << 30, &pid) ||
        !ParseCount(rest.substr(dot + 1), 0, ~uint64_t{0} >> 8, &n)) {
      continue;
    }
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    stale.push_back(dir + name);
  }
  ::closedir(d);
  for (const std::string& path : stale) {
    if (::unlink(path.c_str()) == 0) ++removed;
  }
  return removed;
}

}  // namespace

int RunBatchCommand(Args* args) {
  PipelineOptions options;
  WriterOptions writer_options;
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
    } else if (ParsePipelineOption(args, &options, &writer_options, &error,
                                   &exit_code)) {
      if (exit_code != kExitOk) return exit_code;
      const std::vector<std::string> used = args->Range(at, args->Position());
      if (used[0].rfind("--lid-model", 0) != 0 && used[0] != "--force") {
        passed.insert(passed.end(), used.begin(), used.end());
      }
    } else if (args->Value("--jobs", &value, &error)) {
      uint64_t j = 1;
      if (error.empty() && !ParseCount(value, 1, 256, &j)) {
        error =
            "--jobs needs a whole number from 1 to 256, not '" + value + "'";
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
  // Digits only: sscanf took "1/2x", "1/ 2" and overflowed on
  // "1/99999999999".
  uint64_t shard_k = 0, shard_n = 1;
  const size_t slash = shard.find('/');
  if (shard == "auto") {
    int k = 0, n = 1;
    if (!SlurmArrayShard(&k, &n, &error)) {
      PrintError("batch: " + error);
      return kExitUsage;
    }
    shard_k = static_cast<uint64_t>(k);
    shard_n = static_cast<uint64_t>(n);
  } else if (!shard.empty() &&
             (slash == std::string::npos ||
              !ParseCount(shard.substr(0, slash), 0, 1000000, &shard_k) ||
              !ParseCount(shard.substr(slash + 1), 1, 1000000, &shard_n) ||
              shard_k >= shard_n)) {
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
  const size_t stale =
      RemoveStaleTemporaries(dir) + RemoveStaleTemporaries(dir + ".done/");
  if (stale > 0) {
    std::cerr << "align batch: removed " << stale
              << " temporary file(s) left by an interrupted run\n";
  }
  // This shard's items that are not done yet. Their outputs are checked
  // before any work: an existing file is replaced only with --force or
  // --redo, and an id done for other files (the manifest changed) is not
  // taken for done.
  std::vector<const Item*> todo;
  size_t already = 0, refused = 0;
  const bool replace = Overwrite() || redo;
  std::set<std::string> resumed;  // ids whose interrupted outputs we replace
  for (size_t k = 0; k < items->size(); ++k) {
    if (k % shard_n != shard_k) continue;
    const Item& item = (*items)[k];
    std::string other_files;
    const DoneState state =
        redo ? DoneState::kNotDone
             : ReadDoneState(dir + ".done/" + item.id, item, &other_files);
    if (state == DoneState::kDone) {
      ++already;
      continue;
    }
    std::string problem;
    if (state == DoneState::kDoneForOtherFiles && !replace) {
      problem = "an earlier run finished id " + item.id + " for other files (" +
                other_files +
                "): the manifest changed; pass --redo to realign it, or give "
                "the items ids";
    } else if (const auto existing = ExistingOutputs(dir, item.id);
               !existing.empty() && !replace) {
      // Files of this item from a run killed between writing them and
      // recording the item as done are ours to replace.
      std::string ignored;
      if (ReadDoneState(PendingRecord(dir, item.id), item, &ignored) ==
          DoneState::kDone) {
        resumed.insert(item.id);
      } else {
        problem = existing.front() +
                  " exists and is not from a finished run of this item; "
                  "pass --force to replace it";
      }
    }
    if (!problem.empty()) {
      PrintError("batch: item " + item.id + " (manifest line " +
                 std::to_string(item.line) + "): " + problem);
      ++refused;
      if (strict) return kExitOutput;
      continue;
    }
    todo.push_back(&item);
  }
  // Recorded for `align batch --collect DIR`.
  struct stat manifest_stat;
  if (::stat((dir + ".manifest").c_str(), &manifest_stat) != 0) {
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
  const TmxWriter writer(writer_options.tmx);
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
    // All of an item's files or none; without --force or --redo an
    // existing file is never replaced (checked by the rename itself).
    std::vector<std::string> rendered;
    for (const auto& [path, pairs] : outputs) {
      auto xml = writer.Render(KeepScoring(pairs, writer_options.min_score));
      if (!xml.ok()) return fail(item, xml.status().ToString(), kExitOutput);
      rendered.push_back(std::move(*xml));
    }
    std::vector<std::pair<std::string, std::string_view>> files;
    for (size_t k = 0; k < outputs.size(); ++k) {
      files.emplace_back(outputs[k].first, rendered[k]);
    }
    // A pending record first, so that a run killed between the outputs and
    // the done record can tell its own files from a user's on resume.
    const std::string record = DoneRecord(item, outputs.size());
    if (Status s = WriteOutputFile(PendingRecord(dir, item.id), record);
        !s.ok()) {
      return fail(item, s.ToString(), kExitOutput);
    }
    if (Status s = WriteOutputFiles(files, replace || resumed.count(item.id));
        !s.ok()) {
      return fail(item, s.ToString(), kExitOutput);
    }
    // Recorded last: an item is done only when all its files are written.
    Status s = WriteOutputFile(dir + ".done/" + item.id, record);
    ::unlink(PendingRecord(dir, item.id).c_str());
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
  failed += refused;
  if (refused > 0) worst = std::max(worst, static_cast<int>(kExitOutput));
  std::cerr << "align batch: " << done << " item(s) aligned, " << failed
            << " failed, " << already << " skipped as done; outputs in " << dir
            << "\n";
  if (failed == 0) return kExitOk;
  if (strict) return worst == kExitOutput ? kExitOutput : kExitNoInput;
  return worst == kExitOutput ? kExitOutput : kExitSomeSkipped;
}

}  // namespace crossalign::cli
