// DecodeDocumentScored: reading a document with a language scorer, for the
// pipeline (implemented in document.cc). Internal.
#ifndef CROSSALIGN_SRC_READ_DOCUMENT_DECODING_H_
#define CROSSALIGN_SRC_READ_DOCUMENT_DECODING_H_

#include <string>
#include <string_view>

#include "crossalign/document.h"
#include "crossalign/status.h"
#include "read/text_decoder.h"

namespace crossalign::internal {

// DecodeDocument (document.h) with a language scorer for choosing among
// legacy encodings; the pipeline passes its language identifier.
StatusOr<Document> DecodeDocumentScored(const std::string& path,
                                        std::string_view bytes,
                                        const ReadDocumentOptions& options,
                                        const LanguageScorer& language_score);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_READ_DOCUMENT_DECODING_H_
