#include "crossalign/status.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(s.ToString(), "a.txt: no such file");
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
