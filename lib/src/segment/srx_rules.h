// SrxRules: segmentation rules in SRX 2.0, the format of OmegaT, Okapi and
// most CAT tools. Internal; SentenceSegmenter consults them first.
//
// An SRX file holds named <languagerule>s of <rule break="yes|no"> elements,
// each with a <beforebreak> and an <afterbreak> ICU regular expression, and
// <maprules> that map language patterns (regular expressions over the
// language code, matched ignoring case) to rule sets. With cascade="yes"
// every matching rule set applies, in order; otherwise only the first.
// At each position of the text the first rule whose beforebreak matches
// just before it and whose afterbreak matches just after it decides.
#ifndef CROSSALIGN_SRC_SEGMENT_SRX_RULES_H_
#define CROSSALIGN_SRC_SEGMENT_SRX_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/status.h"

namespace crossalign::internal {

struct SrxDecision {
  size_t offset;  // byte offset of the position in the text
  bool split;     // break="yes"
};

class SrxRules {
 public:
  // Loads an SRX file. A missing file, malformed XML, a missing <body>,
  // <maprules> or <languagerules>, a map to an unknown rule set or a bad
  // regular expression is an error naming the file and the rule.
  static StatusOr<std::unique_ptr<SrxRules>> Load(const std::string& path);
  static StatusOr<std::unique_ptr<SrxRules>> Parse(std::string_view xml,
                                                   const std::string& origin);
  ~SrxRules();

  // The positions where a rule for `lang` decides, ascending, one decision
  // per position (the first matching rule's).
  std::vector<SrxDecision> Decide(std::string_view text,
                                  const std::string& lang) const;

 private:
  struct Impl;
  explicit SrxRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_SEGMENT_SRX_RULES_H_
