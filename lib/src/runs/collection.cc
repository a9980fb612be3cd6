#include "crossalign/collection.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>

#include "base/json_string.h"
#include "base/parallel_for.h"
#include "base/utf8.h"

namespace crossalign {
namespace {

using internal::JsonString;
using internal::ParallelFor;

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

}  // namespace

ArticleFiles ExpandArticleInputs(const std::vector<std::string>& inputs,
                                 const std::vector<std::string>& also) {
  ArticleFiles result;
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (!input.empty() && input[0] == '@') {
      std::ifstream list(input.substr(1));
      if (!list) {
        result.skipped.push_back(input.substr(1) +
                                 ": cannot read the list file; skipped");
        continue;
      }
      std::string line;
      while (std::getline(list, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') files.push_back(line);
      }
    } else if (IsDirectory(input)) {
      // Sub-folders too (corpora/STORY/*.txt).
      std::vector<std::string> found;
      CollectTextFiles(input, 0, &found);
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        result.skipped.push_back(
            input +
            ": no .txt files in this folder or its sub-folders; skipped");
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  // The same file named twice is aligned once.
  std::map<std::string, size_t> index_of;  // by FileKey
  for (const std::string& f : files) {
    if (index_of.emplace(FileKey(f), result.files.size()).second) {
      result.files.push_back(f);
    } else {
      result.notes.push_back(f + ": named more than once; aligned once");
    }
  }
  for (const std::string& f : also) {
    const auto [it, added] = index_of.emplace(FileKey(f), result.files.size());
    if (added) result.files.push_back(f);
    result.index_of_also.push_back(it->second);
  }
  return result;
}

StatusOr<std::vector<std::pair<std::string, std::string>>> ReadArticlePairs(
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

StatusOr<CollectionAlignment> AlignCollection(
    const Pipeline& pipeline,
    const std::vector<std::shared_ptr<const Document>>& documents,
    const CollectionOptions& options) {
  CollectionAlignment run;
  // How many articles each language has decides the orientation.
  std::map<std::string, int> per_lang;
  for (const auto& d : documents) ++per_lang[d->lang()];
  auto source_first = [&](size_t i, size_t j) {
    const std::string& li = documents[i]->lang();
    const std::string& lj = documents[j]->lang();
    return li == lj || per_lang[li] > per_lang[lj] ||
           (per_lang[li] == per_lang[lj] && li < lj);
  };
  const StoryGrouping stories =
      GroupStories(documents, pipeline.options().stories);
  run.story_of = stories.story_of;
  std::vector<size_t> to_align;  // indices into run.decisions
  auto consider = [&](size_t src, size_t tgt, const StoryLink& link,
                      bool listed) {
    PairDecision d;
    d.src = src;
    d.tgt = tgt;
    d.similarity = link.similarity;
    d.reason = link.reason;
    if (documents[src]->text() == documents[tgt]->text()) {
      d.decision = "unrelated";
      d.reason = "the same text twice";
    } else if (listed || link.same_story) {
      d.story = link.same_story ? run.story_of[src] : -1;
      if (listed) d.reason = "listed in --pairs; " + d.reason;
      to_align.push_back(run.decisions.size());
    } else {
      d.decision = "unrelated";
    }
    run.decisions.push_back(std::move(d));
  };
  if (!options.pairs.empty()) {
    for (const auto& [src, tgt] : options.pairs) {
      if (src >= documents.size() || tgt >= documents.size() || src == tgt) {
        return InvalidArgumentError("a listed pair names no two documents");
      }
      consider(src, tgt, FindStoryLink(stories, src, tgt), true);
    }
  } else {
    // The pairs compared (sharing a name or number) and those inside a
    // story, in document order; the others share nothing and are left out.
    for (const StoryLink& link : stories.links) {
      if (source_first(link.a, link.b)) {
        consider(link.a, link.b, link, false);
      } else {
        consider(link.b, link.a, link, false);
      }
    }
  }
  // Results are taken in the order of run.decisions as soon as they and all
  // before them are done, whatever the number of jobs: the order of the
  // output never depends on which thread finishes first.
  std::vector<std::optional<StatusOr<AlignedPair>>> results(to_align.size());
  std::mutex mutex;  // results, next, status, progress
  size_t done = 0, next = 0;
  Status status;
  auto take = [&](size_t k) -> Status {
    CROSSALIGN_RETURN_IF_ERROR(*results[k]);
    PairDecision& d = run.decisions[to_align[k]];
    AlignedPair& pair = **results[k];
    d.decision = AlignmentDecision(pair.alignment);
    if (!pair.alignment.mode_reason.empty())
      d.reason += "; " + pair.alignment.mode_reason;
    d.aligned = static_cast<int>(k);
    if (options.on_pair) return options.on_pair(to_align[k], std::move(pair));
    run.pairs.push_back(std::move(pair));
    return Status::Ok();
  };
  ParallelFor(to_align.size(), options.jobs, [&](size_t k) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!status.ok()) return;  // a pair failed: the rest is not aligned
    }
    const PairDecision& d = run.decisions[to_align[k]];
    StatusOr<AlignedPair> result = pipeline.Align(
        documents[d.src], documents[d.tgt], /*story_known=*/true);
    std::lock_guard<std::mutex> lock(mutex);
    results[k] = std::move(result);
    if (options.progress) options.progress(++done, to_align.size());
    while (status.ok() && next < results.size() && results[next]) {
      status = take(next);
      results[next].reset();  // handed on: not kept
      ++next;
    }
  });
  CROSSALIGN_RETURN_IF_ERROR(status);
  return run;
}

std::string RenderDecisionsJsonl(
    const std::vector<std::shared_ptr<const Document>>& documents,
    const CollectionAlignment& run, double min_score) {
  std::string out;
  for (const PairDecision& d : run.decisions) {
    int units = 0;
    if (d.aligned >= 0 && static_cast<size_t>(d.aligned) < run.pairs.size()) {
      for (const Bead& bead : run.pairs[d.aligned].alignment.beads) {
        units += bead.IsPair() && bead.score >= min_score;
      }
    } else if (d.aligned >= 0) {
      units = d.units;
    }
    char similarity[32];
    std::snprintf(similarity, sizeof similarity, "%.4f", d.similarity);
    out += "{\"src\":" + JsonString(documents[d.src]->name()) +
           ",\"tgt\":" + JsonString(documents[d.tgt]->name()) +
           ",\"similarity\":" + similarity +
           ",\"decision\":" + JsonString(d.decision) +
           ",\"reason\":" + JsonString(d.reason) +
           ",\"units\":" + std::to_string(units) +
           ",\"story\":" + std::to_string(d.story) + "}\n";
  }
  return out;
}

std::map<std::string, std::vector<AlignedPair>> GroupByLanguagePair(
    const std::vector<AlignedPair>& pairs) {
  std::map<std::string, std::vector<AlignedPair>> groups;
  for (const AlignedPair& p : pairs) {
    groups[p.src->lang() + "-" + p.tgt->lang()].push_back(p);
  }
  return groups;
}

// Nodes are (document, first segment of a passage); union-find over beads.
struct PassageClusterer::State {
  double min_score = 0.5;
  std::vector<const Document*> docs;  // in order of first appearance
  std::map<const Document*, std::shared_ptr<const Document>> owners;
  std::map<std::pair<const Document*, int>, int> node_of;
  std::vector<std::pair<const Document*, std::vector<int>>> nodes;
  std::vector<int> parent;

  int Node(const std::shared_ptr<const Document>& d,
           const std::vector<int>& segs) {
    owners[d.get()] = d;
    if (std::find(docs.begin(), docs.end(), d.get()) == docs.end()) {
      docs.push_back(d.get());
    }
    // Every segment of the passage maps to one node.
    int id = -1;
    for (int s : segs) {
      auto it = node_of.find({d.get(), s});
      if (it != node_of.end()) id = it->second;
    }
    if (id < 0) {
      id = static_cast<int>(nodes.size());
      nodes.push_back({d.get(), {}});
      parent.push_back(id);
    }
    for (int s : segs) {
      if (node_of.emplace(std::make_pair(d.get(), s), id).second) {
        nodes[id].second.push_back(s);
      }
    }
    return id;
  }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
};

PassageClusterer::PassageClusterer(double min_score)
    : state_(std::make_unique<State>()) {
  state_->min_score = min_score;
}

PassageClusterer::~PassageClusterer() = default;

void PassageClusterer::Add(const AlignedPair& p) {
  State& st = *state_;
  for (const Bead& b : p.alignment.beads) {
    if (!b.IsPair() || b.score < st.min_score) continue;
    const int x = st.Find(st.Node(p.src, b.src));
    const int y = st.Find(st.Node(p.tgt, b.tgt));
    if (x != y) st.parent[std::max(x, y)] = std::min(x, y);
  }
}

std::vector<PassageCluster> PassageClusterer::Clusters() {
  State& st = *state_;
  std::map<int, std::vector<int>> members;
  for (size_t k = 0; k < st.nodes.size(); ++k) {
    members[st.Find(static_cast<int>(k))].push_back(static_cast<int>(k));
  }
  std::vector<PassageCluster> clusters;
  for (auto& [root, list] : members) {
    std::map<const Document*, std::vector<int>> by_doc;
    for (int k : list) {
      auto& segs = by_doc[st.nodes[k].first];
      segs.insert(segs.end(), st.nodes[k].second.begin(),
                  st.nodes[k].second.end());
    }
    if (by_doc.size() < 2) continue;
    PassageCluster cluster;
    for (const Document* d : st.docs) {
      auto it = by_doc.find(d);
      if (it == by_doc.end()) continue;
      std::sort(it->second.begin(), it->second.end());
      Passage passage{st.owners[d], it->second, "", {}};
      for (int s : passage.segments) {
        if (!passage.text.empty()) passage.text += " ";
        passage.text += internal::CollapseWhitespace(
            d->SegmentText(static_cast<size_t>(s)));
      }
      passage.span = {d->segments()[passage.segments.front()].span.begin,
                      d->segments()[passage.segments.back()].span.end};
      cluster.passages.push_back(std::move(passage));
    }
    clusters.push_back(std::move(cluster));
  }
  // Biggest first, then in order of first appearance: stable output.
  std::stable_sort(clusters.begin(), clusters.end(),
                   [](const PassageCluster& a, const PassageCluster& b) {
                     return a.passages.size() > b.passages.size();
                   });
  return clusters;
}

std::vector<PassageCluster> ClusterPassages(
    const std::vector<AlignedPair>& pairs, double min_score) {
  PassageClusterer clusterer(min_score);
  for (const AlignedPair& p : pairs) clusterer.Add(p);
  return clusterer.Clusters();
}

}  // namespace crossalign
