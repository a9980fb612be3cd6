#include "crossalign/language_identifier.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "test_support.h"

namespace crossalign {
namespace {

using testing::LidModel;
using testing::MakeTempDir;
using testing::ReadFile;
using testing::WriteFile;

class LanguageIdentifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lid = LanguageIdentifier::Load(LidModel());
    ASSERT_TRUE(lid.ok()) << lid.status();
    lid_ = lid->release();
  }
  static void TearDownTestSuite() {
    delete lid_;
    lid_ = nullptr;
  }
  static LanguageIdentifier* lid_;
};
LanguageIdentifier* LanguageIdentifierTest::lid_ = nullptr;

TEST_F(LanguageIdentifierTest, IdentifiesNewsSentences) {
  struct Case {
    const char* text;
    const char* lang;
  } cases[] = {
      {"The government said on Tuesday that the bridge would reopen next week.",
       "en"},
      {"Уряд у вівторок заявив, що міст знову відкриють наступного тижня.",
       "uk"},
      {"Правительство во вторник заявило, что мост вновь откроют на следующей "
       "неделе.",
       "ru"},
      {"Die Regierung teilte am Dienstag mit, dass die Brücke nächste Woche "
       "wieder öffnet.",
       "de"},
      {"정부는 화요일 다리가 다음 주에 다시 개통될 것이라고 밝혔다.", "ko"},
      {"政府周二表示，这座桥将于下周重新开放。", "zh"},
  };
  for (const Case& c : cases) {
    LanguageGuess g = lid_->Identify(c.text);
    EXPECT_EQ(g.lang, c.lang) << c.text;
    EXPECT_GT(g.probability, 0.5) << c.text;
    EXPECT_LE(g.probability, 1.0);
  }
}

TEST_F(LanguageIdentifierTest, TopKIsSortedAndUsesBcp47) {
  auto guesses = lid_->Predict("Dobar dan, kako ste danas?", 5);
  ASSERT_EQ(guesses.size(), 5u);
  for (size_t i = 1; i < guesses.size(); ++i) {
    EXPECT_GE(guesses[i - 1].probability, guesses[i].probability);
  }
  for (const auto& g : guesses) {
    EXPECT_EQ(g.lang.find("__label__"), std::string::npos);
    EXPECT_NE(g.lang, "sh");
  }
}

TEST_F(LanguageIdentifierTest, NoLettersIsUndetermined) {
  EXPECT_EQ(lid_->Identify("12 000 — 2025/03/14 !!!").lang, "und");
  EXPECT_EQ(lid_->Identify("").lang, "und");
}

TEST_F(LanguageIdentifierTest, CandidateSetRestrictsTheAnswer) {
  LanguageIdentifierOptions options;
  options.candidates = {"uk", "en"};
  auto lid = LanguageIdentifier::Load(LidModel(), options);
  ASSERT_TRUE(lid.ok());
  // Russian text, but only uk and en are allowed: the closer one wins.
  EXPECT_EQ((*lid)->Identify("Правительство заявило, что мост откроют.").lang,
            "uk");
}

TEST_F(LanguageIdentifierTest, DocumentLanguageIsNotTheFirstLine) {
  Document doc = Document::FromText(
      "mixed.txt",
      "Kyiv Ledger\n\nУряд у вівторок заявив, що міст знову відкриють "
      "наступного тижня. Будівництво тривало вісімнадцять місяців і "
      "коштувало понад мільярд гривень.\n");
  lid_->IdentifyDocument(&doc);
  EXPECT_EQ(doc.lang(), "uk");
  EXPECT_GT(doc.lang_confidence(), 0.5);
}

TEST_F(LanguageIdentifierTest, AllCapsReadsLikeOrdinaryText) {
  const char* cases[][2] = {
      {"THE GOVERNMENT SAID ON TUESDAY THAT THE BRIDGE WOULD REOPEN.", "en"},
      {"УРЯД ЗАЯВИВ, ЩО МІСТ ЗНОВУ ВІДКРИЮТЬ НАСТУПНОГО ТИЖНЯ.", "uk"},
      {"DIE REGIERUNG TEILTE MIT, DASS DIE BRÜCKE WIEDER ÖFFNET.", "de"},
      {"LE GOUVERNEMENT A ANNONCÉ QUE LE PONT ROUVRIRA LA SEMAINE PROCHAINE.",
       "fr"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(lid_->Identify(c[0]).lang, c[1]) << c[0];
}

TEST_F(LanguageIdentifierTest, DecisiveScriptsDecide) {
  const char* cases[][2] = {
      {"다리", "ko"},              // two Hangul syllables
      {"ありがとう", "ja"},        // kana
      {"東京タワー", "ja"},        // Han with katakana
      {"现我", "zh"},              // Han alone
      {"Ευχαριστώ πολύ", "el"},    // Greek
      {"Շնորհակալություն", "hy"},  // Armenian
      {"გმადლობთ", "ka"},          // Georgian
      {"ขอบคุณมาก", "th"},          // Thai
  };
  for (const auto& c : cases)
    EXPECT_EQ(lid_->Identify(c[0]).lang, c[1]) << c[0];
}

TEST_F(LanguageIdentifierTest, TheScriptRulesOutLanguagesWrittenOtherwise) {
  // Cyrillic text is never a Latin-script language, Latin text never a
  // Cyrillic-only one, whatever the model's first guess.
  const char* cyrillic[] = {
      "Београд",  "Прага", "Тест",
      "Хорватія", "ок",    "Влада је саопштила да ће мост бити отворен."};
  for (const char* text : cyrillic) {
    for (const LanguageGuess& g : lid_->Predict(text, 5)) {
      EXPECT_TRUE(g.lang == "ru" || g.lang == "uk" || g.lang == "be" ||
                  g.lang == "bg" || g.lang == "mk" || g.lang == "sr" ||
                  g.lang == "kk" || g.lang == "ky" || g.lang == "tg" ||
                  g.lang == "mn" || g.lang == "tt" || g.lang == "ba" ||
                  g.lang == "cv" || g.lang == "os" || g.lang == "sah" ||
                  g.lang == "ce" || g.lang == "av" || g.lang == "rue" ||
                  g.lang == "mhr" || g.lang == "lez" || g.lang == "kv" ||
                  g.lang == "myv" || g.lang == "krc" || g.lang == "xal" ||
                  g.lang == "bxr" || g.lang == "tyv" || g.lang == "mrj" ||
                  g.lang == "udm")
          << text << " -> " << g.lang;
    }
  }
  for (const LanguageGuess& g : lid_->Predict("Dobar dan, kako ste?", 10)) {
    EXPECT_NE(g.lang, "ru");
    EXPECT_NE(g.lang, "sh");
  }
}

TEST_F(LanguageIdentifierTest, CloseLanguagesByAlphabetAndDictionary) {
  const char* cases[][2] = {
      // Ukrainian і ї є, Belarusian ў and і without и, Russian ы э.
      {"Їхні діти вчаться в школі біля річки.", "uk"},
      {"Учора ў горадзе адбылася сустрэча з мэрам.", "be"},
      {"Вчера в городе состоялась встреча с мэром.", "ru"},
      // Bulgarian ъ, Macedonian ѓ ќ ѕ, Serbian ђ ћ.
      {"Вчера в града се състоя среща с кмета на общината.", "bg"},
      {"Вчера во градот се одржа средба со градоначалникот, а ќе има и "
       "друга.",
       "mk"},
      {"Јуче је у граду одржан састанак са градоначелником и његовом "
       "кћерком.",
       "sr"},
      // Czech ř ů ě, Slovak ä ľ ô.
      {"Včera se ve městě konalo setkání se starostou, který řekl, že most "
       "bude otevřen.",
       "cs"},
      {"Včera sa v meste konalo stretnutie so starostom, ktorý povedal, že "
       "most bude otvorený.",
       "sk"},
      // Croatian (never the retired sh).
      {"Vlada je u utorak priopćila da će most ponovno biti otvoren "
       "sljedeći tjedan.",
       "hr"},
      // Indonesian vs Malay spellings.
      {"Pemerintah mengatakan bahwa jembatan itu akan dibuka kembali karena "
       "perbaikan sudah selesai.",
       "id"},
      {"Kerajaan berkata bahawa jambatan itu akan dibuka semula kerana "
       "kerja-kerja pembaikan sudah selesai.",
       "ms"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(lid_->Identify(c[0]).lang, c[1]) << c[0];
}

TEST_F(LanguageIdentifierTest, WorksWithoutDictionaries) {
  LanguageIdentifierOptions options;
  options.use_dictionaries = false;
  auto lid = LanguageIdentifier::Load(LidModel(), options);
  ASSERT_TRUE(lid.ok()) << lid.status();
  EXPECT_EQ((*lid)->Identify("Їхні діти вчаться в школі біля річки.").lang,
            "uk");
  options.dictionary_dir = "/nonexistent";
  lid = LanguageIdentifier::Load(LidModel(), options);
  ASSERT_TRUE(lid.ok()) << lid.status();
  EXPECT_EQ((*lid)->Identify("Вчера в городе состоялась встреча.").lang, "ru");
}

// An English article quoting a Ukrainian official at length, in Ukrainian.
constexpr const char* kArticleWithQuote =
    "## outlet: Meridian Wire | lang: en | date: 2025-03-14\n"
    "Rail link to reopen after eighteen months of repairs\n"
    "\n"
    "The rail bridge over the river will reopen to freight trains next week, "
    "the regional administration said on Tuesday. Engineers finished the "
    "last load tests on Monday evening, two weeks ahead of the schedule "
    "agreed with the contractor.\n"
    "\n"
    "The head of the administration addressed the workers at the site:\n"
    "\n"
    "\"Ми довго чекали на цей день. Міст знову з'єднає два береги, і перші "
    "потяги з зерном підуть уже наступного тижня. Дякую кожному, хто "
    "працював тут вдень і вночі. Так. Разом ми це зробили.\"\n"
    "\n"
    "Freight operators welcomed the news but warned that the timetable "
    "would depend on customs staffing at the border crossing. The first "
    "trains are expected to carry grain and fertiliser.\n"
    "\n"
    "Photo: the bridge at dawn\n";

TEST(LanguageRunsTest, QuotedUkrainianParagraphInAnEnglishArticleIsFound) {
  auto doc =
      testing::SharedPipeline()
          .PrepareDocument(Document::FromText("quote.txt", kArticleWithQuote))
          .value();
  EXPECT_EQ(doc->lang(), "en");
  const std::vector<LanguageRun> runs = FindLanguageRuns(*doc);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].lang, "uk");
  // The run is exactly the quoted paragraph, its short sentence ("Так.")
  // included.
  std::string quoted;
  for (size_t i = runs[0].first_segment; i < runs[0].end_segment; ++i) {
    quoted += std::string(doc->SegmentText(i)) + " ";
  }
  EXPECT_NE(quoted.find("Ми довго чекали"), std::string::npos) << quoted;
  EXPECT_NE(quoted.find("Так."), std::string::npos) << quoted;
  EXPECT_NE(quoted.find("Разом ми це зробили"), std::string::npos) << quoted;
  for (size_t i = 0; i < doc->segments().size(); ++i) {
    const bool in_run = i >= runs[0].first_segment && i < runs[0].end_segment;
    const bool cyrillic = doc->SegmentText(i).find("Ми") != std::string::npos ||
                          doc->SegmentText(i).find("з") != std::string::npos;
    if (!in_run) {
      EXPECT_EQ(doc->segments()[i].lang, "en") << doc->SegmentText(i);
      EXPECT_FALSE(cyrillic) << doc->SegmentText(i);
    }
  }
}

TEST(LanguageRunsTest, ShortCaptionsBorrowTheArticleLanguage) {
  auto doc = testing::SharedPipeline()
                 .PrepareDocument(Document::FromText(
                     "caption.txt",
                     "## outlet: Kyiv Ledger | lang: uk | date: 2025-03-14\n"
                     "Міст через Дністер відкриють наступного тижня\n"
                     "\n"
                     "Уряд у вівторок заявив, що міст знову відкриють "
                     "наступного тижня. "
                     "Будівництво тривало вісімнадцять місяців і коштувало "
                     "понад мільярд "
                     "гривень.\n"
                     "\n"
                     "Фото: Олена Ковальчук\n"
                     "\n"
                     "Автор: Андрій\n"))
                 .value();
  EXPECT_EQ(doc->lang(), "uk");
  for (size_t i = 0; i < doc->segments().size(); ++i) {
    EXPECT_EQ(doc->segments()[i].lang, "uk") << doc->SegmentText(i);
  }
  EXPECT_TRUE(FindLanguageRuns(*doc).empty());
}

// Document level: every article of corpora/ is identified as the language
// its header declares, and every seed article in ../shared/seeds as English.
TEST(DocumentLanguageTest, EveryCorporaArticle) {
  int articles = 0;
  const std::string corpora = testing::SourceDir() + "/corpora";
  for (const std::string& story : testing::ListDir(corpora)) {
    const std::string dir = corpora + "/" + story;
    for (const std::string& name : testing::ListDir(dir)) {
      if (name.size() < 5 || name.compare(name.size() - 4, 4, ".txt") != 0) {
        continue;
      }
      auto doc = testing::SharedPipeline().Prepare(dir + "/" + name);
      ASSERT_TRUE(doc.ok()) << doc.status();
      ASSERT_FALSE((*doc)->metadata().lang.empty()) << name;
      EXPECT_EQ((*doc)->lang(), (*doc)->metadata().lang) << name;
      // The file name says it too: story/outlet.LANG.txt.
      EXPECT_NE(name.find("." + (*doc)->lang() + ".txt"), std::string::npos)
          << name;
      ++articles;
    }
  }
  EXPECT_GE(articles, 10);
}

TEST(DocumentLanguageTest, EverySeedIsEnglish) {
  CROSSALIGN_REQUIRE_SHARED();
  const std::string seeds = testing::SharedDir() + "/seeds";
  const std::vector<std::string> names = testing::ListDir(seeds);
  if (names.empty()) GTEST_SKIP() << seeds << " has no seed articles";
  for (const std::string& name : names) {
    auto doc = testing::SharedPipeline().Prepare(seeds + "/" + name);
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ((*doc)->lang(), "en") << name;
    EXPECT_GT((*doc)->lang_confidence(), 0.5) << name;
  }
}

// Short text (word pairs) in languages fastText alone mixes up; the
// n-gram model's second opinion settles them. Skips without the n-gram
// model (scripts/setup.sh fetches it).
TEST_F(LanguageIdentifierTest, ShortTextInCloseLanguages) {
  if (!lid_->Warnings().empty() &&
      lid_->Warnings().front().find("n-gram") != std::string::npos) {
    GTEST_SKIP() << lid_->Warnings().front();
  }
  const std::pair<const char*, const char*> cases[] = {
      {"não obrigado", "pt"},     {"gracias señora", "es"},
      {"ďakujem pekne", "sk"},    {"děkuji pěkně", "cs"},
      {"mulțumesc frumos", "ro"}, {"tack så mycket", "sv"},
      {"dziękuję bardzo", "pl"},  {"köszönöm szépen", "hu"},
  };
  for (const auto& [text, lang] : cases) {
    EXPECT_EQ(lid_->Identify(text).lang, lang) << text;
  }
  // No evidence, no answer.
  EXPECT_EQ(lid_->Identify("2025 -- 14:30 !!!").lang, kUndeterminedLanguage);
}

// The dictionaries' folder is found at run time: the option, then
// $CROSSALIGN_HUNSPELL_DIR, then Debian's /usr/share/hunspell.
TEST(FindHunspellDirTest, OptionThenEnvironmentThenDebian) {
  ::unsetenv("CROSSALIGN_HUNSPELL_DIR");
  EXPECT_EQ(FindHunspellDir(""), "/usr/share/hunspell");
  EXPECT_EQ(FindHunspellDir("/opt/dicts"), "/opt/dicts");
  ::setenv("CROSSALIGN_HUNSPELL_DIR", "/srv/hunspell", 1);
  EXPECT_EQ(FindHunspellDir(""), "/srv/hunspell");
  EXPECT_EQ(FindHunspellDir("/opt/dicts"), "/opt/dicts");
  ::setenv("CROSSALIGN_HUNSPELL_DIR", "", 1);
  EXPECT_EQ(FindHunspellDir(""), "/usr/share/hunspell");
  ::unsetenv("CROSSALIGN_HUNSPELL_DIR");
}

// The identifier looks where the environment says: an empty folder there
// leaves every dictionary missing, named with that folder.
TEST(LanguageIdentifierWarningsTest, DictionaryFolderFromTheEnvironment) {
  const std::string empty = MakeTempDir();
  ::setenv("CROSSALIGN_HUNSPELL_DIR", empty.c_str(), 1);
  auto lid = LanguageIdentifier::Load(LidModel());
  ::unsetenv("CROSSALIGN_HUNSPELL_DIR");
  ASSERT_TRUE(lid.ok()) << lid.status();
  std::string all;
  for (const std::string& w : (*lid)->Warnings()) all += w + "\n";
  EXPECT_NE(all.find("hunspell-hr (" + empty + "/hr_HR.dic)"),
            std::string::npos)
      << all;
}

TEST(LanguageIdentifierWarningsTest, SaysWhatIsMissing) {
  LanguageIdentifierOptions options;
  options.dictionary_dir = MakeTempDir();  // no dictionaries in it
  ::setenv("CROSSALIGN_NGRAM_MODEL", "/nonexistent/eld", 1);
  auto lid = LanguageIdentifier::Load(LidModel(), options);
  ::unsetenv("CROSSALIGN_NGRAM_MODEL");
  ASSERT_TRUE(lid.ok()) << lid.status();
  std::string all;
  for (const std::string& w : (*lid)->Warnings()) all += w + "\n";
  EXPECT_NE(all.find("n-gram"), std::string::npos) << all;
  EXPECT_NE(all.find("hunspell-hr"), std::string::npos) << all;
  // It still answers, from fastText alone.
  EXPECT_EQ((*lid)
                ->Identify("The government said on Tuesday that the bridge "
                           "would reopen next week.")
                .lang,
            "en");
  // A directory given explicitly must exist.
  LanguageIdentifierOptions explicit_dir;
  explicit_dir.ngram_model_dir = "/nonexistent/eld";
  auto missing = LanguageIdentifier::Load(LidModel(), explicit_dir);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// Issue 17 item 3: a short segment without evidence between two segments
// of the same other language joins their run, however long the stretch of
// such segments is; at the ends of the document it keeps the document's
// language. (bench/langid_bench --segments-growth shows the linear time.)
TEST(LanguageRunsTest, LongStretchesOfShortSegmentsJoinTheirRun) {
  auto lid = LanguageIdentifier::Load(LidModel());
  ASSERT_TRUE(lid.ok()) << lid.status();
  const std::vector<std::string> lines = [] {
    std::vector<std::string> l;
    for (int i = 0; i < 200; ++i) l.push_back("Photo of the day.");
    l.push_back(
        "Le gouvernement a annoncé mardi que le pont rouvrirait la semaine "
        "prochaine après dix-huit mois de travaux.");
    for (int i = 0; i < 3000; ++i) l.push_back("Photo of the day.");
    l.push_back(
        "Les premiers trains transporteront des céréales et des engrais, "
        "selon le ministère des transports.");
    for (int i = 0; i < 200; ++i) l.push_back("Photo of the day.");
    return l;
  }();
  std::string text;
  std::vector<Span> spans;
  for (const std::string& line : lines) {
    spans.push_back(Span{text.size(), text.size() + line.size()});
    text += line + "\n";
  }
  Document doc = Document::FromText("stretch.txt", text);
  for (const Span& span : spans) {
    Segment seg;
    seg.span = span;
    doc.mutable_segments()->push_back(seg);
  }
  doc.set_lang("en", 1.0);
  (*lid)->IdentifySegments(&doc);
  const std::vector<Segment>& segs = doc.segments();
  ASSERT_EQ(segs.size(), lines.size());
  EXPECT_EQ(segs[0].lang, "en");
  EXPECT_EQ(segs[199].lang, "en");
  for (size_t i = 200; i <= 3201; ++i) {
    ASSERT_EQ(segs[i].lang, "fr") << i << ": " << doc.SegmentText(i);
  }
  EXPECT_EQ(segs[3202].lang, "en");
  EXPECT_EQ(segs.back().lang, "en");
  const std::vector<LanguageRun> runs = FindLanguageRuns(doc);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first_segment, 200u);
  EXPECT_EQ(runs[0].end_segment, 3202u);
}

TEST(LanguageModelLoadTest, MissingModelSaysHowToGetIt) {
  auto lid = LanguageIdentifier::Load("/nonexistent/lid.176.ftz");
  ASSERT_FALSE(lid.ok());
  EXPECT_EQ(lid.status().code(), StatusCode::kNotFound);
  EXPECT_NE(lid.status().message().find("setup"), std::string::npos);
}

TEST(LanguageModelLoadTest, CorruptModelsFailCleanly) {
  const std::string dir = MakeTempDir();
  const std::string real = ReadFile(LidModel());
  ASSERT_GT(real.size(), 100000u);
  const std::pair<const char*, std::string> corrupt[] = {
      {"empty.ftz", ""},
      {"text.ftz", "this is not a model\n"},
      {"header-only.ftz", real.substr(0, 8)},
      {"half.ftz", real.substr(0, real.size() / 2)},
      {"one-byte-short.ftz", real.substr(0, real.size() - 1)},
      {"trailing.ftz", real + "junk"},
  };
  for (const auto& [name, bytes] : corrupt) {
    const std::string path = dir + "/" + name;
    WriteFile(path, bytes);
    auto lid = LanguageIdentifier::Load(path);
    ASSERT_FALSE(lid.ok()) << name;
    EXPECT_EQ(lid.status().code(), StatusCode::kDataLoss) << name;
    EXPECT_NE(lid.status().message().find(name), std::string::npos) << name;
  }
  // Flipped size fields inside the dictionary header.
  std::string flipped = real;
  for (size_t i = 64; i < 80; ++i) flipped[i] = '\x7f';
  WriteFile(dir + "/flipped.ftz", flipped);
  EXPECT_FALSE(LanguageIdentifier::Load(dir + "/flipped.ftz").ok());
}

TEST(FindLidModelTest, SearchOrder) {
  const std::string dir = MakeTempDir();
  const std::string env_model = dir + "/env.ftz";
  const std::string flag_model = dir + "/flag.ftz";
  WriteFile(env_model, "x");
  WriteFile(flag_model, "x");
  ::setenv("CROSSALIGN_LID_MODEL", env_model.c_str(), 1);
  EXPECT_EQ(*FindLidModel(flag_model), flag_model);
  EXPECT_EQ(*FindLidModel(""), env_model);
  ::setenv("CROSSALIGN_LID_MODEL", (dir + "/missing.ftz").c_str(), 1);
  auto missing = FindLidModel("");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("CROSSALIGN_LID_MODEL"),
            std::string::npos);
  ::unsetenv("CROSSALIGN_LID_MODEL");
  // Falls back to the installed data folder or the source tree's models/.
  auto found = FindLidModel("");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_NE(found->find("lid.176.ftz"), std::string::npos);
}

TEST(CheckLanguageTagTest, AcceptsTagsWithRegionsAndScripts) {
  for (const char* tag : {"en", "uk", "en-GB", "pt-BR", "sr-Latn", "zh_Hant",
                          "yue", "de-CH-1996"}) {
    EXPECT_TRUE(CheckLanguageTag(tag).ok()) << tag;
  }
}

TEST(CheckLanguageTagTest, SaysWhyATagIsRefused) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "empty"},
      {std::string(36, 'a'), "too long"},
      {"en GB", "only letters, digits and '-'"},
      {"en--GB", "not well-formed"},
      {"english", "the language must be a 2- or 3-letter ISO 639 code"},
  };
  for (const auto& [tag, why] : cases) {
    const Status status = CheckLanguageTag(tag);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << tag;
    EXPECT_EQ(status.message(), why) << tag;
  }
}

}  // namespace
}  // namespace crossalign
