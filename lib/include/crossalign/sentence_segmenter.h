// SentenceSegmenter: splits an article into paragraphs and sentences, and
// tells its text from its boilerplate.
//
// Boundaries come from our per-language rules layered on ICU's Unicode data
// (sentence terminators, letter case, punctuation classes): abbreviations,
// titles, initials, ordinals and dates, list markers, numbers, quotes and
// brackets, ellipses and per-language terminators (Armenian ":", Greek ";",
// CJK "。！？", Devanagari "।", Arabic "؟"). The rules live in one text file
// per language (installed under share/crossalign/rules/segment; the format is
// described there) and `rules_dir` adds a user's own. An SRX 2.0 file (the
// rule format of OmegaT and Okapi) can be layered on top: where one of its
// rules matches, it decides.
//
// Structure is kept: a blank line always ends a paragraph, each segment
// records its paragraph index and byte offsets, and segments are exact,
// trimmed substrings of the input; the text is never rewritten.
//
// Line breaks: in news-style text (one paragraph per line) a single line
// break ends a sentence; in hard-wrapped text it is a space. kAuto tells the
// two apart from how the lines end.
//
// Article clean-up: language menus, bylines, date stamps and datelines,
// photo captions, "Related:" links, donation appeals, counters and copyright
// lines become SegmentKind::kBoilerplate (split off where they are glued to
// a sentence); short unpunctuated lines become kHeading.
//
// A SentenceSegmenter is immutable after Create() and safe to share between
// threads.
#ifndef CROSSALIGN_SENTENCE_SEGMENTER_H_
#define CROSSALIGN_SENTENCE_SEGMENTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/document.h"
#include "crossalign/status.h"

namespace crossalign {

enum class LineBreakMode {
  kAuto,      // decide from the text
  kSentence,  // a single line break ends a sentence
  kJoin,      // a single line break is a space (hard-wrapped text)
};

// Parses "auto", "sentence" or "join".
StatusOr<LineBreakMode> ParseLineBreakMode(const std::string& name);

struct SentenceSegmenterOptions {
  // Language used when the document has none (BCP-47).
  std::string default_lang = "en";
  LineBreakMode line_breaks = LineBreakMode::kAuto;
  // A folder of `<lang>.rules` files that extend the built-in rules.
  std::string rules_dir;
  // An SRX 2.0 file whose rules decide first.
  std::string srx_path;
  // Classify boilerplate and headings (false: every segment is a sentence).
  bool clean = true;
  // Sentences longer than this many characters are split at clause
  // punctuation, or at a space, or hard-cut; the cuts are reported in the
  // document's notes (Document::notes()), not its warnings: nothing is
  // dropped. 0 turns the limit off.
  size_t max_sentence_chars = 2000;
  // Plain ICU BreakIterator, without our rules or clean-up: the baseline the
  // benchmarks compare against. `icu_locale_suffix` is appended to the
  // language ("@ss=standard" turns on ICU's abbreviation suppressions).
  bool icu_only = false;
  std::string icu_locale_suffix;
};

class SentenceSegmenter {
 public:
  // Loads the rules; a bad rules file or SRX file is an error naming it.
  static StatusOr<std::unique_ptr<SentenceSegmenter>> Create(
      const SentenceSegmenterOptions& options = {});
  ~SentenceSegmenter();
  SentenceSegmenter(const SentenceSegmenter&) = delete;
  SentenceSegmenter& operator=(const SentenceSegmenter&) = delete;

  // Fills doc->paragraphs() and doc->segments() from the document body, using
  // the rules of `lang` (the document's language when empty).
  Status Segment(Document* doc, const std::string& lang = "") const;

  // Splits plain text into trimmed sentence spans (offsets into `text`), all
  // kinds included, in order.
  StatusOr<std::vector<Span>> Split(std::string_view text,
                                    const std::string& lang) const;

 private:
  struct Impl;
  explicit SentenceSegmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_SENTENCE_SEGMENTER_H_
