// Fuzz target for the two readers of untrusted binary-ish input that the
// other targets do not reach:
//  - first byte even: the rest is a fastText model. What the structural check
//    (fasttext_model_check) accepts is loaded by libfasttext and asked for a
//    prediction: an edited header that slips through aborts there
//    (Vector::addRow) or reads out of bounds, which ASan reports.
//  - first byte odd: the rest is two TMX files separated by a NUL byte, read
//    and merged into one memory (units and header props of both, as
//    `align merge` does), written, read back and written again: the merge
//    output must be a TMX the reader accepts, written stably.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crossalign/language_identifier.h"
#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"
#include "langid/fasttext_model_check.h"

namespace {

void FuzzModel(std::string_view bytes) {
  if (!crossalign::internal::CheckFastTextModel(bytes, "fuzz.bin").ok()) return;
  // Accepted: libfasttext must load it and answer without crashing.
  char path[] = "/tmp/model_fuzz_XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return;
  const bool written = ::write(fd, bytes.data(), bytes.size()) ==
                       static_cast<ssize_t>(bytes.size());
  ::close(fd);
  if (written) {
    // Without the Hunspell dictionaries: loading them for every accepted
    // model grew the process past libFuzzer's 2 GB RSS limit after 345k
    // runs (no single input needs much); they are not what is fuzzed here.
    crossalign::LanguageIdentifierOptions options;
    options.dictionary_dir = "/nonexistent";
    auto lid = crossalign::LanguageIdentifier::Load(path, options);
    if (lid.ok()) {
      (*lid)->Identify("the bridge reopened on friday");
      (*lid)->Predict("міст знову відкрили", 3);
    }
  }
  ::unlink(path);
}

void FuzzMerge(std::string_view bytes) {
  const size_t nul = bytes.find('\0');
  const std::string_view first = bytes.substr(0, nul);
  const std::string_view second = nul == std::string_view::npos
                                      ? std::string_view()
                                      : bytes.substr(nul + 1);
  const crossalign::TmxReader reader;
  auto a = reader.Parse("a.tmx", first);
  auto b = reader.Parse("b.tmx", second);
  if (!a.ok() && !b.ok()) return;
  crossalign::TmxMemory merged;
  merged.version = "1.4";
  for (auto* memory : {&a, &b}) {
    if (!memory->ok()) continue;
    if (merged.header.srclang.empty()) {
      merged.header.srclang = (*memory)->header.srclang;
    }
    for (const auto& prop : (*memory)->header.props) {
      merged.header.props.push_back(prop);
    }
    for (const auto& unit : (*memory)->units) merged.units.push_back(unit);
  }
  crossalign::TmxWriterOptions options;
  options.creation_time =
      std::chrono::system_clock::time_point(std::chrono::seconds(0));
  const crossalign::TmxWriter writer(options);
  auto once = writer.RenderMemory(merged);
  if (!once.ok()) return;
  auto again = reader.Parse("merged.tmx", *once);
  if (!again.ok()) __builtin_trap();
  auto twice = writer.RenderMemory(*again);
  if (!twice.ok() || *twice != *once) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  if (data[0] % 2 == 0) {
    FuzzModel(rest);
  } else {
    FuzzMerge(rest);
  }
  return 0;
}
