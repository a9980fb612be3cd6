#include "segment/boundary_chars.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/unicode_text.h"

namespace crossalign::internal::boundary {

namespace {

bool IsBulletChar(UChar32 c) {
  switch (c) {
    case 0x2022:  // •
    case 0x2023:  // ‣
    case 0x2043:  // ⁃
    case 0x25CF:  // ●
    case 0x25E6:  // ◦
    case 0x25AA:  // ▪
    case 0x25A0:  // ■
    case 0x2219:  // ∙
      return true;
    default:
      return false;
  }
}

}  // namespace

void Decode(std::string_view text, Decoded* out) {
  DecodeUtf8WithOffsets(text, &out->cps, &out->offsets);
}

uint16_t ComputeFlags(char32_t cp) {
  const UChar32 c = static_cast<UChar32>(cp);
  uint16_t f = 0;
  if (u_isUWhiteSpace(c)) f |= kSpace;
  if (u_isupper(c) || u_istitle(c)) f |= kUpper;
  if (u_islower(c)) f |= kLower;
  if (u_isalpha(c)) f |= kLetter;
  if (u_isdigit(c)) f |= kDigit;
  if (u_hasBinaryProperty(c, UCHAR_S_TERM)) f |= kSentenceTerminal | kScanStop;
  if (c == 0x2026 || c == '-' || c == 0x2013 || c == 0x2014) f |= kScanStop;
  const int8_t t = u_charType(c);
  if (u_ispunct(c)) f |= kPunct;
  if (IsBulletChar(c)) f |= kBullet;
  if (t == U_START_PUNCTUATION) f |= kOpenPunct;
  if (t == U_END_PUNCTUATION) f |= kClosePunct;
  if (c == '"' || c == '\'' || t == U_INITIAL_PUNCTUATION ||
      t == U_FINAL_PUNCTUATION) {
    f |= kQuote;
  }
  return f;
}

const uint16_t* FlagTable() {
  static const std::vector<uint16_t> table = [] {
    std::vector<uint16_t> t(0x10000);
    for (UChar32 u = 0; u < 0x10000; ++u) {
      t[static_cast<size_t>(u)] = ComputeFlags(static_cast<char32_t>(u));
    }
    return t;
  }();
  return table.data();
}

// Quotations and brackets longer than this are not kept in one sentence.
constexpr size_t kMaxEnclosedChars = 600;

// The closing mark of an opening bracket, or 0. Quotation marks come from
// the language's rules ([quotes]).
char32_t BracketClosing(char32_t open) {
  switch (open) {
    case '(':
      return ')';
    case '[':
      return ']';
    case 0xFF08:
      return 0xFF09;  // （ ）
    case 0x300A:
      return 0x300B;  // 《 》
    case 0x3008:
      return 0x3009;  // 〈 〉
    case 0x3010:
      return 0x3011;  // 【 】
    default:
      return 0;
  }
}

// Code point ranges (open, close) of quotations and bracketed text that are
// closed within the text. An ambiguous mark (a straight quote) opens after
// a space or an opening mark; a symmetric one closes only after a non-space;
// an apostrophe inside a word (they'll, dragon’s) is neither. A mark that
// only closes in the language (French ») never opens.
std::vector<std::pair<size_t, size_t>> EnclosedSpans(const Decoded& d,
                                                     const QuoteTable& q) {
  std::vector<std::pair<size_t, char32_t>> stack;  // position, opening mark
  std::vector<std::pair<size_t, size_t>> spans;
  const size_t n = d.size();
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = d.cps[i];
    if (!(Flags(c) & (kQuote | kOpenPunct | kClosePunct))) continue;
    const bool prev_word =
        i > 0 && (IsLetter(d.cps[i - 1]) || IsDigit(d.cps[i - 1]));
    const bool next_word =
        i + 1 < n && (IsLetter(d.cps[i + 1]) || IsDigit(d.cps[i + 1]));
    if (prev_word && next_word && (c == '\'' || c == 0x2019)) continue;
    const char32_t close = q.ClosingOf(c);
    // Closing?
    bool closed = false;
    for (size_t k = stack.size(); k-- > 0;) {
      if (!q.Pair(stack[k].second, c)) continue;
      if (stack[k].second == c && (i == 0 || IsSpace(d.cps[i - 1]))) break;
      if (i - stack[k].first <= kMaxEnclosedChars) {
        spans.emplace_back(stack[k].first, i);
      }
      stack.resize(k);
      closed = true;
      break;
    }
    if (closed || close == 0) continue;
    if (q.Ambiguous(c) &&
        !(i == 0 || IsSpace(d.cps[i - 1]) || IsOpener(d.cps[i - 1]) ||
          d.cps[i - 1] == '-' || d.cps[i - 1] == 0x2014)) {
      continue;
    }
    stack.emplace_back(i, c);
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

}  // namespace crossalign::internal::boundary
