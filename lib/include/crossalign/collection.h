// Many articles at once: pair up the articles that report the same story,
// align every pair, group the pairs by language pair, and find the passages
// that two or more articles share ("who reported what").
//
//   std::vector<std::shared_ptr<const Document>> docs = ...;  // Prepare()d
//   auto pairs = crossalign::AlignCollection(*pipeline, docs, {});
//   for (auto& [langs, group] : crossalign::GroupByLanguagePair(*pairs))
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

namespace crossalign {

struct CollectionOptions {
  // Two articles report the same story when at least this share of the
  // shorter one's sentences finds a confident counterpart in the other
  // (ComparableAligner::DocumentSimilarity).
  double same_story = 0.2;
  // Worker threads for pairing and aligning (the pipeline is shared).
  int jobs = 1;
  // Called after each pair is aligned, with (done, total); from any thread,
  // never concurrently.
  std::function<void(size_t, size_t)> progress;
};

// Pairs up the documents that report the same story (never a document with
// itself, nor two documents with the same text) and aligns each such pair.
// Orientation: the language with more articles is the source; within one
// language, the documents keep their order. The result is in a stable order
// whatever the number of jobs.
StatusOr<std::vector<AlignedPair>> AlignCollection(
    const Pipeline& pipeline,
    const std::vector<std::shared_ptr<const Document>>& documents,
    const CollectionOptions& options);

// Pairs grouped by "src-tgt" language codes ("en-uk", "en-en").
std::map<std::string, std::vector<AlignedPair>> GroupByLanguagePair(
    const std::vector<AlignedPair>& pairs);

// One passage of a cluster: segments of one document.
struct Passage {
  std::shared_ptr<const Document> document;
  std::vector<int> segments;
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

// One JSON object per line: {"cluster", "documents", "passages": [{"document",
// "outlet", "lang", "segments", "start", "end", "text"}]}.
std::string RenderClustersJsonl(const std::vector<PassageCluster>& clusters);

}  // namespace crossalign

#endif  // CROSSALIGN_COLLECTION_H_
