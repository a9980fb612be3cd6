#include "collection_command.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

#include "crossalign/collection.h"
#include "crossalign/output_file.h"

namespace crossalign::cli {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Expands folders (their *.txt, *.html and *.htm files, sorted) and @LIST files
// (one path per line, '#' comments). Problems are reported and the input
// skipped.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      int* skipped) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (!input.empty() && input[0] == '@') {
      std::ifstream list(input.substr(1));
      if (!list) {
        PrintError(input.substr(1) + ": cannot read the list file; skipped");
        ++*skipped;
        continue;
      }
      std::string line;
      while (std::getline(list, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') files.push_back(line);
      }
    } else if (IsDirectory(input)) {
      std::vector<std::string> found;
      if (DIR* d = ::opendir(input.c_str())) {
        while (dirent* e = ::readdir(d)) {
          const std::string name = e->d_name;
          const auto ends = [&](const char* ext) {
            const size_t n = std::char_traits<char>::length(ext);
            return name.size() > n &&
                   name.compare(name.size() - n, n, ext) == 0;
          };
          if (ends(".txt") || ends(".html") || ends(".htm")) {
            found.push_back(input + (input.back() == '/' ? "" : "/") + name);
          }
        }
        ::closedir(d);
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  // The same file named twice is aligned once.
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& f : files) {
    char* real = ::realpath(f.c_str(), nullptr);
    const std::string key = real ? real : f;
    std::free(real);
    if (seen.insert(key).second) {
      unique.push_back(f);
    } else {
      PrintError(f + ": named more than once; aligned once");
    }
  }
  return unique;
}

}  // namespace

bool IsCollectionRequest(const std::vector<std::string>& inputs,
                         const std::string& output) {
  if (inputs.size() != 2) return true;
  for (const std::string& in : inputs) {
    if ((!in.empty() && in[0] == '@') || IsDirectory(in)) return true;
  }
  return !output.empty() && (output.back() == '/' || IsDirectory(output));
}

int RunCollection(const PipelineOptions& pipeline_options,
                  const TmxWriterOptions& tmx_options,
                  const CollectionRequest& request) {
  if (request.output_dir.empty()) {
    PrintError("several articles need -o DIR, a folder for the TMX files");
    return kExitUsage;
  }
  int skipped = 0;
  const std::vector<std::string> files = ExpandInputs(request.inputs, &skipped);
  auto pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().ToString());
    return kExitNoInput;
  }
  std::vector<std::shared_ptr<const Document>> docs;
  for (const std::string& f : files) {
    auto doc = (*pipeline)->Prepare(f);
    if (!doc.ok()) {
      if (request.strict) {
        PrintError(doc.status().ToString() + " (--strict: stopping)");
        return kExitNoInput;
      }
      PrintError(doc.status().ToString() + "; skipped");
      ++skipped;
      continue;
    }
    for (const std::string& warning : (*doc)->warnings()) {
      PrintError("warning: " + warning);
      ++skipped;
    }
    for (const std::string& note : (*doc)->notes()) {
      PrintError("note: " + note);
    }
    docs.push_back(*doc);
  }
  if (docs.size() < 2) {
    PrintError("need at least two usable articles, got " +
               std::to_string(docs.size()));
    return kExitNoInput;
  }
  if (!IsDirectory(request.output_dir) &&
      ::mkdir(request.output_dir.c_str(), 0777) != 0) {
    PrintError("cannot create output folder " + request.output_dir + ": " +
               std::strerror(errno));
    return kExitOutput;
  }
  CollectionOptions options;
  options.jobs = request.jobs;
  Progress progress("aligning pairs");
  options.progress = [&progress](size_t done, size_t total) {
    progress(done, total);
  };
  auto pairs = AlignCollection(**pipeline, docs, options);
  if (!pairs.ok()) {
    PrintError(pairs.status().ToString());
    return kExitNoInput;
  }
  const std::string dir = request.output_dir.back() == '/'
                              ? request.output_dir
                              : request.output_dir + "/";
  for (const auto& [langs, group] : GroupByLanguagePair(*pairs)) {
    const std::string path = dir + langs + FormatExtension(request.format);
    const int rc = WritePairs(request.format, path, group, tmx_options,
                              request.output_options);
    if (rc != kExitOk) return rc;
    if (request.verbose) {
      for (const AlignedPair& p : group) {
        std::cerr << "align: " << p.src->name() << " -> " << p.tgt->name()
                  << ": " << AlignModeName(p.alignment.mode) << " ("
                  << p.alignment.mode_reason << "), "
                  << p.alignment.beads.size() << " beads\n";
      }
    }
    std::cerr << "align: wrote " << path << " (" << group.size() << " pairs)\n";
  }
  if (!request.clusters_path.empty()) {
    const auto clusters = ClusterPassages(
        *pairs, tmx_options.min_score > 0 ? tmx_options.min_score : 0.5);
    if (!MayWrite(request.clusters_path)) return kExitOutput;
    Status s =
        WriteOutputFile(request.clusters_path, RenderClustersJsonl(clusters));
    if (!s.ok()) {
      PrintError(s.ToString());
      return kExitOutput;
    }
    std::cerr << "align: wrote " << clusters.size() << " passage clusters to "
              << request.clusters_path << "\n";
  }
  if (pairs->empty()) {
    std::cerr
        << "align: no two articles report the same story; no TMX written\n";
  }
  return skipped > 0 ? kExitSomeSkipped : kExitOk;
}

}  // namespace crossalign::cli
