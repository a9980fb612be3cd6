#include "crossalign/tmx_reader.h"

#include <gtest/gtest.h>

#include "crossalign/tmx_writer.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::ExpectValidTmxText;
using testing::FixedDate;
using testing::MakeDoc;
using testing::MakeTempDir;
using testing::ReadFile;

std::string Sample(const std::string& name) {
  return testing::SharedDir() + "/eval/tmx/samples/" + name;
}

TEST(TmxReaderTest, ReadsTheValidSamples) {
  CROSSALIGN_REQUIRE_SHARED();
  auto memory = TmxReader().ReadFile(Sample("en-uk-3.tmx"));
  ASSERT_TRUE(memory.ok()) << memory.status();
  EXPECT_EQ(memory->version, "1.4");
  EXPECT_TRUE(memory->warnings.empty());
  EXPECT_EQ(memory->header.srclang, "en");
  EXPECT_EQ(memory->header.adminlang, "en");
  EXPECT_EQ(memory->header.creationdate, "20250101T120000Z");
  ASSERT_EQ(memory->header.props.size(), 1u);
  EXPECT_EQ(memory->header.props[0].type, "x-corpus");
  EXPECT_EQ(memory->header.props[0].value, "demo");
  ASSERT_EQ(memory->units.size(), 3u);
  const TmxUnit& first = memory->units[0];
  EXPECT_EQ(first.tuid, "1");
  EXPECT_EQ(first.creationdate, "20250101T120000Z");
  EXPECT_EQ(UnitScore(first), 0.93);
  ASSERT_EQ(first.variants.size(), 2u);
  EXPECT_EQ(first.variants[0].lang, "en");
  EXPECT_EQ(first.variants[0].text, "The weather is nice today.");
  EXPECT_EQ(first.variants[1].lang, "uk");
  EXPECT_EQ(first.variants[1].text, "Сьогодні гарна погода.");
  EXPECT_TRUE(first.variants[1].seg_xml.empty());
  const TmxUnit& second = memory->units[1];
  EXPECT_EQ(second.notes, std::vector<std::string>{"1-1 bead"});
  EXPECT_EQ(second.variants[0].text, "Prices rose by 5% & wages fell <2%.");
  EXPECT_FALSE(UnitScore(second).has_value());

  auto de = TmxReader().ReadFile(Sample("en-de-3.tmx"));
  ASSERT_TRUE(de.ok()) << de.status();
  ASSERT_EQ(de->units.size(), 3u);
  EXPECT_EQ(de->units[2].variants[1].text, "Bis morgen.");
}

TEST(TmxReaderTest, KeepsTheVariantOrderOfTheFile) {
  CROSSALIGN_REQUIRE_SHARED();
  auto memory = TmxReader().ReadFile(Sample("reversed-tuv-order.tmx"));
  ASSERT_TRUE(memory.ok()) << memory.status();
  ASSERT_EQ(memory->units.size(), 3u);
  EXPECT_EQ(memory->units[0].variants[0].lang, "uk");
  EXPECT_EQ(memory->units[0].variants[1].lang, "en");
  EXPECT_EQ(memory->units[0].variants[1].text, "The weather is nice today.");
}

TEST(TmxReaderTest, BrokenSamplesFailOrWarnNamingTheFile) {
  CROSSALIGN_REQUIRE_SHARED();
  auto bad = TmxReader().ReadFile(Sample("broken-not-wellformed.tmx"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("broken-not-wellformed.tmx"),
            std::string::npos);
  EXPECT_NE(bad.status().message().find("not well-formed XML"),
            std::string::npos);
  EXPECT_NE(bad.status().message().find("line 16"), std::string::npos)
      << bad.status();

  // Missing attributes: read tolerantly, the <tuv> without a language is
  // left out with a warning.
  auto partial = TmxReader().ReadFile(Sample("broken-missing-attrs.tmx"));
  ASSERT_TRUE(partial.ok()) << partial.status();
  EXPECT_EQ(partial->header.srclang, "");
  ASSERT_EQ(partial->units.size(), 1u);
  ASSERT_EQ(partial->units[0].variants.size(), 1u);
  EXPECT_EQ(partial->units[0].variants[0].lang, "uk");
  ASSERT_EQ(partial->warnings.size(), 1u);
  EXPECT_NE(partial->warnings[0].find("broken-missing-attrs.tmx: unit 1"),
            std::string::npos)
      << partial->warnings[0];
  // Written out, the half-empty unit is dropped.
  auto xml = TmxWriter(FixedDate()).RenderMemory(*partial);
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(xml->find("<tu "), std::string::npos) << *xml;
  ExpectValidTmxText(*xml);
}

TEST(TmxReaderTest, NotTmxErrorsNameTheFile) {
  auto r = TmxReader().Parse("x.tmx", "<tmx version=\"1.4\"><header/></tmx>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "x.tmx: not a TMX file (<tmx> has no <body>)");
  r = TmxReader().Parse("y.xml", "<html><body/></html>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("y.xml: not a TMX file (the root"),
            std::string::npos);
  r = TmxReader().Parse("z.tmx", "");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("z.tmx"), std::string::npos);
  r = TmxReader().ReadFile(MakeTempDir() + "/missing.tmx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("missing.tmx"), std::string::npos);
}

constexpr char kInline[] =
    "Click <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>Save<ept "
    "i=\"1\">&lt;/b&gt;</ept>"
    " now<ph x=\"2\">&lt;br/&gt;</ph> <hi type=\"x-em\">really</hi> "
    "<it pos=\"begin\">&lt;i&gt;</it>x<ut>{\\b}</ut><ph>&lt;a "
    "title=\"<sub>Note</sub>\"&gt;</ph>.";

TEST(TmxReaderTest, InlineTagsKeepTextAndMarkup) {
  const std::string tmx =
      std::string(
          "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header "
          "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
          "o-tmf=\"t\" adminlang=\"en\" srclang=\"*all*\" datatype=\"html\"/>"
          "<body><tu><tuv xml:lang=\"en\"><seg>") +
      kInline +
      "</seg></tuv><tuv xml:lang=\"de\"><seg>Klick <bpt i=\"1\">&lt;b&gt;"
      "</bpt>Speichern<ept i=\"1\">&lt;/b&gt;</ept></seg></tuv></tu>"
      "</body></tmx>";
  auto memory = TmxReader().Parse("inline.tmx", tmx);
  ASSERT_TRUE(memory.ok()) << memory.status();
  EXPECT_EQ(memory->header.srclang, "*all*");
  ASSERT_EQ(memory->units.size(), 1u);
  const TmxVariant& en = memory->units[0].variants[0];
  EXPECT_EQ(en.text, "Click Save now really x.");
  EXPECT_EQ(en.seg_xml, kInline);
  EXPECT_EQ(memory->units[0].variants[1].text, "Klick Speichern");

  // Written back, the markup is kept verbatim and *all* stays.
  auto xml = TmxWriter(FixedDate()).RenderMemory(*memory);
  ASSERT_TRUE(xml.ok()) << xml.status();
  EXPECT_NE(xml->find(std::string("<seg>") + kInline + "</seg>"),
            std::string::npos)
      << *xml;
  EXPECT_NE(xml->find("srclang=\"*all*\""), std::string::npos);
  ExpectValidTmxText(*xml);
  auto again = TmxReader().Parse("again.tmx", *xml);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->units[0].variants[0].seg_xml, kInline);
  EXPECT_EQ(*TmxWriter(FixedDate()).RenderMemory(*again), *xml);
}

TEST(TmxReaderTest, MarkupWithForeignElementsFallsBackToText) {
  TmxMemory memory;
  TmxUnit unit;
  unit.variants = {{"en", {}, {}, "Bold text", "<b>Bold</b> text"},
                   {"de", {}, {}, "Fetter Text", "<ph>x"}};
  memory.units.push_back(unit);
  auto xml = TmxWriter(FixedDate()).RenderMemory(memory);
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<seg>Bold text</seg>"), std::string::npos) << *xml;
  EXPECT_NE(xml->find("<seg>Fetter Text</seg>"), std::string::npos) << *xml;
  ExpectValidTmxText(*xml);
}

// A one-unit TMX around `en_seg` (raw XML), with `prolog` before <tmx>.
std::string OneUnit(const std::string& en_seg, const std::string& prolog = "",
                    const std::string& decl = "<?xml version=\"1.0\"?>\n") {
  return decl + prolog +
         "<tmx version=\"1.4\"><header creationtool=\"t\" "
         "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
         "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body><tu>"
         "<tuv xml:lang=\"en\"><seg>" +
         en_seg +
         "</seg></tuv><tuv xml:lang=\"de\"><seg>Hallo</seg></tuv></tu>"
         "</body></tmx>\n";
}

// Issue 17 item 1: 40,000 nested <hi> (or <sub> in <ph>) overflowed the
// stack of the recursive walks; the depth is capped and the file named.
TEST(TmxReaderTest, DeepNestingIsRefusedNotACrash) {
  for (const auto& [open, close] :
       {std::pair<std::string, std::string>{"<hi>", "</hi>"},
        {"<ph><sub>", "</sub></ph>"}}) {
    std::string seg;
    for (int i = 0; i < 40000; ++i) seg += open;
    seg += "x";
    for (int i = 0; i < 40000; ++i) seg += close;
    auto memory = TmxReader().Parse("deep.tmx", OneUnit(seg));
    ASSERT_FALSE(memory.ok());
    EXPECT_EQ(memory.status().code(), StatusCode::kDataLoss);
    EXPECT_NE(memory.status().message().find("deep.tmx"), std::string::npos);
    EXPECT_NE(memory.status().message().find("nested"), std::string::npos)
        << memory.status();
  }
  // Markup from a program (not from the reader) is capped by the writer:
  // the plain text is written.
  std::string seg;
  for (int i = 0; i < 40000; ++i) seg += "<hi>";
  for (int i = 0; i < 40000; ++i) seg += "</hi>";
  TmxMemory memory;
  TmxUnit unit;
  unit.variants = {{"en", {}, {}, "Deep", seg}, {"de", {}, {}, "Tief", ""}};
  memory.units.push_back(unit);
  auto xml = TmxWriter(FixedDate()).RenderMemory(memory);
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<seg>Deep</seg>"), std::string::npos);
  // Nesting a real memory uses is kept.
  auto shallow = TmxReader().Parse("shallow.tmx",
                                   OneUnit("<hi><hi><hi>a</hi></hi></hi> b"));
  ASSERT_TRUE(shallow.ok()) << shallow.status();
  EXPECT_EQ(shallow->units[0].variants[0].text, "a b");
}

// Issue 17 item 16: &#0; cut the segment; declared entities were copied as
// literal text.
TEST(TmxReaderTest, CharacterReferencesAndDeclaredEntities) {
  for (const std::string bad : {"&#0;", "&#x0;", "&#1;", "&#xD800;", "&#xFFFF;",
                                "&#1114112;", "&#99999999999;"}) {
    auto memory = TmxReader().Parse("ref.tmx", OneUnit("a" + bad + "b"));
    ASSERT_FALSE(memory.ok()) << bad;
    EXPECT_NE(memory.status().message().find("ref.tmx"), std::string::npos);
    EXPECT_NE(memory.status().message().find(bad), std::string::npos)
        << memory.status();
  }
  auto good = TmxReader().Parse("ok.tmx", OneUnit("a&#233;&#x20AC;&amp;b"));
  ASSERT_TRUE(good.ok()) << good.status();
  EXPECT_EQ(good->units[0].variants[0].text, "a\xC3\xA9\xE2\x82\xAC&b");

  const std::string dtd =
      "<!DOCTYPE tmx [\n<!ENTITY nbsp \"&#160;\">\n<!ENTITY co "
      "'Acme &#38; \"Sons\"'>\n]>\n";
  auto declared =
      TmxReader().Parse("ent.tmx", OneUnit("10&nbsp;km by &co;", dtd));
  ASSERT_TRUE(declared.ok()) << declared.status();
  EXPECT_EQ(declared->units[0].variants[0].text,
            "10\xC2\xA0km by Acme & \"Sons\"");
  auto undeclared = TmxReader().Parse("undecl.tmx", OneUnit("10&nbsp;km"));
  ASSERT_FALSE(undeclared.ok());
  EXPECT_NE(undeclared.status().message().find("&nbsp;"), std::string::npos)
      << undeclared.status();
  // Nested entities (the billion laughs) and external ones are not expanded.
  const std::string laughs =
      "<!DOCTYPE tmx [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;\">]>";
  EXPECT_FALSE(TmxReader().Parse("lol.tmx", OneUnit("&b;", laughs)).ok());
  const std::string external =
      "<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
  EXPECT_FALSE(TmxReader().Parse("xxe.tmx", OneUnit("&x;", external)).ok());
}

// Issue 17 item 15: the declared encoding was ignored (windows-1251 came out
// as U+FFFD) and invalid UTF-8 was never reported.
TEST(TmxReaderTest, DeclaredEncodingIsHonouredAndBadUtf8Reported) {
  // "Привет" in windows-1251.
  const std::string cp1251 =
      OneUnit("\xCF\xF0\xE8\xE2\xE5\xF2", "",
              "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n");
  auto memory = TmxReader().Parse("cp1251.tmx", cp1251);
  ASSERT_TRUE(memory.ok()) << memory.status();
  EXPECT_EQ(memory->units[0].variants[0].text,
            "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  EXPECT_TRUE(memory->warnings.empty());
  // "日本" in Shift_JIS.
  auto sjis = TmxReader().Parse(
      "sjis.tmx", OneUnit("\x93\xFA\x96\x7B", "",
                          "<?xml version='1.0' encoding='Shift_JIS'?>\n"));
  ASSERT_TRUE(sjis.ok()) << sjis.status();
  EXPECT_EQ(sjis->units[0].variants[0].text, "\xE6\x97\xA5\xE6\x9C\xAC");
  auto unknown = TmxReader().Parse(
      "odd.tmx", OneUnit("x", "", "<?xml version='1.0' encoding='x-nope'?>"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("x-nope"), std::string::npos);
  // Latin-1 bytes in a file that declares nothing (so UTF-8): a warning with
  // the line, and U+FFFD.
  auto bad = TmxReader().Parse("bad.tmx", OneUnit("na\xEFve"));
  ASSERT_TRUE(bad.ok()) << bad.status();
  ASSERT_EQ(bad->warnings.size(), 1u);
  EXPECT_NE(bad->warnings[0].find("bad.tmx: invalid UTF-8 at line 2"),
            std::string::npos)
      << bad->warnings[0];
  EXPECT_EQ(bad->units[0].variants[0].text, "na\xEF\xBF\xBDve");
}

// Issue 17 item 16: markup the TMX 1.4 DTD forbids (<sub> directly in <seg>,
// <bpt> without i, <it> without pos) was passed through, so the output was
// invalid; it is written as plain text now.
TEST(TmxReaderTest, MarkupTheDtdForbidsIsWrittenAsText) {
  for (const std::string seg :
       {"a <sub>b</sub> c", "a <bpt>&lt;b&gt;</bpt>b c", "a <it>x</it>b c",
        "a <it pos=\"middle\">x</it>b c", "a <ph><hi>x</hi></ph>b c",
        "a <hi foo=\"1\">b</hi> c", "a <ept>x</ept>b c"}) {
    auto memory = TmxReader().Parse("dtd.tmx", OneUnit(seg));
    ASSERT_TRUE(memory.ok()) << memory.status();
    auto xml = TmxWriter(FixedDate()).RenderMemory(*memory);
    ASSERT_TRUE(xml.ok());
    EXPECT_EQ(xml->find("<seg>a <"), std::string::npos) << seg << "\n" << *xml;
    ExpectValidTmxText(*xml);
  }
  auto ok = TmxReader().Parse(
      "ok.tmx",
      OneUnit("a <bpt i=\"1\" x=\"1\">&lt;b&gt;<sub>t</sub></bpt>b<ept "
              "i=\"1\">&lt;/b&gt;</ept> <it pos=\"begin\">x</it>c"));
  ASSERT_TRUE(ok.ok());
  auto xml = TmxWriter(FixedDate()).RenderMemory(*ok);
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<seg>a <bpt"), std::string::npos) << *xml;
  ExpectValidTmxText(*xml);
}

TEST(TmxReaderTest, ReadsTmx11StyleFiles) {
  // TMX 1.1: lang instead of xml:lang, sparse header, upper-case tags in
  // languages, a UTF-16 file with a byte-order mark.
  const std::string utf8 =
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.1\">\n<header "
      "creationtool=\"Old\" srclang=\"EN-US\"/>\n<body>\n<tu tuid=\"7\">\n"
      "<tuv lang=\"EN-US\"><seg>Hello world</seg></tuv>\n"
      "<tuv lang=\"FR-FR\"><seg>Bonjour le monde</seg></tuv>\n"
      "</tu>\n</body>\n</tmx>\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  for (const std::string& bytes : {utf8, utf16}) {
    auto memory = TmxReader().Parse("old.tmx", bytes);
    ASSERT_TRUE(memory.ok()) << memory.status();
    EXPECT_EQ(memory->version, "1.1");
    EXPECT_EQ(memory->header.srclang, "EN-US");
    ASSERT_EQ(memory->units.size(), 1u);
    ASSERT_EQ(memory->units[0].variants.size(), 2u);
    EXPECT_EQ(memory->units[0].variants[1].lang, "FR-FR");
    EXPECT_EQ(memory->units[0].variants[1].text, "Bonjour le monde");
    EXPECT_TRUE(LangMatches(memory->units[0].variants[1].lang, "fr"));
    auto xml = TmxWriter(FixedDate()).RenderMemory(*memory);
    ASSERT_TRUE(xml.ok());
    ExpectValidTmxText(*xml);
  }
}

TEST(TmxMemoryTest, LangMatches) {
  EXPECT_TRUE(LangMatches("en", "en"));
  EXPECT_TRUE(LangMatches("en-GB", "EN"));
  EXPECT_TRUE(LangMatches("en-GB", "en-gb"));
  EXPECT_FALSE(LangMatches("eng", "en"));
  EXPECT_FALSE(LangMatches("en", "en-GB"));
  EXPECT_FALSE(LangMatches("en", ""));
}

// The header line of the documents below: an outlet with XML specials.
constexpr char kWireHeader[] = "## outlet: Wire & <Co> | date: 2025-03-14\n";

// Hostile text through the writer, back through the reader, and out again.
TEST(TmxRoundTripTest, TortureTextSurvivesWriteReadWrite) {
  std::string big;
  while (big.size() < (1u << 20)) {
    big += "Ein langer Satz mit Umlauten äöü und 😀 & <tags> \"q\" 'a'. ";
  }
  // Each line: what goes in, and what must come back out.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Fish & chips <b>bold</b> \"quoted\" 'single' > done",
       "Fish & chips <b>bold</b> \"quoted\" 'single' > done"},
      {"Bell\x07 and\x01 escape\x1B and \x7F del",
       "Bell and escape and \x7F del"},
      {"Emoji 😀👍🏽 and flag 🇺🇦",
       "Emoji 😀👍🏽 and flag 🇺🇦"},
      {"שלום עולם مرحبا بالعالم \xE2\x80\x8Fmark",
       "שלום עולם مرحبا بالعالم \xE2\x80\x8Fmark"},
      {"Combining: e\xCC\x81 n\xCC\x83 a\xCC\x8A\xCC\x81",
       "Combining: e\xCC\x81 n\xCC\x83 a\xCC\x8A\xCC\x81"},
      {"Lone surrogate \xED\xA0\x80 here",
       "Lone surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD here"},
      {"Bad bytes \xC3 \xFF end", "Bad bytes \xEF\xBF\xBD \xEF\xBF\xBD end"},
      {"Non-characters \xEF\xBF\xBF\xEF\xBF\xBE gone", "Non-characters gone"},
      {"]]> and &amp; literally", "]]> and &amp; literally"},
      {big, big.substr(0, big.size() - 1)},
  };
  std::vector<std::string> src_lines, tgt_lines;
  for (const auto& c : cases) {
    src_lines.push_back(c.first);
    tgt_lines.push_back("ZIEL " + c.first);
  }
  AlignedPair pair;
  pair.src = MakeDoc("a & b.en.txt", "en", src_lines, kWireHeader);
  pair.tgt = MakeDoc("a & b.de.txt", "de", tgt_lines, kWireHeader);
  pair.alignment.method = "test <method> & \"x\"";
  for (size_t i = 0; i < cases.size(); ++i) {
    Bead bead;
    bead.src = {static_cast<int>(i)};
    bead.tgt = {static_cast<int>(i)};
    bead.score = 0.5;
    pair.alignment.beads.push_back(bead);
  }
  const TmxWriter writer(FixedDate());
  auto first = writer.Render({pair});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->find("&#"), std::string::npos);
  ExpectValidTmxText(*first);

  auto memory = TmxReader().Parse("first.tmx", *first);
  ASSERT_TRUE(memory.ok()) << memory.status();
  EXPECT_TRUE(memory->warnings.empty());
  ASSERT_EQ(memory->units.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const TmxUnit& unit = memory->units[i];
    ASSERT_EQ(unit.variants.size(), 2u);
    EXPECT_EQ(unit.variants[0].text, cases[i].second) << "case " << i;
    EXPECT_EQ(unit.variants[1].text, "ZIEL " + cases[i].second) << "case " << i;
    EXPECT_TRUE(unit.variants[0].seg_xml.empty());
    EXPECT_EQ(*FindProp(unit.variants[0].props, "x-outlet"), "Wire & <Co>");
    EXPECT_EQ(*FindProp(unit.variants[0].props, "x-document"), "a & b.en.txt");
  }
  EXPECT_EQ(*FindProp(memory->header.props, "x-method"),
            "test <method> & \"x\"");

  // Write, read, write: the same bytes.
  auto second = writer.RenderMemory(*memory);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(*second == *first);

  // Through files too.
  const std::string path = MakeTempDir() + "/round.tmx";
  ASSERT_TRUE(writer.WriteMemoryFile(path, *memory).ok());
  auto from_file = TmxReader().ReadFile(path);
  ASSERT_TRUE(from_file.ok()) << from_file.status();
  EXPECT_TRUE(*writer.RenderMemory(*from_file) == *first);
}

TEST(TmxRoundTripTest, MissingDatesAndIdsAreFilledStably) {
  TmxMemory memory;
  TmxUnit unit;
  unit.variants = {{"en", {}, {}, "  One   two ", ""},
                   {"uk", {}, {}, "Один два", ""},
                   {"", {}, {}, "no language", ""},
                   {"de", {}, {}, "   ", ""}};
  memory.units.push_back(unit);
  const TmxWriter writer(FixedDate());
  auto xml = writer.RenderMemory(memory);
  ASSERT_TRUE(xml.ok());
  ExpectValidTmxText(*xml);
  auto back = TmxReader().Parse("x.tmx", *xml);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->units.size(), 1u);
  const TmxUnit& read = back->units[0];
  EXPECT_EQ(read.creationdate, "20250314T103000Z");
  EXPECT_EQ(read.tuid.size(), 16u);
  ASSERT_EQ(read.variants.size(), 2u);  // empty and language-less ones gone
  EXPECT_EQ(read.variants[0].text, "One two");
  EXPECT_EQ(back->header.srclang, "en");
  EXPECT_EQ(back->header.creationtool, "crossalign");
  EXPECT_EQ(*writer.RenderMemory(memory), *xml);
}

// Line ends in <prop> and <note> text: XML reads CR LF and a lone CR as LF,
// so the writer writes them as LF and write, read, write gives one text
// (the fuzzer found a CR that read back as LF).
TEST(TmxRoundTripTest, CarriageReturnsInPropsAndNotesAreStable) {
  TmxMemory memory;
  memory.header.notes = {"header\rnote"};
  TmxUnit unit;
  unit.props = {{"x-a", "one\r\ntwo\rthree\n"}};
  unit.notes = {"a\r"};
  unit.variants = {{"en", {}, {}, "x", ""}, {"de", {}, {}, "y", ""}};
  memory.units.push_back(unit);
  const TmxWriter writer(FixedDate());
  auto once = writer.RenderMemory(memory);
  ASSERT_TRUE(once.ok()) << once.status();
  auto back = TmxReader().Parse("once.tmx", *once);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->units.size(), 1u);
  EXPECT_EQ(*FindProp(back->units[0].props, "x-a"), "one\ntwo\nthree\n");
  ASSERT_EQ(back->units[0].notes.size(), 1u);
  EXPECT_EQ(back->units[0].notes[0], "a\n");
  ASSERT_EQ(back->header.notes.size(), 1u);
  EXPECT_EQ(back->header.notes[0], "header\nnote");
  auto twice = writer.RenderMemory(*back);
  ASSERT_TRUE(twice.ok());
  EXPECT_TRUE(*twice == *once);
}

// The fuzzer's seeds, crashers included: write, read, write is stable.
TEST(TmxRoundTripTest, FuzzSeedsRoundTrip) {
  const std::string dir =
      testing::SourceDir() + "/tests/fuzz/corpus/tmx_reader";
  const auto names = testing::ListDir(dir);
  ASSERT_GE(names.size(), 4u);
  const TmxWriter writer(FixedDate());
  for (const std::string& name : names) {
    auto memory = TmxReader().ReadFile(dir + "/" + name);
    if (!memory.ok()) continue;
    auto once = writer.RenderMemory(*memory);
    ASSERT_TRUE(once.ok()) << name;
    auto again = TmxReader().Parse(name, *once);
    ASSERT_TRUE(again.ok()) << name << ": " << again.status();
    EXPECT_TRUE(*writer.RenderMemory(*again) == *once) << name;
    ExpectValidTmxText(*once);
  }
}

}  // namespace
}  // namespace crossalign
