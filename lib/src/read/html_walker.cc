// The walk over the page tree that turns it into text blocks, with the
// page facts found on the way (meta tags, JSON-LD scripts, <h1>s, <time>s).
#include <gumbo.h>

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/unicode_text.h"
#include "base/utf8.h"
#include "read/html_page.h"

namespace crossalign::internal::html {

// Ends like a sentence (in any script).
bool EndsLikeSentence(std::string_view text) {
  static const char* const kEnds[] = {".",
                                      "!",
                                      "?",
                                      ":",
                                      "\"",
                                      "\xC2\xBB",
                                      "\xE2\x80\x9D",
                                      "\xE2\x80\xA6",
                                      ")",
                                      "\xE3\x80\x82",
                                      "\xEF\xBC\x81",
                                      "\xEF\xBC\x9F",
                                      "\xE2\x80\x9C",
                                      "'",
                                      "\xE2\x80\x99"};
  for (const char* e : kEnds) {
    const size_t n = std::strlen(e);
    if (text.size() >= n && text.substr(text.size() - n) == e) return true;
  }
  return false;
}

namespace {

// The page text and where each piece of it came from, built block by block.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::string_view html) : html_(html) {}

  std::vector<Block>& blocks() { return blocks_; }

  void Start(const GumboNode* container, BlockKind kind, int heading) {
    Finish();
    current_.container = container;
    current_.kind = kind;
    current_.heading = heading;
  }

  // Closes the current block and makes `container` (the element being
  // left) the container of what follows until the next block starts.
  void Resume(const GumboNode* container) {
    Finish();
    current_.container = container;
    current_.kind = BlockKind::kOther;
    current_.heading = 0;
  }

  void Break(const GumboNode* br) {
    // <br><br> (white space between allowed) ends a paragraph.
    if (current_.ends_with_br) {
      const GumboNode* c = current_.container;
      const BlockKind kind = current_.kind;
      const int heading = current_.heading;
      Start(c, kind, heading);
      return;
    }
    while (!current_.text.empty() && current_.text.back() == ' ') Pop();
    if (!current_.text.empty()) {
      const size_t at = br->v.element.start_pos.offset;
      Emit("\n", at, at + br->v.element.original_tag.length);
    }
    current_.ends_with_br = true;
  }

  // Appends a text node, collapsing white space and mapping every byte to
  // the page.
  void Text(const GumboNode* node, bool in_link, bool in_emphasis) {
    const GumboText& t = node->v.text;
    const std::string_view decoded(t.text);
    const char* raw_data = t.original_text.data;
    size_t raw_len = t.original_text.length;
    size_t base = 0;
    if (raw_data != nullptr && raw_data >= html_.data() &&
        raw_data + raw_len <= html_.data() + html_.size()) {
      base = static_cast<size_t>(raw_data - html_.data());
    } else {
      raw_data = nullptr;
      raw_len = 0;
      base = t.start_pos.offset <= html_.size() ? t.start_pos.offset : 0;
    }
    const std::string_view raw(raw_data ? raw_data : "", raw_len);
    size_t i = 0, j = 0;
    while (i < decoded.size()) {
      const size_t n =
          std::min(Utf8SequenceLength(static_cast<unsigned char>(decoded[i])),
                   decoded.size() - i);
      const std::string_view ch = decoded.substr(i, n);
      size_t src_begin = base + j, src_end = base + j;
      // A character reference, or a literal '&' ("AT&T").
      const bool reference =
          j + 1 < raw.size() && raw[j] == '&' &&
          (std::isalnum(static_cast<unsigned char>(raw[j + 1])) ||
           raw[j + 1] == '#') &&
          (ch != "&" || StartsWithNoCase(raw.substr(j), "&amp") ||
           raw.substr(j, 4) == "&#38" ||
           StartsWithNoCase(raw.substr(j), "&#x26"));
      if (!reference && j < raw.size() && raw.substr(j, n) == ch) {
        src_end = base + j + n;
        j += n;
      } else if (j < raw.size() && raw[j] == '\r') {
        const size_t len = (j + 1 < raw.size() && raw[j + 1] == '\n') ? 2 : 1;
        src_end = base + j + len;
        j += len;
      } else if (reference) {
        size_t k = j + 1;
        while (k < raw.size() && k - j < 40 &&
               (std::isalnum(static_cast<unsigned char>(raw[k])) ||
                raw[k] == '#')) {
          ++k;
        }
        if (k < raw.size() && raw[k] == ';') ++k;
        src_end = base + k;
        j = k;
      } else if (j < raw.size()) {
        // Out of step (a NUL the parser replaced): find the character a
        // little further on, else take one byte.
        const size_t ahead = raw.substr(j, 16).find(ch);
        if (ahead != std::string_view::npos && ahead > 0) {
          src_begin = base + j + ahead;
          src_end = src_begin + n;
          j += ahead + n;
        } else {
          src_end = base + j + 1;
          ++j;
        }
      }
      i += n;
      const bool space = n == 1 && IsAsciiSpace(ch[0]);
      if (space) {
        if (current_.text.empty() || current_.text.back() == ' ' ||
            current_.text.back() == '\n') {
          continue;
        }
        Emit(" ", src_begin, src_end);
      } else {
        current_.ends_with_br = false;
        Emit(ch, src_begin, src_end);
        if (in_link) current_.link_chars += n;
        current_.solid_chars += n;
        if (in_emphasis) current_.emphasis_chars += n;
      }
    }
  }

  void Finish() {
    while (!current_.text.empty() &&
           (current_.text.back() == ' ' || current_.text.back() == '\n')) {
      Pop();
    }
    if (!current_.text.empty()) {
      if ((current_.kind == BlockKind::kOther ||
           current_.kind == BlockKind::kParagraph) &&
          current_.emphasis_chars == current_.solid_chars &&
          current_.text.size() <= 300 && current_.link_chars == 0 &&
          !EndsLikeSentence(current_.text)) {
        current_.kind = BlockKind::kHeading;
        current_.heading = kEmphasisHeading;
      }
      blocks_.push_back(std::move(current_));
    }
    current_ = Block();
  }

 private:
  void Emit(std::string_view s, size_t src_begin, size_t src_end) {
    const size_t at = current_.text.size();
    current_.text.append(s);
    std::vector<SourceRun>& runs = current_.runs;
    if (!runs.empty()) {
      SourceRun& last = runs.back();
      const bool last_copy = last.text_end - last.text_begin ==
                             last.source_end - last.source_begin;
      if (last_copy && s.size() == src_end - src_begin && last.text_end == at &&
          last.source_end == src_begin) {
        last.text_end += s.size();
        last.source_end = src_end;
        return;
      }
    }
    runs.push_back({at, at + s.size(), src_begin, src_end});
  }

  // Removes the last byte of the current block and its mapping (only ever
  // a space or a newline, each one run byte).
  void Pop() {
    current_.text.pop_back();
    std::vector<SourceRun>& runs = current_.runs;
    if (runs.empty()) return;
    SourceRun& last = runs.back();
    if (last.text_end > current_.text.size()) {
      const bool copy = last.text_end - last.text_begin ==
                        last.source_end - last.source_begin;
      last.text_end = current_.text.size();
      if (copy)
        last.source_end = last.source_begin + (last.text_end - last.text_begin);
      if (last.text_end <= last.text_begin) runs.pop_back();
    }
  }

  std::string_view html_;
  std::vector<Block> blocks_;
  Block current_;
};

std::string NodeText(const GumboNode* node, int depth = 0) {
  if (depth > 200) return "";
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    return node->v.text.text;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  std::string out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    out += NodeText(static_cast<const GumboNode*>(children.data[i]), depth + 1);
  }
  return out;
}

class Walker {
 public:
  Walker(std::string_view html, PageInfo* info) : builder_(html), info_(info) {}

  void Walk(const GumboNode* node, int depth, bool in_link, bool in_head,
            bool in_emphasis = false) {
    if (depth > kMaxWalkDepth) {
      too_deep_ = true;
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      if (in_head) return;
      const size_t before = builder_.blocks().size();
      (void)before;
      builder_.Text(node, in_link, in_emphasis);
      const size_t n = std::strlen(node->v.text.text);
      for (const GumboNode* p = node->parent; p != nullptr; p = p->parent) {
        info_->text_chars[p] += n;
        if (in_link) info_->link_chars[p] += n;
      }
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    const GumboTag tag = e.tag;
    const std::string name = TagName(node);
    Meta(node, tag, name);
    if (tag == GUMBO_TAG_HEAD || in_head) {
      // Only metadata there.
      for (unsigned i = 0; i < e.children.length; ++i) {
        Walk(static_cast<const GumboNode*>(e.children.data[i]), depth + 1,
             false, true);
      }
      return;
    }
    if (IsSkippedTag(tag) || IsHiddenElement(node, name)) return;
    if (!IsBlockTag(tag) && IsInlineChrome(node)) return;
    if (tag == GUMBO_TAG_BR) {
      builder_.Break(node);
      return;
    }
    if (tag == GUMBO_TAG_H1) info_->h1s.push_back(node);
    if (tag == GUMBO_TAG_ARTICLE) info_->articles.push_back(node);
    if (tag == GUMBO_TAG_MAIN || ToLower(Attr(node, "role")) == "main") {
      info_->mains.push_back(node);
    }
    if (ToLower(Attr(node, "itemprop")) == "articlebody") {
      info_->bodies.push_back(node);
    }
    const bool block = IsBlockTag(tag);
    if (block) {
      BlockKind kind = BlockKind::kOther;
      const int level = HeadingLevel(tag);
      if (level) kind = BlockKind::kHeading;
      if (tag == GUMBO_TAG_P) kind = BlockKind::kParagraph;
      if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
        kind = BlockKind::kListItem;
      }
      if (tag == GUMBO_TAG_BLOCKQUOTE) kind = BlockKind::kQuote;
      builder_.Start(node, kind, level);
    }
    const bool link = in_link || tag == GUMBO_TAG_A;
    bool emphasis = in_emphasis || tag == GUMBO_TAG_B ||
                    tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_BIG;
    if (tag == GUMBO_TAG_FONT) {
      const std::string size = TrimAscii(Attr(node, "size"));
      emphasis |= size == "4" || size == "5" || size == "6" || size == "7" ||
                  size == "+1" || size == "+2" || size == "+3";
    }
    for (unsigned i = 0; i < e.children.length; ++i) {
      Walk(static_cast<const GumboNode*>(e.children.data[i]), depth + 1, link,
           in_head, emphasis);
    }
    if (block) builder_.Resume(node->parent);
  }

  void Finish() { builder_.Finish(); }
  std::vector<Block>& blocks() { return builder_.blocks(); }
  bool too_deep() const { return too_deep_; }

 private:
  void Meta(const GumboNode* node, GumboTag tag, const std::string& name) {
    (void)name;
    if (tag == GUMBO_TAG_HTML) {
      info_->html_lang = Attr(node, "lang");
      if (info_->html_lang.empty()) info_->html_lang = Attr(node, "xml:lang");
    } else if (tag == GUMBO_TAG_META) {
      std::string key = ToLower(Attr(node, "property"));
      if (key.empty()) key = ToLower(Attr(node, "name"));
      if (key.empty()) key = ToLower(Attr(node, "itemprop"));
      const GumboAttribute* content =
          gumbo_get_attribute(&node->v.element.attributes, "content");
      if (!key.empty() && content != nullptr && !info_->meta.count(key)) {
        info_->meta[key] = TrimAscii(content->value);
        const size_t b = content->value_start.offset;
        info_->meta_pos[key] = {b, b + content->original_value.length};
      }
    } else if (tag == GUMBO_TAG_LINK) {
      for (const std::string& rel : AttrWords(Attr(node, "rel"))) {
        if (rel == "canonical" && info_->canonical.empty()) {
          info_->canonical = TrimAscii(Attr(node, "href"));
        }
      }
    } else if (tag == GUMBO_TAG_TITLE && info_->title_tag.empty()) {
      info_->title_tag = CollapseWhitespace(NodeText(node));
    } else if (tag == GUMBO_TAG_SCRIPT &&
               ToLower(TrimAscii(Attr(node, "type"))) ==
                   "application/ld+json") {
      const GumboVector& c = node->v.element.children;
      if (c.length > 0) {
        const auto* t = static_cast<const GumboNode*>(c.data[0]);
        if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_WHITESPACE ||
            t->type == GUMBO_NODE_CDATA) {
          info_->ld_scripts.emplace_back(t->v.text.text);
          const size_t b = t->v.text.start_pos.offset;
          info_->ld_pos.emplace_back(b, b + t->v.text.original_text.length);
        }
      }
    } else if (tag == GUMBO_TAG_TIME) {
      // The machine-readable datetime, else the element's own text.
      std::string dt = TrimAscii(Attr(node, "datetime"));
      if (dt.empty()) dt = CollapseWhitespace(NodeText(node));
      if (!dt.empty() && dt.size() <= 64) info_->times.emplace_back(node, dt);
    }
    if (node->type == GUMBO_NODE_ELEMENT &&
        ToLower(Attr(node, "itemprop")) == "datepublished") {
      std::string v = TrimAscii(Attr(node, "datetime"));
      if (v.empty()) v = TrimAscii(Attr(node, "content"));
      if (!v.empty() && !info_->meta.count("itemprop:datepublished")) {
        info_->meta["itemprop:datepublished"] = v;
      }
    }
  }

  BlockBuilder builder_;
  PageInfo* info_;
  bool too_deep_ = false;
};

}  // namespace

std::vector<Block> WalkPage(const GumboNode* root, std::string_view html,
                            PageInfo* info, bool* too_deep) {
  Walker walker(html, info);
  walker.Walk(root, 0, false, false);
  walker.Finish();
  *too_deep = walker.too_deep();
  return std::move(walker.blocks());
}

}  // namespace crossalign::internal::html
