#include "io/json_value.h"

#include <cstdlib>

#include "text/utf8.h"

namespace crossalign::internal {
namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Status Parse(JsonValue* out) {
    SkipSpace();
    CROSSALIGN_RETURN_IF_ERROR(Value(out, 0));
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected text after the value");
    return Status::Ok();
  }

 private:
  Status Error(const std::string& what) const {
    return InvalidArgumentError("JSON: " + what + " at byte " +
                                std::to_string(pos_ + 1));
  }

  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
            text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status Value(JsonValue* out, int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    if (pos_ >= text_.size()) return Error("expected a value, got the end");
    const char c = text_[pos_];
    if (c == '{') return Object(out, depth);
    if (c == '[') return Array(out, depth);
    if (c == '"') {
      out->type = JsonValue::Type::kString;
      return String(&out->string);
    }
    if (Literal("true")) {
      out->type = JsonValue::Type::kBool;
      out->boolean = true;
      return Status::Ok();
    }
    if (Literal("false")) {
      out->type = JsonValue::Type::kBool;
      return Status::Ok();
    }
    if (Literal("null")) {
      out->type = JsonValue::Type::kNull;
      return Status::Ok();
    }
    if (c == '-' || (c >= '0' && c <= '9')) return Number(out);
    return Error("expected a value");
  }

  Status Object(JsonValue* out, int depth) {
    out->type = JsonValue::Type::kObject;
    ++pos_;  // {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return Status::Ok();
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        return Error("expected a key in quotes");
      }
      std::string key;
      CROSSALIGN_RETURN_IF_ERROR(String(&key));
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':')
        return Error("expected ':'");
      ++pos_;
      SkipSpace();
      JsonValue value;
      CROSSALIGN_RETURN_IF_ERROR(Value(&value, depth + 1));
      out->object.emplace_back(std::move(key), std::move(value));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return Status::Ok();
      }
      return Error("expected ',' or '}'");
    }
  }

  Status Array(JsonValue* out, int depth) {
    out->type = JsonValue::Type::kArray;
    ++pos_;  // [
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return Status::Ok();
    }
    while (true) {
      SkipSpace();
      JsonValue value;
      CROSSALIGN_RETURN_IF_ERROR(Value(&value, depth + 1));
      out->array.push_back(std::move(value));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return Status::Ok();
      }
      return Error("expected ',' or ']'");
    }
  }

  Status Number(JsonValue* out) {
    const size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        ++pos_;
      }
      return pos_ > from;
    };
    if (!digits()) return Error("expected digits");
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return Error("expected digits after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
        ++pos_;
      }
      if (!digits()) return Error("expected an exponent");
    }
    out->type = JsonValue::Type::kNumber;
    out->number = std::strtod(
        std::string(text_.substr(start, pos_ - start)).c_str(), nullptr);
    return Status::Ok();
  }

  bool Hex4(unsigned* value) {
    if (pos_ + 4 > text_.size()) return false;
    *value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_++];
      *value <<= 4;
      if (c >= '0' && c <= '9') {
        *value |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        *value |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        *value |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  Status String(std::string* out) {
    ++pos_;  // "
    out->clear();
    const size_t start = pos_;
    while (true) {
      if (pos_ >= text_.size()) return Error("unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        break;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Error("control character in a string");
      }
      if (c != '\\') {
        out->push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= text_.size()) return Error("unterminated string");
      const char e = text_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out->push_back(e);
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          unsigned cp = 0;
          if (!Hex4(&cp)) return Error("bad \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (text_.substr(pos_, 2) != "\\u") {
              return Error("lone surrogate in \\u escape");
            }
            pos_ += 2;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) {
              return Error("bad surrogate pair in \\u escape");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Error("lone surrogate in \\u escape");
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Error("bad escape");
      }
    }
    if (FindInvalidUtf8(*out) != std::string::npos) {
      pos_ = start;
      return Error("invalid UTF-8 in a string");
    }
    return Status::Ok();
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  const JsonValue* found = nullptr;
  for (const auto& [k, v] : object) {
    if (k == key) found = &v;
  }
  return found;
}

StatusOr<JsonValue> ParseJson(std::string_view text) {
  JsonValue value;
  CROSSALIGN_RETURN_IF_ERROR(Parser(text).Parse(&value));
  return value;
}

}  // namespace crossalign::internal
