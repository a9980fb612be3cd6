// News pages as input: finds the article in an HTML page (gumbo, the
// HTML5-conformant parser) and gives its text, its metadata and a map from
// the text back to the page's bytes. Internal; gumbo types stay in the .cc.
//
// The article is found with the page's own structure where it has one
// (schema.org articleBody, <article>, <main>, role=main) and otherwise with a
// content score over the page's text blocks in the spirit of Readability,
// jusText and Boilerpipe: long blocks with punctuation and few links vote
// for their container, the best container is the article. Inside it,
// blocks in chrome (nav, aside, footer, forms, share bars, "related" and
// "most read" lists, ads, cookie banners, captions, bylines) and link lists
// are dropped, as are headings that head nothing kept. The headline is the
// page's <h1> (or its og:title / JSON-LD headline when it has none).
#ifndef CROSSALIGN_SRC_READ_HTML_ARTICLE_EXTRACTOR_H_
#define CROSSALIGN_SRC_READ_HTML_ARTICLE_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/document.h"

namespace crossalign::internal {

// Whether `bytes` (the start of a file is enough) look like an HTML or
// XHTML page: a doctype, an <html> root or an XML declaration followed by
// one, after optional BOM, white space and comments. `name` is used for the
// extension: .html, .htm, .xhtml and .shtml count when the content starts
// with a tag.
bool LooksLikeHtml(std::string_view bytes, std::string_view name);

// The charset a page declares, by the HTML standard's prescan of its first
// 1024 bytes: <meta charset=...> or <meta http-equiv=Content-Type
// content="...; charset=...">, or the encoding of an XML declaration.
// Empty when none. Labels are returned as written, lower-cased
// (e.g. "windows-1251", "koi8-u", "utf-8").
std::string DeclaredHtmlCharset(std::string_view bytes);

// Maps a declared charset label to the ICU converter name to decode with,
// following the WHATWG encoding standard where it differs from the label
// (iso-8859-1 and us-ascii are windows-1252; utf-16 declared in an 8-bit
// page is UTF-8). Empty for labels ICU does not know.
std::string HtmlCharsetToConverter(const std::string& label);

// For `source` decoded from `encoding` (an ICU converter name) to UTF-8 of
// `utf8_size` bytes: the offset in `source` of each UTF-8 byte, and one more
// entry, source.size(). Empty when the conversion gives another size.
std::vector<size_t> Utf8ToSourceOffsets(std::string_view source,
                                        const std::string& encoding,
                                        size_t utf8_size);

struct HtmlArticle {
  // The article: headline first, then the blocks in reading order, one
  // paragraph per block, blocks separated by a blank line; <br> inside a
  // block is a line break.
  std::string text;
  // Where the text came from in the parsed (UTF-8) page; see SourceRun.
  std::vector<SourceRun> runs;
  DocumentMetadata metadata;
  // How the article was found: "articleBody", "article", "main",
  // "content-score" or "json-ld" (the text of JSON-LD articleBody, for
  // pages that render the article with script).
  std::string method;
  // Problems that did not stop extraction (messages without the file
  // name): mostly links, truncated page, markup nested too deep.
  std::vector<std::string> warnings;
  // What a user may want to know: the text came from JSON-LD.
  std::vector<std::string> notes;
};

// Which of `needles` occur in `text`: result[k] is whether
// text.find(needles[k]) would find needles[k]. One pass over the text for
// all of them: each needle is looked for by one of its 16-byte pieces (the
// one fewest other needles share), by rolling hash, and every candidate is
// confirmed byte by byte; so the work grows with the text's length plus the
// needles', not with their product (searching the text once per needle
// took 25 s on a page of 64,000 paragraphs). *work, when given, counts the
// steps taken, for tests of that growth.
std::vector<bool> FindSubstrings(std::string_view text,
                                 const std::vector<std::string>& needles,
                                 size_t* work = nullptr);

// Extracts the article from `html`, UTF-8 text of a whole page. Never
// fails on malformed markup; the result's text is empty when the page has
// no article text (the caller reports it).
HtmlArticle ExtractHtmlArticle(std::string_view html);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_READ_HTML_ARTICLE_EXTRACTOR_H_
