#include "crossalign/align_texts.h"

#include <memory>
#include <utility>

#include "write/bead_text.h"

namespace crossalign {

StatusOr<AlignedPair> AlignTexts(const Pipeline& pipeline, std::string_view src,
                                 std::string_view tgt,
                                 const AlignTextsOptions& options) {
  const ReadDocumentOptions& read = pipeline.options().read;
  CROSSALIGN_ASSIGN_OR_RETURN(Document src_doc,
                              DecodeDocument(options.src_name, src, read));
  CROSSALIGN_ASSIGN_OR_RETURN(Document tgt_doc,
                              DecodeDocument(options.tgt_name, tgt, read));
  CROSSALIGN_ASSIGN_OR_RETURN(
      std::shared_ptr<const Document> src_prepared,
      pipeline.PrepareDocument(std::move(src_doc), options.src_lang));
  CROSSALIGN_ASSIGN_OR_RETURN(
      std::shared_ptr<const Document> tgt_prepared,
      pipeline.PrepareDocument(std::move(tgt_doc), options.tgt_lang));
  return pipeline.Align(std::move(src_prepared), std::move(tgt_prepared));
}

StatusOr<AlignedPair> AlignTexts(PipelineOptions pipeline_options,
                                 std::string_view src, std::string_view tgt,
                                 const AlignTextsOptions& options) {
  pipeline_options.languages_given =
      pipeline_options.languages_given ||
      (pipeline_options.presegmented && !options.src_lang.empty() &&
       !options.tgt_lang.empty());
  CROSSALIGN_ASSIGN_OR_RETURN(std::unique_ptr<Pipeline> pipeline,
                              Pipeline::Create(pipeline_options));
  return AlignTexts(*pipeline, src, tgt, options);
}

std::vector<AlignedUnit> UnitsOf(const AlignedPair& pair, double min_score) {
  std::vector<AlignedUnit> units;
  units.reserve(pair.alignment.beads.size());
  for (const Bead& bead : pair.alignment.beads) {
    if (bead.IsPair() && bead.score < min_score) continue;
    AlignedUnit unit;
    unit.src_ids = bead.src;
    unit.tgt_ids = bead.tgt;
    unit.src = internal::SideText(*pair.src, bead.src);
    unit.tgt = internal::SideText(*pair.tgt, bead.tgt);
    unit.score = bead.score;
    unit.bead = bead.Type();
    units.push_back(std::move(unit));
  }
  return units;
}

}  // namespace crossalign
