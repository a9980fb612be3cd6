#include "langid/ngram_language_model.h"

#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>

#include "base/file_io.h"
#include "base/unicode_text.h"

namespace crossalign::internal {
namespace {

constexpr const char* kNgramFile = "ngrams.js";
constexpr const char* kByteTableFile = "dictionary.js";
// The tables store each weight minus this base (the smallest weight kept).
constexpr int kBaseWeight = 53;
// ELD's large tables are 4.4 MB; anything far bigger is not them.
constexpr uint64_t kMaxTableBytes = uint64_t{64} << 20;
// Reading stops at the first word end after this many bytes, and anyway
// after kHardCutBytes (the text's opening says enough).
constexpr size_t kCutBytes = 350;
constexpr size_t kHardCutBytes = 380;
// A word's n-grams are looked at up to this many bytes.
constexpr size_t kMaxWordBytes = 70;

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// An n-gram (at most 7 bytes) as one integer: bytes and length.
uint64_t PackKey(const uint8_t* bytes, size_t n) {
  uint64_t key = static_cast<uint64_t>(n) << 56;
  for (size_t i = 0; i < n && i < 7; ++i) {
    key |= static_cast<uint64_t>(bytes[i]) << (8 * i);
  }
  return key;
}

// A small reader over the JavaScript data files.
class Scanner {
 public:
  Scanner(std::string_view text, std::string file)
      : text_(text), file_(std::move(file)) {}
  bool Find(std::string_view what) {
    const size_t at = text_.find(what, pos_);
    if (at == std::string_view::npos) return false;
    pos_ = at + what.size();
    return true;
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  bool Integer(long* out) {
    const size_t start = pos_;
    while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    if (pos_ == start || pos_ - start > 9) return false;
    *out = std::strtol(std::string(text_.substr(start, pos_ - start)).c_str(),
                       nullptr, 10);
    return true;
  }
  // A quoted ('...' or "...") string or a bare key up to `stop`, as code
  // points.
  bool Key(char stop, std::u32string* out) {
    out->clear();
    const char quote = Peek();
    std::string_view raw;
    if (quote == '\'' || quote == '"') {
      ++pos_;
      const size_t start = pos_;
      while (!AtEnd() && text_[pos_] != quote) {
        if (text_[pos_] == '\\') ++pos_;
        ++pos_;
      }
      if (AtEnd()) return false;
      raw = text_.substr(start, pos_ - start);
      ++pos_;
    } else {
      const size_t start = pos_;
      while (!AtEnd() && text_[pos_] != stop) ++pos_;
      raw = text_.substr(start, pos_ - start);
    }
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(raw.size());
    while (i < n) {
      UChar32 c;
      U8_NEXT(raw.data(), i, n, c);
      if (c < 0) return false;
      if (c == '\\') {
        if (i >= n) return false;
        U8_NEXT(raw.data(), i, n, c);
        if (c < 0) return false;
      }
      out->push_back(static_cast<char32_t>(c));
    }
    return true;
  }
  Status Error(const std::string& what) const {
    return DataLossError("n-gram language model " + file_ + " is malformed (" +
                         what + " near byte " + std::to_string(pos_) +
                         "); run scripts/setup.sh to fetch it again");
  }

 private:
  std::string_view text_;
  std::string file_;
  size_t pos_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<NgramLanguageModel>> NgramLanguageModel::Load(
    const std::string& dir) {
  std::unique_ptr<NgramLanguageModel> model(new NgramLanguageModel());
  const std::string table_path = dir + "/" + kByteTableFile;
  StatusOr<std::string> table = ReadWholeFile(table_path, kMaxTableBytes);
  if (!table.ok()) {
    return Status(table.status().code(),
                  "cannot load the n-gram language model: " +
                      table.status().message() + "; run scripts/setup.sh");
  }
  {
    Scanner s(*table, table_path);
    if (!s.Find("dictionary") || !s.Find("[")) return s.Error("no byte table");
    std::u32string item;
    for (int b = 0; b < 256; ++b) {
      while (s.Peek() == ' ' || s.Peek() == '\n' || s.Peek() == '\r' ||
             s.Peek() == ',') {
        s.Eat(s.Peek());
      }
      if (!s.Key(',', &item) || item.size() != 1 || item[0] > 0xFF) {
        return s.Error("byte table entry " + std::to_string(b));
      }
      model->byte_char_[b] = static_cast<uint8_t>(item[0]);
    }
  }
  const std::string ngram_path = dir + "/" + kNgramFile;
  StatusOr<std::string> data = ReadWholeFile(ngram_path, kMaxTableBytes);
  if (!data.ok()) {
    return Status(data.status().code(),
                  "cannot load the n-gram language model: " +
                      data.status().message() + "; run scripts/setup.sh");
  }
  Scanner s(*data, ngram_path);
  if (!s.Find("languages:{")) return s.Error("no language list");
  std::u32string key;
  while (!s.Eat('}')) {
    long index = 0;
    if (!s.Integer(&index) || !s.Eat(':') || !s.Key(',', &key) ||
        index != static_cast<long>(model->languages_.size()) || key.empty() ||
        key.size() > 3) {
      return s.Error("language list");
    }
    model->languages_.emplace_back(key.begin(), key.end());
    s.Eat(',');
  }
  if (model->languages_.empty() || model->languages_.size() > 255) {
    return s.Error("language list");
  }
  if (!s.Find("ngrams:{")) return s.Error("no n-grams");
  // ELD's large tables hold 245,112 n-grams; the table grows when needed.
  model->slots_.assign(size_t{1} << 19, Slot{});
  model->mask_ = (uint64_t{1} << 19) - 1;
  uint8_t bytes[8];
  while (!s.Eat('}')) {
    if (!s.Key(':', &key) || key.empty() || key.size() > 7 || !s.Eat(':') ||
        !s.Eat('{')) {
      return s.Error("n-gram key");
    }
    for (size_t i = 0; i < key.size(); ++i) {
      if (key[i] > 0xFF) return s.Error("n-gram key");
      bytes[i] = static_cast<uint8_t>(key[i]);
    }
    const Range range{static_cast<uint32_t>(model->weights_.size()), 0};
    while (!s.Eat('}')) {
      long lang = 0, weight = 0;
      if (!s.Integer(&lang) || !s.Eat(':') || !s.Integer(&weight) ||
          lang >= static_cast<long>(model->languages_.size()) ||
          weight + kBaseWeight > 65535) {
        return s.Error("n-gram weights");
      }
      model->weights_.push_back(
          Weight{static_cast<uint8_t>(lang),
                 static_cast<uint16_t>(weight + kBaseWeight)});
      s.Eat(',');
    }
    model->Insert(
        PackKey(bytes, key.size()),
        Range{range.begin, static_cast<uint32_t>(model->weights_.size())});
    s.Eat(',');
  }
  if (model->entries_ < 1000) return s.Error("too few n-grams");
  return model;
}

namespace {
uint64_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return key;
}
}  // namespace

void NgramLanguageModel::Insert(uint64_t key, Range range) {
  if (2 * (entries_ + 1) > slots_.size()) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    entries_ = 0;
    for (const Slot& slot : old) {
      if (slot.key != 0) Insert(slot.key, slot.range);
    }
  }
  for (uint64_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) {  // a repeated key: the last one counts
      slots_[i].range = range;
      return;
    }
    if (slots_[i].key == 0) {
      slots_[i] = Slot{key, range};
      ++entries_;
      return;
    }
  }
}

const NgramLanguageModel::Range* NgramLanguageModel::Find(uint64_t key) const {
  for (uint64_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return &slots_[i].range;
    if (slots_[i].key == 0) return nullptr;
  }
}

int NgramLanguageModel::IndexOf(std::string_view lang) const {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i] == lang) return static_cast<int>(i);
  }
  return -1;
}

size_t NgramLanguageModel::Score(std::string_view text,
                                 std::vector<double>* points) const {
  points->assign(languages_.size(), 0.0);
  // Words as table characters: letters lower-cased, UTF-8 bytes of non-ASCII
  // letters mapped through the byte table; a run of non-letters is one word
  // break, except that apostrophes ending the run stay (l'homme, don't).
  std::string words;
  words.reserve(kHardCutBytes + 8);
  std::string pending_apostrophes;
  size_t bytes = 0;
  bool in_break = true;
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n && bytes <= kHardCutBytes) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    const bool letter = c <= 0xFFFF && u_isalpha(c);
    if (!letter) {
      if (c == '\'' || c == '`' || c == 0x2019) {
        pending_apostrophes.push_back(c == 0x2019 ? '\x01' : char(c));
      } else {
        pending_apostrophes.clear();
        if (!in_break) {
          if (bytes > kCutBytes) break;
          words.push_back(' ');
          ++bytes;
        }
        in_break = true;
      }
      continue;
    }
    for (const char a : pending_apostrophes) {
      if (a == '\x01') {  // U+2019, three bytes
        for (const uint8_t b : {0xE2, 0x80, 0x99}) {
          words.push_back(static_cast<char>(byte_char_[b]));
        }
        bytes += 3;
      } else {
        words.push_back(a);
        ++bytes;
      }
    }
    pending_apostrophes.clear();
    in_break = false;
    c = LowerCodePoint(c);
    uint8_t buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, c, error);
    if (error) continue;
    if (len == 1) {
      words.push_back(static_cast<char>(buf[0]));
    } else {
      for (int32_t k = 0; k < len; ++k) {
        words.push_back(static_cast<char>(byte_char_[buf[k]]));
      }
    }
    bytes += static_cast<size_t>(len);
  }
  // Distinct n-grams of each word.
  std::vector<uint64_t> keys;
  uint8_t gram[8];
  const auto add = [&](bool first, const char* p, size_t len, bool last) {
    size_t g = 0;
    if (first) gram[g++] = ' ';
    for (size_t k = 0; k < len; ++k) gram[g++] = static_cast<uint8_t>(p[k]);
    if (last) gram[g++] = ' ';
    keys.push_back(PackKey(gram, g));
  };
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    const char* word = words.data() + start;
    const size_t full = end - start;
    const size_t len = std::min(full, kMaxWordBytes);
    if (len > 0) {
      size_t j = 0;
      for (; j + 4 < len; j += 3) add(j == 0, word + j, 4, false);
      const size_t from = len >= 4 ? len - 4 : 0;
      add(j == 0, word + from, std::min<size_t>(full - from, 4), true);
    }
    start = end + 1;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const uint64_t key : keys) {
    const Range* range = Find(key);
    if (range == nullptr) continue;
    for (uint32_t w = range->begin; w < range->end; ++w) {
      (*points)[weights_[w].lang] += weights_[w].weight;
    }
  }
  return keys.size();
}

StatusOr<std::string> FindNgramModel(const std::string& explicit_path) {
  if (!explicit_path.empty()) {
    if (IsDirectory(explicit_path)) return explicit_path;
    return NotFoundError("n-gram language model " + explicit_path +
                         " does not exist or is not a directory");
  }
  if (const char* env = std::getenv("CROSSALIGN_NGRAM_MODEL");
      env != nullptr && *env != '\0') {
    if (IsDirectory(env)) return std::string(env);
    return NotFoundError(std::string("n-gram language model ") + env +
                         " (from CROSSALIGN_NGRAM_MODEL) does not exist or is "
                         "not a directory");
  }
  const std::string installed =
      std::string(CROSSALIGN_DATA_DIR) + "/" + kDefaultNgramModelName;
  if (IsDirectory(installed)) return installed;
  const std::string source =
      std::string(CROSSALIGN_SOURCE_MODEL_DIR) + "/" + kDefaultNgramModelName;
  if (IsDirectory(source)) return source;
  return NotFoundError(
      std::string("n-gram language model ") + kDefaultNgramModelName +
      " not found (looked in $CROSSALIGN_NGRAM_MODEL, " + installed + ", " +
      source + "); run scripts/setup.sh to fetch it");
}

}  // namespace crossalign::internal
