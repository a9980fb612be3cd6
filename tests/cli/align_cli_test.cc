// End-to-end tests of the align binary: exit codes, messages, outputs.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_support.h"
#include "crossalign/version.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Align;
using testing::AlignBinary;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

// A small translation pair written here, independent of corpora/.
struct Pair {
  std::string dir = MakeTempDir();
  std::string en = dir + "/a.en.txt";
  std::string uk = dir + "/a.uk.txt";
  Pair() {
    WriteFile(
        en,
        "## outlet: Test Wire | lang: en | date: 2025-03-14\n"
        "Bridge reopens\n\nThe bridge opened on Friday. It cost a lot.\n");
    WriteFile(uk,
              "Міст відкрили\n\nМіст відкрили в пʼятницю. Він коштував "
              "чимало.\n");
  }
};

TEST(AlignCliTest, Version) {
  auto r = RunCommand(Align("--version"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            std::string("align (crossalign) ") + CROSSALIGN_VERSION + "\n");
}

TEST(AlignCliTest, HelpDocumentsExitCodes) {
  auto r = RunCommand(Align("--help"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: align"), std::string::npos);
  EXPECT_NE(r.out.find("4  output not writable"), std::string::npos);
  // Issue 27 item 11: internal errors exited 3, the code of "no input".
  EXPECT_NE(r.out.find("5  internal error"), std::string::npos);
}

// Issue 27 item 11: --help and --version to a full disk exited 0.
TEST(AlignCliTest, HelpAndVersionToAFullDeviceFail) {
  if (!Exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  for (const std::string args :
       {"--help", "--version", "-h", "batch --help", "merge --help",
        "review --help", "split --help", "detect --help"}) {
    auto r = RunCommand(Align(args) + " > /dev/full");
    EXPECT_EQ(r.exit_code, 4) << args << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write to standard output"), std::string::npos)
        << args << ": " << r.err;
  }
}

// Issue 27 item 11: numbers are plain decimals. Hex and underflowing
// values were taken (--max-sentence-length 0x1 cut an article into
// one-character units), and a fraction of characters was truncated.
TEST(AlignCliTest, NumbersInOptionsArePlainDecimals) {
  Pair p;
  const std::string out = p.dir + "/out.tmx";
  for (const std::string bad :
       {"--max-sentence-length 0x1", "--max-sentence-length 1.5",
        "--max-sentence-length 1e3", "--min-score 0x0.8", "--min-score 1e-400",
        "--min-score ' 0.5'", "--min-score inf", "--same-story nan",
        "--max-file-size 0x10", "--lexical-weight 1e999",
        "--review-below .5x"}) {
    auto r = RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " " + bad +
                              " -o " + Quote(out)));
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find(bad.substr(0, bad.find(' '))), std::string::npos)
        << bad << ": " << r.err;
    EXPECT_FALSE(Exists(out)) << bad;
  }
  for (const std::string good :
       {"--min-score 0.25", "--min-score .25", "--min-score 2.5e-1",
        "--max-sentence-length 300", "--max-file-size 1.5"}) {
    auto r = RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " " + good +
                              " -o " + Quote(out) + " --force"));
    EXPECT_EQ(r.exit_code, 0) << good << ": " << r.err;
  }
}

// Issue 27 item 12: what users read. Counts agree with their nouns,
// -q silences every success line (the review page's too), merge and
// --format beads say what they wrote, -v says what was read and decided,
// and long two-file runs say they are aligning.
TEST(AlignCliTest, SummaryAndVerboseLines) {
  Pair p;
  const std::string page = p.dir + "/page.html";
  auto r = RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " -o " +
                            Quote(p.dir + "/q.tmx") + " --review " +
                            Quote(page) + " -q"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(Exists(page));
  r = RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " --format beads"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("unit(s) written (en-uk, translation mode) to "
                       "standard output"),
            std::string::npos)
      << r.err;
  r = RunCommand(Align("merge " + Quote(p.dir + "/q.tmx") + " -o " +
                       Quote(p.dir + "/m.tmx")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("unit(s) merged from 1 file(s) to " + p.dir + "/m.tmx"),
            std::string::npos)
      << r.err;
  r = RunCommand(Align("merge -q " + Quote(p.dir + "/q.tmx") + " -o " +
                       Quote(p.dir + "/m2.tmx")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  r = RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " -v"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("align: read " + p.en + ": "), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("segment(s), language uk"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("align: decision: translation ("), std::string::npos)
      << r.err;
  // Three articles of one story: one pair per language pair.
  r = RunCommand(
      Align(Quote(testing::DniesterBridge("kyiv-ledger.en.txt")) + " " +
            Quote(testing::DniesterBridge("kyiv-ledger.uk.txt")) + " " +
            Quote(testing::DniesterBridge("kyiv-ledger.ru.txt")) + " -o " +
            Quote(p.dir + "/many")));
  EXPECT_LE(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(" (1 pair)"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(" (1 pairs)"), std::string::npos) << r.err;
}

// Issue 27 item 12: two long articles were aligned in silence.
TEST(AlignCliTest, LongPairSaysItIsAligning) {
  Pair p;
  std::string a, b;
  for (int i = 0; i < 2600; ++i) {
    a += "The bridge number " + std::to_string(i) + " opened on Friday.\n\n";
    b += "The crossing " + std::to_string(i) + " was opened on Friday.\n\n";
  }
  WriteFile(p.dir + "/long-a.txt", a);
  WriteFile(p.dir + "/long-b.txt", b);
  const std::string args = Quote(p.dir + "/long-a.txt") + " " +
                           Quote(p.dir + "/long-b.txt") +
                           " --src-lang en --tgt-lang en --mode translation";
  auto r = RunCommand(Align(args + " -o " + Quote(p.dir + "/l.tmx")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("align: aligning 2600 and 2600 segments"),
            std::string::npos)
      << r.err;
  r = RunCommand(Align(args + " -q -o " + Quote(p.dir + "/l2.tmx")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(AlignCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCommand(Align("")).exit_code, 2);
  EXPECT_EQ(RunCommand(Align("only-one.txt")).exit_code, 2);
  auto r = RunCommand(Align("--no-such-flag a b"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--no-such-flag"), std::string::npos);
  Pair p;
  EXPECT_EQ(
      RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " --min-score 2"))
          .exit_code,
      2);
  EXPECT_EQ(
      RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " --date yesterday"))
          .exit_code,
      2);
  EXPECT_EQ(
      RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " -o")).exit_code, 2);
}

// The help and usage-error texts CLI11 prints for us (issue #30), pinned
// here: the first lines of the help, an option line, and each kind of
// usage error with where to read the help.
TEST(AlignCliTest, HelpAndUsageErrorTexts) {
  auto r = RunCommand(Align("--help"));
  EXPECT_EQ(r.out.rfind("Usage: align [OPTIONS] SRC TGT [-o OUT.tmx]\n", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find("\nOptions:\n  -h, --help           show this help\n"
                       "  -o, --output FILE    write the TMX here"),
            std::string::npos)
      << r.out;
  r = RunCommand(Align("merge --help"));
  EXPECT_NE(r.out.find("\n  --max-memory MB      refuse inputs whose merge"),
            std::string::npos)
      << r.out;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--no-such-flag a b",
       "align: unknown option --no-such-flag (see align --help)\n"},
      {"a b --output",
       "align: option --output needs a value (see align --help)\n"},
      {"a b --min-score=2",
       "align: --min-score needs a number between 0 and 1, not '2' (see "
       "align --help)\n"},
      {"a b --force=3",
       "align: option --force takes no value (see align --help)\n"},
      {"merge --bogus x.tmx",
       "align: unknown option --bogus (see align merge --help)\n"},
      {"detect",
       "align: detect needs at least one FILE (see align detect "
       "--help)\n"},
      // Issue #30 item 5: a whole count, not a number.
      {"batch m.tsv -o d --array-tasks 1.5",
       "align: --array-tasks needs a whole number from 1 to 100000, not "
       "'1.5' (see align batch --help)\n"},
      {"batch m.tsv -o d --array-tasks 2e3",
       "align: --array-tasks needs a whole number from 1 to 100000, not "
       "'2e3' (see align batch --help)\n"},
  };
  for (const auto& [args, expected] : cases) {
    r = RunCommand("LANG=C LC_ALL= LC_MESSAGES= " + Align(args));
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, expected) << args;
  }
}

// Issue #29: the messages follow LANG (LC_ALL and LC_MESSAGES first) through
// the Ukrainian and German catalogues built from po/; English with LANG=C or
// a language without a catalogue. Expected texts are written here.
TEST(AlignCliTest, MessagesFollowTheLanguage) {
  struct Case {
    std::string env, help_start, option, usage_error;
  };
  const std::vector<Case> cases = {
      {"LANG=uk_UA.UTF-8", "Використання: align [ПАРАМЕТРИ] SRC TGT",
       "  -h, --help           показати цю довідку\n",
       "align: невідомий параметр --bogus (див. align --help)\n"},
      {"LANG=de_DE.UTF-8", "Aufruf: align [OPTIONEN] SRC TGT",
       "  -h, --help           diese Hilfe anzeigen\n",
       "align: unbekannte Option --bogus (siehe align --help)\n"},
      {"LANG=C", "Usage: align [OPTIONS] SRC TGT",
       "  -h, --help           show this help\n",
       "align: unknown option --bogus (see align --help)\n"},
      {"LANG=fr_FR.UTF-8", "Usage: align [OPTIONS] SRC TGT",
       "  -h, --help           show this help\n",
       "align: unknown option --bogus (see align --help)\n"},
      {"LANG=C LC_MESSAGES=de_DE.UTF-8", "Aufruf: align [OPTIONEN] SRC TGT",
       "  -h, --help           diese Hilfe anzeigen\n",
       "align: unbekannte Option --bogus (siehe align --help)\n"},
      {"LANG=de_DE.UTF-8 LC_ALL=uk_UA.UTF-8",
       "Використання: align [ПАРАМЕТРИ] SRC TGT",
       "  -h, --help           показати цю довідку\n",
       "align: невідомий параметр --bogus (див. align --help)\n"},
  };
  for (const Case& c : cases) {
    const std::string env = "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE " + c.env;
    auto r = RunCommand(env + " " + Align("--help"));
    EXPECT_EQ(r.exit_code, 0) << c.env;
    EXPECT_EQ(r.out.rfind(c.help_start, 0), 0u) << c.env << r.out;
    EXPECT_NE(r.out.find(c.option), std::string::npos) << c.env << r.out;
    r = RunCommand(env + " " + Align("a.txt b.txt --bogus"));
    EXPECT_EQ(r.exit_code, 2) << c.env;
    EXPECT_EQ(r.err, c.usage_error) << c.env;
  }
  // A value check, a subcommand's help and a summary with a number written
  // the locale's way.
  auto r = RunCommand("env -u LC_ALL -u LC_MESSAGES LANG=de_DE.UTF-8 " +
                      Align("merge x.tmx --min-score 7"));
  EXPECT_EQ(r.err,
            "align: --min-score braucht eine Zahl zwischen 0 und 1, nicht '7' "
            "(siehe align merge --help)\n");
  r = RunCommand("env -u LC_ALL -u LC_MESSAGES LANG=uk_UA.UTF-8 " +
                 Align("split --help"));
  EXPECT_EQ(r.out.rfind("Використання: align split [ПАРАМЕТРИ] FILE|-\n", 0),
            0u)
      << r.out;
  const std::string dict = MakeTempDir() + "/big.dict";
  std::string pairs;
  for (int i = 0; i < 1234; ++i) {
    pairs += "w" + std::to_string(i) + " @ s" + std::to_string(i) + "\n";
  }
  WriteFile(dict, pairs);
  for (const auto& [lang, line] :
       std::vector<std::pair<std::string, std::string>>{
           {"de_DE.UTF-8", "\t1.234 Paare\n"}, {"C", "\t1234 pairs\n"}}) {
    r = RunCommand("env -u LC_ALL -u LC_MESSAGES LANG=" + lang + " " +
                   Align("dict show " + Quote(dict)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, dict + line) << lang;
  }
}

// Every message of the tool has a translation in each catalogue: msgcmp
// compares po/LANG.po with the template the build extracted.
TEST(AlignCliTest, CataloguesTranslateEveryMessage) {
  std::string build = AlignBinary();
  build = build.substr(0, build.rfind("/tools/"));
  for (const std::string lang : {"uk", "de"}) {
    auto r = RunCommand("msgcmp " + Quote(SourceDir() + "/po/" + lang + ".po") +
                        " " + Quote(build + "/po/crossalign.pot"));
    EXPECT_EQ(r.exit_code, 0) << lang << ": " << r.err;
  }
}

// Every option a subcommand's --help lists is one it accepts: given alone,
// it is never an "unknown option" (a value option says its value is
// missing, a flag reaches the check of the operands).
TEST(AlignCliTest, EveryOptionInTheHelpIsAccepted) {
  for (const std::string command :
       {"", "batch ", "merge ", "review ", "split ", "detect "}) {
    auto help = RunCommand(Align(command + "--help"));
    ASSERT_EQ(help.exit_code, 0) << command;
    std::vector<std::string> names;
    for (const std::string& line : testing::Lines(help.out)) {
      if (line.rfind("  -", 0) != 0) continue;
      // The names end where the help begins, two spaces on.
      std::string head = line.substr(2, line.find("  ", 2) - 2);
      for (size_t at = 0; at < head.size();) {
        size_t end = head.find_first_of(" ,", at);
        if (end == std::string::npos) end = head.size();
        const std::string token = head.substr(at, end - at);
        if (token.size() > 1 && token[0] == '-') names.push_back(token);
        at = end + 1;
      }
    }
    EXPECT_GT(names.size(), 5u) << command;
    for (const std::string& name : names) {
      if (name == "-h" || name == "--help" || name == "--version") continue;
      auto r = RunCommand(Align(command + name));
      EXPECT_EQ(r.exit_code, 2) << command << name << ": " << r.err;
      EXPECT_EQ(r.err.find("unknown option"), std::string::npos)
          << command << name << ": " << r.err;
    }
  }
}

// --date takes a real UTC date in one of three forms (the parser moved from
// the library's tmx_writer.h into the CLI; these were its library tests).
// Issue 17 item 17: impossible dates were normalised (2025-02-31 became
// 2025-03-03); loose forms were accepted.
TEST(AlignCliTest, DateOptionAcceptsOnlyRealUtcDates) {
  for (const char* bad :
       {"14/03/2025", "2025-13-01", "2025-02-31", "2025-02-29", "2025-04-31",
        "2025-1-5", "2025-01-05x", "2025-01-05T24:00:00Z",
        "2025-01-05T10:00:60Z", "20250231T000000Z", "2025-01- 5", "+2025-01-05",
        ""}) {
    auto r = RunCommand(Align("merge no-such.tmx --date " + Quote(bad)));
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find("--date"), std::string::npos) << r.err;
  }
  Pair p;
  for (const auto& [date, expected] :
       std::vector<std::pair<std::string, std::string>>{
           {"2024-02-29", "20240229T000000Z"},
           {"20250314T235959Z", "20250314T235959Z"},
           {"2025-12-31T23:59:59Z", "20251231T235959Z"}}) {
    auto r = RunCommand(
        Align(Quote(p.en) + " " + Quote(p.uk) + " -q --date " + date));
    ASSERT_EQ(r.exit_code, 0) << date << ": " << r.err;
    EXPECT_NE(r.out.find("creationdate=\"" + expected + "\""),
              std::string::npos)
        << date;
  }
}

TEST(AlignCliTest, WritesTmxToStdoutWithoutOutputFlag) {
  Pair p;
  auto r =
      RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " --date 2025-03-14"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<tmx version=\"1.4\">"), std::string::npos);
  EXPECT_NE(r.out.find("<seg>Міст відкрили в пʼятницю.</seg>"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("creationdate=\"20250314T000000Z\""), std::string::npos);
  EXPECT_NE(r.out.find("srclang=\"en\""), std::string::npos);
}

TEST(AlignCliTest, SameRunGivesIdenticalFilesWithFixedDate) {
  Pair p;
  const std::string a = p.dir + "/1.tmx", b = p.dir + "/2.tmx";
  ASSERT_EQ(RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) +
                             " --date 2025-03-14 -o " + Quote(a)))
                .exit_code,
            0);
  ASSERT_EQ(RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) +
                             " --date=2025-03-14 -o " + Quote(b)))
                .exit_code,
            0);
  EXPECT_EQ(ReadFile(a), ReadFile(b));
}

TEST(AlignCliTest, MissingInputExitsThreeAndNamesTheFile) {
  Pair p;
  const std::string out = p.dir + "/out.tmx";
  auto r = RunCommand(Align(Quote(p.en) + " " + Quote(p.dir + "/missing.txt") +
                            " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos);
  EXPECT_FALSE(Exists(out));
}

TEST(AlignCliTest, EmptyAndBinaryInputsExitThree) {
  Pair p;
  WriteFile(p.dir + "/empty.txt", "");
  WriteFile(p.dir + "/bin.txt", std::string("\x7f"
                                            "ELF\0\0\x01",
                                            7));
  auto r = RunCommand(Align(Quote(p.en) + " " + Quote(p.dir + "/empty.txt")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("empty"), std::string::npos);
  r = RunCommand(Align(Quote(p.dir + "/bin.txt") + " " + Quote(p.uk)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bin.txt"), std::string::npos);
}

TEST(AlignCliTest, UnwritableOutputExitsFour) {
  Pair p;
  auto r = RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " -o " +
                            Quote(p.dir + "/no/such/dir/out.tmx")));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("out.tmx"), std::string::npos);
  // /proc takes no new files, even from root.
  r = RunCommand(
      Align(Quote(p.en) + " " + Quote(p.uk) + " -o /proc/crossalign-test.tmx"));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("/proc/crossalign-test.tmx"), std::string::npos);
  EXPECT_EQ(ListDir(p.dir), (std::vector<std::string>{"a.en.txt", "a.uk.txt"}));
}

TEST(AlignCliTest, CorruptModelGivesOneLineError) {
  Pair p;
  WriteFile(p.dir + "/bad.ftz", "garbage");
  auto r = RunCommand(Align("--lid-model " + Quote(p.dir + "/bad.ftz") + " " +
                            Quote(p.en) + " " + Quote(p.uk)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.ftz"), std::string::npos);
  EXPECT_NE(r.err.find("setup"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  // The same through the environment variable.
  r = RunCommand("CROSSALIGN_LID_MODEL=" + Quote(p.dir + "/missing.ftz") + " " +
                 Align(Quote(p.en) + " " + Quote(p.uk)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("CROSSALIGN_LID_MODEL"), std::string::npos);
}

// The segments of a TMX, in order: what two runs must agree on.
std::vector<std::string> Segments(const std::string& tmx) {
  std::vector<std::string> segs;
  size_t pos = 0;
  while ((pos = tmx.find("<seg>", pos)) != std::string::npos) {
    const size_t end = tmx.find("</seg>", pos);
    segs.push_back(tmx.substr(pos + 5, end - pos - 5));
    pos = end;
  }
  return segs;
}

// A corpora/ article converted with iconv (not our code) to legacy
// encodings aligns exactly as the UTF-8 original does.
TEST(AlignCliTest, LegacyEncodingsAlignLikeUtf8) {
  const std::string story = SourceDir() + "/corpora/dniester-bridge";
  const std::string en = story + "/kyiv-ledger.en.txt";
  const std::string uk = story + "/kyiv-ledger.uk.txt";
  const std::string dir = MakeTempDir();
  auto reference =
      RunCommand(Align(Quote(en) + " " + Quote(uk) + " --date 2025-03-14"));
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const auto expected = Segments(reference.out);
  ASSERT_GT(expected.size(), 20u);
  for (const std::string enc : {"WINDOWS-1251", "KOI8-U", "UTF-16"}) {
    const std::string converted = dir + "/uk." + enc + ".txt";
    // The apostrophe and typographic quotes have no place in the 8-bit code
    // pages: iconv transliterates them (//TRANSLIT), in both files.
    const std::string back = dir + "/uk." + enc + ".utf8.txt";
    ASSERT_EQ(RunCommand("iconv -f UTF-8 -t " + enc + "//TRANSLIT " +
                         Quote(uk) + " > " + Quote(converted))
                  .exit_code,
              0);
    ASSERT_EQ(RunCommand("iconv -f " + enc + " -t UTF-8 " + Quote(converted) +
                         " > " + Quote(back))
                  .exit_code,
              0);
    auto want =
        RunCommand(Align(Quote(en) + " " + Quote(back) + " --date 2025-03-14"));
    auto got = RunCommand(
        Align(Quote(en) + " " + Quote(converted) + " --date 2025-03-14"));
    ASSERT_EQ(got.exit_code, 0) << enc << ": " << got.err;
    EXPECT_EQ(Segments(got.out), Segments(want.out)) << enc;
    EXPECT_NE(got.out.find("<prop type=\"x-encoding\">"), std::string::npos)
        << enc;
  }
  // EUC-KR, on the Korean article.
  const std::string ko =
      SourceDir() + "/corpora/seoul-night-bus/hanul-times.ko.txt";
  const std::string ko_en =
      SourceDir() + "/corpora/seoul-night-bus/hanul-times.en.txt";
  ASSERT_EQ(RunCommand("iconv -f UTF-8 -t EUC-KR " + Quote(ko) + " > " +
                       Quote(dir + "/ko.euckr.txt"))
                .exit_code,
            0);
  auto want =
      RunCommand(Align(Quote(ko_en) + " " + Quote(ko) + " --date 2025-03-14"));
  auto got =
      RunCommand(Align(Quote(ko_en) + " " + Quote(dir + "/ko.euckr.txt") +
                       " --date 2025-03-14"));
  ASSERT_EQ(got.exit_code, 0) << got.err;
  EXPECT_EQ(Segments(got.out), Segments(want.out));
  EXPECT_GT(Segments(got.out).size(), 20u);
}

TEST(AlignCliTest, DamagedInputIsAlignedWithAWarningAndExitOne) {
  Pair p;
  WriteFile(p.uk,
            "Міст відкрили\n\nМіст відкрили в пʼятницю. Він \xD0 коштував "
            "чимало.\n");
  const std::string out = p.dir + "/out.tmx";
  auto r =
      RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("a.uk.txt"), std::string::npos);
  EXPECT_NE(r.err.find("byte"), std::string::npos);
  EXPECT_TRUE(Exists(out));
}

TEST(AlignCliTest, ExistingOutputNeedsForce) {
  Pair p;
  const std::string out = p.dir + "/out.tmx";
  WriteFile(out, "keep me");
  auto r =
      RunCommand(Align(Quote(p.en) + " " + Quote(p.uk) + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("--force"), std::string::npos);
  EXPECT_EQ(ReadFile(out), "keep me");
  r = RunCommand(
      Align(Quote(p.en) + " " + Quote(p.uk) + " --force -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(out).find("<tmx"), std::string::npos);
}

TEST(AlignCliTest, InterruptedRunLeavesNoPartialOutput) {
  // A long pre-segmented pair keeps align busy for several seconds (30,000
  // sentences took more than one before the aligner got faster).
  const std::string dir = MakeTempDir();
  std::string a, b;
  for (int i = 0; i < 200000; ++i) {
    a += "Sentence number " + std::to_string(i) + " of the source text.\n";
    b += "Satz Nummer " + std::to_string(i) + " des Zieltextes.\n";
  }
  WriteFile(dir + "/a.txt", a);
  WriteFile(dir + "/b.txt", b);
  const std::string out = dir + "/out.tmx";
  auto r = RunCommand("timeout -s TERM 1 " +
                      Align("--presegmented --src-lang en --tgt-lang de " +
                            Quote(dir + "/a.txt") + " " +
                            Quote(dir + "/b.txt") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 124) << r.err;  // timeout's code for "killed"
  EXPECT_FALSE(Exists(out));
  for (const std::string& name : ListDir(dir)) {
    EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace crossalign
