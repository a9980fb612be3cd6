#include "base/hash.h"

#include <cstdio>

namespace crossalign::internal {

// The FNV prime for 64 bits (the published FNV parameters).
constexpr uint64_t kFnv1aPrime = 1099511628211ull;

uint64_t Fnv1a(std::string_view data, uint64_t hash) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= kFnv1aPrime;
  }
  return hash;
}

std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace crossalign::internal
