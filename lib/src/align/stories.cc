#include "crossalign/stories.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <queue>
#include <string>
#include <tuple>
#include <unordered_map>

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

// The day of an article without a date (DayNumber).
constexpr long kNoDay = -1000000000L;

// The link of a < b in `links` (sorted by (a, b)), or nullptr.
const StoryLink* FindLink(const std::vector<StoryLink>& links, size_t a,
                          size_t b) {
  auto it =
      std::lower_bound(links.begin(), links.end(), std::make_pair(a, b),
                       [](const StoryLink& l, std::pair<size_t, size_t> k) {
                         return std::make_pair(l.a, l.b) < k;
                       });
  return it != links.end() && it->a == a && it->b == b ? &*it : nullptr;
}

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

// Blocking: a key carried by more articles than this links no pair by
// itself (it still weighs in the similarity of pairs that other keys link).
// Such a key weighs little (log((n + 1) / df)) and would make a run of n
// articles compare O(df^2) pairs. 1,000 articles is more than any one story
// of a newsroom archive holds, so no run of up to 1,000 articles is changed
// by it, and a story's own names and numbers are always rarer than this.
constexpr size_t kBlockingMaxArticles = 1000;

// The day number of an ISO date "YYYY-MM-DD..." (days since 1970-01-01),
// or false when `date` does not start with one.
bool DayNumber(const std::string& date, long* day) {
  int y = 0, m = 0, d = 0;
  if (date.size() < 10 ||
      std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
      m > 12 || d < 1 || d > 31) {
    return false;
  }
  // Days from civil (proleptic Gregorian), after H. Hinnant's algorithm.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *day = era * 146097 + doe - 719468;
  return true;
}

// The candidate partners b > a of each article a: articles that carry one
// of a's strong keys, or whose strong keys a carries (the only pairs whose
// similarity can be above 0), through an inverted index of the strong keys;
// with a window, only articles dated within it (undated ones always).
std::vector<std::vector<size_t>> CandidatePartners(
    const std::vector<Profile>& profiles, const std::vector<long>& day,
    const StoryOptions& options) {
  std::unordered_map<uint32_t, std::vector<size_t>> carried;  // keys
  std::unordered_map<uint32_t, std::vector<size_t>> strong_in;
  for (size_t d = 0; d < profiles.size(); ++d) {
    for (uint32_t k : profiles[d].strong) strong_in[k].push_back(d);
  }
  for (size_t d = 0; d < profiles.size(); ++d) {
    for (uint32_t k : profiles[d].keys) {
      if (strong_in.count(k)) carried[k].push_back(d);
    }
  }
  const bool two = profiles.size() == 2;  // always compared (pipeline.cc)
  std::vector<std::vector<size_t>> partners(profiles.size());
  std::vector<size_t> found;
  for (size_t a = 0; a < profiles.size(); ++a) {
    found.clear();
    auto add = [&](const std::vector<size_t>& docs) {
      for (auto it = std::upper_bound(docs.begin(), docs.end(), a);
           it != docs.end(); ++it) {
        const size_t b = *it;
        if (options.window_days > 0 && day[a] != kNoDay && day[b] != kNoDay &&
            std::labs(day[a] - day[b]) > options.window_days) {
          continue;
        }
        found.push_back(b);
      }
    };
    for (uint32_t k : profiles[a].strong) {
      const std::vector<size_t>& docs = carried[k];
      if (docs.size() <= kBlockingMaxArticles) add(docs);
    }
    for (uint32_t k : profiles[a].keys) {
      auto it = strong_in.find(k);
      if (it == strong_in.end()) continue;
      if (carried[k].size() <= kBlockingMaxArticles) add(it->second);
    }
    if (two && a == 0) found.push_back(1);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    partners[a] = found;
  }
  return partners;
}

// The link of articles a and b: the weighted strong keys of either that
// both carry, against the geometric mean of their strong-key masses.
StoryLink LinkPair(const std::vector<Profile>& profiles,
                   const std::vector<double>& weight,
                   const std::vector<double>& mass, size_t a, size_t b) {
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
  return link;
}

// The links of the candidate pairs (CandidatePartners) that share at least
// options.min_shared_keys keys (the others cannot vote; two articles alone
// are always linked), in (a, b) order. `best` gets each article's highest
// similarity over all candidate pairs, `mass` each article's strong-key
// weight.
std::vector<StoryLink> LinkArticles(const std::vector<Profile>& profiles,
                                    const std::vector<double>& weight,
                                    const std::vector<long>& day,
                                    const StoryOptions& options,
                                    std::vector<double>* best,
                                    std::vector<double>* mass_out) {
  std::vector<double>& mass = *mass_out;
  mass.assign(profiles.size(), 0.0);
  for (size_t d = 0; d < profiles.size(); ++d) {
    for (uint32_t k : profiles[d].strong) mass[d] += weight[k];
  }
  std::vector<StoryLink> links;
  best->assign(profiles.size(), 0.0);
  const auto partners = CandidatePartners(profiles, day, options);
  for (size_t a = 0; a < profiles.size(); ++a) {
    for (size_t b : partners[a]) {
      StoryLink link = LinkPair(profiles, weight, mass, a, b);
      (*best)[a] = std::max((*best)[a], link.similarity);
      (*best)[b] = std::max((*best)[b], link.similarity);
      if (link.shared_keys >= options.min_shared_keys || profiles.size() == 2) {
        links.push_back(std::move(link));
      }
    }
  }
  return links;
}

// Tests each link (enough shared keys, similar enough, standing out from
// each article's best partner) and gives its reason. Pairs that pass vote
// for their articles being one story, with their similarity; the others
// vote 0. Returns the vote of each link.
std::vector<double> JudgeLinks(const StoryOptions& options,
                               const std::vector<double>& best,
                               std::vector<StoryLink>* links) {
  std::vector<double> vote(links->size(), 0.0);
  for (size_t l = 0; l < links->size(); ++l) {
    StoryLink& link = (*links)[l];
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
      vote[l] =
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
// Sparse: only groups joined by a vote are ever compared (the others' mean
// is 0), through a heap of group pairs by mean, highest first, then by the
// groups' first articles (as a scan of every pair in order would pick
// them). A group is named by its first article. Returns the story of each
// article, numbered in order of first article.
std::vector<int> ClusterByVotes(const std::vector<StoryLink>& links,
                                const std::vector<double>& vote, size_t n_docs,
                                double same_story) {
  std::vector<size_t> root(n_docs);
  std::iota(root.begin(), root.end(), 0);
  auto find = [&](size_t x) {
    while (root[x] != x) x = root[x] = root[root[x]];
    return x;
  };
  if (same_story <= 0) {
    // Every mean, 0 included, reaches the bar: one story.
    for (size_t d = 0; d < n_docs; ++d) root[d] = 0;
  } else {
    // sum[g]: the sum of votes between group g and each neighbour group.
    std::vector<std::unordered_map<size_t, double>> sum(n_docs);
    for (size_t l = 0; l < links.size(); ++l) {
      if (vote[l] == 0) continue;
      sum[links[l].a][links[l].b] += vote[l];
      sum[links[l].b][links[l].a] += vote[l];
    }
    std::vector<size_t> size(n_docs, 1), version(n_docs, 0);
    struct Candidate {
      double mean;
      size_t g, h, version_g, version_h;
      bool operator<(const Candidate& o) const {
        if (mean != o.mean) return mean < o.mean;
        return std::tie(g, h) > std::tie(o.g, o.h);
      }
    };
    std::priority_queue<Candidate> heap;
    auto push = [&](size_t g, size_t h) {
      if (g > h) std::swap(g, h);
      const double mean = sum[g][h] / static_cast<double>(size[g] * size[h]);
      if (mean >= same_story) {
        heap.push({mean, g, h, version[g], version[h]});
      }
    };
    for (size_t g = 0; g < n_docs; ++g) {
      for (const auto& [h, value] : sum[g]) {
        if (g < h) push(g, h);
      }
    }
    while (!heap.empty()) {
      const Candidate c = heap.top();
      heap.pop();
      if (root[c.g] != c.g || root[c.h] != c.h || version[c.g] != c.version_g ||
          version[c.h] != c.version_h) {
        continue;  // stale: a group merged since
      }
      const size_t g = c.g, h = c.h;  // h joins g
      root[h] = g;
      size[g] += size[h];
      ++version[g];
      for (const auto& [x, value] : sum[h]) {
        if (x == g) continue;
        sum[g][x] += value;
        sum[x].erase(h);
        sum[x][g] = sum[g][x];
      }
      sum[g].erase(h);
      sum[h].clear();
      for (const auto& [x, value] : sum[g]) push(g, x);
    }
  }
  std::vector<int> story_of(n_docs, -1), story_of_root(n_docs, -1);
  int stories = 0;
  for (size_t d = 0; d < n_docs; ++d) {
    const size_t r = find(d);
    if (story_of_root[r] < 0) story_of_root[r] = stories++;
    story_of[d] = story_of_root[r];
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
  const size_t n_docs = documents.size();
  std::vector<long> day(n_docs, kNoDay);
  for (size_t d = 0; d < n_docs; ++d) {
    DayNumber(documents[d]->metadata().date, &day[d]);
  }
  StoryGrouping grouping;
  for (const Profile& p : profiles) {
    grouping.key_count.push_back(static_cast<int>(p.strong.size()));
  }
  std::vector<double> best, mass;
  grouping.links = LinkArticles(profiles, weight, day, options, &best, &mass);
  const std::vector<double> vote = JudgeLinks(options, best, &grouping.links);
  // What a pair not linked is told.
  grouping.unlinked_reason = "shares fewer than " +
                             std::to_string(options.min_shared_keys) +
                             " names and numbers";
  if (n_docs == 2) {
    JudgeTwoArticles(options, &grouping);
    return grouping;
  }
  grouping.story_of =
      ClusterByVotes(grouping.links, vote, n_docs, options.same_story);
  // Pairs of one story not linked are aligned too: give them links.
  std::vector<std::vector<size_t>> members;
  for (size_t d = 0; d < n_docs; ++d) {
    const size_t s = static_cast<size_t>(grouping.story_of[d]);
    if (s >= members.size()) members.resize(s + 1);
    members[s].push_back(d);
  }
  std::vector<StoryLink> more;
  for (const std::vector<size_t>& story : members) {
    for (size_t i = 0; i < story.size(); ++i) {
      for (size_t j = i + 1; j < story.size(); ++j) {
        if (FindLink(grouping.links, story[i], story[j]) != nullptr) continue;
        // Judged as any link (it fails: too few keys shared).
        more.push_back(LinkPair(profiles, weight, mass, story[i], story[j]));
      }
    }
  }
  JudgeLinks(options, best, &more);
  if (!more.empty()) {
    grouping.links.insert(grouping.links.end(), more.begin(), more.end());
    std::sort(grouping.links.begin(), grouping.links.end(),
              [](const StoryLink& x, const StoryLink& y) {
                return std::tie(x.a, x.b) < std::tie(y.a, y.b);
              });
  }
  SettleLinks(grouping.story_of, &grouping.links);
  grouping.unlinked_reason = "different stories: " + grouping.unlinked_reason;
  return grouping;
}

StoryLink FindStoryLink(const StoryGrouping& grouping, size_t a, size_t b) {
  if (a > b) std::swap(a, b);
  if (const StoryLink* link = FindLink(grouping.links, a, b)) return *link;
  StoryLink link;
  link.a = a;
  link.b = b;
  if (a < grouping.key_count.size() && b < grouping.key_count.size()) {
    link.fewest_keys = std::min(grouping.key_count[a], grouping.key_count[b]);
  }
  link.reason = grouping.unlinked_reason;
  return link;
}

}  // namespace crossalign
