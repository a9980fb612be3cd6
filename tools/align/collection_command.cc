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
#include <nlohmann/json.hpp>
#include <set>

#include "commands.h"
#include "crossalign/collection.h"
#include "crossalign/output_file.h"
#include "crossalign/writers.h"

namespace crossalign::cli {
namespace {

// --clusters: one JSON object per line and cluster, {"cluster", "documents",
// "passages": [{"document", "outlet", "lang", "segments", "start", "end",
// "text"}]}.
std::string ClustersJsonl(const std::vector<PassageCluster>& clusters) {
  std::string out;
  for (size_t c = 0; c < clusters.size(); ++c) {
    auto passages = nlohmann::ordered_json::array();
    for (const Passage& p : clusters[c].passages) {
      const Document& d = *p.document;
      passages.push_back({{"document", d.name()},
                          {"outlet", d.metadata().outlet},
                          {"lang", d.lang()},
                          {"segments", p.segments},
                          {"start", p.span.begin},
                          {"end", p.span.end},
                          {"text", p.text}});
    }
    const nlohmann::ordered_json line = {
        {"cluster", c},
        {"documents", clusters[c].passages.size()},
        {"passages", passages}};
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += "\n";
  }
  return out;
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
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
    Status s = WriteOutputFile(request.clusters_path, ClustersJsonl(clusters),
                               Overwrite());
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

// The --pairs of `listed` as indices into the documents: `also` holds the
// file of each listed article (ExpandArticleInputs), `doc_of_file` its
// document or -1. A pair that cannot be aligned is reported. Returns how
// many.
int ResolveListedPairs(
    const std::string& pairs_path,
    const std::vector<std::pair<std::string, std::string>>& listed,
    const std::vector<size_t>& also, const std::vector<int>& doc_of_file,
    std::vector<std::pair<size_t, size_t>>* pairs) {
  int skipped = 0;
  for (size_t k = 0; k < listed.size(); ++k) {
    const auto& [src, tgt] = listed[k];
    const int s = doc_of_file[also[2 * k]], t = doc_of_file[also[2 * k + 1]];
    if (s < 0 || t < 0) {
      PrintError(pairs_path + ": pair " + src + " -> " + tgt +
                 " skipped: an article could not be read");
      ++skipped;
    } else if (s == t) {
      PrintError(pairs_path + ": pair " + src + " -> " + tgt +
                 " skipped: an article is not paired with itself");
      ++skipped;
    } else {
      pairs->emplace_back(static_cast<size_t>(s), static_cast<size_t>(t));
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
  std::vector<std::pair<std::string, std::string>> listed;
  if (!request.pairs_path.empty()) {
    auto pairs = ReadArticlePairs(request.pairs_path);
    if (!pairs.ok()) {
      PrintError(pairs.status().ToString());
      return kExitNoInput;
    }
    listed = std::move(*pairs);
  }
  // The listed articles need not be named again; named again, they are
  // expected, with no note.
  std::vector<std::string> also;
  for (const auto& [src, tgt] : listed) also.insert(also.end(), {src, tgt});
  const ArticleFiles inputs = ExpandArticleInputs(request.inputs, also);
  for (const std::string& m : inputs.skipped) PrintError(m);
  for (const std::string& m : inputs.notes) PrintError(m);
  int skipped = static_cast<int>(inputs.skipped.size());
  auto pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().ToString());
    return kExitNoInput;
  }
  std::vector<std::shared_ptr<const Document>> docs;
  std::vector<int> doc_of_file(inputs.files.size(), -1);
  for (size_t k = 0; k < inputs.files.size(); ++k) {
    const std::string& f = inputs.files[k];
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
    doc_of_file[k] = static_cast<int>(docs.size());
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
  skipped +=
      ResolveListedPairs(request.pairs_path, listed, inputs.index_of_also,
                         doc_of_file, &options.pairs);
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
