// ArticleCleaner: finds the parts of a news article that are not its text.
// Internal; SentenceSegmenter runs it on every line before splitting
// sentences.
//
// It recognises, per line:
//  - a date stamp and a dateline glued to the first sentence
//    (" date 2025-01-14 Seoul, Jan 14 (IANS) The ..."), which are split off;
//  - a photo caption glued to a headline ("... POWs Photo: one of ..."),
//    split off at the language's caption marker;
//  - bylines ("Author: ...", "By Daniel Moroz"), short lines that start with
//    one of the language's byline markers (a marker ending in a letter must
//    be followed by a capitalised name, and the line must not end like a
//    sentence: "By Friday, the bridge will open." is a sentence);
//  - whole lines that match one of the language's boilerplate expressions:
//    language menus, dates, counters, "Related:" links, donation appeals,
//    copyright lines.
// Everything it reports is an exact span of the input; nothing is rewritten.
#ifndef CROSSALIGN_SRC_SEGMENT_ARTICLE_CLEANER_H_
#define CROSSALIGN_SRC_SEGMENT_ARTICLE_CLEANER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "crossalign/document.h"
#include "crossalign/status.h"
#include "segment/segmentation_rules.h"

namespace crossalign::internal {

// A piece of a line: boilerplate, or text to split into sentences.
struct CleanPiece {
  Span span;
  bool boilerplate = false;
};

class ArticleCleaner {
 public:
  // Compiles the rules' expressions; a bad expression is an error naming it.
  static StatusOr<std::unique_ptr<ArticleCleaner>> Create(
      const SegmentationRules& rules);
  ~ArticleCleaner();

  // Splits the trimmed line text[line] into pieces in order; together they
  // cover the line apart from white space between them.
  std::vector<CleanPiece> Clean(std::string_view text, Span line) const;

 private:
  struct Impl;
  explicit ArticleCleaner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_SEGMENT_ARTICLE_CLEANER_H_
