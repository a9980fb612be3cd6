// The values of the `align` tool's options and operands, checked and read:
// numbers and dates as the command line gives them, and what the named
// files are (a folder, one file twice). The tool's messages stay in tools/.
// A part of the tool (crossalign_jobs, never installed).
#ifndef CROSSALIGN_JOBS_OPTION_VALUES_H_
#define CROSSALIGN_JOBS_OPTION_VALUES_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace crossalign {

// Parses a whole decimal number in [lo, hi]: digits only ("1.5", "2x",
// " 2" and overflowing values are refused).
bool ParseCount(const std::string& text, uint64_t lo, uint64_t hi,
                uint64_t* out);
// Parses a decimal number in [lo, hi] ("0.5", "-2", "1e3"); false on junk,
// hex, inf, nan, blanks and numbers that overflow or underflow a double.
bool ParseDouble(const std::string& text, double lo, double hi, double* out);
// A real UTC date as YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ.
bool ParseDate(const std::string& text,
               std::chrono::system_clock::time_point* out);

bool IsDirectory(const std::string& path);
// Whether `a` and `b` name one existing file (by device and inode, so that
// "x.txt" and "./x.txt" or a hard link are one).
bool SameFile(const std::string& a, const std::string& b);
// `path` made absolute against the working folder ("" gives the folder).
std::string AbsolutePath(const std::string& path);
// The absolute path of the running binary, or "align" when unknown.
std::string SelfPath();
// Whether `align FILE...` runs in many-article mode: other than two inputs,
// a folder or @LIST among them, an output that is a folder (or ends in
// '/'), or `collection_option`, an option only that mode has.
bool IsManyArticleRun(const std::vector<std::string>& inputs,
                      const std::string& output, bool collection_option);
// The manifest `align batch` ran on, as recorded in DIR/.manifest; "" when
// none is recorded.
std::string RecordedBatchManifest(const std::string& dir);

}  // namespace crossalign

#endif  // CROSSALIGN_JOBS_OPTION_VALUES_H_
