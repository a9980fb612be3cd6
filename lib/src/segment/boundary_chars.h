// The character tables and quotation spans of the sentence boundary scan
// (sentence_boundaries.cc, list_items.cc). Internal to segment/.
#ifndef CROSSALIGN_SRC_SEGMENT_BOUNDARY_CHARS_H_
#define CROSSALIGN_SRC_SEGMENT_BOUNDARY_CHARS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crossalign::internal::boundary {

// The text as code points, with the byte offset of each and of the end.
struct Decoded {
  std::u32string cps;
  std::vector<size_t> offsets;
  size_t size() const { return cps.size(); }
};

// Decodes `text` into *out (reusing its buffers).
void Decode(std::string_view text, Decoded* out);

// Character classes from ICU, tabulated once for the Basic Multilingual
// Plane (the boundary scan asks several questions of every character).
enum CharFlag : uint16_t {
  kSpace = 1,
  kUpper = 2,
  kLower = 4,
  kLetter = 8,
  kDigit = 16,
  kSentenceTerminal = 32,
  kOpenPunct = 64,
  kClosePunct = 128,
  kQuote = 256,
  kScanStop = 512,  // a terminator, an ellipsis or a dash
  kPunct = 1024,
  kBullet = 2048,
};

// The flags of `c`, from ICU.
uint16_t ComputeFlags(char32_t c);

// ComputeFlags for each code point of the Basic Multilingual Plane.
const uint16_t* FlagTable();

// Built on first use, not at start-up: a run that never splits sentences
// (--presegmented) does not pay for it (8% of a Text+Berg document's
// instructions).
inline uint16_t Flags(char32_t c) {
  static const uint16_t* const table = FlagTable();
  return c < 0x10000 ? table[c] : ComputeFlags(c);
}

inline bool IsSpace(char32_t c) { return Flags(c) & kSpace; }
inline bool IsUpper(char32_t c) { return Flags(c) & kUpper; }
inline bool IsLower(char32_t c) { return Flags(c) & kLower; }
inline bool IsLetter(char32_t c) { return Flags(c) & kLetter; }
inline bool IsDigit(char32_t c) { return Flags(c) & kDigit; }
inline bool IsQuote(char32_t c) { return Flags(c) & kQuote; }
inline bool IsCloser(char32_t c) { return Flags(c) & (kClosePunct | kQuote); }
inline bool IsBullet(char32_t c) { return Flags(c) & kBullet; }
inline bool IsOpener(char32_t c) {
  return (Flags(c) & (kOpenPunct | kQuote)) || c == 0xBF || c == 0xA1;
}
inline bool IsHiragana(char32_t c) { return c >= 0x3041 && c <= 0x309F; }
inline bool IsDash(char32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014;
}
inline bool IsDot(char32_t c) { return c == '.' || c == 0x2026; }
// Terminators written without a following space (CJK full-width forms).
inline bool IsIdeographicTerminator(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61 ||
         c == 0xFF0E;
}

// The closing mark of an opening bracket, or 0. Quotation marks come from
// the language's rules ([quotes]).
char32_t BracketClosing(char32_t open);

// The language's quotation marks, for the lookups of the scan.
struct QuoteTable {
  const std::vector<std::pair<char32_t, char32_t>>& pairs;

  // The closing mark of the quotation `c` opens, or 0.
  char32_t ClosingOf(char32_t c) const {
    for (const auto& [open, close] : pairs) {
      if (open == c) return close;
    }
    return BracketClosing(c);
  }
  // Whether `c` closes the quotation or bracket `open` opened (Polish „…”
  // and German „…“ both).
  bool Pair(char32_t open, char32_t c) const {
    for (const auto& q : pairs) {
      if (q.first == open && q.second == c) return true;
    }
    return BracketClosing(open) == c && c != 0;
  }
  // Whether `c` closes some quotation of the language.
  bool Closes(char32_t c) const {
    for (const auto& q : pairs) {
      if (q.second == c) return true;
    }
    return false;
  }
  // A mark that may open or close (straight quotes; Danish », which also
  // closes « »): it opens only at the start of a word.
  bool Ambiguous(char32_t c) const { return Closes(c) && ClosingOf(c) != 0; }
  // A mark that only closes (French »).
  bool OnlyCloses(char32_t c) const { return Closes(c) && ClosingOf(c) == 0; }
};

// Code point ranges (open, close) of quotations and bracketed text that are
// closed within the text. An ambiguous mark (a straight quote) opens after
// a space or an opening mark; a symmetric one closes only after a non-space;
// an apostrophe inside a word (they'll, dragon’s) is neither. A mark that
// only closes in the language (French ») never opens.
std::vector<std::pair<size_t, size_t>> EnclosedSpans(const Decoded& d,
                                                     const QuoteTable& q);

}  // namespace crossalign::internal::boundary

#endif  // CROSSALIGN_SRC_SEGMENT_BOUNDARY_CHARS_H_
