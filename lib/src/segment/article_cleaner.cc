#include "segment/article_cleaner.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/unicode_text.h"
#include "base/utf8.h"
#include "segment/segmentation_rules.h"

namespace crossalign::internal {
namespace {

// Lines longer than this are never boilerplate: menus, bylines, counters
// and appeals are short.
constexpr size_t kMaxBoilerplateChars = 160;

// A crawler's date stamp in front of the text: "date 2025-01-14 ".
constexpr const char* kDateStamp =
    "(date|dated|updated|published)\\s*:?\\s*\\d{4}-\\d{2}-\\d{2}"
    "(T[0-9:]+Z?)?\\s+";
// A news-agency dateline: "Seoul, Jan 14 (IANS) ", "KYIV, March 3 (Reuters) -",
// "Kyiv, Ukraine (AP) —": a place of one to four capitalised words, a
// comma, a date (with a number) or a region (capitalised words), and the
// agency in brackets. "Meanwhile, the World Health Organization (WHO)" is
// no dateline (lower-case words after the comma; and see Clean for
// sentence starters).
constexpr const char* kDateline =
    "\\p{Lu}[\\p{L}\\-'\\u2019]*\\.?(\\s+\\p{Lu}[\\p{L}\\-'\\u2019]*\\.?){0,3},"
    "\\s*"
    "([^!?()\\n,]{0,25}\\d[^!?()\\n,]{0,12}|"
    "\\p{Lu}[\\p{L}\\-'\\u2019]*\\.?(\\s+\\p{Lu}[\\p{L}\\-'\\u2019]*\\.?){0,2}"
    "(,\\s*[^!?()\\n,]{0,25}\\d[^!?()\\n,]{0,12})?)?"
    "\\s*\\((\\p{Lu}[\\p{L}\\-]{0,15})\\)"
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

bool EndsLikeSentence(std::string_view s, const std::u32string& extra) {
  // Closing quotes and brackets after the terminator do not count.
  size_t i = s.size();
  while (i > 0) {
    const size_t end = i;
    i = PreviousCodePointStart(s, 0, end);
    const UChar32 c = CodePointAt(s, i, end);
    const int8_t t = u_charType(c);
    if (t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION || c == '"' ||
        c == '\'' || u_isUWhiteSpace(c)) {
      continue;
    }
    return u_hasBinaryProperty(c, UCHAR_S_TERM) || c == 0x2026 ||
           extra.find(static_cast<char32_t>(c)) != std::u32string::npos;
  }
  return false;
}

// Words in `s`: runs between spaces, and for scripts written without
// spaces (Han, kana, Thai, Khmer...) one word per two characters.
int CountWords(std::string_view s) {
  int words = 0;
  int unspaced = 0;
  bool in_word = false;
  ForEachCodePoint(s, [&](int32_t c) {
    const bool space = c >= 0 && u_isUWhiteSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
    if (c >= 0x0E00) {
      UErrorCode err = U_ZERO_ERROR;
      const UScriptCode sc = uscript_getScript(c, &err);
      if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
          sc == USCRIPT_KATAKANA || sc == USCRIPT_THAI || sc == USCRIPT_LAO ||
          sc == USCRIPT_KHMER || sc == USCRIPT_MYANMAR ||
          sc == USCRIPT_TIBETAN) {
        ++unspaced;
      }
    }
  });
  return words + unspaced / 2;
}

// Whether the text after a byline marker reads as names ("Daniel Moroz",
// "Kim Ha-neul, Maritime Industry Desk", "Daniel Moroz; editing by Mark
// Ellison") rather than as a sentence ("Di Stefano câștigă turneul"): in
// each clause (between , ; | /) every word is capitalised (or in a script
// without case) or a short lower-case word (and, de, van), or a role
// followed by the marker word ("editing by").
bool ReadsAsNames(std::string_view rest, std::string_view marker_word) {
  size_t i = 0;
  while (i <= rest.size()) {
    size_t end = rest.find_first_of(",;|/", i);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view clause = rest.substr(i, end - i);
    bool names = true;
    size_t w = 0;
    while (w < clause.size()) {
      while (w < clause.size() && clause[w] == ' ') ++w;
      size_t e = w;
      while (e < clause.size() && clause[e] != ' ') ++e;
      if (e == w) break;
      const std::string_view word = clause.substr(w, e - w);
      const auto* p = reinterpret_cast<const uint8_t*>(word.data());
      int32_t k = 0;
      UChar32 c;
      U8_NEXT(p, k, static_cast<int32_t>(word.size()), c);
      w = e;
      if (!(u_islower(c) && CountCodePoints(word) > 3)) continue;
      // A role before the marker word ("editing by") is part of a byline.
      size_t nb = w;
      while (nb < clause.size() && clause[nb] == ' ') ++nb;
      size_t ne = nb;
      while (ne < clause.size() && clause[ne] != ' ') ++ne;
      std::string next(clause.substr(nb, ne - nb));
      for (char& ch : next) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      if (marker_word.empty() || next != marker_word) names = false;
    }
    if (!names) return false;
    i = end + 1;
  }
  return true;
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
  std::u32string terminators;
  std::unordered_set<std::string> starters;

  bool IsBoilerplateLine(std::string_view line) const {
    if (line.size() > kMaxBoilerplateChars &&
        (line.size() > 4 * kMaxBoilerplateChars ||
         CountCodePoints(line) > kMaxBoilerplateChars)) {
      return false;
    }
    // Menus, bylines, counters and appeals are short labels: a line of more
    // than eight words that ends like a sentence is text, and so is any line
    // of more than twenty words.
    const int words = CountWords(line);
    const bool sentence_end = EndsLikeSentence(line, terminators);
    if (words > 20 || (words > 8 && sentence_end)) return false;
    for (const std::string& marker : captions) {
      if (line.substr(0, marker.size()) == marker) return true;
    }
    for (const std::string& marker : bylines) {
      if (line.size() <= marker.size() ||
          line.substr(0, marker.size()) != marker) {
        continue;
      }
      // "Author: ..." is always a byline; "By ..." only when names follow
      // and the line does not end like a sentence ("By Friday, the bridge
      // will open."; "Di Stefano câștigă turneul" in Romanian).
      const unsigned char last = static_cast<unsigned char>(marker.back());
      if (last < 0x80 && !std::isalnum(last)) return true;
      if (line[marker.size()] != ' ' || line.size() < marker.size() + 2) {
        continue;
      }
      const unsigned char next =
          static_cast<unsigned char>(line[marker.size() + 1]);
      const bool capital = next >= 0x80 || (next >= 'A' && next <= 'Z');
      std::string marker_word = marker.substr(
          marker.rfind(' ') == std::string::npos ? 0 : marker.rfind(' ') + 1);
      for (char& ch : marker_word)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (capital && !sentence_end && words <= 12 &&
          ReadsAsNames(line.substr(marker.size() + 1), marker_word)) {
        return true;
      }
    }
    // The expressions are written in lower case and matched against the
    // case-folded line in UTF-16 (much faster than case-insensitive
    // matching over UTF-8); full case folding, as FoldCaseFull.
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
    CROSSALIGN_ASSIGN_OR_RETURN(Pattern p, Compile(source, 0, origin));
    std::vector<std::string> prefixes = LiteralPrefixes(source);
    if (!prefixes.empty()) {
      GatedPattern g;
      g.prefixes = std::move(prefixes);
      g.pattern = std::move(p);
      impl->gated.push_back(std::move(g));
      continue;
    }
    all += (all.empty() ? "(?:" : "|(?:") + source + ")";
  }
  if (!all.empty()) {
    CROSSALIGN_ASSIGN_OR_RETURN(impl->boilerplate, Compile(all, 0, origin));
  }
  CROSSALIGN_ASSIGN_OR_RETURN(
      impl->date_stamp,
      Compile(kDateStamp, UREGEX_CASE_INSENSITIVE, "date stamp"));
  CROSSALIGN_ASSIGN_OR_RETURN(impl->dateline,
                              Compile(kDateline, 0, "dateline"));
  impl->bylines = rules.bylines;
  impl->captions = rules.captions;
  impl->terminators = rules.terminators;
  impl->starters = rules.starters;

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
    const std::string_view from = whole.substr(prefix);
    const size_t n =
        MatchPrefix(*impl_->dateline, impl_->dateline_id, from, false);
    // A sentence that starts with "However," or "Meanwhile," is no
    // dateline.
    const size_t first_end = from.find_first_of(" ,");
    if (n != std::string_view::npos &&
        !impl_->starters.count(FoldWord(from.substr(0, first_end)))) {
      prefix += n;
    }
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
    // Only a headline has a caption glued to it: after a sentence, or in a
    // line that ends like a sentence, the marker is part of the text.
    if (EndsLikeSentence(body.substr(0, at), impl_->terminators) ||
        EndsLikeSentence(body, impl_->terminators)) {
      continue;
    }
    pieces.push_back({TrimSpan(text, {rest.begin, rest.begin + at}), false});
    pieces.push_back({TrimSpan(text, {rest.begin + at, rest.end}), true});
    return pieces;
  }
  pieces.push_back({rest, false});
  return pieces;
}

}  // namespace crossalign::internal
