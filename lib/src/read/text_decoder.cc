#include "read/text_decoder.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <memory>

#include "base/unicode_text.h"
#include "base/utf8.h"

namespace crossalign::internal {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Records where the converter met bytes it could not convert, then lets
// ICU substitute U+FFFD as usual.
struct ReplacementLog {
  const char* start = nullptr;
  std::vector<size_t>* offsets = nullptr;
};

void RecordAndSubstitute(const void* context, UConverterToUnicodeArgs* args,
                         const char* code_units, int32_t length,
                         UConverterCallbackReason reason, UErrorCode* err) {
  const auto* log = static_cast<const ReplacementLog*>(context);
  if (reason <= UCNV_IRREGULAR && log != nullptr && log->offsets != nullptr) {
    // args->source points past the bad bytes.
    const size_t end = static_cast<size_t>(args->source - log->start);
    log->offsets->push_back(end >= static_cast<size_t>(length)
                                ? end - static_cast<size_t>(length)
                                : 0);
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, err);
}

StatusOr<DecodedText> Convert(std::string_view bytes,
                              const std::string& encoding,
                              const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(
      ucnv_open(encoding.c_str(), &err));
  if (U_FAILURE(err)) {
    return InvalidArgumentError(name + ": unknown encoding '" + encoding +
                                "' (use an ICU converter name, e.g. UTF-8, "
                                "windows-1251, KOI8-U, EUC-KR, UTF-16)");
  }
  DecodedText out;
  out.encoding = encoding;  // the common name, not ICU's internal one
  ReplacementLog log{bytes.data(), &out.replaced};
  ucnv_setToUCallBack(conv.get(), RecordAndSubstitute, &log, nullptr, nullptr,
                      &err);
  std::u16string buffer(bytes.size() * 2 + 16, u'\0');
  UChar* target = reinterpret_cast<UChar*>(buffer.data());
  UChar* target_limit = target + buffer.size();
  const char* source = bytes.data();
  ucnv_toUnicode(conv.get(), &target, target_limit, &source,
                 bytes.data() + bytes.size(), nullptr, true, &err);
  if (U_FAILURE(err)) {
    return DataLossError(name + ": cannot decode as " + encoding + " (" +
                         u_errorName(err) + ")");
  }
  buffer.resize(
      static_cast<size_t>(target - reinterpret_cast<UChar*>(buffer.data())));
  icu::UnicodeString u(false, reinterpret_cast<const UChar*>(buffer.data()),
                       static_cast<int32_t>(buffer.size()));
  u.toUTF8String(out.utf8);
  return out;
}

// True when valid multi-byte UTF-8 sequences outnumber invalid bytes ten to
// one.
// A sequence with UTF-8's shape (a lead byte and its continuation bytes)
// that is invalid only for its value: an encoded surrogate (ED A0 80) or an
// overlong form. Its length, or 0.
size_t Utf8ShapedLength(std::string_view bytes, size_t at) {
  const auto b = static_cast<unsigned char>(bytes[at]);
  const size_t len = (b & 0xE0) == 0xC0   ? 2
                     : (b & 0xF0) == 0xE0 ? 3
                     : (b & 0xF8) == 0xF0 ? 4
                                          : 0;
  if (len == 0 || at + len > bytes.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if (!IsUtf8Continuation(static_cast<unsigned char>(bytes[at + k]))) {
      return 0;
    }
  }
  return len;
}

bool LooksLikeBrokenUtf8(std::string_view bytes) {
  size_t valid = 0, invalid = 0, pos = 0;
  while (pos < bytes.size()) {
    const size_t bad = FindInvalidUtf8(bytes.substr(pos));
    const std::string_view good = bytes.substr(
        pos, bad == std::string_view::npos ? bytes.size() - pos : bad);
    for (char c : good) {
      valid += (static_cast<unsigned char>(c) & 0xC0) == 0xC0;  // lead bytes
    }
    if (bad == std::string_view::npos) break;
    // A lone surrogate in ASCII text is broken UTF-8, not windows-1252.
    if (const size_t shaped = Utf8ShapedLength(bytes, pos + bad)) {
      ++valid;
      pos += bad + shaped;
      continue;
    }
    ++invalid;
    pos += bad + 1;
  }
  return valid >= 10 * invalid && valid > 0;
}

// Text decoded from bytes without a byte-order mark must look at least this
// much like writing (see Plausibility) to be taken as text.
constexpr double kMinPlausibility = 0.5;

// Weight of the language identifier's confidence against Plausibility
// (both 0..1): the language decides between decodings that look like
// writing equally well.
constexpr double kLanguageWeight = 1.0;

// Legacy encodings tried besides the detector's proposals.
constexpr const char* kCommonLegacyEncodings[] = {
    "windows-1251", "KOI8-U",       "ISO-8859-5", "windows-1252",
    "windows-1250", "ISO-8859-2",   "EUC-KR",     "GB18030",
    "Big5",         "Shift_JIS",    "EUC-JP",     "windows-1253",
    "windows-1254", "windows-1256",
};

// How much decoded text looks like writing: the share of its letters in
// its main script, less replacement characters, controls and symbols
// (box-drawing characters are what a wrong Cyrillic code page gives).
double Plausibility(const std::string& utf8) {
  std::map<int, size_t> scripts;
  size_t letters = 0, bad = 0, total = 0;
  size_t cased = 0, case_breaks = 0;
  bool in_word = false, word_upper = false;
  ForEachCodePoint(utf8, [&](int32_t c) {
    ++total;
    if (c < 0 || c == 0xFFFD || c == 0x1A) {
      bad += 5;
      in_word = false;
      return;
    }
    if (!u_isalpha(c)) in_word = false;
    const int8_t type = u_charType(c);
    if (u_isalpha(c)) {
      // Mojibake shows in letter case: a misread legacy encoding puts
      // capitals inside words ("ЧбБЙОю" for Korean read as ISO-8859-5).
      const bool upper = u_isupper(c);
      if (upper && in_word && !word_upper) ++case_breaks;
      if (!in_word) word_upper = upper;
      word_upper = word_upper && upper;
      in_word = true;
      cased += u_isupper(c) || u_islower(c);
      ++letters;
      UErrorCode err = U_ZERO_ERROR;
      ++scripts[uscript_getScript(c, &err)];
    } else if (type == U_CONTROL_CHAR && c != '\n' && c != '\r' && c != '\t') {
      bad += 3;
    } else if (type == U_OTHER_SYMBOL || type == U_MATH_SYMBOL ||
               type == U_PRIVATE_USE_CHAR || type == U_UNASSIGNED) {
      bad += 1;
    }
  });
  if (total == 0) return 0;
  // Writing systems that mix scripts count as one: Japanese (Han, Hiragana,
  // Katakana) and Korean (Hangul with some Han). Scored apart, Shift_JIS
  // Japanese lost to its GB18030 misreading, which is all Han.
  const auto count = [&](UScriptCode script) {
    const auto it = scripts.find(script);
    return it == scripts.end() ? size_t{0} : it->second;
  };
  size_t main_script = 0;
  for (const auto& [script, k] : scripts)
    main_script = std::max(main_script, k);
  const size_t kana = count(USCRIPT_HIRAGANA) + count(USCRIPT_KATAKANA);
  if (kana > 0) main_script = std::max(main_script, kana + count(USCRIPT_HAN));
  if (count(USCRIPT_HANGUL) > 0) {
    main_script =
        std::max(main_script, count(USCRIPT_HANGUL) + count(USCRIPT_HAN));
  }
  const double one_script =
      letters ? static_cast<double>(main_script) / letters : 0;
  // Real text rarely has a capital after a small letter inside a word
  // (iPhone, McDonald); mojibake has them in one word of two.
  const double case_noise =
      cased ? static_cast<double>(case_breaks) / static_cast<double>(cased)
            : 0.0;
  return one_script -
         2.0 * static_cast<double>(bad) / static_cast<double>(total) -
         1.0 * case_noise;
}

}  // namespace

StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes,
                                   const std::string& forced_encoding,
                                   const std::string& name,
                                   const LanguageScorer& language_score) {
  auto starts = [&](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  if (!forced_encoding.empty()) return Convert(bytes, forced_encoding, name);
  // Byte-order marks (UTF-32 before UTF-16: FF FE 00 00 starts both).
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
    return Convert(bytes.substr(4), "UTF-32LE", name);
  }
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Convert(bytes.substr(4), "UTF-32BE", name);
  }
  if (starts("\xFF\xFE")) return Convert(bytes.substr(2), "UTF-16LE", name);
  if (starts("\xFE\xFF")) return Convert(bytes.substr(2), "UTF-16BE", name);
  if (starts("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const bool has_nul = bytes.find('\0') != std::string_view::npos;
  if (!has_nul && FindInvalidUtf8(bytes) == std::string_view::npos) {
    DecodedText out;
    out.utf8 = std::string(bytes);
    out.encoding = "UTF-8";
    return out;
  }
  // Mostly UTF-8 with a few broken bytes (a truncated download, a bad copy):
  // keep it UTF-8 and replace those bytes.
  if (!has_nul && LooksLikeBrokenUtf8(bytes))
    return Convert(bytes, "UTF-8", name);
  // Not UTF-8: ICU's detector proposes encodings, but on short texts it
  // often ranks a wrong one first (short Ukrainian windows-1251 comes out as
  // ISO-8859-6). So every proposal, and the common legacy encodings of news
  // sites, is decoded and the most plausible text wins: no replacement
  // characters, letters of one script, few symbols.
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
                 &err);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &err);
  std::vector<std::pair<std::string, int32_t>> candidates;
  for (int32_t k = 0; U_SUCCESS(err) && k < found && k < 8; ++k) {
    UErrorCode e2 = U_ZERO_ERROR;
    candidates.emplace_back(ucsdet_getName(matches[k], &e2),
                            ucsdet_getConfidence(matches[k], &e2));
  }
  const bool utf16 =
      !candidates.empty() && (candidates[0].first.rfind("UTF-16", 0) == 0 ||
                              candidates[0].first.rfind("UTF-32", 0) == 0);
  if (has_nul && !utf16) {
    const size_t nul = bytes.find('\0');
    return DataLossError(name + ": binary data (NUL byte at byte " +
                         std::to_string(nul) +
                         "); expected a text article. If it is text in an "
                         "unusual encoding, name it with --encoding");
  }
  if (utf16) {
    // Random bytes can pass for UTF-16 too: only text that reads as writing
    // is taken.
    StatusOr<DecodedText> decoded = Convert(bytes, candidates[0].first, name);
    if (decoded.ok() && Plausibility(decoded->utf8) >= kMinPlausibility &&
        decoded->replaced.empty()) {
      return decoded;
    }
    return DataLossError(name + ": binary data (NUL byte at byte " +
                         std::to_string(bytes.find('\0')) +
                         "); expected a text article. If it is text in an "
                         "unusual encoding, name it with --encoding");
  }
  for (const char* common : kCommonLegacyEncodings)
    candidates.emplace_back(common, 0);
  StatusOr<DecodedText> best =
      DataLossError(name + ": cannot tell its encoding; pass --encoding");
  double best_score = -1e9;
  for (auto [encoding, confidence] : candidates) {
    // KOI8-U is KOI8-R plus the Ukrainian letters: decoding KOI8-R text as
    // KOI8-U loses nothing.
    if (encoding == "KOI8-R") encoding = "KOI8-U";
    StatusOr<DecodedText> decoded = Convert(bytes, encoding, name);
    if (!decoded.ok()) continue;
    double score = Plausibility(decoded->utf8) + confidence / 1000.0;
    // The language identifier's confidence in the decoded text (its first
    // few KB): a misreading is letters of one script in no language.
    if (language_score && score > 0) {
      std::string_view sample(decoded->utf8);
      size_t cut = std::min<size_t>(sample.size(), 4096);
      while (cut < sample.size() &&
             IsUtf8Continuation(static_cast<unsigned char>(sample[cut]))) {
        ++cut;
      }
      score += kLanguageWeight * language_score(sample.substr(0, cut));
    }
    if (score > best_score) {
      best_score = score;
      best = std::move(decoded);
    }
  }
  return best;
}

}  // namespace crossalign::internal
