#include "langid/close_language_disambiguator.h"

#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <hunspell.hxx>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/unicode_text.h"
#include "base/utf8.h"
#include "langid/close_language_data.h"

namespace crossalign::internal {
namespace {

// ---- Weights. Set by hand with issue 3 and checked then on the Lingua test
// set (disclosed in bench/RESULTS.md); they are not fitted. The neutral
// shares below are now measured on the dev set instead. ----

// Each letter outside a language's alphabet costs this much log score (a few
// foreign letters in a name are tolerated by the cap).
constexpr double kForeignLetterPenalty = 3.0;
constexpr int kMaxForeignLetters = 4;
// Log score per word that a language's dictionary accepts. Only differences
// between members matter.
constexpr double kDictionaryWeight = 1.2;
// The share of words a language without a Debian dictionary is credited
// with, instead of a dictionary's acceptance: the middle between the share
// of its own words and of its neighbour's that the neighbour's dictionary
// accepts, measured on the dev set (bench/make_langid_dev.py, Debian's
// message catalogues; not the Lingua test set). The Serbian dictionary
// accepts 0.93 of Serbian and 0.59 of Macedonian words, so Macedonian gets
// 0.75; the Indonesian one 0.85 of Indonesian and 0.81 of Malay words, so
// Malay gets 0.83 (on the dev set 0.75 / 0.81 / 0.85 / 0.90 only trade
// Indonesian for Malay: id+ms sentences 120 / 122 / 124 / 122). Languages
// that are only in a group to keep them from being confused (Slovene,
// Serbian in Latin script, Kazakh) get less.
double NeutralShare(const std::string& lang) {
  if (lang == "mk") return 0.75;
  if (lang == "ms") return 0.83;
  if (lang == "sr") return 0.6;
  return 0.5;
}
// Members whose score without the dictionaries is this far behind the best
// are not looked up. 5 instead of 10 saves a fifth of the look-ups and
// changed one Lingua sentence in 34,141 (bench/langid_bench).
constexpr double kContentionMargin = 5.0;
// Log score per marker word.
constexpr double kMarkerWeight = 2.5;
// fastText's own log probability counts this much inside a group: lid.176
// hardly ever answers bs or ms, so its within-group preferences are weak
// evidence there.
constexpr double kModelWeightDefault = 0.6;
constexpr double kModelWeightWeak = 0.25;  // hr/bs/sr and id/ms
// Floor for members the model did not list (log of it).
constexpr double kFloorProbability = 1e-4;
// A clear case (see Rerank): the model gives a member at least this share of
// the group's probability, and each other member is ruled out by a letter
// or gets less than the second share.
constexpr double kClearModelShare = 0.9;
constexpr double kNegligibleModelShare = 0.01;
// English that the English dictionary does not recognise keeps this share
// of its probability.
constexpr double kUnlikelyEnglishFactor = 0.1;
// At most this many words are looked up.
constexpr size_t kMaxWords = 24;

struct Group {
  Script script;
  std::vector<const char*> members;
  double model_weight;
};

const std::vector<Group>& Groups() {
  static const std::vector<Group> groups = {
      {Script::kLatin, {"hr", "bs", "sr", "sl"}, kModelWeightWeak},
      {Script::kLatin, {"cs", "sk"}, kModelWeightDefault},
      {Script::kLatin, {"id", "ms"}, kModelWeightWeak},
      {Script::kCyrillic,
       {"ru", "uk", "be", "bg", "mk", "sr", "kk"},
       kModelWeightDefault},
  };
  return groups;
}

// Hunspell dictionary file stems in Debian's /usr/share/hunspell. Serbian
// in Latin script has none here: sr_Latn_RS accepts Croatian and Bosnian
// text as readily as their own dictionaries do, so it tells nothing; the
// ekavian marker words do that job.
struct DictionaryName {
  const char* lang;
  Script script;
  const char* stem;
};
constexpr DictionaryName kDictionaries[] = {
    {"hr", Script::kLatin, "hr_HR"},    {"bs", Script::kLatin, "bs_BA"},
    {"cs", Script::kLatin, "cs_CZ"},    {"sk", Script::kLatin, "sk_SK"},
    {"id", Script::kLatin, "id_ID"},    {"ru", Script::kCyrillic, "ru_RU"},
    {"uk", Script::kCyrillic, "uk_UA"}, {"be", Script::kCyrillic, "be_BY"},
    {"bg", Script::kCyrillic, "bg_BG"}, {"sr", Script::kCyrillic, "sr_RS"},
    {"en", Script::kLatin, "en_US"},
};

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsApostrophe(char32_t c) {
  return c == U'\'' || c == U'\u2019' || c == U'\u02BC';
}

// One Hunspell dictionary, loaded on first use; lookups are serialised.
class SpellDictionary {
 public:
  SpellDictionary(std::string aff, std::string dic)
      : aff_(std::move(aff)), dic_(std::move(dic)) {}
  ~SpellDictionary() {
    if (converter_ != nullptr) ucnv_close(converter_);
  }

  // Whether the dictionary accepts the UTF-8 `word`; false when the
  // dictionary cannot be loaded.
  bool Accepts(const std::string& word) {
    std::call_once(once_, [this] { LoadOnce(); });
    if (!hunspell_) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    // Words repeat (Zipf): a look-up costs microseconds, a cache hit tens of
    // nanoseconds.
    const auto cached = cache_.find(word);
    if (cached != cache_.end()) return cached->second;
    const bool accepted = Spell(word);
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    cache_.emplace(word, accepted);
    return accepted;
  }
  bool Loadable() const { return FileExists(aff_) && FileExists(dic_); }

 private:
  static constexpr size_t kMaxCachedWords = 200000;

  bool Spell(const std::string& word) {
    if (converter_ == nullptr) return hunspell_->spell(word);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    char buf[256];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t len = ucnv_fromUChars(converter_, buf, sizeof(buf),
                                        u.getBuffer(), u.length(), &status);
    ucnv_reset(converter_);
    if (U_FAILURE(status) || len <= 0 ||
        len >= static_cast<int32_t>(sizeof(buf))) {
      return false;  // a letter the dictionary's charset cannot hold
    }
    return hunspell_->spell(std::string(buf, static_cast<size_t>(len)));
  }

  void LoadOnce() {
    if (!Loadable()) return;
    hunspell_ = std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
    const std::string encoding = hunspell_->get_dict_encoding();
    if (encoding != "UTF-8" && encoding != "utf-8") {
      UErrorCode status = U_ZERO_ERROR;
      converter_ = ucnv_open(encoding.c_str(), &status);
      if (U_FAILURE(status)) {
        converter_ = nullptr;
        hunspell_.reset();
        return;
      }
      ucnv_setFromUCallBack(converter_, UCNV_FROM_U_CALLBACK_STOP, nullptr,
                            nullptr, nullptr, &status);
    }
  }

  std::string aff_, dic_;
  std::once_flag once_;
  std::mutex mutex_;
  std::unique_ptr<Hunspell> hunspell_;
  UConverter* converter_ = nullptr;
  std::unordered_map<std::string, bool> cache_;
};

// The words of `text` (letters, with inner apostrophes and hyphens), at most
// kMaxWords, and its non-ASCII letters.
void SplitWords(std::string_view text, std::vector<std::string>* words,
                std::vector<char32_t>* letters) {
  const std::u32string chars = DecodeUtf8(text);
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) {
      word.pop_back();
    }
    if (!word.empty() && words->size() < kMaxWords) words->push_back(word);
    word.clear();
  };
  for (char32_t c : chars) {
    if (u_isalpha(static_cast<UChar32>(c))) {
      AppendUtf8(c, &word);
      if (c >= 0x80) letters->push_back(c);
    } else if (IsApostrophe(c) && !word.empty()) {
      word.push_back('\'');
    } else if (c == U'-' && !word.empty()) {
      word.push_back('-');  // kanak-kanak
    } else {
      flush();
    }
  }
  flush();
}

const Group* FindGroup(const std::string& lang, Script script) {
  for (const Group& g : Groups()) {
    if (g.script != script) continue;
    for (const char* m : g.members) {
      if (lang == m) return &g;
    }
  }
  return nullptr;
}

// The members of `group` that `allowed` (when not empty) lets through.
std::vector<std::string> AllowedMembers(
    const Group& group, const std::vector<std::string>& allowed) {
  std::vector<std::string> members;
  for (const char* m : group.members) {
    if (allowed.empty() ||
        std::find(allowed.begin(), allowed.end(), m) != allowed.end()) {
      members.push_back(m);
    }
  }
  return members;
}

// Pairs of consecutive words: "da li" is a marker too.
std::vector<std::string> Bigrams(const std::vector<std::string>& words) {
  std::vector<std::string> bigrams;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    bigrams.push_back(words[i] + " " + words[i + 1]);
  }
  return bigrams;
}

// The letters of `script` in `letters` that `alphabet` lacks.
int CountForeignLetters(const std::u32string& alphabet,
                        const std::vector<char32_t>& letters, Script script) {
  int foreign = 0;
  for (char32_t c : letters) {
    const bool same_script = script == Script::kCyrillic
                                 ? (c >= 0x400 && c <= 0x52F)
                                 : (c >= 0xC0 && c <= 0x24F);
    if (same_script && alphabet.find(c) == std::u32string::npos) ++foreign;
  }
  return foreign;
}

// The words (longer than the stem) that start with one of `stems`.
int CountStemHits(const std::vector<std::string>& stems,
                  const std::vector<std::string>& words) {
  int hits = 0;
  for (const std::string& w : words) {
    for (const std::string& stem : stems) {
      if (w.size() > stem.size() && w.compare(0, stem.size(), stem) == 0) {
        ++hits;
        break;
      }
    }
  }
  return hits;
}

// What the text says about each member of a group.
struct MemberEvidence {
  std::vector<std::string> members;
  std::vector<double> scores;        // log score
  std::vector<int> foreign_letters;  // letters the alphabet lacks
  std::vector<double> model_share;   // of the group's model probability
  double group_mass = 0.0;           // the group's model probability
  double best = -1e300;              // the best score

  // A clear case needs no dictionary: the model is sure of a member whose
  // alphabet fits, and every other member is either ruled out by a letter
  // or hardly considered by the model. (This also keeps the dictionaries
  // unloaded for ordinary Russian or Ukrainian text.)
  bool Clear() const {
    bool clear = false;
    for (size_t i = 0; i < members.size(); ++i) {
      if (model_share[i] < kClearModelShare || foreign_letters[i] > 0) continue;
      clear = true;
      for (size_t j = 0; j < members.size(); ++j) {
        if (j != i && foreign_letters[j] == 0 &&
            model_share[j] >= kNegligibleModelShare) {
          clear = false;
        }
      }
    }
    return clear;
  }
};

// The model's probability of each member, summed over its guesses.
std::map<std::string, double> ModelProbabilities(
    const std::vector<LanguageGuess>& guesses,
    const std::vector<std::string>& members, double* group_mass) {
  std::map<std::string, double> model;
  for (const LanguageGuess& g : guesses) {
    if (std::find(members.begin(), members.end(), g.lang) != members.end()) {
      model[g.lang] += g.probability;
      *group_mass += g.probability;
    }
  }
  return model;
}

// Redistributes the group's mass over its members by a softmax over their
// scores; the guesses outside the group keep theirs. Sorted again.
void Redistribute(MemberEvidence* evidence,
                  std::vector<LanguageGuess>* guesses) {
  std::vector<double>& scores = evidence->scores;
  const std::vector<std::string>& members = evidence->members;
  double z = 0.0;
  for (double& s : scores) {
    s = std::exp(s - evidence->best);
    z += s;
  }
  double group_mass = evidence->group_mass;
  if (group_mass <= 0.0) group_mass = guesses->front().probability;
  std::vector<LanguageGuess> out;
  for (const LanguageGuess& g : *guesses) {
    if (std::find(members.begin(), members.end(), g.lang) == members.end()) {
      out.push_back(g);
    }
  }
  for (size_t i = 0; i < members.size(); ++i) {
    out.push_back(LanguageGuess{members[i], group_mass * scores[i] / z});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LanguageGuess& a, const LanguageGuess& b) {
                     return a.probability > b.probability;
                   });
  *guesses = std::move(out);
}

}  // namespace

struct CloseLanguageDisambiguator::Impl {
  // (lang, script) -> dictionary.
  std::map<std::pair<std::string, Script>, std::unique_ptr<SpellDictionary>>
      dictionaries;
  // The alphabets and marker words (lib/rules/langid).
  const CloseLanguageData& data = BuiltInCloseLanguageData();
  std::vector<std::string> missing;

  // The model, the alphabets and the marker words: the evidence that needs
  // no dictionary.
  MemberEvidence Evidence(const Group& group, Script script,
                          std::vector<std::string> members,
                          const std::vector<std::string>& words,
                          const std::vector<char32_t>& letters,
                          const std::vector<LanguageGuess>& guesses) const;
  // 2. Dictionaries, for the members still in contention, word by word,
  // until the leader cannot be caught by the words that are left.
  void AddDictionaryEvidence(Script script,
                             const std::vector<std::string>& words,
                             MemberEvidence* evidence) const;
};

MemberEvidence CloseLanguageDisambiguator::Impl::Evidence(
    const Group& group, Script script, std::vector<std::string> members,
    const std::vector<std::string>& words, const std::vector<char32_t>& letters,
    const std::vector<LanguageGuess>& guesses) const {
  MemberEvidence evidence;
  const std::map<std::string, double> model =
      ModelProbabilities(guesses, members, &evidence.group_mass);
  const std::vector<std::string> bigrams = Bigrams(words);
  for (const std::string& lang : members) {
    const auto m = model.find(lang);
    const double p = m == model.end() ? 0.0 : m->second;
    evidence.model_share.push_back(
        evidence.group_mass > 0 ? p / evidence.group_mass : 0.0);
    evidence.foreign_letters.push_back(0);
    double score =
        group.model_weight * std::log(std::max(p, kFloorProbability));
    // 1. Alphabet.
    const auto alphabet = data.alphabets.find({lang, script});
    if (alphabet != data.alphabets.end()) {
      const int foreign =
          CountForeignLetters(alphabet->second, letters, script);
      score -= kForeignLetterPenalty * std::min(foreign, kMaxForeignLetters);
      evidence.foreign_letters.back() = foreign;
    }
    // 3. Marker words.
    const auto marker_words = data.marker_words.find(lang);
    if (marker_words != data.marker_words.end()) {
      int hits = 0;
      for (const std::string& w : words) hits += marker_words->second.count(w);
      for (const std::string& b : bigrams) {
        hits += marker_words->second.count(b);
      }
      score += kMarkerWeight * hits;
    }
    // Marker stems: a word starting with one counts (financij-, finansij-).
    const auto stems = data.marker_stems.find(lang);
    if (stems != data.marker_stems.end()) {
      score += kMarkerWeight * CountStemHits(stems->second, words);
    }
    evidence.scores.push_back(score);
    evidence.best = std::max(evidence.best, score);
  }
  evidence.members = std::move(members);
  return evidence;
}

void CloseLanguageDisambiguator::Impl::AddDictionaryEvidence(
    Script script, const std::vector<std::string>& words,
    MemberEvidence* evidence) const {
  std::vector<double>& scores = evidence->scores;
  std::vector<size_t> contenders;
  std::vector<SpellDictionary*> dicts;
  for (size_t i = 0; i < evidence->members.size(); ++i) {
    if (scores[i] >= evidence->best - kContentionMargin) {
      contenders.push_back(i);
      const auto dict = dictionaries.find({evidence->members[i], script});
      dicts.push_back(dict == dictionaries.end() ? nullptr
                                                 : dict->second.get());
    }
  }
  // Without any dictionary among the contenders (none installed, or
  // dictionary_dir "") the neutral shares alone would favour mk and ms.
  const bool any_dictionary =
      std::any_of(dicts.begin(), dicts.end(),
                  [](const SpellDictionary* d) { return d != nullptr; });
  for (size_t w = 0;
       any_dictionary && w < words.size() && contenders.size() > 1; ++w) {
    double first = -1e300, second = -1e300;
    for (size_t c = 0; c < contenders.size(); ++c) {
      double& score = scores[contenders[c]];
      score +=
          kDictionaryWeight *
          (dicts[c] == nullptr ? NeutralShare(evidence->members[contenders[c]])
                               : (dicts[c]->Accepts(words[w]) ? 1.0 : 0.0));
      if (score > first) {
        second = first;
        first = score;
      } else if (score > second) {
        second = score;
      }
    }
    const double left = static_cast<double>(words.size() - w - 1);
    if (first - second > kDictionaryWeight * left) break;
  }
  evidence->best = *std::max_element(scores.begin(), scores.end());
}

CloseLanguageDisambiguator::CloseLanguageDisambiguator(
    std::string dictionary_dir)
    : impl_(std::make_unique<Impl>()) {
  if (!dictionary_dir.empty()) {
    for (const DictionaryName& d : kDictionaries) {
      const std::string base = dictionary_dir + "/" + d.stem;
      auto dict =
          std::make_unique<SpellDictionary>(base + ".aff", base + ".dic");
      if (dict->Loadable()) {
        impl_->dictionaries[{d.lang, d.script}] = std::move(dict);
      } else {
        std::string package = std::string("hunspell-") + d.lang;
        if (std::string(d.lang) == "en") package += "-us";
        impl_->missing.push_back(package + " (" + base + ".dic)");
      }
    }
  }
}

CloseLanguageDisambiguator::~CloseLanguageDisambiguator() = default;

const std::vector<std::string>&
CloseLanguageDisambiguator::MissingDictionaries() const {
  return impl_->missing;
}

bool CloseLanguageDisambiguator::InGroup(const std::string& lang,
                                         Script script) {
  return FindGroup(lang, script) != nullptr;
}

bool CloseLanguageDisambiguator::Close(const std::string& a,
                                       const std::string& b) {
  for (const Group& g : Groups()) {
    bool has_a = false, has_b = false;
    for (const char* m : g.members) {
      has_a = has_a || a == m;
      has_b = has_b || b == m;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

void CloseLanguageDisambiguator::CheckEnglish(
    std::string_view text, Script script, bool use_dictionaries,
    std::vector<LanguageGuess>* guesses) const {
  if (!use_dictionaries || script != Script::kLatin || guesses->size() < 2 ||
      guesses->front().lang != "en" ||
      guesses->front().probability >= kSureEnglish) {
    return;
  }
  const auto dict = impl_->dictionaries.find({"en", Script::kLatin});
  if (dict == impl_->dictionaries.end()) return;
  std::vector<std::string> words;
  std::vector<char32_t> letters;
  SplitWords(text, &words, &letters);
  if (words.empty()) return;
  // Stop as soon as the answer is known.
  size_t accepted = 0, rejected = 0;
  for (const std::string& w : words) {
    if (dict->second->Accepts(w)) {
      ++accepted;
    } else {
      ++rejected;
    }
    if (2 * accepted >= words.size() || 2 * rejected > words.size()) break;
  }
  if (2 * accepted >= words.size()) return;
  guesses->front().probability *= kUnlikelyEnglishFactor;
  std::stable_sort(guesses->begin(), guesses->end(),
                   [](const LanguageGuess& a, const LanguageGuess& b) {
                     return a.probability > b.probability;
                   });
}

void CloseLanguageDisambiguator::Rerank(
    std::string_view text, Script script,
    const std::vector<std::string>& allowed, bool use_dictionaries,
    std::vector<LanguageGuess>* guesses) const {
  if (guesses->empty()) return;
  const Group* group = FindGroup(guesses->front().lang, script);
  if (group == nullptr) return;
  std::vector<std::string> members = AllowedMembers(*group, allowed);
  if (members.size() < 2) return;
  // The words of the text, and its letters of the group's script.
  std::vector<std::string> words;
  std::vector<char32_t> letters;
  SplitWords(text, &words, &letters);
  MemberEvidence evidence = impl_->Evidence(*group, script, std::move(members),
                                            words, letters, *guesses);
  if (use_dictionaries && !words.empty() && !evidence.Clear()) {
    impl_->AddDictionaryEvidence(script, words, &evidence);
  }
  Redistribute(&evidence, guesses);
}

}  // namespace crossalign::internal
