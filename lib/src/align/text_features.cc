#include "align/text_features.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "align/pair_lexicon.h"
#include "align/stemmer.h"
#include "base/numbers.h"
#include "base/unicode_text.h"
#include "base/utf8.h"

namespace crossalign::internal {
namespace {

// Words this short carry little evidence across languages.
constexpr size_t kMinWordBytes = 3;
// Cognate stems: the first letters of the ASCII form (5, as in the
// "prefix-5" matching used for cognates in bitext work).
constexpr size_t kStemLength = 5;

bool IsSingleCharScript(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &err);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA || script == USCRIPT_THAI;
}

bool IsWordChar(UChar32 c) {
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

struct Token {
  std::string text;          // case-folded
  bool capitalized = false;  // began with an upper-case letter
};

// Case-folded word tokens; Han, kana and Thai characters are tokens on their
// own. Digits are left to ExtractNumbers.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::string current;
  bool capitalized = false;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back({std::move(current), capitalized});
    current.clear();
  };
  ForEachCodePoint(text, [&](int32_t c) {
    if (c < 0) {
      flush();
    } else if (IsSingleCharScript(c)) {
      flush();
      std::string one;
      AppendUtf8(static_cast<uint32_t>(c), &one);
      tokens.push_back({std::move(one), false});
    } else if (IsWordChar(c)) {
      if (current.empty()) capitalized = u_isupper(c) || u_istitle(c);
      AppendUtf8(static_cast<uint32_t>(FoldCodePoint(c)), &current);
    } else {
      flush();
    }
  });
  flush();
  return tokens;
}

// Runs of Han, kana and the prolonged sound mark, in order; katakana runs
// (a loanword or a foreign name) apart from the others.
struct CjkRun {
  std::string text;
  bool katakana = true;
  bool han = false;
};

std::vector<CjkRun> CjkRuns(std::string_view text) {
  std::vector<CjkRun> runs;
  bool in_run = false;
  ForEachCodePoint(text, [&](int32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode script =
        c < 0 ? USCRIPT_COMMON : uscript_getScript(c, &err);
    const bool prolonged = c == 0x30FC;  // ー, script Common
    const bool katakana = prolonged || script == USCRIPT_KATAKANA;
    const bool cjk =
        katakana || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA;
    if (!cjk) {
      in_run = false;
      return;
    }
    // Katakana words (loanwords, foreign names) are runs of their own.
    if (!in_run || runs.back().katakana != katakana) {
      runs.emplace_back();
      runs.back().katakana = katakana;
    }
    in_run = true;
    CjkRun& run = runs.back();
    AppendUtf8(static_cast<uint32_t>(c), &run.text);
    run.han = run.han || script == USCRIPT_HAN;
  });
  return runs;
}

bool IsHan(std::string_view text, size_t begin, size_t end) {
  bool han = true;
  ForEachCodePoint(text.substr(begin, end - begin), [&](int32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    han = han && c >= 0 && uscript_getScript(c, &err) == USCRIPT_HAN;
  });
  return han;
}

bool IsHangulWord(std::string_view word) {
  bool hangul = !word.empty();
  ForEachCodePoint(word, [&](int32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    hangul = hangul && c >= 0 && uscript_getScript(c, &err) == USCRIPT_HANGUL;
  });
  return hangul;
}

// Dictionary words of Chinese or Japanese text, found by longest match from
// the left; `leftover` receives the runs of two or more characters no word
// of two or more covers (names, mostly). Longest word tried, in characters:
// CC-CEDICT and EDICT words of more are idioms and names the text rarely
// repeats.
constexpr size_t kMaxSegmentChars = 6;
void SegmentRun(std::string_view run,
                const std::unordered_set<std::string>& words,
                std::vector<std::string>* found,
                std::vector<std::string>* leftover) {
  std::vector<size_t> cut;
  for (size_t i = 0; i < run.size();) {
    cut.push_back(i);
    const unsigned char c = static_cast<unsigned char>(run[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  const size_t n = cut.size();
  cut.push_back(run.size());
  size_t i = 0, rest_begin = 0, rest_chars = 0;
  auto flush_rest = [&] {
    if (rest_chars >= 2) {
      leftover->emplace_back(
          run.substr(cut[rest_begin], cut[i] - cut[rest_begin]));
    }
    rest_chars = 0;
  };
  while (i < n) {
    size_t len = std::min(kMaxSegmentChars, n - i);
    for (; len >= 2; --len) {
      if (words.count(std::string(run.substr(cut[i], cut[i + len] - cut[i])))) {
        break;
      }
    }
    if (len >= 2) {
      flush_rest();
      found->emplace_back(run.substr(cut[i], cut[i + len] - cut[i]));
      i += len;
    } else if (!IsHan(run, cut[i], cut[i + 1])) {
      // Kana between words is grammar, not part of a name.
      flush_rest();
      ++i;
    } else {
      if (rest_chars == 0) rest_begin = i;
      ++rest_chars;
      ++i;
    }
  }
  flush_rest();
}

}  // namespace

uint32_t Vocabulary::Id(std::string_view key) {
  auto it = ids_.find(std::string(key));
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(keys_.size());
  keys_.emplace_back(key);
  ids_.emplace(keys_.back(), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view key) const {
  auto it = ids_.find(std::string(key));
  return it == ids_.end() ? kNone : it->second;
}

struct FeatureExtractor::Impl {
  // Built on first use: Any-Latin compiles rules for every script and takes
  // tens of milliseconds; most Latin-script pairs never need it.
  std::unique_ptr<icu::Transliterator> any_to_ascii;
  bool any_tried = false;
  mutable std::mutex mutex;
  mutable std::unordered_map<std::string, std::string> cache;
};

FeatureExtractor::FeatureExtractor() : impl_(std::make_unique<Impl>()) {}

namespace {

std::unique_ptr<icu::Transliterator> MakeTransliterator(const char* id) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString(id), UTRANS_FORWARD, err));
  if (U_FAILURE(err)) t.reset();
  return t;
}

// Latin letters that do not decompose into a base letter and marks.
constexpr std::pair<UChar32, const char*> kLatinSpecials[] = {
    {0x00DF, "ss"}, {0x00E6, "ae"}, {0x00F8, "o"},  {0x0153, "oe"},
    {0x0111, "d"},  {0x0142, "l"},  {0x00FE, "th"}, {0x00F0, "d"},
    {0x0131, "i"},  {0x0127, "h"},  {0x014B, "ng"},
};

// "Grüße" -> "grusse": canonical decomposition, marks dropped, the few
// letters that do not decompose spelled out.
std::string StripLatinDiacritics(std::string_view word) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  if (U_SUCCESS(err)) u = nfd->normalize(u, err);
  std::string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = LowerCodePoint(u.char32At(i));
    i += U16_LENGTH(c);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) continue;
    for (const auto& [letter, ascii] : kLatinSpecials) {
      if (c == letter) out += ascii;
    }
  }
  return out;
}

bool IsLatinWord(std::string_view word) {
  bool latin = true;
  ForEachCodePoint(word, [&](int32_t c) {
    if (c < 0x80) return true;
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &err);
    latin = script == USCRIPT_LATIN || script == USCRIPT_COMMON ||
            script == USCRIPT_INHERITED;
    return latin;
  });
  return latin;
}

}  // namespace

FeatureExtractor::~FeatureExtractor() = default;

std::string FeatureExtractor::ToAscii(std::string_view word) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto it = impl_->cache.find(std::string(word));
  if (it != impl_->cache.end()) return it->second;
  std::string out;
  const bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  icu::Transliterator* t = nullptr;
  if (!ascii && IsLatinWord(word)) {
    // Latin letters lose their accents by decomposition alone; ICU's
    // transliterator registry costs tens of milliseconds to load.
    out = StripLatinDiacritics(word);
  } else if (!ascii) {
    if (!impl_->any_tried) {
      impl_->any_to_ascii = MakeTransliterator("Any-Latin; Latin-ASCII; Lower");
      impl_->any_tried = true;
    }
    t = impl_->any_to_ascii.get();
  }
  if (!out.empty()) {
    // done above
  } else if (t != nullptr) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    t->transliterate(u);
    u.toUTF8String(out);
  } else {
    out = std::string(word);
  }
  // Keep letters only: transliteration adds apostrophes for soft signs.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char c) { return !(c >= 'a' && c <= 'z'); }),
            out.end());
  // The cache is bounded: it serves one document pair at a time.
  if (impl_->cache.size() > 200000) impl_->cache.clear();
  impl_->cache.emplace(std::string(word), out);
  return out;
}

std::string NameSkeleton(std::string_view ascii) {
  std::string out;
  for (size_t i = 0; i < ascii.size(); ++i) {
    char c = ascii[i];
    const char next = i + 1 < ascii.size() ? ascii[i + 1] : 0;
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
      case 'j':
      case 'h':
        continue;
      case 'c':
      case 'q':
        c = 'k';
        break;
      case 'z':
        c = 's';
        break;
      case 'r':
        c = 'l';
        break;
      case 'w':
        c = 'v';
        break;
      case 'p':
        if (next == 'h') c = 'f';
        break;
      case 'x':
        if (out.empty() || out.back() != 'k') out.push_back('k');
        c = 's';
        break;
      default:
        if (c < 'a' || c > 'z') continue;
    }
    if (out.empty() || out.back() != c) out.push_back(c);
    if (out.size() == 5) break;
  }
  return out.size() >= 3 ? out : std::string();
}

std::vector<SentenceFeatures> FeatureExtractor::Extract(
    const std::vector<std::string_view>& sentences, Vocabulary* vocab,
    const std::string& stem_lang, bool name_skeletons,
    const LexiconSide* side) const {
  std::unique_ptr<Stemmer> stemmer =
      stem_lang.empty() ? nullptr : Stemmer::ForLanguage(stem_lang);
  const std::string side_lang =
      side != nullptr ? PrimaryLanguage(side->lang) : std::string();
  std::unique_ptr<MatchForms> forms;
  if (side != nullptr)
    forms = std::make_unique<MatchForms>(side_lang, side->words);
  const bool segmented = side != nullptr && side->words != nullptr &&
                         SegmentsByDictionary(side_lang);
  // A name in a script without capitals: its skeleton, a key and, when
  // `strong`, a strong one.
  auto add_name = [&](SentenceFeatures& f, std::string_view word, bool strong) {
    if (!name_skeletons) return;
    const std::string skeleton = NameSkeleton(ToAscii(word));
    if (skeleton.empty()) return;
    const uint32_t id = vocab->Id("p:" + skeleton);
    f.keys.push_back(id);
    if (strong) f.strong.push_back(id);
  };
  std::vector<SentenceFeatures> out(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const std::string_view text = sentences[i];
    SentenceFeatures& f = out[i];
    f.length += static_cast<int>(CountCodePoints(text));
    for (const std::string& number : ExtractNumbers(text)) {
      const uint32_t id = vocab->Id("#" + number);
      f.keys.push_back(id);
      // Three or more digits identify a fact; 6 or 14 could be anything.
      size_t digits = 0;
      for (char c : number) digits += c >= '0' && c <= '9';
      if (digits >= 3) f.strong.push_back(id);
    }
    const std::vector<Token> tokens = Tokenize(text);
    for (size_t t = 0; t < tokens.size(); ++t) {
      const std::string& token = tokens[t].text;
      // A capitalised word inside the sentence is a name or an acronym.
      const bool name = tokens[t].capitalized && t > 0;
      const size_t keys_before = f.keys.size();
      const uint32_t word = vocab->Id("w:" + token);
      f.words.push_back(word);
      const bool single_char = token.size() <= 4 && token.size() >= 3 &&
                               static_cast<unsigned char>(token[0]) >= 0xE0;
      if (stemmer && !single_char) {
        // Within one language a word counts once, by its stem.
        if (token.size() >= kMinWordBytes) {
          f.keys.push_back(vocab->Id("s:" + stemmer->Stem(token)));
        }
        if (name)
          f.strong.insert(f.strong.end(), f.keys.begin() + keys_before,
                          f.keys.end());
        continue;
      }
      if (token.size() >= kMinWordBytes || single_char) f.keys.push_back(word);
      if (single_char) continue;
      const std::string ascii = ToAscii(token);
      if (ascii.size() >= kStemLength) {
        f.keys.push_back(vocab->Id("c:" + ascii.substr(0, kStemLength)));
      }
      if (name && name_skeletons) {
        const std::string skeleton = NameSkeleton(ascii);
        if (!skeleton.empty()) f.keys.push_back(vocab->Id("p:" + skeleton));
      }
      if (name) {
        f.strong.insert(f.strong.end(), f.keys.begin() + keys_before,
                        f.keys.end());
      }
      if (forms != nullptr && !segmented && token.size() >= kMinWordBytes) {
        const std::string form = forms->Form(token);
        if (form.empty()) continue;
        const bool known = side->words == nullptr || side->words->count(form) ||
                           side_lang != "ko";
        if (known) {
          f.keys.push_back(vocab->Id("m:" + form));
        } else if (IsHangulWord(form)) {
          // Hangul has no capitals: a word the dictionary does not know
          // may be a name (멜니크); not strong, as most are not.
          add_name(f, form, /*strong=*/false);
        }
      }
    }
    if (segmented) {
      for (const CjkRun& run : CjkRuns(text)) {
        std::vector<std::string> found, leftover;
        if (run.katakana) {
          // A katakana run is a loanword or a foreign name: whole.
          if (side->words->count(run.text)) {
            found.push_back(run.text);
          } else {
            add_name(f, run.text, /*strong=*/true);
          }
        } else {
          SegmentRun(run.text, *side->words, &found, &leftover);
        }
        for (const std::string& w : found)
          f.keys.push_back(vocab->Id("m:" + w));
        for (const std::string& rest : leftover) {
          add_name(f, rest, /*strong=*/false);
        }
      }
    }
    for (auto* list : {&f.keys, &f.strong}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
  return out;
}

// Adds the dictionary translations of each source word that occur as words
// in the target document.
void AddTranslations(const Dictionary& dictionary, const Vocabulary& vocab,
                     std::vector<SentenceFeatures>* sentences) {
  for (SentenceFeatures& f : *sentences) {
    for (uint32_t w : f.words) {
      const std::string& key = vocab.Key(w);  // "w:<word>"
      const auto* targets = dictionary.Find(std::string_view(key).substr(2));
      if (targets == nullptr) continue;
      for (const std::string& phrase : *targets) {
        size_t pos = 0;
        while (pos < phrase.size()) {
          size_t end = phrase.find(' ', pos);
          if (end == std::string::npos) end = phrase.size();
          if (end - pos >= 3) {
            const uint32_t id =
                vocab.Find("w:" + phrase.substr(pos, end - pos));
            if (id != Vocabulary::kNone) f.translations.push_back(id);
          }
          pos = end + 1;
        }
      }
    }
    std::sort(f.translations.begin(), f.translations.end());
    f.translations.erase(
        std::unique(f.translations.begin(), f.translations.end()),
        f.translations.end());
  }
}

void AddLexiconTranslations(const PairLexicon& lexicon, const Vocabulary& vocab,
                            std::vector<SentenceFeatures>* sentences) {
  for (SentenceFeatures& f : *sentences) {
    for (uint32_t k : f.keys) {
      const std::string& key = vocab.Key(k);
      if (key.compare(0, 2, "m:") != 0) continue;
      auto it = lexicon.table.find(key.substr(2));
      if (it == lexicon.table.end()) continue;
      for (const std::string& target : it->second) {
        const uint32_t id = vocab.Find("m:" + target);
        if (id != Vocabulary::kNone) f.translations.push_back(id);
      }
    }
    std::sort(f.translations.begin(), f.translations.end());
    f.translations.erase(
        std::unique(f.translations.begin(), f.translations.end()),
        f.translations.end());
  }
}

std::vector<float> KeyWeights(size_t vocab_size,
                              const std::vector<SentenceFeatures>& a,
                              const std::vector<SentenceFeatures>& b) {
  std::vector<int> df(vocab_size, 0);
  for (const auto* side : {&a, &b}) {
    for (const auto& f : *side) {
      for (uint32_t k : f.keys) ++df[k];
    }
  }
  const double total = static_cast<double>(a.size() + b.size()) + 1.0;
  std::vector<float> weight(vocab_size, 0.0f);
  for (size_t k = 0; k < vocab_size; ++k) {
    weight[k] =
        static_cast<float>(std::max(0.0, std::log(total / (df[k] + 1.0))));
  }
  return weight;
}

}  // namespace crossalign::internal
