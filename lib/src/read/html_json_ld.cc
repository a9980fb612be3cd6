// The JSON-LD (schema.org) article of a page, read with the library's JSON
// parser (io/json_parse.h).
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_parse.h"
#include "read/html_page.h"

namespace crossalign::internal::html {

namespace {

using nlohmann::json;

// How deep @graph and arrays are searched for the article object.
constexpr int kMaxObjectDepth = 8;

// Pages' JSON-LD is often not strict JSON inside its strings: raw line
// breaks and tabs in articleBody, \b and \f, \u0000, lone UTF-16 surrogate
// escapes. Rewrites those so the strict parser takes them: raw control
// characters are escaped (the value keeps them), \b and \f become spaces,
// \u0000 and a lone surrogate become U+FFFD. Everything else is unchanged.
std::string LenientStrings(std::string_view s) {
  auto is_hex4 = [&](size_t at) {
    if (at + 4 > s.size()) return false;
    for (size_t k = at; k < at + 4; ++k) {
      if (!std::isxdigit(static_cast<unsigned char>(s[k]))) return false;
    }
    return true;
  };
  auto hex4 = [&](size_t at) {
    return static_cast<uint32_t>(
        std::stoul(std::string(s.substr(at, 4)), nullptr, 16));
  };
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!in_string) {
      in_string = c == '"';
      out.push_back(c);
      continue;
    }
    if (c == '"') {
      in_string = false;
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kHex[(c >> 4) & 0xF]);
      out.push_back(kHex[c & 0xF]);
    } else if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
    } else if (s[i + 1] == 'b' || s[i + 1] == 'f') {
      out.push_back(' ');
      ++i;
    } else if (s[i + 1] == 'u' && is_hex4(i + 2)) {
      const uint32_t cp = hex4(i + 2);
      const bool high = cp >= 0xD800 && cp < 0xDC00;
      const bool paired = high && i + 12 <= s.size() && s[i + 6] == '\\' &&
                          s[i + 7] == 'u' && is_hex4(i + 8) &&
                          hex4(i + 8) >= 0xDC00 && hex4(i + 8) < 0xE000;
      if (paired) {
        out.append(s.substr(i, 12));
        i += 11;
      } else if (cp == 0 || (cp >= 0xD800 && cp < 0xE000)) {
        out += "\\ufffd";
        // A high surrogate before another \u escape takes it along.
        i += (high && i + 12 <= s.size() && s[i + 6] == '\\' &&
              s[i + 7] == 'u' && is_hex4(i + 8))
                 ? 11
                 : 5;
      } else {
        out.append(s.substr(i, 6));
        i += 5;
      }
    } else {
      out.append(s.substr(i, 2));
      ++i;
    }
  }
  return out;
}

const json* Get(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

// The text of a JSON-LD value that may be a string, an object with a name,
// @id or @value, or an array of those (the first that has one). Numbers,
// booleans and null give their JSON text.
std::string JsonText(const json* v, const char* key = "name") {
  if (v == nullptr) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_primitive()) return v->dump();
  if (v->is_array()) {
    for (const json& item : *v) {
      std::string s = JsonText(&item, key);
      if (!s.empty()) return s;
    }
    return "";
  }
  if (v->is_object()) {
    for (const char* k : {key, "@value", "@id", "url"}) {
      if (const std::string* x = JsonStringMember(*v, k)) return *x;
    }
  }
  return "";
}

bool IsArticleType(const json& obj) {
  const json* type = Get(obj, "@type");
  if (type == nullptr) return false;
  std::vector<std::string> types;
  if (type->is_string()) types.push_back(type->get<std::string>());
  if (type->is_array()) {
    for (const json& t : *type) {
      if (t.is_string()) types.push_back(t.get<std::string>());
    }
  }
  for (const std::string& t : types) {
    if (t.find("Article") != std::string::npos || t == "BlogPosting" ||
        t == "Report" || t == "LiveBlogPosting") {
      return true;
    }
  }
  return false;
}

void CollectObjects(const json& v, std::vector<const json*>* out, int depth) {
  if (depth > kMaxObjectDepth) return;
  if (v.is_array()) {
    for (const json& item : v) CollectObjects(item, out, depth + 1);
  } else if (v.is_object()) {
    out->push_back(&v);
    if (const json* graph = Get(v, "@graph")) {
      CollectObjects(*graph, out, depth + 1);
    }
  }
}

}  // namespace

void ReadJsonLd(std::string_view script, size_t begin, size_t end,
                JsonLdArticle* art) {
  // Some CMSs wrap the JSON in a CDATA section or comment.
  const size_t open = script.find_first_of("{[");
  if (open == std::string_view::npos) return;
  StatusOr<json> parsed = ParseJsonPrefix(LenientStrings(script.substr(open)));
  if (!parsed.ok()) return;
  const json& root = *parsed;
  std::vector<const json*> objects;
  CollectObjects(root, &objects, 0);
  std::map<std::string, const json*> by_id;
  for (const json* o : objects) {
    if (const std::string* id = JsonStringMember(*o, "@id")) by_id[*id] = o;
  }
  for (const json* o : objects) {
    if (!IsArticleType(*o)) continue;
    const std::string type = JsonText(Get(*o, "@type"));
    const bool news = type.find("News") != std::string::npos;
    if (art->found && (art->news || !news)) continue;
    JsonLdArticle a;
    a.found = true;
    a.news = news;
    a.headline = JsonText(Get(*o, "headline"));
    if (a.headline.empty()) a.headline = JsonText(Get(*o, "name"));
    a.body = JsonText(Get(*o, "articleBody"));
    a.date = JsonText(Get(*o, "datePublished"));
    if (a.date.empty()) a.date = JsonText(Get(*o, "dateCreated"));
    a.lang = JsonText(Get(*o, "inLanguage"), "alternateName");
    a.url = JsonText(Get(*o, "url"), "@id");
    if (a.url.empty()) a.url = JsonText(Get(*o, "mainEntityOfPage"), "@id");
    const json* pub = Get(*o, "publisher");
    if (pub && pub->is_array() && !pub->empty()) pub = &(*pub)[0];
    if (pub && pub->is_object() && Get(*pub, "name") == nullptr) {
      const std::string id = JsonText(Get(*pub, "@id"));
      if (by_id.count(id)) pub = by_id[id];
    }
    a.publisher = JsonText(pub);
    a.script_begin = begin;
    a.script_end = end;
    *art = std::move(a);
  }
}

}  // namespace crossalign::internal::html
