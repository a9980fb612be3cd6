// Evidence across languages (issue 25): match forms, longest-match
// segmentation of Chinese and Japanese, Korean particles, names in scripts
// without capitals, and the dictionaries scripts/setup.sh installs.
#include "align/pair_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "align/text_features.h"
#include "test_support.h"

namespace crossalign::internal {
namespace {

bool HasKey(const SentenceFeatures& f, const Vocabulary& vocab,
            const std::string& key) {
  const uint32_t id = vocab.Find(key);
  return id != Vocabulary::kNone &&
         std::binary_search(f.keys.begin(), f.keys.end(), id);
}

bool Translates(const SentenceFeatures& f, const Vocabulary& vocab,
                const std::string& key) {
  const uint32_t id = vocab.Find(key);
  return id != Vocabulary::kNone &&
         std::binary_search(f.translations.begin(), f.translations.end(), id);
}

// Features of one source and one target sentence with `lexicon`.
struct PairFeatures {
  Vocabulary vocab;
  SentenceFeatures src, tgt;
};

PairFeatures Extract(const PairLexicon& lexicon, std::string_view src,
                     std::string_view tgt) {
  static const FeatureExtractor extractor;
  PairFeatures out;
  const LexiconSide s{lexicon.src_lang, &lexicon.src_words};
  const LexiconSide t{lexicon.tgt_lang, &lexicon.tgt_words};
  auto fs = extractor.Extract({src}, &out.vocab, "", true, &s);
  auto ft = extractor.Extract({tgt}, &out.vocab, "", true, &t);
  AddLexiconTranslations(lexicon, out.vocab, &fs);
  out.src = fs[0];
  out.tgt = ft[0];
  return out;
}

TEST(PairLexiconTest, ChineseWordsAreFoundByLongestMatch) {
  auto dict = Dictionary::Parse("t", "ferry @ 渡轮\nport @ 港\nport @ 港口\n");
  ASSERT_TRUE(dict.ok());
  auto lexicon = BuildPairLexicon(*dict, "en", "zh", "t");
  // "渡轮" and "港口" are words of the dictionary; the text has no spaces.
  PairFeatures p =
      Extract(*lexicon, "The ferries left the port.", "渡轮驶离了港口。");
  EXPECT_TRUE(HasKey(p.tgt, p.vocab, "m:渡轮"));
  EXPECT_TRUE(HasKey(p.tgt, p.vocab, "m:港口"));
  // English words by their Snowball stem: "ferries" -> "ferri".
  EXPECT_TRUE(HasKey(p.src, p.vocab, "m:ferri"));
  EXPECT_TRUE(Translates(p.src, p.vocab, "m:渡轮"));
  EXPECT_TRUE(Translates(p.src, p.vocab, "m:港口"));
}

TEST(PairLexiconTest, KoreanParticlesAreStripped) {
  auto dict =
      Dictionary::Parse("t", "여객선 @ ferry\n부산 @ busan\n항구 @ port\n");
  ASSERT_TRUE(dict.ok());
  auto lexicon = BuildPairLexicon(*dict, "ko", "en", "t");
  // 여객선이 = ferry + subject particle; 항구에서 = port + "at".
  PairFeatures p =
      Extract(*lexicon, "여객선이 항구에서 출발했다.", "The ferry left port.");
  EXPECT_TRUE(HasKey(p.src, p.vocab, "m:여객선"));
  EXPECT_TRUE(HasKey(p.src, p.vocab, "m:항구"));
  EXPECT_TRUE(Translates(p.src, p.vocab, "m:ferri"));
  EXPECT_TRUE(Translates(p.src, p.vocab, "m:port"));
  MatchForms ko("ko", nullptr);
  EXPECT_EQ(ko.Form("멜니크는"), "멜니크");  // a name and its topic particle
}

// Katakana writes l as r (メルニク = "meruniku"); Hangul has no capitals
// (멜니크 = "melnikeu"): both meet Melnyk's skeleton.
TEST(PairLexiconTest, NamesMeetAcrossScripts) {
  EXPECT_EQ(NameSkeleton("melnyk"), "mlnk");
  EXPECT_EQ(NameSkeleton("meruniku"), "mlnk");
  EXPECT_EQ(NameSkeleton("melnikeu"), "mlnk");
  auto dict = Dictionary::Parse("t", "船 @ ship\n");
  ASSERT_TRUE(dict.ok());
  auto ja = BuildPairLexicon(*dict, "ja", "en", "t");
  PairFeatures p =
      Extract(*ja, "メルニク船長が述べた。", "Captain Melnyk said.");
  EXPECT_TRUE(HasKey(p.src, p.vocab, "p:mlnk"));
  EXPECT_TRUE(HasKey(p.tgt, p.vocab, "p:mlnk"));
  auto ko = BuildPairLexicon(dict->Reversed(), "en", "ko", "t");
  PairFeatures q =
      Extract(*ko, "Captain Melnyk said.", "멜니크 선장은 말했다.");
  EXPECT_TRUE(HasKey(q.tgt, q.vocab, "p:mlnk"));
}

// The dictionaries scripts/setup.sh converts into models/dict: a machine
// without them has not run setup.sh, and this says so.
TEST(PairLexiconTest, InstalledDictionariesCoverTheNewsLanguages) {
  const std::string dir = InstalledDictionaryDir();
  for (const char* file : {"en-ru.dict", "en-de.dict", "en-es.dict",
                           "ja-en.dict", "zh-en.dict", "ko-en.dict"}) {
    EXPECT_TRUE(testing::Exists(dir + "/" + file))
        << dir << "/" << file
        << " is missing: run scripts/setup.sh (it installs the Debian and "
           "npm dictionaries and converts them there)";
  }
  auto en_zh = InstalledPairLexicon("en", "zh");
  ASSERT_NE(en_zh, nullptr) << "no en-zh dictionary in " << dir;
  ASSERT_TRUE(en_zh->table.count("ferri"));
  const auto& ferry = en_zh->table.at("ferri");
  EXPECT_NE(std::find(ferry.begin(), ferry.end(), "渡船"), ferry.end());
  // Reversed, and through English.
  EXPECT_NE(InstalledPairLexicon("zh-Hans", "en"), nullptr);
  auto ja_es = InstalledPairLexicon("ja", "es");
  ASSERT_NE(ja_es, nullptr);
  EXPECT_NE(ja_es->origin.find("+"), std::string::npos) << ja_es->origin;
  // No list covers Ukrainian yet.
  EXPECT_EQ(InstalledPairLexicon("uk", "ko"), nullptr);
}

}  // namespace
}  // namespace crossalign::internal
