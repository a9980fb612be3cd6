#include "cli_support.h"

#include "test_support.h"

namespace crossalign::testing {

std::string Align(const std::string& args) {
  return Quote(AlignBinary()) + " " + args;
}

std::string Batch(const std::string& args) { return Align("batch " + args); }

std::string DniesterBridge(const std::string& file) {
  return SourceDir() + "/corpora/dniester-bridge/" + file;
}

}  // namespace crossalign::testing
