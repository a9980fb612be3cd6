// Fuzz target: arbitrary bytes as an SRX 2.0 file. What loads is applied to
// a fixed text in two languages; it must neither crash nor report a
// position outside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "segment/srx_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto rules = crossalign::internal::SrxRules::Parse(xml, "fuzz.srx");
  if (!rules.ok()) return 0;
  static const std::string kText =
      "Mr. Smith left at 5 p.m. Він пішов. 彼は帰った。 Fin? Oui!\n"
      "1. List item 2. Another\n";
  for (const char* lang : {"en", "uk", "ja-JP"}) {
    for (const auto& d : (*rules)->Decide(kText, lang)) {
      if (d.offset == 0 || d.offset >= kText.size()) __builtin_trap();
    }
  }
  return 0;
}
