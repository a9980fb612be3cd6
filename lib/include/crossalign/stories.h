// Stories: which articles report the same event.
//
// Before any sentence is aligned, the articles of a run are grouped into
// stories, and only articles of one story are paired. Two articles are about
// the same story when they share the names and figures that identify it: the
// people, places and organisations (matched across scripts by their consonant
// skeletons, so Мельник meets Melnyk) and numbers of three or more digits
// (normalised across locales). Each shared key counts by its rarity among the
// articles of the run, so names every article carries ("Ukraine", "2025")
// weigh little when the run holds several stories on one topic; keys no
// other article carries are left out.
//
//   similarity(a, b) = weight of the keys a and b share
//                      / sqrt(weight of a's keys * weight of b's keys)
//
// A pair votes for one story when it shares at least `min_shared_keys` keys,
// its similarity reaches `same_story`, and it stands out: at least `margin`
// times the similarity each article has with its own best partner. Stories
// are then built by average linkage: two groups of articles merge while the
// mean vote over all their cross pairs reaches `same_story`, so one article
// that touches two stories cannot chain them into one. Every pair inside a
// story is aligned. Two articles alone, with nothing to compare them with,
// are one story when they share `min_shared_keys` keys and half of
// `same_story`: only clear cases are refused.
//
// Never all pairs are compared (blocking): an inverted index of the articles'
// names and numbers yields the candidate pairs, those that share one (the
// only pairs whose similarity is above 0; a key carried by more than 1,000
// articles links no pair by itself), and with `window_days` only articles
// dated within that many days of each other. Only candidates sharing
// `min_shared_keys` keys are kept as links (the others cannot vote), and
// stories are clustered on this sparse graph, so a run grows with its
// articles and their candidate pairs.
//
//   auto grouping = crossalign::GroupStories(documents, {});
//   for (const crossalign::StoryLink& link : grouping.links) ...
#ifndef CROSSALIGN_STORIES_H_
#define CROSSALIGN_STORIES_H_

#include <memory>
#include <string>
#include <vector>

#include "crossalign/document.h"

namespace crossalign {

struct StoryOptions {
  // Minimum similarity of two articles of one story (--same-story). Set on
  // the dev stories of corpora/: in many-article runs any value from 0.08 to
  // 0.12 groups them right; two articles alone (every key weighing 1) of
  // one story measure 0.114 and more, of two stories mostly below 0.094
  // (pairs on one topic, such as two Korean transport stories, reach 0.33:
  // only a run with more articles tells those apart).
  double same_story = 0.10;
  // A vote must reach this share of the similarity each of its two articles
  // has with its best partner: a story's own articles stand out. On the dev
  // stories any value from 0 to 0.2 groups every article right; 0.25 splits
  // a story told in Latin and Cyrillic scripts, whose same-script pairs
  // score far higher than its cross-script ones.
  double margin = 0.15;
  // Fewer shared names and numbers than this is never one story: one number
  // in common is a coincidence. Each name counts once and each number once.
  // On the dev stories any value from 1 to 2 groups every article right in
  // many-article runs (the average linkage does the work, and a pair with
  // few shared keys casts a weaker vote); 3 already splits a short French
  // article from its story. Articles in Chinese, Japanese and Korean give
  // numbers only (their names have no capital letters), so they share few.
  int min_shared_keys = 2;
  // When above 0 (--window DAYS), articles whose dates (header line or HTML
  // metadata, YYYY-MM-DD) are more than this many days apart are never
  // compared; an undated article is compared with every other.
  int window_days = 0;
};

// How two articles of a run compare.
struct StoryLink {
  size_t a = 0, b = 0;  // indices into the documents, a < b
  double similarity = 0.0;
  int shared_keys = 0;  // names and numbers both carry
  // Names and numbers of the article that has fewer: with very few, an
  // article gives too little evidence to tell its story.
  int fewest_keys = 0;
  bool same_story = false;
  // Why: "shares 29 names and numbers (similarity 0.22)" or what failed.
  std::string reason;
};

struct StoryGrouping {
  // Story number of each document, 0-based, numbered in order of first
  // appearance. Articles linked to no other are stories of their own.
  std::vector<int> story_of;
  // The pairs compared that share at least min_shared_keys names and
  // numbers (within the date window) and every other pair of one story,
  // a < b, in order. A pair not listed shares fewer: FindStoryLink.
  std::vector<StoryLink> links;
  // Names and numbers of each document.
  std::vector<int> key_count;
  // The reason of a pair of different stories not listed.
  std::string unlinked_reason;
};

// Groups `documents` (identified and segmented; see Pipeline::Prepare) into
// stories. Deterministic; O(total keys + candidate pairs + pairs inside
// stories), never all pairs.
StoryGrouping GroupStories(
    const std::vector<std::shared_ptr<const Document>>& documents,
    const StoryOptions& options);

// The link of documents a and b (either order): the one in grouping.links,
// or for a pair not listed, one that says they share too few keys.
StoryLink FindStoryLink(const StoryGrouping& grouping, size_t a, size_t b);

}  // namespace crossalign

#endif  // CROSSALIGN_STORIES_H_
