#include "crossalign/review_page.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "base/file_io.h"
#include "base/hash.h"
#include "base/json_parse.h"
#include "base/json_string.h"
#include "base/utf8.h"
#include "crossalign/version.h"
#include "write/bead_text.h"
#include "write/review_page_assets.h"
#include "write/review_units.h"

namespace crossalign {
namespace {

using internal::Fnv1a;
using internal::Hex64;
using internal::JsonString;
using internal::JsonStringMember;

// Report and decision files are small; this bounds a wrong path's damage.
constexpr uint64_t kMaxJsonFileBytes = uint64_t{256} << 20;

std::string HtmlEscape(std::string_view raw) {
  const std::string text = internal::ReplaceInvalidUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// JSON text made safe inside <script type="application/json">: '<', '>'
// and '&' (so neither "</script" nor "<!--" can appear) and U+2028/U+2029
// become \u escapes. They only occur inside strings, where the escapes mean
// the same characters.
std::string ScriptSafe(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

// The sentence indices of one side in an x-position prop
// ("src p3:s4,5 tgt p3:s6"): {4, 5} for "src".
std::vector<long> PositionIndices(const std::string& position,
                                  std::string_view side) {
  std::vector<long> out;
  const std::string key = std::string(side) + " ";
  size_t at = 0;
  while ((at = position.find(key, at)) != std::string::npos) {
    if (at == 0 || position[at - 1] == ' ') break;
    ++at;
  }
  if (at == std::string::npos) return out;
  const size_t colon = position.find(":s", at);
  if (colon == std::string::npos) return out;
  const size_t end = position.find(' ', colon);
  const std::string list =
      position.substr(colon + 2, end == std::string::npos ? std::string::npos
                                                          : end - colon - 2);
  const char* p = list.c_str();
  while (*p != '\0') {
    char* next = nullptr;
    const long value = std::strtol(p, &next, 10);
    if (next == p || value < 0) return {};
    out.push_back(value);
    p = next;
    if (*p == ',') ++p;
  }
  return out;
}

std::string IndexList(const std::vector<long>& ids) {
  std::string out = "[";
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k > 0) out.push_back(',');
    out += std::to_string(ids[k]);
  }
  return out + "]";
}

}  // namespace

std::string ReviewUnitId(const TmxUnit& unit, size_t index) {
  return unit.tuid.empty() ? "#" + std::to_string(index + 1) : unit.tuid;
}

ReviewArticle MakeReviewArticle(const Document& doc) {
  ReviewArticle article;
  article.name = doc.name();
  article.lang = doc.lang();
  for (size_t i = 0; i < doc.segments().size(); ++i) {
    const Segment& seg = doc.segments()[i];
    article.segments.push_back({internal::SideText(doc, {static_cast<int>(i)}),
                                SegmentKindName(seg.kind), seg.paragraph});
  }
  return article;
}

std::string ReviewArticleFingerprint(const ReviewArticle& article) {
  std::string content = article.name;
  for (const ReviewArticleSegment& seg : article.segments) {
    content += "\n" + seg.kind + "\t" + seg.text;
  }
  return Hex64(Fnv1a(content));
}

std::string ReviewMemoryFingerprint(const TmxMemory& memory) {
  std::string content;
  for (size_t u = 0; u < memory.units.size(); ++u) {
    const TmxUnit& unit = memory.units[u];
    content += ReviewUnitId(unit, u);
    for (const TmxVariant& v : unit.variants) {
      content.push_back('\0');
      content += v.lang;
      content.push_back('\0');
      content += internal::CollapseWhitespace(v.text);
    }
    content.push_back('\n');
  }
  return Hex64(Fnv1a(content));
}

namespace {

std::string PropOr(const std::vector<TmxProp>& props, std::string_view type) {
  const std::string* value = FindProp(props, type);
  return value ? *value : std::string();
}

// The variant in the memory's source language, or the first.
size_t SourceIndex(const TmxMemory& memory, const TmxUnit& unit) {
  const std::string& srclang =
      unit.srclang.empty() ? memory.header.srclang : unit.srclang;
  if (!srclang.empty() && srclang != "*all*") {
    for (size_t i = 0; i < unit.variants.size(); ++i) {
      if (LangMatches(unit.variants[i].lang, srclang) ||
          LangMatches(srclang, unit.variants[i].lang)) {
        return i;
      }
    }
  }
  return 0;
}

std::string SourceNames(const std::vector<ReviewSource>& sources) {
  std::string title;
  for (size_t i = 0; i < sources.size(); ++i) {
    if (i > 0) title += ", ";
    if (i == 4) {
      title += std::to_string(sources.size() - 4) + " more";
      break;
    }
    title += sources[i].name;
  }
  return title;
}

// The data the page's script renders, as JSON (not yet ScriptSafe).
std::string PageData(const std::vector<ReviewSource>& sources,
                     const ReviewPageOptions& options,
                     const std::string& title) {
  std::string out = "{\"version\":1,\"tool\":" +
                    JsonString(std::string("crossalign ") + Version()) +
                    ",\"title\":" + JsonString(title) + ",\"files\":[";
  for (size_t i = 0; i < sources.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += JsonString(sources[i].name);
  }
  // Document pairs, each once: [file, src doc, tgt doc, src lang, tgt lang,
  // mode, src outlet, tgt outlet].
  std::map<std::string, size_t> pair_index;
  std::string pairs = "[";
  std::string units = "[";
  bool first_unit = true;
  for (size_t f = 0; f < sources.size(); ++f) {
    const TmxMemory& memory = sources[f].memory;
    for (size_t u = 0; u < memory.units.size(); ++u) {
      const TmxUnit& unit = memory.units[u];
      // A side a unit lacks (other tools write such units) shows empty.
      static const TmxVariant kNone;
      const size_t si = SourceIndex(memory, unit);
      const size_t ti = si == 0 ? 1 : 0;
      const TmxVariant& src =
          si < unit.variants.size() ? unit.variants[si] : kNone;
      const TmxVariant& tgt =
          ti < unit.variants.size() ? unit.variants[ti] : kNone;
      const std::string src_doc = PropOr(src.props, "x-document");
      const std::string tgt_doc = PropOr(tgt.props, "x-document");
      const std::string mode = PropOr(unit.props, "x-mode");
      std::string key = std::to_string(f);
      for (const std::string* part :
           {&src_doc, &tgt_doc, &src.lang, &tgt.lang, &mode}) {
        key.push_back('\0');
        key += *part;
      }
      auto [it, inserted] = pair_index.emplace(key, pair_index.size());
      if (inserted) {
        if (it->second > 0) pairs.push_back(',');
        pairs += "[" + std::to_string(f) + "," + JsonString(src_doc) + "," +
                 JsonString(tgt_doc) + "," + JsonString(src.lang) + "," +
                 JsonString(tgt.lang) + "," + JsonString(mode) + "," +
                 JsonString(PropOr(src.props, "x-outlet")) + "," +
                 JsonString(PropOr(tgt.props, "x-outlet")) + "]";
      }
      const std::optional<double> score = UnitScore(unit);
      const std::string position = PropOr(unit.props, "x-position");
      const std::string review = PropOr(unit.props, "x-review");
      // [tuid, pair, score or null, bead, src text, tgt text, src ids,
      //  tgt ids, earlier review]
      if (!first_unit) units.push_back(',');
      first_unit = false;
      units += "[" + JsonString(ReviewUnitId(unit, u)) + "," +
               std::to_string(it->second) + "," +
               (score ? FormatNumber(*score) : std::string("null")) + "," +
               JsonString(PropOr(unit.props, "x-bead")) + "," +
               JsonString(internal::CollapseWhitespace(src.text)) + "," +
               JsonString(internal::CollapseWhitespace(tgt.text)) + "," +
               IndexList(PositionIndices(position, "src")) + "," +
               IndexList(PositionIndices(position, "tgt")) + "," +
               JsonString(review) + "]";
    }
  }
  out += "],\"pairs\":" + pairs + "],\"units\":" + units + "]";
  // The articles, each once, for the document view.
  std::set<std::string> article_names;
  std::string notes;
  out += ",\"articles\":[";
  for (const ReviewSource& source : sources) {
    if (!source.articles_note.empty()) {
      notes += (notes.empty() ? "" : " ") + source.articles_note;
    }
    for (const ReviewArticle& a : source.articles) {
      if (!article_names.insert(a.name).second) continue;
      if (article_names.size() > 1) out.push_back(',');
      out += "{\"name\":" + JsonString(a.name) +
             ",\"lang\":" + JsonString(a.lang) +
             ",\"fp\":" + JsonString(ReviewArticleFingerprint(a)) +
             ",\"segs\":[";
      for (size_t i = 0; i < a.segments.size(); ++i) {
        const ReviewArticleSegment& seg = a.segments[i];
        if (i > 0) out.push_back(',');
        out += "[" + JsonString(seg.text) + "," + JsonString(seg.kind) + "," +
               std::to_string(seg.paragraph) + "]";
      }
      out += "]}";
    }
  }
  out += "],\"articlesNote\":" + JsonString(notes);
  out += ",\"memories\":[";
  for (size_t f = 0; f < sources.size(); ++f) {
    if (f > 0) out.push_back(',');
    out += JsonString(ReviewMemoryFingerprint(sources[f].memory));
  }
  out += "]";
  out += ",\"report\":";
  if (!options.report) {
    out += "null";
  } else {
    out += "[";
    for (size_t i = 0; i < options.report->size(); ++i) {
      const AlignReportEntry& e = (*options.report)[i];
      if (i > 0) out.push_back(',');
      out += "{\"src\":" + JsonString(e.src) + ",\"tgt\":" + JsonString(e.tgt) +
             ",\"similarity\":" +
             (e.similarity ? FormatNumber(*e.similarity) : "null") +
             ",\"decision\":" + JsonString(e.decision) +
             ",\"reason\":" + JsonString(e.reason) + ",\"units\":" +
             (e.units ? std::to_string(*e.units) : std::string("null")) + "}";
    }
    out += "]";
  }
  return out + "}";
}

}  // namespace

namespace internal {

std::vector<long> ReviewPositionIndices(const std::string& position,
                                        std::string_view side) {
  return PositionIndices(position, side);
}

size_t ReviewSourceIndex(const TmxMemory& memory, const TmxUnit& unit) {
  return SourceIndex(memory, unit);
}

}  // namespace internal

StatusOr<std::vector<AlignReportEntry>> ParseAlignReport(
    const std::string& name, std::string_view bytes) {
  std::vector<AlignReportEntry> entries;
  size_t line_no = 0;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(line_no) + ": ";
    StatusOr<nlohmann::json> value = internal::ParseJson(line);
    if (!value.ok()) {
      return InvalidArgumentError(where + "JSON: " + value.status().message() +
                                  " (an aligner report has one JSON object "
                                  "per line)");
    }
    const std::string* src = JsonStringMember(*value, "src");
    const std::string* tgt = JsonStringMember(*value, "tgt");
    if (src == nullptr || tgt == nullptr) {
      return InvalidArgumentError(
          where +
          "not a report entry: needs an object with \"src\" and "
          "\"tgt\" paths");
    }
    AlignReportEntry entry;
    entry.src = *src;
    entry.tgt = *tgt;
    const auto number = [&](const char* key) -> const nlohmann::json* {
      const auto it = value->find(key);
      return it != value->end() && it->is_number() ? &*it : nullptr;
    };
    if (const auto* v = number("similarity")) {
      entry.similarity = v->get<double>();
    }
    if (const std::string* v = JsonStringMember(*value, "decision")) {
      entry.decision = *v;
    }
    if (const std::string* v = JsonStringMember(*value, "reason")) {
      entry.reason = *v;
    }
    if (const auto* v = number("units")) {
      // A count: a whole number no larger than a double holds exactly
      // (2^53), so that the cast below is defined ("units": 1e300 was not).
      constexpr double kMaxUnits = 9007199254740992.0;  // 2^53
      const double units = v->get<double>();
      if (!(units >= 0 && units <= kMaxUnits) ||
          units != static_cast<double>(static_cast<long>(units))) {
        return InvalidArgumentError(
            where + "\"units\" must be a whole number from 0 to 2^53, not " +
            v->dump());
      }
      entry.units = static_cast<long>(units);
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

StatusOr<std::vector<AlignReportEntry>> ReadAlignReportFile(
    const std::string& path) {
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string bytes,
                              internal::ReadWholeFile(path, kMaxJsonFileBytes));
  return ParseAlignReport(path, bytes);
}

StatusOr<std::string> RenderReviewPage(const std::vector<ReviewSource>& sources,
                                       const ReviewPageOptions& options) {
  if (sources.empty()) {
    return InvalidArgumentError("review page: no translation memory given");
  }
  const std::string heading =
      options.title.empty() ? SourceNames(sources) : options.title;
  const std::string title =
      options.title.empty() ? "crossalign review: " + heading : options.title;
  const std::string data = ScriptSafe(PageData(sources, options, title));
  // The nonce lets only our own script run; it changes with the content.
  const std::string nonce =
      Hex64(Fnv1a(data)) + Hex64(Fnv1a(internal::ReviewAsset("script")));
  std::string page;
  page.reserve(data.size() + 64 * 1024);
  page +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-" +
      nonce + "'\">\n<meta name=\"generator\" content=\"" +
      HtmlEscape(std::string("crossalign ") + Version()) + "\">\n<title>" +
      HtmlEscape(title) + "</title>\n<style>" +
      std::string(internal::ReviewAsset("style")) +
      "</style>\n</head>\n<body>\n";
  std::string body(internal::ReviewAsset("body"));
  const std::string marker = "@HEADING@";
  const size_t at = body.find(marker);
  if (at != std::string::npos) {
    body.replace(at, marker.size(), HtmlEscape(heading));
  }
  page += body;
  page += "<script type=\"application/json\" id=\"review-data\">" + data +
          "</script>\n<script nonce=\"" + nonce + "\">" +
          std::string(internal::ReviewAsset("script")) +
          "</script>\n</body>\n</html>\n";
  return page;
}

Status WriteReviewPage(const std::string& path,
                       const std::vector<ReviewSource>& sources,
                       const ReviewPageOptions& options) {
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string page,
                              RenderReviewPage(sources, options));
  return internal::WriteFileAtomically(path, page);
}

StatusOr<ReviewDecisions> ParseReviewDecisions(const std::string& name,
                                               std::string_view bytes,
                                               ReviewEdits* edits) {
  StatusOr<nlohmann::json> value = internal::ParseJson(bytes);
  if (!value.ok()) {
    return InvalidArgumentError(
        name + ": not a decisions file: JSON: " + value.status().message());
  }
  const auto decisions =
      value->is_object() ? value->find("decisions") : value->end();
  if (decisions == value->end() || !decisions->is_object()) {
    return InvalidArgumentError(
        name +
        ": not a decisions file: expected {\"decisions\": {\"<tuid>\": "
        "\"accept\" or \"reject\"}} as the review page exports it");
  }
  ReviewDecisions out;
  for (const auto& [tuid, decision] : decisions->items()) {
    if (decision == "accept") {
      out[tuid] = ReviewDecision::kAccept;
    } else if (decision == "reject") {
      out[tuid] = ReviewDecision::kReject;
    } else {
      return InvalidArgumentError(name + ": the decision for unit '" + tuid +
                                  "' is not \"accept\" or \"reject\"");
    }
  }
  const auto edit_list = value->find("edits");
  if (edits == nullptr || edit_list == value->end()) return out;
  if (!edit_list->is_object()) {
    return InvalidArgumentError(
        name +
        ": \"edits\" must be {\"<tuid>\": {\"src\": TEXT, \"tgt\": "
        "TEXT}}");
  }
  for (const auto& [tuid, edit] : edit_list->items()) {
    ReviewEdit parsed;
    for (const char* key : {"src", "tgt"}) {
      const std::string* text = JsonStringMember(edit, key);
      if (text == nullptr) continue;
      if (internal::CollapseWhitespace(*text).empty()) {
        return InvalidArgumentError(name + ": the edit of unit '" + tuid +
                                    "' leaves its " + key +
                                    " empty; reject the unit instead");
      }
      (key[0] == 's' ? parsed.source : parsed.target) = *text;
    }
    if (!parsed.source && !parsed.target) {
      return InvalidArgumentError(name + ": the edit of unit '" + tuid +
                                  "' has no \"src\" or \"tgt\" text");
    }
    (*edits)[tuid] = std::move(parsed);
  }
  return out;
}

StatusOr<ReviewDecisions> ReadReviewDecisionsFile(const std::string& path,
                                                  ReviewEdits* edits) {
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string bytes,
                              internal::ReadWholeFile(path, kMaxJsonFileBytes));
  return ParseReviewDecisions(path, bytes, edits);
}

namespace {

// The decisions file format the page writes (see ReviewDecisionSet).
constexpr char kDecisionsFormat[] = "crossalign-review-decisions";
constexpr int kDecisionsVersion = 2;

StatusOr<ReviewNewUnit> ParseNewUnit(const std::string& where,
                                     const nlohmann::json& value) {
  ReviewNewUnit unit;
  if (!value.is_object()) {
    return InvalidArgumentError(where + ": a unit made must be an object");
  }
  const std::pair<const char*, std::string*> texts[] = {
      {"id", &unit.id},
      {"src_doc", &unit.src_document},
      {"tgt_doc", &unit.tgt_document},
      {"src_lang", &unit.src_lang},
      {"tgt_lang", &unit.tgt_lang},
      {"position", &unit.position},
      {"src_text", &unit.src_text},
      {"tgt_text", &unit.tgt_text}};
  for (const auto& [key, field] : texts) {
    const std::string* text = JsonStringMember(value, key);
    if (text == nullptr) {
      return InvalidArgumentError(where + ": a unit made has no \"" + key +
                                  "\" string");
    }
    *field = *text;
  }
  if (unit.id.empty() || internal::CollapseWhitespace(unit.src_text).empty() ||
      internal::CollapseWhitespace(unit.tgt_text).empty()) {
    return InvalidArgumentError(where +
                                ": a unit made needs an id and both texts");
  }
  for (const auto& [key, list] :
       {std::pair<const char*, std::vector<long>*>{"src", &unit.src},
        {"tgt", &unit.tgt}}) {
    const auto it = value.find(key);
    if (it == value.end() || !it->is_array()) {
      return InvalidArgumentError(where + ": a unit made has no \"" +
                                  std::string(key) + "\" list of segments");
    }
    for (const auto& n : *it) {
      if (!n.is_number_integer() || n.get<long>() < 0) {
        return InvalidArgumentError(where + ": \"" + std::string(key) +
                                    "\" must list segment indices");
      }
      list->push_back(n.get<long>());
    }
  }
  return unit;
}

}  // namespace

StatusOr<ReviewDecisionSet> ParseReviewDecisionSet(const std::string& name,
                                                   std::string_view bytes) {
  ReviewDecisionSet set;
  CROSSALIGN_ASSIGN_OR_RETURN(set.decisions,
                              ParseReviewDecisions(name, bytes, &set.edits));
  StatusOr<nlohmann::json> value = internal::ParseJson(bytes);
  if (!value.ok()) return value.status();  // ParseReviewDecisions said why
  const std::string* format = JsonStringMember(*value, "format");
  if (format == nullptr) return set;  // format 1
  const auto version = value->find("version");
  if (*format != kDecisionsFormat || version == value->end() ||
      !version->is_number_integer()) {
    return InvalidArgumentError(name + ": \"format\" must be \"" +
                                std::string(kDecisionsFormat) +
                                "\" with an integer \"version\"");
  }
  set.version = version->get<int>();
  if (set.version < 1 || set.version > kDecisionsVersion) {
    return InvalidArgumentError(
        name + ": decisions format version " + std::to_string(set.version) +
        " is not one this align reads (1 to " +
        std::to_string(kDecisionsVersion) + "): a newer crossalign wrote it");
  }
  if (const auto m = value->find("memories"); m != value->end()) {
    if (!m->is_array()) {
      return InvalidArgumentError(name +
                                  ": \"memories\" must list fingerprints");
    }
    for (const auto& f : *m) {
      if (!f.is_string()) {
        return InvalidArgumentError(name +
                                    ": \"memories\" must list fingerprints");
      }
      set.memories.push_back(f.get<std::string>());
    }
  }
  if (const auto a = value->find("articles");
      a != value->end() && a->is_object()) {
    for (const auto& [article, f] : a->items()) {
      if (f.is_string()) set.articles[article] = f.get<std::string>();
    }
  }
  const auto ops = value->find("operations");
  if (ops == value->end()) return set;
  if (!ops->is_array()) {
    return InvalidArgumentError(name + ": \"operations\" must be a list");
  }
  for (size_t i = 0; i < ops->size(); ++i) {
    const nlohmann::json& op = (*ops)[i];
    const std::string where = name + ": operation " + std::to_string(i + 1);
    const std::string* kind = JsonStringMember(op, "op");
    if (kind == nullptr || (*kind != "pair" && *kind != "unpair" &&
                            *kind != "merge" && *kind != "split")) {
      return InvalidArgumentError(
          where + ": \"op\" must be pair, unpair, merge or split");
    }
    ReviewOperation parsed;
    parsed.op = *kind;
    if (const auto r = op.find("remove"); r != op.end()) {
      if (!r->is_array()) {
        return InvalidArgumentError(where + ": \"remove\" must list unit ids");
      }
      for (const auto& id : *r) {
        if (!id.is_string()) {
          return InvalidArgumentError(where +
                                      ": \"remove\" must list unit ids");
        }
        parsed.remove.push_back(id.get<std::string>());
      }
    }
    if (const auto a = op.find("add"); a != op.end()) {
      if (!a->is_array()) {
        return InvalidArgumentError(where + ": \"add\" must list units");
      }
      for (const auto& unit : *a) {
        CROSSALIGN_ASSIGN_OR_RETURN(ReviewNewUnit made,
                                    ParseNewUnit(where, unit));
        parsed.add.push_back(std::move(made));
      }
    }
    set.operations.push_back(std::move(parsed));
  }
  return set;
}

StatusOr<ReviewDecisionSet> ReadReviewDecisionSetFile(const std::string& path) {
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string bytes,
                              internal::ReadWholeFile(path, kMaxJsonFileBytes));
  return ParseReviewDecisionSet(path, bytes);
}

namespace {

void SetProp(std::vector<TmxProp>* props, const std::string& type,
             const std::string& value) {
  props->erase(std::remove_if(props->begin(), props->end(),
                              [&](const TmxProp& p) { return p.type == type; }),
               props->end());
  if (!value.empty()) props->push_back({type, value});
}

}  // namespace

namespace {

// A unit an operation made, as a TMX unit.
TmxUnit MadeUnit(const ReviewNewUnit& made, const std::string& how,
                 const TmxUnit* sibling, size_t sibling_src) {
  TmxUnit unit;
  unit.tuid = made.id;
  const std::string bead =
      std::to_string(made.src.size()) + "-" + std::to_string(made.tgt.size());
  unit.props = {{"x-bead", bead}};
  if (sibling != nullptr) {
    unit.creationdate = sibling->creationdate;
    if (const std::string* mode = FindProp(sibling->props, "x-mode")) {
      unit.props.push_back({"x-mode", *mode});
    }
  }
  if (!made.position.empty()) {
    unit.props.push_back({"x-position", made.position});
  }
  unit.props.push_back({"x-review", how});
  const std::string* docs[] = {&made.src_document, &made.tgt_document};
  const std::string* langs[] = {&made.src_lang, &made.tgt_lang};
  const std::string* texts[] = {&made.src_text, &made.tgt_text};
  for (size_t side = 0; side < 2; ++side) {
    TmxVariant v;
    v.lang = *langs[side];
    // The sibling's variant of this side (outlet and document props).
    if (sibling != nullptr && sibling->variants.size() >= 2) {
      const size_t k = side == 0 ? sibling_src : (sibling_src == 0 ? 1 : 0);
      v.props = sibling->variants[k].props;
    }
    SetProp(&v.props, "x-document", *docs[side]);
    v.text = internal::CollapseWhitespace(*texts[side]);
    unit.variants.push_back(std::move(v));
  }
  return unit;
}

struct WorkUnit {
  std::string id;
  TmxUnit unit;
  bool made = false;
};

// The x-document of a work unit's source and target.
std::pair<std::string, std::string> UnitDocuments(const TmxMemory& memory,
                                                  const TmxUnit& unit) {
  if (unit.variants.size() < 2) return {};
  const size_t si = SourceIndex(memory, unit);
  return {PropOr(unit.variants[si].props, "x-document"),
          PropOr(unit.variants[si == 0 ? 1 : 0].props, "x-document")};
}

}  // namespace

StatusOr<ReviewApplyResult> ApplyReviewDecisionSet(
    const TmxMemory& memory, const ReviewDecisionSet& set,
    const std::string& name, const ReviewApplyOptions& options) {
  if (!set.memories.empty()) {
    const std::string mine = ReviewMemoryFingerprint(memory);
    if (std::find(set.memories.begin(), set.memories.end(), mine) ==
        set.memories.end()) {
      std::string theirs;
      for (const std::string& f : set.memories) {
        theirs += (theirs.empty() ? "" : ", ") + f;
      }
      return InvalidArgumentError(
          name + ": made for another memory (its fingerprint " + theirs +
          "; this memory's is " + mine +
          "): refusing to apply it; export the decisions from this memory's "
          "page");
    }
  }
  ReviewApplyResult result;
  result.memory.version = memory.version;
  result.memory.header = memory.header;
  result.memory.warnings = memory.warnings;
  std::vector<WorkUnit> units;
  for (size_t u = 0; u < memory.units.size(); ++u) {
    units.push_back({ReviewUnitId(memory.units[u], u), memory.units[u]});
  }
  std::set<std::string> seen;
  for (const ReviewOperation& op : set.operations) {
    size_t at = units.size();
    bool removed_any = false;
    for (const std::string& id : op.remove) {
      const auto it =
          std::find_if(units.begin(), units.end(),
                       [&](const WorkUnit& w) { return w.id == id; });
      if (it == units.end()) {
        result.unknown_tuids.push_back(id);
        continue;
      }
      seen.insert(id);
      removed_any = true;
      at = std::min(at, static_cast<size_t>(it - units.begin()));
      if (!it->made) ++result.removed;
      if (it->made) --result.added;
      units.erase(it);
    }
    const std::string how = op.op == "pair"    ? "added"
                            : op.op == "merge" ? "merged"
                                               : "split";
    for (size_t k = 0; k < op.add.size(); ++k) {
      const ReviewNewUnit& made = op.add[k];
      // A unit of the same document pair lends its mode, outlets and date;
      // without a removed unit's place, the new one goes after the last unit
      // of its pair that starts before it.
      const TmxUnit* sibling = nullptr;
      size_t sibling_src = 0;
      size_t place = units.size();
      bool found_pair = false;
      for (size_t w = 0; w < units.size(); ++w) {
        if (UnitDocuments(memory, units[w].unit) !=
            std::make_pair(made.src_document, made.tgt_document)) {
          continue;
        }
        sibling = &units[w].unit;
        sibling_src = SourceIndex(memory, units[w].unit);
        if (!found_pair) place = w;
        found_pair = true;
        const std::vector<long> src =
            PositionIndices(PropOr(units[w].unit.props, "x-position"), "src");
        if (!src.empty() && !made.src.empty() &&
            src.front() < made.src.front()) {
          place = w + 1;
        }
      }
      TmxUnit unit = MadeUnit(made, how, sibling, sibling_src);
      const size_t where = (removed_any ? at : place) + k;
      units.insert(units.begin() + std::min(where, units.size()),
                   WorkUnit{made.id, std::move(unit), true});
      ++result.added;
    }
  }
  for (WorkUnit& w : units) {
    auto it = set.decisions.find(w.id);
    auto edit = set.edits.find(w.id);
    if (it == set.decisions.end() && edit == set.edits.end()) {
      if (w.made) {
        result.memory.units.push_back(std::move(w.unit));
      } else if (options.keep_accepted_only) {
        ++result.dropped;
      } else {
        ++result.undecided;
        result.memory.units.push_back(std::move(w.unit));
      }
      continue;
    }
    seen.insert(w.id);
    if (it != set.decisions.end() && it->second == ReviewDecision::kReject) {
      ++result.rejected;
      if (w.made) --result.added;
      continue;
    }
    TmxUnit kept = std::move(w.unit);
    if (!w.made) {
      ++result.accepted;
      SetProp(&kept.props, "x-review", "accepted");
    }
    if (edit != set.edits.end()) {
      const size_t si = SourceIndex(memory, kept);
      std::string sides;
      const std::pair<size_t, const std::optional<std::string>*> changes[] = {
          {si, &edit->second.source}, {si == 0 ? 1 : 0, &edit->second.target}};
      for (const auto& [index, text] : changes) {
        if (!*text || index >= kept.variants.size()) continue;
        TmxVariant& v = kept.variants[index];
        const std::string now = internal::CollapseWhitespace(**text);
        if (now == internal::CollapseWhitespace(v.text) && v.seg_xml.empty()) {
          continue;
        }
        v.text = now;
        v.seg_xml.clear();  // the reviewer's text replaces any markup
        sides += sides.empty() ? "" : ",";
        sides += index == si ? "src" : "tgt";
      }
      if (!sides.empty()) {
        ++result.edited;
        SetProp(&kept.props, "x-review-edited", sides);
      }
    }
    result.memory.units.push_back(std::move(kept));
  }
  for (const auto& [tuid, decision] : set.decisions) {
    if (seen.count(tuid) == 0) result.unknown_tuids.push_back(tuid);
  }
  for (const auto& [tuid, edit] : set.edits) {
    if (seen.count(tuid) == 0 && set.decisions.count(tuid) == 0) {
      result.unknown_tuids.push_back(tuid);
    }
  }
  std::sort(result.unknown_tuids.begin(), result.unknown_tuids.end());
  result.unknown_tuids.erase(
      std::unique(result.unknown_tuids.begin(), result.unknown_tuids.end()),
      result.unknown_tuids.end());
  std::string counts = std::to_string(result.accepted) + " accepted (" +
                       std::to_string(result.edited) + " edited), " +
                       std::to_string(result.rejected) +
                       " rejected by a reviewer, " +
                       std::to_string(result.undecided) + " not reviewed";
  if (result.added > 0 || result.removed > 0) {
    counts += ", " + std::to_string(result.added) + " made and " +
              std::to_string(result.removed) + " removed in the document view";
  }
  if (result.dropped > 0) {
    counts += ", " + std::to_string(result.dropped) + " not accepted left out";
  }
  SetProp(&result.memory.header.props, "x-review", counts);
  return result;
}

ReviewApplyResult ApplyReviewDecisions(const TmxMemory& memory,
                                       const ReviewDecisions& decisions,
                                       const ReviewEdits& edits) {
  ReviewDecisionSet set;
  set.decisions = decisions;
  set.edits = edits;
  // Without fingerprints there is nothing to refuse.
  return *ApplyReviewDecisionSet(memory, set, "");
}

}  // namespace crossalign
