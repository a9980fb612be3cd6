// The review page: one self-contained HTML file on which a person reads the
// units of translation memories side by side, accepts or rejects them, and
// exports the decisions; and the step that applies those decisions to a
// memory.
//
//   std::vector<crossalign::ReviewSource> sources;
//   auto memory = crossalign::TmxReader().ReadFile("en-uk.tmx");
//   if (!memory.ok()) return Fail(memory.status());
//   sources.push_back({"en-uk.tmx", std::move(*memory)});
//   crossalign::Status s =
//       crossalign::WriteReviewPage("review.html", sources, {});
//
//   // ... the reviewer exports decisions.json from the page ...
//   auto decisions = crossalign::ReadReviewDecisionsFile("decisions.json");
//   crossalign::ReviewApplyResult result =
//       crossalign::ApplyReviewDecisions(*memory, *decisions);
//   // result.memory: without the rejected units; the accepted ones carry
//   // <prop type="x-review">accepted</prop>. Write it with TmxWriter.
//
// The page (CSS and JavaScript inline, no request to any server or file; a
// Content-Security-Policy forbids them) shows every unit with its score
// (x-score), bead shape (x-bead), mode (x-mode), documents (the variants'
// x-document) and sentence positions (x-position); sorts and filters them
// by score, language pair, document pair and decision; searches their text;
// draws the alignment path of each document pair aligned as a translation
// and, for many-article runs, the stories (which articles were paired, how
// many units each pair gave, and, from the aligner's --report, the pairs
// left out and why). Each unit is an element with data-tuid="<tuid>" holding
// buttons data-action="accept" and data-action="reject"; the button
// data-action="export" downloads decisions.json:
//   {"decisions": {"<tuid>": "accept" | "reject", ...}}
// plus "edits": {"<tuid>": {"src"|"tgt": TEXT}} for the texts the reviewer
// corrected in place, and "Load decisions" reads one back. Keys: j/k
// next/previous, a accept, r reject, c correct, u undo, n next undecided,
// / search, e export, ? help.
// Everything taken from a memory is escaped: page text and attributes as
// HTML, and the unit data as a JSON block in which '<', '>', '&', U+2028
// and U+2029 are \u escapes, so no article text can end the block or run as
// markup or script. The page is a deterministic function of its inputs.
#ifndef CROSSALIGN_REVIEW_PAGE_H_
#define CROSSALIGN_REVIEW_PAGE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossalign/document.h"
#include "crossalign/status.h"
#include "crossalign/tmx_memory.h"
#include "crossalign/tmx_writer.h"

namespace crossalign {

// One segment of an article as `align split` gives it.
struct ReviewArticleSegment {
  std::string text;  // white space collapsed, as the memory's units hold it
  std::string kind;  // "sentence", "heading" or "boilerplate"
  int paragraph = 0;
};

// An article of the memory, for the document view: every segment in
// `align split` order (the order x-position's indices count).
struct ReviewArticle {
  std::string name;  // as the units' x-document prop names it
  std::string lang;
  std::vector<ReviewArticleSegment> segments;
};

// `doc`, segmented (Pipeline::PrepareDocument), as a ReviewArticle.
ReviewArticle MakeReviewArticle(const Document& doc);

// The fingerprint of an article's segments (16 hex digits), which
// decisions.json carries next to the memory's.
std::string ReviewArticleFingerprint(const ReviewArticle& article);

// A memory to review; `name` (normally its path) labels its units. With
// `articles` (those its units name), the page has a document view per
// article pair; `articles_note` says why, when there are none.
struct ReviewSource {
  std::string name;
  TmxMemory memory;
  std::vector<ReviewArticle> articles = {};
  std::string articles_note = {};
};

// One line of the aligner's --report file (JSON lines, one object per
// article pair considered). Unknown keys are ignored.
struct AlignReportEntry {
  std::string src;  // the article paths as given to the aligner
  std::string tgt;
  std::optional<double> similarity;
  std::string decision;  // "translation", "comparable" or "unrelated"
  std::string reason;
  std::optional<long> units;
};

// Parses a --report file's bytes; `name` identifies them in messages. Empty
// lines are skipped; a line that is not a JSON object with string "src" and
// "tgt" is an error naming the line.
StatusOr<std::vector<AlignReportEntry>> ParseAlignReport(
    const std::string& name, std::string_view bytes);
StatusOr<std::vector<AlignReportEntry>> ReadAlignReportFile(
    const std::string& path);

struct ReviewPageOptions {
  // The page's title; "crossalign review: " and the sources' names when
  // empty.
  std::string title;
  // The aligner's report (ReadAlignReportFile), when there is one.
  std::optional<std::vector<AlignReportEntry>> report;
};

// The page for `sources`: every unit of every memory, in file order. A
// unit with more than two variants shows the one in the source language
// and the first other; a missing side (units with fewer than two variants,
// which no crossalign memory holds) shows empty. Fails only when there is
// nothing to show: no source.
StatusOr<std::string> RenderReviewPage(const std::vector<ReviewSource>& sources,
                                       const ReviewPageOptions& options = {});

// RenderReviewPage() written to `path` through a temporary file renamed into
// place: no half-written page is ever left.
Status WriteReviewPage(const std::string& path,
                       const std::vector<ReviewSource>& sources,
                       const ReviewPageOptions& options = {});

enum class ReviewDecision { kAccept, kReject };

// The id a unit has on the page and in decisions.json: its tuid, or, for a
// unit without one (other tools may omit it), "#N" for the N-th unit of its
// memory (1-based; `index` is 0-based).
std::string ReviewUnitId(const TmxUnit& unit, size_t index);

// unit id (ReviewUnitId) -> decision.
using ReviewDecisions = std::map<std::string, ReviewDecision>;

// A reviewer's corrected text of a unit's source and/or target.
struct ReviewEdit {
  std::optional<std::string> source;
  std::optional<std::string> target;
};

// unit id (ReviewUnitId) -> edit.
using ReviewEdits = std::map<std::string, ReviewEdit>;

// The fingerprint of a memory's content: 16 hex digits of FNV-1a over every
// unit's id (ReviewUnitId) and its variants' languages and texts (white
// space collapsed). The page keeps a reviewer's decisions in the browser
// under it, and decisions.json carries it, so that decisions made for one
// memory are never applied to another.
std::string ReviewMemoryFingerprint(const TmxMemory& memory);

// A unit the reviewer made in the document view (by pairing sentences,
// merging two units or splitting one).
struct ReviewNewUnit {
  std::string id;  // its tuid; later operations and edits may name it
  std::string src_document, tgt_document;  // the x-document of each side
  std::string src_lang, tgt_lang;
  std::vector<long> src, tgt;  // segment indices, in `align split` order
  std::string position;        // its x-position prop ("src p0:s3 tgt p0:s4")
  std::string src_text, tgt_text;
};

// One editing operation: the units it removes (by id) and those it makes.
//   pair:   removes nothing, makes one unit of the chosen sentences
//   unpair: removes one unit, makes nothing
//   merge:  removes two neighbouring units, makes their n:m union
//   split:  removes one unit, makes two
struct ReviewOperation {
  std::string op;  // "pair", "unpair", "merge" or "split"
  std::vector<std::string> remove;
  std::vector<ReviewNewUnit> add;
};

// Everything a decisions.json holds. Format 2, as the page exports it:
//   {"format": "crossalign-review-decisions", "version": 2,
//    "memories": ["<ReviewMemoryFingerprint>", ...],  // the page's memories
//    "articles": {"<x-document>": "<fingerprint of its segments>", ...},
//    "decisions": {"<unit id>": "accept" | "reject", ...},
//    "edits": {"<unit id>": {"src": TEXT, "tgt": TEXT}, ...},
//    "operations": [{"op": "pair", "remove": [],
//                    "add": [{"id", "src_doc", "tgt_doc", "src_lang",
//                             "tgt_lang", "src": [3], "tgt": [4],
//                             "position", "src_text", "tgt_text"}]}, ...]}
// "edits", "articles" and "operations" are optional; operations apply in
// order, before decisions and edits (which may name the units they make).
// Format 1 (no "format" key: decisions and edits only, no fingerprint) is
// still read.
struct ReviewDecisionSet {
  int version = 1;
  std::vector<std::string> memories;
  std::map<std::string, std::string> articles;
  ReviewDecisions decisions;
  ReviewEdits edits;
  std::vector<ReviewOperation> operations;
};

// Parses a decisions.json of either format; errors name `name` and the
// problem (as ParseReviewDecisions, and a version newer than 2 or a
// malformed operation).
StatusOr<ReviewDecisionSet> ParseReviewDecisionSet(const std::string& name,
                                                   std::string_view bytes);
StatusOr<ReviewDecisionSet> ReadReviewDecisionSetFile(const std::string& path);

// Parses decisions.json:
//   {"decisions": {"<tuid>": "accept"|"reject", ...},
//    "edits": {"<tuid>": {"src": TEXT, "tgt": TEXT}, ...}}
// "edits" (optional, either side optional) holds the texts the reviewer
// corrected on the page; they are returned in *edits when it is not null.
// Other top-level keys are ignored. Errors name `name` and the problem: not
// JSON, no "decisions" object, a value other than "accept" or "reject", an
// edit without text or leaving a side empty.
StatusOr<ReviewDecisions> ParseReviewDecisions(const std::string& name,
                                               std::string_view bytes,
                                               ReviewEdits* edits = nullptr);
StatusOr<ReviewDecisions> ReadReviewDecisionsFile(const std::string& path,
                                                  ReviewEdits* edits = nullptr);

struct ReviewApplyResult {
  TmxMemory memory;    // the input without rejected units
  size_t added = 0;    // units the operations made
  size_t removed = 0;  // units the operations removed (unpaired, merged...)
  size_t dropped = 0;  // not accepted, left out by keep_accepted_only
  size_t accepted = 0;
  size_t edited = 0;  // accepted units whose text was corrected
  size_t rejected = 0;
  size_t undecided = 0;  // units kept as they were
  // Decided or edited unit ids that name no unit of the memory, sorted.
  std::vector<std::string> unknown_tuids;
};

// Removes the rejected units and marks the accepted ones with the prop
// x-review = "accepted" (replacing an earlier x-review prop); undecided
// units are kept unchanged. A unit with an edit and not rejected is
// accepted, its corrected text (white space collapsed) replaces the
// segment (markup included), and the prop x-review-edited says which side
// changed ("src", "tgt" or "src,tgt"). The header gains an x-review prop
// counting the decisions. Decisions naming no unit are listed, not an
// error.
ReviewApplyResult ApplyReviewDecisions(const TmxMemory& memory,
                                       const ReviewDecisions& decisions,
                                       const ReviewEdits& edits = {});

struct ReviewApplyOptions {
  // Keep only the units the reviewer accepted, corrected or made; leave
  // out the undecided ones (`--keep accepted`).
  bool keep_accepted_only = false;
};

// Applies a decisions file: refuses it (kInvalidArgument, naming `name`)
// when it carries memory fingerprints and none is `memory`'s; then runs its
// operations in order (the units made carry x-review = "added", "merged" or
// "split", x-bead, x-position and x-document, and stand where the units
// they replace stood, or after the units of their document pair that
// precede them), then its decisions and edits as ApplyReviewDecisions does.
StatusOr<ReviewApplyResult> ApplyReviewDecisionSet(
    const TmxMemory& memory, const ReviewDecisionSet& set,
    const std::string& name, const ReviewApplyOptions& options = {});

}  // namespace crossalign

#endif  // CROSSALIGN_REVIEW_PAGE_H_
