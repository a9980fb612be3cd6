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
#include <map>
#include <set>

#include "crossalign/collection.h"
#include "crossalign/output_file.h"
#include "crossalign/writers.h"
#include "review_command.h"

namespace crossalign::cli {
namespace {

// The real path of a file, to recognise one file named twice.
std::string FileKey(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  const std::string key = real ? real : path;
  std::free(real);
  return key;
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Article files by name: plain text and HTML pages.
bool IsArticleName(const std::string& name) {
  for (const char* ext : {".txt", ".html", ".htm"}) {
    const size_t n = std::char_traits<char>::length(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) {
      return true;
    }
  }
  return false;
}

// The articles (*.txt, *.html, *.htm) under `dir`, down to 16 levels of
// sub-folders (hidden ones, such as .git or batch's .done, are left out).
void CollectTextFiles(const std::string& dir, int depth,
                      std::vector<std::string>* found) {
  if (depth > 16) return;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::string> subdirs;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name.empty() || name[0] == '.') continue;
    const std::string path = dir + (dir.back() == '/' ? "" : "/") + name;
    if (IsDirectory(path)) {
      subdirs.push_back(path);
    } else if (IsArticleName(name)) {
      found->push_back(path);
    }
  }
  ::closedir(d);
  for (const std::string& sub : subdirs)
    CollectTextFiles(sub, depth + 1, found);
}

// Expands folders (their *.txt, *.html and *.htm files and those of their
// sub-folders, sorted) and @LIST files (one path per line, '#' comments).
// Problems are reported and the input skipped.
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
      // Sub-folders too (corpora/STORY/*.txt): a folder holding only
      // sub-folders contributed nothing before, silently.
      std::vector<std::string> found;
      CollectTextFiles(input, 0, &found);
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        PrintError(input +
                   ": no .txt files in this folder or its sub-folders; "
                   "skipped");
        ++*skipped;
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  // The same file named twice is aligned once.
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& f : files) {
    if (seen.insert(FileKey(f)).second) {
      unique.push_back(f);
    } else {
      PrintError(f + ": named more than once; aligned once");
    }
  }
  return unique;
}

// Reads a --pairs file: one "src<TAB>tgt" line per pair, '#' comments.
StatusOr<std::vector<std::pair<std::string, std::string>>> ReadPairsFile(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot read the --pairs file");
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size() ||
        line.find('\t', tab + 1) != std::string::npos) {
      return InvalidArgumentError(path + ":" + std::to_string(number) +
                                  ": expected 'src<TAB>tgt'");
    }
    pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  if (pairs.empty()) {
    return InvalidArgumentError(path + ": the --pairs file lists no pair");
  }
  return pairs;
}

// Before aligning, refuses (without --force) when any file this run could
// write exists: refusing after the work, at the first existing file, left
// the folder half updated. Then creates the output folder.
int PrepareOutputFolder(
    const CollectionRequest& request,
    const std::vector<std::shared_ptr<const Document>>& docs) {
  const std::string out_dir = request.output_dir.back() == '/'
                                  ? request.output_dir
                                  : request.output_dir + "/";
  if (!Overwrite()) {
    std::set<std::string> langs;
    for (const auto& d : docs) langs.insert(d->lang());
    std::vector<std::string> existing;
    for (const std::string& a : langs) {
      for (const std::string& b : langs) {
        std::vector<std::string> names;
        const std::string base = out_dir + a + "-" + b;
        if (request.format == OutputFormat::kMoses) {
          names = MosesFileNames(base, a, b);
        } else {
          names = {base + OutputFormatExtension(request.format)};
        }
        for (const std::string& n : names) {
          struct stat st;
          if (::lstat(n.c_str(), &st) == 0) existing.push_back(n);
        }
      }
    }
    for (const std::string* path :
         {&request.clusters_path, &request.report_path, &request.review_path}) {
      struct stat st;
      if (!path->empty() && ::lstat(path->c_str(), &st) == 0) {
        existing.push_back(*path);
      }
    }
    if (!existing.empty()) {
      std::string list;
      for (const std::string& e : existing) list += "\n  " + e;
      PrintError(std::to_string(existing.size()) +
                 " output file(s) this run may write exist; pass --force to "
                 "replace them (nothing was aligned):" +
                 list);
      return kExitOutput;
    }
  }
  if (!IsDirectory(request.output_dir) &&
      ::mkdir(request.output_dir.c_str(), 0777) != 0) {
    PrintError("cannot create output folder " + request.output_dir + ": " +
               std::strerror(errno));
    return kExitOutput;
  }
  return kExitOk;
}

// The files of one run: one per language pair, the clusters, the review
// page.
int WriteCollectionOutputs(const CollectionRequest& request,
                           const WriterOptions& writer,
                           const std::vector<AlignedPair>& all_pairs) {
  const std::vector<AlignedPair>* pairs = &all_pairs;
  const std::string dir = request.output_dir.back() == '/'
                              ? request.output_dir
                              : request.output_dir + "/";
  std::vector<std::pair<std::string, std::vector<AlignedPair>>> written;
  for (const auto& [langs, group] : GroupByLanguagePair(*pairs)) {
    const std::string path =
        dir + langs + OutputFormatExtension(request.format);
    if (!request.review_path.empty()) written.emplace_back(path, group);
    const int rc = WritePairs(request.format, path, group, writer);
    if (rc != kExitOk) return rc;
    if (!request.quiet) {
      std::cerr << "align: wrote " << path << " (" << group.size()
                << " pairs)\n";
    }
  }
  if (!request.clusters_path.empty()) {
    const auto clusters =
        ClusterPassages(*pairs, writer.min_score > 0 ? writer.min_score : 0.5);
    if (!MayWrite(request.clusters_path)) return kExitOutput;
    Status s = WriteOutputFile(request.clusters_path,
                               RenderClustersJsonl(clusters), Overwrite());
    if (!s.ok()) {
      PrintError(s.ToString());
      return kExitOutput;
    }
    if (!request.quiet) {
      std::cerr << "align: wrote " << clusters.size() << " passage clusters to "
                << request.clusters_path << "\n";
    }
  }
  if (!request.review_path.empty()) {
    const int rc = WriteReviewPageForPairs(request.review_path, written, writer,
                                           request.report_path);
    if (rc != kExitOk) return rc;
  }
  if (pairs->empty()) {
    std::cerr
        << "align: no two articles report the same story; no TMX written\n";
  }
  return kExitOk;
}

// The --pairs of `listed` as indices into the documents (doc_of_file, by
// FileKey); a pair that cannot be aligned is reported. Returns how many.
int ResolveListedPairs(
    const std::string& pairs_path,
    const std::vector<std::pair<std::string, std::string>>& listed,
    const std::map<std::string, size_t>& doc_of_file,
    std::vector<std::pair<size_t, size_t>>* pairs) {
  int skipped = 0;
  for (const auto& [src, tgt] : listed) {
    auto s = doc_of_file.find(FileKey(src)), t = doc_of_file.find(FileKey(tgt));
    if (s == doc_of_file.end() || t == doc_of_file.end()) {
      PrintError(pairs_path + ": pair " + src + " -> " + tgt +
                 " skipped: an article could not be read");
      ++skipped;
    } else if (s->second == t->second) {
      PrintError(pairs_path + ": pair " + src + " -> " + tgt +
                 " skipped: an article is not paired with itself");
      ++skipped;
    } else {
      pairs->emplace_back(s->second, t->second);
    }
  }
  return skipped;
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
                  const WriterOptions& writer,
                  const CollectionRequest& request) {
  if (request.output_dir.empty()) {
    PrintError("several articles need -o DIR, a folder for the TMX files");
    return kExitUsage;
  }
  // `-o x.tmx` with three files made a folder named x.tmx.
  for (const char* ext : {".tmx", ".tsv", ".jsonl", ".xlf", ".xliff"}) {
    const std::string e = ext;
    const std::string& out = request.output_dir;
    if (out.size() > e.size() &&
        out.compare(out.size() - e.size(), e.size(), e) == 0 &&
        !IsDirectory(out)) {
      PrintError(
          "several articles write one file per language pair into a "
          "folder, but -o " +
          out + " names a file; give a folder (-o DIR)");
      return kExitUsage;
    }
  }
  int skipped = 0;
  std::vector<std::pair<std::string, std::string>> listed;
  if (!request.pairs_path.empty()) {
    auto pairs = ReadPairsFile(request.pairs_path);
    if (!pairs.ok()) {
      PrintError(pairs.status().ToString());
      return kExitNoInput;
    }
    listed = std::move(*pairs);
  }
  std::vector<std::string> files;
  {
    // The listed articles need not be named again; named again, they are
    // expected, with no note.
    std::set<std::string> seen;
    std::vector<std::string> named;
    for (const std::string& f : ExpandInputs(request.inputs, &skipped)) {
      if (seen.insert(FileKey(f)).second) named.push_back(f);
    }
    files = named;
    for (const auto& [src, tgt] : listed) {
      for (const std::string& f : {src, tgt}) {
        if (seen.insert(FileKey(f)).second) files.push_back(f);
      }
    }
  }
  auto pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().ToString());
    return kExitNoInput;
  }
  std::vector<std::shared_ptr<const Document>> docs;
  std::map<std::string, size_t> doc_of_file;
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
    if (WarnAboutInput((*doc)->warnings()) != kExitOk) ++skipped;
    for (const std::string& note : (*doc)->notes()) {
      PrintError("note: " + note);
    }
    doc_of_file[FileKey(f)] = docs.size();
    docs.push_back(*doc);
  }
  if (docs.size() < 2) {
    PrintError("need at least two usable articles, got " +
               std::to_string(docs.size()));
    return kExitNoInput;
  }
  if (const int rc = PrepareOutputFolder(request, docs); rc != kExitOk) {
    return rc;
  }
  CollectionOptions options;
  options.jobs = request.jobs;
  skipped += ResolveListedPairs(request.pairs_path, listed, doc_of_file,
                                &options.pairs);
  if (!listed.empty() && options.pairs.empty()) {
    PrintError(request.pairs_path + ": no listed pair can be aligned");
    return kExitNoInput;
  }
  Progress progress("aligning pairs");
  if (!request.quiet) {
    options.progress = [&progress](size_t done, size_t total) {
      progress(done, total);
    };
  }
  auto run = AlignCollection(**pipeline, docs, options);
  if (!run.ok()) {
    PrintError(run.status().ToString());
    return kExitNoInput;
  }
  const std::string report = RenderDecisionsJsonl(docs, *run, writer.min_score);
  if (request.verbose) std::cerr << report;
  if (!request.report_path.empty()) {
    const int rc = WriteOutput(request.report_path, report);
    if (rc != kExitOk) return rc;
  }
  if (const int rc = WriteCollectionOutputs(request, writer, run->pairs);
      rc != kExitOk) {
    return rc;
  }
  return skipped > 0 ? kExitSomeSkipped : kExitOk;
}

}  // namespace crossalign::cli
