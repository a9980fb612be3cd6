// RunCollectionJob and RunPairJob: what `align` does once its options are
// parsed, from the article files to every output file.
#include "jobs/collection_job.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <utility>

#include "crossalign/collection.h"
#include "crossalign/output_file.h"
#include "crossalign/review_page.h"
#include "crossalign/tmx_writer.h"
#include "jobs/run_output.h"
#include "write/pair_stream.h"

namespace crossalign {
namespace {

using internal::Fail;
using internal::MayWrite;
using internal::Say;
using internal::SayWarnings;
using internal::WriteText;

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Render() written to `output` (or `out`); moses writes both files or
// neither. A moses output that cannot be rendered is a request fault.
// Several files (moses, whose names hold the languages) are checked to be
// distinct from `inputs` first.
Status WritePairs(OutputFormat format, const std::string& output,
                  const std::vector<AlignedPair>& pairs,
                  const WriterOptions& writer, std::ostream* out,
                  RunFault* fault, const std::vector<std::string>& inputs) {
  *fault = RunFault::kOutput;
  auto files = Render(format, output, pairs, writer);
  if (!files.ok()) {
    if (format == OutputFormat::kMoses) *fault = RunFault::kRequest;
    return files.status();
  }
  if (files->size() == 1) {
    return WriteText(output, files->front().content, writer.replace, out);
  }
  std::vector<std::pair<std::string, std::string>> named;
  for (const OutputFile& file : *files) named.emplace_back("-o", file.path);
  if (Status s = CheckDistinctOutputs(named, inputs); !s.ok()) {
    *fault = RunFault::kRequest;
    return s;
  }
  for (const OutputFile& file : *files) {
    CROSSALIGN_RETURN_IF_ERROR(MayWrite(file.path, writer.replace));
  }
  std::vector<std::pair<std::string, std::string_view>> contents;
  for (const OutputFile& file : *files) {
    contents.emplace_back(file.path, file.content);
  }
  return WriteOutputFiles(contents, writer.replace);
}

// The review page for the units that the file of each (name, pairs) holds,
// with the report file `report_path` (already written) when not empty. An
// unreadable report is an input fault.
Status WriteReviewPageForPairs(
    const std::string& page_path,
    const std::vector<std::pair<std::string, std::vector<AlignedPair>>>&
        memories,
    const WriterOptions& writer_options, const std::string& report_path,
    RunFault* fault) {
  ReviewPageOptions options;
  if (!report_path.empty()) {
    auto report = ReadAlignReportFile(report_path);
    if (!report.ok()) {
      *fault = RunFault::kInput;
      return report.status();
    }
    options.report = std::move(*report);
  }
  *fault = RunFault::kOutput;
  std::vector<ReviewSource> sources;
  const TmxWriter writer(writer_options.tmx);
  for (const auto& [name, pairs] : memories) {
    StatusOr<TmxMemory> memory =
        writer.ToMemory(KeepScoring(pairs, writer_options.min_score));
    if (!memory.ok()) return memory.status();
    ReviewSource source;
    source.name = name;
    source.memory = std::move(*memory);
    // The run's own segmented articles, for the document view.
    std::set<std::string> seen;
    for (const AlignedPair& pair : pairs) {
      for (const Document* doc : {pair.src.get(), pair.tgt.get()}) {
        if (doc != nullptr && seen.insert(doc->name()).second) {
          source.articles.push_back(MakeReviewArticle(*doc));
        }
      }
    }
    sources.push_back(std::move(source));
  }
  if (sources.empty()) {
    sources.emplace_back();
    sources.back().name = "(no units)";
  }
  return WriteReviewPage(page_path, sources, options);
}

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

std::string WithSlash(const std::string& dir) {
  return dir.back() == '/' ? dir : dir + "/";
}

// Kinds of request the collection refuses before reading anything.
Status CheckOutputFolder(const std::string& out) {
  if (out.empty() || out == "-") {
    return InvalidArgumentError(
        "several articles need -o DIR, a folder for the TMX files");
  }
  // `-o x.tmx` with three files made a folder named x.tmx.
  for (const std::string_view e :
       {".tmx", ".tsv", ".jsonl", ".xlf", ".xliff"}) {
    if (out.size() > e.size() &&
        out.compare(out.size() - e.size(), e.size(), e) == 0 &&
        !IsDirectory(out)) {
      return InvalidArgumentError(
          "several articles write one file per language pair into a "
          "folder, but -o " +
          out + " names a file; give a folder (-o DIR)");
    }
  }
  return Status::Ok();
}

// Before aligning, refuses (without replace) when any file this run could
// write exists: refusing after the work, at the first existing file, left
// the folder half updated. Then creates the output folder.
// The outputs must be distinct from each other and from the `inputs`
// (a request fault, in *fault).
Status PrepareOutputFolder(
    const CollectionJob& job,
    const std::vector<std::shared_ptr<const Document>>& docs,
    const std::vector<std::string>& inputs, RunFault* fault) {
  const std::string out_dir = WithSlash(job.output_dir);
  std::set<std::string> langs;
  for (const auto& d : docs) langs.insert(d->lang());
  std::vector<std::pair<std::string, std::string>> outputs = {
      {"--clusters", job.clusters_path},
      {"--report", job.report_path},
      {"--review", job.review_path}};
  for (const std::string& a : langs) {
    for (const std::string& b : langs) {
      const std::string base = out_dir + a + "-" + b;
      const std::vector<std::string> names =
          job.format == OutputFormat::kMoses
              ? MosesFileNames(base, a, b)
              : std::vector<std::string>{base +
                                         OutputFormatExtension(job.format)};
      for (const std::string& n : names) outputs.emplace_back("-o DIR", n);
    }
  }
  *fault = RunFault::kRequest;
  CROSSALIGN_RETURN_IF_ERROR(CheckDistinctOutputs(outputs, inputs));
  *fault = RunFault::kOutput;
  if (!job.writer.replace) {
    std::vector<std::string> existing;
    for (const auto& [role, path] : outputs) {
      if (!MayWrite(path, false).ok()) existing.push_back(path);
    }
    if (!existing.empty()) {
      std::string list;
      for (const std::string& e : existing) list += "\n  " + e;
      return FailedPreconditionError(
          std::to_string(existing.size()) +
          " output file(s) this run may write exist; pass --force to "
          "replace them (nothing was aligned):" +
          list);
    }
  }
  if (!IsDirectory(job.output_dir) &&
      ::mkdir(job.output_dir.c_str(), 0777) != 0) {
    return PermissionDeniedError("cannot create output folder " +
                                 job.output_dir + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

// The articles of a collection run, prepared, and the listed pairs.
struct CollectionInputs {
  std::vector<std::shared_ptr<const Document>> docs;
  std::vector<std::pair<size_t, size_t>> pairs;  // --pairs, as indices
};

// The --pairs of `listed` as indices into the documents: `also` holds the
// file of each listed article, `doc_of_file` its document or -1. A pair
// that cannot be aligned is reported and counted in *problems.
std::vector<std::pair<size_t, size_t>> ResolveListedPairs(
    const CollectionJob& job,
    const std::vector<std::pair<std::string, std::string>>& listed,
    const std::vector<size_t>& also, const std::vector<int>& doc_of_file,
    size_t* problems) {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t k = 0; k < listed.size(); ++k) {
    const auto& [src, tgt] = listed[k];
    const int s = doc_of_file[also[2 * k]], t = doc_of_file[also[2 * k + 1]];
    if (s < 0 || t < 0 || s == t) {
      Say(job.report, RunMessage::kSkipped,
          job.pairs_path + ": pair " + src + " -> " + tgt + " skipped: " +
              (s == t && s >= 0 ? "an article is not paired with itself"
                                : "an article could not be read"));
      ++*problems;
    } else {
      pairs.emplace_back(static_cast<size_t>(s), static_cast<size_t>(t));
    }
  }
  return pairs;
}

// The run's outputs, written as the pairs come (CollectionOptions::on_pair):
// one PairStream per language pair, the passage clusters, the unit counts of
// the report; only a review page needs the pairs kept to the end.
class CollectionOutputs {
 public:
  explicit CollectionOutputs(const CollectionJob& job)
      : job_(job),
        dir_(WithSlash(job.output_dir)),
        clusterer_(job.writer.min_score > 0 ? job.writer.min_score : 0.5) {}

  Status Add(size_t decision, AlignedPair&& pair) {
    const std::string langs = pair.src->lang() + "-" + pair.tgt->lang();
    auto it = streams_.find(langs);
    if (it == streams_.end()) {
      it = streams_
               .emplace(langs,
                        std::make_unique<internal::PairStream>(
                            job_.format,
                            dir_ + langs + OutputFormatExtension(job_.format),
                            job_.writer))
               .first;
    }
    units_.emplace_back(
        decision, static_cast<int>(CountUnits({pair}, job_.writer.min_score)));
    total_units_ += units_.back().second;
    if (!job_.clusters_path.empty()) clusterer_.Add(pair);
    Status s = it->second->Add(pair);
    if (!s.ok()) {
      fault_ = RunFault::kOutput;
      return s;
    }
    if (!job_.review_path.empty()) kept_[langs].push_back(std::move(pair));
    return Status::Ok();
  }

  // The units of each aligned pair, into its decision.
  void CountInto(CollectionAlignment* run) const {
    for (const auto& [decision, units] : units_) {
      run->decisions[decision].units = units;
    }
  }
  size_t units() const { return total_units_; }
  RunFault fault() const { return fault_; }

  // Writes the files of each language pair, the clusters, the review page
  // (the report is already written).
  RunResult Finish() {
    std::vector<std::pair<std::string, std::vector<AlignedPair>>> written;
    for (auto& [langs, stream] : streams_) {
      const std::string path =
          dir_ + langs + OutputFormatExtension(job_.format);
      if (!job_.review_path.empty()) {
        written.emplace_back(path, std::move(kept_[langs]));
      }
      Status s = stream->Finish();
      if (!s.ok()) {
        return Fail(job_.format == OutputFormat::kMoses &&
                            s.code() == StatusCode::kInvalidArgument
                        ? RunFault::kRequest
                        : RunFault::kOutput,
                    std::move(s));
      }
      Say(job_.report, RunMessage::kWritten,
          "wrote " + path + " (" + std::to_string(stream->pairs()) +
              (stream->pairs() == 1 ? " pair)" : " pairs)"));
    }
    if (!job_.clusters_path.empty()) {
      const auto clusters = clusterer_.Clusters();
      Status s = WriteText(job_.clusters_path, ClustersJsonl(clusters),
                           job_.writer.replace, &std::cout);
      if (!s.ok()) return Fail(RunFault::kOutput, std::move(s));
      Say(job_.report, RunMessage::kWritten,
          "wrote " + std::to_string(clusters.size()) + " passage clusters to " +
              job_.clusters_path);
    }
    if (!job_.review_path.empty()) {
      RunFault fault = RunFault::kNone;
      Status s = WriteReviewPageForPairs(job_.review_path, written, job_.writer,
                                         job_.report_path, &fault);
      if (!s.ok()) return Fail(fault, std::move(s));
      Say(job_.report, RunMessage::kWritten,
          "wrote the review page " + job_.review_path);
    }
    if (streams_.empty()) {
      Say(job_.report, RunMessage::kInfo,
          "no two articles report the same story; no TMX written");
    }
    return RunResult();
  }

 private:
  const CollectionJob& job_;
  const std::string dir_;
  std::map<std::string, std::unique_ptr<internal::PairStream>> streams_;
  std::map<std::string, std::vector<AlignedPair>> kept_;  // for a review page
  std::vector<std::pair<size_t, int>> units_;             // (decision, units)
  size_t total_units_ = 0;
  PassageClusterer clusterer_;
  RunFault fault_ = RunFault::kInput;
};

// --stories: the stories of `docs` as a batch manifest, one item per story
// of two or more articles, the files as found (file k is document
// doc_of_file[k]). Nothing is aligned.
RunResult WriteStoriesManifest(
    const CollectionJob& job, const StoryOptions& options,
    const std::vector<std::shared_ptr<const Document>>& docs,
    const std::vector<std::string>& files, const std::vector<int>& doc_of_file,
    RunResult result) {
  std::vector<std::string> file_of(docs.size());
  for (size_t k = 0; k < files.size(); ++k) {
    if (doc_of_file[k] >= 0) file_of[doc_of_file[k]] = files[k];
  }
  const StoryGrouping grouping = GroupStories(docs, options);
  std::vector<std::vector<size_t>> members;
  for (size_t d = 0; d < docs.size(); ++d) {
    const size_t s = static_cast<size_t>(grouping.story_of[d]);
    if (s >= members.size()) members.resize(s + 1);
    members[s].push_back(d);
  }
  std::string manifest =
      "# align --stories: one item per story of two or more articles\n";
  size_t items = 0;
  for (const std::vector<size_t>& story : members) {
    if (story.size() < 2) continue;
    char id[32];
    std::snprintf(id, sizeof id, "id=story-%06zu", ++items);
    manifest += id;
    for (size_t d : story) {
      if (file_of[d].find_first_of("\t\n\r") != std::string::npos) {
        return Fail(RunFault::kInput,
                    InvalidArgumentError(file_of[d] +
                                         ": a file name with a tab or line "
                                         "break cannot go into a manifest"));
      }
      manifest += "\t" + file_of[d];
    }
    manifest += "\n";
  }
  Status s =
      WriteText(job.stories_path, manifest, job.writer.replace, &std::cout);
  if (!s.ok()) return Fail(RunFault::kOutput, std::move(s));
  Say(job.report, RunMessage::kWritten,
      "wrote " + std::to_string(items) + " stories of two or more articles (" +
          std::to_string(docs.size()) + " articles) to " + job.stories_path);
  return result;
}

}  // namespace

RunResult RunCollectionJob(const PipelineOptions& pipeline_options,
                           const CollectionJob& job) {
  if (job.stories_path.empty()) {
    if (Status s = CheckOutputFolder(job.output_dir); !s.ok()) {
      return Fail(RunFault::kRequest, std::move(s));
    }
  }
  std::vector<std::pair<std::string, std::string>> listed;
  if (!job.pairs_path.empty()) {
    auto pairs = ReadArticlePairs(job.pairs_path);
    if (!pairs.ok()) return Fail(RunFault::kInput, pairs.status());
    listed = std::move(*pairs);
  }
  // The listed articles need not be named again; named again, they are
  // expected, with no note.
  std::vector<std::string> also;
  for (const auto& [src, tgt] : listed) also.insert(also.end(), {src, tgt});
  const ArticleFiles inputs = ExpandArticleInputs(job.inputs, also);
  for (const std::string& m : inputs.skipped) {
    Say(job.report, RunMessage::kSkipped, m);
  }
  for (const std::string& m : inputs.notes) {
    Say(job.report, RunMessage::kInfo, m);
  }
  RunResult result;
  result.problems = inputs.skipped.size();
  auto pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) return Fail(RunFault::kInput, pipeline.status());
  std::vector<std::shared_ptr<const Document>> docs;
  std::vector<int> doc_of_file(inputs.files.size(), -1);
  for (size_t k = 0; k < inputs.files.size(); ++k) {
    auto doc = (*pipeline)->Prepare(inputs.files[k]);
    if (!doc.ok()) {
      if (job.strict) {
        return Fail(RunFault::kInput,
                    Status(doc.status().code(),
                           doc.status().message() + " (--strict: stopping)"));
      }
      Say(job.report, RunMessage::kSkipped,
          doc.status().message() + "; skipped");
      ++result.problems;
      continue;
    }
    if (SayWarnings(job.report, (*doc)->warnings()) > 0) ++result.problems;
    for (const std::string& note : (*doc)->notes()) {
      Say(job.report, RunMessage::kNote, note);
    }
    doc_of_file[k] = static_cast<int>(docs.size());
    docs.push_back(*doc);
  }
  if (docs.size() < 2) {
    return Fail(RunFault::kInput,
                FailedPreconditionError("need at least two usable articles, "
                                        "got " +
                                        std::to_string(docs.size())));
  }
  if (!job.stories_path.empty()) {
    return WriteStoriesManifest(job, pipeline_options.stories, docs,
                                inputs.files, doc_of_file, std::move(result));
  }
  RunFault fault = RunFault::kNone;
  if (Status s = PrepareOutputFolder(job, docs, inputs.files, &fault);
      !s.ok()) {
    return Fail(fault, std::move(s));
  }
  CollectionOptions options;
  options.jobs = job.jobs;
  options.pairs = ResolveListedPairs(job, listed, inputs.index_of_also,
                                     doc_of_file, &result.problems);
  if (!listed.empty() && options.pairs.empty()) {
    return Fail(RunFault::kInput,
                InvalidArgumentError(job.pairs_path +
                                     ": no listed pair can be aligned"));
  }
  options.progress = job.progress;
  CollectionOutputs outputs(job);
  options.on_pair = [&](size_t decision, AlignedPair&& pair) {
    return outputs.Add(decision, std::move(pair));
  };
  if (job.progress) job.progress(0, 0);
  auto run = AlignCollection(**pipeline, docs, options);
  if (!run.ok()) return Fail(outputs.fault(), run.status());
  outputs.CountInto(&*run);
  result.decisions = RenderDecisionsJsonl(docs, *run, job.writer.min_score);
  Say(job.report, RunMessage::kDecisions, result.decisions);
  if (!job.report_path.empty()) {
    Status s = WriteText(job.report_path, result.decisions, job.writer.replace,
                         &std::cout);
    if (!s.ok()) return Fail(RunFault::kOutput, std::move(s));
  }
  RunResult written = outputs.Finish();
  if (!written.status.ok()) return written;
  result.units = outputs.units();
  return result;
}

// Two articles with this many segments together are announced before they
// are aligned (kProgress): 51,000 sentences a side took 14 s of silence
// (issue #27); about 5,000 together take a second or more.
constexpr size_t kLongPairSegments = 5000;

RunResult RunPairJob(PipelineOptions options, const PairJob& job) {
  std::ostream* out = internal::StandardOutput(job.standard_output);
  if (job.src_file == "-" && job.tgt_file == "-") {
    return Fail(RunFault::kRequest,
                InvalidArgumentError("standard input (-) can be read only "
                                     "once: give one article as a file"));
  }
  // "-" names standard output, as no -o does.
  const bool to_stdout = job.output.empty() || job.output == "-";
  // Every output a file of its own, and none an input, before any work.
  // (Moses names hold the languages: checked once they are known.)
  std::string main_output = to_stdout ? "-" : job.output;
  if (job.format == OutputFormat::kMoses) main_output.clear();
  if (Status s = CheckDistinctOutputs({{"-o", main_output},
                                       {"--report", job.report_path},
                                       {"--review", job.review_path}},
                                      {job.src_file, job.tgt_file});
      !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  // The outputs are checked before the work (the rename re-checks them).
  // (Moses names hold the languages, known only after detection.)
  if (job.format != OutputFormat::kMoses) {
    if (Status s = MayWrite(job.output, job.writer.replace); !s.ok()) {
      return Fail(RunFault::kOutput, std::move(s));
    }
  }
  // Pre-segmented input whose languages are given needs no language model.
  options.languages_given =
      options.presegmented && !job.src_lang.empty() && !job.tgt_lang.empty();
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return Fail(RunFault::kInput, pipeline.status());
  // Read, then aligned, saying what was read (-v) and, for long articles,
  // that the aligning takes a while.
  std::shared_ptr<const Document> docs[2];
  for (int side = 0; side < 2; ++side) {
    const std::string& file = side == 0 ? job.src_file : job.tgt_file;
    auto doc =
        (*pipeline)->Prepare(file, side == 0 ? job.src_lang : job.tgt_lang);
    if (!doc.ok()) return Fail(RunFault::kInput, doc.status());
    docs[side] = *doc;
    Say(job.report, RunMessage::kDetail,
        "read " + file + ": " + std::to_string((*doc)->segments().size()) +
            " segment(s), language " + (*doc)->lang());
  }
  const size_t segments =
      docs[0]->segments().size() + docs[1]->segments().size();
  if (segments >= kLongPairSegments) {
    Say(job.report, RunMessage::kProgress,
        "aligning " + std::to_string(docs[0]->segments().size()) + " and " +
            std::to_string(docs[1]->segments().size()) +
            " segments; long articles take a while");
  }
  auto pair = (*pipeline)->Align(docs[0], docs[1]);
  if (!pair.ok()) return Fail(RunFault::kInput, pair.status());
  Say(job.report, RunMessage::kDetail,
      std::string("decision: ") + AlignmentDecision(pair->alignment) + " (" +
          pair->alignment.mode_reason + ")");
  // Damaged but usable input: say so; the output is still written.
  RunResult result;
  for (const auto& doc : {pair->src, pair->tgt}) {
    result.problems += SayWarnings(job.report, doc->warnings());
    for (const std::string& n : doc->notes()) {
      Say(job.report, RunMessage::kNote, n);
    }
  }
  result.problems += SayWarnings(job.report, pair->alignment.warnings);
  // One decision line, as in many-article mode.
  CollectionAlignment run;
  PairDecision decision;
  decision.src = 0;
  decision.tgt = 1;
  decision.similarity = std::max(0.0, pair->alignment.story_similarity);
  decision.decision = AlignmentDecision(pair->alignment);
  decision.reason = pair->alignment.mode_reason;
  decision.aligned = 0;
  run.decisions.push_back(decision);
  run.pairs.push_back(*pair);
  result.decisions =
      RenderDecisionsJsonl({pair->src, pair->tgt}, run, job.writer.min_score);
  Say(job.report, RunMessage::kDecisions, result.decisions);
  if (!job.report_path.empty()) {
    Status s =
        WriteText(job.report_path, result.decisions, job.writer.replace, out);
    if (!s.ok()) return Fail(RunFault::kOutput, std::move(s));
  }
  if (pair->alignment.unrelated) {
    Say(job.report, RunMessage::kWarning,
        job.src_file + " and " + job.tgt_file +
            " look like reports of different stories; nothing aligned (" +
            pair->alignment.mode_reason +
            "). --mode translation aligns them anyway; --same-story 0 takes "
            "them for one story");
    ++result.problems;
  }
  RunFault fault = RunFault::kNone;
  Status s = WritePairs(job.format, job.output, {*pair}, job.writer, out,
                        &fault, {job.src_file, job.tgt_file});
  if (!s.ok()) return Fail(fault, std::move(s));
  result.units = CountUnits({*pair}, job.writer.min_score);
  if (!job.review_path.empty() && job.format != OutputFormat::kBeads) {
    s = WriteReviewPageForPairs(job.review_path,
                                {{to_stdout ? "stdout" : job.output, {*pair}}},
                                job.writer, job.report_path, &fault);
    if (!s.ok()) return Fail(fault, std::move(s));
    Say(job.report, RunMessage::kWritten,
        "wrote the review page " + job.review_path);
  }
  // One line on success: what was written, how, where.
  Say(job.report, RunMessage::kWritten,
      std::to_string(result.units) + " unit(s) written (" + pair->src->lang() +
          "-" + pair->tgt->lang() + ", " + AlignmentDecision(pair->alignment) +
          (pair->alignment.unrelated ? "" : " mode") + ") to " +
          (to_stdout ? std::string("standard output") : job.output));
  return result;
}

}  // namespace crossalign
