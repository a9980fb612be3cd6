// Many articles at once: group the articles into stories (stories.h), align
// every pair inside a story and none across stories, group the pairs by
// language pair, and find the passages that two or more articles share ("who
// reported what"). Every pair considered gets a decision and its reason.
//
//   std::vector<std::shared_ptr<const Document>> docs = ...;  // Prepare()d
//   auto run = crossalign::AlignCollection(*pipeline, docs, {});
//   for (auto& [langs, group] : crossalign::GroupByLanguagePair(run->pairs))
//     writer.WriteFile(dir + "/" + langs + ".tmx", group);
#ifndef CROSSALIGN_COLLECTION_H_
#define CROSSALIGN_COLLECTION_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/pipeline.h"
#include "crossalign/status.h"
#include "crossalign/stories.h"
#include "crossalign/writers.h"

namespace crossalign {

struct CollectionOptions {
  // Articles are grouped into stories with the pipeline's
  // PipelineOptions::stories.
  // When not empty, exactly these pairs (indices into the documents, source
  // first) are aligned, in this order, and no grouping is done (--pairs).
  std::vector<std::pair<size_t, size_t>> pairs;
  // Worker threads for pairing and aligning (the pipeline is shared).
  int jobs = 1;
  // Called after each pair is aligned, with (done, total); from any thread,
  // never concurrently.
  std::function<void(size_t, size_t)> progress;
  // When set, each aligned pair is handed to it (with the index of its
  // decision in CollectionAlignment::decisions) instead of being kept in
  // CollectionAlignment::pairs: in the order of the decisions, as soon as it
  // and every pair before it are aligned, from any thread, never
  // concurrently. So a run holds only the pairs in flight (and those done
  // while an earlier one still runs). Its first error stops the run: no
  // further pair is aligned and AlignCollection returns that error. To stop
  // a run early on purpose, return CancelledError (kCancelled).
  std::function<Status(size_t, AlignedPair&&)> on_pair;
};

// What was decided for one pair of articles.
struct PairDecision {
  size_t src = 0, tgt = 0;  // indices into the documents
  double similarity = 0.0;  // StoryLink::similarity, in [0, 1]
  int story = -1;           // story of both articles; -1 when unrelated
  // "translation", "comparable" (aligned in that mode) or "unrelated" (not
  // aligned).
  std::string decision;
  std::string reason;  // the story decision, then the mode decision
  int aligned = -1;    // index into CollectionAlignment::pairs, or -1
  // With CollectionOptions::on_pair (pairs not kept): the units of the pair,
  // for RenderDecisionsJsonl, set by the caller.
  int units = 0;
};

struct CollectionAlignment {
  std::vector<AlignedPair> pairs;  // the aligned pairs
  // Every pair considered, aligned or not, in document order: the pairs
  // that share a name or number (StoryGrouping::links) and every pair inside
  // a story; with CollectionOptions::pairs, the pairs listed.
  std::vector<PairDecision> decisions;
  std::vector<int> story_of;  // story of each document (StoryGrouping)
};

// Groups the documents into stories and aligns every pair of articles inside
// a story (never a document with itself, nor two documents with the same
// text). Orientation: the language with more articles is the source; within
// one language, the documents keep their order. The result is in a stable
// order whatever the number of jobs.
StatusOr<CollectionAlignment> AlignCollection(
    const Pipeline& pipeline,
    const std::vector<std::shared_ptr<const Document>>& documents,
    const CollectionOptions& options);

// The article files that the inputs of many-article mode name, in order:
//  - a file as it is;
//  - a folder: its *.txt, *.html and *.htm files and those of its
//    sub-folders (down to 16 levels; hidden ones, such as .git, are left
//    out), sorted;
//  - @LIST: the paths listed in the file LIST, one per line ('#' starts a
//    comment line).
// The same file named twice (by any path) is kept once, with a note.
// `also` (the articles of --pairs) are added after them unless already
// there, without a note.
struct ArticleFiles {
  std::vector<std::string> files;
  // Inputs left out, each with its reason ("LIST: cannot read the list
  // file; skipped", "DIR: no .txt files in this folder...; skipped").
  std::vector<std::string> skipped;
  // "FILE: named more than once; aligned once".
  std::vector<std::string> notes;
  // Index in files of each of `also`.
  std::vector<size_t> index_of_also;
};
ArticleFiles ExpandArticleInputs(const std::vector<std::string>& inputs,
                                 const std::vector<std::string>& also = {});

// Reads a --pairs file: one "src<TAB>tgt" line per pair, '#' comments.
// kNotFound when it cannot be read; kInvalidArgument "PATH:LINE: expected
// 'src<TAB>tgt'" or when it lists no pair.
StatusOr<std::vector<std::pair<std::string, std::string>>> ReadArticlePairs(
    const std::string& path);

// Pairs grouped by "src-tgt" language codes ("en-uk", "en-en").
std::map<std::string, std::vector<AlignedPair>> GroupByLanguagePair(
    const std::vector<AlignedPair>& pairs);

// One passage of a cluster: segments of one document.
struct Passage {
  std::shared_ptr<const Document> document;
  std::vector<int> segments;  // sorted
  // The segments' texts, white space collapsed, joined by a space.
  std::string text;
  // Bytes of the document's text from the first segment's start to the
  // last one's end.
  Span span;
};

// A fact or quote that two or more articles carry: the passages, across all
// articles and languages, linked by aligned beads.
struct PassageCluster {
  std::vector<Passage> passages;  // in document order of the input
};

// Clusters of passages linked by beads scoring at least `min_score`; only
// clusters spanning two or more documents are returned.
std::vector<PassageCluster> ClusterPassages(
    const std::vector<AlignedPair>& pairs, double min_score);

// ClusterPassages one pair at a time, for a run that does not keep its
// pairs: Add() each pair in order, then Clusters() (the same clusters).
class PassageClusterer {
 public:
  explicit PassageClusterer(double min_score);
  ~PassageClusterer();
  PassageClusterer(const PassageClusterer&) = delete;
  PassageClusterer& operator=(const PassageClusterer&) = delete;
  void Add(const AlignedPair& pair);
  std::vector<PassageCluster> Clusters();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One JSON object per line and pair decision: {"src", "tgt" (document
// names), "similarity", "decision", "reason", "units" (pair beads scoring at
// least `min_score`), "story"}.
std::string RenderDecisionsJsonl(
    const std::vector<std::shared_ptr<const Document>>& documents,
    const CollectionAlignment& run, double min_score);

}  // namespace crossalign

#endif  // CROSSALIGN_COLLECTION_H_
