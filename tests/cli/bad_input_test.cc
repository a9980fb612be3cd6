// The bad-input table: one test per kind of bad input. Each asserts the exit
// code, that the message names the file and the problem, and that no
// partial output exists. Runs under ASan and UBSan in CI too.
#include <gtest/gtest.h>
#include <unistd.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

class BadInputTest : public ::testing::Test {
 protected:
  // A good article to pair the bad one with.
  std::string good_ =
      SourceDir() + "/corpora/dniester-bridge/kyiv-ledger.en.txt";
  std::string dir_ = MakeTempDir();
  std::string out_ = dir_ + "/out.tmx";

  // `extra` options: the tests of decoding and size pair the good article
  // with text of another story, which two-file mode would otherwise refuse
  // as unrelated (exit 1); --mode translation aligns them all the same.
  testing::CommandResult Align(const std::string& bad,
                               const std::string& extra = "") {
    return RunCommand(Quote(AlignBinary()) + " " + Quote(good_) + " " +
                      Quote(bad) + " -o " + Quote(out_) + extra);
  }
  // No output and no temporary file left behind.
  void ExpectNoOutput() {
    EXPECT_FALSE(Exists(out_));
    for (const std::string& name : ListDir(dir_)) {
      EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
    }
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    WriteFile(dir_ + "/" + name, bytes);
    return dir_ + "/" + name;
  }
};

TEST_F(BadInputTest, MissingFile) {
  auto r = Align(dir_ + "/missing.txt");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos)
      << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, Directory) {
  // A folder among the inputs asks for many-article mode, which needs -o DIR
  // to be a folder: out.tmx is created as one, holding no half-written TMX.
  auto r = RunCommand(Quote(AlignBinary()) + " " + Quote(good_) + " " +
                      Quote(dir_) + " --clusters " + Quote(dir_ + "/c.jsonl") +
                      " -o " + Quote(dir_ + "/o"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(Exists(dir_ + "/o/en-en.tmx"));
}

TEST_F(BadInputTest, UnreadableFile) {
  const std::string path = Write("locked.txt", "Some text.\n");
  ::chmod(path.c_str(), 0);
  if (::access(path.c_str(), R_OK) == 0)
    GTEST_SKIP() << "running as root: permissions do not bite";
  auto r = Align(path);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("locked.txt"), std::string::npos);
  ExpectNoOutput();
}

TEST_F(BadInputTest, EmptyFile) {
  auto r = Align(Write("empty.txt", ""));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("empty.txt: the article is empty"), std::string::npos)
      << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, WhitespaceOnly) {
  auto r = Align(Write("blank.txt", " \n\t\n\xC2\xA0\n\n"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("blank.txt: the article is empty"), std::string::npos)
      << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, BinaryGarbage) {
  std::string bytes;
  uint32_t x = 7;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1664525u + 1013904223u;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  bytes[100] = '\0';
  auto r = Align(Write("garbage.bin", bytes));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("garbage.bin: binary data"), std::string::npos) << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, NulBytes) {
  auto r = Align(Write("nul.txt", std::string("The bridge\0 opened.\n", 20)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nul.txt: binary data (NUL byte at byte 10"),
            std::string::npos)
      << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, InvalidUtf8IsReplacedReportedAndExitsOne) {
  auto r = Align(Write(
      "broken.txt",
      "Міст відкрили в пʼятницю.\nПотяг \xD0 вирушив о 10:30.\nУсе гаразд.\n"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("broken.txt: 1 byte sequence(s) not valid UTF-8"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(Exists(out_));  // usable input: the output is complete
  EXPECT_NE(ReadFile(out_).find("</tmx>"), std::string::npos);
}

TEST_F(BadInputTest, Utf16WithBom) {
  auto r = Align(
      Write("u16.txt", std::string("\xFF\xFE"
                                   "B\0r\0i\0d\0g\0e\0 \0o\0p\0e\0n\0s\0.\0",
                                   28)),
      " --mode translation");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(out_).find("u16.txt: UTF-16LE</prop>"), std::string::npos);
}

TEST_F(BadInputTest, Windows1251Article) {
  // "Міст відкрили. Потяг вирушив." in windows-1251.
  auto r = Align(
      Write("cp1251.txt",
            "\xCC\xB3\xF1\xF2 \xE2\xB3\xE4\xEA\xF0\xE8\xEB\xE8 \xF3 "
            "\xEF'\xFF\xF2\xED\xE8\xF6\xFE. \xCF\xEE\xF2\xFF\xE3 \xE2\xE8\xF0"
            "\xF3\xF8\xE8\xE2 \xEE 10:30.\n"),
      " --mode translation");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(out_).find("cp1251.txt: windows-1251</prop>"),
            std::string::npos);
}

TEST_F(BadInputTest, EucKrArticle) {
  // "다리가 다시 열렸다." in EUC-KR, converted by iconv (not by our code).
  const std::string utf8 =
      Write("ko.utf8", "다리가 다시 열렸다. 첫 열차가 출발했다.\n");
  ASSERT_EQ(RunCommand("iconv -f UTF-8 -t EUC-KR " + Quote(utf8) + " > " +
                       Quote(dir_ + "/euckr.txt"))
                .exit_code,
            0);
  // Paired with its UTF-8 original, it aligns as a translation of itself.
  good_ = utf8;
  auto r = Align(dir_ + "/euckr.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string tmx = ReadFile(out_);
  EXPECT_NE(tmx.find("<seg>다리가 다시 열렸다.</seg>"), std::string::npos)
      << tmx;
  EXPECT_NE(tmx.find("euckr.txt: EUC-KR</prop>"), std::string::npos);
}

TEST_F(BadInputTest, FiveMegabyteSingleLine) {
  std::string line;
  while (line.size() < (5u << 20))
    line += "The bridge reopened on Friday, officials said";
  auto r = Align(Write("huge.txt", line + "\n"), " --mode translation");
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  EXPECT_TRUE(Exists(out_));
}

TEST_F(BadInputTest, HundredThousandTinyLines) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "Ok.\n";
  auto r = Align(Write("tiny.txt", text), " --mode translation");
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  EXPECT_TRUE(Exists(out_));
}

TEST_F(BadInputTest, SameFileTwice) {
  auto r = Align(good_);
  // One article with itself is a legitimate (if pointless) pair: all 1-1.
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // In many-article mode the same file named twice is aligned once.
  const std::string out_dir = dir_ + "/many";
  r = RunCommand(Quote(AlignBinary()) + " " + Quote(good_) + " " +
                 Quote(good_) + " " + Quote(good_) + " -o " + Quote(out_dir));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("named more than once"), std::string::npos);
}

TEST_F(BadInputTest, UnwritableOutputDirectory) {
  auto r =
      RunCommand(Quote(AlignBinary()) + " " + Quote(good_) + " " +
                 Quote(good_) + " -o " + Quote(dir_ + "/no/such/dir/out.tmx"));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("out.tmx"), std::string::npos);
  EXPECT_EQ(ListDir(dir_), std::vector<std::string>{});
}

TEST_F(BadInputTest, FullDisk) {
  const std::string mnt = dir_ + "/small";
  ASSERT_EQ(RunCommand("mkdir -p " + Quote(mnt)).exit_code, 0);
  if (RunCommand("mount -t tmpfs -o size=16k tmpfs " + Quote(mnt)).exit_code !=
      0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root); full disk "
                    "not simulated";
  }
  auto r = RunCommand(
      Quote(AlignBinary()) + " " + Quote(good_) + " " +
      Quote(SourceDir() + "/corpora/dniester-bridge/kyiv-ledger.uk.txt") +
      " -o " + Quote(mnt + "/out.tmx"));
  const auto left = ListDir(mnt);
  RunCommand("umount " + Quote(mnt));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(left, std::vector<std::string>{});  // no partial file
}

TEST_F(BadInputTest, CorruptModel) {
  const std::string model = Write("bad.ftz", std::string(1000, 'x'));
  auto r =
      RunCommand(Quote(AlignBinary()) + " --lid-model " + Quote(model) + " " +
                 Quote(good_) + " " + Quote(good_) + " -o " + Quote(out_));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.ftz is corrupt"), std::string::npos) << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, CorruptDictionary) {
  const std::string dict =
      Write("bad.dict", "berg @ mont\nthis line has no separator\n");
  auto r = RunCommand(Quote(AlignBinary()) + " --dict " + Quote(dict) + " " +
                      Quote(good_) + " " + Quote(good_) + " -o " + Quote(out_));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.dict, line 2"), std::string::npos) << r.err;
  ExpectNoOutput();
}

TEST_F(BadInputTest, DictionaryFormatOption) {
  const std::string dict = Write("de-fr.dict", "berg @ mont\n");
  auto r = RunCommand(Quote(AlignBinary()) + " --dict " + Quote(dict) +
                      " --dict-format target-first " + Quote(good_) + " " +
                      Quote(good_) + " -o " + Quote(out_));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--dict-format must be auto, crossalign or hunalign"),
            std::string::npos)
      << r.err;
  ExpectNoOutput();
  // A hunalign file with a line our order would accept but its order names.
  const std::string dic = Write("de-fr.dic", "mont @ berg\nglacier\n");
  r = RunCommand(Quote(AlignBinary()) + " --dict " + Quote(dic) + " " +
                 Quote(good_) + " " + Quote(good_) + " -o " + Quote(out_));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("de-fr.dic, line 2: expected 'target @ source'"),
            std::string::npos)
      << r.err;
  ExpectNoOutput();
}

// `align dict convert` turns crossalign's order into hunalign's and back,
// chosen by the output's name.
TEST_F(BadInputTest, DictConvertBetweenOrders) {
  const std::string dict =
      Write("de-fr.dict", "berg @ montagne\ngletscher @ glacier\n");
  const std::string dic = out_ + ".dic";
  auto r = RunCommand(Quote(AlignBinary()) + " dict convert " + Quote(dict) +
                      " -o " + Quote(dic));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dic), "glacier @ gletscher\nmontagne @ berg\n");
  const std::string back = out_ + ".dict";
  r = RunCommand(Quote(AlignBinary()) + " dict convert " + Quote(dic) + " -o " +
                 Quote(back));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(back), ReadFile(dict));
  // Read as crossalign's order, the .dic file is the reverse dictionary.
  r = RunCommand(Quote(AlignBinary()) + " dict convert --dict-format " +
                 "crossalign " + Quote(dic) + " -o " + Quote(back) +
                 " --force");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(back), "glacier @ gletscher\nmontagne @ berg\n");
}

TEST_F(BadInputTest, CorruptTmxForMerge) {
  // Truncated, a bare '&', and well-formed but not TMX.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"truncated.tmx",
       "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body><tu>"
       "<tuv xml:lang=\"en\"><seg>Half"},
      {"ampersand.tmx",
       "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>"
       "A & B</seg></tuv></tu></body></tmx>"},
      {"nobody.tmx", "<tmx version=\"1.4\"><header/></tmx>"},
      {"binary.tmx", std::string("\x7f"
                                 "ELF\0\0\x01",
                                 7)}};
  for (const auto& [name, bytes] : cases) {
    auto r = RunCommand(Quote(AlignBinary()) + " merge " +
                        Quote(Write(name, bytes)) + " -o " + Quote(out_));
    EXPECT_EQ(r.exit_code, 3) << name << ": " << r.err;
    EXPECT_NE(r.err.find(name + ": not"), std::string::npos) << r.err;
    ExpectNoOutput();
  }
}

}  // namespace
}  // namespace crossalign
