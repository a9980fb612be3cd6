// Output of aligned pairs in every format: one OutputFormat, one Render()
// and one Write() that the pair, many-article and batch modes all use.
// Writers only format an alignment; they never decide anything.
//
// The text of a unit side is what the TMX carries: the bead's segments
// joined by a space, characters XML cannot carry dropped, invalid UTF-8 as
// U+FFFD, white space collapsed and trimmed. Pair beads (segments on both
// sides) scoring below WriterOptions::min_score are left out of every format
// (this is the one place --min-score is applied); tmx, tsv, moses and xliff
// hold only beads with text on both sides, jsonl and beads the 1-0 and 0-1
// beads too.
//
//   crossalign::WriterOptions options;
//   options.min_score = 0.5;
//   crossalign::Status written = crossalign::Write(
//       crossalign::OutputFormat::kTsv, "out.tsv", {*pair}, options);
#ifndef CROSSALIGN_WRITERS_H_
#define CROSSALIGN_WRITERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "crossalign/alignment.h"
#include "crossalign/document.h"
#include "crossalign/status.h"
#include "crossalign/tmx_writer.h"

namespace crossalign {

enum class OutputFormat {
  // TMX 1.4b (tmx_writer.h).
  kTmx,
  // Tab-separated values, UTF-8, a header line then one unit per line:
  //   source<TAB>target<TAB>score<TAB>bead<TAB>document
  // score has four decimals, bead is "1-1", "2-1", ...; document is
  // "SRC_FILE -> TGT_FILE" (the names as given). In every field a backslash
  // is written "\\", a tab "\t", a line feed "\n" and a carriage return
  // "\r", so a line is always one unit.
  kTsv,
  // Moses-style parallel text, two files (see MosesFileNames): line i of the
  // source file translates line i of the target file.
  kMoses,
  // JSON lines, one object per bead, with everything known about it:
  //   {"src_document": NAME, "tgt_document": NAME, "mode": "translation",
  //    "bead": "2-1", "score": 0.8123,
  //    "src": {"lang", "outlet", "date", "url", "title", "text",
  //            "segments": [{"index", "begin", "end", "paragraph", "kind",
  //                          "lang", "html_start", "html_end"}]},
  //    "tgt": {...}}
  // begin and end are byte offsets into the decoded UTF-8 text of the
  // article (header line included), end exclusive; paragraph is the 0-based
  // paragraph index; kind is sentence, heading or boilerplate; a segment's
  // lang is its own detected language ("" when not identified). For an
  // article read from an HTML page, begin and end refer to the extracted
  // text and html_start and html_end give the segment's byte range in the
  // page file; url and title are there when known (HTML pages).
  kJsonl,
  // XLIFF 1.2 for review: one <file> per pair (original = the source file,
  // source-language and target-language set, datatype="plaintext"), one
  // <trans-unit> per unit with <source>, <target state="..."> (see
  // WriterOptions::review_below) and a <note> giving score, bead, mode and
  // the target document.
  kXliff,
  // One pair only. One bead per line: `src_ids<TAB>tgt_ids<TAB>score`, each
  // side a comma-separated list of 0-based segment indices, empty for 1-0
  // and 0-1 beads; the score has four decimals. This is the bead format that
  // shared/eval/align/score.py reads. With --presegmented input the indices
  // are line numbers.
  kBeads,
};

// "tmx", "tsv", "moses", "jsonl", "xliff" or "beads"; kInvalidArgument
// naming them otherwise.
StatusOr<OutputFormat> ParseOutputFormat(std::string_view name);
// The name ParseOutputFormat() reads: "tmx", "tsv", ...
const char* OutputFormatName(OutputFormat format);

// The file name extension of a format where one file is written per
// language pair: ".tmx", ".tsv", ".jsonl", ".xlf", ".beads", or "" for moses
// (MosesFileNames adds the languages).
std::string OutputFormatExtension(OutputFormat format);

struct WriterOptions {
  // Pair beads scoring below this are left out of every format.
  double min_score = 0.0;
  // XLIFF: units scoring below this (their score rounded to four decimals,
  // as written) get state="needs-review-translation", the others
  // state="translated".
  double review_below = 0.5;
  // TMX: creation time, adminlang.
  TmxWriterOptions tmx;
  // Write(): whether existing files are replaced. Without it an existing
  // file is an error (kFailedPrecondition), decided by the rename itself.
  bool replace = true;
};

// One output file: where it goes and what it holds.
struct OutputFile {
  std::string path;
  std::string content;
};

// The files `format` makes of `pairs`: one, named `output` (which may be
// empty for a caller that prints it), or for moses two, named by
// MosesFileNames(output, first pair's languages) (`output` must be given).
// kInvalidArgument for moses without `output` and for beads with other than
// one pair.
StatusOr<std::vector<OutputFile>> Render(OutputFormat format,
                                         const std::string& output,
                                         const std::vector<AlignedPair>& pairs,
                                         const WriterOptions& options = {});

// Render() written to disk: all files or none, each through a temporary file
// renamed into place (output_file.h).
Status Write(OutputFormat format, const std::string& output,
             const std::vector<AlignedPair>& pairs,
             const WriterOptions& options = {});

// The two file names moses output goes to for `output`: OUT.SRCLANG and
// OUT.TGTLANG (Moses' corpus.en / corpus.de convention), or OUT.src.LANG and
// OUT.tgt.LANG when both languages are the same.
std::vector<std::string> MosesFileNames(const std::string& output,
                                        const std::string& src_lang,
                                        const std::string& tgt_lang);

// `pairs` without the pair beads scoring below `min_score`, as Render()
// writes them (for a caller that builds other output from the same units,
// such as a review page).
std::vector<AlignedPair> KeepScoring(const std::vector<AlignedPair>& pairs,
                                     double min_score);

// The units written for `pairs`: pair beads scoring at least `min_score`.
size_t CountUnits(const std::vector<AlignedPair>& pairs, double min_score);

// `align split`: one line per segment (line breaks inside it become spaces).
std::string RenderSegmentLines(const Document& doc);

// `align split --format jsonl`: one JSON object per segment, {"text",
// "start", "end" (byte offsets into the decoded text), "paragraph", "kind",
// "lang" (the segment's, else the document's)}, plus "html_start" and
// "html_end" (bytes in the page) for an HTML page.
std::string RenderSegmentsJsonl(const Document& doc);

}  // namespace crossalign

#endif  // CROSSALIGN_WRITERS_H_
