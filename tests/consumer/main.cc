// Uses the installed crossalign: identifies a language, aligns two short
// texts, prints a TMX. Exits non-zero when anything fails.
#include <crossalign/language_identifier.h>
#include <crossalign/pipeline.h>
#include <crossalign/tmx_writer.h>
#include <crossalign/version.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer MODEL\n";
    return 2;
  }
  std::cout << "crossalign " << crossalign::Version() << "\n";
  crossalign::PipelineOptions options;
  options.lid_model = argv[1];
  auto pipeline = crossalign::Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << pipeline.status() << "\n";
    return 1;
  }
  auto src = (*pipeline)->PrepareDocument(crossalign::Document::FromText(
      "en", "The bridge reopened on Friday. Trains will cross it daily."));
  auto tgt = (*pipeline)->PrepareDocument(crossalign::Document::FromText(
      "de",
      "Die Brücke wurde am Freitag wieder geöffnet. Züge werden sie "
      "täglich überqueren."));
  if (!src.ok() || !tgt.ok()) return 1;
  auto pair = (*pipeline)->Align(*src, *tgt);
  if (!pair.ok() || (*src)->lang() != "en" || (*tgt)->lang() != "de") return 1;
  auto xml = crossalign::TmxWriter().Render({*pair});
  if (!xml.ok()) return 1;
  std::cout << *xml;
  return pair->alignment.beads.size() == 2 ? 0 : 1;
}
