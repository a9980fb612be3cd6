// Per-language sentence-segmentation rules: the data the boundary detector
// and the article cleaner consult. Internal.
//
// Rules live in plain-text files, one per language (lib/rules/segment/*.rules,
// compiled into the library), which a user can extend with a folder of their
// own `<lang>.rules` files. Every language also gets the rules of
// `common.rules`. The format:
//
//   # comment
//   [abbreviations]        words that take a full stop without ending the
//   Inc etc vs a.m         sentence unless a sentence starter follows
//   [final]                abbreviations that often end a sentence (a.m.,
//   a.m p.m                p.m.): a capitalised word after them starts one
//   [titles]               words that never end a sentence: titles before a
//   Mr Dr Gen St e.g       name (Mr., Gen., St.), e.g., i.e., vs.
//   [starters]             words that begin sentences (The, He, However)
//   [units]                words that after a number are a unit or the
//   руб млрд г             year (90 млрд руб., 2030 г.): after them a
//                          capitalised word starts a sentence (when more
//                          than three words precede); elsewhere their other
//                          section decides (г. Москва: a title)
//   [relatives]            relative pronouns: a parenthesis after a sentence
//                          that starts with one ("(Which was true.)") belongs
//                          to it; any other capitalised one is a sentence
//   [months]               month names; with ordinal_dot a number + full stop
//                          before a month is a date, not a sentence end
//   [single-letter-words]  one-letter words that are not initials (en: I)
//   [terminators]          extra sentence-final characters (hy: ":", el: ";")
//   [quotes]               quotation marks, one pair per line: the opening
//   « »                    mark, a space, the closing mark. A closing mark
//                          that is not also an opening one of the language
//                          (French ») never opens a quotation
//   [attribution]          verbs that end a short clause naming the speaker
//   说 表示                 right after a quotation that ends with a terminator
//                          (“我们会赢！”队长说。 is one sentence)
//   [settings]             ordinal_dot = true: ordinals take a full stop
//                          capitalised_nouns = true: common nouns are
//                          capitalised (German), so a capitalised word
//                          after an abbreviation does not start a sentence
//                          unless it is a sentence starter
//   [boilerplate]          one ICU regular expression per line, matched
//                          against a whole line in lower case (case-folded):
//                          write the letters in lower case
//   [byline]               one line-start marker per line ("Author:", "By ")
//   [caption]              one marker per line that starts a photo caption
//                          ("Photo:"), split off a line it is glued to
//
// Items in the word sections are separated by white space; a trailing full
// stop is optional. Word lookups ignore case.
#ifndef CROSSALIGN_SRC_SEGMENT_SEGMENTATION_RULES_H_
#define CROSSALIGN_SRC_SEGMENT_SEGMENTATION_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crossalign/status.h"

namespace crossalign::internal {

struct SegmentationRules {
  std::string lang;
  std::unordered_set<std::string> abbreviations;  // folded (see FoldWord)
  std::unordered_set<std::string> final_abbreviations;
  std::unordered_set<std::string> titles;
  std::unordered_set<std::string> units;  // after a number: see [units]
  std::unordered_set<std::string> starters;
  std::unordered_set<std::string> relatives;
  std::unordered_set<std::string> months;
  std::unordered_set<std::string> single_letter_words;
  std::vector<std::string> attributions;
  // Abbreviations and titles that hold a terminator other than the full
  // stop (Khmer ។ល។), found by LoadSegmentationRules.
  std::vector<std::u32string> terminator_words;
  std::u32string terminators;  // beyond Unicode's Sentence_Terminal set
  bool ordinal_dot = false;
  bool capitalised_nouns = false;
  // Quotation marks: (opening, closing), in file order.
  std::vector<std::pair<char32_t, char32_t>> quotes;
  std::vector<std::string> boilerplate;  // ICU regex, whole line
  std::vector<std::string> bylines;
  std::vector<std::string> captions;

  // Adds the rules of `other` to these.
  void Merge(const SegmentationRules& other);
};

// Lower-cases `word` (full Unicode case folding) and drops one trailing full
// stop, the form every word section is stored in.
std::string FoldWord(std::string_view word);

// Lower-cases `text` (full Unicode case folding).
std::string FoldText(std::string_view text);

// Parses one rules file; `origin` names it in error messages, which give the
// line number.
StatusOr<SegmentationRules> ParseSegmentationRules(std::string_view text,
                                                   const std::string& origin);

// The built-in rules of `lang` merged with common.rules, then with
// `<user_dir>/<lang>.rules` (and `<user_dir>/common.rules`) when user_dir is
// not empty and those files exist. Languages without a file of their own get
// the common rules; nb and nn read no.rules, ms id.rules, tl fil.rules, bs
// hr.rules. A user file that cannot be parsed is an error.
// Regular expressions from users (--srx, the patterns of --rules) could
// backtrack for ever ("(a|a)+$" on 68 bytes); every match runs under this ICU
// time limit (RegexMatcher::setTimeLimit, in match-engine steps of about
// 10,000 operations): a base plus 100 operations per byte of the text.
int32_t RegexTimeLimit(size_t text_bytes);

// Matches stopped by the limit on this thread (they count as no match); the
// segmenter turns a change into a warning on the document.
uint64_t& RegexTimeouts();

StatusOr<std::shared_ptr<const SegmentationRules>> LoadSegmentationRules(
    const std::string& lang, const std::string& user_dir);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_SEGMENT_SEGMENTATION_RULES_H_
