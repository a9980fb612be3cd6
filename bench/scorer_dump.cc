// The bridge between the aligners and scripts/fit_scorer.py: writes the
// features of every candidate the aligners score, with its gold label, as
// TSV, on dev data only:
//   - corpora/ dev stories (corpora/splits.tsv): comparable candidates of
//     the comparable gold pairs, beads of the translation gold pairs, and
//     every ordered article pair (same story from pairs.tsv; different
//     stories: unrelated);
//   - the Text+Berg dev document (../shared/eval/align/textberg): its beads,
//     and chunks of it as translation pairs (chunk i against chunk i) and
//     unrelated pairs (chunk i against chunk i + 3).
// Test stories and Text+Berg test documents are never read.
//
//   build/bench/scorer_dump OUT_DIR [--model COEFFICIENTS.tsv]
// writes OUT_DIR/{comparable_unit,translation_unit,pair}.tsv.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "align/pair_scorer.h"
#include "crossalign/pipeline.h"
#include "crossalign/stories.h"
#include "gold_corpus.h"
#include "test_support.h"

namespace {

using crossalign::testing::TextBead;
namespace internal = crossalign::internal;

std::string Basename(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

class Writer {
 public:
  Writer(const std::string& path, internal::ScoreModel model,
         const std::string& extra_columns)
      : out_(path) {
    out_ << "label\tgroup" << extra_columns;
    for (const std::string& n : internal::FeatureNames(model))
      out_ << "\t" << n;
    out_ << "\n";
  }
  void Row(int label, const std::string& group, const std::string& extra,
           const std::vector<double>& x) {
    out_ << label << "\t" << group << extra;
    char buffer[32];
    for (double v : x) {
      std::snprintf(buffer, sizeof buffer, "\t%.6g", v);
      out_ << buffer;
    }
    out_ << "\n";
  }
  bool ok() const { return static_cast<bool>(out_); }

 private:
  std::ofstream out_;
};

// Runs `align` with the feature sink set; returns the records of `model`.
template <typename F>
std::vector<internal::FeatureRecord> Capture(internal::ScoreModel model,
                                             F&& align) {
  std::vector<internal::FeatureRecord> records;
  internal::SetFeatureSink([&](const internal::FeatureRecord& r) {
    if (r.model == model) records.push_back(r);
  });
  align();
  internal::SetFeatureSink(nullptr);
  return records;
}

TextBead Texts(const crossalign::Document& src, const crossalign::Document& tgt,
               const internal::FeatureRecord& r) {
  TextBead bead;
  for (int i : r.src)
    bead.first.push_back(
        crossalign::testing::NormalizeText(std::string(src.SegmentText(i))));
  for (int j : r.tgt)
    bead.second.push_back(
        crossalign::testing::NormalizeText(std::string(tgt.SegmentText(j))));
  return bead;
}

std::unique_ptr<crossalign::Pipeline> MakePipeline(bool presegmented) {
  crossalign::PipelineOptions options;
  options.presegmented = presegmented;
  options.languages_given = presegmented;
  auto p = crossalign::Pipeline::Create(options);
  if (!p.ok()) {
    std::fprintf(stderr, "scorer_dump: %s\n", p.status().ToString().c_str());
    std::exit(3);
  }
  return std::move(*p);
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A Text+Berg gold line "0,1<TAB>2" as index lists.
std::pair<std::vector<int>, std::vector<int>> ParseIndexBead(
    const std::string& line) {
  auto list = [](const std::string& s) {
    std::vector<int> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) {
      if (!item.empty()) out.push_back(std::stoi(item));
    }
    return out;
  };
  const size_t tab = line.find('\t');
  return {list(line.substr(0, tab)), list(line.substr(tab + 1))};
}

std::string Join(const std::vector<std::string>& lines, size_t from,
                 size_t to) {
  std::string text;
  for (size_t k = from; k < to && k < lines.size(); ++k)
    text += lines[k] + "\n";
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: scorer_dump OUT_DIR [--model FILE]\n");
    return 2;
  }
  const std::string out_dir = argv[1];
  if (argc >= 4 && std::string(argv[2]) == "--model") {
    std::string error;
    if (!internal::OverrideScorerCoefficients(
            crossalign::testing::ReadFile(argv[3]), &error)) {
      std::fprintf(stderr, "scorer_dump: %s: %s\n", argv[3], error.c_str());
      return 2;
    }
  }
  Writer comparable(out_dir + "/comparable_unit.tsv",
                    internal::ScoreModel::kComparableUnit, "");
  Writer translation(out_dir + "/translation_unit.tsv",
                     internal::ScoreModel::kTranslationUnit, "");
  // Pair rows: the label is the relation (0 unrelated, 1 comparable, 2
  // translation); the features of both pair models follow.
  std::ofstream pairs(out_dir + "/pair.tsv");
  pairs << "label\tgroup";
  for (auto m : {internal::ScoreModel::kPairRelated,
                 internal::ScoreModel::kPairTranslation}) {
    for (const std::string& n : internal::FeatureNames(m))
      pairs << "\t" << internal::ModelName(m) << ":" << n;
  }
  pairs << "\n";
  if (!comparable.ok() || !translation.ok() || !pairs) {
    std::fprintf(stderr, "scorer_dump: cannot write to %s\n", out_dir.c_str());
    return 2;
  }
  auto pipeline = MakePipeline(false);
  crossalign::TranslationAligner translation_aligner(
      pipeline->options().aligner);
  crossalign::ComparableAligner comparable_aligner(
      pipeline->options().comparable);
  auto pair_row = [&](int label, const std::string& group,
                      std::shared_ptr<const crossalign::Document> a,
                      std::shared_ptr<const crossalign::Document> b) {
    auto aligned = translation_aligner.Align(*a, *b);
    if (!aligned.ok()) return;
    const crossalign::StoryLink link =
        crossalign::GroupStories({a, b}, pipeline->options().stories).links[0];
    internal::PairEvidence e =
        internal::MeasurePair(*aligned, link, internal::LastInOrderEvidence());
    internal::MeasureNumbers(*a, *b, &e);
    auto passages = comparable_aligner.Align(*a, *b);
    if (passages.ok()) internal::MeasureOrder(*aligned, *passages, &e);
    pairs << label << "\t" << group;
    char buffer[32];
    for (auto m : {internal::ScoreModel::kPairRelated,
                   internal::ScoreModel::kPairTranslation}) {
      for (double v : internal::PairFeatures(m, e)) {
        std::snprintf(buffer, sizeof buffer, "\t%.6g", v);
        pairs << buffer;
      }
    }
    pairs << "\n";
  };

  // corpora/ dev stories.
  const std::map<std::string, std::string> splits =
      crossalign::testing::ReadSplits();
  std::map<std::string, std::shared_ptr<const crossalign::Document>> docs;
  auto doc = [&](const std::string& path) {
    if (!docs.count(path)) {
      auto d = pipeline->Prepare(path);
      if (!d.ok()) {
        std::fprintf(stderr, "scorer_dump: %s\n",
                     d.status().ToString().c_str());
        std::exit(3);
      }
      docs[path] = *d;
    }
    return docs[path];
  };
  std::map<std::string, std::string> story_of;  // article path -> story
  std::map<std::pair<std::string, std::string>, int> relation;
  for (const std::string& dir : crossalign::testing::StoryDirs()) {
    const std::string story = Basename(dir);
    if (!splits.count(story) || splits.at(story) != "dev") continue;
    for (const std::string& a : crossalign::testing::StoryArticles(dir))
      story_of[a] = story;
  }
  for (const crossalign::testing::GoldPair& gold :
       crossalign::testing::ReadGoldPairs()) {
    const std::string story = Basename(gold.story_dir);
    if (!splits.count(story) || splits.at(story) != "dev") continue;
    const bool is_translation = gold.type == "translation";
    const int rel = is_translation ? 2 : gold.beads.empty() ? 0 : 1;
    relation[{gold.src, gold.tgt}] = rel;
    relation[{gold.tgt, gold.src}] = rel;
    auto src = doc(gold.src), tgt = doc(gold.tgt);
    const std::set<TextBead> gold_set(gold.beads.begin(), gold.beads.end());
    const std::string group =
        story + ":" + Basename(gold.src) + ">" + Basename(gold.tgt);
    if (is_translation) {
      for (const auto& r : Capture(internal::ScoreModel::kTranslationUnit, [&] {
             (void)translation_aligner.Align(*src, *tgt);
           })) {
        translation.Row(gold_set.count(Texts(*src, *tgt, r)) > 0, group, "",
                        r.features);
      }
    } else if (!gold.beads.empty()) {
      for (const auto& r : Capture(internal::ScoreModel::kComparableUnit, [&] {
             (void)comparable_aligner.Align(*src, *tgt);
           })) {
        comparable.Row(gold_set.count(Texts(*src, *tgt, r)) > 0, group, "",
                       r.features);
      }
    }
  }
  for (const auto& [a, story_a] : story_of) {
    for (const auto& [b, story_b] : story_of) {
      if (a == b) continue;
      int label = -1;
      if (story_a != story_b) {
        label = 0;
      } else if (relation.count({a, b})) {
        label = relation[{a, b}];
      }
      if (label < 0) continue;  // same story, no gold: relation unknown
      pair_row(label, story_a + ":" + Basename(a) + ">" + Basename(b), doc(a),
               doc(b));
    }
  }

  // The Text+Berg dev document.
  const std::string tb =
      crossalign::testing::SharedDir() + "/eval/align/textberg";
  const std::vector<std::string> de = ReadLines(tb + "/orig/dev.de");
  const std::vector<std::string> fr = ReadLines(tb + "/orig/dev.fr");
  const std::vector<std::string> gold_lines = ReadLines(tb + "/gold/dev.tsv");
  if (de.empty() || fr.empty() || gold_lines.empty()) {
    std::fprintf(stderr, "scorer_dump: %s is absent; corpora/ rows only\n",
                 tb.c_str());
    return 0;
  }
  auto tb_pipeline = MakePipeline(true);
  auto prepare = [&](const std::string& name, const std::string& text,
                     const std::string& lang) {
    auto d = tb_pipeline->PrepareDocument(
        crossalign::Document::FromText(name, text), lang);
    if (!d.ok()) std::exit(3);
    return *d;
  };
  std::vector<std::pair<std::vector<int>, std::vector<int>>> gold_beads;
  for (const std::string& line : gold_lines)
    gold_beads.push_back(ParseIndexBead(line));
  {
    auto src = prepare("dev.de", Join(de, 0, de.size()), "de");
    auto tgt = prepare("dev.fr", Join(fr, 0, fr.size()), "fr");
    std::set<std::pair<std::vector<int>, std::vector<int>>> gold_set(
        gold_beads.begin(), gold_beads.end());
    for (const auto& r : Capture(internal::ScoreModel::kTranslationUnit, [&] {
           (void)translation_aligner.Align(*src, *tgt);
         })) {
      translation.Row(gold_set.count({r.src, r.tgt}) > 0, "textberg:dev", "",
                      r.features);
    }
  }
  // Chunks of about kChunkBeads gold beads, cut between beads.
  constexpr size_t kChunkBeads = 50;
  std::vector<std::pair<std::pair<size_t, size_t>, std::pair<size_t, size_t>>>
      chunks;  // [de from, to), [fr from, to)
  size_t de_from = 0, fr_from = 0, count = 0;
  for (size_t k = 0; k < gold_beads.size(); ++k) {
    ++count;
    const auto& [s, t] = gold_beads[k];
    if (count >= kChunkBeads && !s.empty() && !t.empty()) {
      const size_t de_to = s.back() + 1, fr_to = t.back() + 1;
      chunks.push_back({{de_from, de_to}, {fr_from, fr_to}});
      de_from = de_to;
      fr_from = fr_to;
      count = 0;
    }
  }
  for (size_t c = 0; c < chunks.size(); ++c) {
    const auto& [d, f] = chunks[c];
    const auto& [d2, f2] = chunks[(c + 3) % chunks.size()];
    auto src = prepare("de", Join(de, d.first, d.second), "de");
    pair_row(2, "textberg:chunk" + std::to_string(c), src,
             prepare("fr", Join(fr, f.first, f.second), "fr"));
    pair_row(0, "textberg:chunk" + std::to_string(c) + "x", src,
             prepare("fr", Join(fr, f2.first, f2.second), "fr"));
  }
  return 0;
}
