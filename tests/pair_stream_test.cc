// PairStream (lib/src/write/pair_stream.h): a file written one pair at a time
// holds exactly the bytes Render() gives for all the pairs at once.
#include "write/pair_stream.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "crossalign/writers.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::MakeBead;
using testing::MakeDoc;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Three pairs: two methods, a mode decision, a pair with no unit at all.
std::vector<AlignedPair> ThreePairs() {
  auto en = MakeDoc("a.en", "en", {"One & two.", "Three <four>.", "Five."});
  auto de = MakeDoc("b.de", "de", {"Eins & zwei.", "Drei <vier>.", "Fünf."});
  auto en2 = MakeDoc("c.en", "en", {"Six.", "Seven."});
  std::vector<AlignedPair> pairs(3);
  pairs[0] = {en, de, {}};
  pairs[0].alignment.beads = {MakeBead({0}, {0}, 0.9), MakeBead({1}, {1}, 0.3),
                              MakeBead({2}, {}, 0.0)};
  pairs[0].alignment.method = "length and keys";
  pairs[0].alignment.mode_reason = "same length";
  pairs[1] = {en2, de, {}};
  pairs[1].alignment.beads = {MakeBead({0}, {}, 0.0), MakeBead({1}, {}, 0.0)};
  pairs[2] = {en2, de, {}};
  pairs[2].alignment.beads = {MakeBead({0, 1}, {2}, 0.7)};
  pairs[2].alignment.method = "comparable passages";
  return pairs;
}

TEST(PairStreamTest, EveryFormatWritesWhatRenderGivesForAllPairs) {
  const std::string dir = testing::MakeTempDir();
  const std::vector<AlignedPair> pairs = ThreePairs();
  for (const OutputFormat format :
       {OutputFormat::kTmx, OutputFormat::kTsv, OutputFormat::kJsonl,
        OutputFormat::kXliff, OutputFormat::kMoses}) {
    for (const double min_score : {0.0, 0.5}) {
      WriterOptions options;
      options.tmx = testing::FixedDate();
      options.min_score = min_score;
      const std::string out =
          dir + "/out" + std::to_string(static_cast<int>(format)) +
          (min_score > 0 ? "m" : "") + OutputFormatExtension(format);
      internal::PairStream stream(format, out, options);
      for (const AlignedPair& p : pairs) ASSERT_TRUE(stream.Add(p).ok());
      ASSERT_TRUE(stream.Finish().ok()) << OutputFormatName(format);
      EXPECT_EQ(stream.pairs(), 3u);
      auto want = Render(format, out, pairs, options);
      ASSERT_TRUE(want.ok()) << want.status();
      ASSERT_EQ(stream.paths().size(), want->size());
      for (size_t f = 0; f < want->size(); ++f) {
        EXPECT_EQ(stream.paths()[f], (*want)[f].path);
        EXPECT_EQ(ReadFile((*want)[f].path), (*want)[f].content)
            << OutputFormatName(format) << " min_score " << min_score;
      }
    }
  }
}

TEST(PairStreamTest, NoPairsGiveTheEmptyFileRenderGives) {
  const std::string dir = testing::MakeTempDir();
  for (const OutputFormat format : {OutputFormat::kTmx, OutputFormat::kTsv}) {
    WriterOptions options;
    options.tmx = testing::FixedDate();
    const std::string out = dir + "/empty" + OutputFormatExtension(format);
    internal::PairStream stream(format, out, options);
    ASSERT_TRUE(stream.Finish().ok());
    auto want = Render(format, out, {}, options);
    ASSERT_TRUE(want.ok());
    EXPECT_EQ(ReadFile(out), want->front().content);
  }
  // A pair whose units all fall below --min-score leaves an empty body.
  WriterOptions options;
  options.tmx = testing::FixedDate();
  options.min_score = 0.95;
  const std::string out = dir + "/low.tmx";
  internal::PairStream stream(OutputFormat::kTmx, out, options);
  ASSERT_TRUE(stream.Add(ThreePairs()[0]).ok());
  ASSERT_TRUE(stream.Finish().ok());
  auto want = Render(OutputFormat::kTmx, out, {ThreePairs()[0]}, options);
  ASSERT_TRUE(want.ok());
  EXPECT_EQ(ReadFile(out), want->front().content);
  testing::ExpectValidTmxFile(out);
}

TEST(PairStreamTest, AnExistingFileIsKeptWithoutReplace) {
  const std::string out = testing::MakeTempDir() + "/kept.tsv";
  std::ofstream(out) << "mine\n";
  WriterOptions options;
  options.replace = false;
  internal::PairStream stream(OutputFormat::kTsv, out, options);
  ASSERT_TRUE(stream.Add(ThreePairs()[0]).ok());
  const Status s = stream.Finish();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s;
  EXPECT_EQ(ReadFile(out), "mine\n");
}

}  // namespace
}  // namespace crossalign
