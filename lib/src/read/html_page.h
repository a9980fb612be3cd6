// The pieces of the HTML article extractor (html_article_extractor.cc),
// shared between its files: ASCII helpers for markup (html_charset.cc), the
// JSON-LD reader (html_json_ld.cc), element tests and page chrome
// (html_dom.cc), and the walk that turns the page into text blocks
// (html_walker.cc). Internal to segment/; gumbo types stay out of every
// other header.
#ifndef CROSSALIGN_SRC_READ_HTML_PAGE_H_
#define CROSSALIGN_SRC_READ_HTML_PAGE_H_

#include <gumbo.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crossalign/document.h"

namespace crossalign::internal::html {

// ---------------------------------------------------------------- ASCII

char Lower(char c);
std::string ToLower(std::string_view s);
// HTML's ASCII white space: space, tab, LF, CR, FF.
bool IsAsciiSpace(char c);
// `s` without leading and trailing ASCII white space (HTML's "strip").
std::string TrimAscii(std::string_view s);
bool StartsWithNoCase(std::string_view s, std::string_view prefix);
// The first ASCII-case-insensitive match of `needle` at or after `from`.
size_t FindNoCase(std::string_view s, std::string_view needle, size_t from = 0);
// The ASCII bytes of the start of a page, with UTF-16 code units narrowed,
// for sniffing.
std::string SniffPrefix(std::string_view bytes, size_t limit);

// ---------------------------------------------------------------- JSON-LD

// The article object of a page's JSON-LD (schema.org) scripts.
struct JsonLdArticle {
  bool found = false;
  bool news = false;
  std::string headline, body, date, lang, url, publisher;
  size_t script_begin = 0, script_end = 0;  // where its script is
};

// Reads the article object of one JSON-LD script (page bytes [begin, end))
// into *art when it is the first found or a better one (a NewsArticle
// beats a generic Article). Scripts that are not JSON are ignored.
void ReadJsonLd(std::string_view script, size_t begin, size_t end,
                JsonLdArticle* art);

// ---------------------------------------------------------------- DOM

std::string TagName(const GumboNode* node);
std::string Attr(const GumboNode* node, const char* name);
bool HasAttr(const GumboNode* node, const char* name);
// Elements whose content is never article text.
bool IsSkippedTag(GumboTag tag);
bool IsBlockTag(GumboTag tag);
// 1..6 for <h1>..<h6>, else 0.
int HeadingLevel(GumboTag tag);
// The words of a class or id value, split at '-', '_', spaces and case
// changes, lower-cased.
std::vector<std::string> AttrWords(const std::string& value);
// Whether an element is page chrome by its tag, role, class or id.
bool LooksLikeChrome(const GumboNode* node);
// Inline elements that are not text of their paragraph.
bool IsInlineChrome(const GumboNode* node);
bool IsHiddenElement(const GumboNode* node, const std::string& tag);

// ---------------------------------------------------------------- blocks

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kOther };

// The level of a heading made of emphasis: below <h6>.
constexpr int kEmphasisHeading = 7;

struct Block {
  std::string text;
  std::vector<SourceRun> runs;  // text offsets relative to `text`
  BlockKind kind = BlockKind::kOther;
  int heading = 0;
  const GumboNode* container = nullptr;  // the element that opened it
  size_t link_chars = 0;
  // Non-space bytes, and those inside <b>, <strong> or a large <font>: a
  // block that is all emphasis is a heading of an old or WYSIWYG page.
  size_t solid_chars = 0;
  size_t emphasis_chars = 0;
  bool keep = false;
  bool ends_with_br = false;
};

struct PageInfo {
  std::map<std::string, std::string> meta;  // og:*, article:*, name=...
  std::map<std::string, std::pair<size_t, size_t>> meta_pos;
  std::string html_lang, canonical, title_tag;
  std::vector<std::string> ld_scripts;
  std::vector<std::pair<size_t, size_t>> ld_pos;
  std::vector<const GumboNode*> h1s;
  std::vector<const GumboNode*> articles, mains, bodies;
  std::vector<std::pair<const GumboNode*, std::string>> times;
  std::unordered_map<const GumboNode*, size_t> text_chars;  // per element
  std::unordered_map<const GumboNode*, size_t> link_chars;
};

// Deeper markup than this is not read (a page nested this deep is broken
// or hostile; real news pages stay under 60).
constexpr int kMaxWalkDepth = 400;

// Ends like a sentence (in any script).
bool EndsLikeSentence(std::string_view text);

// Walks the page tree from `root`: its text blocks in reading order, and
// what the page says about itself in *info. *too_deep tells whether markup
// deeper than kMaxWalkDepth was skipped.
std::vector<Block> WalkPage(const GumboNode* root, std::string_view html,
                            PageInfo* info, bool* too_deep);

}  // namespace crossalign::internal::html

#endif  // CROSSALIGN_SRC_READ_HTML_PAGE_H_
