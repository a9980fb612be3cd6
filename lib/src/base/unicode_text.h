// Unicode text, one place for it: decoding UTF-8 to code points and case
// folding, on ICU. Internal.
//
// Decoding follows ICU's U8_NEXT: an ill-formed sequence (a stray
// continuation byte, a truncated sequence, an overlong form, an encoded
// surrogate, a value above U+10FFFF) is one error, reported as a negative
// code point by the functions that return one, replaced by U+FFFD or skipped
// by the functions that build a string, as each says.
//
// Case folding: crossalign uses three foldings, on purpose, and this module is
// where all three live:
//  - FoldCase (simple case folding, one code point to one code point): keys
//    that are built a character at a time and must keep their length in
//    characters: the aligner's word tokens, dictionary entries.
//  - FoldCaseFull (full case folding, "ß" -> "ss", "ŉ" -> "ʼn"): text that is
//    compared as a whole: the language identifier's normalised text,
//    abbreviations of the segmentation rules, the boilerplate expressions
//    (ArticleCleaner folds its UTF-16 line with the same ICU call).
//  - LowerCodePoint (lower-case mapping, which keeps the final sigma "ς"
//    that folding turns into "σ") for the n-gram model, whose published
//    tables were made from lower-cased text, and the Latin skeletons of
//    names.
// Unifying them would change which words match, hence the outputs; that is
// a behaviour change, not a refactoring.
//
// Boost.Locale is not used (it was linked, but nothing called it): with its
// ICU back end, fold_case, to_lower, normalize and the boundary iterators
// are these same ICU calls behind std::locale objects (fold_case is
// ucasemap_utf8FoldCase: on corpora/ it gives the same bytes in the same
// time as calling ICU), and it has nothing for what the stages need most:
// code point properties and scripts, regular expressions, charset
// detection, break iterators with our own rules. Those need ICU directly
// anyway, so one library, called directly, serves all.
#ifndef CROSSALIGN_SRC_BASE_UNICODE_TEXT_H_
#define CROSSALIGN_SRC_BASE_UNICODE_TEXT_H_

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace crossalign::internal {

// ---- decoding ----

// Calls visit(c) for each code point of `text`, in order; an ill-formed
// sequence is one call with c < 0. When visit returns bool, false stops the
// walk. Every forward walk over UTF-8 in the library goes through here.
template <typename Visit>
void ForEachCodePoint(std::string_view text, Visit&& visit) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if constexpr (std::is_same_v<std::invoke_result_t<Visit&, int32_t>, bool>) {
      if (!visit(static_cast<int32_t>(c))) return;
    } else {
      visit(static_cast<int32_t>(c));
    }
  }
}

// The code points of `text`; ill-formed sequences are skipped.
std::u32string DecodeUtf8(std::string_view text);

// The code points of `text`, ill-formed sequences as U+FFFD, and where each
// starts: (*offsets)[i] is the byte offset of code point i, and one more
// entry holds text.size().
void DecodeUtf8WithOffsets(std::string_view text, std::u32string* code_points,
                           std::vector<size_t>* offsets);

// The code point starting at byte `begin` of text[0, end), or a negative
// value when the bytes there are ill-formed. `begin` < `end` <= text.size().
int32_t CodePointAt(std::string_view text, size_t begin, size_t end);

// Where the code point that ends at byte `end` starts: `end` stepped back
// over UTF-8 continuation bytes, but not before `begin`.
size_t PreviousCodePointStart(std::string_view text, size_t begin, size_t end);

// The number of bytes a UTF-8 sequence with this lead byte has: 1 for ASCII
// and for bytes that cannot lead (so that a scan always moves on), else 2, 3
// or 4 by the lead byte alone.
size_t Utf8SequenceLength(unsigned char lead);

// True for a UTF-8 continuation byte (10xxxxxx).
inline bool IsUtf8Continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// ---- case ----

// Simple case folding of one code point (ICU u_foldCase, default mappings).
int32_t FoldCodePoint(int32_t c);

// Simple case folding of `text`, a code point at a time; ill-formed
// sequences are dropped.
std::string FoldCase(std::string_view text);

// Full case folding of `text` (ICU UnicodeString::foldCase); ill-formed
// sequences become U+FFFD.
std::string FoldCaseFull(std::string_view text);

// The lower-case mapping of one code point (ICU u_tolower).
int32_t LowerCodePoint(int32_t c);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_UNICODE_TEXT_H_
