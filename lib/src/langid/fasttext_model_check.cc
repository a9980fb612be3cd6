#include "langid/fasttext_model_check.h"

#include <climits>
#include <cstdint>
#include <cstring>

namespace crossalign::internal {
namespace {

// fastText's file signature and the format version 0.9.2 writes.
constexpr int32_t kMagic = 793712314;
constexpr int32_t kVersion = 12;
constexpr int32_t kCentroidsPerSubquantizer = 256;  // ProductQuantizer::ksub_
constexpr int32_t kSupervisedModel = 3;             // model_name::sup

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Read(T* value) {
    if (bytes_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  // fastText writes a bool as one byte, 0 or 1; any other value would be
  // undefined behaviour once read into a bool (found by model_merge_fuzzer).
  bool ReadBool(bool* value) {
    uint8_t byte = 0;
    if (!Read(&byte) || byte > 1) return false;
    *value = byte == 1;
    return true;
  }
  bool Skip(uint64_t n) {
    if (bytes_.size() - pos_ < n) return false;
    pos_ += n;
    return true;
  }
  bool ReadCString(std::string_view* out) {
    const size_t end = bytes_.find('\0', pos_);
    if (end == std::string_view::npos) return false;
    *out = bytes_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return true;
  }
  uint64_t left() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// A matrix must have `rows` rows (at least: fastText indexes rows by word id
// and by subword hash, and asserts inside Vector::addRow otherwise) and
// exactly `cols` columns (the header's dim).
bool CheckDenseMatrix(Reader* r, int64_t rows, int64_t cols) {
  int64_t m, n;
  if (!r->Read(&m) || !r->Read(&n) || m < 0 || n < 0) return false;
  if (m < rows || n != cols) return false;
  if (n != 0 && static_cast<uint64_t>(m) > r->left() / 4 / n) return false;
  return r->Skip(static_cast<uint64_t>(m) * n * 4);
}

bool CheckProductQuantizer(Reader* r, int32_t expected_dim,
                           int32_t* subquantizers) {
  int32_t dim, nsubq, dsub, lastdsub;
  if (!r->Read(&dim) || !r->Read(&nsubq) || !r->Read(&dsub) ||
      !r->Read(&lastdsub)) {
    return false;
  }
  if (dim != expected_dim || nsubq <= 0 || dsub <= 0 || lastdsub <= 0 ||
      dim > 100000) {
    return false;
  }
  // ProductQuantizer's own layout: dim split into nsubq pieces of dsub, the
  // last one lastdsub long.
  if (int64_t{dsub} * (nsubq - 1) + lastdsub != dim || lastdsub > dsub) {
    return false;
  }
  *subquantizers = nsubq;
  return r->Skip(uint64_t{4} * dim * kCentroidsPerSubquantizer);
}

bool CheckQuantMatrix(Reader* r, int64_t rows, int32_t cols) {
  bool qnorm;
  int64_t m, n;
  int32_t codesize;
  if (!r->ReadBool(&qnorm) || !r->Read(&m) || !r->Read(&n) ||
      !r->Read(&codesize) || m < 0 || n < 0 || codesize < 0) {
    return false;
  }
  if (m < rows || n != cols) return false;
  if (!r->Skip(static_cast<uint64_t>(codesize))) return false;
  int32_t nsubq = 0;
  if (!CheckProductQuantizer(r, cols, &nsubq)) return false;
  // One code per piece: codesize == m * nsubq, without overflowing on a
  // hostile m (found by model_merge_fuzzer).
  if (m > INT32_MAX || int64_t{codesize} != m * nsubq) return false;
  if (qnorm) {
    if (!r->Skip(static_cast<uint64_t>(m))) return false;  // norm codes
    int32_t norm_subq = 0;
    if (!CheckProductQuantizer(r, 1, &norm_subq)) return false;
  }
  return true;
}

// A label of a language-ID model: "__label__" and a language code (en, ceb,
// or with a subtag: zh-Hant, pt_BR). Models that classify something else
// (__label__positive) are not language identifiers.
bool IsLanguageLabel(std::string_view word) {
  constexpr std::string_view kPrefix = "__label__";
  if (word.substr(0, kPrefix.size()) != kPrefix) return false;
  const std::string_view code = word.substr(kPrefix.size());
  size_t letters = 0;
  while (letters < code.size() && code[letters] >= 'a' &&
         code[letters] <= 'z') {
    ++letters;
  }
  if (letters < 2 || letters > 3) return false;
  for (size_t i = letters; i < code.size(); ++i) {
    const char c = code[i];
    const bool ok = c == '-' || c == '_' || (c >= 'a' && c <= 'z') ||
                    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok || ((c == '-' || c == '_') && i + 1 == code.size())) return false;
  }
  return code.size() <= 16;
}

constexpr const char* kGoodModelHint =
    "; get a good model with scripts/setup.sh (or pass --lid-model PATH)";

// The error messages about the model at `path`.
class ModelErrors {
 public:
  explicit ModelErrors(const std::string& path) : path_(path) {}
  Status Corrupt(const std::string& what) const {
    return DataLossError("language-ID model " + path_ + " is corrupt: " + what +
                         kGoodModelHint);
  }
  Status NotLanguageId(std::string_view label) const {
    return DataLossError(
        "language-ID model " + path_ +
        " is not a language identifier: its label '" + std::string(label) +
        "' is not a language code (a fastText model trained on other "
        "labels)" +
        kGoodModelHint);
  }

 private:
  const std::string& path_;
};

// The header fields the rest of the file must agree with.
struct ModelShape {
  int32_t dim = 0;
  int32_t bucket = 0;
  int32_t nwords = 0;
  int32_t nlabels = 0;
  int64_t pruneidx_size = 0;
};

// Signature, version and Args (12 int32 fields and one double, the
// sampling threshold t).
Status CheckArgs(Reader* r, const ModelErrors& errors, ModelShape* shape) {
  int32_t magic, version;
  if (!r->Read(&magic) || !r->Read(&version) || magic != kMagic) {
    return errors.Corrupt("not a fastText model file");
  }
  if (version > kVersion || version < 11) {
    return errors.Corrupt("unsupported fastText format version " +
                          std::to_string(version));
  }
  int32_t args[12];
  for (int32_t& a : args) {
    if (!r->Read(&a)) return errors.Corrupt("truncated in the header");
  }
  double t;
  if (!r->Read(&t)) return errors.Corrupt("truncated in the header");
  const int32_t dim = args[0];
  const int32_t word_ngrams = args[5];
  const int32_t model = args[7];
  const int32_t bucket = args[8];
  const int32_t minn = args[9];
  const int32_t maxn = args[10];
  if (dim <= 0 || dim > 100000) return errors.Corrupt("implausible dimension");
  if (model != kSupervisedModel) {
    return errors.Corrupt("not a supervised classification model");
  }
  // fastText hashes subwords and word n-grams modulo bucket.
  if (bucket < 0 || minn < 0 || maxn < 0 || maxn > 1000 ||
      (minn > maxn && maxn > 0) || word_ngrams < 0 || word_ngrams > 1000 ||
      (bucket == 0 && (maxn > 0 || word_ngrams > 1))) {
    return errors.Corrupt(
        "inconsistent header (bucket, minn, maxn, wordNgrams)");
  }
  shape->dim = dim;
  shape->bucket = bucket;
  return Status::Ok();
}

// The dictionary: words, then labels that are language codes.
Status CheckDictionary(Reader* r, const ModelErrors& errors,
                       ModelShape* shape) {
  int32_t size, nwords, nlabels;
  int64_t ntokens, pruneidx_size;
  if (!r->Read(&size) || !r->Read(&nwords) || !r->Read(&nlabels) ||
      !r->Read(&ntokens) || !r->Read(&pruneidx_size)) {
    return errors.Corrupt("truncated in the dictionary");
  }
  if (size < 0 || nwords < 0 || nlabels <= 0 ||
      int64_t{nwords} + nlabels != size || pruneidx_size < -1) {
    return errors.Corrupt("inconsistent dictionary sizes");
  }
  // Each entry: a NUL-terminated word, an int64 count and an int8 type.
  if (static_cast<uint64_t>(size) > r->left() / 10) {
    return errors.Corrupt("dictionary larger than the file");
  }
  int32_t labels_seen = 0;
  for (int32_t i = 0; i < size; ++i) {
    std::string_view word;
    int64_t count;
    int8_t type;
    if (!r->ReadCString(&word) || !r->Read(&count) || !r->Read(&type)) {
      return errors.Corrupt("truncated in the dictionary");
    }
    if (type != 0 && type != 1) {
      return errors.Corrupt("unknown dictionary entry type");
    }
    // fastText sorts words before labels.
    if ((type == 1) != (i >= nwords)) {
      return errors.Corrupt("words and labels out of order in the dictionary");
    }
    if (type == 1) {
      ++labels_seen;
      if (!IsLanguageLabel(word)) return errors.NotLanguageId(word);
    }
  }
  if (labels_seen != nlabels) {
    return errors.Corrupt("inconsistent dictionary sizes");
  }
  shape->nwords = nwords;
  shape->nlabels = nlabels;
  shape->pruneidx_size = pruneidx_size;
  return Status::Ok();
}

// The pruning index maps subword hashes to rows after the words.
Status CheckPruningIndex(Reader* r, const ModelErrors& errors,
                         int64_t pruneidx_size) {
  if (pruneidx_size <= 0) return Status::Ok();
  if (static_cast<uint64_t>(pruneidx_size) > r->left() / 8) {
    return errors.Corrupt("truncated in the pruning index");
  }
  for (int64_t i = 0; i < pruneidx_size; ++i) {
    int32_t from = 0, to = -1;
    if (!r->Read(&from) || !r->Read(&to)) {
      return errors.Corrupt("truncated in the pruning index");
    }
    if (to < 0 || to >= pruneidx_size) {
      return errors.Corrupt("pruning index points outside the input matrix");
    }
  }
  return Status::Ok();
}

// The input and output matrices, dense or quantised, of the header's sizes.
Status CheckMatrices(Reader* r, const ModelErrors& errors,
                     const ModelShape& shape) {
  const int64_t input_rows =
      int64_t{shape.nwords} +
      (shape.pruneidx_size >= 0 ? shape.pruneidx_size : shape.bucket);
  bool quant_input;
  if (!r->ReadBool(&quant_input)) {
    return errors.Corrupt("truncated before the matrices");
  }
  if (!(quant_input ? CheckQuantMatrix(r, input_rows, shape.dim)
                    : CheckDenseMatrix(r, input_rows, shape.dim))) {
    return errors.Corrupt(
        "truncated input matrix, or one that does not match the header "
        "(dim, bucket, dictionary size)");
  }
  bool quant_output;
  if (!r->ReadBool(&quant_output)) {
    return errors.Corrupt("truncated before output matrix");
  }
  if (!((quant_input && quant_output)
            ? CheckQuantMatrix(r, shape.nlabels, shape.dim)
            : CheckDenseMatrix(r, shape.nlabels, shape.dim))) {
    return errors.Corrupt(
        "truncated output matrix, or one that does not match the header "
        "(dim, number of labels)");
  }
  return Status::Ok();
}

}  // namespace

Status CheckFastTextModel(std::string_view bytes, const std::string& path) {
  const ModelErrors errors(path);
  Reader r(bytes);
  ModelShape shape;
  if (Status s = CheckArgs(&r, errors, &shape); !s.ok()) return s;
  if (Status s = CheckDictionary(&r, errors, &shape); !s.ok()) return s;
  if (Status s = CheckPruningIndex(&r, errors, shape.pruneidx_size); !s.ok()) {
    return s;
  }
  if (Status s = CheckMatrices(&r, errors, shape); !s.ok()) return s;
  if (r.left() != 0) return errors.Corrupt("unexpected bytes after the model");
  return Status::Ok();
}

}  // namespace crossalign::internal
