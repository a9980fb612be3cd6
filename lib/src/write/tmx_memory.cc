#include "crossalign/tmx_memory.h"

#include <cstdlib>

namespace crossalign {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

}  // namespace

const std::string* FindProp(const std::vector<TmxProp>& props,
                            std::string_view type) {
  for (const TmxProp& prop : props) {
    if (prop.type == type) return &prop.value;
  }
  return nullptr;
}

std::optional<double> UnitScore(const TmxUnit& unit) {
  const std::string* value = FindProp(unit.props, "x-score");
  if (value == nullptr || value->empty()) return std::nullopt;
  char* end = nullptr;
  const double score = std::strtod(value->c_str(), &end);
  if (end == nullptr || *end != '\0' || !(score >= 0.0 && score <= 1.0)) {
    return std::nullopt;
  }
  return score;
}

bool LangMatches(std::string_view lang, std::string_view wanted) {
  if (wanted.empty() || lang.size() < wanted.size()) return false;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (Lower(lang[i]) != Lower(wanted[i])) return false;
  }
  return lang.size() == wanted.size() || lang[wanted.size()] == '-' ||
         lang[wanted.size()] == '_';
}

}  // namespace crossalign
