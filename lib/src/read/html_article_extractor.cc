#include "read/html_article_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "base/unicode_text.h"
#include "base/utf8.h"
#include "read/html_page.h"

namespace crossalign::internal::html {
namespace {
bool IsAncestor(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* p = node; p != nullptr; p = p->parent) {
    if (p == ancestor) return true;
  }
  return false;
}

size_t CountPunctuation(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += c == ',' || c == '.' || c == ';';
  for (size_t p = text.find("\xEF\xBC\x8C"); p != std::string_view::npos;
       p = text.find("\xEF\xBC\x8C", p + 1)) {
    ++n;  // fullwidth comma
  }
  for (size_t p = text.find("\xE3\x80\x82"); p != std::string_view::npos;
       p = text.find("\xE3\x80\x82", p + 1)) {
    ++n;  // ideographic full stop
  }
  return n;
}

// A block that reads like article prose: long enough, punctuated, few
// links. CJK text packs more per byte, so lengths are in code points.
bool IsGoodBlock(const Block& b) {
  const size_t chars = CountCodePoints(b.text);
  if (b.kind == BlockKind::kHeading) return false;
  if (b.link_chars * 3 > b.text.size()) return false;
  return chars >= 60 || (chars >= 25 && EndsLikeSentence(b.text) &&
                         CountPunctuation(b.text) >= 1);
}

double ContentScore(const Block& b) {
  const double chars = static_cast<double>(CountCodePoints(b.text));
  return 1.0 + static_cast<double>(CountPunctuation(b.text)) +
         std::min(chars / 100.0, 3.0);
}

std::string NormalizeForMatch(std::string_view s) {
  std::string out;
  for (char c : CollapseWhitespace(s)) out.push_back(c);
  return out;
}

// Drops a trailing " | Site" or " - Site" from a <title>.
std::string StripSiteSuffix(const std::string& title) {
  for (const char* sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                          " :: ", " \xC2\xB7 "}) {
    const size_t p = title.rfind(sep);
    if (p != std::string::npos && p > title.size() / 3) {
      return title.substr(0, p);
    }
  }
  return title;
}

// The parts of a <title> around its separators: "Outlet :: Headline" and
// "Headline | Outlet" give both sides.
std::vector<std::string> TitleParts(const std::string& title) {
  std::vector<std::string> parts;
  for (const char* sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                          " :: ", " \xC2\xB7 ", " \xC2\xBB "}) {
    const size_t first = title.find(sep);
    const size_t last = title.rfind(sep);
    if (first == std::string::npos) continue;
    parts.push_back(TrimAscii(title.substr(0, first)));
    parts.push_back(TrimAscii(title.substr(last + std::strlen(sep))));
  }
  return parts;
}

std::string NormalizeLang(std::string lang) {
  lang = TrimAscii(lang);
  std::replace(lang.begin(), lang.end(), '_', '-');
  return lang;
}

// Pages nested deeper than this are not parsed (real pages stay under a
// few hundred, even with unclosed <font> tags).
constexpr size_t kMaxNesting = 10000;

// A quick upper estimate of the page's element nesting from its tags:
// start tags open, end tags close; void elements and elements whose end
// tag may be omitted (p, li, td ...) are not counted; comments, scripts and
// styles are skipped.
size_t EstimateNesting(std::string_view html) {
  static const std::set<std::string> kNotNesting = {
      "area",   "base",     "br",    "col",   "embed",  "hr",       "img",
      "input",  "link",     "meta",  "param", "source", "track",    "wbr",
      "p",      "li",       "dt",    "dd",    "tr",     "td",       "th",
      "option", "optgroup", "tbody", "thead", "tfoot",  "colgroup", "rb",
      "rt",     "rp",       "html",  "head",  "body",   "!doctype"};
  size_t depth = 0, max_depth = 0, pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (html.substr(pos, 3) == "!--") {
      const size_t end = html.find("-->", pos + 3);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool close = pos < html.size() && html[pos] == '/';
    if (close) ++pos;
    size_t end = pos;
    while (end < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[end])) ||
            html[end] == '-' || html[end] == '!' || html[end] == ':')) {
      ++end;
    }
    if (end == pos) continue;
    const std::string name = ToLower(html.substr(pos, end - pos));
    const size_t gt = html.find('>', end);
    if (gt == std::string_view::npos) break;
    const bool self_closing = gt > 0 && html[gt - 1] == '/';
    pos = gt + 1;
    if (kNotNesting.count(name)) continue;
    if (close) {
      if (depth > 0) --depth;
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea" ||
        name == "title") {
      const size_t end_tag = FindNoCase(html, "</" + name, pos);
      if (end_tag == std::string_view::npos) break;
      pos = end_tag;
      continue;
    }
    if (!self_closing) max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

// The article's container in the page tree, and what the steps of the
// extraction learn about it.
struct ArticleTree {
  explicit ArticleTree(PageInfo* page) : info(*page) {}

  PageInfo& info;
  // Characters of good (prose) blocks under each element.
  std::unordered_map<const GumboNode*, size_t> good_chars;
  const GumboNode* root = nullptr;  // the article's container
  // Prose siblings of a scored container that belong to the article.
  std::set<const GumboNode*> extras;
  size_t root_chars = 0;  // text under the root, once it is final
  std::unordered_map<const GumboNode*, bool> chrome_cache;

  // Whether `node` lies in the article (the root or one of the extras).
  bool InArticle(const GumboNode* node) const {
    if (root == nullptr) return false;
    for (const GumboNode* p = node; p != nullptr; p = p->parent) {
      if (p == root || extras.count(p)) return true;
    }
    return false;
  }

  // Whether block `b` sits in chrome (a share bar, a related-stories box)
  // inside the article.
  bool InChrome(const Block& b) {
    for (const GumboNode* p = b.container;
         p != nullptr && p != root && !extras.count(p); p = p->parent) {
      if (p->type != GUMBO_NODE_ELEMENT) continue;
      auto it = chrome_cache.find(p);
      bool chrome;
      if (it != chrome_cache.end()) {
        chrome = it->second;
      } else {
        // A chrome-looking wrapper that holds most of the article is a
        // wrapper ("post has-comments"), not chrome.
        chrome = (LooksLikeChrome(p) ||
                  (p->v.element.tag == GUMBO_TAG_ARTICLE && p != root)) &&
                 info.text_chars[p] * 2 < root_chars;
        chrome_cache[p] = chrome;
      }
      if (chrome) return true;
    }
    return false;
  }
};

JsonLdArticle ReadPageJsonLd(const PageInfo& info) {
  JsonLdArticle ld;
  for (size_t k = 0; k < info.ld_scripts.size(); ++k) {
    ReadJsonLd(info.ld_scripts[k], info.ld_pos[k].first, info.ld_pos[k].second,
               &ld);
  }
  return ld;
}

std::unordered_map<const GumboNode*, size_t> CountGoodChars(
    const std::vector<Block>& blocks) {
  std::unordered_map<const GumboNode*, size_t> good_chars;
  for (const Block& b : blocks) {
    if (!IsGoodBlock(b)) continue;
    for (const GumboNode* p = b.container; p != nullptr; p = p->parent) {
      good_chars[p] += b.text.size();
    }
  }
  return good_chars;
}

// The element with the best content score, as Readability finds it: a
// good paragraph votes for its container and, less, for the two above;
// link text lowers an element's score.
const GumboNode* BestScoredContainer(const std::vector<Block>& blocks,
                                     PageInfo& info) {
  std::unordered_map<const GumboNode*, double> score;
  for (const Block& b : blocks) {
    if (!IsGoodBlock(b)) continue;
    const double s = ContentScore(b);
    const GumboNode* p = b.container;
    // Inline-level containers (a <p> itself) pass their vote up.
    if (p && p->type == GUMBO_NODE_ELEMENT &&
        (p->v.element.tag == GUMBO_TAG_P || HeadingLevel(p->v.element.tag) ||
         p->v.element.tag == GUMBO_TAG_LI ||
         p->v.element.tag == GUMBO_TAG_BLOCKQUOTE)) {
      p = p->parent;
    }
    double w = 1.0;
    for (int up = 0; p != nullptr && up < 3; ++up, p = p->parent, w /= 2) {
      score[p] += s * w;
    }
  }
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const auto& [node, s] : score) {
    const size_t text = info.text_chars[node];
    const double link_density =
        text ? static_cast<double>(info.link_chars[node]) / text : 0.0;
    const double adjusted = s * (1.0 - link_density);
    if (adjusted > best_score ||
        (adjusted == best_score && best != nullptr &&
         node->v.element.start_pos.offset < best->v.element.start_pos.offset)) {
      best_score = adjusted;
      best = node;
    }
  }
  return best;
}

// Climbs from the best-scored element while the parent adds no prose and
// little text (a headline and a dateline beside the body).
const GumboNode* ClimbToWrapper(const GumboNode* node, ArticleTree& tree) {
  while (node != nullptr && node->parent != nullptr &&
         node->parent->type == GUMBO_NODE_ELEMENT &&
         tree.good_chars[node->parent] == tree.good_chars[node] &&
         tree.info.text_chars[node->parent] * 10 <=
             tree.info.text_chars[node] * 13 &&
         node->parent->v.element.tag != GUMBO_TAG_BODY &&
         node->parent->v.element.tag != GUMBO_TAG_HTML) {
    node = node->parent;
  }
  return node;
}

// The page's own structure (articleBody, <article>, <main>) wins over the
// scored container where it holds most of the prose. Returns the method.
std::string PreferMarkedUpArticle(ArticleTree* tree) {
  std::string method = "content-score";
  const size_t scored_good = tree->root ? tree->good_chars[tree->root] : 0;
  auto pick = [&](const std::vector<const GumboNode*>& nodes,
                  const char* name) {
    const GumboNode* chosen = nullptr;
    for (const GumboNode* n : nodes) {
      if (chosen == nullptr || tree->good_chars[n] > tree->good_chars[chosen]) {
        chosen = n;
      }
    }
    if (chosen && tree->good_chars[chosen] > 0 &&
        tree->good_chars[chosen] * 10 >= scored_good * 7) {
      tree->root = chosen;
      method = name;
      return true;
    }
    return false;
  };
  if (!pick(tree->info.bodies, "articleBody") &&
      !pick(tree->info.articles, "article")) {
    // <main> is the page's main area, often with "more on this story" and
    // comments beside the article: it only helps when the scored
    // container lies outside it.
    std::vector<const GumboNode*> mains;
    for (const GumboNode* m : tree->info.mains) {
      if (tree->root == nullptr || !IsAncestor(m, tree->root)) {
        mains.push_back(m);
      }
    }
    pick(mains, "main");
  }
  return method;
}

// Widens the root to the <article> around it when that adds little prose:
// the headline and standfirst sit beside articleBody in the article.
void WidenToEnclosingArticle(const std::string& method, ArticleTree* tree) {
  const GumboNode* root = tree->root;
  if (method == "articleBody") {
    for (const GumboNode* p = root->parent; p != nullptr; p = p->parent) {
      if (p->type == GUMBO_NODE_ELEMENT &&
          (p->v.element.tag == GUMBO_TAG_ARTICLE ||
           ToLower(Attr(p, "itemtype")).find("article") != std::string::npos)) {
        if (tree->good_chars[p] * 10 <= tree->good_chars[root] * 12) {
          tree->root = p;
        }
        break;
      }
    }
  } else if (method == "content-score" && root != nullptr) {
    for (const GumboNode* p = root->parent; p != nullptr; p = p->parent) {
      if (p->type == GUMBO_NODE_ELEMENT &&
          p->v.element.tag == GUMBO_TAG_ARTICLE &&
          tree->good_chars[p] * 10 <= tree->good_chars[root] * 12) {
        tree->root = p;
        break;
      }
    }
  }
}

// Siblings of a scored container that are prose too, as Readability adds
// them: before it, a lead paragraph in its own <div>; after it, only a
// continuation of the same kind (a body split by an ad slot), not the
// page's footer.
void AddProseSiblings(ArticleTree* tree) {
  const GumboNode* root = tree->root;
  if (root == nullptr || root->parent == nullptr ||
      root->parent->type != GUMBO_NODE_ELEMENT) {
    return;
  }
  const GumboVector& siblings = root->parent->v.element.children;
  bool after = false;
  for (unsigned i = 0; i < siblings.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(siblings.data[i]);
    if (c == root) after = true;
    if (c == root || c->type != GUMBO_NODE_ELEMENT) continue;
    if (after && (c->v.element.tag != root->v.element.tag ||
                  Attr(c, "class") != Attr(root, "class"))) {
      continue;
    }
    const GumboTag tag = c->v.element.tag;
    if (tag == GUMBO_TAG_HEADER || LooksLikeChrome(c) || IsSkippedTag(tag) ||
        IsHiddenElement(c, TagName(c))) {
      continue;
    }
    const size_t text = tree->info.text_chars[c];
    if (tree->good_chars[c] > 0 && tree->info.link_chars[c] * 4 < text) {
      tree->extras.insert(c);
    }
  }
}

// Whether a block of the article, outside chrome, is kept, by its kind.
bool KeepsBlock(const Block& b) {
  const size_t chars = CountCodePoints(b.text);
  switch (b.kind) {
    case BlockKind::kParagraph:
      // A short paragraph that does not end like a sentence is a label
      // ("ADVERTISEMENT", "Share").
      return (chars >= 25 || EndsLikeSentence(b.text)) &&
             (b.link_chars == 0 || chars >= 20);
    case BlockKind::kQuote:
      return chars >= 2 && (b.link_chars == 0 || chars >= 20);
    case BlockKind::kHeading:
      return true;
    case BlockKind::kListItem:
      return b.link_chars == 0 || chars >= 40;
    case BlockKind::kOther:
      return chars >= 40 || (chars >= 15 && EndsLikeSentence(b.text));
  }
  return false;
}

// Marks the blocks of the article to keep: inside the article, outside its
// chrome, not mostly links, and long enough for their kind.
void MarkArticleBlocks(ArticleTree* tree, std::vector<Block>* blocks) {
  if (tree->root == nullptr) return;
  for (Block& b : *blocks) {
    if (!tree->InArticle(b.container)) continue;
    if (tree->InChrome(b)) continue;
    if (b.link_chars * 2 > b.text.size()) continue;
    b.keep = KeepsBlock(b);
  }
}

// A heading that heads nothing kept ("Related", "Comments") goes too.
void DropEmptyHeadings(std::vector<Block>* blocks) {
  for (size_t k = 0; k < blocks->size(); ++k) {
    Block& h = (*blocks)[k];
    if (!h.keep || h.kind != BlockKind::kHeading) continue;
    bool heads = false;
    for (size_t m = k + 1; m < blocks->size(); ++m) {
      const Block& n = (*blocks)[m];
      if (n.kind == BlockKind::kHeading && n.heading <= h.heading && n.keep) {
        break;
      }
      if (n.keep && n.kind != BlockKind::kHeading) {
        heads = true;
        break;
      }
    }
    if (!heads) h.keep = false;
  }
}

// JSON-LD articleBody as a cross-check: body paragraphs the markup hid in
// chrome-like wrappers come back; blocks the complete articleBody lacks
// (inline promos) go.
void CrossCheckWithJsonLd(const JsonLdArticle& ld, const ArticleTree& tree,
                          std::vector<Block>* blocks) {
  const std::string ld_body = NormalizeForMatch(ld.body);
  if (ld_body.empty() || tree.root == nullptr) return;
  // The blocks either pass below looks up, all looked up at once.
  std::vector<size_t> looked_up(blocks->size(), SIZE_MAX);
  std::vector<std::string> needles;
  for (size_t k = 0; k < blocks->size(); ++k) {
    const Block& b = (*blocks)[k];
    if (b.kind == BlockKind::kHeading) continue;
    if (b.keep ||
        (tree.InArticle(b.container) && CountCodePoints(b.text) >= 20)) {
      looked_up[k] = needles.size();
      needles.push_back(NormalizeForMatch(b.text));
    }
  }
  const std::vector<bool> found = FindSubstrings(ld_body, needles);
  size_t kept = 0, confirmed = 0;
  for (size_t k = 0; k < blocks->size(); ++k) {
    const Block& b = (*blocks)[k];
    if (!b.keep || b.kind == BlockKind::kHeading) continue;
    kept += b.text.size();
    if (found[looked_up[k]]) confirmed += b.text.size();
  }
  for (size_t k = 0; k < blocks->size(); ++k) {
    Block& b = (*blocks)[k];
    if (b.kind == BlockKind::kHeading || !tree.InArticle(b.container) ||
        CountCodePoints(b.text) < 20) {
      continue;
    }
    const bool in_body = found[looked_up[k]];
    if (in_body && !b.keep && b.link_chars * 2 <= b.text.size()) {
      b.keep = true;
    } else if (!in_body && b.keep && kept > 0 && confirmed * 10 >= kept * 8 &&
               b.kind != BlockKind::kQuote && b.kind != BlockKind::kListItem) {
      b.keep = false;
    }
  }
}

// The article's headline: a block of the page, or else a title from its
// metadata, with where that came from.
struct Headline {
  const Block* block = nullptr;
  std::string text;  // empty when the page has none
  SourceRun run{};   // for a title that is not a block
  // The titles the page declares: JSON-LD headline, og:title, <title>.
  std::vector<std::string> titles;
};

std::vector<std::string> DeclaredTitles(const JsonLdArticle& ld,
                                        PageInfo& info) {
  std::vector<std::string> titles;
  if (!ld.headline.empty()) titles.push_back(CollapseWhitespace(ld.headline));
  if (info.meta.count("og:title")) {
    titles.push_back(CollapseWhitespace(info.meta["og:title"]));
  }
  if (!info.title_tag.empty()) {
    titles.push_back(StripSiteSuffix(info.title_tag));
    for (const std::string& part : TitleParts(info.title_tag)) {
      if (CountCodePoints(part) >= 12) titles.push_back(part);
    }
  }
  return titles;
}

// The <h1> of the article, or one that repeats a declared title.
const Block* HeadlineBlock(const std::vector<Block>& blocks,
                           const std::vector<std::string>& titles,
                           ArticleTree& tree) {
  const Block* headline = nullptr;
  for (const Block& b : blocks) {
    if (b.heading != 1) continue;
    const bool inside = tree.InArticle(b.container);
    bool matches = false;
    for (const std::string& t : titles) {
      matches |= !t.empty() &&
                 (t == b.text || t.find(b.text) == 0 || b.text.find(t) == 0);
    }
    if ((inside && !tree.InChrome(b)) || matches) {
      headline = &b;
      if (inside || matches) break;
    }
  }
  if (headline != nullptr) return headline;
  // No <h1>: a block that repeats the title.
  for (const Block& b : blocks) {
    for (const std::string& t : titles) {
      if (!t.empty() && b.text == t && b.link_chars == 0) headline = &b;
    }
    if (headline) break;
  }
  return headline;
}

Headline FindHeadline(const std::vector<Block>& blocks, const JsonLdArticle& ld,
                      ArticleTree& tree) {
  Headline headline;
  headline.titles = DeclaredTitles(ld, tree.info);
  headline.block = HeadlineBlock(blocks, headline.titles, tree);
  if (headline.block != nullptr) {
    headline.text = headline.block->text;
  } else if (!ld.headline.empty()) {
    // No block: the title itself.
    headline.text = CollapseWhitespace(ld.headline);
    headline.run = {0, headline.text.size(), ld.script_begin, ld.script_end};
  } else if (tree.info.meta.count("og:title")) {
    headline.text = CollapseWhitespace(tree.info.meta["og:title"]);
    const auto& [begin, end] = tree.info.meta_pos["og:title"];
    headline.run = {0, headline.text.size(), begin, end};
  }
  return headline;
}

// Appends a paragraph to the article text, with its source runs.
void AppendParagraph(const std::string& text,
                     const std::vector<SourceRun>& runs, HtmlArticle* out) {
  if (!out->text.empty()) out->text += "\n\n";
  const size_t base = out->text.size();
  out->text += text;
  for (SourceRun r : runs) {
    r.text_begin += base;
    r.text_end += base;
    out->runs.push_back(r);
  }
}

void AppendHeadline(const Headline& headline, HtmlArticle* out) {
  if (headline.block != nullptr) {
    AppendParagraph(headline.block->text, headline.block->runs, out);
  } else if (!headline.text.empty()) {
    AppendParagraph(headline.text, {headline.run}, out);
  }
}

// Appends the kept blocks (without repeats of the headline or of the block
// before); returns their size.
size_t AppendKeptBlocks(const std::vector<Block>& blocks,
                        const Headline& headline, const ArticleTree& tree,
                        HtmlArticle* out) {
  const Block* head = headline.block;
  std::string last;
  size_t kept_chars = 0;
  bool before_headline = head != nullptr && tree.InArticle(head->container);
  for (const Block& b : blocks) {
    if (&b == head) before_headline = false;
    // Short blocks above the headline are its kicker, dateline or byline.
    if (before_headline && CountCodePoints(b.text) < 80) continue;
    if (!b.keep || &b == head || b.text == last) continue;
    if (head != nullptr && b.text == head->text) continue;
    AppendParagraph(b.text, b.runs, out);
    last = b.text;
    kept_chars += b.text.size();
  }
  return kept_chars;
}

// Replaces the text with the paragraphs of JSON-LD articleBody, for pages
// that render the article with script and carry it only there.
void UseJsonLdBody(std::string_view html, const JsonLdArticle& ld,
                   const Headline& headline, HtmlArticle* out) {
  out->text.clear();
  out->runs.clear();
  AppendHeadline(headline, out);
  const std::string& body = ld.body;
  const std::string_view script =
      ld.script_end <= html.size() && ld.script_begin <= ld.script_end
          ? html.substr(ld.script_begin, ld.script_end - ld.script_begin)
          : std::string_view();
  size_t pos = 0, in_script = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string::npos) nl = body.size();
    const std::string para = CollapseWhitespace(body.substr(pos, nl - pos));
    if (!para.empty()) {
      // Where the JSON string holds the paragraph as it is (no escapes),
      // exactly; otherwise the whole script.
      const size_t at = script.find(para, in_script);
      if (at != std::string_view::npos) {
        in_script = at + para.size();
        AppendParagraph(para,
                        {{0, para.size(), ld.script_begin + at,
                          ld.script_begin + at + para.size()}},
                        out);
      } else {
        AppendParagraph(
            para, {{0, para.size(), ld.script_begin, ld.script_end}}, out);
      }
    }
    pos = nl + 1;
  }
  out->method = "json-ld";
  out->notes.push_back(
      "the article text was taken from the page's JSON-LD articleBody: the "
      "page's markup holds little of it (rendered by script?)");
}

// The outlet: og:site_name, JSON-LD publisher, publisher metadata, or the
// side of "Outlet :: Headline" / "Headline | Outlet" that is not `title`.
std::string FindOutlet(const JsonLdArticle& ld, PageInfo& info,
                       const std::string& title) {
  std::string outlet;
  if (info.meta.count("og:site_name")) outlet = info.meta["og:site_name"];
  if (outlet.empty()) outlet = CollapseWhitespace(ld.publisher);
  for (const char* key : {"publisher", "dc.publisher", "application-name"}) {
    if (outlet.empty() && info.meta.count(key)) outlet = info.meta[key];
  }
  if (outlet.empty() && !title.empty()) {
    const std::vector<std::string> parts = TitleParts(info.title_tag);
    for (size_t k = 0; k + 1 < parts.size(); k += 2) {
      if (parts[k] == title && parts[k + 1] != title) {
        outlet = parts[k + 1];
      } else if (parts[k + 1] == title && parts[k] != title) {
        outlet = parts[k];
      }
      if (!outlet.empty()) break;
    }
  }
  return outlet;
}

// The publication date: article metadata, JSON-LD, other date metadata, or
// the first <time> (in the article if there is one).
std::string FindDate(const JsonLdArticle& ld, PageInfo& info,
                     const GumboNode* root) {
  std::string date;
  for (const char* key : {"article:published_time", "og:article:published_time",
                          "itemprop:datepublished"}) {
    if (date.empty() && info.meta.count(key)) date = info.meta[key];
  }
  if (date.empty()) date = TrimAscii(ld.date);
  if (date.empty()) {
    for (const char* key : {"datepublished", "pubdate", "publish-date", "date",
                            "dc.date.issued", "dc.date"}) {
      if (date.empty() && info.meta.count(key)) date = info.meta[key];
    }
  }
  if (date.empty() && !info.times.empty()) {
    date = info.times.front().second;
    for (const auto& [node, value] : info.times) {
      if (root != nullptr && IsAncestor(root, node)) {
        date = value;
        break;
      }
    }
  }
  return date;
}

DocumentMetadata FindMetadata(const std::vector<Block>& blocks,
                              const JsonLdArticle& ld, const Headline& headline,
                              ArticleTree& tree) {
  PageInfo& info = tree.info;
  DocumentMetadata m;
  m.title = !headline.text.empty()     ? headline.text
            : !headline.titles.empty() ? headline.titles.front()
                                       : std::string();
  if (m.title.empty()) {
    // No <h1> and no title: a heading that opens the article.
    for (const Block& b : blocks) {
      if (!b.keep) continue;
      if (b.kind == BlockKind::kHeading) m.title = b.text;
      break;
    }
  }
  m.url = info.canonical;
  if (m.url.empty() && info.meta.count("og:url")) m.url = info.meta["og:url"];
  if (m.url.empty()) m.url = TrimAscii(ld.url);
  m.outlet = FindOutlet(ld, info, m.title);
  m.date = FindDate(ld, info, tree.root);
  m.lang = NormalizeLang(info.html_lang);
  if (m.lang.empty() && info.meta.count("og:locale")) {
    m.lang = NormalizeLang(info.meta["og:locale"]);
  }
  if (m.lang.empty()) m.lang = NormalizeLang(ld.lang);
  return m;
}

// The <body> element: above the root, else a child of the document.
const GumboNode* BodyElement(const GumboNode* root, const GumboNode* document) {
  const GumboNode* body = nullptr;
  for (const GumboNode* p = root; p != nullptr; p = p->parent) {
    if (p->type == GUMBO_NODE_ELEMENT && p->v.element.tag == GUMBO_TAG_BODY) {
      body = p;
    }
  }
  if (body == nullptr && document != nullptr) {
    const GumboVector& c = document->v.element.children;
    for (unsigned i = 0; i < c.length; ++i) {
      const auto* n = static_cast<const GumboNode*>(c.data[i]);
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) {
        body = n;
      }
    }
  }
  return body;
}

// Warns when the page is mostly links and so is the little found: an index
// or a front page.
void WarnMostlyLinks(const ArticleTree& tree, const GumboNode* document,
                     HtmlArticle* out) {
  PageInfo& info = tree.info;
  const GumboNode* body_node = BodyElement(tree.root, document);
  const size_t page_text = body_node ? info.text_chars[body_node] : 0;
  const size_t page_links = body_node ? info.link_chars[body_node] : 0;
  // A short article on a page with big menus is not "mostly links": the
  // article itself must be small or made of links.
  const GumboNode* root = tree.root;
  const size_t root_text = root ? info.text_chars[root] : 0;
  // (Article roots of the dev pages: 7% to 14% link text; story lists
  // carry a link per teaser.)
  const bool root_links =
      root_text > 0 && info.link_chars[root] * 10 > root_text * 3;
  if (page_text > 0 && page_links * 2 > page_text &&
      out->text.size() * 4 < page_text &&
      (out->text.size() < 200 || root_links)) {
    out->warnings.push_back(
        "the page is mostly links (" +
        std::to_string(page_links * 100 / page_text) +
        "% of its text): it looks like an index or a front page, not an "
        "article");
  }
}

// Warns when the page stops mid-text or mid-tag without </body> or
// </html>. HTML lets a page omit them, so a page without them is truncated
// only when it also stops mid-tag or mid-text.
void WarnTruncated(std::string_view html, HtmlArticle* out) {
  const bool opened = FindNoCase(html, "<body") != std::string_view::npos ||
                      FindNoCase(html, "<html") != std::string_view::npos;
  const size_t tail_from = html.size() > 65536 ? html.size() - 65536 : 0;
  const std::string_view tail = html.substr(tail_from);
  size_t page_end = html.size();
  while (page_end > 0 && IsAsciiSpace(html[page_end - 1])) --page_end;
  const bool ends_with_tag = page_end > 0 && html[page_end - 1] == '>';
  if (opened && !ends_with_tag &&
      FindNoCase(tail, "</body") == std::string_view::npos &&
      FindNoCase(tail, "</html") == std::string_view::npos) {
    out->warnings.push_back(
        "the page looks truncated (it stops mid-text or mid-tag, without "
        "</body> or </html>); the article may be incomplete");
  }
}

// Finds the article's container: the best-scored element, or the page's
// own article markup; then its prose siblings. Returns the method.
std::string FindArticleRoot(const std::vector<Block>& blocks,
                            ArticleTree* tree) {
  tree->good_chars = CountGoodChars(blocks);
  tree->root = ClimbToWrapper(BestScoredContainer(blocks, tree->info), *tree);
  const std::string method = PreferMarkedUpArticle(tree);
  WidenToEnclosingArticle(method, tree);
  if (method == "content-score") AddProseSiblings(tree);
  tree->root_chars = tree->root ? tree->info.text_chars[tree->root] : 0;
  return method;
}

// ExtractHtmlArticle, inside the extractor's namespace.
HtmlArticle Extract(std::string_view html) {
  HtmlArticle out;
  // HTML tree construction looks through the open elements at each tag, so
  // a page nested hundreds of thousands deep (broken or hostile) would
  // take minutes: such pages are refused before parsing.
  if (const size_t depth = EstimateNesting(html); depth > kMaxNesting) {
    out.warnings.push_back(
        "its markup is nested about " + std::to_string(depth) +
        " elements deep (the limit is " + std::to_string(kMaxNesting) +
        "); it was not parsed");
    return out;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* parsed =
      gumbo_parse_with_options(&options, html.data(), html.size());
  struct Destroyer {
    GumboOptions* options;
    void operator()(GumboOutput* o) const { gumbo_destroy_output(options, o); }
  };
  std::unique_ptr<GumboOutput, Destroyer> guard(parsed, Destroyer{&options});

  PageInfo info;
  bool too_deep = false;
  std::vector<Block> blocks = WalkPage(parsed->root, html, &info, &too_deep);
  if (too_deep) {
    out.warnings.push_back("markup nested deeper than " +
                           std::to_string(kMaxWalkDepth) +
                           " elements; the text below that depth is ignored");
  }
  const JsonLdArticle ld = ReadPageJsonLd(info);

  ArticleTree tree(&info);
  out.method = FindArticleRoot(blocks, &tree);
  MarkArticleBlocks(&tree, &blocks);
  DropEmptyHeadings(&blocks);
  CrossCheckWithJsonLd(ld, tree, &blocks);

  const Headline headline = FindHeadline(blocks, ld, tree);
  AppendHeadline(headline, &out);
  const size_t kept_chars = AppendKeptBlocks(blocks, headline, tree, &out);
  // Pages that render the article with script carry it only in JSON-LD.
  if (ld.body.size() > 2 * kept_chars + 200) {
    UseJsonLdBody(html, ld, headline, &out);
  }
  out.metadata = FindMetadata(blocks, ld, headline, tree);
  WarnMostlyLinks(tree, parsed->root, &out);
  WarnTruncated(html, &out);
  return out;
}

}  // namespace
}  // namespace crossalign::internal::html

namespace crossalign::internal {

HtmlArticle ExtractHtmlArticle(std::string_view html) {
  return html::Extract(html);
}

}  // namespace crossalign::internal
