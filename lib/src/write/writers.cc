#include "crossalign/writers.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <pugixml.hpp>
#include <sstream>

#include "base/file_io.h"
#include "base/json_string.h"
#include "base/utf8.h"
#include "crossalign/output_file.h"
#include "crossalign/version.h"
#include "write/bead_text.h"
#include "write/pair_stream.h"

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

namespace internal {

namespace {

// What pugixml writes for an empty <body>, and around a full one (indent
// "  ", as TmxWriter::RenderMemory saves).
constexpr std::string_view kEmptyBody = "  <body />\n";
constexpr std::string_view kBodyOpen = "  <body>\n";
constexpr std::string_view kBodyClose = "  </body>\n";

// Copies the spool `file` to `write` from its start.
Status CopySpool(std::FILE* file, const PieceWriter& write) {
  if (file == nullptr) return Status::Ok();
  std::rewind(file);
  std::vector<char> buffer(1 << 16);
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    CROSSALIGN_RETURN_IF_ERROR(write(std::string_view(buffer.data(), n)));
  }
  if (std::ferror(file)) {
    return ResourceExhaustedError("cannot read back the spooled units");
  }
  return Status::Ok();
}

}  // namespace

PairStream::PairStream(OutputFormat format, std::string output,
                       WriterOptions options)
    : format_(format), output_(std::move(output)), options_(options) {
  if (!options_.tmx.creation_time) {
    options_.tmx.creation_time = std::chrono::system_clock::now();
  }
}

PairStream::~PairStream() {
  for (std::FILE* f : {body_, target_}) {
    if (f != nullptr) std::fclose(f);
  }
}

std::vector<std::string> PairStream::paths() const {
  if (format_ != OutputFormat::kMoses) return {output_};
  return MosesFileNames(output_, pairs_ ? src_lang_ : "src",
                        pairs_ ? tgt_lang_ : "tgt");
}

Status PairStream::Spool(std::FILE** file, const std::string& text) {
  if (*file == nullptr) {
    // Anonymous: removed by the system however the run ends.
    *file = std::tmpfile();
    if (*file == nullptr) {
      return ResourceExhaustedError(output_ +
                                    ": cannot open a spool file for its units");
    }
  }
  if (std::fwrite(text.data(), 1, text.size(), *file) != text.size()) {
    return ResourceExhaustedError(output_ + ": cannot spool its units");
  }
  return Status::Ok();
}

Status PairStream::Add(const AlignedPair& all) {
  if (!all.src || !all.tgt) {
    return InvalidArgumentError("writer: a pair has no document");
  }
  if (pairs_++ == 0) {
    src_lang_ = all.src->lang();
    tgt_lang_ = all.tgt->lang();
  }
  std::vector<AlignedPair> one = {all};
  if (options_.min_score > 0.0) one = KeepScoring(one, options_.min_score);
  switch (format_) {
    case OutputFormat::kTsv: {
      const std::string text = RenderTsv(one);
      return Spool(&body_, text.substr(text.find('\n') + 1));
    }
    case OutputFormat::kJsonl:
      return Spool(&body_, RenderJsonl(one));
    case OutputFormat::kMoses: {
      const ParallelText text = RenderMoses(one);
      CROSSALIGN_RETURN_IF_ERROR(Spool(&body_, text.source));
      return Spool(&target_, text.target);
    }
    case OutputFormat::kXliff:
      kept_.push_back(std::move(one.front()));
      return Status::Ok();
    case OutputFormat::kBeads:
      return InvalidArgumentError("--format beads needs two articles");
    case OutputFormat::kTmx:
      break;
  }
  const TmxWriter writer(options_.tmx);
  CROSSALIGN_ASSIGN_OR_RETURN(TmxMemory memory, writer.ToMemory(one));
  // The header of all pairs gathers each pair's props as ToMemory() does.
  for (const TmxProp& prop : memory.header.props) {
    if (prop.type == "x-method") {
      if (methods_.find(prop.value) == std::string::npos) {
        if (!methods_.empty()) methods_ += "; ";
        methods_ += prop.value;
      }
    } else if (prop.type == "x-encoding") {
      if (std::find(encodings_.begin(), encodings_.end(), prop.value) ==
          encodings_.end()) {
        encodings_.push_back(prop.value);
      }
    } else if (prop.type == "x-mode-decision") {
      mode_decisions_.push_back(prop.value);
    }
  }
  if (!have_header_) {
    header_ = memory.header;
    have_header_ = true;
  }
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string xml,
                              writer.RenderMemory(memory));
  const size_t open = xml.find(kBodyOpen);
  if (open == std::string::npos) return Status::Ok();  // no unit written
  const size_t begin = open + kBodyOpen.size();
  const size_t end = xml.rfind(kBodyClose);
  return Spool(&body_, xml.substr(begin, end - begin));
}

Status PairStream::Finish() {
  const bool replace = options_.replace;
  switch (format_) {
    case OutputFormat::kTsv:
    case OutputFormat::kJsonl:
      return WriteFileAtomicallyInPieces(
          output_,
          [&](const PieceWriter& write) {
            if (format_ == OutputFormat::kTsv) {
              CROSSALIGN_RETURN_IF_ERROR(
                  write("source\ttarget\tscore\tbead\tdocument\n"));
            }
            return CopySpool(body_, write);
          },
          replace);
    case OutputFormat::kMoses: {
      // Both files or neither: the text is read back and written together.
      std::vector<std::string> text(2);
      for (int side = 0; side < 2; ++side) {
        CROSSALIGN_RETURN_IF_ERROR(
            CopySpool(side == 0 ? body_ : target_, [&](std::string_view p) {
              text[side].append(p);
              return Status::Ok();
            }));
      }
      const std::vector<std::string> names = paths();
      return WriteOutputFiles({{names[0], text[0]}, {names[1], text[1]}},
                              replace);
    }
    case OutputFormat::kXliff:
    case OutputFormat::kBeads: {
      CROSSALIGN_ASSIGN_OR_RETURN(std::vector<OutputFile> files,
                                  Render(format_, output_, kept_, options_));
      return WriteOutputFile(output_, files.front().content, replace);
    }
    case OutputFormat::kTmx:
      break;
  }
  const TmxWriter writer(options_.tmx);
  TmxMemory memory;
  if (have_header_) {
    memory.version = "1.4";
    memory.header = header_;
    std::vector<TmxProp> props;
    for (const TmxProp& prop : header_.props) {
      if (prop.type == "x-score-scale" || prop.type == "x-position") {
        props.push_back(prop);
      }
    }
    if (!methods_.empty()) props.push_back({"x-method", methods_});
    for (const std::string& e : encodings_) props.push_back({"x-encoding", e});
    for (const std::string& m : mode_decisions_) {
      props.push_back({"x-mode-decision", m});
    }
    memory.header.props = std::move(props);
  } else {
    CROSSALIGN_ASSIGN_OR_RETURN(memory, writer.ToMemory({}));
  }
  CROSSALIGN_ASSIGN_OR_RETURN(const std::string xml,
                              writer.RenderMemory(memory));
  const size_t empty = xml.find(kEmptyBody);
  if (empty == std::string::npos) {
    return InternalError("TMX writer: no <body /> in the header");
  }
  const bool any = body_ != nullptr && std::ftell(body_) > 0;
  return WriteFileAtomicallyInPieces(
      output_,
      [&](const PieceWriter& write) {
        CROSSALIGN_RETURN_IF_ERROR(write(std::string_view(xml).substr(
            0, any ? empty : empty + kEmptyBody.size())));
        if (any) {
          CROSSALIGN_RETURN_IF_ERROR(write(kBodyOpen));
          CROSSALIGN_RETURN_IF_ERROR(CopySpool(body_, write));
          CROSSALIGN_RETURN_IF_ERROR(write(kBodyClose));
        }
        return write(std::string_view(xml).substr(empty + kEmptyBody.size()));
      },
      replace);
}

}  // namespace internal

}  // namespace crossalign
