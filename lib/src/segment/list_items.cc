#include "segment/list_items.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "base/unicode_text.h"

namespace crossalign::internal::boundary {
namespace {

// The longest list item in running text, in code points.
constexpr size_t kMaxListItemChars = 400;
// Items of a list that does not start at 1 (a) are short.
constexpr size_t kMaxShortItemChars = 60;

// A list marker: "1.", "a)", "(3)".
struct ListMarker {
  size_t pos;  // code point index of the marker
  size_t dot;  // index of its '.' or ')'
  int kind;    // 0 digits, 1 lower-case letter, 2 upper-case letter
  char32_t closer;
  long value;
  bool bulleted;  // the bullet before it already starts the item
};

// Whether the word at `word` names a month: "3. Oktober" is a date, not a
// list item.
bool IsMonthAt(const Decoded& d, const SegmentationRules& rules, size_t word) {
  size_t we = word;
  while (we < d.size() && IsLetter(d.cps[we])) ++we;
  std::string next;
  for (size_t k = word; k < we; ++k) {
    uint8_t buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(d.cps[k]));
    next.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return rules.months.count(FoldWord(next)) > 0;
}

// Reads a list marker at the start of the token at `i` ("1. ", "a) ",
// "(3) "), if there is one.
bool ReadListMarker(const Decoded& d, const SegmentationRules& rules, size_t i,
                    ListMarker* marker) {
  // "(a) ", "(3) ": a marker in parentheses.
  const bool paren = d.cps[i] == '(';
  const size_t first = paren ? i + 1 : i;
  size_t j = first;
  long value = 0;
  int kind = -1;
  while (j < d.size() && j - first < 3 && d.cps[j] >= '0' && d.cps[j] <= '9') {
    value = value * 10 + static_cast<long>(d.cps[j] - '0');
    ++j;
  }
  if (j > first) {
    kind = 0;
  } else if (first < d.size() && d.cps[first] < 128 && IsLetter(d.cps[first])) {
    kind = IsLower(d.cps[first]) ? 1 : 2;
    value = static_cast<long>(std::tolower(static_cast<int>(d.cps[first])));
    j = first + 1;
  }
  if (kind < 0 || j >= d.size()) return false;
  const char32_t closer = paren ? '(' : d.cps[j];
  if (paren ? d.cps[j] != ')' : (closer != '.' && closer != ')')) return false;
  if (kind == 2 && closer == '.') return false;  // "E. Smith" is an initial
  size_t after = j + 1;
  if (closer == '.' && after < d.size() && d.cps[after] == ')') ++after;
  if (after >= d.size() || !IsSpace(d.cps[after])) return false;
  size_t word = after;
  while (word < d.size() && IsSpace(d.cps[word])) ++word;
  if (kind == 0 && word < d.size() && IsLower(d.cps[word])) {
    return false;  // "for 1. above"
  }
  if (kind == 0 && closer == '.' && rules.ordinal_dot &&
      !rules.months.empty() && IsMonthAt(d, rules, word)) {
    return false;
  }
  const bool after_bullet = i > 0 && IsBullet(d.cps[i - 1]);
  size_t k = i;
  while (k > 0 && IsSpace(d.cps[k - 1])) --k;
  const bool bulleted = after_bullet || (k > 0 && IsBullet(d.cps[k - 1]));
  *marker = {i, j, kind, closer, value, bulleted};
  return true;
}

// The list markers of the text; the bullets that start an item go to
// `bullets`.
std::vector<ListMarker> FindListMarkers(const Decoded& d,
                                        const SegmentationRules& rules,
                                        std::vector<size_t>* bullets) {
  std::vector<ListMarker> markers;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && !(Flags(d.cps[i - 1]) & (kSpace | kBullet))) {
      continue;  // not the start of a token
    }
    const char32_t c0 = d.cps[i];
    if (!(c0 == '(' || IsBullet(c0) || (c0 < 128 && IsLetter(c0)) ||
          (c0 >= '0' && c0 <= '9'))) {
      continue;
    }
    // Most tokens are words: a letter marker is one letter and its closer.
    if (c0 < 128 && IsLetter(c0) &&
        (i + 1 >= d.size() || (d.cps[i + 1] != '.' && d.cps[i + 1] != ')'))) {
      continue;
    }
    if (IsBullet(d.cps[i])) {
      if (i > 0) bullets->push_back(i);
      continue;
    }
    ListMarker marker{};
    if (ReadListMarker(d, rules, i, &marker)) markers.push_back(marker);
  }
  return markers;
}

// Which markers belong to a list. A list has list shape: a marker at the
// start of a line, or a sequence that starts at 1 (a, A) where the text
// starts, at a line start or after a colon or a sentence end, and goes on
// 2, 3 (b, c) after short items. "am 3. Oktober und am 4. Oktober" is not
// a list.
std::vector<bool> MarkersInLists(const Decoded& d,
                                 const std::vector<ListMarker>& markers) {
  auto line_start = [&](size_t pos) {
    size_t k = pos;
    while (k > 0 && IsSpace(d.cps[k - 1]) && d.cps[k - 1] != '\n') --k;
    return k == 0 || d.cps[k - 1] == '\n';
  };
  auto item_position = [&](size_t pos) {
    size_t k = pos;
    while (k > 0 && IsSpace(d.cps[k - 1])) --k;
    if (k == 0 || d.cps[k - 1] == '\n') return true;
    const char32_t c = d.cps[k - 1];
    return c == ':' || (Flags(c) & kSentenceTerminal) || IsBullet(c);
  };
  std::vector<bool> in_list(markers.size(), false);
  for (size_t a = 0; a < markers.size(); ++a) {
    if (line_start(markers[a].pos) &&
        (markers[a].kind == 0 || markers[a].closer != '.')) {
      in_list[a] = true;
    }
    const bool first = markers[a].value == (markers[a].kind == 0 ? 1 : 'a') &&
                       item_position(markers[a].pos);
    std::vector<size_t> chain = {a};
    for (size_t b = a + 1; b < markers.size(); ++b) {
      const ListMarker& last = markers[chain.back()];
      const ListMarker& m = markers[b];
      if (m.kind != last.kind || m.closer != last.closer) continue;
      if (m.pos - last.pos > kMaxListItemChars) break;
      if (m.value == last.value + 1) chain.push_back(b);
    }
    // Elsewhere a run of three short items ("w) hello x) hello y) hello").
    bool short_items = chain.size() >= 3;
    for (size_t k = 1; k < chain.size() && short_items; ++k) {
      short_items = markers[chain[k]].pos - markers[chain[k - 1]].pos <=
                    kMaxShortItemChars;
    }
    if (!(first && chain.size() >= 2) && !short_items) continue;
    for (size_t k : chain) in_list[k] = true;
  }
  return in_list;
}

}  // namespace

std::vector<size_t> ListItemStarts(const Decoded& d,
                                   const SegmentationRules& rules) {
  std::vector<size_t> starts;
  const std::vector<ListMarker> markers = FindListMarkers(d, rules, &starts);
  const std::vector<bool> in_list = MarkersInLists(d, markers);
  for (size_t a = 0; a < markers.size(); ++a) {
    const ListMarker& m = markers[a];
    if (in_list[a] && m.pos > 0 && !m.bulleted) starts.push_back(m.pos);
  }
  std::sort(starts.begin(), starts.end());
  return starts;
}

}  // namespace crossalign::internal::boundary
