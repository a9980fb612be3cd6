// Fuzz target: two random texts (split at the first NUL byte) aligned as a
// translation and as comparable articles. Every bead must refer to real
// segments, in order, each at most once, with a score in [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crossalign/comparable_aligner.h"
#include "crossalign/document.h"
#include "crossalign/sentence_segmenter.h"
#include "crossalign/translation_aligner.h"

namespace {

void Check(const crossalign::Alignment& a, const crossalign::Document& s,
           const crossalign::Document& t) {
  std::vector<int> seen_s(s.segments().size()), seen_t(t.segments().size());
  for (const auto& b : a.beads) {
    if (!(b.score >= 0.0 && b.score <= 1.0)) __builtin_trap();
    for (int i : b.src) {
      if (i < 0 || i >= static_cast<int>(seen_s.size()) || seen_s[i]++)
        __builtin_trap();
    }
    for (int j : b.tgt) {
      if (j < 0 || j >= static_cast<int>(seen_t.size()) || seen_t[j]++)
        __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto* segmenter = crossalign::SentenceSegmenter::Create()->release();
  static auto* translation = new crossalign::TranslationAligner();
  static auto* comparable = new crossalign::ComparableAligner();
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t cut = all.find('\0');
  const std::string_view a = all.substr(0, cut);
  const std::string_view b =
      cut == std::string_view::npos ? "" : all.substr(cut + 1);
  auto src = crossalign::DecodeDocument("a.txt", a);
  auto tgt = crossalign::DecodeDocument("b.txt", b);
  if (!src.ok() || !tgt.ok()) return 0;
  src->set_lang("en", 1.0);
  tgt->set_lang("de", 1.0);
  if (!segmenter->Segment(&*src).ok() || !segmenter->Segment(&*tgt).ok())
    return 0;
  auto t = translation->Align(*src, *tgt);
  if (!t.ok()) __builtin_trap();
  Check(*t, *src, *tgt);
  // Translation beads cover every alignable segment (all but boilerplate,
  // which is left out by default) exactly once, in order.
  size_t covered = 0;
  for (const auto& bead : t->beads) covered += bead.src.size();
  size_t alignable = 0;
  for (const auto& seg : src->segments()) {
    alignable += seg.kind != crossalign::SegmentKind::kBoilerplate;
  }
  if (covered != alignable) __builtin_trap();
  auto c = comparable->Align(*src, *tgt);
  if (!c.ok()) __builtin_trap();
  Check(*c, *src, *tgt);
  return 0;
}
