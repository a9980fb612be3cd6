// The JSON lines of `align detect`'s outputs: a file's languages and runs,
// and one line's guesses. They live with the language identifier because
// they compute (CountLanguageShares, FindLanguageRuns), and the writing
// layer does not reach into a stage. Declared in
// crossalign/language_identifier.h.
#include <cstdio>
#include <string>
#include <vector>

#include "base/json_string.h"
#include "crossalign/language_identifier.h"

namespace crossalign {

using internal::JsonString;

namespace {

std::string Decimals3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", x);
  return buf;
}

}  // namespace

std::string RenderLanguagesJsonl(const std::string& file, const Document& doc) {
  const LanguageShares shares = CountLanguageShares(doc);
  std::string line = "{\"file\":" + JsonString(file) +
                     ",\"lang\":" + JsonString(doc.lang()) +
                     ",\"confidence\":" + Decimals3(doc.lang_confidence()) +
                     ",\"declared\":" + JsonString(doc.metadata().lang) +
                     ",\"sentences\":" + std::to_string(shares.sentences) +
                     ",\"other_share\":" + Decimals3(shares.other_share) +
                     ",\"sentences_by_lang\":{";
  bool first = true;
  for (const auto& [lang, n] : shares.sentences_by_lang) {
    line += std::string(first ? "" : ",") + JsonString(lang) + ":" +
            std::to_string(n);
    first = false;
  }
  line += "},\"runs\":[";
  first = true;
  for (const LanguageRun& run : FindLanguageRuns(doc)) {
    const Segment& a = doc.segments()[run.first_segment];
    const Segment& b = doc.segments()[run.end_segment - 1];
    line += std::string(first ? "" : ",") +
            "{\"lang\":" + JsonString(run.lang) +
            ",\"first_sentence\":" + std::to_string(run.first_segment) +
            ",\"end_sentence\":" + std::to_string(run.end_segment) +
            ",\"begin_byte\":" + std::to_string(a.span.begin) +
            ",\"end_byte\":" + std::to_string(b.span.end) + "}";
    first = false;
  }
  return line + "]}\n";
}

std::string RenderLineLanguageJsonl(size_t number, const LanguageGuess& guess,
                                    const std::vector<LanguageGuess>& top) {
  std::string out = "{\"line\":" + std::to_string(number) +
                    ",\"lang\":" + JsonString(guess.lang) +
                    ",\"confidence\":" + Decimals3(guess.probability) +
                    ",\"top\":[";
  for (size_t k = 0; k < top.size(); ++k) {
    out += std::string(k ? "," : "") + "{\"lang\":" + JsonString(top[k].lang) +
           ",\"confidence\":" + Decimals3(top[k].probability) + "}";
  }
  return out + "]}\n";
}

}  // namespace crossalign
