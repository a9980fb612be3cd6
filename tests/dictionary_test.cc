#include "crossalign/dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::Exists;
using testing::MakeTempDir;
using testing::WriteFile;

TEST(DictionaryTest, ParsesHunalignFormatCaseFolded) {
  auto dict = Dictionary::Parse(
      "t.dict",
      "# de-fr\nGletscher @ glacier\nBerg @ montagne\nberg @ mont\n\n"
      "Hütte @  Cabane \n");
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ(dict->size(), 4u);
  ASSERT_NE(dict->Find("berg"), nullptr);
  EXPECT_EQ(*dict->Find("berg"),
            (std::vector<std::string>{"montagne", "mont"}));
  EXPECT_EQ(*dict->Find("hütte"), (std::vector<std::string>{"cabane"}));
  EXPECT_EQ(dict->Find("Berg"), nullptr);  // lookups take folded words
}

TEST(DictionaryTest, MalformedLineNamesFileAndLine) {
  auto dict = Dictionary::Parse("bad.dict", "a @ b\nno separator here\n");
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(dict.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(dict.status().message().find("bad.dict, line 2"),
            std::string::npos);
  auto binary = Dictionary::Parse("bin.dict", std::string("a @ b\n\0\xff", 8));
  EXPECT_EQ(binary.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(Dictionary::Load("/nonexistent.dict").status().code(),
            StatusCode::kNotFound);
}

// Found by dictionary_fuzzer: U+0085 (NEL) is white space, so the source
// "gg <NEL>@ x" collapsed into "gg @ x", which the format cannot write back.
TEST(DictionaryTest, SourcesThatCollapseIntoTheSeparatorAreDropped) {
  auto dict = Dictionary::Parse(
      "fuzz.dict", "gg \xC2\x85@ etrg @ r\ngg  @\xC2\x85 @ r\nok @ fine\n");
  ASSERT_TRUE(dict.ok());
  EXPECT_EQ(dict->Serialize(), "ok @ fine\n");
  auto again = Dictionary::Parse("again.dict", dict->Serialize());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Serialize(), dict->Serialize());
}

// A hunalign line whose source (second) starts with '#' would be written
// back as a comment line: such pairs are dropped (dictionary_fuzzer).
TEST(DictionaryTest, SourcesStartingWithAHashAreDropped) {
  auto dict = Dictionary::Parse(
      "fuzz.dict", "# format: hunalign\nkeep @ fine\ng @tgg sgg @ #gbr g\n");
  ASSERT_TRUE(dict.ok());
  EXPECT_EQ(dict->Serialize(), "fine @ keep\n");
  auto again = Dictionary::Parse("again.dict", dict->Serialize());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Serialize(), dict->Serialize());
}

TEST(DictionaryTest, SaveLoadRoundTripAndReverse) {
  Dictionary dict;
  dict.Add("Berg", "montagne");
  dict.Add("Gletscher", "glacier");
  dict.Add("Gletscher", "glacier");  // duplicates count once
  EXPECT_EQ(dict.size(), 2u);
  EXPECT_EQ(dict.Serialize(), "berg @ montagne\ngletscher @ glacier\n");
  const std::string path = MakeTempDir() + "/x.dict";
  ASSERT_TRUE(dict.Save(path).ok());
  auto loaded = Dictionary::Load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Serialize(), dict.Serialize());
  EXPECT_EQ(dict.Reversed().Serialize(),
            "glacier @ gletscher\nmontagne @ berg\n");
}

// hunalign's README: "the target language phrases come first". Its files
// are named .dic; crossalign's .dict files put the source first.
TEST(DictionaryTest, HunalignFilesAreReadTargetFirst) {
  const std::string hunalign_text = "glacier @ Gletscher\nmont @ Berg\n";
  auto by_name = Dictionary::Parse("de-fr.dic", hunalign_text);
  ASSERT_TRUE(by_name.ok()) << by_name.status();
  ASSERT_NE(by_name->Find("gletscher"), nullptr);
  EXPECT_EQ(*by_name->Find("gletscher"), std::vector<std::string>{"glacier"});
  EXPECT_EQ(by_name->Find("glacier"), nullptr);
  EXPECT_EQ(by_name->Serialize(), "berg @ mont\ngletscher @ glacier\n");
  EXPECT_EQ(by_name->Serialize(DictionaryFormat::kHunalign),
            "glacier @ gletscher\nmont @ berg\n");

  // A first line says so whatever the name; an explicit format wins.
  auto by_header =
      Dictionary::Parse("de-fr.txt", "# format: hunalign\n" + hunalign_text);
  ASSERT_TRUE(by_header.ok());
  EXPECT_NE(by_header->Find("berg"), nullptr);
  auto ours_header =
      Dictionary::Parse("x.dic", "# format: crossalign\nberg @ mont\n");
  ASSERT_TRUE(ours_header.ok());
  EXPECT_NE(ours_header->Find("berg"), nullptr);
  auto forced = Dictionary::Parse("de-fr.dic", hunalign_text,
                                  DictionaryFormat::kSourceTarget);
  ASSERT_TRUE(forced.ok());
  EXPECT_NE(forced->Find("glacier"), nullptr);
  auto plain = Dictionary::Parse("de-fr.dict", "berg @ mont\n");
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(plain->Find("berg"), nullptr);

  // Errors say which order was expected.
  auto bad = Dictionary::Parse("x.dic", "glacier\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("target @ source"), std::string::npos)
      << bad.status();

  DictionaryFormat f = DictionaryFormat::kAuto;
  EXPECT_TRUE(ParseDictionaryFormat("hunalign", &f));
  EXPECT_EQ(f, DictionaryFormat::kHunalign);
  EXPECT_TRUE(ParseDictionaryFormat("crossalign", &f));
  EXPECT_EQ(f, DictionaryFormat::kSourceTarget);
  EXPECT_FALSE(ParseDictionaryFormat("target@source", &f));
}

TEST(DictionaryTest, SavingADicFileWritesHunalignsOrder) {
  Dictionary dict;
  dict.Add("Berg", "montagne");
  dict.Add("Gletscher", "glacier");
  const std::string dir = MakeTempDir();
  ASSERT_TRUE(dict.Save(dir + "/de-fr.dic").ok());
  EXPECT_EQ(testing::ReadFile(dir + "/de-fr.dic"),
            "glacier @ gletscher\nmontagne @ berg\n");
  auto loaded = Dictionary::Load(dir + "/de-fr.dic");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Serialize(), dict.Serialize());
}

TEST(DictionaryTest, PivotComposesThroughTheMiddleLanguage) {
  auto en_ru = Dictionary::Parse("a", "bridge @ мост\ntrain @ поезд\n");
  auto ru_uk =
      Dictionary::Parse("b", "мост @ міст\nпоезд @ потяг\nпоезд @ поїзд\n");
  ASSERT_TRUE(en_ru.ok() && ru_uk.ok());
  const Dictionary en_uk = Dictionary::Compose(*en_ru, *ru_uk);
  EXPECT_EQ(en_uk.Serialize(), "bridge @ міст\ntrain @ потяг\ntrain @ поїзд\n");
}

// Reversing and composing keep every pair once, in the order Add would
// give, and drop what cannot be a source (a '#' would start a comment).
TEST(DictionaryTest, ReversedAndComposedKeepEachPairOnceInOrder) {
  Dictionary dict;
  dict.Add("a", "x");
  dict.Add("a", "y");
  dict.Add("b", "x");
  dict.Add("c", "#z");
  const Dictionary reversed = dict.Reversed();
  EXPECT_EQ(reversed.Serialize(), "x @ a\nx @ b\ny @ a\n");
  EXPECT_EQ(reversed.size(), 3u);

  auto first = Dictionary::Parse("f", "a @ p\na @ q\nb @ q\n");
  auto second = Dictionary::Parse("s", "p @ t1\np @ t2\nq @ t2\nq @ t3\n");
  ASSERT_TRUE(first.ok() && second.ok());
  const Dictionary composed = Dictionary::Compose(*first, *second);
  EXPECT_EQ(composed.Serialize(), "a @ t1\na @ t2\na @ t3\nb @ t2\nb @ t3\n");
  EXPECT_EQ(composed.size(), 5u);
}

// A dictd dictionary written here in FreeDict's layout: headword line,
// translations (first line or numbered), each followed by a gloss.
TEST(DictionaryTest, ImportsFreeDictLayout) {
  const std::string dir = MakeTempDir();
  const std::string e1 =
      "Berg /bɛʁk/ <n, masc>\n1. montagne, mont\ngrosse Erhebung\n"
      "2. tas\neine Menge\n";
  const std::string e2 = "Hütte <n, fem>\ncabane (de montagne)\nkleines Haus\n";
  WriteFile(dir + "/t.dict", e1 + e2);
  // Offsets and lengths in dictd's base64 digits: 0 = A, 1 = B, ...
  auto b64 = [](size_t v) {
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    do {
      out.insert(out.begin(), alphabet[v % 64]);
      v /= 64;
    } while (v > 0);
    return out;
  };
  WriteFile(dir + "/t.index",
            "00databaseinfo\tA\tB\nberg\tA\t" + b64(e1.size()) + "\nhütte\t" +
                b64(e1.size()) + "\t" + b64(e2.size()) + "\n");
  auto dict = Dictionary::ImportFreeDict(dir + "/t.index");
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ(dict->Serialize(),
            "berg @ mont\nberg @ montagne\nberg @ tas\nhütte @ cabane\n");
}

// Writes a dictd pair `name`.index / `name`.dict holding `entries`
// (headword, entry text), in dictd's base64 offsets.
std::string WriteDictd(
    const std::string& dir, const std::string& name,
    const std::vector<std::pair<std::string, std::string>>& entries) {
  auto b64 = [](size_t v) {
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    do {
      out.insert(out.begin(), alphabet[v % 64]);
      v /= 64;
    } while (v > 0);
    return out;
  };
  std::string body, index;
  for (const auto& [head, text] : entries) {
    index += head + "\t" + b64(body.size()) + "\t" + b64(text.size()) + "\n";
    body += text;
  }
  WriteFile(dir + "/" + name + ".dict", body);
  WriteFile(dir + "/" + name + ".index", index);
  return dir + "/" + name + ".index";
}

// Issue 25: Mueller's English-Russian dictionary (Debian mueller7-dict)
// numbers its senses "1)" under an indented transcription and labels them
// "_adv.", "_мор."; the import took the label line as the translation
// ("aloft @ _adv.") and skipped every sense.
TEST(DictionaryTest, ImportsMuellerLayoutWithoutItsLabels) {
  const std::string dir = MakeTempDir();
  const std::string index = WriteDictd(
      dir, "m",
      {{"aloft",
        "aloft\n   [\u025c\u2197l\u0258ft] _adv.\n"
        "   1) наверху; на высоте; наверх\n"
        "   2) _мор. на марсе, на реях; to go aloft _разг. умереть\n"},
       {"acne", "acne\n   [\u2197\u00e6kn\u026a] _n. прыщи\n"}});
  auto dict = Dictionary::ImportFreeDict(index);
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ(dict->Serialize(),
            "acne @ прыщи\n"
            "aloft @ на высоте\naloft @ на марсе\naloft @ на реях\n"
            "aloft @ наверх\naloft @ наверху\n");
}

// Issue 25: FreeDict's German lists (dict-de-en style) mark genders in
// braces, and the import wrote them as translations ("immunsystem @ {f}").
// Issue 27 item 14: number entries gave numbers-only pairs ("042 @ 0").
TEST(DictionaryTest, ImportDropsGenderTagsAndNumbersOnlyEntries) {
  const std::string dir = MakeTempDir();
  const std::string index =
      WriteDictd(dir, "d",
                 {{"Immunsystem", "Immunsystem\n{n}, immune system {n}\n"},
                  {"042", "042\n0, 42\n"},
                  {"Abwehr", "Abwehr\n1. defence {f}, 0\nGlosse\n"}});
  auto dict = Dictionary::ImportFreeDict(index);
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ(dict->Serialize(),
            "abwehr @ defence\nimmunsystem @ immune system\n");
}

// The installed Mueller dictionary imports with real translations (it is
// one of the lists scripts/setup.sh installs; a machine without it has not
// run setup.sh).
TEST(DictionaryTest, ImportsTheInstalledMuellerDictionary) {
  const std::string index = "/usr/share/dictd/mueller7.index";
  ASSERT_TRUE(Exists(index)) << "mueller7-dict is not installed (" << index
                             << " is missing): run scripts/setup.sh";
  auto dict = Dictionary::ImportFreeDict(index);
  ASSERT_TRUE(dict.ok()) << dict.status();
  ASSERT_NE(dict->Find("bridge"), nullptr);
  const auto& bridge = *dict->Find("bridge");
  EXPECT_NE(std::find(bridge.begin(), bridge.end(), "мост"), bridge.end());
  ASSERT_NE(dict->Find("aloft"), nullptr);
  for (const std::string& t : *dict->Find("aloft")) {
    EXPECT_EQ(t.find('_'), std::string::npos) << t;
  }
}

TEST(DictionaryTest, CorruptFreeDictIndexIsAnError) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/t.dict", "x\ny\n");
  WriteFile(dir + "/t.index", "berg\tA\tZZZZ\n");  // length past the end
  auto dict = Dictionary::ImportFreeDict(dir + "/t.index");
  ASSERT_FALSE(dict.ok());
  EXPECT_NE(dict.status().message().find("t.index, line 1"), std::string::npos);
}

// Issue 17 item 9: index entries that all point at the whole body made
// 117 KB of input take 70 s and 1.3 GB. Both shapes are refused quickly
// with the file and line: one huge entry, and many overlapping ones.
TEST(DictionaryTest, IndexEntriesOverlappingTheBodyAreRefused) {
  auto b64 = [](size_t v) {
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    do {
      out.insert(out.begin(), alphabet[v % 64]);
      v /= 64;
    } while (v > 0);
    return out;
  };
  const std::string dir = MakeTempDir();
  std::string body = "Wort\n";
  for (int i = 0; body.size() < 60000; ++i) {
    body += std::to_string(i + 1) + ". mot" + std::to_string(i) + "\n";
  }
  // 60 KB entries, 300 of them over the same bytes.
  WriteFile(dir + "/many.dict", body);
  std::string index;
  for (int i = 0; i < 300; ++i) {
    index += "w" + std::to_string(i) + "\tA\t" + b64(body.size()) + "\n";
  }
  WriteFile(dir + "/many.index", index);
  auto many = Dictionary::ImportFreeDict(dir + "/many.index");
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(many.status().message().find("many.index, line "),
            std::string::npos)
      << many.status();
  // One entry far longer than a dictionary entry.
  std::string big = body;
  while (big.size() < 200000) big += body;
  WriteFile(dir + "/big.dict", big);
  WriteFile(dir + "/big.index", "wort\tA\t" + b64(big.size()) + "\n");
  auto one = Dictionary::ImportFreeDict(dir + "/big.index");
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.status().message().find("big.index, line 1"), std::string::npos)
      << one.status();
  // A few headwords sharing one entry (as in real files) are fine.
  WriteFile(dir + "/share.index", "wort\tA\t" + b64(body.size()) +
                                      "\nwörter\tA\t" + b64(body.size()) +
                                      "\n");
  WriteFile(dir + "/share.dict", body);
  auto shared = Dictionary::ImportFreeDict(dir + "/share.index");
  ASSERT_TRUE(shared.ok()) << shared.status();
  ASSERT_NE(shared->Find("wort"), nullptr);
  EXPECT_EQ(shared->Find("wort")->size(), 256u);  // capped per headword
}

TEST(DictionaryTest, ImportsTheDebianPackageWhenInstalled) {
  const std::string index = "/usr/share/dictd/freedict-deu-fra.index";
  if (!Exists(index)) GTEST_SKIP() << "dict-freedict-deu-fra is not installed";
  auto dict = Dictionary::ImportFreeDict(index);
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_GT(dict->size(), 40000u);
  ASSERT_NE(dict->Find("gletscher"), nullptr);
  EXPECT_EQ(dict->Find("gletscher")->front(), "glacier");
}

}  // namespace
}  // namespace crossalign
