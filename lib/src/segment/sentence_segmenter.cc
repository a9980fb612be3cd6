#include "crossalign/sentence_segmenter.h"

#include <sys/stat.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "base/unicode_text.h"
#include "base/utf8.h"
#include "segment/article_cleaner.h"
#include "segment/segmentation_rules.h"
#include "segment/sentence_boundaries.h"
#include "segment/srx_rules.h"

namespace crossalign {
namespace {

using internal::TrimSpan;

// True when the line holds nothing but white space.
bool IsBlank(std::string_view line) {
  return TrimSpan(line, Span{0, line.size()}).empty();
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
        paragraphs.push_back(TrimSpan(text, {para_begin, para_end}));
        para_begin = std::string_view::npos;
      }
    } else {
      if (para_begin == std::string_view::npos) para_begin = pos;
      para_end = eol;
    }
    pos = eol + 1;
  }
  if (para_begin != std::string_view::npos) {
    paragraphs.push_back(TrimSpan(text, {para_begin, para_end}));
  }
  return paragraphs;
}

// The trimmed lines of a paragraph.
std::vector<Span> SplitLines(std::string_view text, Span paragraph) {
  std::vector<Span> lines;
  size_t pos = paragraph.begin;
  while (pos <= paragraph.end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > paragraph.end) {
      eol = paragraph.end;
    }
    const Span line = TrimSpan(text, {pos, eol});
    if (!line.empty()) lines.push_back(line);
    pos = eol + 1;
  }
  return lines;
}

// The last and first code points of a span.
UChar32 LastChar(std::string_view text, Span s) {
  return internal::CodePointAt(
      text, internal::PreviousCodePointStart(text, s.begin, s.end), s.end);
}
UChar32 FirstChar(std::string_view text, Span s) {
  return internal::CodePointAt(text, s.begin, s.end);
}

// Whether a line ends where a sentence may end: terminal punctuation, a
// closing quote or bracket, or a colon.
bool EndsClosed(std::string_view text, Span line, const std::u32string& extra) {
  const UChar32 c = LastChar(text, line);
  const int8_t t = u_charType(c);
  return u_hasBinaryProperty(c, UCHAR_S_TERM) ||
         extra.find(static_cast<char32_t>(c)) != std::u32string::npos ||
         u_hasBinaryProperty(c, UCHAR_TERMINAL_PUNCTUATION) ||
         t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION || c == '"' ||
         c == '\'' || c == 0x2026;
}

// A heading is a short single-line paragraph that does not end like a
// sentence (news headlines and sub-headings carry no final full stop).
bool LooksLikeHeading(std::string_view text, Span s,
                      const std::u32string& extra) {
  const std::string_view piece = text.substr(s.begin, s.size());
  if (piece.find('\n') != std::string_view::npos) return false;
  if (internal::CountCodePoints(piece) > 160) return false;
  const UChar32 c = LastChar(text, s);
  return !(u_hasBinaryProperty(c, UCHAR_S_TERM) ||
           extra.find(static_cast<char32_t>(c)) != std::u32string::npos ||
           c == ':' || c == ';' || c == 0x2026 || c == '"' || c == 0x201D ||
           c == 0xBB);
}

// Hard-wrapped text: most line breaks inside paragraphs fall mid-sentence.
bool LooksHardWrapped(std::string_view text,
                      const std::vector<std::vector<Span>>& lines,
                      const std::u32string& extra) {
  size_t breaks = 0;
  size_t open = 0;
  size_t long_open = 0;
  for (const auto& para : lines) {
    for (size_t i = 0; i + 1 < para.size(); ++i) {
      ++breaks;
      if (EndsClosed(text, para[i], extra)) continue;
      ++open;
      long_open += internal::CountCodePoints(
                       text.substr(para[i].begin, para[i].size())) >= 40;
    }
  }
  // Wrapped lines are long; short open lines are lists and headings.
  return breaks >= 3 && open * 10 >= breaks * 6 && long_open * 2 >= open;
}

// One sentence per line (a common corpus format): most lines inside
// paragraphs end like a sentence. Then every line break ends a sentence,
// also after a line without final punctuation, and lines of scripts
// written without spaces are not joined.
bool LooksOneSentencePerLine(std::string_view text,
                             const std::vector<std::vector<Span>>& lines,
                             const std::u32string& extra) {
  size_t breaks = 0;
  size_t closed = 0;
  for (const auto& para : lines) {
    for (size_t i = 0; i + 1 < para.size(); ++i) {
      ++breaks;
      closed += EndsClosed(text, para[i], extra) ? 1 : 0;
    }
  }
  return breaks >= 2 && closed * 10 >= breaks * 6;
}

// Splits a sentence longer than `max_chars` characters: at the last clause
// punctuation (; : , and dashes) before the limit that leaves at least a
// quarter of it, else at the last space, else at the limit.
// Linear in the sentence's length: the code points of the remainder are
// counted once, then the ones cut off are subtracted (recounting the remainder
// at every cut made a 16 MB line take 12 s).
void CapLength(std::string_view text, Span s, size_t max_chars,
               std::vector<Span>* out, std::vector<size_t>* cuts) {
  if (max_chars == 0 || s.size() <= max_chars) {
    if (!s.empty()) out->push_back(s);
    return;
  }
  size_t remaining = internal::CountCodePoints(text.substr(s.begin, s.size()));
  while (s.size() > max_chars && remaining > max_chars) {
    size_t limit = s.begin;
    for (size_t n = 0; n < max_chars && limit < s.end; ++n) {
      const auto* p = reinterpret_cast<const uint8_t*>(text.data());
      const int32_t end = static_cast<int32_t>(s.end);
      int32_t i = static_cast<int32_t>(limit);
      UChar32 c;
      U8_NEXT(p, i, end, c);
      limit = static_cast<size_t>(i);
    }
    size_t cut = 0;
    size_t space = 0;
    const size_t floor = s.begin + (limit - s.begin) / 4;
    for (size_t i = limit; i > floor; --i) {
      const char c = text[i - 1];
      if (cut == 0 && (c == ';' || c == ':' || c == ',') && i < text.size() &&
          text[i] == ' ') {
        cut = i;
        break;
      }
      if (space == 0 && c == ' ') space = i;
    }
    if (cut == 0) cut = space != 0 ? space : limit;
    cuts->push_back(cut);
    const Span head = TrimSpan(text, {s.begin, cut});
    if (!head.empty()) out->push_back(head);
    const Span rest = TrimSpan(text, {cut, s.end});
    remaining -=
        internal::CountCodePoints(text.substr(s.begin, rest.begin - s.begin)) +
        internal::CountCodePoints(text.substr(rest.end, s.end - rest.end));
    s = rest;
  }
  if (!s.empty()) out->push_back(s);
}

// Han, kana and Thai text puts no spaces between words.
bool IsUnspacedScript(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &err);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA || script == USCRIPT_THAI ||
         script == USCRIPT_LAO || script == USCRIPT_KHMER ||
         script == USCRIPT_MYANMAR;
}

// For each line of a paragraph, whether it continues the line before
// (news-style text otherwise ends a sentence at every line break):
//  - a line of punctuation only, or one that starts with a terminator or a
//    closing mark, belongs to the line before;
//  - lines that stop mid-sentence followed by lines that start in lower
//    case or with an opening bracket are one wrapped sentence, provided the
//    run of them ends with sentence punctuation ("features / contact
//    manager / events" is a list, not a sentence).
std::vector<bool> JoinWrappedLines(std::string_view text,
                                   const std::vector<Span>& lines,
                                   LineBreakMode mode, bool sentence_per_line,
                                   const std::u32string& extra) {
  std::vector<bool> joins(lines.size(), false);
  if (mode != LineBreakMode::kAuto) return joins;
  auto has_word = [&](Span s) {
    const std::string_view v = text.substr(s.begin, s.size());
    bool alnum = false;
    internal::ForEachCodePoint(
        v, [&](int32_t c) { return !(alnum = u_isalnum(c)); });
    return alnum;
  };
  for (size_t l = 1; l < lines.size(); ++l) {
    const UChar32 first = FirstChar(text, lines[l]);
    const int8_t t = u_charType(first);
    if (!has_word(lines[l]) || u_hasBinaryProperty(first, UCHAR_S_TERM) ||
        t == U_END_PUNCTUATION || first == ',' || first == ';') {
      joins[l] = true;
    }
  }
  // White space left before a line break is what wrapping leaves behind.
  auto trailing_space = [&](Span s) {
    return s.end < text.size() && (text[s.end] == ' ' || text[s.end] == '\t');
  };
  for (size_t l = 0; l + 1 < lines.size();) {
    size_t e = l;
    while (e + 1 < lines.size() && !EndsClosed(text, lines[e], extra)) {
      const UChar32 c = FirstChar(text, lines[e + 1]);
      const bool cased = u_isupper(c) || u_islower(c);
      if (!(u_islower(c) ||
            (trailing_space(lines[e]) && (cased || c == '(')))) {
        break;
      }
      ++e;
    }
    if (e > l && EndsClosed(text, lines[e], extra)) {
      for (size_t k = l + 1; k <= e; ++k) joins[k] = true;
    }
    l = e + 1;
  }
  // Scripts written without spaces (Chinese, Japanese) wrap anywhere: a
  // line that stops mid-sentence without trailing white space continues on
  // the next line.
  if (sentence_per_line) return joins;
  for (size_t l = 0; l + 1 < lines.size(); ++l) {
    const UChar32 last = LastChar(text, lines[l]);
    const UChar32 next = FirstChar(text, lines[l + 1]);
    if (!trailing_space(lines[l]) && IsUnspacedScript(last) &&
        IsUnspacedScript(next) && !EndsClosed(text, lines[l], extra)) {
      joins[l + 1] = true;
    }
  }
  return joins;
}

struct LanguageTools {
  std::shared_ptr<const internal::SegmentationRules> rules;
  std::unique_ptr<internal::ArticleCleaner> cleaner;
};

}  // namespace

StatusOr<LineBreakMode> ParseLineBreakMode(const std::string& name) {
  if (name == "auto") return LineBreakMode::kAuto;
  if (name == "sentence") return LineBreakMode::kSentence;
  if (name == "join") return LineBreakMode::kJoin;
  return InvalidArgumentError("unknown line-break mode \"" + name +
                              "\" (use auto, sentence or join)");
}

struct SentenceSegmenter::Impl {
  SentenceSegmenterOptions options;
  std::unique_ptr<internal::SrxRules> srx;
  mutable std::mutex mutex;
  mutable std::map<std::string, std::shared_ptr<const LanguageTools>> tools;
  // One prototype break iterator per language; callers use clones.
  mutable std::map<std::string, std::unique_ptr<icu::BreakIterator>> icu;

  StatusOr<std::shared_ptr<const LanguageTools>> ToolsFor(
      const std::string& lang) const {
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = tools.find(lang);
      if (it != tools.end()) return it->second;
    }
    auto entry = std::make_shared<LanguageTools>();
    CROSSALIGN_ASSIGN_OR_RETURN(
        entry->rules, internal::LoadSegmentationRules(lang, options.rules_dir));
    CROSSALIGN_ASSIGN_OR_RETURN(
        entry->cleaner, internal::ArticleCleaner::Create(*entry->rules));
    std::lock_guard<std::mutex> lock(mutex);
    return tools.emplace(lang, std::move(entry)).first->second;
  }

  std::unique_ptr<icu::BreakIterator> NewIcuIterator(const std::string& lang,
                                                     Status* status) const {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = icu.find(lang);
    if (it == icu.end()) {
      UErrorCode err = U_ZERO_ERROR;
      const icu::Locale locale((lang + options.icu_locale_suffix).c_str());
      std::unique_ptr<icu::BreakIterator> proto(
          icu::BreakIterator::createSentenceInstance(locale, err));
      if (U_FAILURE(err) || proto == nullptr) {
        *status = InternalError(std::string("ICU sentence iterator: ") +
                                u_errorName(err));
        return nullptr;
      }
      it = icu.emplace(lang, std::move(proto)).first;
    }
    return std::unique_ptr<icu::BreakIterator>(it->second->clone());
  }

  // Plain ICU: appends the trimmed sentence spans of text[span].
  Status IcuSplit(std::string_view text, Span span, const std::string& lang,
                  std::vector<Span>* out) const {
    Status status;
    std::unique_ptr<icu::BreakIterator> bi = NewIcuIterator(lang, &status);
    if (!bi) return status;
    UErrorCode err = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data() + span.begin,
                               static_cast<int64_t>(span.size()), &err);
    bi->setText(ut, err);
    if (U_FAILURE(err)) {
      utext_close(ut);
      return InternalError(std::string("ICU setText: ") + u_errorName(err));
    }
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE;
         start = end, end = bi->next()) {
      const Span piece =
          TrimSpan(text, {span.begin + static_cast<size_t>(start),
                          span.begin + static_cast<size_t>(end)});
      if (!piece.empty()) out->push_back(piece);
    }
    utext_close(ut);
    return Status::Ok();
  }

  // Our rules (and SRX): the sentence spans of text[unit].
  std::vector<Span> RuleSplit(std::string_view text, Span unit,
                              const LanguageTools& t,
                              const std::string& lang) const {
    const std::string_view sub = text.substr(unit.begin, unit.size());
    std::vector<size_t> ends = internal::FindSentenceEnds(sub, *t.rules);
    if (srx) {
      for (const internal::SrxDecision& d : srx->Decide(sub, lang)) {
        const size_t at = TrimSpan(sub, {0, d.offset}).end;
        auto it = std::lower_bound(ends.begin(), ends.end(), at);
        const bool present = it != ends.end() && *it == at;
        if (d.split && !present && at > 0) ends.insert(it, at);
        if (!d.split && present) ends.erase(it);
      }
    }
    std::vector<Span> out;
    size_t start = 0;
    ends.push_back(sub.size());
    for (size_t e : ends) {
      if (e < start) continue;
      const Span piece = TrimSpan(text, {unit.begin + start, unit.begin + e});
      if (!piece.empty()) out.push_back(piece);
      start = e;
    }
    return out;
  }

  Status SegmentBody(std::string_view text, Span body, const std::string& lang,
                     std::vector<Span>* paragraphs,
                     std::vector<crossalign::Segment>* segments,
                     std::vector<std::string>* notes) const {
    *paragraphs = SplitParagraphs(text, body);
    if (options.icu_only) {
      for (size_t p = 0; p < paragraphs->size(); ++p) {
        std::vector<Span> pieces;
        CROSSALIGN_RETURN_IF_ERROR(
            IcuSplit(text, (*paragraphs)[p], lang, &pieces));
        for (const Span& piece : pieces) {
          crossalign::Segment seg;
          seg.span = piece;
          seg.paragraph = static_cast<int>(p);
          segments->push_back(std::move(seg));
        }
      }
      return Status::Ok();
    }
    CROSSALIGN_ASSIGN_OR_RETURN(
        const std::shared_ptr<const LanguageTools> found, ToolsFor(lang));
    const LanguageTools& t = *found;

    std::vector<std::vector<Span>> lines;
    for (const Span& p : *paragraphs) lines.push_back(SplitLines(text, p));
    std::vector<size_t> cuts;  // where over-long sentences were cut
    const std::u32string& extra = t.rules->terminators;
    const bool sentence_per_line =
        options.line_breaks == LineBreakMode::kAuto &&
        LooksOneSentencePerLine(text, lines, extra);
    const bool join_all =
        options.line_breaks == LineBreakMode::kJoin ||
        (options.line_breaks == LineBreakMode::kAuto && !sentence_per_line &&
         LooksHardWrapped(text, lines, extra));

    for (size_t p = 0; p < paragraphs->size(); ++p) {
      // Units: runs of lines that belong to one stretch of text.
      const std::vector<bool> joins =
          join_all ? std::vector<bool>(lines[p].size(), true)
                   : JoinWrappedLines(text, lines[p], options.line_breaks,
                                      sentence_per_line, extra);
      std::vector<std::pair<Span, bool>> units;  // span, single line
      for (size_t l = 0; l < lines[p].size(); ++l) {
        const Span& line = lines[p][l];
        if (l > 0 && joins[l]) {
          units.back().first.end = line.end;
          units.back().second = false;
        } else {
          units.emplace_back(line, true);
        }
      }
      for (const auto& [unit, single_line] : units) {
        std::vector<internal::CleanPiece> pieces;
        if (options.clean) {
          pieces = t.cleaner->Clean(text, unit);
        } else {
          pieces.push_back({unit, false});
        }
        for (const internal::CleanPiece& piece : pieces) {
          if (piece.span.empty()) continue;
          std::vector<Span> spans;
          if (piece.boilerplate) {
            spans.push_back(piece.span);
          } else {
            for (const Span& s : RuleSplit(text, piece.span, t, lang)) {
              CapLength(text, s, options.max_sentence_chars, &spans, &cuts);
            }
          }
          const bool heading = options.clean && !piece.boilerplate &&
                               single_line && spans.size() == 1 &&
                               LooksLikeHeading(text, spans[0], extra);
          for (const Span& s : spans) {
            crossalign::Segment seg;
            seg.span = s;
            seg.paragraph = static_cast<int>(p);
            seg.kind = piece.boilerplate ? SegmentKind::kBoilerplate
                       : heading         ? SegmentKind::kHeading
                                         : SegmentKind::kSentence;
            segments->push_back(std::move(seg));
          }
        }
      }
    }
    if (!cuts.empty()) {
      notes->push_back(std::to_string(cuts.size()) + " cut" +
                       (cuts.size() == 1 ? "" : "s") +
                       " in sentences longer than " +
                       std::to_string(options.max_sentence_chars) +
                       " characters (at clause punctuation or a space where "
                       "possible; first at byte " +
                       std::to_string(cuts.front()) +
                       "); --max-sentence-length changes the limit");
    }
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
  if (!options.rules_dir.empty()) {
    struct stat st;
    if (::stat(options.rules_dir.c_str(), &st) != 0) {
      return NotFoundError(options.rules_dir +
                           ": no such rules folder (--rules names a folder "
                           "of LANG.rules files)");
    }
    if (!S_ISDIR(st.st_mode)) {
      return InvalidArgumentError(options.rules_dir +
                                  ": not a folder (--rules names a folder of "
                                  "LANG.rules files)");
    }
  }
  if (!options.srx_path.empty()) {
    CROSSALIGN_ASSIGN_OR_RETURN(impl->srx,
                                internal::SrxRules::Load(options.srx_path));
  }
  if (options.icu_only) {
    Status status;
    if (!impl->NewIcuIterator(options.default_lang, &status)) return status;
  } else {
    // Loads and checks the rules (and a user's rules folder) up front.
    CROSSALIGN_RETURN_IF_ERROR(impl->ToolsFor(options.default_lang));
  }
  return std::unique_ptr<SentenceSegmenter>(
      new SentenceSegmenter(std::move(impl)));
}

Status SentenceSegmenter::Segment(Document* doc,
                                  const std::string& lang) const {
  std::string use_lang = lang.empty() ? doc->lang() : lang;
  if (use_lang.empty() || use_lang == "und") {
    use_lang = impl_->options.default_lang;
  }
  std::vector<Span> paragraphs;
  std::vector<crossalign::Segment> segments;
  std::vector<std::string> notes;
  const uint64_t timeouts_before = internal::RegexTimeouts();
  CROSSALIGN_RETURN_IF_ERROR(impl_->SegmentBody(
      doc->text(), doc->body(), use_lang, &paragraphs, &segments, &notes));
  for (std::string& w : notes) doc->add_note(doc->name() + ": " + w);
  const uint64_t timeouts = internal::RegexTimeouts() - timeouts_before;
  if (timeouts > 0) {
    doc->add_warning(doc->name() + ": " + std::to_string(timeouts) +
                     " match(es) of a regular expression from the --srx or "
                     "--rules files ran past the time limit and counted as "
                     "no match (a pattern that backtracks without end, such "
                     "as (a|a)+$; rewrite it)");
  }
  *doc->mutable_paragraphs() = std::move(paragraphs);
  *doc->mutable_segments() = std::move(segments);
  return Status::Ok();
}

StatusOr<std::vector<Span>> SentenceSegmenter::Split(
    std::string_view text, const std::string& lang) const {
  std::vector<Span> paragraphs;
  std::vector<crossalign::Segment> segments;
  std::vector<std::string> notes;
  CROSSALIGN_RETURN_IF_ERROR(
      impl_->SegmentBody(text, Span{0, text.size()},
                         lang.empty() ? impl_->options.default_lang : lang,
                         &paragraphs, &segments, &notes));
  std::vector<Span> out;
  for (const crossalign::Segment& seg : segments) out.push_back(seg.span);
  return out;
}

}  // namespace crossalign
