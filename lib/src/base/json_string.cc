#include "base/json_string.h"

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace crossalign::internal {

std::string JsonString(std::string_view raw) {
  // nlohmann's serializer: " and \ escaped, \b \f \n \r \t as such, the other
  // control characters as \u00xx; the rest of the UTF-8 text as it is (the
  // invalid bytes were replaced first, so dump() cannot throw).
  return nlohmann::json(ReplaceInvalidUtf8(raw)).dump();
}

}  // namespace crossalign::internal
