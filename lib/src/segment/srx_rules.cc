#include "segment/srx_rules.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <cstring>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "segment/segmentation_rules.h"

namespace crossalign::internal {
namespace {

// The element name without a namespace prefix ("srx:rule" -> "rule").
const char* LocalName(const pugi::xml_node& node) {
  const char* name = node.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node Child(const pugi::xml_node& node, const char* name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element &&
        std::strcmp(LocalName(c), name) == 0) {
      return c;
    }
  }
  return {};
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& node,
                                     const char* name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element &&
        std::strcmp(LocalName(c), name) == 0) {
      out.push_back(c);
    }
  }
  return out;
}

std::unique_ptr<icu::RegexPattern> Compile(const std::string& source,
                                           uint32_t flags, std::string* error) {
  UErrorCode err = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(source), flags, parse_error, err));
  if (U_FAILURE(err)) {
    *error = std::string(u_errorName(err)) + " at offset " +
             std::to_string(parse_error.offset);
    return nullptr;
  }
  return p;
}

struct Rule {
  std::unique_ptr<icu::RegexPattern> pattern;
  bool split = true;
};

struct LanguageMap {
  std::unique_ptr<icu::RegexPattern> language;
  std::vector<const std::vector<Rule>*> rules;
};

}  // namespace

struct SrxRules::Impl {
  bool cascade = true;
  std::map<std::string, std::vector<Rule>> rule_sets;
  std::vector<std::pair<std::unique_ptr<icu::RegexPattern>, std::string>> maps;

  std::vector<const Rule*> RulesFor(const std::string& lang) const {
    std::vector<const Rule*> rules;
    for (const auto& [pattern, name] : maps) {
      UErrorCode err = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(
          pattern->matcher(icu::UnicodeString::fromUTF8(lang), err));
      if (U_FAILURE(err) || !m->matches(err) || U_FAILURE(err)) continue;
      for (const Rule& r : rule_sets.at(name)) rules.push_back(&r);
      if (!cascade) break;
    }
    return rules;
  }
};

SrxRules::SrxRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SrxRules::~SrxRules() = default;

StatusOr<std::unique_ptr<SrxRules>> SrxRules::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFoundError(path + ": cannot open the SRX file");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

StatusOr<std::unique_ptr<SrxRules>> SrxRules::Parse(std::string_view xml,
                                                    const std::string& origin) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) {
    return InvalidArgumentError(origin +
                                ": not an SRX file: " + parsed.description() +
                                " at byte " + std::to_string(parsed.offset));
  }
  const pugi::xml_node srx = Child(doc, "srx");
  if (!srx) {
    return InvalidArgumentError(origin +
                                ": not an SRX file: the root is not <srx>");
  }
  auto impl = std::make_unique<Impl>();
  const pugi::xml_node header = Child(srx, "header");
  if (header &&
      std::strcmp(header.attribute("cascade").as_string("yes"), "no") == 0) {
    impl->cascade = false;
  }
  const pugi::xml_node body = Child(srx, "body");
  const pugi::xml_node language_rules = Child(body, "languagerules");
  const pugi::xml_node map_rules = Child(body, "maprules");
  if (!body || !language_rules || !map_rules) {
    return InvalidArgumentError(
        origin +
        ": an SRX file needs <body> with <languagerules> and "
        "<maprules>");
  }
  for (const pugi::xml_node& lr : Children(language_rules, "languagerule")) {
    const std::string name = lr.attribute("languagerulename").as_string();
    if (name.empty()) {
      return InvalidArgumentError(origin +
                                  ": a <languagerule> has no languagerulename");
    }
    std::vector<Rule>& rules = impl->rule_sets[name];
    int index = 0;
    for (const pugi::xml_node& r : Children(lr, "rule")) {
      ++index;
      const std::string before = Child(r, "beforebreak").text().as_string();
      const std::string after = Child(r, "afterbreak").text().as_string();
      std::string source = before.empty() ? "" : "(?:" + before + ")";
      if (!after.empty()) source += "(?=(?:" + after + "))";
      if (source.empty()) continue;
      std::string error;
      Rule rule;
      rule.pattern = Compile(source, 0, &error);
      if (!rule.pattern) {
        return InvalidArgumentError(
            origin + ": rule " + std::to_string(index) + " of \"" + name +
            "\" has a bad regular expression (" + error + "): " + source);
      }
      rule.split =
          std::strcmp(r.attribute("break").as_string("yes"), "no") != 0;
      rules.push_back(std::move(rule));
    }
  }
  for (const pugi::xml_node& m : Children(map_rules, "languagemap")) {
    const std::string pattern = m.attribute("languagepattern").as_string();
    const std::string name = m.attribute("languagerulename").as_string();
    if (impl->rule_sets.count(name) == 0) {
      return InvalidArgumentError(origin + ": <languagemap> refers to \"" +
                                  name + "\", which no <languagerule> defines");
    }
    std::string error;
    auto p = Compile(pattern, UREGEX_CASE_INSENSITIVE, &error);
    if (!p) {
      return InvalidArgumentError(origin + ": bad languagepattern \"" +
                                  pattern + "\" (" + error + ")");
    }
    impl->maps.emplace_back(std::move(p), name);
  }
  if (impl->maps.empty()) {
    return InvalidArgumentError(origin + ": <maprules> maps no language");
  }
  return std::unique_ptr<SrxRules>(new SrxRules(std::move(impl)));
}

std::vector<SrxDecision> SrxRules::Decide(std::string_view text,
                                          const std::string& lang) const {
  std::map<size_t, std::pair<size_t, bool>> decided;  // offset -> rule, split
  const std::vector<const Rule*> rules = impl_->RulesFor(lang);
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &err);
  for (size_t r = 0; r < rules.size() && U_SUCCESS(err); ++r) {
    std::unique_ptr<icu::RegexMatcher> m(rules[r]->pattern->matcher(err));
    if (U_FAILURE(err)) break;
    m->reset(ut);
    m->setTimeLimit(RegexTimeLimit(text.size()), err);
    while (m->find(err) && U_SUCCESS(err)) {
      const size_t at = static_cast<size_t>(m->end64(err));
      decided.emplace(at, std::make_pair(r, rules[r]->split));
    }
    if (err == U_REGEX_TIME_OUT) ++RegexTimeouts();
    err = U_ZERO_ERROR;
  }
  utext_close(ut);
  std::vector<SrxDecision> out;
  for (const auto& [offset, rule] : decided) {
    if (offset == 0 || offset >= text.size()) continue;
    out.push_back({offset, rule.second});
  }
  return out;
}

}  // namespace crossalign::internal
