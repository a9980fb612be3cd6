#include "crossalign/tmx_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <pugixml.hpp>
#include <sstream>

#include "atomic_file.h"
#include "crossalign/version.h"
#include "utf8.h"

namespace crossalign {
namespace {

// Drops what XML 1.0 cannot carry: C0 controls other than tab, LF and CR,
// and the non-characters U+FFFE and U+FFFF. Input is valid UTF-8.
std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xEF && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
         static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// The text of one side of a bead: its segments joined by a space, white
// space collapsed and trimmed.
std::string SideText(const Document& doc, const std::vector<int>& ids) {
  std::string joined;
  for (int id : ids) {
    if (!joined.empty()) joined.push_back(' ');
    joined.append(doc.SegmentText(static_cast<size_t>(id)));
  }
  return internal::CollapseWhitespace(XmlSafe(joined));
}

std::string Position(const Document& doc, const std::vector<int>& ids) {
  std::string out;
  if (ids.empty()) return out;
  out = "p" + std::to_string(doc.segments()[ids.front()].paragraph) + ":s";
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k > 0) out.push_back(',');
    out += std::to_string(ids[k]);
  }
  return out;
}

// FNV-1a, 64 bit: stable across runs, platforms and library versions.
uint64_t Fnv1a(std::string_view data, uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string UnitId(const AlignedPair& pair, const Bead& bead) {
  std::string key = pair.src->name();
  key.push_back('\0');
  key += pair.tgt->name();
  key.push_back('\0');
  for (int s : bead.src) key += std::to_string(s) + ",";
  key.push_back('\0');
  for (int t : bead.tgt) key += std::to_string(t) + ",";
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(Fnv1a(key)));
  return buffer;
}

std::string FormatScore(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", score);
  return buffer;
}

void AddProp(pugi::xml_node parent, const char* type,
             const std::string& value) {
  pugi::xml_node prop = parent.append_child("prop");
  prop.append_attribute("type") = type;
  prop.text().set(XmlSafe(value).c_str());
}

std::string LangOf(const Document& doc) {
  return doc.lang().empty() ? std::string("und") : doc.lang();
}

void AddTuv(pugi::xml_node tu, const Document& doc, const std::string& text) {
  pugi::xml_node tuv = tu.append_child("tuv");
  tuv.append_attribute("xml:lang") = LangOf(doc).c_str();
  AddProp(tuv, "x-document", doc.name());
  if (!doc.metadata().outlet.empty()) {
    AddProp(tuv, "x-outlet", doc.metadata().outlet);
  }
  if (!doc.metadata().date.empty()) AddProp(tuv, "x-date", doc.metadata().date);
  // The source file's encoding, where it was not UTF-8.
  if (!doc.source_encoding().empty() && doc.source_encoding() != "UTF-8") {
    AddProp(tuv, "x-encoding", doc.source_encoding());
  }
  tuv.append_child("seg").text().set(text.c_str());
}

}  // namespace

std::string FormatTmxDate(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

StatusOr<std::chrono::system_clock::time_point> ParseDate(
    const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail = 0;
  bool parsed = std::sscanf(text.c_str(), "%4d%2d%2dT%2d%2d%2dZ%c", &y, &mo, &d,
                            &h, &mi, &s, &tail) == 6 ||
                std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%c", &y, &mo,
                            &d, &h, &mi, &s, &tail) == 6;
  if (!parsed) {
    h = mi = s = 0;
    parsed =
        std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3;
  }
  if (!parsed || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
      s > 60 || y < 1970) {
    return InvalidArgumentError("bad date '" + text +
                                "': use YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or "
                                "YYYYMMDDThhmmssZ (UTC)");
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

TmxWriter::TmxWriter(TmxWriterOptions options) : options_(std::move(options)) {}

StatusOr<std::string> TmxWriter::Render(
    const std::vector<AlignedPair>& pairs) const {
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) {
      return InvalidArgumentError("TMX writer: a pair has no document");
    }
  }
  const auto now =
      options_.clock ? options_.clock() : std::chrono::system_clock::now();
  const std::string date = FormatTmxDate(now);

  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  xml.append_child(pugi::node_doctype).set_value("tmx SYSTEM \"tmx14.dtd\"");
  pugi::xml_node tmx = xml.append_child("tmx");
  tmx.append_attribute("version") = "1.4";
  pugi::xml_node header = tmx.append_child("header");
  header.append_attribute("creationtool") = "crossalign";
  header.append_attribute("creationtoolversion") = Version();
  header.append_attribute("segtype") = "sentence";
  header.append_attribute("o-tmf") = "crossalign";
  header.append_attribute("adminlang") = options_.adminlang.c_str();
  const std::string srclang =
      pairs.empty() ? std::string("en") : LangOf(*pairs.front().src);
  header.append_attribute("srclang") = srclang.c_str();
  header.append_attribute("datatype") = "plaintext";
  header.append_attribute("creationdate") = date.c_str();
  AddProp(header, "x-score-scale",
          "x-score is in [0, 1]: the aligner's confidence that both sides say "
          "the same thing");
  AddProp(header, "x-position",
          "pN:sA,B = paragraph N, segments A and B (0-based) of each side");
  std::string methods;
  for (const AlignedPair& pair : pairs) {
    const std::string& m = pair.alignment.method;
    if (!m.empty() && methods.find(m) == std::string::npos) {
      if (!methods.empty()) methods += "; ";
      methods += m;
    }
  }
  if (!methods.empty()) AddProp(header, "x-method", methods);
  // Source encodings other than UTF-8, per document.
  std::vector<std::string> noted;
  for (const AlignedPair& pair : pairs) {
    for (const Document* doc : {pair.src.get(), pair.tgt.get()}) {
      const std::string& enc = doc->source_encoding();
      if (enc.empty() || enc == "UTF-8") continue;
      const std::string note = doc->name() + ": " + enc;
      if (std::find(noted.begin(), noted.end(), note) != noted.end()) continue;
      noted.push_back(note);
      AddProp(header, "x-encoding", note);
    }
  }
  // How --mode auto decided, for each pair it decided.
  for (const AlignedPair& pair : pairs) {
    if (pair.alignment.mode_reason.empty()) continue;
    AddProp(header, "x-mode-decision",
            pair.src->name() + " -> " + pair.tgt->name() + ": " +
                pair.alignment.mode_reason);
  }

  pugi::xml_node body = tmx.append_child("body");
  for (const AlignedPair& pair : pairs) {
    const Document& src = *pair.src;
    const Document& tgt = *pair.tgt;
    for (const Bead& bead : pair.alignment.beads) {
      if (!bead.IsPair() || bead.score < options_.min_score) continue;
      const std::string src_text = SideText(src, bead.src);
      const std::string tgt_text = SideText(tgt, bead.tgt);
      if (src_text.empty() || tgt_text.empty()) continue;
      pugi::xml_node tu = body.append_child("tu");
      tu.append_attribute("tuid") = UnitId(pair, bead).c_str();
      tu.append_attribute("creationdate") = date.c_str();
      AddProp(tu, "x-score", FormatScore(bead.score));
      AddProp(tu, "x-bead", bead.Type());
      AddProp(tu, "x-mode", AlignModeName(pair.alignment.mode));
      AddProp(
          tu, "x-position",
          "src " + Position(src, bead.src) + " tgt " + Position(tgt, bead.tgt));
      AddTuv(tu, src, src_text);
      AddTuv(tu, tgt, tgt_text);
    }
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent | pugi::format_skip_control_chars,
           pugi::encoding_utf8);
  return out.str();
}

Status TmxWriter::WriteFile(const std::string& path,
                            const std::vector<AlignedPair>& pairs) const {
  StatusOr<std::string> xml = Render(pairs);
  if (!xml.ok()) return xml.status();
  return internal::WriteFileAtomically(path, *xml);
}

}  // namespace crossalign
