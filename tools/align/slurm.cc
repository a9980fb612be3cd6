#include "slurm.h"

#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "crossalign/language_identifier.h"
#include "crossalign/tmx_reader.h"
#include "merge_command.h"

namespace crossalign::cli {
namespace {

bool ParseInt(const char* text, int* out) {
  if (text == nullptr || *text == '\0') return false;
  char* end = nullptr;
  const long v = std::strtol(text, &end, 10);
  if (*end != '\0' || v < 0 || v > 1 << 30) return false;
  *out = static_cast<int>(v);
  return true;
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

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) names.emplace_back(e->d_name);
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// "src-tgt" of a pair item's TMX: its header's source language and the
// other language of its first unit; "" when it has no units.
std::string LanguagePairOf(const std::string& path, std::string* error) {
  StatusOr<TmxMemory> memory = TmxReader().ReadFile(path);
  if (!memory.ok()) {
    *error = memory.status().ToString();
    return "";
  }
  const std::string src = memory->header.srclang;
  for (const TmxUnit& unit : memory->units) {
    for (const TmxVariant& v : unit.variants) {
      if (v.lang != src) return src + "-" + v.lang;
    }
  }
  return "";
}

std::string Absolute(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[PATH_MAX];
  if (::getcwd(cwd, sizeof cwd) == nullptr) return path;
  return std::string(cwd) + "/" + path;
}

}  // namespace

int WriteSlurmScript(const std::string& script, const std::string& manifest,
                     const std::string& output_dir,
                     const std::string& lid_model,
                     const std::vector<std::string>& options,
                     const std::vector<std::vector<std::string>>& items,
                     int tasks, int cpus, bool languages_given) {
  SlurmScriptRequest r;
  char self[PATH_MAX];
  const ssize_t len = ::readlink("/proc/self/exe", self, sizeof self - 1);
  r.align_binary = len > 0 ? std::string(self, static_cast<size_t>(len))
                           : std::string("align");
  r.manifest = Absolute(manifest);
  r.output = Absolute(output_dir);
  while (r.output.size() > 1 && r.output.back() == '/') r.output.pop_back();
  if (!languages_given) {
    StatusOr<std::string> model = FindLidModel(lid_model);
    if (!model.ok()) {
      PrintError(model.status().ToString());
      return kExitNoInput;
    }
    r.lid_model = Absolute(*model);
  }
  r.options = options;
  r.items = items.size();
  for (const auto& files : items) {
    uint64_t bytes = 0;
    for (const std::string& f : files) {
      struct stat st;
      if (::stat(f.c_str(), &st) == 0) {
        bytes += static_cast<uint64_t>(st.st_size);
      } else {
        // The task will report it as a failed item; not a reason to stop.
        std::cerr << "align batch: warning: " << f << ": no such file\n";
      }
    }
    r.total_bytes += bytes;
    r.largest_item = std::max(r.largest_item, bytes);
  }
  r.tasks = tasks;
  r.cpus = cpus;
  if (r.items == 0) {
    PrintError("batch --slurm-script: the manifest has no items");
    return kExitNoInput;
  }
  // Slurm does not create the log folder.
  const std::string logs = r.output + "/.slurm";
  if ((::mkdir(r.output.c_str(), 0777) != 0 && errno != EEXIST) ||
      (::mkdir(logs.c_str(), 0777) != 0 && errno != EEXIST)) {
    PrintError("cannot create " + logs + ": " + std::strerror(errno));
    return kExitOutput;
  }
  const int rc = WriteOutput(script, RenderSlurmScript(r));
  if (rc == kExitOk) {
    std::cerr << "align batch: wrote " << script << "; submit it with sbatch "
              << script << ", then run: align batch --collect " << r.output
              << "\n";
  }
  return rc;
}

bool SlurmArrayShard(int* k, int* n, std::string* error) {
  int id = 0, count = 0, min = 0;
  if (!ParseInt(std::getenv("SLURM_ARRAY_TASK_ID"), &id) ||
      !ParseInt(std::getenv("SLURM_ARRAY_TASK_COUNT"), &count) || count < 1) {
    *error =
        "--shard auto needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT "
        "(run it as a task of a Slurm job array: sbatch --array=0-N)";
    return false;
  }
  if (const char* m = std::getenv("SLURM_ARRAY_TASK_MIN");
      m != nullptr && !ParseInt(m, &min)) {
    *error = "--shard auto: SLURM_ARRAY_TASK_MIN is not a number";
    return false;
  }
  // Arrays with gaps or steps (--array=1,5,9 or 0-15:4) number their tasks
  // in a way K = ID - MIN does not cover.
  if (id < min || id - min >= count) {
    *error = "--shard auto: SLURM_ARRAY_TASK_ID " + std::to_string(id) +
             " is outside MIN " + std::to_string(min) + " + COUNT " +
             std::to_string(count) + "; submit a contiguous array (--array=0-" +
             std::to_string(count - 1) + ")";
    return false;
  }
  *k = id - min;
  *n = count;
  return true;
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

std::string RenderSlurmScript(const SlurmScriptRequest& r) {
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
    << "#SBATCH --chdir=" << Absolute("").substr(0, Absolute("").size() - 1)
    << "\n"
    << "set -euo pipefail\n"
    << "exec " << ShellQuote(r.align_binary) << " batch "
    << ShellQuote(r.manifest) << " -o " << ShellQuote(r.output)
    << " --shard auto --jobs \"${SLURM_CPUS_PER_TASK:-" << cpus << "}\"";
  if (!r.lid_model.empty()) s << " --lid-model " << ShellQuote(r.lid_model);
  for (const std::string& o : r.options) s << " " << ShellQuote(o);
  s << "\n";
  return s.str();
}

int CollectBatch(const std::string& dir_arg,
                 const std::vector<std::string>& ids,
                 const std::vector<std::string>& merge_options) {
  const std::string dir = dir_arg.back() == '/' ? dir_arg : dir_arg + "/";
  if (!Exists(dir)) {
    PrintError("batch --collect: " + dir + " does not exist");
    return kExitNoInput;
  }
  const std::vector<std::string> names = ListDir(dir);
  std::map<std::string, std::vector<std::string>> by_pair;  // in id order
  size_t done = 0, failed = 0, missing = 0;
  std::vector<std::string> failed_ids, missing_ids;
  int worst = kExitOk;
  for (const std::string& id : ids) {
    if (!Exists(dir + ".done/" + id)) {
      if (Exists(dir + ".failed/" + id)) {
        ++failed;
        PrintError("batch --collect: item " + id +
                   " failed: " + ReadSmallFile(dir + ".failed/" + id));
        failed_ids.push_back(id);
      } else {
        ++missing;
        missing_ids.push_back(id);
      }
      continue;
    }
    ++done;
    for (const std::string& name : names) {
      if (name == id + ".tmx") {
        std::string error;
        const std::string pair = LanguagePairOf(dir + name, &error);
        if (!error.empty()) {
          PrintError("batch --collect: " + error);
          worst = kExitSomeSkipped;
        }
        if (!pair.empty()) by_pair[pair].push_back(dir + name);
        continue;
      }
      // ID.SRC-TGT.tmx, one per language pair of a story group.
      const std::string prefix = id + ".";
      if (name.size() > prefix.size() + 4 && name.rfind(prefix, 0) == 0 &&
          name.compare(name.size() - 4, 4, ".tmx") == 0) {
        const std::string pair =
            name.substr(prefix.size(), name.size() - prefix.size() - 4);
        if (pair.find('.') == std::string::npos &&
            pair.find('-') != std::string::npos) {
          by_pair[pair].push_back(dir + name);
        }
      }
    }
  }
  const std::string out_dir = dir + "collected/";
  if (::mkdir(out_dir.c_str(), 0777) != 0 && errno != EEXIST) {
    PrintError("cannot create " + out_dir + ": " + std::strerror(errno));
    return kExitOutput;
  }
  for (const auto& [pair, files] : by_pair) {
    // Through `align merge` itself: the same duplicate handling and output.
    std::vector<std::string> argv = {"align", "merge"};
    argv.insert(argv.end(), files.begin(), files.end());
    argv.insert(argv.end(), {"-o", out_dir + pair + ".tmx", "--force"});
    argv.insert(argv.end(), merge_options.begin(), merge_options.end());
    std::vector<char*> raw;
    for (std::string& a : argv) raw.push_back(a.data());
    Args args(static_cast<int>(raw.size()), raw.data(), 2);
    const int rc = RunMergeCommand(&args);
    if (rc != kExitOk && rc != kExitSomeSkipped) return rc;
    std::cerr << "align batch: " << out_dir << pair << ".tmx from "
              << files.size() << " file(s)\n";
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t k = 0; k < v.size() && k < 10; ++k) s += (k ? " " : "") + v[k];
    if (v.size() > 10) s += " ...";
    return s;
  };
  std::cout << "items: " << ids.size() << "; done " << done << ", failed "
            << failed << ", missing " << missing << "; " << by_pair.size()
            << " language pair(s) in " << out_dir << "\n";
  if (!failed_ids.empty()) std::cout << "failed: " << list(failed_ids) << "\n";
  if (!missing_ids.empty())
    std::cout << "missing: " << list(missing_ids) << "\n";
  return failed + missing > 0 ? kExitSomeSkipped : worst;
}

}  // namespace crossalign::cli
