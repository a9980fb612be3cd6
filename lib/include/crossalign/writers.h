// Output formats other than TMX. Writers only format an alignment; they
// never decide anything.
//
// The text of a unit side is what the TMX carries: the bead's segments
// joined by a space, characters XML cannot carry dropped, invalid UTF-8 as
// U+FFFD, white space collapsed and trimmed. Like the TMX, the tsv, moses
// and xliff formats hold only beads with text on both sides that score at
// least options.min_score; jsonl holds every bead (1-0 and 0-1 too).
#ifndef CROSSALIGN_WRITERS_H_
#define CROSSALIGN_WRITERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/status.h"

namespace crossalign {

// One bead per line: `src_ids<TAB>tgt_ids<TAB>score`, each side a
// comma-separated list of 0-based segment indices, empty for 1-0 and 0-1
// beads; the score has four decimals. This is the bead format that
// shared/eval/align/score.py reads. With --presegmented input the indices
// are line numbers.
std::string RenderBeads(const Alignment& alignment);

struct OutputOptions {
  // Pair beads scoring below this are left out.
  double min_score = 0.0;
  // XLIFF: units scoring below this (their score rounded to four decimals,
  // as written) get state="needs-review-translation", the others
  // state="translated".
  double review_below = 0.5;
};

// Tab-separated values, UTF-8, a header line then one unit per line:
//   source<TAB>target<TAB>score<TAB>bead<TAB>document
// score has four decimals, bead is "1-1", "2-1", ...; document is
// "SRC_FILE -> TGT_FILE" (the names as given). In every field a backslash is
// written "\\", a tab "\t", a line feed "\n" and a carriage return "\r", so
// a line is always one unit.
std::string RenderTsv(const std::vector<AlignedPair>& pairs,
                      const OutputOptions& options = {});

// Moses-style parallel text: line i of `source` translates line i of
// `target`; one unit per line (no line breaks can occur in unit text).
struct ParallelText {
  std::string source;
  std::string target;
};
ParallelText RenderMoses(const std::vector<AlignedPair>& pairs,
                         const OutputOptions& options = {});

// The two file names RenderMoses output goes to for `output`: OUT.SRCLANG
// and OUT.TGTLANG (Moses' corpus.en / corpus.de convention), or
// OUT.src.LANG and OUT.tgt.LANG when both languages are the same.
std::vector<std::string> MosesFileNames(const std::string& output,
                                        const std::string& src_lang,
                                        const std::string& tgt_lang);

// `text` as a JSON string literal, quotes included: " \\ and control
// characters escaped, invalid UTF-8 replaced by U+FFFD. Shared by every JSON
// output of the library and the CLI.
std::string JsonString(std::string_view text);

// JSON lines, one object per bead, with everything known about it:
//   {"src_document": NAME, "tgt_document": NAME, "mode": "translation",
//    "bead": "2-1", "score": 0.8123,
//    "src": {"lang", "outlet", "date", "url", "title", "text",
//            "segments": [{"index", "begin", "end", "paragraph", "kind",
//                          "lang", "html_start", "html_end"}]},
//    "tgt": {...}}
// begin and end are byte offsets into the decoded UTF-8 text of the article
// (header line included), end exclusive; paragraph is the 0-based paragraph
// index; kind is sentence, heading or boilerplate; a segment's lang is its
// own detected language ("" when not identified). For an article read from
// an HTML page, begin and end refer to the extracted text and html_start and
// html_end give the segment's byte range in the page file; url and title
// are there when known (HTML pages). Text input has none of the four.
std::string RenderJsonl(const std::vector<AlignedPair>& pairs,
                        const OutputOptions& options = {});

// XLIFF 1.2 for review: one <file> per pair (original = the source file,
// source-language and target-language set, datatype="plaintext"), one
// <trans-unit> per unit with <source>, <target state="..."> (see
// OutputOptions::review_below) and a <note> giving score, bead, mode and
// the target document.
StatusOr<std::string> RenderXliff(const std::vector<AlignedPair>& pairs,
                                  const OutputOptions& options = {});

}  // namespace crossalign

#endif  // CROSSALIGN_WRITERS_H_
