// End-to-end tests against the TMX consumers translators use, as Debian
// ships them: translate-toolkit 3.8.4 (pretranslate, and its TMX reader) and
// OmegaT 3.6 (headless console-translate). Every TMX the align CLI writes
// for corpora/ (each pair of every pairs.tsv, and each story in
// many-article mode) must load in both with no unit lost. scripts/setup.sh
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
        std::string src, tgt;
        std::getline(fields, src, '\t');
        std::getline(fields, tgt, '\t');
        const std::string path =
            out + "/" + story + "-pair" + std::to_string(++n) + ".tmx";
        r = RunCommand(Quote(AlignBinary()) + " " + Quote(dir + "/" + src) +
                       " " + Quote(dir + "/" + tgt) + " --date 2025-03-14 -o " +
                       Quote(path));
        EXPECT_EQ(r.exit_code, 0) << line << ": " << r.err;
        files->push_back(LoadTmx(path));
      }
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

// translate-toolkit reads each file with all its units, and pretranslate
// gives every source sentence its target as an exact (not fuzzy) match.
TEST(ClientE2eTest, TranslateToolkitLoadsEveryUnit) {
  if (!HaveTranslateToolkit()) {
    GTEST_SKIP() << "translate-toolkit is not installed (apt-get install "
                    "translate-toolkit, or bash scripts/setup.sh): skipping "
                    "the translate-toolkit end-to-end test";
  }
  const auto& files = CorporaTmx();
  ASSERT_FALSE(files.empty());
  // The units translate-toolkit's TMX reader loads from each file.
  std::string command = std::string(kPython) +
                        " -c 'import sys\nfrom translate.storage import tmx\n"
                        "for p in sys.argv[1:]:\n"
                        "  s = tmx.tmxfile.parsefile(p)\n"
                        "  print(len([u for u in s.units if u.source and "
                        "u.target]))'";
  for (const Tmx& tmx : files) command += " " + Quote(tmx.path);
  auto r = RunCommand(command);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream counts(r.out);
  size_t in_total = 0, loaded_total = 0, translated_total = 0;
  for (const Tmx& tmx : files) {
    size_t loaded = 0;
    counts >> loaded;
    EXPECT_EQ(loaded, tmx.units.size()) << tmx.path;
    in_total += tmx.units.size();
    loaded_total += loaded;

    const std::string dir = MakeTempDir();
    std::string pot =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
        "charset=UTF-8\\n\"\n\n";
    for (const auto& [src, targets] : tmx.targets) {
      pot += "msgid \"" + PoEscape(src) + "\"\nmsgstr \"\"\n\n";
    }
    WriteFile(dir + "/in.pot", pot);
    r = RunCommand("pretranslate --tm=" + Quote(tmx.path) + " -s 100 -t " +
                   Quote(dir + "/in.pot") + " -i " + Quote(dir + "/in.pot") +
                   " -o " + Quote(dir + "/out.po"));
    ASSERT_EQ(r.exit_code, 0) << tmx.path << ": " << r.err;
    const auto po = ReadPo(ReadFile(dir + "/out.po"));
    for (const Unit& unit : tmx.units) {
      auto it = po.find(unit.src);
      ASSERT_NE(it, po.end()) << tmx.path << ": " << unit.src;
      EXPECT_FALSE(it->second.fuzzy) << tmx.path << ": " << unit.src;
      const bool ok = tmx.targets.at(unit.src).count(it->second.msgstr) > 0;
      EXPECT_TRUE(ok) << tmx.path << ": " << unit.src << " -> '"
                      << it->second.msgstr << "', want '" << unit.tgt << "'";
      if (ok && !it->second.fuzzy) ++translated_total;
    }
  }
  std::cout << "[translate-toolkit] " << files.size() << " files, units in "
            << in_total << ", loaded " << loaded_total
            << ", pretranslated exactly " << translated_total << "\n";
  EXPECT_EQ(loaded_total, in_total);
  EXPECT_EQ(translated_total, in_total);
}

bool HaveOmegaT() {
  return Exists(kOmegaT) && RunCommand("java -version").exit_code == 0;
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

// OmegaT, one project per language pair with the TMX files of that pair in
// tm/auto/ and their source sentences as documents: every segment gets the
// target of its unit and project_stats.txt shows nothing remaining.
TEST(ClientE2eTest, OmegaTLoadsEveryUnit) {
  if (!HaveOmegaT()) {
    GTEST_SKIP() << "OmegaT is not installed (apt-get install omegat, or bash "
                    "scripts/setup.sh): skipping the OmegaT end-to-end test";
  }
  std::map<std::pair<std::string, std::string>, std::vector<const Tmx*>> groups;
  for (const Tmx& tmx : CorporaTmx()) {
    if (tmx.units.empty()) continue;  // nothing to load
    groups[{tmx.src_lang, tmx.tgt_lang}].push_back(&tmx);
  }
  size_t in_total = 0, loaded_total = 0, same_language = 0;
  for (const auto& [langs, files] : groups) {
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
                  langs.first + "</source_lang>\n    <target_lang>" +
                  langs.second +
                  "</target_lang>\n"
                  "    <sentence_seg>false</sentence_seg>\n"
                  "    <support_default_translations>true"
                  "</support_default_translations>\n"
                  "    <remove_tags>false</remove_tags>\n"
                  "  </project>\n</omegat>\n");
    // One document per TMX: its source sentences, one paragraph each.
    std::map<std::string, std::set<std::string>> targets;  // of the group
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
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const std::string log = r.out + r.err;
    // Each file read to its end, with no complaint about it.
    size_t read_complete = 0;
    for (size_t pos = 0; (pos = log.find("TMXR_INFO_READING_COMPLETE", pos)) !=
                         std::string::npos;
         ++pos) {
      ++read_complete;
    }
    EXPECT_EQ(read_complete, files.size()) << log;
    EXPECT_EQ(log.find("TMXR_WARNING"), std::string::npos) << log;
    EXPECT_EQ(log.find("TMXR_ERROR"), std::string::npos) << log;
    EXPECT_EQ(log.find("Exception"), std::string::npos) << log;

    if (langs.first == langs.second) {
      // OmegaT cannot use a same-language memory (two reports of one story
      // in English) as translations: it finds no target variant apart from
      // the source. Reading it without complaint is all it does.
      ++same_language;
      continue;
    }
    const std::string stats = ReadFile(project + "/omegat/project_stats.txt");
    const size_t remaining = stats.find("Remaining:");
    ASSERT_NE(remaining, std::string::npos) << stats;
    std::istringstream fields(stats.substr(remaining + 10));
    size_t remaining_segments = 99999;
    fields >> remaining_segments;
    EXPECT_EQ(remaining_segments, 0u)
        << langs.first << "-" << langs.second << ":\n"
        << stats;
    for (size_t i = 0; i < files.size(); ++i) {
      const Tmx& tmx = *files[i];
      const auto sources = Paragraphs(
          ReadFile(project + "/source/" + std::to_string(i) + ".txt"));
      const auto translated = Paragraphs(
          ReadFile(project + "/target/" + std::to_string(i) + ".txt"));
      ASSERT_EQ(sources.size(), translated.size()) << tmx.path;
      std::map<std::string, std::string> got;
      for (size_t k = 0; k < sources.size(); ++k) {
        got[sources[k]] = translated[k];
      }
      in_total += tmx.units.size();
      for (const Unit& unit : tmx.units) {
        const bool ok = targets.at(unit.src).count(got[unit.src]) > 0;
        EXPECT_TRUE(ok) << tmx.path << ": " << unit.src << " -> '"
                        << got[unit.src] << "', want '" << unit.tgt << "'";
        if (ok) ++loaded_total;
      }
    }
  }
  std::cout << "[OmegaT] " << groups.size() << " projects (" << same_language
            << " same-language, read only), units in " << in_total
            << ", translated from the memory " << loaded_total << "\n";
  EXPECT_EQ(loaded_total, in_total);
}

}  // namespace
}  // namespace crossalign
