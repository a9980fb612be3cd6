// Decoding article bytes to UTF-8: byte-order marks, ICU charset detection
// (ucsdet) and ICU converters. Internal.
#ifndef CROSSALIGN_SRC_READ_TEXT_DECODER_H_
#define CROSSALIGN_SRC_READ_TEXT_DECODER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/status.h"

namespace crossalign::internal {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // the source encoding, e.g. "UTF-8", "windows-1251"
  // Byte offsets, in the input, of bytes that could not be converted and
  // were replaced by U+FFFD.
  std::vector<size_t> replaced;
};

// How much a decoded text reads as some language, 0..1 (the language
// identifier's confidence in its answer). Optional.
using LanguageScorer = std::function<double(std::string_view utf8)>;

// Decodes `bytes`. With `forced_encoding` empty: a byte-order mark decides;
// otherwise valid UTF-8 is UTF-8; otherwise ICU's detector and the common
// legacy encodings are tried and the decoding that reads best wins: by
// `language_score` when given (Shift_JIS read as GB18030 is Han text in no
// language), and by how much the text looks like writing. `name` is used
// in errors. Text with NUL bytes in an 8-bit encoding is binary: an error.
StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes,
                                   const std::string& forced_encoding,
                                   const std::string& name,
                                   const LanguageScorer& language_score = {});

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_READ_TEXT_DECODER_H_
