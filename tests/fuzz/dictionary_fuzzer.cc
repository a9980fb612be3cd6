// Fuzz target: arbitrary bytes as a hunalign-format dictionary; what parses
// must serialise and parse back to the same thing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crossalign/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto dict = crossalign::Dictionary::Parse("fuzz.dict", text);
  if (!dict.ok()) return 0;
  const std::string once = dict->Serialize();
  auto again = crossalign::Dictionary::Parse("again.dict", once);
  if (!again.ok() || again->Serialize() != once) __builtin_trap();
  return 0;
}
