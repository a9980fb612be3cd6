// Uses the installed crossalign: aligns two short texts in one call
// (align_texts.h), prints a TMX. Exits non-zero when anything fails.
#include <crossalign/align_texts.h>
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
  auto pair = crossalign::AlignTexts(
      options, "The bridge reopened on Friday. Trains will cross it daily.",
      "Die Brücke wurde am Freitag wieder geöffnet. Züge werden sie "
      "täglich überqueren.");
  if (!pair.ok()) {
    std::cerr << pair.status().ToString() << "\n";
    return 1;
  }
  if (pair->src->lang() != "en" || pair->tgt->lang() != "de") return 1;
  const auto units = crossalign::UnitsOf(*pair);
  if (units.size() != 2 || units[0].src != "The bridge reopened on Friday." ||
      units[0].tgt != "Die Brücke wurde am Freitag wieder geöffnet.") {
    std::cerr << "unexpected units\n";
    return 1;
  }
  auto xml = crossalign::TmxWriter().Render({*pair});
  if (!xml.ok()) return 1;
  std::cout << *xml;
  return 0;
}
