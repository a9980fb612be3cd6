// JSON string literals for the JSON outputs of the library (jsonl, --report,
// clusters, the review page). Internal.
#ifndef CROSSALIGN_SRC_BASE_JSON_STRING_H_
#define CROSSALIGN_SRC_BASE_JSON_STRING_H_

#include <string>
#include <string_view>

namespace crossalign::internal {

// `text` as a JSON string literal, quotes included, written by nlohmann's
// serializer (the one JSON reader and writer of the library, json_parse.h):
// " \ and control characters escaped, invalid UTF-8 replaced by U+FFFD.
std::string JsonString(std::string_view text);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_JSON_STRING_H_
