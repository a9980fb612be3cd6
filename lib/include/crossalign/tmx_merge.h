// Merging translation memories: several TmxMemory objects (read by
// TmxReader from any tool's TMX) become one, as `align merge` and
// `align batch --collect` write it.
//
//   std::vector<crossalign::TmxMemory> inputs = ...;  // TmxReader().ReadFile
//   crossalign::TmxMergeOptions options;
//   options.langs = {"en", "uk"};
//   crossalign::TmxMergeResult merged =
//       crossalign::MergeTmx(std::move(inputs), options);
//   crossalign::TmxWriter().WriteMemoryFile("all.tmx", merged.memory);
//
// What the merge does, in this order for each unit of each input (units keep
// the order they are read in):
//  - a unit with fewer than two usable variants (a language and some text)
//    is left out (counted in half_empty);
//  - a unit failing options.min_score (its x-score prop; units without one
//    fail any min_score above 0) or lacking a variant in one of
//    options.langs is left out (counted in filtered);
//  - the variant in the source language is moved first (translate-toolkit
//    goes by position);
//  - exact duplicates (the same languages, ignoring ASCII case, with the same
//    texts, white space collapsed, in any variant order) become one unit:
//    the one with the best x-score, the first on ties.
// The header: version 1.4, the first input's adminlang, srclang =
// options.src_lang, else the first input's srclang unless it is *all*, else
// the language of the first variant of the first unit; the header props of
// every input, each (type, value) once, in the order met.
#ifndef CROSSALIGN_TMX_MERGE_H_
#define CROSSALIGN_TMX_MERGE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "crossalign/status.h"
#include "crossalign/tmx_memory.h"
#include "crossalign/tmx_writer.h"

namespace crossalign {

struct TmxMergeOptions {
  // Keep only units whose x-score is at least this (0..1); 0 keeps all.
  double min_score = 0.0;
  // Keep only units with a variant in each of these languages (BCP-47; "en"
  // matches "en-GB", see LangMatches).
  std::vector<std::string> langs;
  // The source language of the output; see above when empty.
  std::string src_lang;
};

struct TmxMergeResult {
  TmxMemory memory;
  size_t units_read = 0;  // units in all inputs
  size_t half_empty = 0;  // left out: fewer than two usable variants
  size_t filtered = 0;    // left out by min_score or langs
  size_t duplicates = 0;  // merged into an earlier unit
};

// Merges `memories` (consumed) as described above.
TmxMergeResult MergeTmx(std::vector<TmxMemory> memories,
                        const TmxMergeOptions& options);

// What MergeTmxFiles() reports, as it happens.
enum class TmxMergeMessage {
  kSkipped,  // "ERROR; skipped": a file that cannot be read
  // A reader's warning about a file, or "merge: N unit(s) with fewer than
  // two non-empty variants left out".
  kWarning,
  kRead,  // "PATH: N units (TMX VERSION)": a file read
};
using TmxMergeReport =
    std::function<void(TmxMergeMessage, const std::string& message)>;

// Reads the TMX files `paths` with TmxReader and merges them with MergeTmx,
// reporting through `report`. kInvalidArgument "merge: no usable input:
// none of the N file(s) could be read" when none can be.
StatusOr<TmxMergeResult> MergeTmxFiles(const std::vector<std::string>& paths,
                                       const TmxMergeOptions& options,
                                       const TmxMergeReport& report);

// Memory a merge needs per byte of TMX input (the inputs are parsed whole),
// measured on a 38 MB memory (see the README's limits section).
inline constexpr uint64_t kTmxMergeMemoryPerInputByte = 30;

// Checks, before reading anything, that merging the files `paths` needs at
// most `max_memory_bytes` (kTmxMergeMemoryPerInputByte per byte of their
// total size; files that cannot be stat()ed count 0). Otherwise
// kResourceExhausted, saying the sizes and what to do.
Status CheckTmxMergeMemory(const std::vector<std::string>& paths,
                           uint64_t max_memory_bytes);

}  // namespace crossalign

#endif  // CROSSALIGN_TMX_MERGE_H_
