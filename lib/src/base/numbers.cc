#include "base/numbers.h"

#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace crossalign::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Writes a value the canonical way: "11000", "1.2", "0.05".
std::string Canonical(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string s = buffer;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Byte length of a group separator at `pos` inside a number: ',', '.', '\'',
// a space, NBSP, narrow NBSP or thin space. 0 when there is none.
size_t SeparatorAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  const char c = t[pos];
  if (c == ',' || c == '.' || c == '\'' || c == ' ') return 1;
  if (t.compare(pos, 2, "\xC2\xA0") == 0) return 2;      // NBSP
  if (t.compare(pos, 3, "\xE2\x80\xAF") == 0) return 3;  // narrow NBSP
  if (t.compare(pos, 3, "\xE2\x80\x89") == 0) return 3;  // thin space
  return 0;
}

struct Magnitude {
  const char* word;
  double factor;
};
// Words after a number that scale it. Prefix matches ("тисяч" covers
// "тисячі", "тисячами").
constexpr Magnitude kMagnitudes[] = {
    {"thousand", 1e3},     {"million", 1e6},  {"billion", 1e9},
    {"тисяч", 1e3},        {"тис.", 1e3},     {"тыс", 1e3},
    {"мільйон", 1e6},      {"млн", 1e6},      {"миллион", 1e6},
    {"мільярд", 1e9},      {"млрд", 1e9},     {"миллиард", 1e9},
    {"Tausend", 1e3},      {"Million", 1e6},  {"Milliarde", 1e9},
    {"Mio.", 1e6},         {"Mrd.", 1e9},     {"mille", 1e3},
    {"millions", 1e6},     {"milliard", 1e9}, {"\xEC\xB2\x9C", 1e3},  // 천
    {"\xEB\xA7\x8C", 1e4},                                            // 만
    {"\xEC\x96\xB5", 1e8},                                            // 억
    {"\xE5\x8D\x83", 1e3},                                            // 千
    {"\xE4\xB8\x87", 1e4},                                            // 万
    {"\xE4\xBA\xBF", 1e8},                                            // 亿
};

// The magnitude word starting at `pos` (after optional spaces), with its
// byte length in *len, or 0.
double MagnitudeAt(std::string_view t, size_t pos, size_t* len) {
  size_t p = pos;
  while (p < t.size() && t[p] == ' ') ++p;
  for (const Magnitude& m : kMagnitudes) {
    const std::string_view w(m.word);
    if (t.compare(p, w.size(), w) == 0) {
      *len = p - pos + w.size();
      return m.factor;
    }
  }
  return 0;
}

}  // namespace

std::vector<std::string> ExtractNumbers(std::string_view t) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < t.size()) {
    if (!IsDigit(t[i]) || (i > 0 && IsDigit(t[i - 1]))) {
      ++i;
      continue;
    }
    // Read digit groups and the separators between them.
    std::vector<std::string> groups;
    std::vector<std::string_view> seps;
    size_t p = i;
    while (true) {
      size_t q = p;
      while (q < t.size() && IsDigit(t[q])) ++q;
      groups.emplace_back(t.substr(p, q - p));
      p = q;
      const size_t sep = SeparatorAt(t, p);
      if (sep == 0 || p + sep >= t.size() || !IsDigit(t[p + sep])) break;
      // A space only separates groups of exactly three digits.
      size_t r = p + sep;
      while (r < t.size() && IsDigit(t[r])) ++r;
      if (t[p] != ',' && t[p] != '.' && r - (p + sep) != 3) break;
      seps.push_back(t.substr(p, sep));
      p += sep;
    }
    // A middle group that is not three digits long means this is no single
    // number but a date or a list ("14.03.2025"): each group stands alone.
    bool separate = false;
    for (size_t g = 1; g + 1 < groups.size(); ++g) {
      if (groups[g].size() != 3) separate = true;
    }
    if (separate) {
      for (const std::string& group : groups) {
        out.push_back(group.size() > 15 ? group : Canonical(std::stod(group)));
      }
      i = p;
      continue;
    }
    // Interpret: the last separator is decimal when it is ',' or '.' and is
    // not followed by exactly three digits, or when it differs from earlier
    // group separators ("1,234.5").
    std::string integer = groups[0];
    std::string fraction;
    bool ambiguous = false;
    for (size_t g = 1; g < groups.size(); ++g) {
      const std::string_view sep = seps[g - 1];
      const bool last = g + 1 == groups.size();
      const bool decimal_char = sep == "," || sep == ".";
      const bool three = groups[g].size() == 3;
      const bool differs = g > 1 && sep != seps[0];
      if (last && decimal_char && (!three || differs)) {
        fraction = groups[g];
      } else {
        if (last && decimal_char && g == 1 && three) ambiguous = true;
        integer += groups[g];
      }
    }
    // Beyond 15 digits a double loses precision: keep the digits verbatim.
    if (integer.size() > 15 || fraction.size() > 15) {
      out.push_back(integer + (fraction.empty() ? "" : "." + fraction));
      i = p;
      continue;
    }
    const double value =
        std::stod(integer + (fraction.empty() ? "" : "." + fraction));
    out.push_back(Canonical(value));
    if (ambiguous) {
      out.push_back(Canonical(std::stod(groups[0] + "." + groups[1])));
    }
    size_t mag_len = 0;
    const double factor = MagnitudeAt(t, p, &mag_len);
    if (factor > 0) {
      double scaled = value * factor;
      p += mag_len;
      // Korean and Chinese compose: 1만 1천 = 11000.
      if (factor >= 1e4) {
        size_t q = p;
        while (q < t.size() && t[q] == ' ') ++q;
        size_t r = q;
        while (r < t.size() && IsDigit(t[r])) ++r;
        size_t len2 = 0;
        const double f2 = r > q ? MagnitudeAt(t, r, &len2) : 0;
        if (f2 > 0 && f2 < factor && r - q <= 15) {
          scaled += std::stod(std::string(t.substr(q, r - q))) * f2;
          p = r + len2;
        }
      }
      out.push_back(Canonical(scaled));
    }
    i = p;
  }
  return out;
}

}  // namespace crossalign::internal
