// Output formats other than TMX. Writers only format an alignment; they
// never decide anything.
#ifndef CROSSALIGN_WRITERS_H_
#define CROSSALIGN_WRITERS_H_

#include <string>

#include "crossalign/alignment.h"

namespace crossalign {

// One bead per line: `src_ids<TAB>tgt_ids<TAB>score`, each side a
// comma-separated list of 0-based segment indices, empty for 1-0 and 0-1
// beads; the score has four decimals. This is the bead format that
// shared/eval/align/score.py reads. With --presegmented input the indices
// are line numbers.
std::string RenderBeads(const Alignment& alignment);

}  // namespace crossalign

#endif  // CROSSALIGN_WRITERS_H_
