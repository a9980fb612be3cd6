// A language-ID model of our own: the test trains a tiny supervised fastText
// model with the fastText library on sentences written here, saves it, and
// loads it through LanguageIdentifier::Load and `align detect --lid-model`.
// It checks the predictions and the label -> BCP-47 mapping (__label__sh is
// answered as hr, __label__iw as he), and that the close-language step never
// answers a language the model does not have.
#include <fasttext/args.h>
#include <fasttext/fasttext.h>
#include <gtest/gtest.h>

#include <cstring>
#include <sstream>

#include "crossalign/language_identifier.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::AlignBinary;
using testing::MakeTempDir;
using testing::Quote;
using testing::RunCommand;
using testing::WriteFile;

// Short sentences per label, written for this test.
const char* const kEnglish[] = {
    "the train leaves the station in the morning",
    "the bridge will open again next week",
    "we bought bread and milk at the market",
    "the weather is cold and the river is frozen",
    "children walk to school along the road",
    "the mayor spoke to the workers on the site",
    "the ferry carries cars and passengers every day",
    "she reads the newspaper after breakfast",
};
const char* const kCroatian[] = {
    "vlak kreće sa stanice ujutro",
    "most će ponovno biti otvoren sljedeći tjedan",
    "kupili smo kruh i mlijeko na tržnici",
    "vrijeme je hladno a rijeka je zaleđena",
    "djeca pješice idu u školu uz cestu",
    "gradonačelnik je razgovarao s radnicima",
    "trajekt svaki dan prevozi automobile i putnike",
    "ona čita novine nakon doručka",
};
const char* const kUkrainian[] = {
    "потяг вирушає зі станції вранці",
    "міст знову відкриють наступного тижня",
    "ми купили хліб і молоко на ринку",
    "погода холодна і річка замерзла",
    "діти йдуть до школи вздовж дороги",
    "мер говорив з робітниками на будові",
    "пором щодня перевозить автомобілі і пасажирів",
    "вона читає газету після сніданку",
};
const char* const kHebrew[] = {
    "הרכבת יוצאת מהתחנה בבוקר",
    "הגשר ייפתח שוב בשבוע הבא",
    "קנינו לחם וחלב בשוק",
    "מזג האוויר קר והנהר קפוא",
};

class TrainedModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir());
    std::ostringstream data;
    // Repeated so that a few epochs see enough examples.
    for (int copy = 0; copy < 20; ++copy) {
      for (const char* s : kEnglish) data << "__label__en " << s << "\n";
      for (const char* s : kCroatian) data << "__label__sh " << s << "\n";
      for (const char* s : kUkrainian) data << "__label__uk " << s << "\n";
      for (const char* s : kHebrew) data << "__label__iw " << s << "\n";
    }
    WriteFile(*dir_ + "/train.txt", data.str());
    fasttext::Args args;
    args.input = *dir_ + "/train.txt";
    args.output = *dir_ + "/tiny";
    args.model = fasttext::model_name::sup;
    args.loss = fasttext::loss_name::softmax;
    args.dim = 16;
    args.epoch = 25;
    args.lr = 0.5;
    args.minn = 2;
    args.maxn = 4;
    args.minCount = 1;
    args.bucket = 20000;
    args.thread = 1;
    args.verbose = 0;
    args.seed = 7;
    fasttext::FastText trainer;
    trainer.train(args);
    trainer.saveModel(*dir_ + "/tiny.bin");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string ModelPath() { return *dir_ + "/tiny.bin"; }
  static std::string* dir_;
};
std::string* TrainedModelTest::dir_ = nullptr;

// Issue 17 item 2: a model whose header no longer matches its matrices
// (bucket or dim edited) passed the check and aborted inside libfasttext
// (Vector::addRow). Offsets: magic, version, then the int32 args dim (8) ...
// bucket (40).
TEST_F(TrainedModelTest, HeaderEditedAgainstTheMatricesIsRefused) {
  const std::string real = testing::ReadFile(ModelPath());
  const auto patched = [&](size_t offset, int32_t value) {
    std::string bytes = real;
    std::memcpy(&bytes[offset], &value, sizeof value);
    return bytes;
  };
  int32_t dim = 0, bucket = 0;
  std::memcpy(&dim, &real[8], 4);
  std::memcpy(&bucket, &real[40], 4);
  ASSERT_EQ(dim, 16);
  ASSERT_EQ(bucket, 20000);
  const std::pair<const char*, std::string> edited[] = {
      {"bucket-up.bin", patched(40, 40000)},
      {"bucket-max.bin", patched(40, 2000000000)},
      {"dim-up.bin", patched(8, 32)},
      {"dim-down.bin", patched(8, 8)},
  };
  // A bool byte other than 0 or 1 (found by model_merge_fuzzer: undefined
  // behaviour once read into a bool). The dense model ends with the
  // quant_output byte, then m and n (int64 each) and nlabels x dim floats.
  std::string bad_bool = real;
  bad_bool[real.size() - (16 + 4 * 16 * 4) - 1] = '\x8b';
  const std::pair<const char*, std::string> all[] = {
      edited[0], edited[1], edited[2], edited[3], {"bool-139.bin", bad_bool}};
  for (const auto& [name, bytes] : all) {
    const std::string path = *dir_ + "/" + name;
    WriteFile(path, bytes);
    auto lid = LanguageIdentifier::Load(path);
    ASSERT_FALSE(lid.ok()) << name;
    EXPECT_EQ(lid.status().code(), StatusCode::kDataLoss) << name;
    EXPECT_NE(lid.status().message().find(name), std::string::npos)
        << lid.status();
  }
  // The untouched model still loads: the edits are what is refused.
  EXPECT_TRUE(LanguageIdentifier::Load(ModelPath()).ok());
}

// A valid fastText model whose labels are not languages answered
// "positive 1.000"; it is refused, naming the label.
TEST_F(TrainedModelTest, ModelsWithOtherLabelsAreRefused) {
  std::ostringstream data;
  for (int copy = 0; copy < 5; ++copy) {
    data << "__label__positive a fine day\n__label__negative a bad day\n";
  }
  WriteFile(*dir_ + "/sentiment.txt", data.str());
  fasttext::Args args;
  args.input = *dir_ + "/sentiment.txt";
  args.output = *dir_ + "/sentiment";
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = 4;
  args.epoch = 2;
  args.minCount = 1;
  args.bucket = 100;
  args.thread = 1;
  args.verbose = 0;
  fasttext::FastText trainer;
  trainer.train(args);
  trainer.saveModel(*dir_ + "/sentiment.bin");
  auto lid = LanguageIdentifier::Load(*dir_ + "/sentiment.bin");
  ASSERT_FALSE(lid.ok());
  EXPECT_NE(lid.status().message().find("not a language identifier"),
            std::string::npos)
      << lid.status();
  EXPECT_NE(lid.status().message().find("__label__"), std::string::npos);
  const auto detect = RunCommand(AlignBinary() + " detect --lid-model " +
                                 Quote(*dir_ + "/sentiment.bin") + " " +
                                 Quote(*dir_ + "/sentiment.txt"));
  EXPECT_EQ(detect.exit_code, 3) << detect.err;
}

TEST_F(TrainedModelTest, LoadsAndPredictsWithBcp47Codes) {
  auto lid = LanguageIdentifier::Load(ModelPath());
  ASSERT_TRUE(lid.ok()) << lid.status();
  EXPECT_EQ((*lid)->Identify("the train leaves the station").lang, "en");
  EXPECT_EQ((*lid)->Identify("most će biti otvoren sljedeći tjedan").lang,
            "hr");  // __label__sh
  EXPECT_EQ((*lid)->Identify("міст знову відкриють").lang, "uk");
  EXPECT_EQ((*lid)->Identify("הגשר ייפתח שוב").lang, "he");  // __label__iw
  // Only the model's four languages ever come back, as BCP-47 codes; the
  // close-language step adds no bs, sr or sl the model does not have.
  for (const char* text : {"vlak kreće ujutro", "djeca idu u školu",
                           "kruh i mlijeko", "the river is frozen"}) {
    for (const LanguageGuess& g : (*lid)->Predict(text, 5)) {
      EXPECT_TRUE(g.lang == "en" || g.lang == "hr" || g.lang == "uk" ||
                  g.lang == "he")
          << text << " -> " << g.lang;
      EXPECT_GE(g.probability, 0.0);
      EXPECT_LE(g.probability, 1.0);
    }
  }
  // In Cyrillic only the Cyrillic languages remain, and __label__sh is
  // answered as sr there.
  for (const LanguageGuess& g : (*lid)->Predict("річка замерзла", 5)) {
    EXPECT_TRUE(g.lang == "uk" || g.lang == "sr") << g.lang;
  }
}

TEST_F(TrainedModelTest, AlignDetectUsesItThroughLidModel) {
  const std::string input = *dir_ + "/lines.txt";
  WriteFile(input,
            "the ferry carries cars every day\n"
            "trajekt prevozi automobile\n"
            "\n"
            "пором перевозить автомобілі\n");
  auto r = RunCommand(Quote(AlignBinary()) + " detect --per-line --lid-model " +
                      Quote(ModelPath()) + " " + Quote(input));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream out(r.out);
  std::string line;
  std::vector<std::string> langs;
  while (std::getline(out, line))
    langs.push_back(line.substr(0, line.find('\t')));
  EXPECT_EQ(langs, (std::vector<std::string>{"en", "hr", "und", "uk"}));
}

}  // namespace
}  // namespace crossalign
