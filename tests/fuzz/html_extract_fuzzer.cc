// Fuzz target: arbitrary bytes as an HTML page. The article extractor must
// neither crash nor map text to bytes outside the page, and reading the
// bytes as a document (charset sniffing, decoding, extraction) must give a
// document or an error, with every segment's page range inside the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crossalign/document.h"
#include "read/html_article_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)crossalign::internal::LooksLikeHtml(bytes, "fuzz.html");
  (void)crossalign::internal::HtmlCharsetToConverter(
      crossalign::internal::DeclaredHtmlCharset(bytes));
  {
    // Meant for UTF-8, but any bytes must be safe.
    const auto article = crossalign::internal::ExtractHtmlArticle(bytes);
    size_t last = 0;
    for (const crossalign::SourceRun& r : article.runs) {
      if (r.text_begin < last || r.text_end > article.text.size() ||
          r.text_begin > r.text_end || r.source_begin > r.source_end ||
          r.source_end > size) {
        __builtin_trap();
      }
      last = r.text_end;
    }
  }
  crossalign::ReadDocumentOptions options;
  options.format = crossalign::InputFormat::kHtml;
  auto doc = crossalign::DecodeDocument("fuzz.html", bytes, options);
  if (!doc.ok()) return 0;
  for (size_t s = 0; s + 1 < doc->text().size() && s < 64; s += 7) {
    crossalign::Span page;
    if (doc->SourceSpanOf({s, s + 1}, &page) &&
        (page.begin > page.end || page.end > size)) {
      __builtin_trap();
    }
  }
  return 0;
}
