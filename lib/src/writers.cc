#include "crossalign/writers.h"

#include <cstdio>

namespace crossalign {
namespace {

void AppendIds(const std::vector<int>& ids, std::string* out) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(std::to_string(ids[i]));
  }
}

}  // namespace

std::string RenderBeads(const Alignment& alignment) {
  std::string out;
  char score[32];
  for (const Bead& bead : alignment.beads) {
    AppendIds(bead.src, &out);
    out.push_back('\t');
    AppendIds(bead.tgt, &out);
    std::snprintf(score, sizeof score, "\t%.4f\n", bead.score);
    out.append(score);
  }
  return out;
}

}  // namespace crossalign
