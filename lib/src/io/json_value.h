// A small, strict JSON reader (RFC 8259) for the JSON files crossalign reads:
// review decisions and the aligner's --report lines. Internal.
#ifndef CROSSALIGN_SRC_IO_JSON_VALUE_H_
#define CROSSALIGN_SRC_IO_JSON_VALUE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/status.h"

namespace crossalign::internal {

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0.0;
  std::string string;  // UTF-8
  std::vector<JsonValue> array;
  // Members in file order; a repeated key keeps each occurrence.
  std::vector<std::pair<std::string, JsonValue>> object;

  bool IsObject() const { return type == Type::kObject; }
  bool IsString() const { return type == Type::kString; }
  bool IsNumber() const { return type == Type::kNumber; }
  // The last member named `key` of an object, or nullptr.
  const JsonValue* Find(std::string_view key) const;
};

// Parses one JSON text (surrounding white space allowed). The error says
// what was expected and at which byte; nesting deeper than 64 levels and
// invalid UTF-8 in strings are refused.
StatusOr<JsonValue> ParseJson(std::string_view text);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_IO_JSON_VALUE_H_
