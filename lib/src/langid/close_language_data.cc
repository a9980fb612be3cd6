#include "langid/close_language_data.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <functional>

#include "base/utf8.h"
#include "langid/embedded_langid_data.h"

namespace crossalign::internal {
namespace {

std::string LineError(const std::string& origin, int line,
                      const std::string& what) {
  return origin + ":" + std::to_string(line) + ": " + what;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The fields of a line, separated by spaces or tabs.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && IsBlank(line[pos])) ++pos;
    size_t end = pos;
    while (end < line.size() && !IsBlank(line[end])) ++end;
    if (end > pos) fields.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return fields;
}

// Calls `on_line` with the fields and number of every line of `text` that
// is neither blank nor a comment; stops at its first error.
Status ForEachLine(
    std::string_view text, const std::string& origin,
    const std::function<Status(const std::vector<std::string_view>&, int)>&
        on_line) {
  if (FindInvalidUtf8(text) != std::string_view::npos) {
    return InvalidArgumentError(origin + ": not valid UTF-8");
  }
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::vector<std::string_view> fields =
        Fields(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (fields.empty() || fields.front()[0] == '#') continue;
    if (Status s = on_line(fields, line_no); !s.ok()) return s;
  }
  return Status::Ok();
}

std::u32string ToUtf32(std::string_view utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()),
            static_cast<int32_t>(out.size()), status);
  return out;
}

// alphabets.txt: LANGUAGE SCRIPT LETTERS a line.
Status ParseAlphabets(std::string_view text, const std::string& origin,
                      CloseLanguageData* data) {
  return ForEachLine(
      text, origin,
      [&](const std::vector<std::string_view>& fields, int line) -> Status {
        if (fields.size() != 3) {
          return InvalidArgumentError(
              LineError(origin, line,
                        "expected LANGUAGE SCRIPT LETTERS, found " +
                            std::to_string(fields.size()) + " fields"));
        }
        Script script;
        if (fields[1] == "Latin") {
          script = Script::kLatin;
        } else if (fields[1] == "Cyrillic") {
          script = Script::kCyrillic;
        } else {
          return InvalidArgumentError(
              LineError(origin, line,
                        "unknown script " + std::string(fields[1]) +
                            " (known: Latin, Cyrillic)"));
        }
        data->alphabets[{std::string(fields[0]), script}] = ToUtf32(fields[2]);
        return Status::Ok();
      });
}

// marker_words.txt and marker_stems.txt: [LANGUAGE ...] lines, each
// followed by its entries; an underscore stands for a space.
Status ParseMarkers(
    std::string_view text, const std::string& origin,
    const std::function<void(const std::string&, std::string)>& add) {
  std::vector<std::string> langs;
  return ForEachLine(
      text, origin,
      [&](const std::vector<std::string_view>& fields, int line) -> Status {
        if (fields.front()[0] == '[') {
          if (fields.back().back() != ']') {
            return InvalidArgumentError(
                LineError(origin, line, "a [LANGUAGE ...] line lacks its ]"));
          }
          langs.clear();
          for (std::string_view f : fields) {
            if (f.front() == '[') f.remove_prefix(1);
            if (!f.empty() && f.back() == ']') f.remove_suffix(1);
            if (!f.empty()) langs.emplace_back(f);
          }
          if (langs.empty()) {
            return InvalidArgumentError(
                LineError(origin, line, "[] names no language"));
          }
          return Status::Ok();
        }
        if (langs.empty()) {
          return InvalidArgumentError(LineError(
              origin, line, "markers before the first [LANGUAGE] line"));
        }
        for (std::string_view f : fields) {
          std::string entry(f);
          std::replace(entry.begin(), entry.end(), '_', ' ');
          for (const std::string& lang : langs) add(lang, entry);
        }
        return Status::Ok();
      });
}

std::string_view EmbeddedFile(const char* name) {
  for (size_t i = 0; i < kEmbeddedLangidDataCount; ++i) {
    if (std::string_view(kEmbeddedLangidData[i].lang) == name) {
      return kEmbeddedLangidData[i].text;
    }
  }
  return {};
}

}  // namespace

StatusOr<CloseLanguageData> ParseCloseLanguageData(
    std::string_view alphabets, std::string_view marker_words,
    std::string_view marker_stems, const std::string& origin) {
  CloseLanguageData data;
  if (Status s = ParseAlphabets(alphabets, origin + "alphabets.txt", &data);
      !s.ok()) {
    return s;
  }
  if (Status s = ParseMarkers(marker_words, origin + "marker_words.txt",
                              [&](const std::string& lang, std::string word) {
                                data.marker_words[lang].insert(std::move(word));
                              });
      !s.ok()) {
    return s;
  }
  if (Status s =
          ParseMarkers(marker_stems, origin + "marker_stems.txt",
                       [&](const std::string& lang, std::string stem) {
                         data.marker_stems[lang].push_back(std::move(stem));
                       });
      !s.ok()) {
    return s;
  }
  return data;
}

const CloseLanguageData& BuiltInCloseLanguageData() {
  static const CloseLanguageData data = [] {
    StatusOr<CloseLanguageData> parsed = ParseCloseLanguageData(
        EmbeddedFile("alphabets"), EmbeddedFile("marker_words"),
        EmbeddedFile("marker_stems"), "built-in ");
    return parsed.ok() ? std::move(*parsed) : CloseLanguageData();
  }();
  return data;
}

}  // namespace crossalign::internal
