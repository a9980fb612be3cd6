#include "align/stemmer.h"

#include <libstemmer.h>

#include <utility>

namespace crossalign::internal {
namespace {

// BCP-47 primary subtags and the Snowball algorithm names.
constexpr std::pair<const char*, const char*> kAlgorithms[] = {
    {"ar", "arabic"},    {"hy", "armenian"},   {"eu", "basque"},
    {"ca", "catalan"},   {"da", "danish"},     {"nl", "dutch"},
    {"en", "english"},   {"fi", "finnish"},    {"fr", "french"},
    {"de", "german"},    {"el", "greek"},      {"hi", "hindi"},
    {"hu", "hungarian"}, {"id", "indonesian"}, {"ga", "irish"},
    {"it", "italian"},   {"lt", "lithuanian"}, {"ne", "nepali"},
    {"no", "norwegian"}, {"nb", "norwegian"},  {"pt", "portuguese"},
    {"ro", "romanian"},  {"ru", "russian"},    {"sr", "serbian"},
    {"es", "spanish"},   {"sv", "swedish"},    {"ta", "tamil"},
    {"tr", "turkish"},   {"yi", "yiddish"},
};

}  // namespace

std::unique_ptr<Stemmer> Stemmer::ForLanguage(const std::string& lang) {
  const std::string primary = lang.substr(0, lang.find('-'));
  for (const auto& [code, algorithm] : kAlgorithms) {
    if (primary == code) {
      sb_stemmer* s = sb_stemmer_new(algorithm, "UTF_8");
      if (s == nullptr) return nullptr;
      return std::unique_ptr<Stemmer>(new Stemmer(s));
    }
  }
  return nullptr;
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::Stem(std::string_view word) {
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace crossalign::internal
