#include "gold_corpus.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "test_support.h"

namespace crossalign::testing {
namespace {

std::vector<std::string> SplitSide(const std::string& side) {
  std::vector<std::string> out;
  const std::string sep = " ||| ";
  size_t pos = 0;
  while (pos <= side.size()) {
    size_t next = side.find(sep, pos);
    if (next == std::string::npos) next = side.size();
    std::string piece = NormalizeText(side.substr(pos, next - pos));
    if (!piece.empty()) out.push_back(piece);
    pos = next + sep.size();
  }
  return out;
}

}  // namespace

std::string NormalizeText(const std::string& text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    // NBSP counts as a space too.
    const bool nbsp = c == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (ws || nbsp) {
      space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::map<std::string, std::string> ReadSplits() {
  std::map<std::string, std::string> splits;
  std::ifstream in(SourceDir() + "/corpora/splits.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) {
      splits[line.substr(0, tab)] = line.substr(tab + 1);
    }
  }
  return splits;
}

std::vector<std::string> StoryDirs() {
  std::vector<std::string> dirs;
  const std::string root = SourceDir() + "/corpora";
  for (const std::string& name : ListDir(root)) {
    if (Exists(root + "/" + name + "/pairs.tsv"))
      dirs.push_back(root + "/" + name);
  }
  return dirs;
}

std::vector<std::string> StoryArticles(const std::string& story_dir) {
  std::vector<std::string> out;
  for (const std::string& name : ListDir(story_dir)) {
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
      out.push_back(story_dir + "/" + name);
    }
  }
  return out;
}

std::vector<TextBead> ReadGoldBeads(const std::string& path) {
  std::vector<TextBead> beads;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    beads.emplace_back(SplitSide(line.substr(0, tab)),
                       SplitSide(line.substr(tab + 1)));
  }
  return beads;
}

std::vector<GoldPair> ReadGoldPairs() {
  std::vector<GoldPair> pairs;
  for (const std::string& dir : StoryDirs()) {
    std::ifstream in(dir + "/pairs.tsv");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      GoldPair p;
      std::string gold;
      std::getline(fields, p.src, '\t');
      std::getline(fields, p.tgt, '\t');
      std::getline(fields, p.type, '\t');
      std::getline(fields, gold, '\t');
      p.story_dir = dir;
      p.src = dir + "/" + p.src;
      p.tgt = dir + "/" + p.tgt;
      p.beads = ReadGoldBeads(dir + "/" + gold);
      pairs.push_back(std::move(p));
    }
  }
  return pairs;
}

std::vector<TextBead> ToTextBeads(const AlignedPair& pair) {
  std::vector<TextBead> out;
  for (const Bead& bead : pair.alignment.beads) {
    TextBead tb;
    for (int s : bead.src) {
      tb.first.push_back(NormalizeText(std::string(pair.src->SegmentText(s))));
    }
    for (int t : bead.tgt) {
      tb.second.push_back(NormalizeText(std::string(pair.tgt->SegmentText(t))));
    }
    out.push_back(std::move(tb));
  }
  return out;
}

Score StrictScore(const std::vector<TextBead>& gold,
                  const std::vector<TextBead>& predicted, bool pairs_only) {
  auto nonempty = [](const TextBead& b) {
    return !b.first.empty() || !b.second.empty();
  };
  std::set<TextBead> gold_set, pred_set;
  for (const TextBead& b : gold) {
    if (nonempty(b)) gold_set.insert(b);
  }
  for (const TextBead& b : predicted) {
    if (!nonempty(b)) continue;
    if (pairs_only && (b.first.empty() || b.second.empty())) continue;
    pred_set.insert(b);
  }
  Score s;
  for (const TextBead& b : pred_set) {
    ++s.predicted;
    if (gold_set.count(b)) ++s.hits_p;
  }
  for (const TextBead& b : gold_set) {
    if (b.first.empty() || b.second.empty()) continue;
    ++s.gold;
    if (pred_set.count(b)) ++s.hits_r;
  }
  s.precision = s.predicted ? static_cast<double>(s.hits_p) / s.predicted : 0;
  s.recall = s.gold ? static_cast<double>(s.hits_r) / s.gold : 0;
  s.f1 = s.precision + s.recall > 0
             ? 2 * s.precision * s.recall / (s.precision + s.recall)
             : 0;
  return s;
}

}  // namespace crossalign::testing
