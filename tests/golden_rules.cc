#include "golden_rules.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace crossalign::testing {
namespace {

// One line of the file: its fields that scoring needs (the others are
// provenance). False when the line is not such a JSON object.
bool ReadCase(const std::string& line, GoldenCase* out) {
  const nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
  if (!value.is_object()) return false;
  const auto text = [&](const char* key) {
    const auto it = value.find(key);
    return it != value.end() && it->is_string() ? it->get<std::string>() : "";
  };
  const auto flag = [&](const char* key) {
    const auto it = value.find(key);
    return it != value.end() && it->is_boolean() && it->get<bool>();
  };
  out->lang = text("lang");
  out->id = text("id");
  out->text = text("text");
  out->pure_split = flag("pure_split");
  out->en48 = flag("pysbd_benchmark_en48");
  const auto expected = value.find("expected");
  if (expected == value.end() || !expected->is_array()) return false;
  for (const nlohmann::json& sentence : *expected) {
    if (!sentence.is_string()) return false;
    out->expected.push_back(sentence.get<std::string>());
  }
  return true;
}

// Trims and collapses every run of ASCII white space to one space: segments
// are exact substrings of the input, so a sentence wrapped over two lines
// keeps its line break, where the expected list has a space.
std::string Trim(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<GoldenCase> ReadGoldenRules(const std::string& path,
                                        std::string* error) {
  std::vector<GoldenCase> cases;
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return {};
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (Trim(line).empty()) continue;
    GoldenCase c;
    if (!ReadCase(line, &c)) {
      *error = path + ":" + std::to_string(n) + ": malformed JSON";
      return {};
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

GoldenReport ScoreGoldenRules(
    const std::vector<GoldenCase>& cases,
    const std::function<std::vector<std::string>(const std::string&,
                                                 const std::string&)>& split) {
  GoldenReport report;
  for (const GoldenCase& c : cases) {
    if (!c.pure_split) continue;
    std::vector<std::string> got;
    for (const std::string& s : split(c.text, c.lang)) {
      std::string t = Trim(s);
      if (!t.empty()) got.push_back(std::move(t));
    }
    std::vector<std::string> want;
    for (const std::string& s : c.expected) {
      std::string t = Trim(s);
      if (!t.empty()) want.push_back(std::move(t));
    }
    const bool ok = got == want;
    report.pure_split.total++;
    report.pure_split.passed += ok;
    report.by_lang[c.lang].total++;
    report.by_lang[c.lang].passed += ok;
    if (c.en48) {
      report.en48.total++;
      report.en48.passed += ok;
    }
    if (!ok) report.failures.push_back(c.id);
  }
  return report;
}

}  // namespace crossalign::testing
