#include "crossalign/document.h"

#include <string>

#include "atomic_file.h"
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

// 1-based line number of byte `offset`.
size_t LineOf(std::string_view text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
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
    doc.body_.begin =
        eol == std::string_view::npos ? view.size() : eol + 1;
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
  std::string text = std::move(*data);

  auto starts_with = [&](std::string_view prefix) {
    return std::string_view(text).substr(0, prefix.size()) == prefix;
  };
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    return DataLossError(path +
                         ": UTF-16/UTF-32 text (byte-order mark found); "
                         "convert it to UTF-8 first, e.g. with iconv");
  }
  if (starts_with("\xEF\xBB\xBF")) text.erase(0, 3);

  const size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    return DataLossError(path + ": binary data (NUL byte at byte " +
                         std::to_string(nul) + ", line " +
                         std::to_string(LineOf(text, nul)) +
                         "); expected a UTF-8 text article");
  }
  const size_t bad = internal::FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    return DataLossError(path + ": invalid UTF-8 at byte " +
                         std::to_string(bad) + " (line " +
                         std::to_string(LineOf(text, bad)) +
                         "); convert the file to UTF-8");
  }
  Document doc = Document::FromText(path, std::move(text));
  const Span body = internal::TrimSpan(doc.text(), doc.body());
  if (body.empty()) {
    return FailedPreconditionError(path +
                                   ": the article is empty (no text to align)");
  }
  return doc;
}

}  // namespace crossalign
