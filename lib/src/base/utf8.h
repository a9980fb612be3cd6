// Small UTF-8 helpers shared by the stages. Internal.
#ifndef CROSSALIGN_SRC_BASE_UTF8_H_
#define CROSSALIGN_SRC_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crossalign/span.h"

namespace crossalign::internal {

// Returns the byte offset of the first invalid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos.
size_t FindInvalidUtf8(std::string_view text);

// Replaces every invalid UTF-8 sequence (as FindInvalidUtf8 defines it,
// including encoded lone surrogates) by U+FFFD, one per bad byte.
std::string ReplaceInvalidUtf8(std::string_view text);

// Appends the UTF-8 bytes of code point `c` (below 0x110000; surrogates and
// larger values append U+FFFD).
void AppendUtf8(uint32_t c, std::string* out);

// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view text);

// True for ASCII white space and the Unicode spaces news text carries
// (NBSP, the U+2000 block, line/paragraph separators, ideographic space).
// Returns the byte length of the space at `pos`, or 0.
size_t WhitespaceLengthAt(std::string_view text, size_t pos);

// Shrinks `span` of `text` so it neither starts nor ends with white space.
Span TrimSpan(std::string_view text, Span span);

// `text` without leading and trailing white space (as TrimSpan).
std::string_view TrimWhitespace(std::string_view text);

// Collapses every run of white space to one ASCII space and trims the ends.
std::string CollapseWhitespace(std::string_view text);

// Drops what XML 1.0 cannot carry: C0 controls other than tab, LF and CR,
// and the non-characters U+FFFE and U+FFFF; invalid UTF-8 becomes U+FFFD.
// The TMX writer relies on U+FFFF never surviving this.
std::string XmlSafe(std::string_view text);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_UTF8_H_
