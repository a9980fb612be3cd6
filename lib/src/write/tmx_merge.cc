#include "crossalign/tmx_merge.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "crossalign/tmx_reader.h"

namespace crossalign {
namespace {

// ASCII white space runs as one space, trimmed. Not internal::
// CollapseWhitespace, which also collapses Unicode spaces (NBSP...): the
// duplicate key of align merge has always kept those, and changing it would
// merge units that differ today.
std::string Collapse(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// What makes two units duplicates: their languages and texts, in any order.
std::string DuplicateKey(const TmxUnit& unit) {
  std::vector<std::pair<std::string, std::string>> sides;
  for (const TmxVariant& v : unit.variants) {
    sides.emplace_back(Lower(v.lang), Collapse(v.text));
  }
  std::sort(sides.begin(), sides.end());
  std::string key;
  for (const auto& side : sides) {
    key += side.first;
    key.push_back('\0');
    key += side.second;
    key.push_back('\0');
  }
  return key;
}

// Variants that will be written: with a language and some text.
size_t UsableVariants(const TmxUnit& unit) {
  size_t n = 0;
  for (const TmxVariant& v : unit.variants) {
    if (!v.lang.empty() && (!Collapse(v.text).empty() || !v.seg_xml.empty())) {
      ++n;
    }
  }
  return n;
}

TmxHeader MergedHeader(const std::vector<TmxMemory>& memories,
                       const std::string& src_lang) {
  TmxHeader header;
  if (memories.empty()) return header;
  const TmxHeader& first = memories.front().header;
  header.adminlang = first.adminlang;
  header.srclang = src_lang;
  if (header.srclang.empty() && first.srclang != "*all*") {
    header.srclang = first.srclang;
  }
  for (const TmxMemory& memory : memories) {
    for (const TmxUnit& unit : memory.units) {
      if (!header.srclang.empty()) break;
      if (!unit.variants.empty()) header.srclang = unit.variants.front().lang;
    }
  }
  // The header props of all inputs, each once (a set: a linear search per
  // prop took 17.6 s for 100k props).
  std::set<std::pair<std::string, std::string>> seen_props;
  for (const TmxMemory& memory : memories) {
    for (const TmxProp& prop : memory.header.props) {
      if (seen_props.emplace(prop.type, prop.value).second) {
        header.props.push_back(prop);
      }
    }
  }
  return header;
}

bool Wanted(const TmxUnit& unit, const std::optional<double>& score,
            const TmxMergeOptions& options) {
  if (options.min_score > 0.0 && !(score && *score >= options.min_score)) {
    return false;
  }
  for (const std::string& lang : options.langs) {
    if (std::none_of(
            unit.variants.begin(), unit.variants.end(),
            [&](const TmxVariant& v) { return LangMatches(v.lang, lang); })) {
      return false;
    }
  }
  return true;
}

}  // namespace

TmxMergeResult MergeTmx(std::vector<TmxMemory> memories,
                        const TmxMergeOptions& options) {
  TmxMergeResult result;
  TmxMemory& merged = result.memory;
  merged.version = "1.4";
  merged.header = MergedHeader(memories, options.src_lang);
  std::map<std::string, size_t> index_of;  // duplicate key -> merged unit
  for (TmxMemory& memory : memories) {
    for (TmxUnit& unit : memory.units) {
      ++result.units_read;
      if (UsableVariants(unit) < 2) {
        ++result.half_empty;
        continue;
      }
      const std::optional<double> score = UnitScore(unit);
      if (!Wanted(unit, score, options)) {
        ++result.filtered;
        continue;
      }
      auto source = std::find_if(
          unit.variants.begin(), unit.variants.end(), [&](const TmxVariant& v) {
            return LangMatches(v.lang, merged.header.srclang);
          });
      if (source != unit.variants.end()) {
        std::rotate(unit.variants.begin(), source, source + 1);
      }
      auto [it, inserted] =
          index_of.emplace(DuplicateKey(unit), merged.units.size());
      if (inserted) {
        merged.units.push_back(std::move(unit));
        continue;
      }
      ++result.duplicates;
      TmxUnit& kept = merged.units[it->second];
      const std::optional<double> kept_score = UnitScore(kept);
      if (score && (!kept_score || *score > *kept_score)) {
        kept = std::move(unit);
      }
    }
  }
  return result;
}

StatusOr<TmxMergeResult> MergeTmxFiles(const std::vector<std::string>& paths,
                                       const TmxMergeOptions& options,
                                       const TmxMergeReport& report) {
  std::vector<TmxMemory> memories;
  const TmxReader reader;
  for (const std::string& path : paths) {
    StatusOr<TmxMemory> memory = reader.ReadFile(path);
    if (!memory.ok()) {
      report(TmxMergeMessage::kSkipped,
             memory.status().message() + "; skipped");
      continue;
    }
    for (const std::string& w : memory->warnings) {
      report(TmxMergeMessage::kWarning, w);
    }
    report(TmxMergeMessage::kRead, path + ": " +
                                       std::to_string(memory->units.size()) +
                                       " units (TMX " + memory->version + ")");
    memories.push_back(std::move(*memory));
  }
  if (memories.empty()) {
    return InvalidArgumentError("merge: no usable input: none of the " +
                                std::to_string(paths.size()) +
                                " file(s) could be read");
  }
  TmxMergeResult merged = MergeTmx(std::move(memories), options);
  if (merged.half_empty > 0) {
    report(TmxMergeMessage::kWarning,
           "merge: " + std::to_string(merged.half_empty) +
               " unit(s) with fewer than two non-empty variants left out");
  }
  return merged;
}

Status CheckTmxMergeMemory(const std::vector<std::string>& paths,
                           uint64_t max_memory_bytes) {
  uint64_t total = 0;
  for (const std::string& path : paths) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      total += static_cast<uint64_t>(st.st_size);
    }
  }
  if (total <= max_memory_bytes / kTmxMergeMemoryPerInputByte) return Status();
  return ResourceExhaustedError(
      "merge: the inputs total " + std::to_string(total >> 20) +
      " MB; merging them needs about " +
      std::to_string(total * kTmxMergeMemoryPerInputByte >> 20) +
      " MB of memory, above --max-memory " +
      std::to_string(max_memory_bytes >> 20) +
      " MB; merge them in parts, or raise --max-memory");
}

}  // namespace crossalign
