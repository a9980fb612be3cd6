// Element tests and page chrome: which tags hold no article text, which
// class and id words mark navigation, share bars, ads and the like.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "read/html_page.h"

namespace crossalign::internal::html {

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

namespace {

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

}  // namespace

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

}  // namespace crossalign::internal::html
