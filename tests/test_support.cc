#include "test_support.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "crossalign/language_identifier.h"

namespace crossalign::testing {
namespace {

std::vector<std::string>& TempDirs() {
  static auto* dirs = new std::vector<std::string>();
  return *dirs;
}

void RemoveTempDirs() {
  for (const std::string& dir : TempDirs()) {
    std::system(("rm -rf " + Quote(dir)).c_str());
  }
}

// Every file below `dir`.
void ListFiles(const std::string& dir, std::vector<std::string>* files) {
  for (const std::string& name : ListDir(dir)) {
    const std::string path = dir + "/" + name;
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      ListFiles(path, files);
    } else if (S_ISREG(st.st_mode)) {
      files->push_back(path);
    }
  }
}

// After all tests of a program: every TMX that crossalign wrote into a
// scratch folder (output files, and TMX captured from stdout) must be valid
// by the TMX 1.4 DTD. Files the tests wrote themselves (broken inputs) are
// not crossalign's and are left alone.
class TmxValidationEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (TmxDtd().empty()) {
      std::printf(
          "../shared is absent: the TMX files this program wrote were not "
          "checked against tmx14.dtd\n");
      return;
    }
    const std::vector<std::string> dirs = TempDirs();
    std::vector<std::string> files, tmx;
    for (const std::string& dir : dirs) ListFiles(dir, &files);
    for (const std::string& path : files) {
      std::ifstream in(path, std::ios::binary);
      char head[4096] = {};
      in.read(head, sizeof head - 1);
      const std::string start(head);
      if (start.rfind("<?xml", 0) == 0 &&
          start.find("<tmx version=") != std::string::npos &&
          start.find("creationtool=\"crossalign\"") != std::string::npos) {
        tmx.push_back(path);
      }
    }
    const std::string dtd = TmxDtd();
    const std::string dtd_dir = dtd.substr(0, dtd.find_last_of('/'));
    for (size_t i = 0; i < tmx.size(); i += 200) {
      std::string command = "xmllint --noout --nonet --path " + Quote(dtd_dir) +
                            " --dtdvalid " + Quote(dtd);
      for (size_t k = i; k < tmx.size() && k < i + 200; ++k) {
        command += " " + Quote(tmx[k]);
      }
      CommandResult r = RunCommand(command);
      EXPECT_EQ(r.exit_code, 0)
          << "a TMX written by crossalign is not valid by tmx14.dtd:\n"
          << r.err;
    }
  }
};

const bool kTmxValidationInstalled = [] {
  ::testing::AddGlobalTestEnvironment(new TmxValidationEnvironment);
  return true;
}();

}  // namespace

std::string SourceDir() { return CROSSALIGN_TEST_SOURCE_DIR; }

std::string SharedDir() {
  const std::string dir = CROSSALIGN_TEST_SHARED_DIR;
  return Exists(dir + "/eval") ? dir : "";
}

std::string TmxDtd() {
  const std::string shared = SharedDir();
  return shared.empty() ? "" : shared + "/eval/tmx/tmx14.dtd";
}

std::string LidModel() {
  StatusOr<std::string> path = FindLidModel("");
  EXPECT_TRUE(path.ok()) << path.status().ToString();
  return path.ok() ? *path : "";
}

std::string AlignBinary() { return CROSSALIGN_TEST_ALIGN_BIN; }

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = [] {
    auto p = Pipeline::Create(PipelineOptions());
    if (!p.ok()) {
      ADD_FAILURE() << p.status();
      std::abort();
    }
    return p->release();
  }();
  return *pipeline;
}

std::string MakeTempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl =
      std::string(base ? base : "/tmp") + "/crossalign-test-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
    return "/tmp";
  }
  if (TempDirs().empty()) std::atexit(RemoveTempDirs);
  TempDirs().emplace_back(buf.data());
  return buf.data();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

CommandResult RunCommand(const std::string& command_line) {
  const std::string dir = MakeTempDir();
  const std::string out_path = dir + "/stdout";
  const std::string err_path = dir + "/stderr";
  const std::string full = "(" + command_line + ") >" + Quote(out_path) +
                           " 2>" + Quote(err_path) + " </dev/null";
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int ValidateTmx(const std::string& path, std::string* log) {
  const std::string dtd = TmxDtd();
  const std::string dtd_dir = dtd.substr(0, dtd.find_last_of('/'));
  CommandResult r =
      RunCommand("xmllint --noout --nonet --path " + Quote(dtd_dir) +
                 " --dtdvalid " + Quote(dtd) + " " + Quote(path));
  *log = r.err;
  return r.exit_code;
}

void ExpectValidTmxFile(const std::string& path) {
  if (TmxDtd().empty()) {
    std::printf("../shared is absent: %s not checked against tmx14.dtd\n",
                path.c_str());
    return;
  }
  std::string log;
  EXPECT_EQ(ValidateTmx(path, &log), 0) << path << ":\n" << log;
}

void ExpectValidTmxText(const std::string& xml) {
  const std::string path = MakeTempDir() + "/check.tmx";
  WriteFile(path, xml);
  ExpectValidTmxFile(path);
}

std::shared_ptr<Document> MakeDoc(const std::string& name,
                                  const std::string& lang,
                                  const std::vector<std::string>& lines,
                                  const std::string& header) {
  std::string text = header;
  std::vector<Span> spans;
  for (const std::string& line : lines) {
    spans.push_back({text.size(), text.size() + line.size()});
    text += line + "\n";
  }
  auto doc = std::make_shared<Document>(Document::FromText(name, text));
  doc->set_lang(lang, 1.0);
  for (size_t i = 0; i < spans.size(); ++i) {
    Segment s;
    s.span = spans[i];
    s.paragraph = static_cast<int>(i);
    s.lang = lang;
    doc->mutable_segments()->push_back(s);
  }
  return doc;
}

Bead MakeBead(std::vector<int> src, std::vector<int> tgt, double score) {
  Bead b;
  b.src = std::move(src);
  b.tgt = std::move(tgt);
  b.score = score;
  return b;
}

TmxWriterOptions FixedDate() {
  TmxWriterOptions options;
  // 2025-03-14T10:30:00Z in seconds since the epoch (date -u -d ... +%s).
  options.creation_time =
      std::chrono::system_clock::time_point(std::chrono::seconds(1741948200));
  return options;
}

}  // namespace crossalign::testing
