// Fuzz target: arbitrary bytes as a TMX file. What the reader accepts must
// write as a TMX the reader accepts again, and writing that once more must
// give the same bytes (write, read, write is stable).
#include <cstddef>
#include <cstdint>
#include <string>

#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const crossalign::TmxReader reader;
  auto memory = reader.Parse("fuzz.tmx", bytes);
  if (!memory.ok()) return 0;
  crossalign::TmxWriterOptions options;
  options.creation_time =
      std::chrono::system_clock::time_point(std::chrono::seconds(0));
  const crossalign::TmxWriter writer(options);
  auto once = writer.RenderMemory(*memory);
  if (!once.ok()) return 0;
  auto again = reader.Parse("once.tmx", *once);
  if (!again.ok()) __builtin_trap();
  auto twice = writer.RenderMemory(*again);
  if (!twice.ok() || *twice != *once) __builtin_trap();
  return 0;
}
