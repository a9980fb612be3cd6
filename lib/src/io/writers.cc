#include "crossalign/writers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <pugixml.hpp>
#include <sstream>

#include "crossalign/output_file.h"
#include "crossalign/version.h"
#include "io/bead_text.h"
#include "io/json_string.h"
#include "text/utf8.h"

namespace crossalign {
namespace {

using internal::JsonString;

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
std::vector<Unit> Units(const std::vector<AlignedPair>& pairs) {
  std::vector<Unit> units;
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) continue;
    for (const Bead& bead : pair.alignment.beads) {
      if (!bead.IsPair()) continue;
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

namespace internal {

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

}  // namespace internal

namespace {

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

std::string RenderTsv(const std::vector<AlignedPair>& pairs) {
  std::string out = "source\ttarget\tscore\tbead\tdocument\n";
  for (const Unit& unit : Units(pairs)) {
    out += TsvEscape(unit.src) + "\t" + TsvEscape(unit.tgt) + "\t" +
           FormatScore(unit.bead->score) + "\t" + unit.bead->Type() + "\t" +
           TsvEscape(internal::XmlSafe(unit.pair->src->name() + " -> " +
                                       unit.pair->tgt->name())) +
           "\n";
  }
  return out;
}

struct ParallelText {
  std::string source;
  std::string target;
};

ParallelText RenderMoses(const std::vector<AlignedPair>& pairs) {
  ParallelText out;
  for (const Unit& unit : Units(pairs)) {
    out.source += unit.src + "\n";
    out.target += unit.tgt + "\n";
  }
  return out;
}

std::string RenderJsonl(const std::vector<AlignedPair>& pairs) {
  std::string out;
  for (const AlignedPair& pair : pairs) {
    if (!pair.src || !pair.tgt) continue;
    for (const Bead& bead : pair.alignment.beads) {
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
                                  double review_below) {
  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node xliff = xml.append_child("xliff");
  xliff.append_attribute("version") = "1.2";
  xliff.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:1.2";
  const std::vector<Unit> units = Units(pairs);
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
      target.append_attribute("state") =
          shown < review_below ? "needs-review-translation" : "translated";
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

}  // namespace

std::vector<AlignedPair> KeepScoring(const std::vector<AlignedPair>& pairs,
                                     double min_score) {
  std::vector<AlignedPair> kept = pairs;
  for (AlignedPair& pair : kept) {
    std::vector<Bead>& beads = pair.alignment.beads;
    beads.erase(std::remove_if(beads.begin(), beads.end(),
                               [&](const Bead& bead) {
                                 return bead.IsPair() && bead.score < min_score;
                               }),
                beads.end());
  }
  return kept;
}

std::vector<std::string> MosesFileNames(const std::string& output,
                                        const std::string& src_lang,
                                        const std::string& tgt_lang) {
  if (src_lang == tgt_lang) {
    return {output + ".src." + src_lang, output + ".tgt." + tgt_lang};
  }
  return {output + "." + src_lang, output + "." + tgt_lang};
}

StatusOr<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (OutputFormat format :
       {OutputFormat::kTmx, OutputFormat::kTsv, OutputFormat::kMoses,
        OutputFormat::kJsonl, OutputFormat::kXliff, OutputFormat::kBeads}) {
    if (name == OutputFormatName(format)) return format;
  }
  return InvalidArgumentError(
      "the output format must be tmx, tsv, moses, jsonl, xliff or beads, "
      "not '" +
      std::string(name) + "'");
}

const char* OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTmx:
      return "tmx";
    case OutputFormat::kTsv:
      return "tsv";
    case OutputFormat::kMoses:
      return "moses";
    case OutputFormat::kJsonl:
      return "jsonl";
    case OutputFormat::kXliff:
      return "xliff";
    case OutputFormat::kBeads:
      return "beads";
  }
  return "tmx";
}

std::string OutputFormatExtension(OutputFormat format) {
  if (format == OutputFormat::kMoses) return "";
  if (format == OutputFormat::kXliff) return ".xlf";
  return std::string(".") + OutputFormatName(format);
}

StatusOr<std::vector<OutputFile>> Render(OutputFormat format,
                                         const std::string& output,
                                         const std::vector<AlignedPair>& all,
                                         const WriterOptions& options) {
  const std::vector<AlignedPair> pairs =
      options.min_score > 0.0 ? KeepScoring(all, options.min_score) : all;
  switch (format) {
    case OutputFormat::kTsv:
      return std::vector<OutputFile>{{output, RenderTsv(pairs)}};
    case OutputFormat::kJsonl:
      return std::vector<OutputFile>{{output, RenderJsonl(pairs)}};
    case OutputFormat::kBeads:
      if (pairs.size() != 1) {
        return InvalidArgumentError("--format beads needs two articles");
      }
      return std::vector<OutputFile>{
          {output, RenderBeads(pairs.front().alignment)}};
    case OutputFormat::kMoses: {
      if (output.empty()) {
        return InvalidArgumentError(
            "--format moses writes two files: give -o OUT");
      }
      ParallelText text = RenderMoses(pairs);
      const std::string src = pairs.empty() ? "src" : pairs.front().src->lang();
      const std::string tgt = pairs.empty() ? "tgt" : pairs.front().tgt->lang();
      const std::vector<std::string> names = MosesFileNames(output, src, tgt);
      return std::vector<OutputFile>{{names[0], std::move(text.source)},
                                     {names[1], std::move(text.target)}};
    }
    case OutputFormat::kXliff:
    case OutputFormat::kTmx:
      break;
  }
  StatusOr<std::string> rendered =
      format == OutputFormat::kXliff ? RenderXliff(pairs, options.review_below)
                                     : TmxWriter(options.tmx).Render(pairs);
  if (!rendered.ok()) return rendered.status();
  return std::vector<OutputFile>{{output, std::move(*rendered)}};
}

Status Write(OutputFormat format, const std::string& output,
             const std::vector<AlignedPair>& pairs,
             const WriterOptions& options) {
  StatusOr<std::vector<OutputFile>> files =
      Render(format, output, pairs, options);
  if (!files.ok()) return files.status();
  std::vector<std::pair<std::string, std::string_view>> contents;
  for (const OutputFile& file : *files) {
    contents.emplace_back(file.path, file.content);
  }
  return WriteOutputFiles(contents, options.replace);
}

size_t CountUnits(const std::vector<AlignedPair>& pairs, double min_score) {
  size_t units = 0;
  for (const AlignedPair& pair : pairs) {
    for (const Bead& bead : pair.alignment.beads) {
      units += bead.IsPair() && bead.score >= min_score;
    }
  }
  return units;
}

std::string RenderSegmentLines(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < doc.segments().size(); ++i) {
    for (char c : doc.SegmentText(i)) {
      out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    out += '\n';
  }
  return out;
}

std::string RenderSegmentsJsonl(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < doc.segments().size(); ++i) {
    const Segment& s = doc.segments()[i];
    out += "{\"text\":" + JsonString(doc.SegmentText(i)) +
           ",\"start\":" + std::to_string(s.span.begin) +
           ",\"end\":" + std::to_string(s.span.end) +
           ",\"paragraph\":" + std::to_string(s.paragraph) + ",\"kind\":\"" +
           SegmentKindName(s.kind) +
           "\",\"lang\":" + JsonString(s.lang.empty() ? doc.lang() : s.lang);
    // For a page, the segment's bytes in the page itself.
    if (Span page; doc.SourceSpanOf(s.span, &page)) {
      out += ",\"html_start\":" + std::to_string(page.begin) +
             ",\"html_end\":" + std::to_string(page.end);
    }
    out += "}\n";
  }
  return out;
}

namespace {

std::string Decimals3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", x);
  return buf;
}

}  // namespace

std::string RenderLanguagesJsonl(const std::string& file, const Document& doc) {
  const LanguageShares shares = CountLanguageShares(doc);
  std::string line = "{\"file\":" + JsonString(file) +
                     ",\"lang\":" + JsonString(doc.lang()) +
                     ",\"confidence\":" + Decimals3(doc.lang_confidence()) +
                     ",\"declared\":" + JsonString(doc.metadata().lang) +
                     ",\"sentences\":" + std::to_string(shares.sentences) +
                     ",\"other_share\":" + Decimals3(shares.other_share) +
                     ",\"sentences_by_lang\":{";
  bool first = true;
  for (const auto& [lang, n] : shares.sentences_by_lang) {
    line += std::string(first ? "" : ",") + JsonString(lang) + ":" +
            std::to_string(n);
    first = false;
  }
  line += "},\"runs\":[";
  first = true;
  for (const LanguageRun& run : FindLanguageRuns(doc)) {
    const Segment& a = doc.segments()[run.first_segment];
    const Segment& b = doc.segments()[run.end_segment - 1];
    line += std::string(first ? "" : ",") +
            "{\"lang\":" + JsonString(run.lang) +
            ",\"first_sentence\":" + std::to_string(run.first_segment) +
            ",\"end_sentence\":" + std::to_string(run.end_segment) +
            ",\"begin_byte\":" + std::to_string(a.span.begin) +
            ",\"end_byte\":" + std::to_string(b.span.end) + "}";
    first = false;
  }
  return line + "]}\n";
}

std::string RenderLineLanguageJsonl(size_t number, const LanguageGuess& guess,
                                    const std::vector<LanguageGuess>& top) {
  std::string out = "{\"line\":" + std::to_string(number) +
                    ",\"lang\":" + JsonString(guess.lang) +
                    ",\"confidence\":" + Decimals3(guess.probability) +
                    ",\"top\":[";
  for (size_t k = 0; k < top.size(); ++k) {
    out += std::string(k ? "," : "") + "{\"lang\":" + JsonString(top[k].lang) +
           ",\"confidence\":" + Decimals3(top[k].probability) + "}";
  }
  return out + "]}\n";
}

}  // namespace crossalign
