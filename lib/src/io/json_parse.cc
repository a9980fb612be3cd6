#include "io/json_parse.h"

#include <string>

namespace crossalign::internal {

namespace {

constexpr int kMaxDepth = 64;

struct TooDeep {};

}  // namespace

StatusOr<nlohmann::json> ParseJson(std::string_view text) {
  const auto limit_depth = [](int depth, nlohmann::json::parse_event_t,
                              nlohmann::json&) {
    if (depth > kMaxDepth) throw TooDeep{};
    return true;
  };
  try {
    return nlohmann::json::parse(text.begin(), text.end(), limit_depth);
  } catch (const nlohmann::json::parse_error& e) {
    const std::string what = e.what();  // "[json.exception...] parse error..."
    const size_t bracket = what.find("] ");
    return InvalidArgumentError(
        bracket == std::string::npos ? what : what.substr(bracket + 2));
  } catch (const nlohmann::json::out_of_range& e) {
    // A number too large for a double ("1e999") is out of range, not an
    // internal error.
    const std::string what = e.what();
    const size_t bracket = what.find("] ");
    return InvalidArgumentError(
        bracket == std::string::npos ? what : what.substr(bracket + 2));
  } catch (const TooDeep&) {
    return InvalidArgumentError("nesting deeper than " +
                                std::to_string(kMaxDepth) + " levels");
  }
}

const std::string* JsonStringMember(const nlohmann::json& object,
                                    const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

}  // namespace crossalign::internal
