// Runs every file of the folders named on the command line through a fuzz
// target's LLVMFuzzerTestOneInput, without libFuzzer: linked with each
// target, it replays the kept seeds and crashers of tests/fuzz/corpus/ as a
// plain ctest on every build (gcc included). A failed check in the target
// traps and a crash kills the process, so the test fails; the file being
// run is named on stderr first. With -DCROSSALIGN_SANITIZE=ON the same
// tests also catch the memory errors the crashers were kept for.
//   align_fuzzer_replay tests/fuzz/corpus/align
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// The regular files of `dir`, sorted; false when it cannot be read.
bool ListFiles(const std::string& dir, std::vector<std::string>* files) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return false;
  while (const dirent* e = ::readdir(d)) {
    const std::string path = dir + "/" + e->d_name;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      files->push_back(path);
    }
  }
  ::closedir(d);
  std::sort(files->begin(), files->end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SEED_DIR...\n", argv[0]);
    return 2;
  }
  size_t runs = 0;
  for (int a = 1; a < argc; ++a) {
    std::vector<std::string> files;
    if (!ListFiles(argv[a], &files)) {
      std::fprintf(stderr, "%s: cannot read the folder\n", argv[a]);
      return 1;
    }
    for (const std::string& path : files) {
      std::ifstream in(path, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      if (!in.eof() && in.fail()) {
        std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
        return 1;
      }
      std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(),
                   bytes.size());
      std::fflush(stderr);
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                             bytes.size());
      ++runs;
    }
  }
  if (runs == 0) {
    std::fprintf(stderr, "no seed files in the folders given\n");
    return 1;
  }
  std::printf("replayed %zu files without a crash\n", runs);
  return 0;
}
