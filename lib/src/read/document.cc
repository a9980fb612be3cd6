#include "crossalign/document.h"

#include <algorithm>
#include <string>

#include "base/file_io.h"
#include "base/utf8.h"
#include "read/document_decoding.h"
#include "read/html_article_extractor.h"

namespace crossalign {
namespace {

// Parses "## outlet: X | lang: uk | date: 2025-03-14". Returns false when the
// line is not a header.
bool ParseHeaderLine(std::string_view line, DocumentMetadata* meta) {
  if (line.substr(0, 3) != "## ") return false;
  line.remove_prefix(3);
  bool any = false;
  while (!line.empty()) {
    const size_t bar = line.find('|');
    std::string_view field = line.substr(0, bar);
    line = bar == std::string_view::npos ? std::string_view()
                                         : line.substr(bar + 1);
    const size_t colon = field.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key(internal::TrimWhitespace(field.substr(0, colon)));
    const std::string value(internal::TrimWhitespace(field.substr(colon + 1)));
    if (key == "outlet") {
      meta->outlet = value;
      any = true;
    } else if (key == "lang" || key == "language") {
      meta->lang = value;
      any = true;
    } else if (key == "date") {
      meta->date = value;
      any = true;
    }
  }
  return any;
}

// "N byte sequence(s) not valid ... were replaced", or "" when none were.
std::string ReplacementWarning(const std::string& path,
                               const internal::DecodedText& decoded) {
  if (decoded.replaced.empty()) return "";
  std::string where;
  for (size_t k = 0; k < decoded.replaced.size() && k < 5; ++k) {
    where += (k ? ", " : "") + std::to_string(decoded.replaced[k]);
  }
  if (decoded.replaced.size() > 5) where += ", ...";
  return path + ": " + std::to_string(decoded.replaced.size()) +
         " byte sequence(s) not valid " + decoded.encoding +
         " were replaced by U+FFFD (at byte " + where +
         "); check the file's encoding or pass --encoding";
}

// Length of a byte-order mark at the start of `bytes`.
size_t BomLength(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\x00\x00", 4) ||
      bytes.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4)) {
    return 4;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return 3;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    return 2;
  }
  return 0;
}

struct Utf8Evidence {
  size_t multibyte = 0;  // valid multi-byte sequences
  size_t invalid = 0;    // invalid sequences
};

// Counts valid multi-byte UTF-8 sequences and invalid ones in `bytes`.
Utf8Evidence CountUtf8Evidence(std::string_view bytes) {
  Utf8Evidence e;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const std::string_view rest = bytes.substr(pos);
    const size_t bad = internal::FindInvalidUtf8(rest);
    const std::string_view good =
        rest.substr(0, bad == std::string_view::npos ? rest.size() : bad);
    for (char c : good) e.multibyte += (static_cast<unsigned char>(c) >= 0xC0);
    if (bad == std::string_view::npos) break;
    ++e.invalid;
    pos += bad + 1;
  }
  return e;
}

// Maps runs over the decoded page (UTF-8) to runs over the file's bytes.
// `shift` is the number of decoded bytes dropped before the page (a BOM);
// `bom` the number of file bytes the decoder skipped; `map` (empty for
// UTF-8) the file offset of each decoded byte.
std::vector<SourceRun> MapRunsToFile(const std::vector<SourceRun>& runs,
                                     size_t shift, size_t bom,
                                     const std::vector<size_t>& map) {
  if (map.empty()) {
    std::vector<SourceRun> out = runs;
    for (SourceRun& r : out) {
      r.source_begin += shift + bom;
      r.source_end += shift + bom;
    }
    return out;
  }
  const auto at = [&](size_t decoded) {
    return bom + map[std::min(decoded + shift, map.size() - 1)];
  };
  std::vector<SourceRun> out;
  for (const SourceRun& r : runs) {
    const bool copy =
        r.text_end - r.text_begin == r.source_end - r.source_begin;
    if (!copy) {
      out.push_back({r.text_begin, r.text_end, at(r.source_begin),
                     std::max(at(r.source_begin), at(r.source_end))});
      continue;
    }
    // One run per character: decoded and file lengths differ.
    size_t k = 0;
    const size_t n = r.text_end - r.text_begin;
    while (k < n) {
      size_t e = k + 1;
      while (e < n && at(r.source_begin + e) == at(r.source_begin + k)) ++e;
      out.push_back({r.text_begin + k, r.text_begin + e, at(r.source_begin + k),
                     at(r.source_begin + e)});
      k = e;
    }
  }
  return out;
}

StatusOr<Document> DecodeHtmlDocument(const std::string& path,
                                      std::string_view bytes,
                                      const ReadDocumentOptions& options) {
  std::string encoding = options.encoding;
  std::vector<std::string> warnings;
  const size_t bom = BomLength(bytes);
  std::string declared;
  if (encoding.empty() && bom == 0) {
    declared = internal::DeclaredHtmlCharset(bytes);
    encoding = internal::HtmlCharsetToConverter(declared);
    if (!declared.empty() && encoding.empty()) {
      warnings.push_back(path + ": the page declares the unknown charset '" +
                         declared + "'; its encoding was detected instead");
    }
    // Declarations that the bytes contradict (a page re-saved in another
    // encoding, a template's stale <meta>): valid UTF-8 with multi-byte
    // characters is UTF-8, and text that is far from UTF-8 is not.
    if (!encoding.empty()) {
      const Utf8Evidence evidence = CountUtf8Evidence(bytes);
      const bool utf8 = evidence.invalid == 0 && evidence.multibyte > 0;
      // (A few bad bytes in UTF-8 are damage, replaced as browsers do.)
      const bool not_utf8 =
          evidence.invalid >= 8 && evidence.invalid * 10 > evidence.multibyte;
      if (encoding != "UTF-8" && utf8) {
        warnings.push_back(path + ": the page declares " + declared +
                           " but is valid UTF-8; it was read as UTF-8");
        encoding = "UTF-8";
      } else if (encoding == "UTF-8" && not_utf8) {
        warnings.push_back(path + ": the page declares " + declared +
                           " but is not UTF-8; its encoding was detected");
        encoding.clear();
        declared = "(wrong)";
      }
    }
  }
  StatusOr<internal::DecodedText> decoded =
      internal::DecodeToUtf8(bytes, encoding, path);
  // A page whose markup was read as ASCII is not UTF-16 or UTF-32 without a
  // byte-order mark, whatever the detector says; then UTF-8 with damaged
  // bytes replaced is the best reading.
  if (decoded.ok() && bom == 0 && encoding.empty() &&
      (decoded->encoding.rfind("UTF-16", 0) == 0 ||
       decoded->encoding.rfind("UTF-32", 0) == 0)) {
    decoded = internal::DecodeToUtf8(bytes, "UTF-8", path);
  }
  CROSSALIGN_RETURN_IF_ERROR(decoded);
  if (declared.empty() && bom == 0 && options.encoding.empty() &&
      decoded->encoding != "UTF-8") {
    warnings.push_back(
        path +
        ": the page declares no charset and is not UTF-8; it was "
        "decoded as " +
        decoded->encoding + " by guess (check the text, or pass --encoding)");
  }
  if (const std::string w = ReplacementWarning(path, *decoded); !w.empty()) {
    warnings.push_back(w);
  }
  std::string_view page(decoded->utf8);
  size_t shift = 0;
  if (page.substr(0, 3) == "\xEF\xBB\xBF") {
    page.remove_prefix(3);
    shift = 3;
  }
  internal::HtmlArticle article = internal::ExtractHtmlArticle(page);
  if (internal::TrimSpan(article.text, Span{0, article.text.size()}).empty()) {
    std::string why = "no article text found in the HTML page";
    for (const std::string& w : article.warnings) why += "; " + w;
    // Not kFailedPrecondition, which means an empty article (align split
    // prints nothing for one): a page without an article is a bad page.
    return InvalidArgumentError(
        path + ": " + why +
        " (pass --input-format text to read it as plain text)");
  }
  // Where the decoder started: after the BOM it honoured.
  const size_t skipped = options.encoding.empty() ? bom : 0;
  // Offsets change where the decoder converted or replaced bytes.
  std::vector<size_t> map;
  if (decoded->encoding != "UTF-8" || !decoded->replaced.empty()) {
    map = internal::Utf8ToSourceOffsets(
        bytes.substr(skipped), decoded->encoding, decoded->utf8.size());
  }
  std::vector<SourceRun> runs;
  if ((decoded->encoding == "UTF-8" && decoded->replaced.empty()) ||
      !map.empty()) {
    runs = MapRunsToFile(article.runs, shift, skipped, map);
  }
  Document doc =
      Document::FromHtmlArticle(path, std::move(article.text),
                                std::move(article.metadata), std::move(runs));
  doc.set_source_encoding(decoded->encoding);
  for (std::string& w : warnings) doc.add_warning(std::move(w));
  for (const std::string& w : article.warnings)
    doc.add_warning(path + ": " + w);
  for (const std::string& n : article.notes) doc.add_note(path + ": " + n);
  return doc;
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
  }
  return "auto";
}

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  return InvalidArgumentError("input format must be text, html or auto, not '" +
                              std::string(name) + "'");
}

const char* SegmentKindName(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kSentence:
      return "sentence";
    case SegmentKind::kHeading:
      return "heading";
    case SegmentKind::kBoilerplate:
      return "boilerplate";
  }
  return "sentence";
}

Document Document::FromText(std::string name, std::string text) {
  Document doc;
  doc.name_ = std::move(name);
  doc.text_ = std::move(text);
  doc.body_ = Span{0, doc.text_.size()};
  const std::string_view view(doc.text_);
  const size_t eol = view.find('\n');
  const std::string_view first =
      view.substr(0, eol == std::string_view::npos ? view.size() : eol);
  if (ParseHeaderLine(first, &doc.metadata_)) {
    doc.body_.begin = eol == std::string_view::npos ? view.size() : eol + 1;
  }
  return doc;
}

Document Document::FromHtmlArticle(std::string name, std::string text,
                                   DocumentMetadata metadata,
                                   std::vector<SourceRun> runs) {
  Document doc;
  doc.name_ = std::move(name);
  doc.text_ = std::move(text);
  doc.body_ = Span{0, doc.text_.size()};
  doc.metadata_ = std::move(metadata);
  doc.format_ = InputFormat::kHtml;
  doc.source_runs_ = std::move(runs);
  return doc;
}

bool Document::SourceSpanOf(Span span, Span* source) const {
  if (source_runs_.empty() || span.empty()) return false;
  // The first run that ends after span.begin, and the last that starts
  // before span.end.
  auto first = std::upper_bound(
      source_runs_.begin(), source_runs_.end(), span.begin,
      [](size_t pos, const SourceRun& r) { return pos < r.text_end; });
  auto last = std::lower_bound(
      source_runs_.begin(), source_runs_.end(), span.end,
      [](const SourceRun& r, size_t pos) { return r.text_begin < pos; });
  if (first == source_runs_.end() || last == source_runs_.begin()) {
    return false;
  }
  --last;
  if (first > last) return false;
  const auto copy = [](const SourceRun& r) {
    return r.text_end - r.text_begin == r.source_end - r.source_begin;
  };
  size_t begin = first->source_begin;
  if (copy(*first) && span.begin > first->text_begin) {
    begin += span.begin - first->text_begin;
  }
  size_t end = last->source_end;
  if (copy(*last) && span.end < last->text_end) {
    end = last->source_begin + (span.end - last->text_begin);
  }
  if (end < begin) return false;
  *source = Span{begin, end};
  return true;
}

std::string_view Document::TextOf(Span span) const {
  if (span.begin > text_.size() || span.end < span.begin) return {};
  return std::string_view(text_).substr(span.begin, span.size());
}

void SegmentByLines(Document* doc) {
  const std::string_view text = doc->text();
  const Span body = doc->body();
  std::vector<Segment> segments;
  size_t pos = body.begin;
  while (pos < body.end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > body.end) eol = body.end;
    Segment seg;
    seg.span = internal::TrimSpan(text, {pos, eol});
    segments.push_back(std::move(seg));
    pos = eol + 1;
  }
  *doc->mutable_paragraphs() = {body};
  *doc->mutable_segments() = std::move(segments);
}

StatusOr<Document> ReadDocumentFile(const std::string& path,
                                    const ReadDocumentOptions& options) {
  CROSSALIGN_ASSIGN_OR_RETURN(
      const std::string data,
      internal::ReadWholeFile(path, options.max_file_bytes));
  return DecodeDocument(path, data, options);
}

StatusOr<Document> DecodeDocument(const std::string& path,
                                  std::string_view bytes,
                                  const ReadDocumentOptions& options) {
  return internal::DecodeDocumentScored(path, bytes, options, {});
}

namespace {

// What a file is when its first bytes (its "magic number", as the formats
// define them) say it is a document format other than text or HTML, or
// nullptr. Without this a PDF or a .docx was asked for its encoding, and a
// small PDF whose streams are plain ASCII was read as English.
const char* OtherDocumentFormat(std::string_view bytes) {
  static const struct {
    std::string_view magic;
    const char* what;
  } kFormats[] = {
      {"%PDF-", "a PDF document"},
      {std::string_view("PK\x03\x04", 4),
       "a ZIP archive (a .docx, .xlsx, .odt or .epub is one)"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
       "an OLE2 compound file (an old .doc, .xls or .ppt)"},
      {"{\\rtf", "an RTF document"},
      {"\x1F\x8B", "a gzip-compressed file"},
      {"\x89PNG\r\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
  };
  for (const auto& format : kFormats) {
    if (bytes.substr(0, format.magic.size()) == format.magic) {
      return format.what;
    }
  }
  return nullptr;
}

}  // namespace

StatusOr<Document> internal::DecodeDocumentScored(
    const std::string& path, std::string_view bytes,
    const ReadDocumentOptions& options, const LanguageScorer& language_score) {
  if (bytes.size() > options.max_file_bytes) {
    return ResourceExhaustedError(path + ": " + std::to_string(bytes.size()) +
                                  " bytes, above the limit of " +
                                  std::to_string(options.max_file_bytes));
  }
  if (const char* format = OtherDocumentFormat(bytes)) {
    return DataLossError(path + ": " + format +
                         ", not a text or HTML article; convert it to text "
                         "or HTML first");
  }
  if (options.format == InputFormat::kHtml ||
      (options.format == InputFormat::kAuto &&
       internal::LooksLikeHtml(bytes, path))) {
    return DecodeHtmlDocument(path, bytes, options);
  }
  CROSSALIGN_ASSIGN_OR_RETURN(
      internal::DecodedText decoded,
      internal::DecodeToUtf8(bytes, options.encoding, path, language_score));
  std::string text = std::move(decoded.utf8);
  // A UTF-8 byte-order mark left by a converter is not text.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  Document doc = Document::FromText(path, std::move(text));
  doc.set_source_encoding(decoded.encoding);
  if (const std::string w = ReplacementWarning(path, decoded); !w.empty()) {
    doc.add_warning(w);
  }
  const Span body = internal::TrimSpan(doc.text(), doc.body());
  if (body.empty()) {
    return FailedPreconditionError(path +
                                   ": the article is empty (no text to align)");
  }
  return doc;
}

}  // namespace crossalign
