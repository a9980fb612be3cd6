// End-to-end tests against the TMX consumers translators use, as Debian
// ships them: translate-toolkit 3.8.4 (pretranslate, and its TMX reader) and
// OmegaT 3.6 (headless console-translate). Every TMX the align CLI writes
// for corpora/ (each pair of every pairs.tsv, and each story in
// many-article mode, and two HTML page pairs of tests/data/html) must load
// in both with no unit lost. scripts/setup.sh
// installs both; a test skips, saying so, only when its client is absent.
#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

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

// translate-toolkit's own interpreter: the first python3 on PATH may be
// another one, without the translate package.
constexpr char kPython[] = "/usr/bin/python3";
constexpr char kOmegaT[] = "/usr/share/omegat/OmegaT.jar";

struct Unit {
  std::string src;
  std::string tgt;
};

struct Tmx {
  std::string path;
  std::string src_lang;
  std::string tgt_lang;
  std::vector<Unit> units;
  // Every target that a source has in this file (a source can be aligned
  // twice in cross-outlet pairs; a client can only use one target).
  std::map<std::string, std::set<std::string>> targets;
};

Tmx LoadTmx(const std::string& path) {
  Tmx tmx;
  tmx.path = path;
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_file(path.c_str())) << path;
  for (pugi::xml_node tu : doc.child("tmx").child("body").children("tu")) {
    pugi::xml_node first = tu.child("tuv");
    pugi::xml_node second = first.next_sibling("tuv");
    Unit unit{first.child("seg").text().get(),
              second.child("seg").text().get()};
    if (tmx.src_lang.empty()) {
      tmx.src_lang = first.attribute("xml:lang").value();
      tmx.tgt_lang = second.attribute("xml:lang").value();
    }
    tmx.targets[unit.src].insert(unit.tgt);
    tmx.units.push_back(unit);
  }
  return tmx;
}

// Every TMX the CLI writes for corpora/, written once per test program.
const std::vector<Tmx>& CorporaTmx() {
  static const std::vector<Tmx>* all = [] {
    auto* files = new std::vector<Tmx>();
    const std::string out = MakeTempDir();
    const std::string corpora = SourceDir() + "/corpora";
    for (const std::string& story : ListDir(corpora)) {
      const std::string dir = corpora + "/" + story;
      if (!Exists(dir + "/pairs.tsv")) continue;
      // Many-article mode: one TMX per language pair.
      auto r = RunCommand(Quote(AlignBinary()) + " " + Quote(dir) +
                          " --date 2025-03-14 -o " + Quote(out + "/" + story));
      EXPECT_EQ(r.exit_code, 0) << r.err;
      for (const std::string& name : ListDir(out + "/" + story)) {
        files->push_back(LoadTmx(out + "/" + story + "/" + name));
      }
      // Each listed pair, translation and cross-outlet.
      std::istringstream pairs(ReadFile(dir + "/pairs.tsv"));
      std::string line;
      int n = 0;
      while (std::getline(pairs, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string src, tgt, type, gold;
        std::getline(fields, src, '\t');
        std::getline(fields, tgt, '\t');
        std::getline(fields, type, '\t');
        std::getline(fields, gold, '\t');
        // A pair whose gold lists no shared passage is two stories: the
        // aligner says so and exits 1, still writing a (valid, empty) TMX.
        bool shares = false;
        std::istringstream beads(ReadFile(dir + "/" + gold));
        for (std::string bead; std::getline(beads, bead);) {
          shares |= !bead.empty() && bead[0] != '#';
        }
        const std::string path =
            out + "/" + story + "-pair" + std::to_string(++n) + ".tmx";
        r = RunCommand(Quote(AlignBinary()) + " " + Quote(dir + "/" + src) +
                       " " + Quote(dir + "/" + tgt) + " --date 2025-03-14 -o " +
                       Quote(path) +
                       // A pair the gold shows to be one story is aligned
                       // as one whatever the story check says (its misses
                       // are measured in bench/, not here).
                       (shares ? " --same-story 0" : ""));
        EXPECT_EQ(r.exit_code, shares ? 0 : 1) << line << ": " << r.err;
        files->push_back(LoadTmx(path));
      }
    }
    // News pages as input: the English single-page-app page against the
    // Ukrainian WordPress page and the Russian table-layout page
    // (windows-1251), as `align page1.html page2.html -o out.tmx`.
    const std::string pages = SourceDir() + "/tests/data/html/dev/";
    for (const char* tgt :
         {"wordpress-kyiv-ledger.uk.html", "table-kyiv-ledger.ru.html"}) {
      const std::string path = out + "/html-" + tgt + ".tmx";
      auto r = RunCommand(Quote(AlignBinary()) + " " +
                          Quote(pages + "spa-kyiv-ledger.en.html") + " " +
                          Quote(pages + tgt) + " --date 2025-03-14 -o " +
                          Quote(path));
      EXPECT_EQ(r.exit_code, 0) << tgt << ": " << r.err;
      files->push_back(LoadTmx(path));
    }
    return files;
  }();
  return *all;
}

TEST(ClientE2eTest, EveryCorporaTmxIsValid) {
  CROSSALIGN_REQUIRE_SHARED();
  ASSERT_GE(CorporaTmx().size(), 20u);
  size_t units = 0;
  for (const Tmx& tmx : CorporaTmx()) {
    // An unrelated pair (the Lviv tram brief) rightly gives no units.
    units += tmx.units.size();
    std::string log;
    EXPECT_EQ(testing::ValidateTmx(tmx.path, &log), 0) << log;
  }
  EXPECT_GT(units, 300u);
}

std::string PoEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string PoUnescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char c = text[++i];
    out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
  }
  return out;
}

struct PoEntry {
  std::string msgstr;
  bool fuzzy = false;
};

// A small PO reader: msgid, msgstr (with continuation lines) and the fuzzy
// flag; enough for what pretranslate writes.
std::map<std::string, PoEntry> ReadPo(const std::string& text) {
  std::map<std::string, PoEntry> entries;
  std::istringstream in(text);
  std::string line, msgid, msgstr, *current = nullptr;
  bool fuzzy = false;
  const auto flush = [&] {
    if (!msgid.empty()) entries[msgid] = {msgstr, fuzzy};
    msgid.clear();
    msgstr.clear();
    fuzzy = false;
    current = nullptr;
  };
  const auto quoted = [](const std::string& s) {
    const size_t a = s.find('"'), b = s.rfind('"');
    return a == std::string::npos || b <= a
               ? std::string()
               : PoUnescape(s.substr(a + 1, b - a - 1));
  };
  while (std::getline(in, line)) {
    if (line.rfind("#,", 0) == 0) {
      flush();
      fuzzy = line.find("fuzzy") != std::string::npos;
    } else if (line.rfind("msgid ", 0) == 0) {
      if (!msgstr.empty() || current == &msgstr) {
        const bool f = fuzzy;
        flush();
        fuzzy = f;
      }
      msgid = quoted(line);
      current = &msgid;
    } else if (line.rfind("msgstr ", 0) == 0) {
      msgstr = quoted(line);
      current = &msgstr;
    } else if (!line.empty() && line[0] == '"' && current != nullptr) {
      *current += quoted(line);
    }
  }
  flush();
  return entries;
}

bool HaveTranslateToolkit() {
  return Exists("/usr/bin/pretranslate") &&
         RunCommand(std::string(kPython) + " -c 'import translate.storage.tmx'")
                 .exit_code == 0;
}

// What a client did with some TMX files: units in them, units it loaded,
// units whose source it translated with the unit's target, and what went
// wrong (empty when nothing did).
struct ClientResult {
  size_t in = 0;
  size_t loaded = 0;
  size_t translated = 0;
  std::vector<std::string> problems;
};

std::string Problems(const ClientResult& result) {
  std::string out;
  for (size_t i = 0; i < result.problems.size() && i < 20; ++i) {
    out += result.problems[i] + "\n";
  }
  return out;
}

// translate-toolkit: its TMX reader must load every unit, and pretranslate
// must give every source sentence its target as an exact (not fuzzy) match.
ClientResult CheckTranslateToolkit(const std::vector<const Tmx*>& files) {
  ClientResult result;
  // The units translate-toolkit's TMX reader loads from each file.
  std::string command = std::string(kPython) +
                        " -c 'import sys\nfrom translate.storage import tmx\n"
                        "for p in sys.argv[1:]:\n"
                        "  s = tmx.tmxfile.parsefile(p)\n"
                        "  print(len([u for u in s.units if u.source and "
                        "u.target]))'";
  for (const Tmx* tmx : files) command += " " + Quote(tmx->path);
  auto r = RunCommand(command);
  if (r.exit_code != 0) {
    result.problems.push_back("translate-toolkit's TMX reader failed: " +
                              r.err);
    return result;
  }
  std::istringstream counts(r.out);
  for (const Tmx* tmx : files) {
    size_t loaded = 0;
    counts >> loaded;
    if (loaded != tmx->units.size()) {
      result.problems.push_back(tmx->path + ": " + std::to_string(loaded) +
                                " of " + std::to_string(tmx->units.size()) +
                                " units loaded");
    }
    result.in += tmx->units.size();
    result.loaded += loaded;

    const std::string dir = MakeTempDir();
    std::string pot =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
        "charset=UTF-8\\n\"\n\n";
    for (const auto& [src, targets] : tmx->targets) {
      pot += "msgid \"" + PoEscape(src) + "\"\nmsgstr \"\"\n\n";
    }
    WriteFile(dir + "/in.pot", pot);
    r = RunCommand("pretranslate --tm=" + Quote(tmx->path) + " -s 100 -t " +
                   Quote(dir + "/in.pot") + " -i " + Quote(dir + "/in.pot") +
                   " -o " + Quote(dir + "/out.po"));
    if (r.exit_code != 0) {
      result.problems.push_back(tmx->path + ": pretranslate failed: " + r.err);
      continue;
    }
    const auto po = ReadPo(ReadFile(dir + "/out.po"));
    for (const Unit& unit : tmx->units) {
      auto it = po.find(unit.src);
      if (it == po.end()) {
        result.problems.push_back(tmx->path + ": no entry for " + unit.src);
        continue;
      }
      if (it->second.fuzzy ||
          tmx->targets.at(unit.src).count(it->second.msgstr) == 0) {
        result.problems.push_back(
            tmx->path + ": " + unit.src + " -> '" + it->second.msgstr + "'" +
            (it->second.fuzzy ? " (fuzzy)" : "") + ", want '" + unit.tgt + "'");
        continue;
      }
      ++result.translated;
    }
  }
  return result;
}

// Paragraphs of an OmegaT plain-text file: segments separated by blank
// lines.
std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// OmegaT 3.6, headless: one project for the language pair, the files in
// tm/auto/ and their source sentences as documents (one paragraph each).
// Every file must be read to its end without a warning, every segment must
// get the target of its unit, and project_stats.txt must show nothing
// remaining. A same-language pair (two English reports of one story) is
// only read: OmegaT finds no target variant apart from the source there.
ClientResult CheckOmegaT(const std::string& src_lang,
                         const std::string& tgt_lang,
                         const std::vector<const Tmx*>& files) {
  ClientResult result;
  const std::string project = MakeTempDir();
  for (const char* sub : {"/source", "/target", "/tm", "/tm/auto", "/omegat",
                          "/glossary", "/dictionary", "/config"}) {
    RunCommand("mkdir -p " + Quote(project + sub));
  }
  WriteFile(project + "/omegat.project",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<omegat>\n"
            "  <project version=\"1.0\">\n"
            "    <source_dir>__DEFAULT__</source_dir>\n"
            "    <target_dir>__DEFAULT__</target_dir>\n"
            "    <tm_dir>__DEFAULT__</tm_dir>\n"
            "    <glossary_dir>__DEFAULT__</glossary_dir>\n"
            "    <glossary_file>__DEFAULT__</glossary_file>\n"
            "    <dictionary_dir>__DEFAULT__</dictionary_dir>\n"
            "    <source_lang>" +
                src_lang + "</source_lang>\n    <target_lang>" + tgt_lang +
                "</target_lang>\n"
                "    <sentence_seg>false</sentence_seg>\n"
                "    <support_default_translations>true"
                "</support_default_translations>\n"
                "    <remove_tags>false</remove_tags>\n"
                "  </project>\n</omegat>\n");
  std::map<std::string, std::set<std::string>> targets;  // of all files
  for (size_t i = 0; i < files.size(); ++i) {
    const Tmx& tmx = *files[i];
    RunCommand("cp " + Quote(tmx.path) + " " +
               Quote(project + "/tm/auto/" + std::to_string(i) + ".tmx"));
    std::string doc;
    for (const auto& [src, tgts] : tmx.targets) {
      doc += src + "\n\n";
      targets[src].insert(tgts.begin(), tgts.end());
    }
    WriteFile(project + "/source/" + std::to_string(i) + ".txt", doc);
  }
  auto r = RunCommand(
      "java -Djava.awt.headless=true -jar " + std::string(kOmegaT) + " " +
      Quote(project) +
      " --mode=console-translate --no-team --disable-project-locking "
      "--config-dir=" +
      Quote(project + "/config"));
  const std::string log = r.out + r.err;
  if (r.exit_code != 0) {
    result.problems.push_back("OmegaT failed:\n" + log);
    return result;
  }
  size_t read_complete = 0;
  for (size_t pos = 0;
       (pos = log.find("TMXR_INFO_READING_COMPLETE", pos)) != std::string::npos;
       ++pos) {
    ++read_complete;
  }
  if (read_complete != files.size()) {
    result.problems.push_back("OmegaT read " + std::to_string(read_complete) +
                              " of " + std::to_string(files.size()) +
                              " TMX files to the end");
  }
  for (const char* bad : {"TMXR_WARNING", "TMXR_ERROR", "Exception"}) {
    const size_t at = log.find(bad);
    if (at != std::string::npos) {
      result.problems.push_back("OmegaT log: " + log.substr(at, 300));
    }
  }
  for (const Tmx* tmx : files) result.in += tmx->units.size();
  if (src_lang == tgt_lang) return result;

  const std::string stats = ReadFile(project + "/omegat/project_stats.txt");
  const size_t remaining = stats.find("Remaining:");
  size_t remaining_segments = 99999;
  if (remaining != std::string::npos) {
    std::istringstream fields(stats.substr(remaining + 10));
    fields >> remaining_segments;
  }
  if (remaining_segments != 0) {
    result.problems.push_back(src_lang + "-" + tgt_lang +
                              ": segments remain untranslated:\n" + stats);
  }
  for (size_t i = 0; i < files.size(); ++i) {
    const Tmx& tmx = *files[i];
    const auto sources =
        Paragraphs(ReadFile(project + "/source/" + std::to_string(i) + ".txt"));
    const auto translated =
        Paragraphs(ReadFile(project + "/target/" + std::to_string(i) + ".txt"));
    if (sources.size() != translated.size()) {
      result.problems.push_back(tmx.path + ": the translated document has " +
                                std::to_string(translated.size()) +
                                " paragraphs, not " +
                                std::to_string(sources.size()));
      continue;
    }
    std::map<std::string, std::string> got;
    for (size_t k = 0; k < sources.size(); ++k) got[sources[k]] = translated[k];
    for (const Unit& unit : tmx.units) {
      if (targets.at(unit.src).count(got[unit.src]) == 0) {
        result.problems.push_back(tmx.path + ": " + unit.src + " -> '" +
                                  got[unit.src] + "', want '" + unit.tgt + "'");
        continue;
      }
      ++result.translated;
    }
  }
  result.loaded = result.translated;
  return result;
}

bool HaveOmegaT() {
  return Exists(kOmegaT) && RunCommand("java -version").exit_code == 0;
}

#define CROSSALIGN_REQUIRE_TRANSLATE_TOOLKIT()                               \
  do {                                                                       \
    if (!HaveTranslateToolkit())                                             \
      GTEST_SKIP() << "translate-toolkit is not installed (apt-get install " \
                      "translate-toolkit, or bash scripts/setup.sh): "       \
                      "skipping this translate-toolkit end-to-end test";     \
  } while (0)

#define CROSSALIGN_REQUIRE_OMEGAT()                                          \
  do {                                                                       \
    if (!HaveOmegaT())                                                       \
      GTEST_SKIP() << "OmegaT is not installed (apt-get install omegat, or " \
                      "bash scripts/setup.sh): skipping this OmegaT "        \
                      "end-to-end test";                                     \
  } while (0)

TEST(ClientE2eTest, TranslateToolkitLoadsEveryUnit) {
  CROSSALIGN_REQUIRE_TRANSLATE_TOOLKIT();
  std::vector<const Tmx*> files;
  for (const Tmx& tmx : CorporaTmx()) files.push_back(&tmx);
  ASSERT_FALSE(files.empty());
  const ClientResult result = CheckTranslateToolkit(files);
  std::cout << "[translate-toolkit] " << files.size() << " files, units in "
            << result.in << ", loaded " << result.loaded
            << ", pretranslated exactly " << result.translated << "\n";
  EXPECT_TRUE(result.problems.empty()) << Problems(result);
  EXPECT_EQ(result.loaded, result.in);
  EXPECT_EQ(result.translated, result.in);
}

TEST(ClientE2eTest, OmegaTLoadsEveryUnit) {
  CROSSALIGN_REQUIRE_OMEGAT();
  std::map<std::pair<std::string, std::string>, std::vector<const Tmx*>> groups;
  for (const Tmx& tmx : CorporaTmx()) {
    if (tmx.units.empty()) continue;  // nothing to load
    groups[{tmx.src_lang, tmx.tgt_lang}].push_back(&tmx);
  }
  size_t in = 0, translated = 0, read_only = 0;
  for (const auto& [langs, files] : groups) {
    const ClientResult result = CheckOmegaT(langs.first, langs.second, files);
    EXPECT_TRUE(result.problems.empty()) << Problems(result);
    if (langs.first == langs.second) {
      read_only += result.in;
      continue;
    }
    in += result.in;
    translated += result.translated;
  }
  std::cout << "[OmegaT] " << groups.size() << " projects, units in " << in
            << ", translated from the memory " << translated << " (+ "
            << read_only << " same-language units, read only)\n";
  EXPECT_EQ(translated, in);
}

// The checks can fail: a TMX with the target variant first, or with a wrong
// xml:lang on the source, does not pass them. (OmegaT finds the source by
// xml:lang and, with two variants, takes the other one as the target
// whatever its xml:lang says.)
Tmx Damaged(const Tmx& good, const std::string& name, bool swap_order,
            const std::string& relabel_source) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_file(good.path.c_str()));
  for (pugi::xml_node tu : doc.child("tmx").child("body").children("tu")) {
    pugi::xml_node first = tu.child("tuv");
    pugi::xml_node second = first.next_sibling("tuv");
    if (!relabel_source.empty()) {
      first.attribute("xml:lang").set_value(relabel_source.c_str());
    }
    if (swap_order) tu.insert_move_before(second, first);
  }
  const std::string path = MakeTempDir() + "/" + name;
  EXPECT_TRUE(doc.save_file(path.c_str()));
  Tmx damaged = good;
  damaged.path = path;
  return damaged;
}

const Tmx& TranslationTmx() {
  for (const Tmx& tmx : CorporaTmx()) {
    if (tmx.src_lang == "en" && tmx.tgt_lang == "uk" && tmx.units.size() > 20) {
      return tmx;
    }
  }
  ADD_FAILURE() << "no en-uk TMX among the corpora outputs";
  return CorporaTmx().front();
}

TEST(ClientE2eTest, TranslateToolkitCheckCatchesReversedVariants) {
  CROSSALIGN_REQUIRE_TRANSLATE_TOOLKIT();
  const Tmx reversed = Damaged(TranslationTmx(), "reversed.tmx", true, "");
  const ClientResult result = CheckTranslateToolkit({&reversed});
  EXPECT_EQ(result.loaded, result.in);  // it loads them, backwards
  EXPECT_LT(result.translated, result.in / 2);
  EXPECT_FALSE(result.problems.empty());
}

TEST(ClientE2eTest, OmegaTCheckCatchesWrongLanguages) {
  CROSSALIGN_REQUIRE_OMEGAT();
  const Tmx relabelled =
      Damaged(TranslationTmx(), "wrong-lang.tmx", false, "de");
  const ClientResult result = CheckOmegaT("en", "uk", {&relabelled});
  // Only units whose target equals the source ("14.03.2025, 13:45") pass.
  EXPECT_LT(result.translated, result.in / 4);
  EXPECT_FALSE(result.problems.empty());
}

}  // namespace
}  // namespace crossalign
