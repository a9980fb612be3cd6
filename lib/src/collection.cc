#include "crossalign/collection.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <thread>

#include "crossalign/writers.h"
#include "utf8.h"

namespace crossalign {
namespace {

// Runs fn(i) for i in [0, count) on `jobs` threads.
void ParallelFor(size_t count, int jobs,
                 const std::function<void(size_t)>& fn) {
  const int workers = std::max(1, std::min<int>(jobs, static_cast<int>(count)));
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) fn(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace

StatusOr<std::vector<AlignedPair>> AlignCollection(
    const Pipeline& pipeline,
    const std::vector<std::shared_ptr<const Document>>& documents,
    const CollectionOptions& options) {
  // How many articles each language has decides the orientation.
  std::map<std::string, int> per_lang;
  for (const auto& d : documents) ++per_lang[d->lang()];
  struct Job {
    size_t a, b;  // a is the source
  };
  std::vector<Job> candidates;
  for (size_t i = 0; i < documents.size(); ++i) {
    for (size_t j = i + 1; j < documents.size(); ++j) {
      if (documents[i]->text() == documents[j]->text()) continue;  // same file
      const std::string& li = documents[i]->lang();
      const std::string& lj = documents[j]->lang();
      const bool i_first = li == lj || per_lang[li] > per_lang[lj] ||
                           (per_lang[li] == per_lang[lj] && li < lj);
      candidates.push_back(i_first ? Job{i, j} : Job{j, i});
    }
  }
  // Same story? A comparable alignment of the pair tells.
  ComparableAligner judge(ComparableAlignerOptions{});
  std::vector<char> related(candidates.size(), 0);
  ParallelFor(candidates.size(), options.jobs, [&](size_t k) {
    const Job& job = candidates[k];
    related[k] =
        judge.DocumentSimilarity(*documents[job.a], *documents[job.b]) >=
        options.same_story;
  });
  std::vector<Job> jobs;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (related[k]) jobs.push_back(candidates[k]);
  }
  std::vector<StatusOr<AlignedPair>> results(jobs.size(),
                                             InternalError("not run"));
  std::mutex progress_mutex;
  size_t done = 0;
  ParallelFor(jobs.size(), options.jobs, [&](size_t k) {
    results[k] = pipeline.Align(documents[jobs[k].a], documents[jobs[k].b]);
    if (options.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      options.progress(++done, jobs.size());
    }
  });
  std::vector<AlignedPair> pairs;
  for (auto& r : results) {
    if (!r.ok()) return r.status();
    pairs.push_back(std::move(*r));
  }
  return pairs;
}

std::map<std::string, std::vector<AlignedPair>> GroupByLanguagePair(
    const std::vector<AlignedPair>& pairs) {
  std::map<std::string, std::vector<AlignedPair>> groups;
  for (const AlignedPair& p : pairs) {
    groups[p.src->lang() + "-" + p.tgt->lang()].push_back(p);
  }
  return groups;
}

std::vector<PassageCluster> ClusterPassages(
    const std::vector<AlignedPair>& pairs, double min_score) {
  // Nodes are (document, first segment of a passage); union-find over beads.
  std::vector<const Document*> docs;
  std::map<const Document*, std::shared_ptr<const Document>> owners;
  std::map<std::pair<const Document*, int>, int> node_of;
  std::vector<std::pair<const Document*, std::vector<int>>> nodes;
  std::vector<int> parent;
  auto node = [&](const std::shared_ptr<const Document>& d,
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
  };
  std::function<int(int)> find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const AlignedPair& p : pairs) {
    for (const Bead& b : p.alignment.beads) {
      if (!b.IsPair() || b.score < min_score) continue;
      const int x = find(node(p.src, b.src)), y = find(node(p.tgt, b.tgt));
      if (x != y) parent[std::max(x, y)] = std::min(x, y);
    }
  }
  std::map<int, std::vector<int>> members;
  for (size_t k = 0; k < nodes.size(); ++k) {
    members[find(static_cast<int>(k))].push_back(static_cast<int>(k));
  }
  std::vector<PassageCluster> clusters;
  for (auto& [root, list] : members) {
    std::map<const Document*, std::vector<int>> by_doc;
    for (int k : list) {
      auto& segs = by_doc[nodes[k].first];
      segs.insert(segs.end(), nodes[k].second.begin(), nodes[k].second.end());
    }
    if (by_doc.size() < 2) continue;
    PassageCluster cluster;
    for (const Document* d : docs) {
      auto it = by_doc.find(d);
      if (it == by_doc.end()) continue;
      std::sort(it->second.begin(), it->second.end());
      cluster.passages.push_back({owners[d], it->second});
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

std::string RenderClustersJsonl(const std::vector<PassageCluster>& clusters) {
  std::string out;
  for (size_t c = 0; c < clusters.size(); ++c) {
    out += "{\"cluster\":" + std::to_string(c) +
           ",\"documents\":" + std::to_string(clusters[c].passages.size()) +
           ",\"passages\":[";
    for (size_t p = 0; p < clusters[c].passages.size(); ++p) {
      const Passage& passage = clusters[c].passages[p];
      const Document& d = *passage.document;
      std::string text, segs;
      for (int s : passage.segments) {
        if (!text.empty()) text += " ";
        text +=
            internal::CollapseWhitespace(d.SegmentText(static_cast<size_t>(s)));
        segs += (segs.empty() ? "" : ",") + std::to_string(s);
      }
      const Span first = d.segments()[passage.segments.front()].span;
      const Span last = d.segments()[passage.segments.back()].span;
      out += std::string(p ? "," : "") +
             "{\"document\":" + JsonString(d.name()) +
             ",\"outlet\":" + JsonString(d.metadata().outlet) +
             ",\"lang\":" + JsonString(d.lang()) + ",\"segments\":[" + segs +
             "],\"start\":" + std::to_string(first.begin) +
             ",\"end\":" + std::to_string(last.end) +
             ",\"text\":" + JsonString(text) + "}";
    }
    out += "]}\n";
  }
  return out;
}

}  // namespace crossalign
