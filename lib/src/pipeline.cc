#include "crossalign/pipeline.h"

namespace crossalign {

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  pipeline->options_ = options;
  if (!options.languages_given) {
    StatusOr<std::string> model_path = FindLidModel(options.lid_model);
    if (!model_path.ok()) return model_path.status();
    auto lid = LanguageIdentifier::Load(*model_path, options.lid);
    if (!lid.ok()) return lid.status();
    pipeline->lid_ = std::move(*lid);
  }
  auto segmenter = SentenceSegmenter::Create(options.segmenter);
  if (!segmenter.ok()) return segmenter.status();
  pipeline->segmenter_ = std::move(*segmenter);
  pipeline->aligner_ = std::make_unique<TranslationAligner>(options.aligner);
  return pipeline;
}

std::shared_ptr<const Document> Pipeline::PrepareDocument(
    Document doc, const std::string& lang) const {
  // The document language picks the segmentation rules; segment languages
  // are found after segmentation, with the document language as the prior.
  if (options_.presegmented) {
    SegmentByLines(&doc);
    if (!lang.empty()) {
      doc.set_lang(lang, 1.0);
      for (Segment& seg : *doc.mutable_segments()) seg.lang = lang;
    } else if (lid_) {
      lid_->IdentifyDocument(&doc);
    } else {
      doc.set_lang(kUndeterminedLanguage, 0.0);
    }
    return std::make_shared<const Document>(std::move(doc));
  }
  if (lid_) lid_->IdentifyDocument(&doc);
  if (!lang.empty()) {
    doc.set_lang(lang, 1.0);
  } else if (!lid_) {
    doc.set_lang(kUndeterminedLanguage, 0.0);
  }
  if (segmenter_->Segment(&doc).ok() && lid_) lid_->IdentifySegments(&doc);
  return std::make_shared<const Document>(std::move(doc));
}

StatusOr<std::shared_ptr<const Document>> Pipeline::Prepare(
    const std::string& path, const std::string& lang) const {
  StatusOr<Document> doc = ReadDocumentFile(path, options_.read);
  if (!doc.ok()) return doc.status();
  return PrepareDocument(std::move(*doc), lang);
}

StatusOr<AlignedPair> Pipeline::Align(
    std::shared_ptr<const Document> src,
    std::shared_ptr<const Document> tgt) const {
  StatusOr<Alignment> alignment = aligner_->Align(*src, *tgt);
  if (!alignment.ok()) return alignment.status();
  AlignedPair pair;
  pair.src = std::move(src);
  pair.tgt = std::move(tgt);
  pair.alignment = std::move(*alignment);
  return pair;
}

StatusOr<AlignedPair> Pipeline::AlignFiles(const std::string& src_path,
                                           const std::string& tgt_path,
                                           const std::string& src_lang,
                                           const std::string& tgt_lang) const {
  auto src = Prepare(src_path, src_lang);
  if (!src.ok()) return src.status();
  auto tgt = Prepare(tgt_path, tgt_lang);
  if (!tgt.ok()) return tgt.status();
  return Align(*src, *tgt);
}

}  // namespace crossalign
