// Pipeline: the whole job for a pair of articles, read -> identify language
// -> segment -> align, with every stage loaded once and shared.
//
//   crossalign::PipelineOptions options;            // finds lid.176.ftz
//   auto pipeline = crossalign::Pipeline::Create(options);
//   if (!pipeline.ok()) { /* pipeline.status().ToString() */ }
//   auto pair = (*pipeline)->AlignFiles("a.en.txt", "a.uk.txt");
//   crossalign::TmxWriter writer;
//   crossalign::Status s = writer.WriteFile("out.tmx", {*pair});
#ifndef CROSSALIGN_PIPELINE_H_
#define CROSSALIGN_PIPELINE_H_

#include <memory>
#include <string>

#include "crossalign/alignment.h"
#include "crossalign/comparable_aligner.h"
#include "crossalign/document.h"
#include "crossalign/language_identifier.h"
#include "crossalign/sentence_segmenter.h"
#include "crossalign/status.h"
#include "crossalign/stories.h"
#include "crossalign/translation_aligner.h"

namespace crossalign {

struct PipelineOptions {
  // Path of the fastText language-ID model; searched for when empty (see
  // FindLidModel).
  std::string lid_model;
  LanguageIdentifierOptions lid;
  SentenceSegmenterOptions segmenter;
  TranslationAlignerOptions aligner;
  ComparableAlignerOptions comparable;
  // How pairs are aligned (alignment.h); kAuto decides per pair.
  AlignMode mode = AlignMode::kAuto;
  // When two articles are one story (stories.h); also the story check of
  // Align().
  StoryOptions stories;
  ReadDocumentOptions read;
  // Input is one sentence per line: no segmentation, and no language
  // identification where the caller gives the language.
  bool presegmented = false;
  // Do not load the language-ID model: every call gives the language.
  // Documents prepared without a language are then "und".
  bool languages_given = false;
};

class Pipeline {
 public:
  static StatusOr<std::unique_ptr<Pipeline>> Create(
      const PipelineOptions& options);
  ~Pipeline();

  // Reads, identifies and segments one article ("-": standard input).
  // `lang`, when not empty, overrides the detected language.
  StatusOr<std::shared_ptr<const Document>> Prepare(
      const std::string& path, const std::string& lang = "") const;

  // Identifies and segments a document that is already in memory. A
  // segmentation failure (ICU, or a --rules file of the document's language
  // that does not parse) is an error naming the document; the document is
  // then not returned without its segments.
  StatusOr<std::shared_ptr<const Document>> PrepareDocument(
      Document doc, const std::string& lang = "") const;

  // Aligns two prepared documents in options.mode. In kAuto mode the pair
  // is first aligned as a translation; when that alignment is not
  // convincing (too few confident beads, or sentence counts too different)
  // the articles are aligned as comparable texts. The decision and its
  // reason are in Alignment::mode and Alignment::mode_reason.
  //
  // Comparable texts must report one story: unless `story_known` (the caller
  // grouped the articles itself, as AlignCollection does), two articles
  // that fail GroupStories' test with options.stories give an alignment
  // marked `unrelated`, with no beads and the reason in mode_reason.
  StatusOr<AlignedPair> Align(std::shared_ptr<const Document> src,
                              std::shared_ptr<const Document> tgt,
                              bool story_known = false) const;

  const PipelineOptions& options() const { return options_; }

  // Prepare() both files, then Align().
  StatusOr<AlignedPair> AlignFiles(const std::string& src_path,
                                   const std::string& tgt_path,
                                   const std::string& src_lang = "",
                                   const std::string& tgt_lang = "") const;

  // Null when options.languages_given.
  const LanguageIdentifier* language_identifier() const { return lid_.get(); }
  // The sentence segmenter. A pipeline for presegmented input (without
  // --srx or --rules files to check) creates it on first use only: it
  // compiles rules a run over one-sentence-per-line files never needs.
  const SentenceSegmenter& segmenter() const;

 private:
  Pipeline();
  // The segmenter and the flag that makes it once (pipeline.cc), behind a
  // pointer so that this header needs no <mutex>.
  struct LazySegmenter;
  PipelineOptions options_;
  std::unique_ptr<LanguageIdentifier> lid_;
  std::unique_ptr<LazySegmenter> segmenter_;
  std::unique_ptr<TranslationAligner> aligner_;
  std::unique_ptr<ComparableAligner> comparable_;
};

}  // namespace crossalign

#endif  // CROSSALIGN_PIPELINE_H_
