// Fuzz target: arbitrary bytes through decoding, segmentation and the
// language identifier, as an article file would go.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "crossalign/document.h"
#include "crossalign/language_identifier.h"
#include "crossalign/sentence_segmenter.h"

namespace {

const crossalign::SentenceSegmenter& Segmenter() {
  static auto* seg = crossalign::SentenceSegmenter::Create()->release();
  return *seg;
}

const crossalign::LanguageIdentifier* Lid() {
  static const crossalign::LanguageIdentifier* lid = [] {
    auto path = crossalign::FindLidModel("");
    if (!path.ok())
      return static_cast<crossalign::LanguageIdentifier*>(nullptr);
    auto loaded = crossalign::LanguageIdentifier::Load(*path);
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return lid;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = crossalign::DecodeDocument("fuzz.txt", bytes);
  if (!doc.ok()) return 0;
  if (const auto* lid = Lid()) lid->IdentifyDocument(&*doc);
  if (!Segmenter().Segment(&*doc, doc->lang()).ok()) return 0;
  // Every segment must be a real, in-bounds span of the text.
  for (const auto& seg : doc->segments()) {
    if (seg.span.end > doc->text().size() || seg.span.begin > seg.span.end) {
      __builtin_trap();
    }
  }
  return 0;
}
