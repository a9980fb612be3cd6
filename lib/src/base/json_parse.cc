#include "base/json_parse.h"

#include <string>
#include <utility>
#include <vector>

namespace crossalign::internal {

namespace {

constexpr int kMaxDepth = 64;

struct TooDeep {};

// Builds the value from nlohmann's SAX events, so that parsing can stop
// after the first value (the DOM parser insists on the end of the input).
class DomBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  nlohmann::json& root() { return root_; }
  const std::string& error() const { return error_; }

  bool null() override { return Add(nullptr) != nullptr; }
  bool boolean(bool v) override { return Add(v) != nullptr; }
  bool number_integer(number_integer_t v) override { return Add(v) != nullptr; }
  bool number_unsigned(number_unsigned_t v) override {
    return Add(v) != nullptr;
  }
  bool number_float(number_float_t v, const string_t&) override {
    return Add(v) != nullptr;
  }
  bool string(string_t& v) override { return Add(std::move(v)) != nullptr; }
  bool binary(binary_t& v) override {
    return Add(nlohmann::json::binary(std::move(v))) != nullptr;
  }
  bool start_object(std::size_t) override {
    return Open(nlohmann::json::object());
  }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    return Open(nlohmann::json::array());
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::json::exception& e) override {
    const std::string what = e.what();  // "[json.exception...] parse error..."
    const size_t bracket = what.find("] ");
    error_ = bracket == std::string::npos ? what : what.substr(bracket + 2);
    return false;
  }

 private:
  // Puts `v` where the parse is (the root, the open array's end or the
  // open object's current key) and returns where it went.
  nlohmann::json* Add(nlohmann::json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    nlohmann::json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    nlohmann::json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }
  bool Open(nlohmann::json container) {
    if (stack_.size() >= static_cast<size_t>(kMaxDepth)) {
      error_ = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    stack_.push_back(Add(std::move(container)));
    return true;
  }

  nlohmann::json root_;
  std::vector<nlohmann::json*> stack_;
  std::string key_;
  std::string error_;
};

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

StatusOr<nlohmann::json> ParseJsonPrefix(std::string_view text) {
  DomBuilder builder;
  const bool ok = nlohmann::json::sax_parse(
      text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json,
      /*strict=*/false);
  if (!ok) {
    return InvalidArgumentError(builder.error().empty() ? "no JSON value"
                                                        : builder.error());
  }
  return std::move(builder.root());
}

const std::string* JsonStringMember(const nlohmann::json& object,
                                    const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

}  // namespace crossalign::internal
