#include "jobs/option_values.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string_view>

namespace crossalign {
namespace {

// Whether `text` has the shape of `pattern`, where 'D' is an ASCII digit and
// every other character stands for itself.
bool HasShape(const std::string& text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (pattern[i] == 'D' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

}  // namespace

bool ParseDate(const std::string& text,
               std::chrono::system_clock::time_point* out) {
  static const char* const kShapes[] = {"DDDDDDDDTDDDDDDZ",
                                        "DDDD-DD-DDTDD:DD:DDZ", "DDDD-DD-DD"};
  // Where year, month, day, hour, minute and second start in each shape.
  static const int kAt[][6] = {
      {0, 4, 6, 9, 11, 13}, {0, 5, 8, 11, 14, 17}, {0, 5, 8, -1, -1, -1}};
  for (int shape = 0; shape < 3; ++shape) {
    if (!HasShape(text, kShapes[shape])) continue;
    int v[6] = {};
    for (int k = 0; k < 6; ++k) {
      if (kAt[shape][k] >= 0) {
        v[k] = std::stoi(text.substr(kAt[shape][k], k == 0 ? 4 : 2));
      }
    }
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
    // Checked field by field: timegm would turn 2025-02-31 into March 3.
    if (v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
        v[2] > (v[1] == 2 && leap ? 29 : kDays[v[1] - 1]) || v[3] > 23 ||
        v[4] > 59 || v[5] > 59) {
      return false;
    }
    std::tm tm{};
    tm.tm_year = v[0] - 1900, tm.tm_mon = v[1] - 1, tm.tm_mday = v[2];
    tm.tm_hour = v[3], tm.tm_min = v[4], tm.tm_sec = v[5];
    *out = std::chrono::system_clock::from_time_t(timegm(&tm));
    return true;
  }
  return false;
}

bool ParseCount(const std::string& text, uint64_t lo, uint64_t hi,
                uint64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  uint64_t v = 0;
  for (const char ch : text) {
    if (ch < '0' || ch > '9') return false;
    v = v * 10 + static_cast<uint64_t>(ch - '0');
  }
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool ParseDouble(const std::string& text, double lo, double hi, double* out) {
  // Plain decimal only: strtod also takes hex ("0x1"), "inf", "nan" and
  // leading blanks, and turns an underflow ("1e-400") into 0.
  size_t at = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const auto digits = [&text, &at] {
    const size_t from = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at - from;
  };
  size_t mantissa = digits();
  if (at < text.size() && text[at] == '.') ++at, mantissa += digits();
  if (mantissa == 0) return false;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
    if (digits() == 0) return false;
  }
  if (at != text.size()) return false;
  errno = 0;
  const double v = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE || !(v >= lo && v <= hi)) return false;
  *out = v;
  return true;
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::string AbsolutePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[PATH_MAX];
  if (::getcwd(cwd, sizeof cwd) == nullptr) return path;
  return std::string(cwd) + (path.empty() ? "" : "/" + path);
}

std::string SelfPath() {
  char self[PATH_MAX];
  const ssize_t len = ::readlink("/proc/self/exe", self, sizeof self - 1);
  return len > 0 ? std::string(self, static_cast<size_t>(len))
                 : std::string("align");
}

bool IsManyArticleRun(const std::vector<std::string>& inputs,
                      const std::string& output, bool collection_option) {
  bool many =
      inputs.size() != 2 || collection_option ||
      (!output.empty() && (output.back() == '/' || IsDirectory(output)));
  for (const std::string& in : inputs) {
    many = many || (!in.empty() && in[0] == '@') || IsDirectory(in);
  }
  return many;
}

std::string RecordedBatchManifest(const std::string& dir) {
  std::ifstream in(dir + "/.manifest");
  std::string recorded;
  std::getline(in, recorded);
  return recorded;
}

}  // namespace crossalign
