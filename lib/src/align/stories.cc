#include "crossalign/stories.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "align/alignable_segments.h"
#include "align/text_features.h"

namespace crossalign {
namespace {

// "1 name or number", "3 names and numbers".
std::string NamesAndNumbers(int n) {
  return std::to_string(n) +
         (n == 1 ? " name or number" : " names and numbers");
}

// What one article brings to the comparison: its keys (for looking up the
// other article's strong keys) and its strong keys (names, numbers).
struct Profile {
  std::vector<uint32_t> keys;    // sorted, unique
  std::vector<uint32_t> strong;  // sorted, unique
};

// Shared names and numbers from which a pair's vote counts fully. On the dev
// stories of corpora/ any value from 2 to 5 groups every article right.
constexpr double kFullVoteKeys = 4;

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Has(const std::vector<uint32_t>& sorted, uint32_t key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

std::vector<Profile> BuildProfiles(
    const std::vector<std::shared_ptr<const Document>>& documents,
    internal::Vocabulary* vocab) {
  internal::FeatureExtractor features;
  std::vector<Profile> profiles(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    const internal::AlignableSegments side =
        internal::CollectAlignable(*documents[d], false);
    // One set of keys for every language, so that any two articles compare.
    for (const internal::SentenceFeatures& f :
         features.Extract(side.texts, vocab, "", /*name_skeletons=*/true)) {
      profiles[d].keys.insert(profiles[d].keys.end(), f.keys.begin(),
                              f.keys.end());
      // A name counts once, by its skeleton (its exact and cognate keys
      // would count it three times); a number by its value.
      for (uint32_t k : f.strong) {
        const char kind = vocab->Key(k)[0];
        if (kind == '#' || kind == 'p') profiles[d].strong.push_back(k);
      }
    }
    SortUnique(&profiles[d].keys);
    SortUnique(&profiles[d].strong);
  }
  return profiles;
}

// Key weights. With three or more articles, a key weighs by its rarity
// among them (inverse document frequency): one that every article carries
// says little about the story. A key no other article carries says nothing
// about any pair and is left out of the article's weight, so that a run
// holding one story (where every shared key is common) still links its
// articles. Two articles alone give no rarity: every key weighs 1.
std::vector<double> StoryKeyWeights(const std::vector<Profile>& profiles,
                                    size_t vocab_size) {
  std::vector<int> df(vocab_size, 0);
  for (const Profile& p : profiles) {
    for (uint32_t k : p.keys) ++df[k];
  }
  const double n = static_cast<double>(profiles.size());
  std::vector<double> weight(vocab_size, 1.0);
  if (profiles.size() > 2) {
    for (size_t k = 0; k < vocab_size; ++k) {
      weight[k] = df[k] > 1 ? std::log((n + 1.0) / df[k]) : 0.0;
    }
  }
  return weight;
}

// The link of every pair of articles: the weighted strong keys of either
// that both carry, against the geometric mean of their strong-key masses.
// `best` gets each article's highest similarity.
std::vector<StoryLink> LinkArticles(const std::vector<Profile>& profiles,
                                    const std::vector<double>& weight,
                                    std::vector<double>* best) {
  std::vector<double> mass(profiles.size(), 0.0);
  for (size_t d = 0; d < profiles.size(); ++d) {
    for (uint32_t k : profiles[d].strong) mass[d] += weight[k];
  }
  std::vector<StoryLink> links;
  best->assign(profiles.size(), 0.0);
  for (size_t a = 0; a < profiles.size(); ++a) {
    for (size_t b = a + 1; b < profiles.size(); ++b) {
      StoryLink link;
      link.a = a;
      link.b = b;
      link.fewest_keys = static_cast<int>(
          std::min(profiles[a].strong.size(), profiles[b].strong.size()));
      // Strong keys of either article that the other carries at all.
      std::vector<uint32_t> strong;
      std::set_union(profiles[a].strong.begin(), profiles[a].strong.end(),
                     profiles[b].strong.begin(), profiles[b].strong.end(),
                     std::back_inserter(strong));
      double shared = 0;
      for (uint32_t k : strong) {
        if (Has(profiles[a].keys, k) && Has(profiles[b].keys, k)) {
          shared += weight[k];
          ++link.shared_keys;
        }
      }
      const double norm = std::sqrt(mass[a] * mass[b]);
      link.similarity = norm > 0 ? std::min(1.0, shared / norm) : 0.0;
      (*best)[a] = std::max((*best)[a], link.similarity);
      (*best)[b] = std::max((*best)[b], link.similarity);
      links.push_back(std::move(link));
    }
  }
  return links;
}

// Tests each link (enough shared keys, similar enough, standing out from
// each article's best partner) and gives its reason. Pairs that pass vote
// for their articles being one story, with their similarity; the others
// vote 0. Returns the votes, an n_docs x n_docs matrix.
std::vector<double> JudgeLinks(const StoryOptions& options,
                               const std::vector<double>& best, size_t n_docs,
                               std::vector<StoryLink>* links) {
  std::vector<double> vote(n_docs * n_docs, 0.0);
  for (StoryLink& link : *links) {
    const double bar = options.margin * std::min(best[link.a], best[link.b]);
    char buffer[160];
    if (link.shared_keys < options.min_shared_keys) {
      std::snprintf(buffer, sizeof buffer, "shares %s (fewer than %d)",
                    NamesAndNumbers(link.shared_keys).c_str(),
                    options.min_shared_keys);
    } else if (link.similarity < options.same_story) {
      std::snprintf(buffer, sizeof buffer,
                    "similarity %.3f below --same-story %.3f (%s shared)",
                    link.similarity, options.same_story,
                    NamesAndNumbers(link.shared_keys).c_str());
    } else if (link.similarity < bar) {
      std::snprintf(buffer, sizeof buffer,
                    "similarity %.3f does not stand out: each article has a "
                    "partner at %.3f or more",
                    link.similarity, std::min(best[link.a], best[link.b]));
    } else {
      link.same_story = true;
      std::snprintf(buffer, sizeof buffer, "shares %s (similarity %.3f)",
                    NamesAndNumbers(link.shared_keys).c_str(), link.similarity);
      // Few shared keys make a weak vote, however similar two small
      // profiles look: a vote counts fully from kFullVoteKeys keys on.
      vote[link.a * n_docs + link.b] = vote[link.b * n_docs + link.a] =
          link.similarity *
          std::min(1.0, static_cast<double>(link.shared_keys) / kFullVoteKeys);
    }
    link.reason = buffer;
  }
  return vote;
}

// Two articles alone: no other article to compare with, so only a clear
// case is refused: they are one story when they pass the tests at half
// the bar (measured on the dev stories of corpora/: two articles of one
// story alone score 0.088 and more).
void JudgeTwoArticles(const StoryOptions& options, StoryGrouping* grouping) {
  StoryLink& link = grouping->links.front();
  link.same_story = link.shared_keys >= options.min_shared_keys &&
                    link.similarity >= options.same_story / 2;
  if (link.shared_keys >= options.min_shared_keys) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "shares %s (similarity %.3f%s)",
                  NamesAndNumbers(link.shared_keys).c_str(), link.similarity,
                  link.same_story ? "" : ", below half of --same-story");
    link.reason = buffer;
  }
  link.reason =
      (link.same_story ? "same story: " : "different stories: ") + link.reason;
  grouping->story_of = {0, link.same_story ? 0 : 1};
}

// Average-linkage clustering: two groups merge while the mean vote over
// all their cross pairs reaches `same_story`. Unlike linking any two
// articles that pass, one article between two stories cannot chain them.
// Returns the story of each article, numbered in order of first article.
std::vector<int> ClusterByVotes(const std::vector<double>& vote, size_t n_docs,
                                double same_story) {
  std::vector<std::vector<size_t>> groups(n_docs);
  for (size_t d = 0; d < n_docs; ++d) groups[d] = {d};
  std::vector<double> sum = vote;  // sum of votes between groups g and h
  std::vector<bool> alive(n_docs, true);
  while (true) {
    double best_mean = -1;
    size_t bg = 0, bh = 0;
    for (size_t g = 0; g < n_docs; ++g) {
      if (!alive[g]) continue;
      for (size_t h = g + 1; h < n_docs; ++h) {
        if (!alive[h]) continue;
        const double mean =
            sum[g * n_docs + h] /
            static_cast<double>(groups[g].size() * groups[h].size());
        if (mean > best_mean) {
          best_mean = mean;
          bg = g;
          bh = h;
        }
      }
    }
    if (best_mean < same_story) break;
    groups[bg].insert(groups[bg].end(), groups[bh].begin(), groups[bh].end());
    groups[bh].clear();
    alive[bh] = false;
    for (size_t x = 0; x < n_docs; ++x) {
      sum[bg * n_docs + x] += sum[bh * n_docs + x];
      sum[x * n_docs + bg] = sum[bg * n_docs + x];
    }
  }
  std::vector<int> story_of(n_docs, -1);
  int stories = 0;
  for (size_t d = 0; d < n_docs; ++d) {
    if (story_of[d] >= 0) continue;
    for (size_t g = 0; g < n_docs; ++g) {
      if (!alive[g] ||
          std::find(groups[g].begin(), groups[g].end(), d) == groups[g].end()) {
        continue;
      }
      for (size_t member : groups[g]) story_of[member] = stories;
    }
    ++stories;
  }
  return story_of;
}

// Settles each link by the clustering, and says so in its reason.
void SettleLinks(const std::vector<int>& story_of,
                 std::vector<StoryLink>* links) {
  for (StoryLink& link : *links) {
    const bool together = story_of[link.a] == story_of[link.b];
    if (link.same_story && !together) {
      link.reason = "different stories: " + link.reason +
                    ", but the articles' other partners disagree";
    } else if (together) {
      link.reason = (link.same_story ? "same story: "
                                     : "same story through its other "
                                       "articles: ") +
                    link.reason;
    } else {
      link.reason = "different stories: " + link.reason;
    }
    link.same_story = together;
  }
}

}  // namespace

StoryGrouping GroupStories(
    const std::vector<std::shared_ptr<const Document>>& documents,
    const StoryOptions& options) {
  internal::Vocabulary vocab;
  const std::vector<Profile> profiles = BuildProfiles(documents, &vocab);
  const std::vector<double> weight = StoryKeyWeights(profiles, vocab.size());
  StoryGrouping grouping;
  std::vector<double> best;
  grouping.links = LinkArticles(profiles, weight, &best);
  const size_t n_docs = documents.size();
  const std::vector<double> vote =
      JudgeLinks(options, best, n_docs, &grouping.links);
  if (n_docs == 2) {
    JudgeTwoArticles(options, &grouping);
    return grouping;
  }
  grouping.story_of = ClusterByVotes(vote, n_docs, options.same_story);
  SettleLinks(grouping.story_of, &grouping.links);
  return grouping;
}

}  // namespace crossalign
