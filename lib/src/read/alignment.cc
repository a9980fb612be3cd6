#include "crossalign/alignment.h"

namespace crossalign {

const char* AlignModeName(AlignMode mode) {
  switch (mode) {
    case AlignMode::kComparable:
      return "comparable";
    case AlignMode::kAuto:
      return "auto";
    case AlignMode::kTranslation:
      break;
  }
  return "translation";
}

const char* AlignmentDecision(const Alignment& alignment) {
  return alignment.unrelated ? "unrelated" : AlignModeName(alignment.mode);
}

std::string Bead::Type() const {
  return std::to_string(src.size()) + "-" + std::to_string(tgt.size());
}

}  // namespace crossalign
