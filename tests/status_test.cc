#include "crossalign/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace crossalign {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, ErrorKeepsCodeAndMessage) {
  Status s = NotFoundError("a.txt: no such file");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "a.txt: no such file");
  EXPECT_EQ(s.ToString(), "not found: a.txt: no such file");
}

// ToString() names the code (issue #30): a message alone does not say
// whether the file was missing or unreadable.
TEST(StatusTest, ToStringNamesTheCode) {
  EXPECT_EQ(PermissionDeniedError("a.txt: cannot read").ToString(),
            "permission denied: a.txt: cannot read");
  EXPECT_EQ(CancelledError("stopped by the caller").ToString(),
            "cancelled: stopped by the caller");
  EXPECT_EQ(CancelledError("stopped").code(), StatusCode::kCancelled);
  // Without a message, the code's name alone.
  EXPECT_EQ(Status(StatusCode::kDataLoss, "").ToString(), "data loss");
}

TEST(StatusOrTest, HoldsValueOrError) {
  StatusOr<int> v = 42;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 42);
  StatusOr<int> e = DataLossError("bad");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kDataLoss);
}

TEST(StatusOrTest, OkStatusIsNotAValue) {
  StatusOr<int> v = Status::Ok();
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace crossalign

namespace crossalign {
namespace {

// value() on an error is a programming error: it says so and aborts, instead
// of reading an empty optional.
TEST(StatusOrDeathTest, ValueOfAnErrorAborts) {
  StatusOr<int> error = NotFoundError("x.txt: no such file");
  EXPECT_DEATH((void)error.value(),
               "StatusOr::value\\(\\) on an error: .*x.txt");
  StatusOr<int> fine = 7;
  EXPECT_EQ(fine.value(), 7);
}

}  // namespace
}  // namespace crossalign

namespace crossalign {
namespace {

Status FailIf(bool fail) {
  return fail ? DataLossError("f.txt: truncated") : Status::Ok();
}

StatusOr<std::string> ReadIf(bool fail) {
  if (fail) return NotFoundError("r.txt: no such file");
  return std::string("bytes");
}

// Counts how far the function got, to show that an error stops it.
Status CheckBoth(bool first_fails, bool second_fails, int* reached) {
  CROSSALIGN_RETURN_IF_ERROR(FailIf(first_fails));
  ++*reached;
  CROSSALIGN_RETURN_IF_ERROR(ReadIf(second_fails));  // a StatusOr works too
  ++*reached;
  return Status::Ok();
}

TEST(StatusMacrosTest, ReturnIfErrorPassesTheFirstErrorOn) {
  int reached = 0;
  EXPECT_TRUE(CheckBoth(false, false, &reached).ok());
  EXPECT_EQ(reached, 2);

  reached = 0;
  Status s = CheckBoth(true, true, &reached);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), "f.txt: truncated");
  EXPECT_EQ(reached, 0);

  reached = 0;
  s = CheckBoth(false, true, &reached);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "r.txt: no such file");
  EXPECT_EQ(reached, 1);
}

// Returns a StatusOr of another type than the one it unwraps.
StatusOr<size_t> LengthOf(bool fail) {
  CROSSALIGN_ASSIGN_OR_RETURN(std::string bytes, ReadIf(fail));
  return bytes.size() + 10;
}

TEST(StatusMacrosTest, AssignOrReturnDeclaresOrReturns) {
  StatusOr<size_t> n = LengthOf(false);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 15u);
  StatusOr<size_t> e = LengthOf(true);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(e.status().message(), "r.txt: no such file");
}

// Assigns to an existing variable, twice in one scope, and moves the value
// (a move-only type compiles).
Status TwoIntoExisting(bool second_fails, std::unique_ptr<int>* out) {
  std::unique_ptr<int> value;
  CROSSALIGN_ASSIGN_OR_RETURN(
      value, StatusOr<std::unique_ptr<int>>(std::make_unique<int>(1)));
  *out = std::move(value);
  StatusOr<std::unique_ptr<int>> second =
      second_fails ? StatusOr<std::unique_ptr<int>>(InternalError("second"))
                   : StatusOr<std::unique_ptr<int>>(std::make_unique<int>(2));
  CROSSALIGN_ASSIGN_OR_RETURN(value, std::move(second));
  *out = std::move(value);
  return Status::Ok();
}

TEST(StatusMacrosTest, AssignOrReturnIntoAnExistingVariable) {
  std::unique_ptr<int> out;
  EXPECT_TRUE(TwoIntoExisting(false, &out).ok());
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(*out, 2);
  Status s = TwoIntoExisting(true, &out);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(s.message(), "second");
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(*out, 1);  // the first assignment happened, the second did not
}

}  // namespace
}  // namespace crossalign
