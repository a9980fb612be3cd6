// Document: one article's decoded UTF-8 text and what the pipeline found in it.
//
// The Document owns the text. Every other structure refers to it by byte
// offsets, so nothing is copied or rewritten and every output can point back
// to its exact source. The stages fill a Document in order:
//
//   ReadDocumentFile()                 text, name, header metadata
//   LanguageIdentifier::Identify...()  lang()
//   SentenceSegmenter::Segment()       paragraphs() and segments()
//   LanguageIdentifier::Identify...()  Segment::lang for each segment
//
// An optional first line of the form
//   ## outlet: Kyiv Ledger | lang: uk | date: 2025-03-14
// is an article header. It is parsed into metadata() and is not part of the
// body that gets segmented and aligned.
//
// An HTML page (recognised by content, a doctype or an <html> root, or by
// its .html/.htm extension; see ReadDocumentOptions::format) is read as the
// article it holds: its text() is the headline and the article's blocks, one
// paragraph each, without the page's navigation, ads, "related" lists and
// other chrome; metadata() comes from the page (canonical URL, og:site_name,
// article:published_time, JSON-LD ...) and source_runs() map the text back
// to the page's bytes.
#ifndef CROSSALIGN_DOCUMENT_H_
#define CROSSALIGN_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/span.h"
#include "crossalign/status.h"

namespace crossalign {

// What a segment is. Only sentences and headings are aligned by default.
enum class SegmentKind { kSentence, kHeading, kBoilerplate };

// "sentence", "heading" or "boilerplate".
const char* SegmentKindName(SegmentKind kind);

// A sentence, heading or boilerplate line. Its span is trimmed of surrounding
// white space and is an exact substring of the document text.
struct Segment {
  Span span;
  int paragraph = 0;  // index into Document::paragraphs()
  SegmentKind kind = SegmentKind::kSentence;
  std::string lang;  // BCP-47 code of this segment; empty until identified
  double lang_confidence = 0.0;
};

// Metadata from the article header line or the HTML page; fields are empty
// when absent.
struct DocumentMetadata {
  std::string outlet;
  // The language the header or the page declares (<html lang>, og:locale,
  // JSON-LD inLanguage), as written; not detected. For a page it is a hint
  // to language identification, which decides.
  std::string lang;
  std::string date;   // as written, normally ISO 8601
  std::string url;    // HTML: <link rel=canonical>, og:url, JSON-LD url
  std::string title;  // HTML: the headline (<h1>, JSON-LD headline, og:title)
};

// What an input file is read as.
enum class InputFormat {
  kAuto,  // HTML when the content looks like a page (or .html/.htm), else text
  kText,
  kHtml,
};

// "auto", "text", "html".
const char* InputFormatName(InputFormat format);
// Parses "auto", "text" or "html"; kInvalidArgument otherwise.
StatusOr<InputFormat> ParseInputFormat(std::string_view name);

// A piece of Document::text() and the bytes of the source file it came
// from: text [text_begin, text_end) is file [source_begin, source_end). When
// both have the same size the bytes correspond one to one; otherwise the
// piece is one unit (a character reference such as "&amp;", collapsed white
// space, text decoded from another encoding or taken from JSON-LD).
struct SourceRun {
  size_t text_begin = 0;
  size_t text_end = 0;
  size_t source_begin = 0;
  size_t source_end = 0;
};

class Document {
 public:
  Document() = default;

  // Builds a document from UTF-8 `text` (validated by the caller; see
  // ReadDocumentFile). `name` identifies it in outputs, normally the path as
  // given on the command line. Parses the optional header line.
  static Document FromText(std::string name, std::string text);

  // Builds a document from the article text extracted from an HTML page,
  // its metadata and the map back to the page (runs in text order).
  static Document FromHtmlArticle(std::string name, std::string text,
                                  DocumentMetadata metadata,
                                  std::vector<SourceRun> runs);

  // kText or kHtml: what the file was read as.
  InputFormat format() const { return format_; }
  // For an HTML page, where the text came from in the file; empty for
  // text files (whose offsets are those of the decoded text).
  const std::vector<SourceRun>& source_runs() const { return source_runs_; }
  // The byte range of the source file that `span` of the text came from;
  // false when the document has no source map (text input) or the span
  // maps to nothing.
  bool SourceSpanOf(Span span, Span* source) const;

  const std::string& name() const { return name_; }
  // The encoding the file was decoded from ("UTF-8", "windows-1251", ...).
  const std::string& source_encoding() const { return source_encoding_; }
  void set_source_encoding(std::string encoding) {
    source_encoding_ = std::move(encoding);
  }
  // Problems met while reading that did not stop it, e.g. bytes that could
  // not be decoded and were replaced; each names the file and the byte.
  const std::vector<std::string>& warnings() const { return warnings_; }
  void add_warning(std::string warning) {
    warnings_.push_back(std::move(warning));
  }
  // What the pipeline changed that a user may want to know and that does
  // not make the input damaged, e.g. over-long sentences that were split.
  const std::vector<std::string>& notes() const { return notes_; }
  void add_note(std::string note) { notes_.push_back(std::move(note)); }
  const std::string& text() const { return text_; }
  const DocumentMetadata& metadata() const { return metadata_; }

  // The part of the text after the header line.
  Span body() const { return body_; }

  // The detected language (BCP-47) and its confidence in [0, 1]; "und" when
  // it could not be determined, empty before identification.
  const std::string& lang() const { return lang_; }
  double lang_confidence() const { return lang_confidence_; }
  void set_lang(std::string lang, double confidence) {
    lang_ = std::move(lang);
    lang_confidence_ = confidence;
  }

  // Paragraph spans, in order; filled by the segmenter.
  const std::vector<Span>& paragraphs() const { return paragraphs_; }
  std::vector<Span>* mutable_paragraphs() { return &paragraphs_; }

  // Segments in document order; filled by the segmenter.
  const std::vector<Segment>& segments() const { return segments_; }
  std::vector<Segment>* mutable_segments() { return &segments_; }

  // The exact text of a span or of segment `i`.
  std::string_view TextOf(Span span) const;
  std::string_view SegmentText(size_t i) const {
    return TextOf(segments_[i].span);
  }

 private:
  std::string name_;
  InputFormat format_ = InputFormat::kText;
  std::vector<SourceRun> source_runs_;
  std::string source_encoding_ = "UTF-8";
  std::vector<std::string> warnings_;
  std::vector<std::string> notes_;
  std::string text_;
  DocumentMetadata metadata_;
  Span body_;
  std::string lang_;
  double lang_confidence_ = 0.0;
  std::vector<Span> paragraphs_;
  std::vector<Segment> segments_;
};

// Pre-segmented input (one sentence per line): makes each line of the body
// one segment, so that segment i is line i. Blank lines give empty segments,
// which keeps the numbering; they are still aligned (as 1-0 or 0-1 beads).
void SegmentByLines(Document* doc);

struct ReadDocumentOptions {
  // Files larger than this are refused with a clear error.
  uint64_t max_file_bytes = uint64_t{64} << 20;
  // The file's encoding (an ICU converter name such as "windows-1251",
  // "KOI8-U", "EUC-KR", "UTF-16"); detected when empty. For HTML, a
  // byte-order mark, then the page's declared charset (<meta charset>,
  // http-equiv Content-Type, XML declaration) come before detection.
  std::string encoding;
  // Text or HTML; kAuto tells by content and extension.
  InputFormat format = InputFormat::kAuto;
};

// Reads an article and decodes it to UTF-8: a byte-order mark (UTF-8,
// UTF-16, UTF-32) is honoured, UTF-8 is taken as it is, and anything else
// goes through ICU's charset detector and converters (windows-1251, KOI8-U,
// EUC-KR, ...), unless options.encoding names the encoding. Bytes that cannot
// be converted are replaced by U+FFFD and reported in warnings() with their
// byte offsets. Offsets in the Document refer to the decoded text.
// HTML pages (see ReadDocumentOptions::format) are parsed with an HTML5 parser
// and the article is extracted; warnings() then also name a page that is mostly
// links, looks truncated, or declares no charset while not being UTF-8.
// Errors (each message names the file):
//   kNotFound           the file does not exist
//   kInvalidArgument    the path is a directory, or an unknown encoding
//   kPermissionDenied   the file cannot be read
//   kDataLoss           binary data (NUL bytes outside UTF-16/32)
//   kFailedPrecondition the file is empty or holds only white space, or the
//                       HTML page holds no article text
//   kResourceExhausted  the file exceeds options.max_file_bytes
StatusOr<Document> ReadDocumentFile(const std::string& path,
                                    const ReadDocumentOptions& options = {});

// The same for bytes already in memory (from a crawler, a database, an
// archive); `name` identifies the document in messages and outputs.
StatusOr<Document> DecodeDocument(const std::string& name,
                                  std::string_view bytes,
                                  const ReadDocumentOptions& options = {});

}  // namespace crossalign

#endif  // CROSSALIGN_DOCUMENT_H_
