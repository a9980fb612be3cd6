// Snowball stemming (Debian's libstemmer) for the languages it covers.
// Internal.
#ifndef CROSSALIGN_SRC_ALIGN_STEMMER_H_
#define CROSSALIGN_SRC_ALIGN_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace crossalign::internal {

class Stemmer {
 public:
  // A stemmer for a BCP-47 language, or null when Snowball has none.
  static std::unique_ptr<Stemmer> ForLanguage(const std::string& lang);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a case-folded UTF-8 word. Not thread-safe: use one Stemmer
  // per thread.
  std::string Stem(std::string_view word);

 private:
  explicit Stemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}
  sb_stemmer* stemmer_;
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_ALIGN_STEMMER_H_
