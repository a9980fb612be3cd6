#include "crossalign/document.h"

#include <string>

#include "atomic_file.h"
#include "text_decoder.h"
#include "utf8.h"

namespace crossalign {
namespace {

std::string Trimmed(std::string_view s) {
  const Span span = internal::TrimSpan(s, Span{0, s.size()});
  return std::string(s.substr(span.begin, span.size()));
}

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
    const std::string key = Trimmed(field.substr(0, colon));
    const std::string value = Trimmed(field.substr(colon + 1));
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

}  // namespace

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
                                    const ReadOptions& options) {
  StatusOr<std::string> data =
      internal::ReadWholeFile(path, options.max_file_bytes);
  if (!data.ok()) return data.status();
  return DecodeDocument(path, *data, options);
}

StatusOr<Document> DecodeDocument(const std::string& path,
                                  std::string_view bytes,
                                  const ReadOptions& options) {
  return internal::DecodeDocumentScored(path, bytes, options, {});
}

StatusOr<Document> internal::DecodeDocumentScored(
    const std::string& path, std::string_view bytes, const ReadOptions& options,
    const LanguageScorer& language_score) {
  if (bytes.size() > options.max_file_bytes) {
    return ResourceExhaustedError(path + ": " + std::to_string(bytes.size()) +
                                  " bytes, above the limit of " +
                                  std::to_string(options.max_file_bytes));
  }
  StatusOr<internal::DecodedText> decoded =
      internal::DecodeToUtf8(bytes, options.encoding, path, language_score);
  if (!decoded.ok()) return decoded.status();
  std::string text = std::move(decoded->utf8);
  // A UTF-8 byte-order mark left by a converter is not text.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  Document doc = Document::FromText(path, std::move(text));
  doc.set_source_encoding(decoded->encoding);
  if (!decoded->replaced.empty()) {
    std::string where;
    for (size_t k = 0; k < decoded->replaced.size() && k < 5; ++k) {
      where += (k ? ", " : "") + std::to_string(decoded->replaced[k]);
    }
    if (decoded->replaced.size() > 5) where += ", ...";
    doc.add_warning(path + ": " + std::to_string(decoded->replaced.size()) +
                    " byte sequence(s) not valid " + decoded->encoding +
                    " were replaced by U+FFFD (at byte " + where +
                    "); check the file's encoding or pass --encoding");
  }
  const Span body = internal::TrimSpan(doc.text(), doc.body());
  if (body.empty()) {
    return FailedPreconditionError(path +
                                   ": the article is empty (no text to align)");
  }
  return doc;
}

}  // namespace crossalign
