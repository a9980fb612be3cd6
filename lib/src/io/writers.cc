#include "crossalign/writers.h"

#include <cmath>
#include <cstdio>
#include <pugixml.hpp>
#include <sstream>

#include "crossalign/version.h"
#include "io/bead_text.h"
#include "text/utf8.h"

namespace crossalign {
namespace {

void AppendIds(const std::vector<int>& ids, std::string* out) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(std::to_string(ids[i]));
  }
}

std::string FormatScore(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", score);
  return buffer;
}

std::string LangOf(const Document& doc) {
  return doc.lang().empty() ? std::string("und") : doc.lang();
}

// A unit as tsv, moses and xliff write it.
struct Unit {
  const AlignedPair* pair;
  const Bead* bead;
  std::string src;
  std::string tgt;
};

// The units of `pairs` that the TMX holds too: text on both sides, score at
// least min_score.
std::vector<Unit> Units(const std::vector<AlignedPair>& pairs,
                        const OutputOptions& options) {
  std::vector<Unit> units;
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) continue;
    for (const Bead& bead : pair.alignment.beads) {
      if (!bead.IsPair() || bead.score < options.min_score) continue;
      Unit unit{&pair, &bead, internal::SideText(*pair.src, bead.src),
                internal::SideText(*pair.tgt, bead.tgt)};
      if (unit.src.empty() || unit.tgt.empty()) continue;
      units.push_back(std::move(unit));
    }
  }
  return units;
}

std::string TsvEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string JsonSide(const Document& doc, const std::vector<int>& ids) {
  std::string out = "{\"lang\":" + JsonString(LangOf(doc)) +
                    ",\"outlet\":" + JsonString(doc.metadata().outlet) +
                    ",\"date\":" + JsonString(doc.metadata().date) +
                    // Pages also give their URL and headline.
                    (doc.metadata().url.empty()
                         ? std::string()
                         : ",\"url\":" + JsonString(doc.metadata().url)) +
                    (doc.metadata().title.empty()
                         ? std::string()
                         : ",\"title\":" + JsonString(doc.metadata().title)) +
                    ",\"text\":" + JsonString(internal::SideText(doc, ids)) +
                    ",\"segments\":[";
  for (size_t k = 0; k < ids.size(); ++k) {
    const Segment& s = doc.segments()[static_cast<size_t>(ids[k])];
    if (k > 0) out.push_back(',');
    out += "{\"index\":" + std::to_string(ids[k]) +
           ",\"begin\":" + std::to_string(s.span.begin) +
           ",\"end\":" + std::to_string(s.span.end) +
           ",\"paragraph\":" + std::to_string(s.paragraph) +
           ",\"kind\":" + JsonString(SegmentKindName(s.kind)) +
           ",\"lang\":" + JsonString(s.lang);
    if (Span page; doc.SourceSpanOf(s.span, &page)) {
      out += ",\"html_start\":" + std::to_string(page.begin) +
             ",\"html_end\":" + std::to_string(page.end);
    }
    out += "}";
  }
  return out + "]}";
}

}  // namespace

std::string JsonString(std::string_view raw) {
  const std::string text = internal::ReplaceInvalidUtf8(raw);
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out.push_back(ch);
        }
    }
  }
  return out + "\"";
}

std::string RenderBeads(const Alignment& alignment) {
  std::string out;
  char score[32];
  for (const Bead& bead : alignment.beads) {
    AppendIds(bead.src, &out);
    out.push_back('\t');
    AppendIds(bead.tgt, &out);
    std::snprintf(score, sizeof score, "\t%.4f\n", bead.score);
    out.append(score);
  }
  return out;
}

std::string RenderTsv(const std::vector<AlignedPair>& pairs,
                      const OutputOptions& options) {
  std::string out = "source\ttarget\tscore\tbead\tdocument\n";
  for (const Unit& unit : Units(pairs, options)) {
    out += TsvEscape(unit.src) + "\t" + TsvEscape(unit.tgt) + "\t" +
           FormatScore(unit.bead->score) + "\t" + unit.bead->Type() + "\t" +
           TsvEscape(internal::XmlSafe(unit.pair->src->name() + " -> " +
                                       unit.pair->tgt->name())) +
           "\n";
  }
  return out;
}

ParallelText RenderMoses(const std::vector<AlignedPair>& pairs,
                         const OutputOptions& options) {
  ParallelText out;
  for (const Unit& unit : Units(pairs, options)) {
    out.source += unit.src + "\n";
    out.target += unit.tgt + "\n";
  }
  return out;
}

std::vector<std::string> MosesFileNames(const std::string& output,
                                        const std::string& src_lang,
                                        const std::string& tgt_lang) {
  if (src_lang == tgt_lang) {
    return {output + ".src." + src_lang, output + ".tgt." + tgt_lang};
  }
  return {output + "." + src_lang, output + "." + tgt_lang};
}

std::string RenderJsonl(const std::vector<AlignedPair>& pairs,
                        const OutputOptions& options) {
  std::string out;
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) continue;
    for (const Bead& bead : pair.alignment.beads) {
      if (bead.IsPair() && bead.score < options.min_score) continue;
      out += "{\"src_document\":" + JsonString(pair.src->name()) +
             ",\"tgt_document\":" + JsonString(pair.tgt->name()) +
             ",\"mode\":" + JsonString(AlignModeName(pair.alignment.mode)) +
             ",\"bead\":" + JsonString(bead.Type()) +
             ",\"score\":" + FormatScore(bead.score) +
             ",\"src\":" + JsonSide(*pair.src, bead.src) +
             ",\"tgt\":" + JsonSide(*pair.tgt, bead.tgt) + "}\n";
    }
  }
  return out;
}

StatusOr<std::string> RenderXliff(const std::vector<AlignedPair>& pairs,
                                  const OutputOptions& options) {
  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node xliff = xml.append_child("xliff");
  xliff.append_attribute("version") = "1.2";
  xliff.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:1.2";
  const std::vector<Unit> units = Units(pairs, options);
  int next_id = 0;
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) {
      return InvalidArgumentError("XLIFF writer: a pair has no document");
    }
    pugi::xml_node file = xliff.append_child("file");
    file.append_attribute("original") =
        internal::XmlSafe(pair.src->name()).c_str();
    file.append_attribute("source-language") = LangOf(*pair.src).c_str();
    file.append_attribute("target-language") = LangOf(*pair.tgt).c_str();
    file.append_attribute("datatype") = "plaintext";
    pugi::xml_node tool = file.append_child("header").append_child("tool");
    tool.append_attribute("tool-id") = "crossalign";
    tool.append_attribute("tool-name") = "crossalign";
    tool.append_attribute("tool-version") = Version();
    pugi::xml_node body = file.append_child("body");
    for (const Unit& unit : units) {
      if (unit.pair != &pair) continue;
      pugi::xml_node tu = body.append_child("trans-unit");
      tu.append_attribute("id") = std::to_string(++next_id).c_str();
      tu.append_child("source").text().set(unit.src.c_str());
      pugi::xml_node target = tu.append_child("target");
      // Compared as written (four decimals), so that a unit shown with
      // score 0.8000 is never flagged as below 0.8.
      const double shown = std::round(unit.bead->score * 10000.0) / 10000.0;
      target.append_attribute("state") = shown < options.review_below
                                             ? "needs-review-translation"
                                             : "translated";
      target.text().set(unit.tgt.c_str());
      const std::string note = "score " + FormatScore(unit.bead->score) +
                               ", bead " + unit.bead->Type() + ", mode " +
                               AlignModeName(pair.alignment.mode) +
                               ", target document " + pair.tgt->name();
      tu.append_child("note").text().set(internal::XmlSafe(note).c_str());
    }
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent | pugi::format_skip_control_chars,
           pugi::encoding_utf8);
  return out.str();
}

}  // namespace crossalign
