#include "langid/script_evidence.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "base/unicode_text.h"

namespace crossalign::internal {
namespace {

Script FromUScript(UScriptCode code) {
  switch (code) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARMENIAN:
      return Script::kArmenian;
    case USCRIPT_GEORGIAN:
      return Script::kGeorgian;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_DEVANAGARI:
      return Script::kDevanagari;
    case USCRIPT_BENGALI:
      return Script::kBengali;
    case USCRIPT_GURMUKHI:
      return Script::kGurmukhi;
    case USCRIPT_GUJARATI:
      return Script::kGujarati;
    case USCRIPT_ORIYA:
      return Script::kOriya;
    case USCRIPT_TAMIL:
      return Script::kTamil;
    case USCRIPT_TELUGU:
      return Script::kTelugu;
    case USCRIPT_KANNADA:
      return Script::kKannada;
    case USCRIPT_MALAYALAM:
      return Script::kMalayalam;
    case USCRIPT_SINHALA:
      return Script::kSinhala;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_LAO:
      return Script::kLao;
    case USCRIPT_TIBETAN:
      return Script::kTibetan;
    case USCRIPT_MYANMAR:
      return Script::kMyanmar;
    case USCRIPT_KHMER:
      return Script::kKhmer;
    case USCRIPT_ETHIOPIC:
      return Script::kEthiopic;
    case USCRIPT_THAANA:
      return Script::kThaana;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
      return Script::kKana;
    case USCRIPT_HAN:
      return Script::kHan;
    default:
      return Script::kOther;
  }
}

constexpr size_t kScriptCount = static_cast<size_t>(Script::kOther) + 1;

struct LangScript {
  const char* lang;
  Script script;
};

// The non-Latin-script languages among lid.176's labels (as BCP-47), with
// their script. Serbian appears here for Cyrillic and is Latin as well.
constexpr LangScript kNonLatin[] = {
    // Cyrillic.
    {"av", Script::kCyrillic},
    {"ba", Script::kCyrillic},
    {"be", Script::kCyrillic},
    {"bg", Script::kCyrillic},
    {"bxr", Script::kCyrillic},
    {"ce", Script::kCyrillic},
    {"cv", Script::kCyrillic},
    {"kk", Script::kCyrillic},
    {"krc", Script::kCyrillic},
    {"kv", Script::kCyrillic},
    {"ky", Script::kCyrillic},
    {"lez", Script::kCyrillic},
    {"mhr", Script::kCyrillic},
    {"mk", Script::kCyrillic},
    {"mn", Script::kCyrillic},
    {"mrj", Script::kCyrillic},
    {"myv", Script::kCyrillic},
    {"os", Script::kCyrillic},
    {"ru", Script::kCyrillic},
    {"rue", Script::kCyrillic},
    {"sah", Script::kCyrillic},
    {"sr", Script::kCyrillic},
    {"tg", Script::kCyrillic},
    {"tt", Script::kCyrillic},
    {"tyv", Script::kCyrillic},
    {"uk", Script::kCyrillic},
    {"xal", Script::kCyrillic},
    // Arabic.
    {"ar", Script::kArabic},
    {"arz", Script::kArabic},
    {"azb", Script::kArabic},
    {"ckb", Script::kArabic},
    {"fa", Script::kArabic},
    {"lrc", Script::kArabic},
    {"mzn", Script::kArabic},
    {"pnb", Script::kArabic},
    {"ps", Script::kArabic},
    {"sd", Script::kArabic},
    {"ug", Script::kArabic},
    {"ur", Script::kArabic},
    // Brahmic and others.
    {"bh", Script::kDevanagari},
    {"dty", Script::kDevanagari},
    {"gom", Script::kDevanagari},
    {"hi", Script::kDevanagari},
    {"mai", Script::kDevanagari},
    {"mr", Script::kDevanagari},
    {"ne", Script::kDevanagari},
    {"new", Script::kDevanagari},
    {"sa", Script::kDevanagari},
    {"as", Script::kBengali},
    {"bn", Script::kBengali},
    {"bpy", Script::kBengali},
    {"pa", Script::kGurmukhi},
    {"gu", Script::kGujarati},
    {"or", Script::kOriya},
    {"ta", Script::kTamil},
    {"te", Script::kTelugu},
    {"kn", Script::kKannada},
    {"ml", Script::kMalayalam},
    {"si", Script::kSinhala},
    {"th", Script::kThai},
    {"lo", Script::kLao},
    {"bo", Script::kTibetan},
    {"my", Script::kMyanmar},
    {"km", Script::kKhmer},
    {"am", Script::kEthiopic},
    {"dv", Script::kThaana},
    {"el", Script::kGreek},
    {"hy", Script::kArmenian},
    {"ka", Script::kGeorgian},
    {"xmf", Script::kGeorgian},
    {"he", Script::kHebrew},
    {"yi", Script::kHebrew},
    {"ko", Script::kHangul},
    {"ja", Script::kKana},
    {"ja", Script::kHan},
    {"zh", Script::kHan},
    {"wuu", Script::kHan},
    {"yue", Script::kHan},
};

// Scripts whose letters decide the language by themselves.
constexpr LangScript kDecisive[] = {
    {"ko", Script::kHangul},   {"ja", Script::kKana},
    {"el", Script::kGreek},    {"hy", Script::kArmenian},
    {"ka", Script::kGeorgian}, {"th", Script::kThai},
    {"lo", Script::kLao},      {"km", Script::kKhmer},
    {"my", Script::kMyanmar},  {"si", Script::kSinhala},
    {"ta", Script::kTamil},    {"te", Script::kTelugu},
    {"kn", Script::kKannada},  {"ml", Script::kMalayalam},
    {"gu", Script::kGujarati}, {"pa", Script::kGurmukhi},
    {"or", Script::kOriya},    {"bo", Script::kTibetan},
    {"am", Script::kEthiopic}, {"dv", Script::kThaana},
};

}  // namespace

ScriptProfile ProfileScripts(std::string_view text) {
  std::array<int, kScriptCount> counts{};
  int letters = 0;
  ForEachCodePoint(text, [&](int32_t c) {
    if (c < 0 || !u_isalpha(c)) return;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(c, &status);
    if (U_FAILURE(status)) return;
    ++counts[static_cast<size_t>(FromUScript(code))];
    ++letters;
  });
  ScriptProfile profile;
  profile.letters = letters;
  if (letters == 0) return profile;
  const auto count = [&](Script sc) { return counts[static_cast<size_t>(sc)]; };
  const int cjk =
      count(Script::kHan) + count(Script::kKana) + count(Script::kHangul);
  int best = cjk;
  Script dominant = Script::kHan;
  if (cjk > 0) {
    // Korean may carry Han, Japanese always mixes Han and kana; Chinese is
    // Han alone.
    if (count(Script::kHangul) > 0 &&
        count(Script::kHangul) >= count(Script::kKana)) {
      dominant = Script::kHangul;
    } else if (count(Script::kKana) > 0) {
      dominant = Script::kKana;
    }
  }
  for (size_t k = 0; k < kScriptCount; ++k) {
    const Script sc = static_cast<Script>(k);
    if (sc == Script::kHan || sc == Script::kKana || sc == Script::kHangul ||
        sc == Script::kNone) {
      continue;
    }
    if (counts[k] > best) {
      best = counts[k];
      dominant = sc;
    }
  }
  profile.dominant = dominant;
  profile.share = static_cast<double>(best) / letters;
  return profile;
}

bool LanguageUsesScript(const std::string& lang, Script script) {
  // The table as a hash map from language to the bit set of its scripts,
  // built once (this is asked for every guess of every text).
  static const std::unordered_map<std::string, uint32_t>* const scripts = [] {
    auto* map = new std::unordered_map<std::string, uint32_t>();
    for (const LangScript& ls : kNonLatin) {
      (*map)[ls.lang] |= uint32_t{1} << static_cast<int>(ls.script);
    }
    return map;
  }();
  const auto it = scripts->find(lang);
  if (it == scripts->end()) return script == Script::kLatin;
  if (it->second & (uint32_t{1} << static_cast<int>(script))) return true;
  return script == Script::kLatin && lang == "sr";
}

std::string LanguageDecidedByScript(Script script) {
  for (const LangScript& ls : kDecisive) {
    if (ls.script == script) return ls.lang;
  }
  return "";
}

}  // namespace crossalign::internal
