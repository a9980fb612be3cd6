// The review page's body markup, style sheet and script (see
// crossalign/review_page.h), the files of lib/assets/review compiled into
// the library by CMake (see lib/cmake/EmbedRules.cmake). Internal.
//
// The script never parses article text as HTML: it builds every element
// with createElement and sets text with textContent, so whatever an article
// holds stays text.
#ifndef CROSSALIGN_SRC_WRITE_REVIEW_PAGE_ASSETS_H_
#define CROSSALIGN_SRC_WRITE_REVIEW_PAGE_ASSETS_H_

#include <cstddef>
#include <string_view>

#include "base/embedded_files.h"

namespace crossalign::internal {

// `lang` holds the file name without its extension: "body" (body.html, in
// which @HEADING@ is replaced by the HTML-escaped heading), "style"
// (style.css) and "script" (script.js).
extern const EmbeddedRules kReviewAssets[];
extern const size_t kReviewAssetsCount;

// The text of the asset `name`; empty when there is none.
inline std::string_view ReviewAsset(std::string_view name) {
  for (size_t i = 0; i < kReviewAssetsCount; ++i) {
    if (name == kReviewAssets[i].lang) return kReviewAssets[i].text;
  }
  return {};
}

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_WRITE_REVIEW_PAGE_ASSETS_H_
