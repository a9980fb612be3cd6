#include "align/pair_lexicon.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

#include "align/stemmer.h"
#include "base/unicode_text.h"
#include "base/utf8.h"

namespace crossalign::internal {
namespace {

// Translations kept per source form. The dictionaries of issue 25's survey
// fired on 57-100% of wrong sentence pairs when every sense counted; the
// converter keeps 6 first senses per headword (scripts/convert_dicts.py),
// and a list read backwards (English -> Chinese from CC-CEDICT) can gather
// dozens, so the same bound applies here, most specific targets first.
constexpr size_t kMaxTranslations = 6;
// Korean words shorter than this (in syllables) are not looked up by
// prefix: one syllable is a prefix of hundreds of words.
constexpr size_t kMinKoreanPrefixSyllables = 2;

// Korean particles and verb endings glued to the word before them, longest
// first within each length (standard grammar: case particles, topic and
// focus particles, copula and the commonest past and adnominal endings).
constexpr const char* kKoreanSuffixes[] = {
    "에서는", "으로는", "에게서", "이라고", "이라는", "했다고", "됐다고",
    "했으며", "에서",   "에게",   "으로",   "까지",   "부터",   "보다",
    "처럼",   "에는",   "이다",   "였다",   "했다",   "됐다",   "하는",
    "하고",   "하며",   "했던",   "라고",   "라는",   "들이",   "들은",
    "들을",   "들의",   "은",     "는",     "이",     "가",     "을",
    "를",     "의",     "에",     "로",     "와",     "과",     "도",
    "만",     "들",     "한",     "된",
};

size_t CountChars(std::string_view s) {
  size_t n = 0;
  ForEachCodePoint(s, [&](int32_t) { ++n; });
  return n;
}

// Byte offsets of the code point boundaries of `s` (and its end).
std::vector<size_t> Boundaries(std::string_view s) {
  std::vector<size_t> out;
  size_t i = 0;
  while (i < s.size()) {
    out.push_back(i);
    const unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  out.push_back(s.size());
  return out;
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::string PrimaryLanguage(std::string_view tag) {
  std::string out(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

bool SegmentsByDictionary(const std::string& lang) {
  return lang == "zh" || lang == "ja";
}

struct MatchForms::Impl {
  std::string lang;
  const std::unordered_set<std::string>* words = nullptr;
  std::unique_ptr<Stemmer> stemmer;
};

MatchForms::MatchForms(const std::string& lang,
                       const std::unordered_set<std::string>* words)
    : impl_(std::make_unique<Impl>()) {
  impl_->lang = PrimaryLanguage(lang);
  impl_->words = words;
  if (impl_->lang != "ko" && !SegmentsByDictionary(impl_->lang)) {
    impl_->stemmer = Stemmer::ForLanguage(impl_->lang);
  }
}

MatchForms::~MatchForms() = default;

std::string MatchForms::Form(std::string_view word) {
  if (impl_->stemmer) return impl_->stemmer->Stem(word);
  if (impl_->lang != "ko") return std::string(word);
  // Korean: the longest dictionary word the token starts with.
  const std::vector<size_t> cut = Boundaries(word);
  const size_t chars = cut.size() - 1;
  if (impl_->words != nullptr) {
    for (size_t n = chars; n >= kMinKoreanPrefixSyllables; --n) {
      const std::string prefix(word.substr(0, cut[n]));
      if (impl_->words->count(prefix)) return prefix;
    }
  }
  // Else the token without one particle or ending, keeping two syllables.
  for (const char* suffix : kKoreanSuffixes) {
    const std::string_view s(suffix);
    if (word.size() > s.size() && word.substr(word.size() - s.size()) == s &&
        CountChars(word.substr(0, word.size() - s.size())) >= 2) {
      return std::string(word.substr(0, word.size() - s.size()));
    }
  }
  return std::string(word);
}

std::shared_ptr<const PairLexicon> BuildPairLexicon(const Dictionary& dict,
                                                    const std::string& src,
                                                    const std::string& tgt,
                                                    const std::string& origin) {
  auto lex = std::make_shared<PairLexicon>();
  lex->src_lang = PrimaryLanguage(src);
  lex->tgt_lang = PrimaryLanguage(tgt);
  lex->origin = origin;
  // Surface words first: Korean forms look prefixes up among them.
  std::vector<std::pair<std::string, std::vector<std::string>>> raw;
  dict.ForEachPair([&](const std::string& s, const std::string& t) {
    if (s.find(' ') != std::string::npos) return;  // one word at a time
    std::vector<std::string> words;
    if (SegmentsByDictionary(lex->tgt_lang)) {
      if (t.find(' ') == std::string::npos) words.push_back(t);
    } else {
      size_t pos = 0;
      while (pos <= t.size()) {
        size_t end = t.find(' ', pos);
        if (end == std::string::npos) end = t.size();
        if (end > pos) words.push_back(t.substr(pos, end - pos));
        pos = end + 1;
      }
    }
    if (words.empty()) return;
    lex->src_words.insert(s);
    for (const auto& w : words) lex->tgt_words.insert(w);
    if (raw.empty() || raw.back().first != s) raw.push_back({s, {}});
    for (auto& w : words) raw.back().second.push_back(std::move(w));
  });
  MatchForms src_forms(lex->src_lang, &lex->src_words);
  MatchForms tgt_forms(lex->tgt_lang, &lex->tgt_words);
  // Target forms are numbered once (a raw target word maps to its form's
  // number, or -1 when the form is too short to match), so that the lists,
  // their duplicate checks and the sort by fan-in work on numbers: with
  // strings, building the English-German lexicon took over a second.
  std::unordered_map<std::string, int> form_of_target;
  std::unordered_map<std::string, int> number_of_form;
  std::vector<const std::string*> forms;
  std::vector<int> fan_in;  // source forms per target form
  std::unordered_map<std::string, std::vector<int>> table;
  for (const auto& [s, targets] : raw) {
    auto& list = table[src_forms.Form(s)];
    for (const std::string& t : targets) {
      auto [it, fresh] = form_of_target.try_emplace(t, -1);
      if (fresh) {
        std::string form = tgt_forms.Form(t);
        // Target words of one or two letters ("a", "de") match anything;
        // single Chinese or Japanese characters are never segmented out of
        // the text (words of two or more only), so they could not match.
        if (form.size() < 3 ||
            (SegmentsByDictionary(lex->tgt_lang) && CountChars(form) < 2)) {
          continue;
        }
        auto [number, added] =
            number_of_form.try_emplace(std::move(form), forms.size());
        if (added) {
          forms.push_back(&number->first);
          fan_in.push_back(0);
        }
        it->second = number->second;
      }
      const int id = it->second;
      if (id < 0) continue;
      if (std::find(list.begin(), list.end(), id) == list.end()) {
        list.push_back(id);
        ++fan_in[id];
      }
    }
  }
  for (auto& [form, list] : table) {
    if (list.empty() || form.size() < 3) continue;
    // Most specific first: a target many source words translate into
    // ("make", "be") says least.
    std::stable_sort(list.begin(), list.end(),
                     [&](int a, int b) { return fan_in[a] < fan_in[b]; });
    if (list.size() > kMaxTranslations) list.resize(kMaxTranslations);
    std::vector<std::string> words;
    words.reserve(list.size());
    for (int id : list) words.push_back(*forms[id]);
    lex->table.emplace(form, std::move(words));
  }
  return lex;
}

std::string InstalledDictionaryDir() {
  if (const char* env = std::getenv("CROSSALIGN_DICT_DIR");
      env != nullptr && *env != '\0') {
    return env;
  }
  const std::string installed = std::string(CROSSALIGN_DATA_DIR) + "/dict";
  struct stat st;
  if (::stat(installed.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return installed;
  }
  return std::string(CROSSALIGN_SOURCE_MODEL_DIR) + "/dict";
}

namespace {

struct Shelf {
  std::mutex mutex;
  std::string dir;
  // Dictionaries by "src-tgt" as stored or reversed; null when absent.
  std::map<std::string, std::shared_ptr<const Dictionary>> dictionaries;
  std::map<std::string, std::shared_ptr<const PairLexicon>> lexicons;
};

Shelf& TheShelf() {
  static Shelf* shelf = new Shelf();
  return *shelf;
}

// The dictionary from a to b on the shelf (read as stored, or reversed).
// Holds the shelf's lock.
std::shared_ptr<const Dictionary> DirectDictionary(Shelf& shelf,
                                                   const std::string& a,
                                                   const std::string& b,
                                                   std::string* origin) {
  const std::string key = a + "-" + b;
  auto it = shelf.dictionaries.find(key);
  if (it == shelf.dictionaries.end()) {
    std::shared_ptr<const Dictionary> dict;
    const std::string forward = shelf.dir + "/" + a + "-" + b + ".dict";
    const std::string backward = shelf.dir + "/" + b + "-" + a + ".dict";
    if (FileExists(forward)) {
      auto loaded = Dictionary::Load(forward);
      if (loaded.ok()) dict = std::make_shared<Dictionary>(std::move(*loaded));
    } else if (FileExists(backward)) {
      auto loaded = Dictionary::Load(backward);
      if (loaded.ok()) dict = std::make_shared<Dictionary>(loaded->Reversed());
    }
    it = shelf.dictionaries.emplace(key, dict).first;
  }
  if (it->second != nullptr) {
    const bool stored = FileExists(shelf.dir + "/" + a + "-" + b + ".dict");
    *origin = stored ? a + "-" + b + ".dict" : b + "-" + a + ".dict reversed";
  }
  return it->second;
}

}  // namespace

std::shared_ptr<const PairLexicon> InstalledPairLexicon(
    const std::string& src, const std::string& tgt) {
  const std::string a = PrimaryLanguage(src), b = PrimaryLanguage(tgt);
  if (a == b || a.empty() || b.empty() || a == "und" || b == "und") {
    return nullptr;
  }
  Shelf& shelf = TheShelf();
  std::lock_guard<std::mutex> lock(shelf.mutex);
  if (shelf.dir.empty()) shelf.dir = InstalledDictionaryDir();
  const std::string key = a + "-" + b;
  auto it = shelf.lexicons.find(key);
  if (it != shelf.lexicons.end()) return it->second;
  std::string origin;
  std::shared_ptr<const PairLexicon> lex;
  if (auto direct = DirectDictionary(shelf, a, b, &origin)) {
    lex = BuildPairLexicon(*direct, a, b, origin);
  } else if (a != "en" && b != "en") {
    // Through English, the pivot every installed list shares.
    std::string first_origin, second_origin;
    auto first = DirectDictionary(shelf, a, "en", &first_origin);
    auto second = DirectDictionary(shelf, "en", b, &second_origin);
    if (first != nullptr && second != nullptr) {
      lex = BuildPairLexicon(Dictionary::Compose(*first, *second), a, b,
                             first_origin + " + " + second_origin);
    }
  }
  shelf.lexicons.emplace(key, lex);
  return lex;
}

}  // namespace crossalign::internal
