// Page sniffing and charsets: whether bytes are an HTML page, the charset
// it declares and the ICU converter for it, and the ASCII helpers for markup.
#include <unicode/ucnv.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "read/html_article_extractor.h"
#include "read/html_page.h"

namespace crossalign::internal::html {

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

size_t FindNoCase(std::string_view s, std::string_view needle, size_t from) {
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

}  // namespace crossalign::internal::html

namespace crossalign::internal {

using html::FindNoCase;
using html::IsAsciiSpace;
using html::SniffPrefix;
using html::StartsWithNoCase;
using html::ToLower;
using html::TrimAscii;

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

}  // namespace crossalign::internal
