#include "crossalign/sentence_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <map>
#include <mutex>

#include "utf8.h"

namespace crossalign {
namespace {

// True when the line holds nothing but white space.
bool IsBlank(std::string_view line) {
  return internal::TrimSpan(line, Span{0, line.size()}).empty();
}

// Splits `body` of `text` into paragraphs: runs of lines separated by blank
// lines. Spans are trimmed.
std::vector<Span> SplitParagraphs(std::string_view text, Span body) {
  std::vector<Span> paragraphs;
  size_t pos = body.begin;
  size_t para_begin = std::string_view::npos;
  size_t para_end = 0;
  while (pos < body.end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > body.end) eol = body.end;
    const std::string_view line = text.substr(pos, eol - pos);
    if (IsBlank(line)) {
      if (para_begin != std::string_view::npos) {
        paragraphs.push_back(internal::TrimSpan(text, {para_begin, para_end}));
        para_begin = std::string_view::npos;
      }
    } else {
      if (para_begin == std::string_view::npos) para_begin = pos;
      para_end = eol;
    }
    pos = eol + 1;
  }
  if (para_begin != std::string_view::npos) {
    paragraphs.push_back(internal::TrimSpan(text, {para_begin, para_end}));
  }
  return paragraphs;
}

// A heading is a short single-line paragraph that does not end like a
// sentence (news headlines and sub-headings carry no final full stop).
bool LooksLikeHeading(std::string_view paragraph) {
  if (paragraph.find('\n') != std::string_view::npos) return false;
  if (internal::CountCodePoints(paragraph) > 160) return false;
  const std::string_view enders[] = {".",
                                     "!",
                                     "?",
                                     ":",
                                     ";",
                                     "\"",
                                     "\xE2\x80\x9D",
                                     "\xC2\xBB",
                                     "\xE3\x80\x82",
                                     "\xEF\xBC\x81",
                                     "\xEF\xBC\x9F",
                                     "\xE2\x80\xA6"};
  for (std::string_view e : enders) {
    if (paragraph.size() >= e.size() &&
        paragraph.substr(paragraph.size() - e.size()) == e) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct SentenceSegmenter::Impl {
  SentenceSegmenterOptions options;
  mutable std::mutex mutex;
  // One prototype break iterator per language; callers use clones.
  mutable std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;

  std::unique_ptr<icu::BreakIterator> NewIterator(const std::string& lang,
                                                  Status* status) const {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(lang);
    if (it == cache.end()) {
      UErrorCode err = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> proto(
          icu::BreakIterator::createSentenceInstance(
              icu::Locale::forLanguageTag(lang, err), err));
      if (U_FAILURE(err) || proto == nullptr) {
        err = U_ZERO_ERROR;
        proto.reset(icu::BreakIterator::createSentenceInstance(
            icu::Locale::getRoot(), err));
      }
      if (U_FAILURE(err) || proto == nullptr) {
        *status = InternalError(std::string("ICU sentence iterator: ") +
                                u_errorName(err));
        return nullptr;
      }
      it = cache.emplace(lang, std::move(proto)).first;
    }
    return std::unique_ptr<icu::BreakIterator>(it->second->clone());
  }

  // Appends the trimmed sentence spans of text[span] (absolute offsets).
  Status SplitInto(std::string_view text, Span span, const std::string& lang,
                   std::vector<Span>* out) const {
    Status status;
    std::unique_ptr<icu::BreakIterator> bi = NewIterator(lang, &status);
    if (!bi) return status;
    UErrorCode err = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data() + span.begin,
                               static_cast<int64_t>(span.size()), &err);
    if (U_FAILURE(err)) {
      return InternalError(std::string("ICU UText: ") + u_errorName(err));
    }
    bi->setText(ut, err);
    if (U_FAILURE(err)) {
      utext_close(ut);
      return InternalError(std::string("ICU setText: ") + u_errorName(err));
    }
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE;
         start = end, end = bi->next()) {
      const Span piece =
          internal::TrimSpan(text, {span.begin + static_cast<size_t>(start),
                                    span.begin + static_cast<size_t>(end)});
      if (!piece.empty()) out->push_back(piece);
    }
    utext_close(ut);
    return Status::Ok();
  }
};

SentenceSegmenter::SentenceSegmenter(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
SentenceSegmenter::~SentenceSegmenter() = default;

StatusOr<std::unique_ptr<SentenceSegmenter>> SentenceSegmenter::Create(
    const SentenceSegmenterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Status status;
  if (!impl->NewIterator(options.default_lang, &status)) return status;
  return std::unique_ptr<SentenceSegmenter>(
      new SentenceSegmenter(std::move(impl)));
}

Status SentenceSegmenter::Segment(Document* doc,
                                  const std::string& lang) const {
  std::string use_lang = lang.empty() ? doc->lang() : lang;
  if (use_lang.empty() || use_lang == "und") {
    use_lang = impl_->options.default_lang;
  }
  const std::string_view text = doc->text();
  std::vector<Span> paragraphs = SplitParagraphs(text, doc->body());
  std::vector<crossalign::Segment> segments;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    std::vector<Span> pieces;
    Status s = impl_->SplitInto(text, paragraphs[p], use_lang, &pieces);
    if (!s.ok()) return s;
    const bool heading =
        pieces.size() == 1 && LooksLikeHeading(doc->TextOf(paragraphs[p]));
    for (const Span& piece : pieces) {
      crossalign::Segment seg;
      seg.span = piece;
      seg.paragraph = static_cast<int>(p);
      seg.kind = heading ? SegmentKind::kHeading : SegmentKind::kSentence;
      segments.push_back(std::move(seg));
    }
  }
  *doc->mutable_paragraphs() = std::move(paragraphs);
  *doc->mutable_segments() = std::move(segments);
  return Status::Ok();
}

StatusOr<std::vector<Span>> SentenceSegmenter::Split(
    std::string_view text, const std::string& lang) const {
  std::vector<Span> out;
  for (const Span& para : SplitParagraphs(text, Span{0, text.size()})) {
    Status s = impl_->SplitInto(
        text, para, lang.empty() ? impl_->options.default_lang : lang, &out);
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace crossalign
