#include "base/utf8.h"

#include <cstdint>

namespace crossalign::internal {

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  while (true) {
    const size_t bad = FindInvalidUtf8(text);
    if (bad == std::string_view::npos) break;
    out.append(text.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(bad + 1);
  }
  out.append(text);
  return out;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (char ch : text) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

size_t WhitespaceLengthAt(std::string_view text, size_t pos) {
  const auto at = [&](size_t k) {
    return static_cast<unsigned char>(text[pos + k]);
  };
  const size_t left = text.size() - pos;
  if (left == 0) return 0;
  const unsigned char c = at(0);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    return 1;
  }
  if (c == 0xC2 && left >= 2 && (at(1) == 0xA0 || at(1) == 0x85)) return 2;
  if (c == 0xE2 && left >= 3 && at(1) == 0x80 &&
      ((at(2) >= 0x80 && at(2) <= 0x8B) || at(2) == 0xA8 || at(2) == 0xA9 ||
       at(2) == 0xAF)) {
    return 3;  // U+2000..U+200B, U+2028, U+2029, U+202F
  }
  if (c == 0xE2 && left >= 3 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (c == 0xE3 && left >= 3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  if (c == 0xEF && left >= 3 && at(1) == 0xBB && at(2) == 0xBF) return 3;
  return 0;
}

namespace {
// Byte length of the white space that ends just before `end`, or 0.
size_t WhitespaceLengthBefore(std::string_view text, size_t end) {
  for (size_t len = 1; len <= 3 && len <= end; ++len) {
    if (WhitespaceLengthAt(text, end - len) == len) return len;
  }
  return 0;
}
}  // namespace

Span TrimSpan(std::string_view text, Span span) {
  while (span.begin < span.end) {
    const size_t len = WhitespaceLengthAt(text, span.begin);
    if (len == 0) break;
    span.begin += len;
  }
  while (span.end > span.begin) {
    const size_t len = WhitespaceLengthBefore(text, span.end);
    if (len == 0) break;
    span.end -= len;
  }
  if (span.end < span.begin) span.end = span.begin;
  return span;
}

std::string_view TrimWhitespace(std::string_view text) {
  const Span span = TrimSpan(text, Span{0, text.size()});
  return text.substr(span.begin, span.size());
}

void AppendUtf8(uint32_t c, std::string* out) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    const size_t len = WhitespaceLengthAt(text, i);
    if (len > 0) {
      pending_space = !out.empty();
      i += len;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string XmlSafe(std::string_view raw) {
  const std::string valid = ReplaceInvalidUtf8(raw);
  const std::string_view text = valid;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xEF && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
         static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace crossalign::internal
