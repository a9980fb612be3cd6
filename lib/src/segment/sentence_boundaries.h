// The sentence-boundary detector: where, inside one run of text, sentences
// end. Internal; SentenceSegmenter calls it on each line or paragraph.
//
// It scans for sentence-final punctuation (Unicode's Sentence_Terminal set
// from ICU, the horizontal ellipsis, and the language's extra terminators)
// and decides each candidate with general rules, guarded at word boundaries:
//  - what follows: a lower-case word continues the sentence; upper case, a
//    digit, an opening quote or an uncased script may start a new one;
//  - the word before a full stop: titles (Mr., Gen., St.), abbreviations
//    (Co., a.m., U.S.) that end a sentence only before a sentence starter,
//    initials (E. Smith, А. И. Семенов), ordinals and dates where the language
//    writes them with a full stop (12. Juni);
//  - closing quotes and brackets go with the sentence they close; a full stop
//    inside brackets or an elision mark ([...]) ends nothing;
//  - ellipses: three spaced dots mark an omission inside a sentence, four mark
//    an omission and a full stop;
//  - list markers (1. 2.; a) b); bullets) start a new sentence;
//  - a full stop with no space before a capitalised word (world.Today) ends
//    a sentence, except inside URLs and e-mail addresses;
//  - ideographic terminators (。！？) need no space after them.
#ifndef CROSSALIGN_SRC_SEGMENT_SENTENCE_BOUNDARIES_H_
#define CROSSALIGN_SRC_SEGMENT_SENTENCE_BOUNDARIES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "segment/segmentation_rules.h"

namespace crossalign::internal {

// Byte offsets into `text` where a sentence ends, ascending: each is just
// past the sentence's last character (its terminator and any closing quote
// or bracket). The end of `text` is not included.
std::vector<size_t> FindSentenceEnds(std::string_view text,
                                     const SegmentationRules& rules);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_SEGMENT_SENTENCE_BOUNDARIES_H_
