// SentenceSegmenter: splits a document into paragraphs and sentences.
//
// It runs ICU's sentence BreakIterator for the document's language. Each
// segment records its paragraph and its byte offsets into the original text;
// segments are exact, trimmed substrings of the input: the text is never
// rewritten. A blank line always ends a paragraph; a single line break ends a
// sentence (news-style text puts one paragraph on each line).
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

struct SentenceSegmenterOptions {
  // Language used when the document has none (BCP-47).
  std::string default_lang = "en";
};

class SentenceSegmenter {
 public:
  static StatusOr<std::unique_ptr<SentenceSegmenter>> Create(
      const SentenceSegmenterOptions& options = {});
  ~SentenceSegmenter();
  SentenceSegmenter(const SentenceSegmenter&) = delete;
  SentenceSegmenter& operator=(const SentenceSegmenter&) = delete;

  // Fills doc->paragraphs() and doc->segments() from the document body, using
  // the rules of `lang` (the document's language when empty).
  Status Segment(Document* doc, const std::string& lang = "") const;

  // Splits plain text into trimmed sentence spans (offsets into `text`).
  StatusOr<std::vector<Span>> Split(std::string_view text,
                                    const std::string& lang) const;

 private:
  struct Impl;
  explicit SentenceSegmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_SENTENCE_SEGMENTER_H_
