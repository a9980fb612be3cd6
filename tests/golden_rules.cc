#include "golden_rules.h"

#include <fstream>

namespace crossalign::testing {
namespace {

// A minimal reader for the flat JSON objects of the file: string, boolean,
// null, number, array-of-strings and object values (objects are skipped).
class JsonReader {
 public:
  explicit JsonReader(const std::string& s) : s_(s) {}

  bool ReadObject(GoldenCase* out) {
    if (!Expect('{')) return false;
    SkipSpace();
    if (Peek() == '}') return Expect('}');
    while (true) {
      std::string key;
      if (!ReadString(&key) || !Expect(':')) return false;
      SkipSpace();
      if (key == "expected") {
        if (!ReadStringArray(&out->expected)) return false;
      } else if (Peek() == '"') {
        std::string value;
        if (!ReadString(&value)) return false;
        if (key == "lang") out->lang = value;
        if (key == "id") out->id = value;
        if (key == "text") out->text = value;
      } else if (Peek() == 't' || Peek() == 'f') {
        const bool value = Peek() == 't';
        pos_ += value ? 4 : 5;
        if (key == "pure_split") out->pure_split = value;
        if (key == "pysbd_benchmark_en48") out->en48 = value;
      } else if (!SkipValue()) {
        return false;
      }
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      return Expect('}');
    }
  }

 private:
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' ||
                                s_[pos_] == '\r' || s_[pos_] == '\n')) {
      ++pos_;
    }
  }
  bool Expect(char c) {
    SkipSpace();
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  static void AppendUtf8(unsigned cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool ReadHex4(unsigned* cp) {
    if (pos_ + 4 > s_.size()) return false;
    *cp = static_cast<unsigned>(std::stoul(s_.substr(pos_, 4), nullptr, 16));
    pos_ += 4;
    return true;
  }
  bool ReadString(std::string* out) {
    if (!Expect('"')) return false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      const char e = s_[pos_++];
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u': {
          unsigned cp = 0;
          if (!ReadHex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(pos_, 2, "\\u") == 0) {
            pos_ += 2;
            unsigned lo = 0;
            if (!ReadHex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          out->push_back(e);
      }
    }
    return false;
  }
  bool ReadStringArray(std::vector<std::string>* out) {
    if (!Expect('[')) return false;
    SkipSpace();
    if (Peek() == ']') return Expect(']');
    while (true) {
      std::string item;
      if (!ReadString(&item)) return false;
      out->push_back(std::move(item));
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      return Expect(']');
    }
  }
  bool SkipValue() {
    SkipSpace();
    const char c = Peek();
    if (c == '"') {
      std::string ignored;
      return ReadString(&ignored);
    }
    if (c == '[' || c == '{') {
      int depth = 0;
      bool in_string = false;
      for (; pos_ < s_.size(); ++pos_) {
        const char d = s_[pos_];
        if (in_string) {
          if (d == '\\')
            ++pos_;
          else if (d == '"')
            in_string = false;
        } else if (d == '"') {
          in_string = true;
        } else if (d == '[' || d == '{') {
          ++depth;
        } else if ((d == ']' || d == '}') && --depth == 0) {
          ++pos_;
          return true;
        }
      }
      return false;
    }
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}') ++pos_;
    return true;
  }

  const std::string& s_;
  size_t pos_ = 0;
};

// Trims and collapses every run of ASCII white space to one space: segments
// are exact substrings of the input, so a sentence wrapped over two lines
// keeps its line break, where the expected list has a space.
std::string Trim(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<GoldenCase> ReadGoldenRules(const std::string& path,
                                        std::string* error) {
  std::vector<GoldenCase> cases;
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return {};
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (Trim(line).empty()) continue;
    GoldenCase c;
    JsonReader reader(line);
    if (!reader.ReadObject(&c)) {
      *error = path + ":" + std::to_string(n) + ": malformed JSON";
      return {};
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

GoldenReport ScoreGoldenRules(
    const std::vector<GoldenCase>& cases,
    const std::function<std::vector<std::string>(const std::string&,
                                                 const std::string&)>& split) {
  GoldenReport report;
  for (const GoldenCase& c : cases) {
    if (!c.pure_split) continue;
    std::vector<std::string> got;
    for (const std::string& s : split(c.text, c.lang)) {
      std::string t = Trim(s);
      if (!t.empty()) got.push_back(std::move(t));
    }
    std::vector<std::string> want;
    for (const std::string& s : c.expected) {
      std::string t = Trim(s);
      if (!t.empty()) want.push_back(std::move(t));
    }
    const bool ok = got == want;
    report.pure_split.total++;
    report.pure_split.passed += ok;
    report.by_lang[c.lang].total++;
    report.by_lang[c.lang].passed += ok;
    if (c.en48) {
      report.en48.total++;
      report.en48.passed += ok;
    }
    if (!ok) report.failures.push_back(c.id);
  }
  return report;
}

}  // namespace crossalign::testing
