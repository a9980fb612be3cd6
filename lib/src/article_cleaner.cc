#include "article_cleaner.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "segmentation_rules.h"
#include "utf8.h"

namespace crossalign::internal {
namespace {

// Lines longer than this are never boilerplate: menus, bylines, counters
// and appeals are short.
constexpr size_t kMaxBoilerplateChars = 160;

// A crawler's date stamp in front of the text: "date 2025-01-14 ".
constexpr const char* kDateStamp =
    "(date|dated|updated|published)\\s*:?\\s*\\d{4}-\\d{2}-\\d{2}"
    "(T[0-9:]+Z?)?\\s+";
// A news-agency dateline: "Seoul, Jan 14 (IANS) ", "KYIV, March 3 (Reuters) -".
constexpr const char* kDateline =
    "\\p{Lu}[^.!?()\\n]{0,60},[^.!?()\\n]{0,40}\\((\\p{Lu}[\\p{L}\\-]{0,15})\\)"
    "\\s*[\\u2014\\u2013\\-]?\\s+";

using Pattern = std::unique_ptr<icu::RegexPattern>;

StatusOr<Pattern> Compile(const std::string& source, uint32_t flags,
                          const std::string& origin) {
  UErrorCode err = U_ZERO_ERROR;
  UParseError parse_error;
  Pattern p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source),
                                       flags, parse_error, err));
  if (U_FAILURE(err)) {
    return InvalidArgumentError(origin + ": bad regular expression \"" +
                                source + "\" (" + u_errorName(err) +
                                " at offset " +
                                std::to_string(parse_error.offset) + ")");
  }
  return p;
}

// Length in bytes of the match of `p` at the start of `s` (the whole of
// `s` when `whole`), or npos. Matchers are kept per thread and per pattern
// (`id` is unique for the process's lifetime): creating one allocates.
size_t MatchPrefix(const icu::RegexPattern& p, uint64_t id, std::string_view s,
                   bool whole) {
  thread_local std::unordered_map<uint64_t, std::unique_ptr<icu::RegexMatcher>>
      matchers;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher>& m = matchers[id];
  if (!m) m.reset(p.matcher(err));
  if (U_FAILURE(err) || !m) return std::string_view::npos;
  UText* ut =
      utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
  size_t result = std::string_view::npos;
  m->reset(ut);
  m->setTimeLimit(RegexTimeLimit(s.size()), err);
  const bool hit = whole ? m->matches(err) : m->lookingAt(err);
  if (err == U_REGEX_TIME_OUT) ++RegexTimeouts();
  if (U_SUCCESS(err) && hit) result = static_cast<size_t>(m->end64(err));
  utext_close(ut);
  return U_SUCCESS(err) ? result : std::string_view::npos;
}

// Whether `p` matches all of `s`; see MatchPrefix for the matcher cache.
bool MatchesWhole(const icu::RegexPattern& p, uint64_t id,
                  const icu::UnicodeString& s) {
  thread_local std::unordered_map<uint64_t, std::unique_ptr<icu::RegexMatcher>>
      matchers;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher>& m = matchers[id];
  if (!m) m.reset(p.matcher(err));
  if (U_FAILURE(err) || !m) return false;
  m->reset(s);
  m->setTimeLimit(RegexTimeLimit(static_cast<size_t>(s.length()) * 2), err);
  const bool hit = m->matches(err);
  if (err == U_REGEX_TIME_OUT) ++RegexTimeouts();
  return U_SUCCESS(err) && hit;
}

uint64_t NextPatternId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

bool EndsLikeSentence(std::string_view s) {
  for (std::string_view e : {".", "!", "?", "\xE3\x80\x82"}) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) {
      return true;
    }
  }
  return false;
}

}  // namespace

// The words one of which a pattern's match must start with: for
// "^(related|read also)\s*:.*$" they are "related" and "read also", for
// "^become a (patron)" it is "become a ". Empty when the pattern does not
// start with literal text (or an optional group).
std::vector<std::string> LiteralPrefixes(const std::string& pattern) {
  auto literal = [](const std::string& text, std::string* out) {
    out->clear();
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\\') {
        if (i + 1 >= text.size()) return false;
        const char e = text[++i];
        if (std::isalnum(static_cast<unsigned char>(e))) return false;
        *out += e;
      } else if (std::strchr(".[](){}*+?^$|", c) != nullptr) {
        return false;
      } else {
        *out += c;
      }
    }
    return !out->empty();
  };
  if (pattern.size() < 2 || pattern[0] != '^') return {};
  if (pattern[1] != '(') {
    // A literal run up to the first special character.
    std::string run;
    size_t i = 1;
    while (i < pattern.size() &&
           std::strchr(".[](){}*+?^$|\\", pattern[i]) == nullptr) {
      run += pattern[i++];
    }
    // A quantifier would make the last character optional.
    if (i < pattern.size() && std::strchr("*+?{", pattern[i]) != nullptr &&
        !run.empty()) {
      run.pop_back();
    }
    if (run.empty()) return {};
    return {run};
  }
  // "^(a|b|c)" not followed by a quantifier.
  int depth = 0;
  size_t close = std::string::npos;
  for (size_t i = 1; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '(') {
      ++depth;
    } else if (pattern[i] == ')' && --depth == 0) {
      close = i;
      break;
    }
  }
  if (close == std::string::npos ||
      (close + 1 < pattern.size() &&
       std::strchr("*+?{", pattern[close + 1]) != nullptr)) {
    return {};
  }
  std::vector<std::string> words;
  size_t start = 2;
  for (size_t i = 2; i <= close; ++i) {
    if (i < close && pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (i == close || pattern[i] == '|') {
      std::string word;
      if (!literal(pattern.substr(start, i - start), &word)) return {};
      words.push_back(word);
      start = i + 1;
    }
  }
  return words;
}

struct GatedPattern {
  std::vector<std::string> prefixes;
  Pattern pattern;
  uint64_t id = NextPatternId();
};

struct ArticleCleaner::Impl {
  // The boilerplate expressions that start with literal words run only on
  // lines that start so; the others run as one alternation.
  std::vector<GatedPattern> gated;
  Pattern boilerplate;
  Pattern date_stamp;
  Pattern dateline;
  const uint64_t boilerplate_id = NextPatternId();
  const uint64_t date_stamp_id = NextPatternId();
  const uint64_t dateline_id = NextPatternId();
  std::vector<std::string> bylines;
  std::vector<std::string> captions;

  bool IsBoilerplateLine(std::string_view line) const {
    if (line.size() > kMaxBoilerplateChars &&
        (line.size() > 4 * kMaxBoilerplateChars ||
         CountCodePoints(line) > kMaxBoilerplateChars)) {
      return false;
    }
    // Menus, bylines, counters and appeals are short labels: a line of more
    // than eight words that ends like a sentence is text.
    int words = 1;
    for (char c : line) words += c == ' ';
    if (words > 20 || (words > 8 && EndsLikeSentence(line))) return false;
    for (const std::string& marker : captions) {
      if (line.substr(0, marker.size()) == marker) return true;
    }
    for (const std::string& marker : bylines) {
      if (line.size() <= marker.size() ||
          line.substr(0, marker.size()) != marker) {
        continue;
      }
      // "Author: ..." is always a byline; "By ..." only when a name
      // follows and the line does not end like a sentence.
      const unsigned char last = static_cast<unsigned char>(marker.back());
      if (last < 0x80 && !std::isalnum(last)) return true;
      if (line[marker.size()] != ' ' || line.size() < marker.size() + 2) {
        continue;
      }
      const unsigned char next =
          static_cast<unsigned char>(line[marker.size() + 1]);
      const bool capital = next >= 0x80 || (next >= 'A' && next <= 'Z');
      if (capital && !EndsLikeSentence(line)) return true;
    }
    // The expressions are written in lower case and matched against the
    // case-folded line in UTF-16 (much faster than case-insensitive
    // matching over UTF-8).
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    folded.foldCase();
    if (boilerplate && MatchesWhole(*boilerplate, boilerplate_id, folded)) {
      return true;
    }
    std::string folded_utf8;
    for (const GatedPattern& g : gated) {
      bool open = false;
      for (const std::string& prefix : g.prefixes) {
        if (folded_utf8.empty()) folded.toUTF8String(folded_utf8);
        if (folded_utf8.compare(0, prefix.size(), prefix) == 0) {
          open = true;
          break;
        }
      }
      if (open && MatchesWhole(*g.pattern, g.id, folded)) return true;
    }
    return false;
  }
};

ArticleCleaner::ArticleCleaner(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
ArticleCleaner::~ArticleCleaner() = default;

StatusOr<std::unique_ptr<ArticleCleaner>> ArticleCleaner::Create(
    const SegmentationRules& rules) {
  auto impl = std::make_unique<Impl>();
  const std::string origin = "segmentation rules for \"" + rules.lang + "\"";
  std::string all;
  for (const std::string& source : rules.boilerplate) {
    // Each expression on its own first, so an error names it.
    auto p = Compile(source, 0, origin);
    if (!p.ok()) return p.status();
    std::vector<std::string> prefixes = LiteralPrefixes(source);
    if (!prefixes.empty()) {
      GatedPattern g;
      g.prefixes = std::move(prefixes);
      g.pattern = std::move(*p);
      impl->gated.push_back(std::move(g));
      continue;
    }
    all += (all.empty() ? "(?:" : "|(?:") + source + ")";
  }
  if (!all.empty()) {
    auto p = Compile(all, 0, origin);
    if (!p.ok()) return p.status();
    impl->boilerplate = std::move(*p);
  }
  auto stamp = Compile(kDateStamp, UREGEX_CASE_INSENSITIVE, "date stamp");
  auto dateline = Compile(kDateline, 0, "dateline");
  if (!stamp.ok()) return stamp.status();
  if (!dateline.ok()) return dateline.status();
  impl->date_stamp = std::move(*stamp);
  impl->dateline = std::move(*dateline);
  impl->bylines = rules.bylines;
  impl->captions = rules.captions;

  return std::unique_ptr<ArticleCleaner>(new ArticleCleaner(std::move(impl)));
}

std::vector<CleanPiece> ArticleCleaner::Clean(std::string_view text,
                                              Span line) const {
  std::vector<CleanPiece> pieces;
  Span rest = line;
  // A date stamp and a dateline in front of the first sentence.
  size_t prefix = 0;
  const std::string_view whole = text.substr(line.begin, line.size());
  // Cheap tests first: a stamp starts with one of its words, a dateline
  // has a comma and then a parenthesis near the start.
  auto starts_with_word = [&](std::string_view word) {
    if (whole.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(whole[i])) != word[i]) {
        return false;
      }
    }
    return true;
  };
  if (starts_with_word("date") || starts_with_word("updated") ||
      starts_with_word("published")) {
    const size_t n =
        MatchPrefix(*impl_->date_stamp, impl_->date_stamp_id, whole, false);
    if (n != std::string_view::npos) prefix = n;
  }
  const std::string_view near = whole.substr(prefix, 140);
  const size_t comma = near.find(',');
  if (comma != std::string_view::npos &&
      near.find('(', comma) != std::string_view::npos) {
    const size_t n = MatchPrefix(*impl_->dateline, impl_->dateline_id,
                                 whole.substr(prefix), false);
    if (n != std::string_view::npos) prefix += n;
  }
  if (prefix > 0) {
    pieces.push_back({TrimSpan(text, {line.begin, line.begin + prefix}), true});
    rest = TrimSpan(text, {line.begin + prefix, line.end});
    if (rest.empty()) return pieces;
  }
  const std::string_view body = text.substr(rest.begin, rest.size());
  if (impl_->IsBoilerplateLine(body)) {
    pieces.push_back({rest, true});
    return pieces;
  }
  // A caption glued to the end of a headline.
  if (body.size() > 400) {
    pieces.push_back({rest, false});
    return pieces;
  }
  for (const std::string& marker : impl_->captions) {
    size_t at = body.find(marker, 1);
    while (at != std::string_view::npos && body[at - 1] != ' ') {
      at = body.find(marker, at + 1);
    }
    if (at == std::string_view::npos) continue;
    --at;
    pieces.push_back({TrimSpan(text, {rest.begin, rest.begin + at}), false});
    pieces.push_back({TrimSpan(text, {rest.begin + at, rest.end}), true});
    return pieces;
  }
  pieces.push_back({rest, false});
  return pieces;
}

}  // namespace crossalign::internal
