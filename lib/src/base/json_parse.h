// JSON input, on nlohmann-json (Debian's nlohmann-json3-dev, header-only):
// the one JSON parser of the library, for batch manifests, review decisions
// and the aligner's --report lines. Internal: no nlohmann type reaches a
// public header.
#ifndef CROSSALIGN_SRC_BASE_JSON_PARSE_H_
#define CROSSALIGN_SRC_BASE_JSON_PARSE_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "crossalign/status.h"

namespace crossalign::internal {

// Parses one JSON text (RFC 8259, strict: no comments, no trailing text,
// valid UTF-8 in strings). Nesting deeper than 64 levels is refused. The
// error is InvalidArgument and says where and what, e.g. "parse error at
// line 1, column 9: syntax error while parsing object - unexpected '}';
// expected string literal".
StatusOr<nlohmann::json> ParseJson(std::string_view text);

// The first JSON value at the start of `text` (after white space); what
// follows it is ignored, for JSON embedded in other text (a page's JSON-LD
// script after a CDATA or comment opener is cut off). Otherwise as
// ParseJson: strict inside the value, nesting deeper than 64 refused.
StatusOr<nlohmann::json> ParseJsonPrefix(std::string_view text);

// The string member `key` of `object`, or nullptr (not an object, no such
// member, or not a string).
const std::string* JsonStringMember(const nlohmann::json& object,
                                    const char* key);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_JSON_PARSE_H_
