#include "crossalign/dictionary.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include "base/file_io.h"
#include "base/unicode_text.h"
#include "base/utf8.h"

namespace crossalign {
namespace {

constexpr uint64_t kMaxDictionaryBytes = uint64_t{1} << 30;

// Simple case folding (code point by code point), white space collapsed.
std::string Fold(std::string_view text) {
  return internal::CollapseWhitespace(internal::FoldCase(text));
}

// dictd's base64 numbers (offsets and lengths in the .index file).
bool DecodeBase64Number(std::string_view text, uint64_t* value) {
  static const std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint64_t v = 0;
  if (text.empty() || text.size() > 10) return false;
  for (char c : text) {
    const size_t d = kAlphabet.find(c);
    if (d == std::string_view::npos) return false;
    v = v * 64 + d;
  }
  *value = v;
  return true;
}

StatusOr<std::string> ReadMaybeGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": cannot open");
  std::string data;
  char buffer[1 << 16];
  while (true) {
    const int n = gzread(f, buffer, sizeof buffer);
    if (n < 0) {
      gzclose(f);
      return DataLossError(path + ": corrupt compressed data");
    }
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
    if (data.size() > kMaxDictionaryBytes) {
      gzclose(f);
      return ResourceExhaustedError(path + ": larger than 1 GiB");
    }
  }
  gzclose(f);
  return data;
}

// Removes "(...)", "<...>", "[...]" and "{...}" notes (FreeDict's
// genders such as "{f}", transcriptions), and Mueller-style labels: words
// starting with '_' ("_adv.", "_мор.").
std::string StripNotes(std::string_view text) {
  std::string out;
  int depth = 0;
  bool label = false;
  for (char c : text) {
    if (c == '(' || c == '<' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == '>' || c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      if (c == '_' && (out.empty() || out.back() == ' ')) label = true;
      if (c == ' ' || c == '\t') label = false;
      if (!label) out.push_back(c);
    }
  }
  return out;
}

// Whether `text` holds a letter: "042" or "0" is not a dictionary word
// (FreeDict eng-deu's number entries gave "042 @ 0"; issue 27 item 14).
bool HasLetter(std::string_view text) {
  bool letter = false;
  internal::ForEachCodePoint(text, [&](int32_t c) {
    if (c >= 0 && u_isalpha(c)) letter = true;
  });
  return letter;
}

// Splits "a, b; c" into its parts.
std::vector<std::string> SplitAlternatives(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ';') {
      out.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  out.push_back(current);
  return out;
}

// Whether `alt` uses the headword itself ("to go aloft умереть" under
// "aloft"): an example of usage, not a translation.
bool IsUsageExample(std::string_view alt, std::string_view folded_headword) {
  const std::string text = " " + Fold(alt) + " ";
  return text.find(" " + std::string(folded_headword) + " ") !=
         std::string::npos;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool ParseDictionaryFormat(std::string_view name, DictionaryFormat* format) {
  if (name == "auto") {
    *format = DictionaryFormat::kAuto;
  } else if (name == "crossalign") {
    *format = DictionaryFormat::kSourceTarget;
  } else if (name == "hunalign") {
    *format = DictionaryFormat::kHunalign;
  } else {
    return false;
  }
  return true;
}

DictionaryFormat ResolveDictionaryFormat(DictionaryFormat format,
                                         std::string_view name,
                                         std::string_view text) {
  if (format != DictionaryFormat::kAuto) return format;
  std::string_view first = text.substr(0, text.find('\n'));
  while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) {
    first.remove_suffix(1);
  }
  if (first == "# format: hunalign") return DictionaryFormat::kHunalign;
  if (first == "# format: crossalign") return DictionaryFormat::kSourceTarget;
  return EndsWith(name, ".dic") ? DictionaryFormat::kHunalign
                                : DictionaryFormat::kSourceTarget;
}

namespace {

// Whether a folded word can be a source: one the file format can write and
// read back.
bool CanBeSource(const std::string& s) {
  if (s.empty()) return false;
  // The file format splits a line at the first " @ ": a source that would
  // put one earlier (holding " @ ", or ending in " @", after white space is
  // collapsed) could not be written back.
  if ((s + " @ ").find(" @ ") != s.size()) return false;
  // A line that starts with '#' is a comment: a source starting with one
  // (a target, in hunalign's order) could not be read back (found by
  // dictionary_fuzzer).
  return s[0] != '#';
}

}  // namespace

void Dictionary::Add(std::string_view source, std::string_view target) {
  std::string s = Fold(source), t = Fold(target);
  if (t.empty() || !CanBeSource(s)) return;
  auto& targets = entries_[s];
  if (std::find(targets.begin(), targets.end(), t) != targets.end()) return;
  targets.push_back(std::move(t));
  ++pairs_;
}

const std::vector<std::string>* Dictionary::Find(
    std::string_view source) const {
  auto it = entries_.find(source);
  return it == entries_.end() ? nullptr : &it->second;
}

StatusOr<Dictionary> Dictionary::Parse(const std::string& name,
                                       std::string_view text,
                                       DictionaryFormat format) {
  const bool hunalign = ResolveDictionaryFormat(format, name, text) ==
                        DictionaryFormat::kHunalign;
  const std::string expected =
      hunalign ? "'target @ source' (hunalign's order)" : "'source @ target'";
  if (internal::FindInvalidUtf8(text) != std::string_view::npos ||
      text.find('\0') != std::string_view::npos) {
    return DataLossError("dictionary " + name +
                         " is not UTF-8 text; expected lines of " + expected);
  }
  Dictionary dict;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    const Span trimmed = internal::TrimSpan(line, Span{0, line.size()});
    line = line.substr(trimmed.begin, trimmed.size());
    if (line.empty() || line[0] == '#') continue;
    const size_t at = line.find(" @ ");
    if (at == std::string_view::npos) {
      return DataLossError("dictionary " + name + ", line " +
                           std::to_string(line_no) + ": expected " + expected);
    }
    if (hunalign) {
      dict.Add(line.substr(at + 3), line.substr(0, at));
    } else {
      dict.Add(line.substr(0, at), line.substr(at + 3));
    }
  }
  return dict;
}

StatusOr<Dictionary> Dictionary::Load(const std::string& path,
                                      DictionaryFormat format) {
  auto data = internal::ReadWholeFile(path, kMaxDictionaryBytes);
  if (!data.ok()) {
    return Status(data.status().code(),
                  "cannot read dictionary: " + data.status().message());
  }
  return Parse(path, *data, format);
}

StatusOr<Dictionary> Dictionary::ImportFreeDict(const std::string& index_path) {
  CROSSALIGN_ASSIGN_OR_RETURN(
      const std::string index,
      internal::ReadWholeFile(index_path, kMaxDictionaryBytes));
  const std::string suffix = ".index";
  if (index_path.size() <= suffix.size() ||
      index_path.compare(index_path.size() - suffix.size(), suffix.size(),
                         suffix) != 0) {
    return InvalidArgumentError(index_path + ": expected a dictd .index file");
  }
  const std::string base =
      index_path.substr(0, index_path.size() - suffix.size());
  StatusOr<std::string> body = ReadMaybeGzip(base + ".dict.dz");
  if (!body.ok()) body = ReadMaybeGzip(base + ".dict");
  if (!body.ok()) {
    return NotFoundError(index_path + ": no " + base +
                         ".dict.dz or .dict beside it");
  }
  Dictionary dict;
  size_t pos = 0, line_no = 0;
  const std::string_view idx(index);
  // In a dictd file each entry is a few lines and the entries cover the body
  // about once (a few headwords share one). Index entries that all point at
  // the whole body made 117 KB of input take 70 s and write 215 MB, so the
  // bytes read through the index are bounded by a multiple of the body, each
  // entry by kMaxEntryBytes, and each headword's translations by
  // kMaxTranslations.
  constexpr uint64_t kMaxEntryBytes = 64 << 10;
  constexpr size_t kMaxTranslations = 256;
  const uint64_t max_total = 8 * uint64_t{body->size()} + (1 << 20);
  uint64_t total = 0;
  while (pos < idx.size()) {
    size_t eol = idx.find('\n', pos);
    if (eol == std::string_view::npos) eol = idx.size();
    const std::string_view line = idx.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    const size_t t1 = line.find('\t');
    const size_t t2 =
        t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    uint64_t offset = 0, length = 0;
    if (t2 == std::string_view::npos ||
        !DecodeBase64Number(line.substr(t1 + 1, t2 - t1 - 1), &offset) ||
        !DecodeBase64Number(line.substr(t2 + 1), &length) ||
        offset + length > body->size()) {
      return DataLossError(
          index_path + ", line " + std::to_string(line_no) +
          ": not a dictd index entry (headword, offset, length)");
    }
    const std::string_view headword = line.substr(0, t1);
    if (headword.substr(0, 11) == "00database" || headword.empty()) continue;
    if (length > kMaxEntryBytes) {
      return DataLossError(index_path + ", line " + std::to_string(line_no) +
                           ": an entry of " + std::to_string(length) +
                           " bytes; dictd entries are a few lines (at most " +
                           std::to_string(kMaxEntryBytes) +
                           " bytes read): not a dictionary index");
    }
    total += length;
    if (total > max_total) {
      return DataLossError(
          index_path + ", line " + std::to_string(line_no) +
          ": the index entries read the " + std::to_string(body->size()) +
          "-byte body more than 8 times over; not a dictionary index");
    }
    const std::string source = StripNotes(headword);
    const std::string folded = Fold(source);
    // Entry: a headword line, then translation lines, each either the first
    // line or numbered "2. ...", each followed by a gloss in the source
    // language, which is skipped.
    const std::string_view entry =
        std::string_view(*body).substr(offset, length);
    size_t p = entry.find('\n');
    int line_in_entry = 0;
    while (p != std::string_view::npos && p + 1 < entry.size()) {
      size_t e = entry.find('\n', p + 1);
      if (e == std::string_view::npos) e = entry.size();
      std::string_view text = entry.substr(p + 1, e - p - 1);
      p = e;
      ++line_in_entry;
      // Senses are numbered "2. " (FreeDict) or "2) " (Mueller), after
      // indentation (Mueller).
      size_t indent = 0;
      while (indent < text.size() && text[indent] == ' ') ++indent;
      size_t digits = indent;
      while (digits < text.size() && text[digits] >= '0' &&
             text[digits] <= '9') {
        ++digits;
      }
      const bool numbered =
          digits > indent && (text.compare(digits, 2, ". ") == 0 ||
                              text.compare(digits, 2, ") ") == 0);
      if (!numbered && line_in_entry != 1) continue;
      if (numbered) text.remove_prefix(digits + 2);
      if (!HasLetter(source)) break;
      for (const std::string& alt : SplitAlternatives(StripNotes(text))) {
        const auto* known = dict.Find(folded);
        if (known != nullptr && known->size() >= kMaxTranslations) break;
        if (!HasLetter(alt) || IsUsageExample(alt, folded)) continue;
        dict.Add(source, alt);
      }
    }
  }
  if (dict.empty()) {
    return DataLossError(index_path + ": no translations found");
  }
  return dict;
}

Dictionary Dictionary::Compose(const Dictionary& first,
                               const Dictionary& second) {
  // Both lists hold folded words that passed Add's checks, so the composed
  // pairs are taken as they are (no second fold, no linear search for
  // duplicates: a common pivot such as "to" fans out to thousands of
  // targets, and Add's search made a pivot composition take a second).
  // The order of targets is Add's: first seen, first kept.
  Dictionary out;
  std::vector<std::string> targets;
  std::unordered_set<std::string_view> seen;
  for (const auto& [source, pivots] : first.entries_) {
    targets.clear();
    seen.clear();
    for (const std::string& pivot : pivots) {
      if (const auto* found = second.Find(pivot)) {
        for (const std::string& target : *found) {
          if (seen.insert(target).second) targets.push_back(target);
        }
      }
    }
    if (targets.empty()) continue;
    out.pairs_ += targets.size();
    out.entries_.emplace_hint(out.entries_.end(), source, targets);
  }
  return out;
}

void Dictionary::ForEachPair(
    const std::function<void(const std::string&, const std::string&)>& visit)
    const {
  for (const auto& [source, targets] : entries_) {
    for (const std::string& target : targets) visit(source, target);
  }
}

Dictionary Dictionary::Reversed() const {
  // Every (source, target) pair is unique and folded, so the reversed pairs
  // need neither a second fold nor Add's search for duplicates (which made
  // reversing a large list take a second). A stable sort by the new source
  // keeps Add's order of targets: first seen, first kept.
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  pairs.reserve(pairs_);
  for (const auto& [source, targets] : entries_) {
    for (const std::string& target : targets) {
      if (CanBeSource(target)) pairs.emplace_back(target, source);
    }
  }
  std::stable_sort(
      pairs.begin(), pairs.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  Dictionary out;
  for (size_t i = 0; i < pairs.size();) {
    std::vector<std::string> targets;
    size_t j = i;
    for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) {
      targets.emplace_back(pairs[j].second);
    }
    out.pairs_ += targets.size();
    out.entries_.emplace_hint(out.entries_.end(), std::string(pairs[i].first),
                              std::move(targets));
    i = j;
  }
  return out;
}

std::string Dictionary::Serialize(DictionaryFormat format) const {
  const bool hunalign = format == DictionaryFormat::kHunalign;
  std::vector<std::string> lines;
  lines.reserve(pairs_);
  for (const auto& [source, targets] : entries_) {
    for (const std::string& target : targets) {
      // hunalign splits at the first " @ ": a target holding one cannot
      // come first.
      if (hunalign &&
          (target.find(" @ ") != std::string::npos || target[0] == '#')) {
        continue;
      }
      lines.push_back(hunalign ? target + " @ " + source
                               : source + " @ " + target);
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) {
    out += line;
    out.push_back('\n');
  }
  return out;
}

Status Dictionary::Save(const std::string& path,
                        DictionaryFormat format) const {
  if (format == DictionaryFormat::kAuto) {
    format = EndsWith(path, ".dic") ? DictionaryFormat::kHunalign
                                    : DictionaryFormat::kSourceTarget;
  }
  return internal::WriteFileAtomically(path, Serialize(format));
}

}  // namespace crossalign
