// One output file of many aligned pairs, written one pair at a time, so that
// a run never holds more than the pairs in flight. Internal.
//
// Each pair's part (TMX units, TSV or JSON lines, Moses lines) is rendered
// when the pair is added and appended to an anonymous spool file; Finish()
// writes the file through a temporary file renamed into place (header,
// spooled parts, end), so the bytes are exactly those Render() gives for all
// the pairs in the order they were added. XLIFF numbers its units across
// the file and is rendered at Finish() from the pairs kept until then.
#ifndef CROSSALIGN_SRC_WRITE_PAIR_STREAM_H_
#define CROSSALIGN_SRC_WRITE_PAIR_STREAM_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/status.h"
#include "crossalign/tmx_memory.h"
#include "crossalign/writers.h"

namespace crossalign::internal {

class PairStream {
 public:
  // A stream for `output` (for moses the base name, see MosesFileNames) in
  // `format` (not beads). The TMX creation time is fixed here when
  // options.tmx does not give it, so every unit carries the same one.
  PairStream(OutputFormat format, std::string output, WriterOptions options);
  ~PairStream();
  PairStream(const PairStream&) = delete;
  PairStream& operator=(const PairStream&) = delete;

  // Renders the pair's part and spools it. Errors: the spool cannot be
  // written (kResourceExhausted), the pair cannot be rendered.
  Status Add(const AlignedPair& pair);
  // Writes the file (or the two moses files). Once.
  Status Finish();

  size_t pairs() const { return pairs_; }
  // The file(s) Finish() writes.
  std::vector<std::string> paths() const;

 private:
  Status Spool(std::FILE** file, const std::string& text);

  OutputFormat format_;
  std::string output_;
  WriterOptions options_;
  size_t pairs_ = 0;
  std::FILE* body_ = nullptr;        // TMX units, TSV/JSONL lines, moses source
  std::FILE* target_ = nullptr;      // moses target lines
  std::string src_lang_, tgt_lang_;  // of the first pair
  // TMX: the header of the first pair's memory, and the props of all.
  bool have_header_ = false;
  TmxHeader header_;
  std::string methods_;
  std::vector<std::string> encodings_, mode_decisions_;
  std::vector<AlignedPair> kept_;  // XLIFF
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_WRITE_PAIR_STREAM_H_
