#include "jobs/batch.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "base/json_parse.h"
#include "base/parallel_for.h"
#include "crossalign/collection.h"
#include "crossalign/output_file.h"
#include "crossalign/tmx_merge.h"
#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"

namespace crossalign {
namespace {

// A whole decimal number in [lo, hi]: digits only ("1.5", "2x", " 2",
// "+2" and overflowing values are refused).
bool ParseWhole(const std::string& text, uint64_t lo, uint64_t hi,
                uint64_t* out) {
  uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, v);
  if (text.empty() || error != std::errc() || stop != end || v < lo || v > hi) {
    return false;
  }
  *out = v;
  return true;
}

// One manifest line of JSON: an object with "id" (a string), and "files" (a
// list of strings) or "src" and "tgt" (strings); other members are ignored.
bool ParseJsonItem(const std::string& line, BatchItem* item,
                   std::string* error) {
  StatusOr<nlohmann::json> parsed = internal::ParseJson(line);
  if (!parsed.ok()) {
    *error = "bad JSON: " + parsed.status().message();
    return false;
  }
  const nlohmann::json& value = *parsed;
  if (!value.is_object()) return (*error = "expected a JSON object", false);
  std::string src, tgt;
  for (const auto& [key, member] : value.items()) {
    std::string* text = key == "id"    ? &item->id
                        : key == "src" ? &src
                        : key == "tgt" ? &tgt
                                       : nullptr;
    if (text != nullptr) {
      if (!member.is_string()) {
        return (*error = key + " must be a string", false);
      }
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

// The fields of a TSV manifest line.
void ParseTsvItem(const std::string& line, BatchItem* item) {
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string::npos) tab = line.size();
    const std::string field = line.substr(pos, tab - pos);
    if (field.rfind("id=", 0) == 0) {
      item->id = field.substr(3);
    } else if (!field.empty()) {
      item->files.push_back(field);
    }
    pos = tab + 1;
  }
}

Status LineError(const std::string& path, int line, const std::string& what) {
  return InvalidArgumentError(path + ", line " + std::to_string(line) + ": " +
                              what);
}

bool MakeDir(const std::string& path) {
  return ::mkdir(path.c_str(), 0777) == 0 || errno == EEXIST;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) names.emplace_back(e->d_name);
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// What an item's done record holds: its files, so that a manifest edited
// between runs (a line inserted above id-less items shifts their automatic
// ids) is noticed instead of taking another pair's memory for done.
std::string DoneRecord(const BatchItem& item, size_t outputs) {
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

DoneState ReadDoneState(const std::string& record_path, const BatchItem& item,
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

// Whether `name` is an output file of item `id` in `format`: ID.EXT for a
// pair, ID.SRC-TGT.EXT for a group (moses: the languages instead of EXT).
bool IsOutputOf(const std::string& name, const std::string& id,
                OutputFormat format) {
  if (name.size() <= id.size() + 1 || name.compare(0, id.size(), id) != 0 ||
      name[id.size()] != '.') {
    return false;
  }
  const std::string rest = name.substr(id.size() + 1);
  if (format == OutputFormat::kMoses) {
    // LANG, src.LANG, SRC-TGT.LANG or SRC-TGT.src.LANG.
    return std::count(rest.begin(), rest.end(), '.') <= 2 &&
           rest.find(".tmp.") == std::string::npos;
  }
  const std::string ext = OutputFormatExtension(format);  // ".tmx"
  if (rest == ext.substr(1)) return true;
  return rest.size() > ext.size() &&
         rest.compare(rest.size() - ext.size(), ext.size(), ext) == 0 &&
         rest.find('.') == rest.size() - ext.size();
}

// Output files of item `id` already in `dir`.
std::vector<std::string> ExistingOutputs(const std::string& dir,
                                         const std::string& id,
                                         OutputFormat format) {
  std::vector<std::string> found;
  for (const std::string& name : ListDir(dir)) {
    if (IsOutputOf(name, id, format)) found.push_back(dir + name);
  }
  return found;
}

// Removes NAME.tmp.PID.N files whose process is gone (a SIGKILL leaves
// them); those of a live process (a concurrent run) are left alone.
size_t RemoveStaleTemporaries(const std::string& dir) {
  std::vector<std::string> stale;
  for (const std::string& name : ListDir(dir)) {
    const size_t tmp = name.rfind(".tmp.");
    if (tmp == std::string::npos) continue;
    const std::string rest = name.substr(tmp + 5);  // PID.N
    const size_t dot = rest.find('.');
    uint64_t pid = 0, n = 0;
    if (dot == std::string::npos ||
        !ParseWhole(rest.substr(0, dot), 1, 1u << 30, &pid) ||
        !ParseWhole(rest.substr(dot + 1), 0, ~uint64_t{0} >> 8, &n)) {
      continue;
    }
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    stale.push_back(dir + name);
  }
  size_t removed = 0;
  for (const std::string& path : stale) {
    if (::unlink(path.c_str()) == 0) ++removed;
  }
  return removed;
}

void Report(const BatchOptions& options, BatchOptions::Message kind,
            const std::string& message) {
  if (options.report) options.report(kind, message);
}

std::string ItemLabel(const BatchItem& item) {
  return "batch: item " + item.id + " (manifest line " +
         std::to_string(item.line) + ")";
}

// Why an item of the plan may not be written, or "" when it may.
std::string Refusal(const BatchItem& item, const std::string& dir,
                    const BatchOptions& options, bool replace,
                    std::set<std::string>* resumed) {
  std::string other_files;
  const DoneState state = options.redo ? DoneState::kNotDone
                                       : ReadDoneState(dir + ".done/" + item.id,
                                                       item, &other_files);
  if (state == DoneState::kDoneForOtherFiles && !replace) {
    return "an earlier run finished id " + item.id + " for other files (" +
           other_files +
           "): the manifest changed; pass --redo to realign it, or give the "
           "items ids";
  }
  const auto existing = ExistingOutputs(dir, item.id, options.format);
  if (existing.empty() || replace) return "";
  // Files of this item from a run killed between writing them and recording
  // the item as done are ours to replace.
  std::string ignored;
  if (ReadDoneState(PendingRecord(dir, item.id), item, &ignored) ==
      DoneState::kDone) {
    resumed->insert(item.id);
    return "";
  }
  return existing.front() +
         " exists and is not from a finished run of this item; pass --force "
         "to replace it";
}

// Records the manifest for `align batch --collect DIR`, once.
void RecordManifest(const std::string& dir, const std::string& manifest) {
  if (Exists(dir + ".manifest")) return;
  char* real = ::realpath(manifest.c_str(), nullptr);
  if (real == nullptr) return;
  const Status recorded =
      WriteOutputFile(dir + ".manifest", std::string(real) + "\n");
  (void)recorded;  // --collect then asks for the MANIFEST
  std::free(real);
}

}  // namespace

StatusOr<std::vector<BatchItem>> ReadBatchManifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot read the manifest");
  std::vector<BatchItem> items;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    // A UTF-8 byte-order mark (Windows editors write one) is not data.
    if (line_no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      line.erase(0, 3);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    BatchItem item;
    item.line = line_no;
    std::string error;
    if (line[0] != '{') {
      ParseTsvItem(line, &item);
    } else if (!ParseJsonItem(line, &item, &error)) {
      return LineError(path, line_no, error);
    }
    if (item.files.size() < 2) {
      return LineError(path, line_no, "an item needs two or more files");
    }
    if (item.id.empty()) {
      char name[32];
      std::snprintf(name, sizeof name, "item-%06d", line_no);
      item.id = name;
    }
    if (item.id.find('/') != std::string::npos || item.id[0] == '.') {
      return LineError(path, line_no,
                       "id '" + item.id + "' cannot name a file");
    }
    items.push_back(std::move(item));
  }
  // Two items with one id would write one file (one memory lost). Automatic
  // ids count too: an explicit "item-000003" meets line 3's.
  std::map<std::string, int> line_of_id;
  for (const BatchItem& item : items) {
    const auto [it, inserted] = line_of_id.emplace(item.id, item.line);
    if (!inserted) {
      return LineError(path, item.line,
                       "id '" + item.id + "' is also the id of line " +
                           std::to_string(it->second) +
                           "; ids name the output files and must be unique");
    }
  }
  return items;
}

StatusOr<BatchShard> ParseBatchShard(const std::string& text) {
  BatchShard shard;
  const size_t slash = text.find('/');
  if (slash == std::string::npos ||
      !ParseWhole(text.substr(0, slash), 0, 1000000, &shard.index) ||
      !ParseWhole(text.substr(slash + 1), 1, 1000000, &shard.count) ||
      shard.index >= shard.count) {
    return InvalidArgumentError("--shard must be K/N with 0 <= K < N, not '" +
                                text + "'");
  }
  return shard;
}

StatusOr<BatchShard> SlurmArrayShard() {
  uint64_t id = 0, count = 0, min = 0;
  const auto read = [](const char* name, uint64_t* out) {
    const char* value = std::getenv(name);
    return value != nullptr && ParseWhole(value, 0, 1 << 30, out);
  };
  if (!read("SLURM_ARRAY_TASK_ID", &id) ||
      !read("SLURM_ARRAY_TASK_COUNT", &count) || count < 1) {
    return InvalidArgumentError(
        "--shard auto needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT "
        "(run it as a task of a Slurm job array: sbatch --array=0-N)");
  }
  if (std::getenv("SLURM_ARRAY_TASK_MIN") != nullptr &&
      !read("SLURM_ARRAY_TASK_MIN", &min)) {
    return InvalidArgumentError(
        "--shard auto: SLURM_ARRAY_TASK_MIN is not a number");
  }
  // Arrays with gaps or steps (--array=1,5,9 or 0-15:4) number their tasks
  // in a way K = ID - MIN does not cover.
  if (id < min || id - min >= count) {
    return InvalidArgumentError(
        "--shard auto: SLURM_ARRAY_TASK_ID " + std::to_string(id) +
        " is outside MIN " + std::to_string(min) + " + COUNT " +
        std::to_string(count) + "; submit a contiguous array (--array=0-" +
        std::to_string(count - 1) + ")");
  }
  return BatchShard{id - min, count};
}

StatusOr<BatchPlan> PlanBatch(const std::vector<BatchItem>& items,
                              const std::string& manifest_path,
                              const std::string& dir,
                              const BatchOptions& options) {
  BatchPlan plan;
  plan.dir = dir.empty() || dir.back() != '/' ? dir + "/" : dir;
  if (!MakeDir(plan.dir) || !MakeDir(plan.dir + ".done")) {
    const int err = errno;
    const std::string message =
        "cannot create output folder " + plan.dir + ": " + std::strerror(err);
    return err == ENOENT ? NotFoundError(message)
                         : PermissionDeniedError(message);
  }
  const size_t stale = RemoveStaleTemporaries(plan.dir) +
                       RemoveStaleTemporaries(plan.dir + ".done/");
  if (stale > 0) {
    Report(options, BatchOptions::Message::kNote,
           "removed " + std::to_string(stale) +
               " temporary file(s) left by an interrupted run");
  }
  // Outputs are checked before any work: an existing file is replaced only
  // with writer.replace or redo, and an id done for other files (the
  // manifest changed) is not taken for done.
  const bool replace = options.writer.replace || options.redo;
  for (size_t k = 0; k < items.size(); ++k) {
    if (k % options.shard.count != options.shard.index) continue;
    const BatchItem& item = items[k];
    std::string ignored;
    if (!options.redo && ReadDoneState(plan.dir + ".done/" + item.id, item,
                                       &ignored) == DoneState::kDone) {
      ++plan.already_done;
      continue;
    }
    const std::string problem =
        Refusal(item, plan.dir, options, replace, &plan.resumed);
    if (!problem.empty()) {
      Report(options, BatchOptions::Message::kItemFailed,
             ItemLabel(item) + ": " + problem);
      ++plan.refused;
      if (options.strict) {
        plan.stopped = true;
        return plan;
      }
      continue;
    }
    plan.todo.push_back(item);
  }
  // One refused item refuses the run: writing the others would leave the
  // folder holding memories of two manifests (a line inserted above id-less
  // items shifts their ids, so some are refused and the rest overwritten).
  if (plan.refused > 0) {
    Report(options, BatchOptions::Message::kItemFailed,
           "batch: " + std::to_string(plan.refused) +
               " item(s) refused, so nothing was aligned or written; pass "
               "--redo to realign every item, or give the items ids");
    plan.todo.clear();
    plan.stopped = true;
    return plan;
  }
  RecordManifest(plan.dir, manifest_path);
  if (plan.already_done > 0) {
    Report(
        options, BatchOptions::Message::kNote,
        std::to_string(plan.already_done) + " item(s) already done; skipped");
  }
  return plan;
}

namespace {

// The files of one item, rendered in options.format.
StatusOr<std::vector<OutputFile>> RenderItem(const Pipeline& pipeline,
                                             const BatchItem& item,
                                             const std::string& dir,
                                             const BatchOptions& options,
                                             std::vector<std::string>* warns) {
  std::vector<std::shared_ptr<const Document>> docs;
  for (const std::string& f : item.files) {
    auto doc = pipeline.Prepare(f);
    if (!doc.ok()) return doc.status();
    for (const std::string& w : (*doc)->warnings()) warns->push_back(w);
    docs.push_back(*doc);
  }
  const std::string ext = OutputFormatExtension(options.format);
  std::vector<std::pair<std::string, std::vector<AlignedPair>>> outputs;
  if (docs.size() == 2) {
    auto pair = pipeline.Align(docs[0], docs[1]);
    if (!pair.ok()) return pair.status();
    outputs.push_back({dir + item.id + ext, {*pair}});
  } else {
    auto run = AlignCollection(pipeline, docs, {});
    if (!run.ok()) return run.status();
    for (auto& [langs, group] : GroupByLanguagePair(run->pairs)) {
      outputs.push_back({dir + item.id + "." + langs + ext, group});
    }
  }
  std::vector<OutputFile> files;
  for (const auto& [path, pairs] : outputs) {
    auto rendered = Render(options.format, path, pairs, options.writer);
    if (!rendered.ok()) return rendered.status();
    for (OutputFile& file : *rendered) files.push_back(std::move(file));
  }
  return files;
}

}  // namespace

BatchSummary RunBatch(const Pipeline& pipeline, const BatchPlan& plan,
                      const BatchOptions& options) {
  const std::string& dir = plan.dir;
  const bool replace = options.writer.replace || options.redo;
  BatchSummary summary;
  summary.output_failed = plan.refused > 0;
  std::mutex mutex;  // guards the summary, the messages and progress
  std::atomic<bool> stop{false};
  auto fail = [&](const BatchItem& item, const Status& status, bool output) {
    std::lock_guard<std::mutex> lock(mutex);
    Report(options, BatchOptions::Message::kItemFailed,
           ItemLabel(item) + ": " + status.message());
    ++summary.failed;
    summary.output_failed = summary.output_failed || output;
    // For `align batch --collect`; removed when a rerun succeeds.
    MakeDir(dir + ".failed");
    const Status noted =
        WriteOutputFile(dir + ".failed/" + item.id, status.message() + "\n");
    (void)noted;  // the message above is what matters
    if (options.strict) stop = true;
  };
  internal::ParallelFor(plan.todo.size(), options.jobs, [&](size_t k) {
    if (stop) return;
    const BatchItem& item = plan.todo[k];
    std::vector<std::string> warnings;
    auto files = RenderItem(pipeline, item, dir, options, &warnings);
    if (!warnings.empty()) {
      std::lock_guard<std::mutex> lock(mutex);
      for (const std::string& w : warnings) {
        Report(options, BatchOptions::Message::kWarning,
               ItemLabel(item) + ": " + w);
      }
      summary.warnings += warnings.size();
    }
    if (!files.ok()) return fail(item, files.status(), false);
    std::vector<std::pair<std::string, std::string_view>> contents;
    for (const OutputFile& file : *files) {
      contents.emplace_back(file.path, file.content);
    }
    // A pending record first, so that a run killed between the outputs and
    // the done record can tell its own files from a user's on resume.
    const std::string record = DoneRecord(item, files->size());
    if (Status s = WriteOutputFile(PendingRecord(dir, item.id), record);
        !s.ok()) {
      return fail(item, s, true);
    }
    // All of an item's files or none; without replace an existing file is
    // never replaced (checked by the rename itself).
    if (Status s =
            WriteOutputFiles(contents, replace || plan.resumed.count(item.id));
        !s.ok()) {
      return fail(item, s, true);
    }
    // Recorded last: an item is done only when all its files are written.
    Status s = WriteOutputFile(dir + ".done/" + item.id, record);
    ::unlink(PendingRecord(dir, item.id).c_str());
    if (!s.ok()) return fail(item, s, true);
    std::remove((dir + ".failed/" + item.id).c_str());
    std::lock_guard<std::mutex> lock(mutex);
    ++summary.aligned;
    if (options.progress) {
      options.progress(summary.aligned + summary.failed, plan.todo.size());
    }
  });
  summary.failed += plan.refused;
  return summary;
}

namespace {

// "src-tgt" of a pair item's TMX: its header's source language and the
// other language of its first unit; "" when it has no units.
std::string LanguagePairOf(const TmxMemory& memory) {
  const std::string& src = memory.header.srclang;
  for (const TmxUnit& unit : memory.units) {
    for (const TmxVariant& v : unit.variants) {
      if (v.lang != src) return src + "-" + v.lang;
    }
  }
  return "";
}

std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

StatusOr<BatchCollection> CollectBatch(const std::string& dir_arg,
                                       const std::vector<std::string>& ids,
                                       const TmxWriterOptions& tmx,
                                       const BatchReport& report) {
  using Message = BatchOptions::Message;
  const std::string dir = dir_arg.back() == '/' ? dir_arg : dir_arg + "/";
  if (!Exists(dir)) {
    return NotFoundError("batch --collect: " + dir + " does not exist");
  }
  const std::vector<std::string> names = ListDir(dir);
  const TmxReader reader;
  BatchCollection result;
  // Language pair -> its files, in id order.
  std::map<std::string, std::vector<std::string>> by_pair;
  for (const std::string& id : ids) {
    if (!Exists(dir + ".done/" + id)) {
      if (Exists(dir + ".failed/" + id)) {
        result.failed.push_back(id);
        report(Message::kItemFailed,
               "batch --collect: item " + id +
                   " failed: " + ReadSmallFile(dir + ".failed/" + id));
      } else {
        result.missing.push_back(id);
      }
      continue;
    }
    result.done.push_back(id);
    // The done record says how many files the item wrote: fewer found means
    // some were deleted (or not written as TMX), and their units would be
    // silently missing from the merged memory.
    const std::string record = ReadSmallFile(dir + ".done/" + id);
    uint64_t recorded = 0;
    ParseWhole(record.substr(0, record.find(' ')), 0, ~uint64_t{0} >> 8,
               &recorded);
    size_t found = 0;
    for (const std::string& name : names) {
      if (IsOutputOf(name, id, OutputFormat::kTmx)) ++found;
    }
    if (found < recorded) {
      report(Message::kItemFailed,
             "batch --collect: item " + id + " is recorded as done with " +
                 std::to_string(recorded) + " output file(s), but " +
                 std::to_string(found) + " TMX file(s) of it (" + id +
                 ".tmx or " + id + ".SRC-TGT.tmx) are in " + dir +
                 " (deleted, or the batch ran with another --format); its "
                 "units are not collected. Remove " +
                 dir + ".done/" + id + " and rerun the batch to realign it");
      result.unreadable = true;
    }
    for (const std::string& name : names) {
      if (!IsOutputOf(name, id, OutputFormat::kTmx)) continue;
      const std::string path = dir + name;
      if (name == id + ".tmx") {
        StatusOr<TmxMemory> memory = reader.ReadFile(path);
        if (!memory.ok()) {
          report(Message::kItemFailed,
                 "batch --collect: " + memory.status().message());
          result.unreadable = true;
          continue;
        }
        const std::string pair = LanguagePairOf(*memory);
        if (!pair.empty()) by_pair[pair].push_back(path);
        continue;
      }
      // ID.SRC-TGT.tmx, one per language pair of a story group.
      const std::string pair =
          name.substr(id.size() + 1, name.size() - id.size() - 5);
      if (pair.find('-') != std::string::npos) by_pair[pair].push_back(path);
    }
  }
  result.collected_dir = dir + "collected/";
  if (!MakeDir(result.collected_dir)) {
    return PermissionDeniedError("cannot create " + result.collected_dir +
                                 ": " + std::strerror(errno));
  }
  for (const auto& [pair, files] : by_pair) {
    auto merged = MergeTmxFiles(
        files, {}, [&](TmxMergeMessage kind, const std::string& message) {
          if (kind == TmxMergeMessage::kSkipped) {
            report(Message::kItemFailed, message);
          } else if (kind == TmxMergeMessage::kWarning) {
            report(Message::kWarning, message);
          }
        });
    if (!merged.ok()) return merged.status();
    const std::string out = result.collected_dir + pair + ".tmx";
    if (Status written = TmxWriter(tmx).WriteMemoryFile(out, merged->memory);
        !written.ok()) {
      return written;
    }
    result.merged[pair] = files.size();
    report(Message::kNote,
           out + " from " + std::to_string(files.size()) + " file(s)");
  }
  return result;
}

std::vector<std::string> MeasureBatchInputs(const std::vector<BatchItem>& items,
                                            SlurmScriptRequest* request) {
  std::vector<std::string> missing;
  request->items = items.size();
  for (const BatchItem& item : items) {
    uint64_t bytes = 0;
    for (const std::string& f : item.files) {
      struct stat st;
      if (::stat(f.c_str(), &st) == 0) {
        bytes += static_cast<uint64_t>(st.st_size);
      } else {
        missing.push_back(f);
      }
    }
    request->total_bytes += bytes;
    request->largest_item = std::max(request->largest_item, bytes);
  }
  return missing;
}

int EstimateTaskMemoryMb(uint64_t largest_item, int cpus, bool lid_model) {
  // Measured (bench/RESULTS.md): a batch of 1000 news articles peaks at
  // 19 MB with the language model loaded; one document pair of 100k
  // sentences a side (13 MB of text) at 380 MB, about 30 times its text.
  const uint64_t base = lid_model ? 100 : 50;
  const uint64_t per_item = 32 + 30 * largest_item / (1 << 20);
  const uint64_t total = base + per_item * static_cast<uint64_t>(cpus);
  return static_cast<int>((total + 255) / 256 * 256);
}

namespace {

// `text` with control characters shown as \xHH, for a message.
std::string EscapeForMessage(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "\\x%02X", u);
      out += code;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Single-quoted for the shell.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// Refuses what would break the script: a control character (a newline
// ends a `#` comment or an #SBATCH line, and the rest runs as a command
// when the job starts) anywhere, and where sbatch reads the value itself
// (#SBATCH --output=, --chdir=: it stops at a space) a space; in
// --output=, '%' too (a Slurm file name pattern).
Status CheckScriptText(const std::string& what, const std::string& text,
                       bool sbatch_value, bool pattern) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    std::string bad;
    if (u < 0x20 || u == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "0x%02X", u);
      bad = std::string("a control character (") + code + ")";
    } else if (sbatch_value && (c == ' ' || c == '"' || c == '\\')) {
      bad = c == ' ' ? "a space" : std::string("'") + c + "'";
    } else if (pattern && c == '%') {
      bad = "'%'";
    }
    if (!bad.empty()) {
      return InvalidArgumentError(
          "batch --slurm-script: " + what + " '" + EscapeForMessage(text) +
          "' holds " + bad +
          ", which a Slurm script cannot hold safely there; use a path "
          "without it");
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> RenderSlurmScript(const SlurmScriptRequest& r) {
  CROSSALIGN_RETURN_IF_ERROR(
      CheckScriptText("the output folder", r.output, true, true));
  CROSSALIGN_RETURN_IF_ERROR(CheckScriptText(
      "the working folder (the current folder)", r.workdir, true, false));
  CROSSALIGN_RETURN_IF_ERROR(
      CheckScriptText("the align binary", r.align_binary, false, false));
  CROSSALIGN_RETURN_IF_ERROR(
      CheckScriptText("the manifest", r.manifest, false, false));
  CROSSALIGN_RETURN_IF_ERROR(
      CheckScriptText("the language model", r.lid_model, false, false));
  for (const std::string& o : r.options) {
    CROSSALIGN_RETURN_IF_ERROR(CheckScriptText("the option", o, false, false));
  }
  const int cpus = r.cpus > 0 ? r.cpus : 4;
  int tasks = r.tasks;
  if (tasks <= 0) {
    // About 200 items a task, at most 1000 tasks (Slurm's default
    // MaxArraySize is 1001).
    tasks = static_cast<int>(std::min<size_t>(1000, (r.items + 199) / 200));
  }
  tasks = std::max(1, std::min(tasks, static_cast<int>(r.items)));
  const int mem =
      EstimateTaskMemoryMb(r.largest_item, cpus, !r.lid_model.empty());
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# Written by `align batch --slurm-script`: aligns the manifest below\n"
    << "# as a Slurm job array. Submit with `sbatch THIS_FILE`; when all\n"
    << "# tasks are done, merge the shards' outputs with\n"
    << "#   " << r.align_binary << " batch --collect " << r.output << "\n"
    << "# " << r.items << " item(s), "
    << (r.total_bytes + (1 << 20) - 1) / (1 << 20)
    << " MB of input; the largest item " << (r.largest_item + 1023) / 1024
    << " KB. Memory per task: the model and dictionaries plus, for each of\n"
    << "# the " << cpus << " items aligned at once, room for the largest one.\n"
    << "# A requeued (preempted) task skips the items it finished: they are\n"
    << "# recorded in " << r.output << "/.done/.\n"
    << "#SBATCH --job-name=align-batch\n"
    << "#SBATCH --array=0-" << tasks - 1 << "\n"
    << "#SBATCH --ntasks=1\n"
    << "#SBATCH --cpus-per-task=" << cpus << "\n"
    << "#SBATCH --mem=" << mem << "M\n"
    << "#SBATCH --output=" << r.output << "/.slurm/%A_%a.log\n"
    << "#SBATCH --open-mode=append\n"
    << "#SBATCH --requeue\n"
    << "#SBATCH --chdir=" << r.workdir << "\n"
    << "set -euo pipefail\n"
    << "exec " << ShellQuote(r.align_binary) << " batch "
    << ShellQuote(r.manifest) << " -o " << ShellQuote(r.output)
    << " --shard auto --jobs \"${SLURM_CPUS_PER_TASK:-" << cpus << "}\"";
  if (!r.lid_model.empty()) s << " --lid-model " << ShellQuote(r.lid_model);
  for (const std::string& o : r.options) s << " " << ShellQuote(o);
  s << "\n";
  return s.str();
}

}  // namespace crossalign
