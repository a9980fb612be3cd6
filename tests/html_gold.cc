#include "html_gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace crossalign::testing {
namespace {

std::string Collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Primary(const std::string& tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::vector<HtmlGoldPage> LoadHtmlGoldPages() {
  namespace fs = std::filesystem;
  std::vector<HtmlGoldPage> pages;
  const fs::path root = fs::path(SourceDir()) / "tests" / "data" / "html";
  for (const char* split : {"dev", "test"}) {
    if (!fs::is_directory(root / split)) continue;
    for (const auto& entry : fs::directory_iterator(root / split)) {
      const std::string path = entry.path().string();
      if (entry.path().extension() != ".html") continue;
      HtmlGoldPage page;
      page.path = path;
      page.split = split;
      const std::string stem = entry.path().stem().string();
      page.style = stem.substr(0, stem.find('-'));
      std::ifstream in(path.substr(0, path.size() - 5) + ".gold.tsv");
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line.rfind("# ", 0) == 0) continue;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        if (line[0] == '#') {
          page.meta[line.substr(1, tab - 1)] = line.substr(tab + 1);
        } else {
          page.units.push_back(line.substr(tab + 1));
        }
      }
      pages.push_back(std::move(page));
    }
  }
  std::sort(pages.begin(), pages.end(),
            [](const HtmlGoldPage& a, const HtmlGoldPage& b) {
              return a.path < b.path;
            });
  return pages;
}

HtmlScore ScoreHtmlPage(const HtmlGoldPage& page, const Document& doc) {
  HtmlScore score;
  std::string joined;
  std::vector<std::string> segments;
  for (size_t i = 0; i < doc.segments().size(); ++i) {
    if (doc.segments()[i].kind == SegmentKind::kBoilerplate) continue;
    segments.push_back(Collapse(std::string(doc.SegmentText(i))));
    joined += segments.back() + " ";
  }
  std::string gold_joined;
  std::vector<std::string> units;
  for (const std::string& u : page.units) {
    units.push_back(Collapse(u));
    gold_joined += units.back() + " ";
  }
  score.units = units.size();
  for (const std::string& u : units) {
    if (joined.find(u) != std::string::npos) {
      ++score.found;
    } else {
      score.missing.push_back(u);
    }
  }
  for (const std::string& s : segments) {
    score.chars += s.size();
    bool article = gold_joined.find(s) != std::string::npos;
    for (size_t k = 0; !article && k < units.size(); ++k) {
      article = s.find(units[k]) != std::string::npos;
    }
    if (!article) {
      score.leaked += s.size();
      score.leaks.push_back(s);
    }
  }
  const DocumentMetadata& m = doc.metadata();
  const std::map<std::string, std::string> got = {{"url", m.url},
                                                  {"outlet", m.outlet},
                                                  {"date", m.date},
                                                  {"title", Collapse(m.title)},
                                                  {"lang", Primary(m.lang)}};
  for (const auto& [field, want_raw] : page.meta) {
    const std::string want = field == "lang"    ? Primary(want_raw)
                             : field == "title" ? Collapse(want_raw)
                                                : want_raw;
    auto it = got.find(field);
    if (it == got.end()) continue;
    ++score.meta_fields;
    if (it->second == want) {
      ++score.meta_right;
    } else {
      score.wrong_fields.push_back(field + ": got '" + it->second +
                                   "', want '" + want + "'");
    }
  }
  return score;
}

}  // namespace crossalign::testing
