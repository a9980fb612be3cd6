// RunReviewPageJob and RunReviewApplyJob: `align review` once its options
// are parsed.
#include "jobs/review_job.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "crossalign/output_file.h"
#include "crossalign/pipeline.h"
#include "crossalign/review_page.h"
#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"
#include "crossalign/translation_aligner.h"
#include "jobs/run_output.h"
#include "write/review_units.h"

namespace crossalign {

using internal::Fail;
using internal::Say;
using internal::SayWarnings;

namespace {

// The text of a unit's side as the article's segments at its x-position
// give it; empty when an index is out of range.
std::string SegmentsText(const ReviewArticle& article,
                         const std::vector<long>& ids) {
  std::string joined;
  for (long id : ids) {
    if (id < 0 || static_cast<size_t>(id) >= article.segments.size()) {
      return "";
    }
    if (!joined.empty()) joined.push_back(' ');
    joined += article.segments[static_cast<size_t>(id)].text;
  }
  return internal::CollapseWhitespace(joined);
}

// Reads and segments the articles `source`'s units name (x-document), as
// `align split` does, for the page's document view. When one cannot be
// read, or its segments no longer give the units' texts, there is no
// document view and source->articles_note says why.
void LoadArticles(ReviewSource* source) {
  // article -> language, from the units' variants
  std::map<std::string, std::string> wanted;
  for (const TmxUnit& unit : source->memory.units) {
    for (const TmxVariant& v : unit.variants) {
      if (const std::string* doc = FindProp(v.props, "x-document")) {
        wanted.emplace(*doc, v.lang);
      }
    }
  }
  const auto fail = [&](const std::string& why) {
    source->articles.clear();
    source->articles_note =
        source->name + ": units only, no document view: " + why + ".";
  };
  if (wanted.empty()) {
    return fail("its units name no article (no x-document prop)");
  }
  PipelineOptions options;
  options.languages_given = true;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return fail(pipeline.status().message());
  std::map<std::string, size_t> index;
  for (const auto& [name, lang] : wanted) {
    auto doc = (*pipeline)->Prepare(name, lang);
    if (!doc.ok()) {
      return fail("the article " + name + " cannot be read (" +
                  doc.status().message() + ")");
    }
    ReviewArticle article = MakeReviewArticle(**doc);
    article.name = name;
    index[name] = source->articles.size();
    source->articles.push_back(std::move(article));
  }
  // The articles must still be the ones aligned: each unit's text is the
  // text of the segments its x-position names.
  const TmxMemory& memory = source->memory;
  for (size_t u = 0; u < memory.units.size(); ++u) {
    const TmxUnit& unit = memory.units[u];
    const std::string* position = FindProp(unit.props, "x-position");
    if (position == nullptr) {
      return fail("unit " + ReviewUnitId(unit, u) + " has no x-position");
    }
    const size_t si = internal::ReviewSourceIndex(memory, unit);
    for (size_t k = 0; k < unit.variants.size() && k < 2; ++k) {
      const TmxVariant& v = unit.variants[k];
      const std::string* doc = FindProp(v.props, "x-document");
      if (doc == nullptr) continue;
      const std::vector<long> ids =
          internal::ReviewPositionIndices(*position, k == si ? "src" : "tgt");
      if (SegmentsText(source->articles[index[*doc]], ids) !=
          internal::CollapseWhitespace(v.text)) {
        return fail("the article " + *doc +
                    " no longer gives the text of unit " +
                    ReviewUnitId(unit, u) + " (changed since the run?)");
      }
    }
  }
}

// The x-document of a unit's source and target ("" when it lacks one).
std::pair<std::string, std::string> UnitDocuments(const TmxMemory& memory,
                                                  const TmxUnit& unit) {
  if (unit.variants.size() < 2) return {};
  const size_t si = internal::ReviewSourceIndex(memory, unit);
  const std::string* a = FindProp(unit.variants[si].props, "x-document");
  const std::string* b =
      FindProp(unit.variants[si == 0 ? 1 : 0].props, "x-document");
  return {a ? *a : "", b ? *b : ""};
}

std::string PositionOf(const TmxUnit& unit) {
  const std::string* p = FindProp(unit.props, "x-position");
  return p ? *p : "";
}

// Realigns, in `applied`, each article pair holding links the reviewer made
// or accepted (see ReviewApplyJob::realign). `original` is the memory before
// the decisions; returns the number of pairs realigned.
StatusOr<size_t> Realign(const TmxMemory& original, const TmxWriterOptions& tmx,
                         TmxMemory* applied) {
  using DocPair = std::pair<std::string, std::string>;
  // The positions of units the reviewer rejected or removed, per pair.
  std::set<std::string> kept_ids;
  for (const TmxUnit& unit : applied->units) kept_ids.insert(unit.tuid);
  std::map<DocPair, std::set<std::string>> refused;
  for (size_t u = 0; u < original.units.size(); ++u) {
    const TmxUnit& unit = original.units[u];
    if (kept_ids.count(ReviewUnitId(unit, u)) == 0) {
      refused[UnitDocuments(original, unit)].insert(PositionOf(unit));
    }
  }
  // The reviewer's links, per pair, in memory order.
  std::vector<DocPair> order;
  std::map<DocPair, std::vector<size_t>> anchors;
  for (size_t u = 0; u < applied->units.size(); ++u) {
    const TmxUnit& unit = applied->units[u];
    const std::string* review = FindProp(unit.props, "x-review");
    if (review == nullptr) continue;
    const DocPair docs = UnitDocuments(*applied, unit);
    if (docs.first.empty() || docs.second.empty()) continue;
    if (anchors.count(docs) == 0) order.push_back(docs);
    anchors[docs].push_back(u);
  }
  if (order.empty()) return size_t{0};
  PipelineOptions options;
  options.languages_given = true;
  CROSSALIGN_ASSIGN_OR_RETURN(std::unique_ptr<Pipeline> pipeline,
                              Pipeline::Create(options));
  const TranslationAligner aligner(options.aligner);
  for (const DocPair& docs : order) {
    const TmxUnit& first = applied->units[anchors[docs].front()];
    const size_t si = internal::ReviewSourceIndex(*applied, first);
    const std::string& src_lang = first.variants[si].lang;
    const std::string& tgt_lang = first.variants[si == 0 ? 1 : 0].lang;
    auto src = pipeline->Prepare(docs.first, src_lang);
    if (!src.ok()) return src.status();
    auto tgt = pipeline->Prepare(docs.second, tgt_lang);
    if (!tgt.ok()) return tgt.status();
    std::vector<Bead> fixed;
    std::map<std::string, size_t> anchor_at;  // x-position -> unit
    for (size_t u : anchors[docs]) {
      const std::string position = PositionOf(applied->units[u]);
      Bead bead;
      for (long k : internal::ReviewPositionIndices(position, "src")) {
        bead.src.push_back(static_cast<int>(k));
      }
      for (long k : internal::ReviewPositionIndices(position, "tgt")) {
        bead.tgt.push_back(static_cast<int>(k));
      }
      fixed.push_back(std::move(bead));
      anchor_at[position] = u;
    }
    AlignedPair pair;
    pair.src = *src;
    pair.tgt = *tgt;
    StatusOr<Alignment> alignment = aligner.AlignAnchored(**src, **tgt, fixed);
    if (!alignment.ok()) {
      return InvalidArgumentError(
          docs.first + " and " + docs.second +
          ": cannot realign: " + alignment.status().message());
    }
    pair.alignment = std::move(*alignment);
    CROSSALIGN_ASSIGN_OR_RETURN(TmxMemory fresh,
                                TmxWriter(tmx).ToMemory({pair}));
    // The pair's units now: the old ones where a bead is unchanged (the
    // reviewer's links among them), the new beads marked, none refused.
    std::map<std::string, size_t> old_at;
    size_t insert_at = applied->units.size();
    std::vector<TmxUnit> others;
    for (size_t u = 0; u < applied->units.size(); ++u) {
      if (UnitDocuments(*applied, applied->units[u]) == docs) {
        old_at[PositionOf(applied->units[u])] = u;
        insert_at = std::min(insert_at, u);
      }
    }
    std::vector<TmxUnit> units;
    for (TmxUnit& unit : fresh.units) {
      const std::string position = PositionOf(unit);
      const auto old = old_at.find(position);
      if (old != old_at.end()) {
        units.push_back(applied->units[old->second]);
      } else if (refused[docs].count(position) == 0) {
        unit.props.push_back({"x-review", "realigned"});
        units.push_back(std::move(unit));
      }
    }
    size_t before = 0;
    for (size_t u = 0; u < applied->units.size(); ++u) {
      if (UnitDocuments(*applied, applied->units[u]) == docs) continue;
      if (u < insert_at) ++before;
      others.push_back(std::move(applied->units[u]));
    }
    others.insert(others.begin() + static_cast<long>(before),
                  std::make_move_iterator(units.begin()),
                  std::make_move_iterator(units.end()));
    applied->units = std::move(others);
  }
  return order.size();
}

}  // namespace

RunResult RunReviewPageJob(const ReviewPageJob& job) {
  std::vector<std::string> inputs = job.inputs;
  inputs.push_back(job.report_path);
  if (Status s = CheckDistinctOutputs({{"-o", job.output}}, inputs); !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  if (Status s = internal::MayWrite(job.output, job.replace); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  ReviewPageOptions options;
  options.title = job.title;
  if (!job.report_path.empty()) {
    auto report = ReadAlignReportFile(job.report_path);
    if (!report.ok()) return Fail(RunFault::kInput, report.status());
    options.report = std::move(*report);
  }
  RunResult result;
  std::vector<ReviewSource> sources;
  const TmxReader reader;
  size_t units = 0;
  for (const std::string& path : job.inputs) {
    StatusOr<TmxMemory> memory = reader.ReadFile(path);
    if (!memory.ok()) {
      Say(job.report, RunMessage::kSkipped,
          memory.status().message() + "; skipped");
      ++result.problems;
      continue;
    }
    result.problems += SayWarnings(job.report, memory->warnings);
    units += memory->units.size();
    ReviewSource source;
    source.name = path;
    source.memory = std::move(*memory);
    LoadArticles(&source);
    sources.push_back(std::move(source));
  }
  if (sources.empty()) {
    return Fail(RunFault::kInput,
                InvalidArgumentError("review: no usable input: none of the " +
                                     std::to_string(job.inputs.size()) +
                                     " file(s) could be read"));
  }
  auto page = RenderReviewPage(sources, options);
  if (!page.ok()) return Fail(RunFault::kInput, page.status());
  if (Status s = internal::WriteJobText(job, *page); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  result.units = units;
  if (!job.output.empty() && job.output != "-") {
    Say(job.report, RunMessage::kInfo,
        "review: wrote " + job.output + " (" + std::to_string(units) +
            " units from " + std::to_string(sources.size()) +
            (sources.size() == 1 ? " memory)" : " memories)"));
  }
  return result;
}

RunResult RunReviewApplyJob(const ReviewApplyJob& job) {
  if (Status s = CheckDistinctOutputs({{"-o", job.output}},
                                      {job.input, job.decisions_path});
      !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  if (Status s = internal::MayWrite(job.output, job.replace); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  StatusOr<ReviewDecisionSet> decisions =
      ReadReviewDecisionSetFile(job.decisions_path);
  if (!decisions.ok()) return Fail(RunFault::kInput, decisions.status());
  StatusOr<TmxMemory> memory = TmxReader().ReadFile(job.input);
  if (!memory.ok()) return Fail(RunFault::kInput, memory.status());
  RunResult result;
  result.problems += SayWarnings(job.report, memory->warnings);
  StatusOr<ReviewApplyResult> done = ApplyReviewDecisionSet(
      *memory, *decisions, job.decisions_path, job.apply);
  if (!done.ok()) return Fail(RunFault::kInput, done.status());
  ReviewApplyResult& applied = *done;
  size_t realigned = 0;
  if (job.realign) {
    StatusOr<size_t> pairs = Realign(*memory, job.tmx, &applied.memory);
    if (!pairs.ok()) return Fail(RunFault::kInput, pairs.status());
    realigned = *pairs;
  }
  const std::vector<std::string>& unknown = applied.unknown_tuids;
  if (!unknown.empty()) {
    std::string list;
    for (size_t i = 0; i < unknown.size() && i < 5; ++i) {
      list += (i > 0 ? ", " : "") + unknown[i];
    }
    if (unknown.size() > 5) list += ", ...";
    Say(job.report, RunMessage::kWarning,
        job.decisions_path + ": " + std::to_string(unknown.size()) +
            " decision(s) name units that " + job.input +
            " does not hold (from another memory?), ignored: " + list);
    ++result.problems;
  }
  auto xml = TmxWriter(job.tmx).RenderMemory(applied.memory);
  if (!xml.ok()) return Fail(RunFault::kOutput, xml.status());
  if (Status s = internal::WriteJobText(job, *xml); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  result.units = applied.memory.units.size();
  Say(job.report, RunMessage::kInfo,
      "review: " + std::to_string(applied.accepted) + " accepted (" +
          std::to_string(applied.edited) + " edited), " +
          std::to_string(applied.rejected) + " rejected (left out), " +
          std::to_string(applied.undecided) + " not reviewed (kept)" +
          (applied.added + applied.removed > 0
               ? ", " + std::to_string(applied.added) + " made and " +
                     std::to_string(applied.removed) +
                     " removed in the document view"
               : std::string()) +
          (applied.dropped > 0 ? ", " + std::to_string(applied.dropped) +
                                     " not accepted (left out)"
                               : std::string()) +
          (job.realign
               ? ", " + std::to_string(realigned) + " article pair(s) realigned"
               : std::string()) +
          (job.output.empty() || job.output == "-" ? ""
                                                   : "; wrote " + job.output));
  return result;
}

}  // namespace crossalign
