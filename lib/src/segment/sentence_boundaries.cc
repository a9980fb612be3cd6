#include "segment/sentence_boundaries.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "base/unicode_text.h"
#include "segment/boundary_chars.h"
#include "segment/list_items.h"

namespace crossalign::internal::boundary {
namespace {

// The longest clause naming a speaker after a quotation (characters).
constexpr size_t kMaxAttributionChars = 16;

struct Scanner {
  const Decoded& d;
  const SegmentationRules& rules;
  QuoteTable quotes;
  std::vector<size_t> list_marker_dots;  // full stops of list markers (few)
  std::vector<std::pair<size_t, size_t>> enclosed;  // quotes and brackets
  size_t last_boundary = 0;
  // The lowest of the language's extra terminators: most are in scripts
  // far above ASCII, so most characters need no lookup.
  char32_t min_extra_terminator = MinTerminator(rules);

  static char32_t MinTerminator(const SegmentationRules& r) {
    char32_t m = 0x110000;
    for (char32_t c : r.terminators) m = std::min(m, c);
    return m;
  }

  // The closing mark at `pos` ends a quotation or bracket opened before
  // `from`.
  bool ClosesSpanFrom(size_t pos, size_t from) const {
    for (const auto& [open, close] : enclosed) {
      if (close == pos && open < from) return true;
    }
    return false;
  }

  // Inside a quotation or brackets (between the marks).
  bool Enclosed(size_t pos) const {
    for (const auto& [open, close] : enclosed) {
      if (open < pos && pos <= close) return true;
    }
    return false;
  }

  // Words from `pos` up to the next sentence terminator.
  // A title's full stop (Mr.) does not count.
  int WordsToTerminator(size_t pos) const {
    int words = 0;
    size_t i = pos;
    while (i < d.size()) {
      while (i < d.size() && IsSpace(d.cps[i])) ++i;
      if (i >= d.size()) break;
      const size_t b = i;
      while (i < d.size() && !IsSpace(d.cps[i])) ++i;
      ++words;
      if (IsTerminator(d.cps[i - 1]) &&
          !rules.titles.count(FoldWord(Utf8(b, i)))) {
        break;
      }
    }
    return words;
  }

  // Words since the last sentence end, up to `pos`.
  int WordsSinceBoundary(size_t pos) const {
    int words = 0;
    bool in_word = false;
    for (size_t i = last_boundary; i < pos; ++i) {
      const bool w = !IsSpace(d.cps[i]);
      if (w && !in_word) ++words;
      in_word = w;
    }
    return words;
  }

  bool IsTerminator(char32_t c) const {
    return (Flags(c) & kSentenceTerminal) || c == 0x2026 ||
           (c >= min_extra_terminator &&
            rules.terminators.find(c) != std::u32string::npos);
  }

  std::string Utf8(size_t begin, size_t end) const {
    std::string out;
    for (size_t i = begin; i < end; ++i) {
      const UChar32 c = static_cast<UChar32>(d.cps[i]);
      uint8_t buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
    }
    return out;
  }

  // [begin, end) of the white-space-delimited token that ends at `end`.
  size_t TokenStart(size_t end) const {
    size_t b = end;
    while (b > 0 && !IsSpace(d.cps[b - 1])) --b;
    return b;
  }
  size_t TokenEnd(size_t begin) const {
    size_t e = begin;
    while (e < d.size() && !IsSpace(d.cps[e])) ++e;
    return e;
  }

  // The word a full stop at `dot` follows: the token before it without
  // leading quotes, brackets or bullets.
  std::pair<size_t, size_t> WordBefore(size_t dot) const {
    size_t b = std::max(TokenStart(dot), std::min(last_boundary, dot));
    while (b < dot && (IsOpener(d.cps[b]) || IsBullet(d.cps[b]) ||
                       d.cps[b] == '$' || d.cps[b] == '-')) {
      ++b;
    }
    return {b, dot};
  }

  // The word starting at `pos`, without leading openers or trailing
  // punctuation, folded.
  std::string NextWord(size_t pos) const {
    size_t b = pos;
    while (b < d.size() && IsOpener(d.cps[b])) ++b;
    size_t e = b;
    while (e < d.size() && (IsLetter(d.cps[e]) || IsDigit(d.cps[e]))) ++e;
    return FoldWord(Utf8(b, e));
  }

  // The first letter after a run of dashes and spaces at `pos`.
  char32_t WordAfterDash(size_t pos) const {
    while (pos < d.size() && (IsDash(d.cps[pos]) || IsSpace(d.cps[pos]))) {
      ++pos;
    }
    return pos < d.size() ? d.cps[pos] : 0;
  }

  char32_t FirstAfterOpeners(size_t pos) const {
    while (pos < d.size() && IsOpener(d.cps[pos])) ++pos;
    return pos < d.size() ? d.cps[pos] : 0;
  }

  bool InUrlOrEmail(size_t pos) const {
    const std::string token = Utf8(TokenStart(pos), TokenEnd(pos));
    return token.find('@') != std::string::npos ||
           token.find("://") != std::string::npos ||
           token.find("www.") != std::string::npos ||
           token.find('/') != std::string::npos;
  }

  // A word made of letters with full stops between (U.S, a.m, e.g, z.B).
  bool IsDottedAbbreviation(size_t b, size_t e) const {
    int letters_in_part = 0;
    int dots = 0;
    for (size_t i = b; i < e; ++i) {
      if (IsLetter(d.cps[i])) {
        if (++letters_in_part > 3) return false;
      } else if (d.cps[i] == '.') {
        if (letters_in_part == 0) return false;
        letters_in_part = 0;
        ++dots;
      } else {
        return false;
      }
    }
    return dots > 0 && letters_in_part > 0;
  }

  // Whether the token before the word at `b` is a number ("90", "1,2",
  // "2030") or, up to `depth` words back, a unit after one (млрд in "90
  // млрд руб.").
  bool AfterNumber(size_t b, int depth) const {
    size_t e = b;
    while (e > last_boundary && IsSpace(d.cps[e - 1])) --e;
    if (e == b || e <= last_boundary) return false;
    const size_t s = std::max(TokenStart(e), last_boundary);
    bool digit = false, number = true;
    for (size_t i = s; i < e; ++i) {
      digit = digit || IsDigit(d.cps[i]);
      number = number && (IsDigit(d.cps[i]) || d.cps[i] == ',' ||
                          d.cps[i] == '.' || d.cps[i] == 0xA0);
    }
    if (digit && number) return true;
    return depth > 1 && rules.units.count(FoldWord(Utf8(s, e))) > 0 &&
           AfterNumber(s, depth - 1);
  }

  bool AllDigits(size_t b, size_t e) const {
    if (b == e) return false;
    for (size_t i = b; i < e; ++i) {
      if (!IsDigit(d.cps[i])) return false;
    }
    return true;
  }

  // XII, IV: an upper-case Roman numeral of two letters or more.
  bool IsRomanNumeral(size_t b, size_t e) const {
    if (e - b < 2) return false;
    for (size_t i = b; i < e; ++i) {
      const char32_t c = d.cps[i];
      if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C' &&
          c != 'M') {
        return false;
      }
    }
    return true;
  }

  // "(Dinah was the cat.)" after a sentence is a sentence of its own;
  // "(Which was very likely true.)" refers back to the one before.
  bool ParentheticalSentence(size_t paren) const {
    const char32_t c = FirstAfterOpeners(paren);
    return (IsUpper(c) || IsDigit(c)) &&
           rules.relatives.count(NextWord(paren)) == 0;
  }

  // The word at `pos` is capitalised (an upper-case letter, then lower-case
  // letters only), is no title or abbreviation, and the next word starts
  // in lower case.
  bool CapitalisedThenLower(size_t pos) const {
    size_t i = pos;
    while (i < d.size() && IsOpener(d.cps[i])) ++i;
    if (i >= d.size() || !IsUpper(d.cps[i])) return false;
    const size_t b = i++;
    while (i < d.size() && IsLower(d.cps[i])) ++i;
    if (i - b < 2 || (i < d.size() && !IsSpace(d.cps[i]) && d.cps[i] != ',')) {
      return false;
    }
    const std::string word = FoldWord(Utf8(b, i));
    if (rules.titles.count(word) || rules.abbreviations.count(word)) {
      return false;
    }
    while (i < d.size() && (IsSpace(d.cps[i]) || d.cps[i] == ',')) ++i;
    return i < d.size() && IsLower(d.cps[i]);
  }

  // A short clause from `pos` to the next terminator that ends with one of
  // the language's attribution verbs (说, 表示).
  bool Attribution(size_t pos) const {
    if (rules.attributions.empty()) return false;
    size_t t = pos;
    while (t < d.size() && t - pos <= kMaxAttributionChars &&
           !IsTerminator(d.cps[t])) {
      ++t;
    }
    if (t >= d.size() || !IsTerminator(d.cps[t]) || t == pos) return false;
    const std::string clause = Utf8(pos, t);
    for (const std::string& verb : rules.attributions) {
      if (clause.size() >= verb.size() &&
          clause.compare(clause.size() - verb.size(), verb.size(), verb) == 0) {
        return true;
      }
    }
    return false;
  }

  // The end of an abbreviation holding the terminator at `pos` (Khmer
  // ។ល។) before its last character, or `pos` when there is none.
  size_t TerminatorWordEnd(size_t pos) const {
    for (const std::u32string& w : rules.terminator_words) {
      for (size_t k = 0; k + 1 < w.size(); ++k) {
        if (w[k] != d.cps[pos] || pos < k || pos - k + w.size() > d.size()) {
          continue;
        }
        if (d.cps.compare(pos - k, w.size(), w) == 0) return pos - k + w.size();
      }
    }
    return pos;
  }

  bool IsStarter(size_t pos) const {
    return rules.starters.count(NextWord(pos)) > 0;
  }

  // The case of the first letter of the next sentence candidate.
  struct NextCase {
    bool upper = false;
    bool digit = false;
    bool uncased = false;  // a letter of a script without case
  };

  // After a number "12." (or a Roman numeral where ordinals take a dot).
  bool NumberDotEnds(size_t b, size_t e, size_t dot, size_t next,
                     const NextCase& nc) const {
    // Where ordinals take a full stop (12. Juni, 3. Jahrhundert), a
    // short number ends a sentence only before a sentence starter.
    if (rules.ordinal_dot && (e - b) <= 3 &&
        (rules.months.count(NextWord(next)) || nc.digit || !IsStarter(next))) {
      // A number after a unit (o godz. 23.) is a quantity, not an
      // ordinal: where nouns are written in lower case a capitalised word
      // and lower-case text after it start a sentence (o godz. 23. Będą
      // kontynuowane). An ordinal before a name stays (TFF 1. Lig maçı).
      size_t u = b;
      while (u > 0 && IsSpace(d.cps[u - 1])) --u;
      const bool after_unit = u < b && u > 0 && d.cps[u - 1] == '.';
      return !rules.capitalised_nouns && nc.upper && AllDigits(b, e) &&
             after_unit && !rules.months.count(NextWord(next)) &&
             WordsSinceBoundary(dot) > 2 && CapitalisedThenLower(next);
    }
    return nc.upper || nc.digit || nc.uncased || IsOpener(d.cps[next]);
  }

  // After a single letter "I." (the folded `word`).
  bool OneLetterDotEnds(size_t b, const std::string& word, size_t dot,
                        size_t next, const NextCase& nc) const {
    if (IsUpper(d.cps[b]) && rules.single_letter_words.count(word)) {
      // "you and I. Did ..." is a word; "Albert I. Jones" an initial.
      const size_t prev_end = TokenStart(b);
      size_t pb = prev_end;
      while (pb > 0 && IsSpace(d.cps[pb - 1])) --pb;
      const size_t prev_start = TokenStart(pb);
      const bool after_name =
          pb == 0 || (prev_start < pb && IsUpper(d.cps[prev_start]));
      if (!after_name) return nc.upper || nc.digit;
    }
    // An initial, or a one-letter abbreviation (r. for "year" in Polish):
    // what follows decides, as for other abbreviations.
    if (IsUpper(d.cps[b])) {
      // An initial, unless a sentence starter follows that is a word of
      // its own, not one more initial ("Plan B. The vote", not "И. В.
      // Петров"); only in languages whose rules list their one-letter
      // words (en, da), where the starters are known to be no names.
      size_t w = next;
      while (w < d.size() && IsOpener(d.cps[w])) ++w;
      size_t we = w;
      while (we < d.size() && IsLetter(d.cps[we])) ++we;
      return we - w >= 2 && (we >= d.size() || d.cps[we] != '.') &&
             IsStarter(next) && !rules.single_letter_words.empty();
    }
    return IsStarter(next) ||
           (nc.upper && !rules.capitalised_nouns &&
            WordsSinceBoundary(dot) > 2 && CapitalisedThenLower(next));
  }

  // After an abbreviation "Mich." or a dotted one "U.S.".
  bool AbbreviationDotEnds(size_t b, size_t e, size_t dot, size_t next,
                           const NextCase& nc) const {
    if (!nc.upper) return false;
    if (IsStarter(next) && WordsSinceBoundary(dot) > 3) return true;
    // Decide on what follows: a capitalised word and then lower-case
    // text starts a sentence ("Flint, Mich. Production resumed", "etc.
    // Le maire a ajouté"), a name does not ("Co. Chairman Lee"). Not
    // where nouns are capitalised (German), nor after an upper-case
    // initialism (the U.S. Senate voted).
    if (rules.capitalised_nouns || WordsSinceBoundary(dot) <= 2) return false;
    bool initialism = true;
    for (size_t k = b; k < e; ++k) {
      if (IsLower(d.cps[k])) initialism = false;
    }
    return !(initialism && e - b >= 3) && CapitalisedThenLower(next);
  }

  // After any other word: what follows must open a sentence.
  bool OpensSentence(size_t next, const NextCase& nc) const {
    const int8_t type = u_charType(static_cast<UChar32>(d.cps[next]));
    // A dash and a capitalised word open reported speech (Polish, Russian:
    // "– Mój klient jest niewinny – powiedział").
    const bool speech_dash = IsDash(d.cps[next]) && next + 1 < d.size() &&
                             IsSpace(d.cps[next + 1]) &&
                             IsUpper(WordAfterDash(next));
    return nc.upper || nc.digit || nc.uncased || IsOpener(d.cps[next]) ||
           IsBullet(d.cps[next]) || type == U_CURRENCY_SYMBOL || speech_dash;
  }

  // Whether a sentence starts at `next` after a single full stop at `dot`
  // that a space follows.
  bool FullStopEnds(size_t dot, size_t next) const {
    if (std::find(list_marker_dots.begin(), list_marker_dots.end(), dot) !=
        list_marker_dots.end()) {
      return false;
    }
    const char32_t n = FirstAfterOpeners(next);
    NextCase nc;
    nc.upper = IsUpper(n);
    nc.digit = IsDigit(n);
    nc.uncased = IsLetter(n) && !nc.upper && !IsLower(n);
    auto [b, e] = WordBefore(dot);
    if (b == e) return nc.upper || nc.digit || nc.uncased;
    // An elided article or preposition is not part of the word: l'Ing.
    for (size_t k = e; k > b + 1; --k) {
      if (d.cps[k - 1] == '\'' || d.cps[k - 1] == 0x2019) {
        b = k;
        break;
      }
    }
    const std::string word = FoldWord(Utf8(b, e));
    // A unit after a number (90 млрд руб., 2030 г.): what is capitalised
    // after it starts a sentence, even where the word is a title elsewhere.
    if (rules.units.count(word) && AfterNumber(b, 2)) {
      return nc.upper && WordsSinceBoundary(dot) > 3;
    }
    if (rules.titles.count(word)) return false;
    if (AllDigits(b, e) || (rules.ordinal_dot && IsRomanNumeral(b, e))) {
      return NumberDotEnds(b, e, dot, next, nc);
    }
    if (e - b == 1 && IsLetter(d.cps[b])) {
      return OneLetterDotEnds(b, word, dot, next, nc);
    }
    // A fragment of three words or fewer ("At 5 a.m.") is not a sentence.
    // So is one of three words or fewer after it ("at 10:30 a.m. Kyiv
    // time.").
    if (rules.final_abbreviations.count(word)) {
      // "at 9 a.m. Police were deployed.": three words, a verb among them.
      const int after = WordsToTerminator(next);
      return nc.upper && WordsSinceBoundary(dot) > 3 &&
             (after > 3 || (after == 3 && CapitalisedThenLower(next)));
    }
    if (rules.abbreviations.count(word) || IsDottedAbbreviation(b, e)) {
      return AbbreviationDotEnds(b, e, dot, next, nc);
    }
    return OpensSentence(next, nc);
  }
};

// List items start a sentence: the end of the text before each item start
// goes to `ends`. The full stop of a marker ("1.", "a.") at the start of
// the text, after a bullet or in a list ends nothing: those go to
// sc->list_marker_dots.
void MarkListItems(Scanner* sc, std::vector<size_t>* ends) {
  const Decoded& d = sc->d;
  std::vector<size_t> item_starts = ListItemStarts(d, sc->rules);
  for (size_t e : item_starts) {
    while (e > 0 && IsSpace(d.cps[e - 1])) --e;
    if (e > 0) ends->push_back(d.offsets[e]);
  }
  item_starts.insert(item_starts.begin(), 0);
  for (size_t i : item_starts) {
    while (i < d.size() && (IsBullet(d.cps[i]) || IsSpace(d.cps[i]))) ++i;
    size_t j = i;
    while (j < d.size() && j - i < 3 && IsDigit(d.cps[j])) ++j;
    if (j == i && j < d.size() && IsLetter(d.cps[j])) ++j;
    if (j > i && j < d.size() && d.cps[j] == '.' && j + 1 < d.size() &&
        (IsSpace(d.cps[j + 1]) || d.cps[j + 1] == ')')) {
      sc->list_marker_dots.push_back(j);
    }
  }
}

// Interrupted speech at the dash run starting at `i`: "If you please,
// sir--" The Rabbit ... ends a sentence after the quote. Returns the end of
// the dash run.
size_t ScanDashes(size_t i, Scanner* sc, std::vector<size_t>* ends) {
  const Decoded& d = sc->d;
  const size_t n = d.size();
  size_t j = i;
  while (j < n && IsDash(d.cps[j])) ++j;
  const bool long_dash = j - i >= 2 || d.cps[i] == 0x2014;
  if (long_dash && j < n && IsQuote(d.cps[j]) && j + 1 < n &&
      IsSpace(d.cps[j + 1])) {
    size_t m = j + 1;
    while (m < n && IsSpace(d.cps[m])) ++m;
    if (m < n && IsUpper(sc->FirstAfterOpeners(m)) && !sc->Enclosed(j + 1)) {
      ends->push_back(d.offsets[j + 1]);
      sc->last_boundary = j + 1;
    }
  }
  return j;
}

// A run of terminators ("?!", "...", ". . .") with the closing marks and
// footnote marks glued to it, and what follows.
struct TerminatorRun {
  size_t start = 0;          // the first terminator
  size_t end = 0;            // after the last terminator
  size_t after = 0;          // after the closing and footnote marks
  size_t next = 0;           // the first non-space after that
  int dots = 0;              // full stops, an ellipsis counting three
  bool strong = false;       // a terminator other than a dot ("?", "!")
  bool spaced = false;       // a spaced ellipsis (". . .")
  bool ideographic = false;  // "。", "！"
  bool closed_quote = false;
};

// Reads the terminators from `i` on into `run`.
void ReadTerminators(const Scanner& sc, size_t i, TerminatorRun* run) {
  const Decoded& d = sc.d;
  const size_t n = d.size();
  run->start = i;
  size_t j = i;
  while (j < n) {
    const char32_t c = d.cps[j];
    if (sc.IsTerminator(c)) {
      run->dots += c == '.' ? 1 : c == 0x2026 ? 3 : 0;
      run->strong = run->strong || !IsDot(c);
      run->ideographic = run->ideographic || IsIdeographicTerminator(c);
      ++j;
    } else if (c == ' ' && j + 1 < n && d.cps[j + 1] == '.' &&
               d.cps[j - 1] == '.') {
      run->spaced = true;
      ++j;
    } else {
      break;
    }
  }
  run->end = j;
}

// Skips, from `j`, the closing marks after the terminators; returns where
// they end.
size_t SkipClosers(const Scanner& sc, size_t j, TerminatorRun* run) {
  const Decoded& d = sc.d;
  const size_t n = d.size();
  while (j < n && (IsCloser(d.cps[j]) || sc.IsTerminator(d.cps[j]))) {
    run->closed_quote = true;
    ++j;
  }
  // A closing mark after a space (French « Nous verrons. »): it closes a
  // quotation opened before the terminator, or it is a mark that only
  // closes in this language.
  while (j < n) {
    size_t k = j;
    while (k < n && k - j < 2 && IsSpace(d.cps[k]) && d.cps[k] != '\n') ++k;
    if (k == j || k >= n) break;
    const bool closes = sc.ClosesSpanFrom(k, run->start) ||
                        (sc.quotes.OnlyCloses(d.cps[k]) &&
                         (k + 1 >= n || IsSpace(d.cps[k + 1]) ||
                          (Flags(d.cps[k + 1]) & kPunct)));
    if (!closes) break;
    j = k + 1;
    run->closed_quote = true;
  }
  return j;
}

// Skips, from `j`, footnote marks glued to the full stop: ".[1]",
// ".[7][8]", ".11 12"; returns where they end.
size_t SkipFootnoteMarks(const Decoded& d, size_t run_start, size_t j) {
  const size_t n = d.size();
  while (j + 2 < n && d.cps[j] == '[' && IsDigit(d.cps[j + 1])) {
    size_t k = j + 1;
    while (k < n && IsDigit(d.cps[k])) ++k;
    if (k >= n || d.cps[k] != ']') break;
    j = k + 1;
  }
  if (j < n && IsDigit(d.cps[j]) && run_start > 0 &&
      (IsLower(d.cps[run_start - 1]) || d.cps[run_start - 1] == ')')) {
    size_t k = j;
    while (true) {
      size_t e = k;
      while (e < n && e - k < 3 && IsDigit(d.cps[e])) ++e;
      if (e == k || (e < n && !IsSpace(d.cps[e]))) break;
      j = e;
      if (e + 1 < n && IsDigit(d.cps[e + 1])) {
        k = e + 1;
      } else {
        break;
      }
    }
  }
  return j;
}

TerminatorRun ReadTerminatorRun(const Scanner& sc, size_t i) {
  TerminatorRun run;
  ReadTerminators(sc, i, &run);
  size_t j = SkipClosers(sc, run.end, &run);
  j = SkipFootnoteMarks(sc.d, run.start, j);
  run.after = j;
  while (j < sc.d.size() && IsSpace(sc.d.cps[j])) ++j;
  run.next = j;
  return run;
}

// Whether a run with no space after it ends a sentence.
bool EndsWithoutSpace(const Scanner& sc, const TerminatorRun& run) {
  const Decoded& d = sc.d;
  const size_t n = d.size();
  const size_t next = run.next;
  if (run.ideographic && run.closed_quote && IsHiragana(d.cps[next])) {
    // 「…。」と言った: a quotative particle after the closing quote.
    return false;
  }
  if (run.ideographic && run.closed_quote && sc.Attribution(next)) {
    // “…！”队长在赛后说。: the speaker, after the quotation.
    return false;
  }
  if (run.ideographic || (run.strong && d.cps[run.end - 1] >= 0x80 &&
                          (IsLetter(d.cps[next]) || IsDigit(d.cps[next])))) {
    return true;
  }
  if (!run.strong && run.dots == 1 && run.end == run.start + 1 &&
      !run.closed_quote && IsUpper(d.cps[next]) &&
      !sc.InUrlOrEmail(run.start)) {
    // world.Today
    // After a lower-case word any capital starts a sentence
    // (world.Today, world.I); after a number, a capitalised word does
    // (1,000.That).
    const auto [b, e] = sc.WordBefore(run.start);
    const bool lower_word =
        e - b >= 2 && IsLower(d.cps[e - 1]) && IsLower(d.cps[e - 2]);
    const bool number = e - b >= 2 && IsDigit(d.cps[e - 1]) && next + 1 < n &&
                        IsLower(d.cps[next + 1]);
    const std::string word = FoldWord(sc.Utf8(b, e));
    return (lower_word || number) && !sc.rules.abbreviations.count(word) &&
           !sc.rules.titles.count(word);
  }
  return false;
}

// Whether an ellipsis (two dots or more) before a space ends a sentence;
// `boundary_at` is moved to after the full stop of "compounds. . . . The".
bool EllipsisEnds(const Scanner& sc, const TerminatorRun& run, char32_t nc,
                  size_t* boundary_at) {
  const Decoded& d = sc.d;
  const bool before_is_bracket =
      run.start > 0 &&
      (d.cps[run.start - 1] == '[' || d.cps[run.start - 1] == '(');
  const bool detached = run.start > 0 && IsSpace(d.cps[run.start - 1]);
  // Before a space, an ellipsis ends a sentence when a capital, a digit
  // or a letter of a script without case follows (Korean, Arabic).
  const bool starts_next =
      IsUpper(nc) || IsDigit(nc) || (IsLetter(nc) && !IsLower(nc));
  if (before_is_bracket) return false;
  if (run.spaced && !detached && run.dots == 4 && !run.closed_quote) {
    // "compounds. . . . The": the full stop ends the sentence, the
    // spaced ellipsis opens the next one.
    *boundary_at = run.start + 1;
    return starts_next;
  }
  if (detached && run.dots == 3 && run.spaced) {
    return false;  // " . . . " omission inside a sentence
  }
  return starts_next;
}

// Whether the run ends a sentence, and where (`boundary_at`: after the
// closing marks, unless the ellipsis rules move it).
bool RunEndsSentence(const Scanner& sc, const TerminatorRun& run,
                     size_t* boundary_at) {
  const Decoded& d = sc.d;
  const size_t next = run.next;
  *boundary_at = run.after;
  if (next <= run.after) return EndsWithoutSpace(sc, run);
  const char32_t nc = sc.FirstAfterOpeners(next);
  if (IsLower(nc) || (d.cps[next] == '(' && !sc.ParentheticalSentence(next)) ||
      d.cps[next] == ',' || d.cps[next] == ';' || d.cps[next] == ':' ||
      (IsDash(d.cps[next]) && IsLower(sc.WordAfterDash(next)))) {
    // Continues: a lower-case word, a parenthesis, a comma, a dash
    // followed by lower case ("voila! -- you have cake").
    return false;
  }
  if (run.strong || run.ideographic) return true;
  if (run.dots >= 2) return EllipsisEnds(sc, run, nc, boundary_at);
  return sc.FullStopEnds(run.start, next);
}

// Whether the scan stops at code point c: a terminator, a dash or one of
// the language's extra terminators.
bool StopsScan(const Scanner& sc, char32_t c) {
  const uint16_t f = Flags(c);
  return (f & kScanStop) ||
         (c >= sc.min_extra_terminator && (f & kPunct) &&
          sc.rules.terminators.find(c) != std::u32string::npos);
}

// Drops the ends that would leave a piece with no more than a list marker,
// a bullet or a lone initial: a sentence needs more.
std::vector<size_t> DropTinyPieces(const Decoded& d,
                                   const std::vector<size_t>& ends) {
  std::vector<size_t> kept;
  size_t cp = 0;
  int letters = 0;
  int digits = 0;
  size_t piece_start = 0;
  for (size_t e : ends) {
    if (e - piece_start > 16) {
      // Long enough to hold a sentence; no need to count.
      kept.push_back(e);
      piece_start = e;
      letters = 0;
      digits = 0;
      continue;
    }
    if (d.offsets[cp] < piece_start) {
      cp = static_cast<size_t>(
          std::lower_bound(d.offsets.begin(), d.offsets.end(), piece_start) -
          d.offsets.begin());
    }
    while (cp < d.size() && d.offsets[cp] < e) {
      letters += IsLetter(d.cps[cp]) ? 1 : 0;
      digits += IsDigit(d.cps[cp]) ? 1 : 0;
      ++cp;
    }
    if (letters <= 1 && digits <= 3) continue;
    piece_start = e;
    kept.push_back(e);
    letters = 0;
    digits = 0;
  }
  return kept;
}

// FindSentenceEnds, inside the scan's namespace.
std::vector<size_t> FindEnds(std::string_view text,
                             const SegmentationRules& rules) {
  // The decoding buffers are reused: one allocation per thread, not per
  // paragraph.
  thread_local Decoded buffer;
  Decode(text, &buffer);
  const Decoded& d = buffer;
  const QuoteTable quotes{rules.quotes};
  Scanner sc{d, rules, quotes, {}, EnclosedSpans(d, quotes)};
  std::vector<size_t> ends;
  MarkListItems(&sc, &ends);

  const size_t n = d.size();
  for (size_t i = 0; i < n;) {
    if (!StopsScan(sc, d.cps[i])) {
      ++i;
      continue;
    }
    if (IsDash(d.cps[i])) {
      i = ScanDashes(i, &sc, &ends);
      continue;
    }
    if (!sc.IsTerminator(d.cps[i])) {
      ++i;
      continue;
    }
    if (const size_t end = sc.TerminatorWordEnd(i); end > i + 1) {
      // ។ល។ ("et cetera"): the marks inside end nothing; a final one is
      // decided like any other (the list often ends the sentence).
      i = end - 1;
      if (!sc.IsTerminator(d.cps[i])) {
        ++i;
        continue;
      }
    }
    const TerminatorRun run = ReadTerminatorRun(sc, i);
    i = std::max(run.after, run.start + 1);
    if (run.next >= n) continue;  // the end of the text ends the sentence
    size_t boundary_at = run.after;
    bool boundary = RunEndsSentence(sc, run, &boundary_at);
    if (boundary && sc.Enclosed(boundary_at)) boundary = false;
    if (boundary) {
      ends.push_back(d.offsets[boundary_at]);
      sc.last_boundary = boundary_at;
    }
  }
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  return DropTinyPieces(d, ends);
}

}  // namespace
}  // namespace crossalign::internal::boundary

namespace crossalign::internal {

std::vector<size_t> FindSentenceEnds(std::string_view text,
                                     const SegmentationRules& rules) {
  return boundary::FindEnds(text, rules);
}

}  // namespace crossalign::internal
