// Numbers in text, normalised across locales. Internal.
//
// "11,000", "11 000", "11.000", "11'000", "11 тисяч", "1만 1천" all give
// "11000"; "1,2" and "1.2" give "1.2". A number whose reading is ambiguous
// ("1.200": 1200 in German, 1.2 in English) gives both readings. Numbers
// followed by a magnitude word (thousand, million, billion in English,
// Ukrainian, Russian, German, French; 천, 만, 억; 千, 万, 亿) also give the
// scaled value, so "1.2 billion" and "1,2 млрд" share "1200000000".
#ifndef CROSSALIGN_SRC_BASE_NUMBERS_H_
#define CROSSALIGN_SRC_BASE_NUMBERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace crossalign::internal {

// The normalised numbers of `text`, in order of appearance (a number with two
// readings contributes both). Values are written without exponent, with at
// most 6 decimals and no trailing zeros.
std::vector<std::string> ExtractNumbers(std::string_view text);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_NUMBERS_H_
