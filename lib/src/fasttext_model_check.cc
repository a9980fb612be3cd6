#include "fasttext_model_check.h"

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
  bool Skip(uint64_t n) {
    if (bytes_.size() - pos_ < n) return false;
    pos_ += n;
    return true;
  }
  bool SkipCString() {
    const size_t end = bytes_.find('\0', pos_);
    if (end == std::string_view::npos) return false;
    pos_ = end + 1;
    return true;
  }
  uint64_t left() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

bool CheckDenseMatrix(Reader* r) {
  int64_t m, n;
  if (!r->Read(&m) || !r->Read(&n) || m < 0 || n < 0) return false;
  if (n != 0 && static_cast<uint64_t>(m) > r->left() / 4 / n) return false;
  return r->Skip(static_cast<uint64_t>(m) * n * 4);
}

bool CheckProductQuantizer(Reader* r) {
  int32_t dim, nsubq, dsub, lastdsub;
  if (!r->Read(&dim) || !r->Read(&nsubq) || !r->Read(&dsub) ||
      !r->Read(&lastdsub)) {
    return false;
  }
  if (dim <= 0 || nsubq <= 0 || dsub <= 0 || lastdsub <= 0 || dim > 100000) {
    return false;
  }
  return r->Skip(uint64_t{4} * dim * kCentroidsPerSubquantizer);
}

bool CheckQuantMatrix(Reader* r) {
  bool qnorm;
  int64_t m, n;
  int32_t codesize;
  if (!r->Read(&qnorm) || !r->Read(&m) || !r->Read(&n) || !r->Read(&codesize) ||
      m < 0 || n < 0 || codesize < 0) {
    return false;
  }
  if (!r->Skip(static_cast<uint64_t>(codesize)) || !CheckProductQuantizer(r)) {
    return false;
  }
  if (qnorm) {
    if (!r->Skip(static_cast<uint64_t>(m))) return false;
    if (!CheckProductQuantizer(r)) return false;
  }
  return true;
}

}  // namespace

Status CheckFastTextModel(std::string_view bytes, const std::string& path) {
  const std::string hint =
      "; get a good model with scripts/setup.sh (or pass --lid-model PATH)";
  auto corrupt = [&](const std::string& what) {
    return DataLossError("language-ID model " + path + " is corrupt: " + what +
                         hint);
  };
  Reader r(bytes);
  int32_t magic, version;
  if (!r.Read(&magic) || !r.Read(&version) || magic != kMagic) {
    return corrupt("not a fastText model file");
  }
  if (version > kVersion || version < 11) {
    return corrupt("unsupported fastText format version " +
                   std::to_string(version));
  }
  // Args: 12 int32 fields and one double (sampling threshold t).
  int32_t args[12];
  for (int32_t& a : args) {
    if (!r.Read(&a)) return corrupt("truncated in the header");
  }
  double t;
  if (!r.Read(&t)) return corrupt("truncated in the header");
  const int32_t dim = args[0];
  const int32_t model = args[7];
  if (dim <= 0 || dim > 100000) return corrupt("implausible dimension");
  if (model != kSupervisedModel) {
    return corrupt("not a supervised classification model");
  }
  // Dictionary.
  int32_t size, nwords, nlabels;
  int64_t ntokens, pruneidx_size;
  if (!r.Read(&size) || !r.Read(&nwords) || !r.Read(&nlabels) ||
      !r.Read(&ntokens) || !r.Read(&pruneidx_size)) {
    return corrupt("truncated in the dictionary");
  }
  if (size < 0 || nwords < 0 || nlabels <= 0 ||
      int64_t{nwords} + nlabels != size || pruneidx_size < -1) {
    return corrupt("inconsistent dictionary sizes");
  }
  // Each entry: a NUL-terminated word, an int64 count and an int8 type.
  if (static_cast<uint64_t>(size) > r.left() / 10) {
    return corrupt("dictionary larger than the file");
  }
  for (int32_t i = 0; i < size; ++i) {
    if (!r.SkipCString() || !r.Skip(9)) {
      return corrupt("truncated in the dictionary");
    }
  }
  if (pruneidx_size > 0 && !r.Skip(static_cast<uint64_t>(pruneidx_size) * 8)) {
    return corrupt("truncated in the pruning index");
  }
  bool quant_input;
  if (!r.Read(&quant_input)) return corrupt("truncated before the matrices");
  if (!(quant_input ? CheckQuantMatrix(&r) : CheckDenseMatrix(&r))) {
    return corrupt("truncated or inconsistent input matrix");
  }
  bool quant_output;
  if (!r.Read(&quant_output)) return corrupt("truncated before output matrix");
  if (!((quant_input && quant_output) ? CheckQuantMatrix(&r)
                                      : CheckDenseMatrix(&r))) {
    return corrupt("truncated or inconsistent output matrix");
  }
  if (r.left() != 0) return corrupt("unexpected bytes after the model");
  return Status::Ok();
}

}  // namespace crossalign::internal
