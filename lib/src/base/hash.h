// Stable hashing for ids and fingerprints written into outputs (TMX tuids,
// the review page's fingerprints). Internal.
#ifndef CROSSALIGN_SRC_BASE_HASH_H_
#define CROSSALIGN_SRC_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace crossalign::internal {

// The FNV-1a offset basis for 64 bits (the published FNV parameters).
inline constexpr uint64_t kFnv1aBasis = 14695981039346656037ull;

// FNV-1a, 64 bit, of `data`, continuing from `hash` (chain calls to hash
// several pieces): stable across runs, platforms and library versions.
uint64_t Fnv1a(std::string_view data, uint64_t hash = kFnv1aBasis);

// `value` as 16 lower-case hex digits.
std::string Hex64(uint64_t value);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_HASH_H_
