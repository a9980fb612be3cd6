#include "crossalign/review_page.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "crossalign/version.h"
#include "io/file_io.h"
#include "io/json_parse.h"
#include "io/json_string.h"
#include "io/review_page_assets.h"
#include "text/utf8.h"

namespace crossalign {
namespace {

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

uint64_t Fnv1a(std::string_view data) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(value));
  return buffer;
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
      entry.units = static_cast<long>(v->get<double>());
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

void SetProp(std::vector<TmxProp>* props, const std::string& type,
             const std::string& value) {
  props->erase(std::remove_if(props->begin(), props->end(),
                              [&](const TmxProp& p) { return p.type == type; }),
               props->end());
  if (!value.empty()) props->push_back({type, value});
}

}  // namespace

ReviewApplyResult ApplyReviewDecisions(const TmxMemory& memory,
                                       const ReviewDecisions& decisions,
                                       const ReviewEdits& edits) {
  ReviewApplyResult result;
  result.memory.version = memory.version;
  result.memory.header = memory.header;
  result.memory.warnings = memory.warnings;
  std::set<std::string> seen;
  for (size_t u = 0; u < memory.units.size(); ++u) {
    const TmxUnit& unit = memory.units[u];
    const std::string id = ReviewUnitId(unit, u);
    auto it = decisions.find(id);
    auto edit = edits.find(id);
    if (it == decisions.end() && edit == edits.end()) {
      ++result.undecided;
      result.memory.units.push_back(unit);
      continue;
    }
    seen.insert(id);
    if (it != decisions.end() && it->second == ReviewDecision::kReject) {
      ++result.rejected;
      continue;
    }
    ++result.accepted;
    TmxUnit kept = unit;
    SetProp(&kept.props, "x-review", "accepted");
    if (edit != edits.end()) {
      const size_t si = SourceIndex(memory, unit);
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
  for (const auto& [tuid, decision] : decisions) {
    if (seen.count(tuid) == 0) result.unknown_tuids.push_back(tuid);
  }
  for (const auto& [tuid, edit] : edits) {
    if (seen.count(tuid) == 0 && decisions.count(tuid) == 0) {
      result.unknown_tuids.push_back(tuid);
    }
  }
  std::sort(result.unknown_tuids.begin(), result.unknown_tuids.end());
  SetProp(&result.memory.header.props, "x-review",
          std::to_string(result.accepted) + " accepted (" +
              std::to_string(result.edited) + " edited), " +
              std::to_string(result.rejected) + " rejected by a reviewer, " +
              std::to_string(result.undecided) + " not reviewed");
  return result;
}

}  // namespace crossalign
