#include "base/unicode_text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/utf8.h"

namespace crossalign::internal {

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  ForEachCodePoint(text, [&](int32_t c) {
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  });
  return out;
}

void DecodeUtf8WithOffsets(std::string_view text, std::u32string* code_points,
                           std::vector<size_t>* offsets) {
  code_points->clear();
  offsets->clear();
  code_points->reserve(text.size());
  offsets->reserve(text.size() + 1);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    offsets->push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(p, i, n, c);
    code_points->push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  offsets->push_back(text.size());
}

int32_t CodePointAt(std::string_view text, size_t begin, size_t end) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(begin);
  UChar32 c = 0;
  U8_NEXT(p, i, static_cast<int32_t>(end), c);
  return c;
}

size_t PreviousCodePointStart(std::string_view text, size_t begin, size_t end) {
  size_t i = end;
  while (i > begin &&
         IsUtf8Continuation(static_cast<unsigned char>(text[--i]))) {
  }
  return i;
}

size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

int32_t FoldCodePoint(int32_t c) { return u_foldCase(c, U_FOLD_CASE_DEFAULT); }

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&](int32_t c) {
    if (c >= 0) AppendUtf8(static_cast<uint32_t>(FoldCodePoint(c)), &out);
  });
  return out;
}

std::string FoldCaseFull(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

int32_t LowerCodePoint(int32_t c) { return u_tolower(c); }

}  // namespace crossalign::internal
