// Status and StatusOr<T>: how every fallible crossalign call reports errors.
//
// No exception crosses the library boundary. A function that can fail returns
// a Status (or a StatusOr<T> holding either a value or an error). The message
// names the file and, where it helps, the line or byte, and says what to do.
//
//   crossalign::StatusOr<crossalign::Document> doc =
//       crossalign::ReadDocumentFile("article.txt");
//   if (!doc.ok()) {
//     std::fprintf(stderr, "%s\n", doc.status().ToString().c_str());
//     return 1;
//   }
//   Use(*doc);
//
// Inside a function that itself returns a Status or a StatusOr, two macros
// pass an error on to the caller:
//
//   CROSSALIGN_RETURN_IF_ERROR(expr);
//     `expr` is a Status or a StatusOr<T>; when it is an error, the enclosing
//     function returns that Status.
//   CROSSALIGN_ASSIGN_OR_RETURN(lhs, expr);
//     `expr` is a StatusOr<T>; when it is an error, the enclosing function
//     returns its Status, else its value is moved into `lhs`, which may be a
//     declaration (`std::string bytes`, `auto doc`) or an existing variable.
//     It expands to several statements: do not use it as the body of an
//     unbraced if/else. `lhs` may not contain an unparenthesised comma.
//
//   crossalign::StatusOr<Document> Load(const std::string& path) {
//     CROSSALIGN_ASSIGN_OR_RETURN(std::string bytes, ReadBytes(path));
//     CROSSALIGN_RETURN_IF_ERROR(Check(bytes));
//     return Parse(bytes);
//   }
#ifndef CROSSALIGN_STATUS_H_
#define CROSSALIGN_STATUS_H_

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace crossalign {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad option or malformed input data
  kNotFound,            // a file or resource does not exist
  kPermissionDenied,    // a file cannot be read or written
  kDataLoss,            // a file is corrupt, truncated or not text
  kFailedPrecondition,  // the input is well-formed but unusable (e.g. empty)
  kResourceExhausted,   // a configured limit was exceeded, or the disk is full
  kCancelled,           // a caller's callback asked to stop (CancelledError)
  kInternal,            // a bug in crossalign: please report it
};

// Returns a short lower-case name such as "not found".
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK", or the code's name and the message (which names the file and the
  // problem): "not found: a.txt: no such file". A program showing the error
  // to its user may prefer message() alone.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Shorthands for building errors.
Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status PermissionDeniedError(std::string message);
Status DataLossError(std::string message);
Status FailedPreconditionError(std::string message);
Status ResourceExhaustedError(std::string message);
Status CancelledError(std::string message);
Status InternalError(std::string message);

// Either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(const T& value) : value_(value) {}  // NOLINT: implicit by design
  StatusOr(T&& value) : value_(std::move(value)) {}       // NOLINT
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = InternalError("StatusOr built from OK status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // The value; on an error, prints the status to stderr and aborts (a
  // programming error, as in absl::StatusOr). operator* and -> are only
  // valid when ok() and do not check.
  const T& value() const& {
    CheckHasValue();
    return *value_;
  }
  T& value() & {
    CheckHasValue();
    return *value_;
  }
  T&& value() && {
    CheckHasValue();
    return std::move(*value_);
  }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  void CheckHasValue() const {
    if (value_) return;
    std::fprintf(stderr, "crossalign: StatusOr::value() on an error: %s\n",
                 status_.ToString().c_str());
    std::abort();
  }
  Status status_;
  std::optional<T> value_;
};

namespace internal {
// The Status of a Status or a StatusOr, for the macros below.
inline const Status& StatusOf(const Status& status) { return status; }
template <typename T>
const Status& StatusOf(const StatusOr<T>& status_or) {
  return status_or.status();
}
}  // namespace internal

}  // namespace crossalign

#define CROSSALIGN_RETURN_IF_ERROR(expr)                                 \
  do {                                                                   \
    const ::crossalign::Status crossalign_status_macro_ =                \
        ::crossalign::internal::StatusOf(expr);                          \
    if (!crossalign_status_macro_.ok()) return crossalign_status_macro_; \
  } while (false)

#define CROSSALIGN_STATUS_CONCAT_INNER_(a, b) a##b
#define CROSSALIGN_STATUS_CONCAT_(a, b) CROSSALIGN_STATUS_CONCAT_INNER_(a, b)

#define CROSSALIGN_ASSIGN_OR_RETURN(lhs, expr) \
  CROSSALIGN_ASSIGN_OR_RETURN_IMPL_(           \
      CROSSALIGN_STATUS_CONCAT_(crossalign_status_or_, __LINE__), lhs, expr)

#define CROSSALIGN_ASSIGN_OR_RETURN_IMPL_(status_or, lhs, expr) \
  auto status_or = (expr);                                      \
  if (!status_or.ok()) return status_or.status();               \
  lhs = std::move(status_or).value()

#endif  // CROSSALIGN_STATUS_H_
