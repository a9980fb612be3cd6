// End-to-end tests of `align merge`.
#include <gtest/gtest.h>

#include "cli_support.h"
#include "crossalign/tmx_reader.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Align;
using testing::Exists;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

// A TMX with the given units: {tuid, score ("" for none), lang1, text1,
// lang2, text2}.
std::string MakeTmx(const std::vector<std::vector<std::string>>& units) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n<header creationtool=\"x\" "
      "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" "
      "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\" "
      "creationdate=\"20240101T000000Z\"/>\n<body>\n";
  for (const auto& u : units) {
    xml += "<tu tuid=\"" + u[0] + "\">";
    if (!u[1].empty()) xml += "<prop type=\"x-score\">" + u[1] + "</prop>";
    xml += "<tuv xml:lang=\"" + u[2] + "\"><seg>" + u[3] + "</seg></tuv>";
    xml += "<tuv xml:lang=\"" + u[4] + "\"><seg>" + u[5] + "</seg></tuv>";
    xml += "</tu>\n";
  }
  return xml + "</body>\n</tmx>\n";
}

class MergeCliTest : public ::testing::Test {
 protected:
  std::string dir_ = MakeTempDir();
  std::string a_ = dir_ + "/a.tmx";
  std::string b_ = dir_ + "/b.tmx";
  std::string out_ = dir_ + "/out.tmx";

  void SetUp() override {
    WriteFile(a_, MakeTmx({{"a1", "0.9000", "en", "One.", "uk", "Один."},
                           {"a2", "0.5000", "en", "Two.", "uk", "Два."},
                           {"a3", "0.7000", "en", "Four.", "de", "Vier."}}));
    // b2 repeats a2 with a better score (and spacing and language case that
    // do not matter); b1 repeats a1 with a worse one; b3 is new.
    WriteFile(b_, MakeTmx({{"b2", "0.8000", "en", " Two. ", "UK", "Два."},
                           {"b3", "0.3000", "en", "Three &amp; more.", "uk",
                            "Три &amp; більше."},
                           {"b1", "0.4000", "en", "One.", "uk", "Один."}}));
  }

  std::vector<TmxUnit> Units(const std::string& path) {
    auto memory = TmxReader().ReadFile(path);
    EXPECT_TRUE(memory.ok()) << memory.status();
    return memory.ok() ? memory->units : std::vector<TmxUnit>{};
  }
};

TEST_F(MergeCliTest, OverlappingMemoriesGiveTheUnionWithBestScores) {
  auto r = RunCommand(Align("merge " + Quote(a_) + " " + Quote(b_) + " -o " +
                            Quote(out_) + " --date 2025-03-14 -v"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("6 units read, 2 duplicates removed, 0 filtered out, "
                       "4 written"),
            std::string::npos)
      << r.err;
  testing::ExpectValidTmxFile(out_);
  const auto units = Units(out_);
  ASSERT_EQ(units.size(), 4u);
  // First-seen order; the better duplicate's content.
  EXPECT_EQ(units[0].tuid, "a1");
  EXPECT_EQ(*FindProp(units[0].props, "x-score"), "0.9000");
  EXPECT_EQ(units[1].tuid, "b2");
  EXPECT_EQ(*FindProp(units[1].props, "x-score"), "0.8000");
  EXPECT_EQ(units[1].variants[0].text, "Two.");  // trimmed when written
  EXPECT_EQ(units[2].tuid, "a3");
  EXPECT_EQ(units[3].tuid, "b3");
  EXPECT_EQ(units[3].variants[1].text, "Три & більше.");
  // Written segments are trimmed; dates kept, or the fixed one.
  const std::string xml = ReadFile(out_);
  EXPECT_NE(xml.find("<seg>Two.</seg>"), std::string::npos);
  EXPECT_NE(xml.find("<header creationtool=\"crossalign\""), std::string::npos);
  EXPECT_NE(xml.find("creationdate=\"20250314T000000Z\""), std::string::npos);
  EXPECT_NE(xml.find("<tu tuid=\"a1\" creationdate=\"20250314T000000Z\""),
            std::string::npos);
  // The same inputs the other way round: the same units, another order.
  const std::string back = dir_ + "/back.tmx";
  r = RunCommand(
      Align("merge " + Quote(b_) + " " + Quote(a_) + " -o " + Quote(back)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Units(back).size(), 4u);
}

TEST_F(MergeCliTest, FiltersByScoreAndLanguage) {
  auto r = RunCommand(Align("merge " + Quote(a_) + " " + Quote(b_) +
                            " --min-score 0.6 -o " + Quote(out_)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto units = Units(out_);
  // One (0.9), Four (0.7), Two (0.8: a2 at 0.5 was filtered out first).
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].tuid, "a1");
  EXPECT_EQ(units[1].tuid, "a3");
  EXPECT_EQ(units[2].tuid, "b2");
  testing::ExpectValidTmxFile(out_);

  r = RunCommand(Align("merge " + Quote(a_) + " " + Quote(b_) +
                       " --lang de --force -o " + Quote(out_)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  units = Units(out_);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].tuid, "a3");

  r = RunCommand(Align("merge " + Quote(a_) +
                       " --lang uk --lang en "
                       "--min-score 0.6 --force -o " +
                       Quote(out_)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  units = Units(out_);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].tuid, "a1");
}

TEST_F(MergeCliTest, AlignedFileRoundTripsByteForByte) {
  const std::string story = SourceDir() + "/corpora/dniester-bridge/";
  const std::string aligned = dir_ + "/aligned.tmx";
  auto r = RunCommand(Align(Quote(story + "kyiv-ledger.en.txt") + " " +
                            Quote(story + "kyiv-ledger.uk.txt") +
                            " --date 2025-03-14 -o " + Quote(aligned)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // write, read, write: the same bytes.
  r = RunCommand(Align("merge " + Quote(aligned) + " --date 2025-03-14 -o " +
                       Quote(out_)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(ReadFile(out_) == ReadFile(aligned));
  // A memory merged with itself is itself.
  r = RunCommand(Align("merge " + Quote(aligned) + " " + Quote(aligned) +
                       " --date 2025-03-14"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out == ReadFile(aligned));
}

TEST_F(MergeCliTest, SourceVariantGoesFirst) {
  CROSSALIGN_REQUIRE_SHARED();
  const std::string reversed =
      testing::SharedDir() + "/eval/tmx/samples/reversed-tuv-order.tmx";
  auto r = RunCommand(Align("merge " + Quote(reversed) + " -o " + Quote(out_)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto units = Units(out_);
  ASSERT_EQ(units.size(), 3u);
  for (const TmxUnit& unit : units) {
    EXPECT_EQ(unit.variants[0].lang, "en");
    EXPECT_EQ(unit.variants[1].lang, "uk");
  }
  testing::ExpectValidTmxFile(out_);
}

TEST_F(MergeCliTest, BadInputsAndUsage) {
  // One unreadable input among good ones: skipped, exit 1, output written.
  const std::string broken = dir_ + "/broken.tmx";
  WriteFile(broken, "<tmx><body><tu>");
  auto r = RunCommand(
      Align("merge " + Quote(a_) + " " + Quote(broken) + " -o " + Quote(out_)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.tmx: not well-formed XML"), std::string::npos)
      << r.err;
  EXPECT_EQ(Units(out_).size(), 3u);
  // The output exists now: --force is needed.
  r = RunCommand(Align("merge " + Quote(a_) + " -o " + Quote(out_)));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("--force"), std::string::npos);
  // Usage errors.
  EXPECT_EQ(RunCommand(Align("merge")).exit_code, 2);
  EXPECT_EQ(
      RunCommand(Align("merge " + Quote(a_) + " --min-score 7")).exit_code, 2);
  EXPECT_EQ(RunCommand(Align("merge " + Quote(a_) + " --bogus")).exit_code, 2);
  r = RunCommand(Align("merge --help"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: align merge"), std::string::npos);
  // Nothing usable: exit 3, no output.
  const std::string none = dir_ + "/none.tmx";
  r = RunCommand(Align("merge " + Quote(broken) + " " +
                       Quote(dir_ + "/missing.tmx") + " -o " + Quote(none)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.tmx: no such file"), std::string::npos);
  EXPECT_FALSE(Exists(none));
}

}  // namespace
}  // namespace crossalign
