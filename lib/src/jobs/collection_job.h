// `align FILE|DIR|@LIST... -o DIR` and `align SRC TGT`: the runs that read
// article files and write every output of `align`. A job of the `align`
// tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_COLLECTION_JOB_H_
#define CROSSALIGN_JOBS_COLLECTION_JOB_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "crossalign/collection.h"
#include "crossalign/pipeline.h"
#include "crossalign/writers.h"
#include "jobs/run_result.h"

namespace crossalign {

// Runs that read article files and write every output of `align`: many
// articles (RunCollectionJob) and one pair (RunPairJob). Outputs go through
// temporary files renamed into place; without WriterOptions::replace an
// existing output is refused (before any alignment where it can be known).

// `align FILE|DIR|@LIST... -o DIR`.
struct CollectionJob {
  std::vector<std::string> inputs;  // files, folders, @LIST files
  std::string output_dir;
  std::string clusters_path;  // ClusterPassages as JSON lines, optional
  std::string report_path;    // the decision lines, optional
  std::string pairs_path;     // ReadArticlePairs: align exactly these
  std::string review_path;    // a review page (review_page.h), optional
  // When set, nothing is aligned and output_dir is not needed: the stories
  // are written here as a batch manifest (batch.h), one TSV item per story
  // of two or more articles, "id=story-NNNNNN<TAB>FILE<TAB>FILE...", in
  // order of first article, so that `align batch` shards whole stories.
  std::string stories_path;
  OutputFormat format = OutputFormat::kTmx;  // not beads
  WriterOptions writer;
  int jobs = 1;
  bool strict = false;  // the first unusable article stops the run
  RunReport report;
  // Called with (0, 0) once when aligning starts (the articles prepared,
  // the outputs checked), then as CollectionOptions::progress.
  std::function<void(size_t, size_t)> progress;
};

// Expands the inputs (ExpandArticleInputs), prepares every article, refuses
// existing outputs, aligns (AlignCollection) and writes, into output_dir,
// one file per language pair (SRC-TGT + OutputFormatExtension, or
// MosesFileNames), then the report, the clusters (one JSON object per line
// and cluster: {"cluster", "documents", "passages": [{"document", "outlet",
// "lang", "segments", "start", "end", "text"}]}, beads scoring at least
// writer.min_score, or 0.5 when it is 0) and the review page. Unusable
// articles and pairs are reported and skipped (with `strict`, the first
// stops the run). kRequest faults: no output folder, or one named like a
// file (x.tmx).
RunResult RunCollectionJob(const PipelineOptions& pipeline,
                           const CollectionJob& job);

// `align SRC TGT`.
struct PairJob {
  std::string src_file, tgt_file;
  std::string src_lang, tgt_lang;           // detected when empty
  std::string output;                       // empty: `standard_output`
  std::ostream* standard_output = nullptr;  // nullptr: std::cout
  std::string report_path;                  // the decision line, optional
  std::string review_path;  // a review page, optional (not for beads)
  OutputFormat format = OutputFormat::kTmx;
  WriterOptions writer;
  RunReport report;
};

// Aligns the pair (Pipeline::AlignFiles; pre-segmented input whose two
// languages are given needs no language model) and writes the output, the
// one decision line (as RenderDecisionsJsonl), the review page (the output
// named "stdout" when it went there) and a kWritten summary: "N unit(s)
// written (SRC-TGT, MODE mode) to OUTPUT". Two articles of different
// stories are a warning and nothing aligned.
RunResult RunPairJob(PipelineOptions pipeline, const PairJob& job);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_COLLECTION_JOB_H_
