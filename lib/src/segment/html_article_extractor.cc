#include "segment/html_article_extractor.h"

#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "text/unicode_text.h"
#include "text/utf8.h"

namespace crossalign::internal {
namespace {

// ---------------------------------------------------------------- helpers

char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string TrimAscii(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsAsciiSpace(s[b])) ++b;
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view s, std::string_view needle,
                  size_t from = 0) {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (StartsWithNoCase(s.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// The ASCII bytes of the start of a page, with UTF-16 code units narrowed,
// for sniffing.
std::string SniffPrefix(std::string_view bytes, size_t limit) {
  std::string out;
  size_t step = 1, start = 0;
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    step = 2;
    start = bytes[0] == '\xFF' ? 2 : 3;
  } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    start = 3;
  }
  for (size_t i = start; i < bytes.size() && out.size() < limit; i += step) {
    out.push_back(bytes[i]);
  }
  return out;
}

// ---------------------------------------------------------------- JSON

// Just enough JSON for JSON-LD: strings, arrays and objects; numbers,
// booleans and null are kept as their text.
struct Json {
  enum Kind { kNull, kScalar, kString, kArray, kObject } kind = kNull;
  std::string str;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* Get(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}

  bool Parse(Json* out) {
    SkipSpace();
    return Value(out, 0);
  }

 private:
  static constexpr int kMaxDepth = 64;

  void SkipSpace() {
    while (pos_ < s_.size() && IsAsciiSpace(s_[pos_])) ++pos_;
  }

  bool Hex4(uint32_t* v) {
    if (pos_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[pos_++];
      *v <<= 4;
      if (c >= '0' && c <= '9') {
        *v |= static_cast<uint32_t>(c - '0');
      } else if (Lower(c) >= 'a' && Lower(c) <= 'f') {
        *v |= static_cast<uint32_t>(Lower(c) - 'a' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  bool String(std::string* out) {
    ++pos_;  // the opening quote
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);  // raw control characters are tolerated
        continue;
      }
      if (pos_ >= s_.size()) return false;
      const char e = s_[pos_++];
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
        case 'f':
          out->push_back(' ');
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && pos_ + 6 <= s_.size() &&
              s_[pos_] == '\\' && s_[pos_ + 1] == 'u') {
            pos_ += 2;
            uint32_t low = 0;
            if (!Hex4(&low)) return false;
            cp = (low >= 0xDC00 && low < 0xE000)
                     ? 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                     : 0xFFFD;
          } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
          }
          AppendUtf8(cp == 0 ? 0xFFFD : cp, out);
          break;
        }
        default:
          out->push_back(e);
      }
    }
    return false;
  }

  bool Value(Json* out, int depth) {
    if (depth > kMaxDepth || pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '"') {
      out->kind = Json::kString;
      return String(&out->str);
    }
    if (c == '[' || c == '{') {
      const bool object = c == '{';
      out->kind = object ? Json::kObject : Json::kArray;
      ++pos_;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == (object ? '}' : ']')) {
        ++pos_;
        return true;
      }
      while (pos_ < s_.size()) {
        SkipSpace();
        if (object) {
          if (pos_ >= s_.size() || s_[pos_] != '"') return false;
          std::string key;
          if (!String(&key)) return false;
          SkipSpace();
          if (pos_ >= s_.size() || s_[pos_] != ':') return false;
          ++pos_;
          SkipSpace();
          out->members.emplace_back(std::move(key), Json());
          if (!Value(&out->members.back().second, depth + 1)) return false;
        } else {
          out->items.emplace_back();
          if (!Value(&out->items.back(), depth + 1)) return false;
        }
        SkipSpace();
        if (pos_ >= s_.size()) return false;
        if (s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (s_[pos_] == (object ? '}' : ']')) {
          ++pos_;
          return true;
        }
        return false;
      }
      return false;
    }
    // A number, true, false or null.
    const size_t start = pos_;
    while (pos_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
            s_[pos_] == '-' || s_[pos_] == '+' || s_[pos_] == '.')) {
      ++pos_;
    }
    if (pos_ == start) return false;
    out->kind = Json::kScalar;
    out->str = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// The text of a JSON-LD value that may be a string, an object with a name,
// @id or @value, or an array of those (the first that has one).
std::string JsonText(const Json* v, const char* key = "name") {
  if (v == nullptr) return "";
  if (v->kind == Json::kString || v->kind == Json::kScalar) return v->str;
  if (v->kind == Json::kArray) {
    for (const Json& item : v->items) {
      std::string s = JsonText(&item, key);
      if (!s.empty()) return s;
    }
    return "";
  }
  if (v->kind == Json::kObject) {
    for (const char* k : {key, "@value", "@id", "url"}) {
      if (const Json* x = v->Get(k); x && x->kind == Json::kString) {
        return x->str;
      }
    }
  }
  return "";
}

bool IsArticleType(const Json& obj) {
  const Json* type = obj.Get("@type");
  if (type == nullptr) return false;
  std::vector<std::string> types;
  if (type->kind == Json::kString) types.push_back(type->str);
  for (const Json& t : type->items) {
    if (t.kind == Json::kString) types.push_back(t.str);
  }
  for (const std::string& t : types) {
    if (t.find("Article") != std::string::npos || t == "BlogPosting" ||
        t == "Report" || t == "LiveBlogPosting") {
      return true;
    }
  }
  return false;
}

struct JsonLdArticle {
  bool found = false;
  bool news = false;
  std::string headline, body, date, lang, url, publisher;
  size_t script_begin = 0, script_end = 0;  // where its script is
};

void CollectObjects(const Json& v, std::vector<const Json*>* out, int depth) {
  if (depth > 8) return;
  if (v.kind == Json::kArray) {
    for (const Json& item : v.items) CollectObjects(item, out, depth + 1);
  } else if (v.kind == Json::kObject) {
    out->push_back(&v);
    if (const Json* graph = v.Get("@graph")) {
      CollectObjects(*graph, out, depth + 1);
    }
  }
}

// Reads the article object of one JSON-LD script into *art when it is the
// first found or a better one (a NewsArticle beats a generic Article).
void ReadJsonLd(std::string_view script, size_t begin, size_t end,
                JsonLdArticle* art) {
  // Some CMSs wrap the JSON in a CDATA section or comment.
  const size_t open = script.find_first_of("{[");
  if (open == std::string_view::npos) return;
  Json root;
  JsonParser parser(script.substr(open));
  if (!parser.Parse(&root)) return;
  std::vector<const Json*> objects;
  CollectObjects(root, &objects, 0);
  std::map<std::string, const Json*> by_id;
  for (const Json* o : objects) {
    if (const Json* id = o->Get("@id"); id && id->kind == Json::kString) {
      by_id[id->str] = o;
    }
  }
  for (const Json* o : objects) {
    if (!IsArticleType(*o)) continue;
    const std::string type = JsonText(o->Get("@type"));
    const bool news = type.find("News") != std::string::npos;
    if (art->found && (art->news || !news)) continue;
    JsonLdArticle a;
    a.found = true;
    a.news = news;
    a.headline = JsonText(o->Get("headline"));
    if (a.headline.empty()) a.headline = JsonText(o->Get("name"));
    a.body = JsonText(o->Get("articleBody"));
    a.date = JsonText(o->Get("datePublished"));
    if (a.date.empty()) a.date = JsonText(o->Get("dateCreated"));
    a.lang = JsonText(o->Get("inLanguage"), "alternateName");
    a.url = JsonText(o->Get("url"), "@id");
    if (a.url.empty()) a.url = JsonText(o->Get("mainEntityOfPage"), "@id");
    const Json* pub = o->Get("publisher");
    if (pub && pub->kind == Json::kArray && !pub->items.empty()) {
      pub = &pub->items[0];
    }
    if (pub && pub->kind == Json::kObject && pub->Get("name") == nullptr) {
      const std::string id = JsonText(pub->Get("@id"));
      if (by_id.count(id)) pub = by_id[id];
    }
    a.publisher = JsonText(pub);
    a.script_begin = begin;
    a.script_end = end;
    *art = std::move(a);
  }
}

// ---------------------------------------------------------------- DOM

std::string TagName(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
    return "";
  }
  const GumboElement& e = node->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  if (piece.data == nullptr || piece.length == 0) return "";
  gumbo_tag_from_original_text(&piece);
  return ToLower(std::string_view(piece.data, piece.length));
}

std::string Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string(a->value) : std::string();
}

bool HasAttr(const GumboNode* node, const char* name) {
  return node->type == GUMBO_NODE_ELEMENT &&
         gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

// Elements whose content is never article text.
bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_UNKNOWN:  // custom elements: keep their text apart
      return true;
    default:
      return false;
  }
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

// Words of class and id values that mark page chrome. Matched against the
// words of a class or id split at '-', '_' and case changes are ignored.
const std::set<std::string>& ChromeWords() {
  static const std::set<std::string> words = {
      "ad",           "ads",
      "adv",          "advert",
      "advertising",  "advertisement",
      "adslot",       "adunit",
      "sponsor",      "sponsored",
      "promo",        "promoted",
      "banner",       "nav",
      "navbar",       "navigation",
      "menu",         "breadcrumb",
      "breadcrumbs",  "share",
      "sharing",      "social",
      "sharebar",     "related",
      "recommended",  "recommendations",
      "popular",      "trending",
      "mostread",     "most",
      "newsletter",   "subscribe",
      "subscription", "signup",
      "cookie",       "cookies",
      "consent",      "gdpr",
      "comment",      "comments",
      "respond",      "disqus",
      "footer",       "sidebar",
      "widget",       "widgets",
      "ticker",       "marquee",
      "tags",         "tag",
      "byline",       "author",
      "authors",      "caption",
      "credit",       "credits",
      "dateline",     "timestamp",
      "meta",         "toolbar",
      "pagination",   "pager",
      "skip",         "hidden",
      "modal",        "popup",
      "paywall",      "outbrain",
      "taboola",      "teaser",
      "teasers",      "more",
      "print",        "sr",
      "offscreen",    "masthead",
      "topbar",       "logo",
      "search",       "login",
      "donate",       "donation",
      "livefeed",     "breaking",
      "headlines",    "rail",
      "dfp",          "gpt",
      "outstream",    "photo",
      "gallery",      "figure",
      "lightbox",     "poll",
      "rating",       "subnav",
      "crumbs",       "copyright",
      "legal",        "disclaimer",
      "readmore",     "readnext",
      "next",         "prev",
      "video",        "player",
      "embed",        "inline-ad",
      "storylist",    "feed",
      "sticky",       "overlay",
      "support",      "patron",
      "footnote",     "footnotes",
      "tweet",        "twitter",
      "instagram",    "tiktok",
      "youtube",      "contributions",
      "membership",   "appeal",
      "epic",         "banner-ad",
      "follow",       "contact",
      "about",
  };
  return words;
}

std::vector<std::string> AttrWords(const std::string& value) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(ToLower(word));
    word.clear();
  };
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (std::isalnum(static_cast<unsigned char>(c))) {
      // camelCase: "mostRead" -> "most", "read"
      if (std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
          std::islower(static_cast<unsigned char>(value[i - 1]))) {
        flush();
      }
      word.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// Whether an element is page chrome by its tag, role, class or id.
bool LooksLikeChrome(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
      tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_FORM ||
      tag == GUMBO_TAG_MENU || tag == GUMBO_TAG_FIGCAPTION ||
      tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_ADDRESS ||
      tag == GUMBO_TAG_FIELDSET) {
    return true;
  }
  const std::string role = ToLower(Attr(node, "role"));
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary" || role == "search" || role == "menu" ||
      role == "menubar" || role == "dialog" || role == "alert" ||
      role == "toolbar" || role == "marquee") {
    return true;
  }
  const std::string itemprop = ToLower(Attr(node, "itemprop"));
  if (itemprop == "author" || itemprop == "publisher" ||
      itemprop == "datepublished" || itemprop == "datemodified") {
    return true;
  }
  const std::set<std::string>& chrome = ChromeWords();
  // Long chrome words also inside run-together class names
  // ("jp-relatedposts", "sharedaddy", "mostpopular").
  static const char* const kInside[] = {
      "related",   "sharing",  "share",      "social",    "advert",
      "cookie",    "consent",  "newsletter", "comment",   "sponsor",
      "widget",    "sidebar",  "breadcrumb", "popular",   "trending",
      "recommend", "promo",    "banner",     "subscribe", "donat",
      "byline",    "caption",  "navigation", "footer",    "mostread",
      "paywall",   "outbrain", "taboola"};
  // Compound names written with separators ("sign-up-container",
  // "read_next", "ad-slot__inline").
  static const char* const kCompounds[] = {
      "signup",   "newsletter", "mostread",     "mostpopular",     "readmore",
      "readnext", "readalso",   "relatedposts", "relatedarticles", "sharebar",
      "adslot",   "adunit",     "adcontainer",  "adwrapper",       "paywall"};
  for (const char* name : {"class", "id"}) {
    std::string joined;
    for (char c : ToLower(Attr(node, name))) {
      if (c == ' ') {
        joined.push_back(' ');
      } else if (c != '-' && c != '_') {
        joined.push_back(c);
      }
    }
    for (const char* compound : kCompounds) {
      if (joined.find(compound) != std::string::npos) return true;
    }
  }
  for (const char* name : {"class", "id"}) {
    for (const std::string& w : AttrWords(Attr(node, name))) {
      if (chrome.count(w)) return true;
      if (w.size() < 6) continue;
      for (const char* inside : kInside) {
        if (w.find(inside) != std::string::npos) return true;
      }
    }
  }
  return false;
}

// Elements that are never article text, however much text they hold.
// Inline elements that are not text of their paragraph: screen-reader
// labels, kickers and badges in headlines, inline ad and share widgets.
bool IsInlineChrome(const GumboNode* node) {
  static const std::set<std::string> words = {
      "sr",     "screen", "hidden", "kicker", "eyebrow", "badge",
      "ad",     "ads",    "advert", "share",  "sharing", "visuallyhidden",
      "sronly", "tooltip"};
  for (const char* name : {"class", "id"}) {
    for (const std::string& w : AttrWords(Attr(node, name))) {
      if (words.count(w)) return true;
    }
  }
  return false;
}

bool IsHiddenElement(const GumboNode* node, const std::string& tag) {
  // AMP components (ads, menus, consent), dialogs, custom embeds.
  if (tag.rfind("amp-", 0) == 0 || tag == "dialog") return true;
  if (HasAttr(node, "hidden")) return true;
  if (ToLower(Attr(node, "aria-hidden")) == "true") return true;
  std::string style = ToLower(Attr(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsAsciiSpace),
              style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// ---------------------------------------------------------------- blocks

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kOther };

bool EndsLikeSentence(std::string_view text);

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

// Deeper markup than this is not read (a page nested this deep is broken
// or hostile; real news pages stay under 60).
constexpr int kMaxWalkDepth = 400;

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

bool IsAncestor(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* p = node; p != nullptr; p = p->parent) {
    if (p == ancestor) return true;
  }
  return false;
}

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

}  // namespace

// ---------------------------------------------------------------- public

bool LooksLikeHtml(std::string_view bytes, std::string_view name) {
  const std::string head = SniffPrefix(bytes, 4096);
  std::string_view s(head);
  for (int guard = 0; guard < 64; ++guard) {
    while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
    if (StartsWithNoCase(s, "<!--")) {
      const size_t end = s.find("-->");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 3);
    } else if (StartsWithNoCase(s, "<?xml")) {
      const size_t end = s.find("?>");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 2);
    } else {
      break;
    }
  }
  if (StartsWithNoCase(s, "<!doctype html")) return true;
  if (StartsWithNoCase(s, "<html") &&
      (s.size() == 5 || IsAsciiSpace(s[5]) || s[5] == '>')) {
    return true;
  }
  const std::string ext = ToLower(name.substr(
      std::min(name.size(), name.rfind('.') == std::string_view::npos
                                ? name.size()
                                : name.rfind('.'))));
  const bool html_ext =
      ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml";
  return html_ext && !s.empty() && s.front() == '<';
}

std::string DeclaredHtmlCharset(std::string_view bytes) {
  const std::string head = SniffPrefix(bytes, 1024);
  const std::string_view s(head);
  if (StartsWithNoCase(s, "<?xml")) {
    const size_t end = s.find("?>");
    const size_t enc = FindNoCase(s.substr(0, end), "encoding");
    if (enc != std::string_view::npos) {
      size_t p = enc + 8;
      while (p < s.size() && (IsAsciiSpace(s[p]) || s[p] == '=')) ++p;
      if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
        const char q = s[p];
        const size_t close = s.find(q, p + 1);
        if (close != std::string_view::npos) {
          return ToLower(TrimAscii(s.substr(p + 1, close - p - 1)));
        }
      }
    }
  }
  size_t pos = 0;
  while ((pos = FindNoCase(s, "<meta", pos)) != std::string_view::npos) {
    pos += 5;
    if (pos < s.size() && !IsAsciiSpace(s[pos]) && s[pos] != '/') continue;
    // The attributes up to '>'.
    std::map<std::string, std::string> attrs;
    size_t p = pos;
    while (p < s.size() && s[p] != '>') {
      while (p < s.size() && (IsAsciiSpace(s[p]) || s[p] == '/')) ++p;
      size_t k = p;
      while (k < s.size() && !IsAsciiSpace(s[k]) && s[k] != '=' &&
             s[k] != '>' && s[k] != '/') {
        ++k;
      }
      const std::string key = ToLower(s.substr(p, k - p));
      p = k;
      while (p < s.size() && IsAsciiSpace(s[p])) ++p;
      std::string value;
      if (p < s.size() && s[p] == '=') {
        ++p;
        while (p < s.size() && IsAsciiSpace(s[p])) ++p;
        if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
          const char q = s[p];
          const size_t close = s.find(q, p + 1);
          const size_t end = close == std::string_view::npos ? s.size() : close;
          value = std::string(s.substr(p + 1, end - p - 1));
          p = std::min(s.size(), end + 1);
        } else {
          size_t e2 = p;
          while (e2 < s.size() && !IsAsciiSpace(s[e2]) && s[e2] != '>') ++e2;
          value = std::string(s.substr(p, e2 - p));
          p = e2;
        }
      }
      if (key.empty()) {
        if (p < s.size() && s[p] != '>') ++p;
        continue;
      }
      attrs.emplace(key, value);
    }
    if (attrs.count("charset")) return ToLower(TrimAscii(attrs["charset"]));
    if (ToLower(TrimAscii(attrs["http-equiv"])) == "content-type") {
      const std::string content = ToLower(attrs["content"]);
      const size_t cs = content.find("charset");
      if (cs != std::string::npos) {
        size_t p2 = cs + 7;
        while (p2 < content.size() &&
               (IsAsciiSpace(content[p2]) || content[p2] == '=')) {
          ++p2;
        }
        if (p2 < content.size() && (content[p2] == '"' || content[p2] == '\''))
          ++p2;
        size_t e2 = p2;
        while (e2 < content.size() && content[e2] != ';' &&
               content[e2] != '"' && content[e2] != '\'' &&
               !IsAsciiSpace(content[e2])) {
          ++e2;
        }
        if (e2 > p2) return content.substr(p2, e2 - p2);
      }
    }
  }
  return "";
}

std::string HtmlCharsetToConverter(const std::string& label) {
  const std::string l = ToLower(TrimAscii(label));
  if (l.empty()) return "";
  static const std::map<std::string, std::string> kAliases = {
      {"utf-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"},
      // A page that says UTF-16 in its own 8-bit text is not UTF-16.
      {"utf-16", "UTF-8"},
      {"utf-16le", "UTF-8"},
      {"utf-16be", "UTF-8"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"x-user-defined", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"iso-8859-11", "windows-874"},
      {"tis-620", "windows-874"},
      {"gb2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"gb18030", "GB18030"},
      {"euc-kr", "windows-949"},
      {"ks_c_5601-1987", "windows-949"},
      {"shift_jis", "windows-31j"},
      {"sjis", "windows-31j"},
      {"x-sjis", "windows-31j"},
      {"ms932", "windows-31j"},
      {"windows-31j", "windows-31j"},
      {"koi8-r", "KOI8-U"},
      {"koi8", "KOI8-U"},
      {"koi8-u", "KOI8-U"},
      {"koi8-ru", "KOI8-U"},
  };
  auto it = kAliases.find(l);
  std::string name = it != kAliases.end() ? it->second : l;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) {
    // Fall back to the plain label where ICU lacks the WHATWG superset.
    if (name != l) {
      err = U_ZERO_ERROR;
      conv = ucnv_open(l.c_str(), &err);
      name = l;
    }
    if (U_FAILURE(err) || conv == nullptr) return "";
  }
  ucnv_close(conv);
  return name;
}

std::vector<size_t> Utf8ToSourceOffsets(std::string_view source,
                                        const std::string& encoding,
                                        size_t utf8_size) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(encoding.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) return {};
  std::vector<UChar> units(source.size() * 2 + 16);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* src = source.data();
  ucnv_toUnicode(conv, &target, units.data() + units.size(), &src,
                 source.data() + source.size(), offsets.data(), true, &err);
  ucnv_close(conv);
  if (U_FAILURE(err)) return {};
  const size_t n = static_cast<size_t>(target - units.data());
  std::vector<size_t> map;
  map.reserve(utf8_size + 1);
  for (size_t i = 0; i < n; ++i) {
    uint32_t cp = units[i];
    const size_t at = offsets[i] >= 0 ? static_cast<size_t>(offsets[i])
                      : map.empty()   ? 0
                                      : map.back();
    if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && units[i + 1] >= 0xDC00 &&
        units[i + 1] < 0xE000) {
      ++i;
      cp = 0x10000;
    } else if (cp >= 0xD800 && cp < 0xE000) {
      cp = 0xFFFD;
    }
    const size_t len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    map.insert(map.end(), len, at);
  }
  if (map.size() != utf8_size) return {};
  map.push_back(source.size());
  return map;
}

namespace {

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

}  // namespace

HtmlArticle ExtractHtmlArticle(std::string_view html) {
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
  Walker walker(html, &info);
  walker.Walk(parsed->root, 0, false, false);
  walker.Finish();
  std::vector<Block>& blocks = walker.blocks();
  if (walker.too_deep()) {
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

namespace {

// Polynomial hashes of byte strings modulo two primes at once, for
// FindSubstrings. Equal hashes only make a candidate: every match is
// confirmed byte by byte, so the constants (two well-known primes and two
// arbitrary bases below them) affect only how rarely a candidate is false.
constexpr uint64_t kModA = 2147483647;  // 2^31 - 1
constexpr uint64_t kModB = 1000000007;
constexpr uint64_t kBaseA = 911382323;
constexpr uint64_t kBaseB = 972663749;

struct Poly {
  uint32_t a = 0, b = 0;
};

Poly Extend(Poly h, unsigned char c) {
  return {static_cast<uint32_t>((h.a * kBaseA + c + 1) % kModA),
          static_cast<uint32_t>((h.b * kBaseB + c + 1) % kModB)};
}

// base^n for both moduli.
Poly Power(size_t n) {
  uint64_t ra = 1, rb = 1, ba = kBaseA, bb = kBaseB;
  for (; n > 0; n >>= 1) {
    if (n & 1) ra = ra * ba % kModA, rb = rb * bb % kModB;
    ba = ba * ba % kModA;
    bb = bb * bb % kModB;
  }
  return {static_cast<uint32_t>(ra), static_cast<uint32_t>(rb)};
}

// The hashes of every prefix of a string: the hash of any piece in O(1).
class PrefixHashes {
 public:
  explicit PrefixHashes(std::string_view s) : h_(s.size() + 1) {
    for (size_t i = 0; i < s.size(); ++i) {
      h_[i + 1] = Extend(h_[i], static_cast<unsigned char>(s[i]));
    }
  }
  // The hash of s[at, at + len), with power = Power(len), as one key.
  uint64_t Piece(size_t at, size_t len, Poly power) const {
    const Poly& x = h_[at];
    const Poly& y = h_[at + len];
    const uint64_t a = (y.a + kModA - x.a * uint64_t{power.a} % kModA) % kModA;
    const uint64_t b = (y.b + kModB - x.b * uint64_t{power.b} % kModB) % kModB;
    return a << 32 | b;
  }

 private:
  std::vector<Poly> h_;
};

// The length of the pieces needles are looked for by: long enough that
// the pieces of prose are rarely shared, short enough that most blocks
// have several to choose from.
constexpr size_t kPieceBytes = 16;

}  // namespace

std::vector<bool> FindSubstrings(std::string_view text,
                                 const std::vector<std::string>& needles,
                                 size_t* work) {
  size_t steps = 0;
  std::vector<bool> found(needles.size(), false);
  // Distinct needles that fit in the text (an empty one is always found).
  std::unordered_map<std::string_view, size_t> id_of;
  std::vector<std::string_view> distinct;
  std::vector<std::vector<size_t>> users;
  for (size_t k = 0; k < needles.size(); ++k) {
    if (needles[k].empty()) {
      found[k] = true;
    } else if (needles[k].size() <= text.size()) {
      const auto [it, added] = id_of.emplace(needles[k], distinct.size());
      if (added) {
        distinct.push_back(needles[k]);
        users.emplace_back();
      }
      users[it->second].push_back(k);
    }
    steps += needles[k].size() + 1;
  }
  // Each needle's pieces: every kPieceBytes from its start, and its last
  // piece (a short needle is one piece, itself). The piece used is the one
  // the fewest needles share, so that a shared opening ("Lorem ipsum ...")
  // does not make every needle a candidate wherever it occurs.
  struct Needle {
    uint64_t hash = 0;  // of the whole needle
    Poly power;         // Power(size)
    size_t offset = 0;  // of the piece looked for
  };
  std::vector<Needle> info(distinct.size());
  std::vector<std::vector<std::pair<size_t, uint64_t>>> pieces(distinct.size());
  std::vector<std::unordered_map<uint64_t, size_t>> shared(kPieceBytes + 1);
  for (size_t id = 0; id < distinct.size(); ++id) {
    const std::string_view s = distinct[id];
    const PrefixHashes h(s);
    const size_t len = std::min(s.size(), kPieceBytes);
    const Poly power = Power(len);
    info[id].power = Power(s.size());
    info[id].hash = h.Piece(0, s.size(), info[id].power);
    for (size_t at = 0;; at += kPieceBytes) {
      if (at + len > s.size()) at = s.size() - len;
      pieces[id].emplace_back(at, h.Piece(at, len, power));
      ++shared[len][pieces[id].back().second];
      if (at + len >= s.size()) break;
    }
    steps += 2 * s.size();
  }
  // By piece length, the pieces looked for and the needles they stand for.
  std::vector<std::unordered_map<uint64_t, std::vector<size_t>>> wanted(
      kPieceBytes + 1);
  for (size_t id = 0; id < distinct.size(); ++id) {
    const size_t len = std::min(distinct[id].size(), kPieceBytes);
    const auto best =
        std::min_element(pieces[id].begin(), pieces[id].end(),
                         [&](const auto& x, const auto& y) {
                           return shared[len][x.second] < shared[len][y.second];
                         });
    info[id].offset = best->first;
    wanted[len][best->second].push_back(id);
    steps += pieces[id].size();
  }
  pieces.clear();
  shared.clear();
  // One pass over the text per piece length in use (one for needles of
  // kPieceBytes or more, one per shorter length).
  const PrefixHashes h(text);
  for (size_t len = 1; len <= kPieceBytes; ++len) {
    auto& table = wanted[len];
    if (table.empty() || len > text.size()) continue;
    const Poly power = Power(len);
    // Most pieces of the text are looked for by no needle: a bit per hash
    // (its low bits) says so without a lookup in the table. 64 bits per
    // piece looked for keep false hits near 1.5%.
    uint64_t filter_bits = 1024;
    while (filter_bits < 64 * table.size()) filter_bits *= 2;
    std::vector<bool> maybe(filter_bits);
    for (const auto& entry : table) maybe[entry.first % filter_bits] = true;
    for (size_t p = 0; p + len <= text.size() && !table.empty(); ++p) {
      ++steps;
      const uint64_t piece = h.Piece(p, len, power);
      if (!maybe[piece % filter_bits]) continue;
      const auto it = table.find(piece);
      if (it == table.end()) continue;
      std::vector<size_t>& ids = it->second;
      for (size_t i = 0; i < ids.size();) {
        ++steps;
        const size_t id = ids[i];
        const std::string_view s = distinct[id];
        const size_t start = p - info[id].offset;
        bool match = p >= info[id].offset && start + s.size() <= text.size() &&
                     h.Piece(start, s.size(), info[id].power) == info[id].hash;
        if (match) {
          steps += s.size();
          match = text.substr(start, s.size()) == s;
        }
        if (!match) {
          ++i;
          continue;
        }
        for (size_t k : users[id]) found[k] = true;
        ids[i] = ids.back();
        ids.pop_back();
      }
      if (ids.empty()) table.erase(it);
    }
  }
  if (work != nullptr) *work = steps;
  return found;
}

}  // namespace crossalign::internal
