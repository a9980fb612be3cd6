#include "merge_command.h"

#include <sys/stat.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "crossalign/tmx_memory.h"
#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"

namespace crossalign::cli {
namespace {

constexpr const char* kUsage =
    R"(Usage: align merge IN.tmx... [-o OUT.tmx] [OPTIONS]

Merges translation memories (TMX 1.4b, 1.4, or 1.1 to 1.3, from any tool)
into one TMX 1.4b file, to OUT.tmx or to stdout. Units are kept in the order
they are read. Exact duplicates (the same languages with the same segment
texts, white space collapsed) become one unit: the one with the best x-score
(the first on ties). In each unit the variant in the source language comes
first. Units with fewer than two non-empty variants are left out.

Options:
  -o, --output FILE  write the merged TMX here (through a temporary file that
                     is renamed into place); stdout when absent
  --min-score X      keep only units whose x-score is at least X (0..1);
                     units without an x-score are left out when X > 0
  --lang LANG        keep only units with a variant in LANG (BCP-47; "en"
                     matches "en-GB"); repeat for several languages, all of
                     which a unit must have
  --src-lang LANG    the source language of the output (default: the first
                     input's srclang, or the first variant's language when
                     that is *all*)
  --date DATE        creationdate of the output header, and of units that
                     have none (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or
                     YYYYMMDDThhmmssZ); units keep their own dates
  --max-memory MB    refuse inputs whose merge would need more memory than
                     this (default 4096; about 30 bytes per byte of TMX,
                     so 4096 MB takes about 136 MB of TMX input)
  --force            replace an existing output file
  -v, --verbose      report what was read, merged and left out
  -h, --help         show this help

Exit codes: 0 ok; 1 some inputs or units were skipped (each with a message),
the output was still written; 2 usage error; 3 no usable input; 4 output not
writable.
)";

// Memory per byte of TMX input, measured on a 38 MB memory (bench note in
// the README's limits section), and the default bound.
constexpr uint64_t kMemoryPerInputByte = 30;
constexpr uint64_t kDefaultMaxMemoryMb = 4096;

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

}  // namespace

int RunMergeCommand(Args* args) {
  std::string output, value, error, src_lang;
  std::vector<std::string> inputs, langs;
  double min_score = 0.0;
  uint64_t max_memory_mb = kDefaultMaxMemoryMb;
  bool verbose = false;
  TmxWriterOptions tmx;
  while (!args->Done()) {
    if (args->Peek() == "-h" || args->Peek() == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (args->Value("-o", "--output", &output, &error)) {
    } else if (args->Value("--src-lang", &src_lang, &error)) {
      CheckLanguageTag("--src-lang", src_lang, &error);
    } else if (args->Value("--lang", &value, &error)) {
      CheckLanguageTag("--lang", value, &error);
      langs.push_back(value);
    } else if (args->Value("--max-memory", &value, &error)) {
      if (error.empty() &&
          !ParseCount(value, 16, uint64_t{1} << 24, &max_memory_mb)) {
        error = "--max-memory needs a whole number of MB (16 or more), not '" +
                value + "'";
      }
    } else if (args->Value("--min-score", &value, &error)) {
      if (error.empty() && !ParseDouble(value, 0.0, 1.0, &min_score)) {
        error =
            "--min-score needs a number between 0 and 1, not '" + value + "'";
      }
    } else if (ParseDateOption(args, &tmx, &error)) {
    } else if (args->Peek() == "--force") {
      args->Next();
      SetOverwrite(true);
    } else if (args->Peek() == "-v" || args->Peek() == "--verbose") {
      args->Next();
      verbose = true;
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      inputs.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError("merge: " + error + " (see align merge --help)");
      return kExitUsage;
    }
  }
  if (inputs.empty()) {
    PrintError("merge: no TMX files given (see align merge --help)");
    return kExitUsage;
  }
  // Refuse before reading anything when the output exists.
  if (!MayWrite(output)) return kExitOutput;
  // The memory bound: the inputs are parsed whole (pugixml has no streaming
  // mode), at about kMemoryPerInputByte bytes of memory per byte of TMX, so
  // their total size is checked against --max-memory before reading.
  uint64_t total = 0;
  for (const std::string& path : inputs) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      total += static_cast<uint64_t>(st.st_size);
    }
  }
  if (total > max_memory_mb * (uint64_t{1} << 20) / kMemoryPerInputByte) {
    PrintError("merge: the inputs total " + std::to_string(total >> 20) +
               " MB; merging them needs about " +
               std::to_string(total * kMemoryPerInputByte >> 20) +
               " MB of memory, above --max-memory " +
               std::to_string(max_memory_mb) +
               " MB; merge them in parts, or raise --max-memory");
    return kExitNoInput;
  }

  int exit_code = kExitOk;
  std::vector<TmxMemory> memories;
  const TmxReader reader;
  for (const std::string& path : inputs) {
    StatusOr<TmxMemory> memory = reader.ReadFile(path);
    if (!memory.ok()) {
      PrintError(memory.status().ToString() + "; skipped");
      exit_code = kExitSomeSkipped;
      continue;
    }
    for (const std::string& warning : memory->warnings) {
      PrintError("warning: " + warning);
      exit_code = kExitSomeSkipped;
    }
    if (verbose) {
      std::cerr << "align: merge: " << path << ": " << memory->units.size()
                << " units (TMX " << memory->version << ")\n";
    }
    memories.push_back(std::move(*memory));
  }
  if (memories.empty()) {
    PrintError("merge: no usable input: none of the " +
               std::to_string(inputs.size()) + " file(s) could be read");
    return kExitNoInput;
  }

  TmxMemory merged;
  merged.version = "1.4";
  const TmxHeader& first = memories.front().header;
  merged.header.adminlang = first.adminlang;
  merged.header.srclang = src_lang;
  if (merged.header.srclang.empty() && first.srclang != "*all*") {
    merged.header.srclang = first.srclang;
  }
  if (merged.header.srclang.empty()) {
    for (const TmxMemory& memory : memories) {
      for (const TmxUnit& unit : memory.units) {
        if (!unit.variants.empty()) {
          merged.header.srclang = unit.variants.front().lang;
          break;
        }
      }
      if (!merged.header.srclang.empty()) break;
    }
  }
  // The header props of all inputs, each once (a set: a linear search per
  // prop took 17.6 s for 100k props).
  std::set<std::pair<std::string, std::string>> seen_props;
  for (const TmxMemory& memory : memories) {
    for (const TmxProp& prop : memory.header.props) {
      if (seen_props.emplace(prop.type, prop.value).second) {
        merged.header.props.push_back(prop);
      }
    }
  }

  size_t read = 0, half_empty = 0, filtered = 0, duplicates = 0;
  std::map<std::string, size_t> index_of;  // duplicate key -> merged unit
  for (TmxMemory& memory : memories) {
    for (TmxUnit& unit : memory.units) {
      ++read;
      if (UsableVariants(unit) < 2) {
        ++half_empty;
        continue;
      }
      const std::optional<double> score = UnitScore(unit);
      bool keep = min_score <= 0.0 || (score && *score >= min_score);
      for (const std::string& lang : langs) {
        keep = keep && std::any_of(unit.variants.begin(), unit.variants.end(),
                                   [&](const TmxVariant& v) {
                                     return LangMatches(v.lang, lang);
                                   });
      }
      if (!keep) {
        ++filtered;
        continue;
      }
      // The source language first: translate-toolkit goes by position.
      auto source = std::find_if(
          unit.variants.begin(), unit.variants.end(), [&](const TmxVariant& v) {
            return LangMatches(v.lang, merged.header.srclang);
          });
      if (source != unit.variants.end()) {
        std::rotate(unit.variants.begin(), source, source + 1);
      }
      const std::string key = DuplicateKey(unit);
      auto [it, inserted] = index_of.emplace(key, merged.units.size());
      if (inserted) {
        merged.units.push_back(std::move(unit));
        continue;
      }
      ++duplicates;
      TmxUnit& kept = merged.units[it->second];
      const std::optional<double> kept_score = UnitScore(kept);
      if (score && (!kept_score || *score > *kept_score)) {
        kept = std::move(unit);
      }
    }
  }
  if (half_empty > 0) {
    PrintError("warning: merge: " + std::to_string(half_empty) +
               " unit(s) with fewer than two non-empty variants left out");
    exit_code = kExitSomeSkipped;
  }
  if (verbose) {
    std::cerr << "align: merge: " << read << " units read, " << duplicates
              << " duplicates removed, " << filtered << " filtered out, "
              << merged.units.size() << " written\n";
  }
  auto xml = TmxWriter(tmx).RenderMemory(merged);
  if (!xml.ok()) {
    PrintError(xml.status().ToString());
    return kExitOutput;
  }
  const int rc = WriteOutput(output, *xml);
  return rc == kExitOk ? exit_code : rc;
}

}  // namespace crossalign::cli
