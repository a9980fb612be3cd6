#include "segment/segmentation_rules.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "base/embedded_files.h"
#include "base/unicode_text.h"
#include "base/utf8.h"

namespace crossalign::internal {
namespace {

enum class Section {
  kNone,
  kAbbreviations,
  kFinal,
  kTitles,
  kStarters,
  kRelatives,
  kUnits,
  kMonths,
  kSingleLetterWords,
  kTerminators,
  kQuotes,
  kAttribution,
  kSettings,
  kBoilerplate,
  kByline,
  kCaption
};

bool SectionFromName(std::string_view name, Section* section) {
  static const std::pair<const char*, Section> kNames[] = {
      {"abbreviations", Section::kAbbreviations},
      {"final", Section::kFinal},
      {"units", Section::kUnits},
      {"titles", Section::kTitles},
      {"starters", Section::kStarters},
      {"relatives", Section::kRelatives},
      {"months", Section::kMonths},
      {"single-letter-words", Section::kSingleLetterWords},
      {"terminators", Section::kTerminators},
      {"quotes", Section::kQuotes},
      {"attribution", Section::kAttribution},
      {"settings", Section::kSettings},
      {"boilerplate", Section::kBoilerplate},
      {"byline", Section::kByline},
      {"caption", Section::kCaption}};
  for (const auto& [n, s] : kNames) {
    if (name == n) {
      *section = s;
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string LineError(const std::string& origin, int line,
                      const std::string& what) {
  return origin + ":" + std::to_string(line) + ": " + what;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return FoldText(word);
}

std::string FoldText(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  return FoldCaseFull(word);
}

void SegmentationRules::Merge(const SegmentationRules& other) {
  abbreviations.insert(other.abbreviations.begin(), other.abbreviations.end());
  final_abbreviations.insert(other.final_abbreviations.begin(),
                             other.final_abbreviations.end());
  titles.insert(other.titles.begin(), other.titles.end());
  units.insert(other.units.begin(), other.units.end());
  starters.insert(other.starters.begin(), other.starters.end());
  relatives.insert(other.relatives.begin(), other.relatives.end());
  months.insert(other.months.begin(), other.months.end());
  single_letter_words.insert(other.single_letter_words.begin(),
                             other.single_letter_words.end());
  for (char32_t c : other.terminators) {
    if (terminators.find(c) == std::u32string::npos) terminators += c;
  }
  ordinal_dot = ordinal_dot || other.ordinal_dot;
  capitalised_nouns = capitalised_nouns || other.capitalised_nouns;
  attributions.insert(attributions.end(), other.attributions.begin(),
                      other.attributions.end());
  for (const auto& q : other.quotes) {
    if (std::find(quotes.begin(), quotes.end(), q) == quotes.end()) {
      quotes.push_back(q);
    }
  }
  boilerplate.insert(boilerplate.end(), other.boilerplate.begin(),
                     other.boilerplate.end());
  bylines.insert(bylines.end(), other.bylines.begin(), other.bylines.end());
  captions.insert(captions.end(), other.captions.begin(), other.captions.end());
}

namespace {

// The word set of a word-list section.
std::unordered_set<std::string>* WordSet(Section section,
                                         SegmentationRules* rules) {
  switch (section) {
    case Section::kAbbreviations:
      return &rules->abbreviations;
    case Section::kFinal:
      return &rules->final_abbreviations;
    case Section::kTitles:
      return &rules->titles;
    case Section::kStarters:
      return &rules->starters;
    case Section::kRelatives:
      return &rules->relatives;
    case Section::kUnits:
      return &rules->units;
    case Section::kMonths:
      return &rules->months;
    case Section::kSingleLetterWords:
      return &rules->single_letter_words;
    case Section::kNone:
    case Section::kTerminators:
    case Section::kQuotes:
    case Section::kAttribution:
    case Section::kSettings:
    case Section::kBoilerplate:
    case Section::kByline:
    case Section::kCaption:
      return nullptr;
  }
  return nullptr;
}

// The code point of `w` when it is exactly one, else -1.
UChar32 SingleCharacter(std::string_view w) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
  return u.countChar32() == 1 ? u.char32At(0) : -1;
}

// [terminators]: characters separated by spaces.
Status ParseTerminators(std::string_view line, const std::string& where,
                        SegmentationRules* rules) {
  for (std::string_view w : Words(line)) {
    const UChar32 c = SingleCharacter(w);
    if (c < 0) {
      return InvalidArgumentError(where +
                                  "a terminator is one character, not \"" +
                                  std::string(w) + "\"");
    }
    rules->terminators += static_cast<char32_t>(c);
  }
  return Status::Ok();
}

// [quotes]: an opening and a closing mark, separated by a space.
Status ParseQuotePair(std::string_view line, const std::string& where,
                      SegmentationRules* rules) {
  const std::vector<std::string_view> marks = Words(line);
  std::u32string pair;
  for (std::string_view w : marks) {
    const UChar32 c = SingleCharacter(w);
    if (c < 0) break;
    pair += static_cast<char32_t>(c);
  }
  if (marks.size() != 2 || pair.size() != 2) {
    return InvalidArgumentError(
        where +
        "a quotation pair is two characters, the opening and the "
        "closing mark, separated by a space, not \"" +
        std::string(line) + "\"");
  }
  rules->quotes.emplace_back(pair[0], pair[1]);
  return Status::Ok();
}

// [settings]: key = true|false.
Status ParseSetting(std::string_view line, const std::string& where,
                    SegmentationRules* rules) {
  const size_t eq = line.find('=');
  const std::string_view key =
      TrimWhitespace(line.substr(0, eq == std::string_view::npos ? 0 : eq));
  const std::string_view value = eq == std::string_view::npos
                                     ? std::string_view()
                                     : TrimWhitespace(line.substr(eq + 1));
  const bool boolean = value == "true" || value == "false";
  if (key == "ordinal_dot" && boolean) {
    rules->ordinal_dot = value == "true";
  } else if (key == "capitalised_nouns" && boolean) {
    rules->capitalised_nouns = value == "true";
  } else {
    return InvalidArgumentError(
        where + "unknown setting \"" + std::string(line) +
        "\" (known: ordinal_dot, capitalised_nouns = true|false)");
  }
  return Status::Ok();
}

// One line of `section`; `where` ("file:line: ") starts its error messages.
Status ParseRulesLine(Section section, std::string_view line,
                      const std::string& where, SegmentationRules* rules) {
  if (std::unordered_set<std::string>* set = WordSet(section, rules)) {
    for (std::string_view w : Words(line)) set->insert(FoldWord(w));
    return Status::Ok();
  }
  switch (section) {
    case Section::kNone:
      return InvalidArgumentError(where + "text before the first [section]");
    case Section::kTerminators:
      return ParseTerminators(line, where, rules);
    case Section::kAttribution:
      for (std::string_view w : Words(line)) {
        rules->attributions.emplace_back(w);
      }
      return Status::Ok();
    case Section::kQuotes:
      return ParseQuotePair(line, where, rules);
    case Section::kSettings:
      return ParseSetting(line, where, rules);
    case Section::kBoilerplate:
      rules->boilerplate.emplace_back(line);
      return Status::Ok();
    case Section::kByline:
      rules->bylines.emplace_back(line);
      return Status::Ok();
    case Section::kCaption:
      rules->captions.emplace_back(line);
      return Status::Ok();
    case Section::kAbbreviations:
    case Section::kFinal:
    case Section::kTitles:
    case Section::kStarters:
    case Section::kRelatives:
    case Section::kUnits:
    case Section::kMonths:
    case Section::kSingleLetterWords:
      break;  // the word lists, above
  }
  return Status::Ok();
}

}  // namespace

StatusOr<SegmentationRules> ParseSegmentationRules(std::string_view text,
                                                   const std::string& origin) {
  if (FindInvalidUtf8(text) != std::string_view::npos) {
    return InvalidArgumentError(origin + ": not valid UTF-8");
  }
  SegmentationRules rules;
  Section section = Section::kNone;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = TrimWhitespace(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']' ||
          !SectionFromName(line.substr(1, line.size() - 2), &section)) {
        return InvalidArgumentError(LineError(
            origin, line_no,
            "unknown section " + std::string(line) +
                " (known: [abbreviations] [final] [titles] "
                "[starters] [relatives] [months] "
                "[single-letter-words] [terminators] [quotes] [attribution] "
                "[settings] "
                "[boilerplate] [byline] [caption])"));
      }
      continue;
    }
    if (Status s = ParseRulesLine(section, line, LineError(origin, line_no, ""),
                                  &rules);
        !s.ok()) {
      return s;
    }
  }
  return rules;
}

int32_t RegexTimeLimit(size_t text_bytes) {
  constexpr size_t kBase = 300;  // about half a second on one core
  return static_cast<int32_t>(
      std::min<size_t>(kBase + text_bytes / 100, size_t{1} << 30));
}

uint64_t& RegexTimeouts() {
  thread_local uint64_t count = 0;
  return count;
}

StatusOr<std::shared_ptr<const SegmentationRules>> LoadSegmentationRules(
    const std::string& lang, const std::string& user_dir) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>,
                  std::shared_ptr<const SegmentationRules>>
      cache;
  std::string primary = lang.substr(0, lang.find_first_of("-_"));
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  // Languages that share one file: Norwegian Bokmål and Nynorsk, Malay
  // and Indonesian, Tagalog and Filipino, Bosnian and Croatian.
  static const std::pair<const char*, const char*> kSameRules[] = {
      {"nb", "no"}, {"nn", "no"}, {"ms", "id"}, {"tl", "fil"}, {"bs", "hr"}};
  for (const auto& [code, file] : kSameRules) {
    if (primary == code) primary = file;
  }
  std::lock_guard<std::mutex> lock(mutex);
  auto key = std::make_pair(primary, user_dir);
  if (auto it = cache.find(key); it != cache.end()) return it->second;

  auto rules = std::make_shared<SegmentationRules>();
  rules->lang = primary;
  std::vector<std::string> names = {"common"};
  if (primary != "common") names.push_back(primary);
  for (const std::string& name : names) {
    for (size_t i = 0; i < kEmbeddedRulesCount; ++i) {
      if (name != kEmbeddedRules[i].lang) continue;
      CROSSALIGN_ASSIGN_OR_RETURN(
          const SegmentationRules parsed,
          ParseSegmentationRules(kEmbeddedRules[i].text,
                                 "built-in " + name + ".rules"));
      rules->Merge(parsed);
    }
    if (!user_dir.empty()) {
      const std::string path = user_dir + "/" + name + ".rules";
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::ostringstream buffer;
      buffer << in.rdbuf();
      CROSSALIGN_ASSIGN_OR_RETURN(const SegmentationRules parsed,
                                  ParseSegmentationRules(buffer.str(), path));
      rules->Merge(parsed);
    }
  }
  // Abbreviations written with a terminator other than the full stop
  // (Khmer ។ល។, "et cetera"): the scan matches them literally.
  for (const auto* set : {&rules->abbreviations, &rules->titles}) {
    for (const std::string& word : *set) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
      std::u32string w;
      bool terminator = false;
      for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1)) {
        const UChar32 c = u.char32At(k);
        w += static_cast<char32_t>(c);
        terminator =
            terminator ||
            (c != '.' && (u_hasBinaryProperty(c, UCHAR_S_TERM) ||
                          rules->terminators.find(static_cast<char32_t>(c)) !=
                              std::u32string::npos));
      }
      if (terminator) rules->terminator_words.push_back(w);
    }
  }
  std::sort(rules->terminator_words.begin(), rules->terminator_words.end());
  cache.emplace(key, rules);
  return std::shared_ptr<const SegmentationRules>(rules);
}

}  // namespace crossalign::internal
