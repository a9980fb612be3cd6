#include "base/json_string.h"

#include <cstdio>

#include "base/utf8.h"

namespace crossalign::internal {

std::string JsonString(std::string_view raw) {
  const std::string text = ReplaceInvalidUtf8(raw);
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out.push_back(ch);
        }
    }
  }
  return out + "\"";
}

}  // namespace crossalign::internal
