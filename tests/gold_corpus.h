// Reads corpora/<story>/ gold files and scores alignments against them.
// Test and benchmark support; independent of the code under test: beads are
// compared by sentence TEXT, so a segmentation error is an alignment error.
#ifndef CROSSALIGN_TESTS_GOLD_CORPUS_H_
#define CROSSALIGN_TESTS_GOLD_CORPUS_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "crossalign/alignment.h"

namespace crossalign::testing {

// One bead of gold: the sentence texts of each side (white space collapsed).
using TextBead = std::pair<std::vector<std::string>, std::vector<std::string>>;

struct GoldPair {
  std::string story_dir;
  std::string src;   // path of the source article
  std::string tgt;   // path of the target article
  std::string type;  // "translation" or "comparable"
  std::vector<TextBead> beads;
};

// Every story folder under corpora/ (those with a pairs.tsv).
std::vector<std::string> StoryDirs();
// corpora/splits.tsv: story folder name -> "dev" or "test".
std::map<std::string, std::string> ReadSplits();
// The articles (*.txt) of a story folder, full paths, sorted.
std::vector<std::string> StoryArticles(const std::string& story_dir);
// The gold pairs of every story.
std::vector<GoldPair> ReadGoldPairs();
// A gold bead file.
std::vector<TextBead> ReadGoldBeads(const std::string& path);

// Collapses white space and trims, as the gold and the TMX do.
std::string NormalizeText(const std::string& text);

// The beads of an aligned pair, as sentence texts.
std::vector<TextBead> ToTextBeads(const AlignedPair& pair);

struct Score {
  double precision = 0, recall = 0, f1 = 0;
  int predicted = 0, gold = 0, hits_p = 0, hits_r = 0;
};
// vecalign's strict measure: precision over all predicted beads (null beads
// too), recall over the gold beads that have text on both sides. With
// `pairs_only`, predicted null beads are ignored (comparable alignment,
// where unlisted sentences are simply unaligned).
Score StrictScore(const std::vector<TextBead>& gold,
                  const std::vector<TextBead>& predicted, bool pairs_only);

}  // namespace crossalign::testing

#endif  // CROSSALIGN_TESTS_GOLD_CORPUS_H_
