// Writing output files safely.
#ifndef CROSSALIGN_OUTPUT_FILE_H_
#define CROSSALIGN_OUTPUT_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crossalign/status.h"

namespace crossalign {

// Writes `content` to a temporary file in the folder of `path`, flushes it,
// then renames it onto `path`: readers never see a half-written file, and on
// any error (missing folder, no permission, full disk) nothing is left
// behind. The error names `path` and the cause.
// With `replace` false, an existing file is never replaced: the error is
// kFailedPrecondition, and the check is the rename itself (RENAME_NOREPLACE),
// so of two processes writing one new file only one succeeds.
// Only a regular file is ever replaced: "-" is standard output, and a
// character device, a FIFO or a link into /dev or /proc (/dev/stdout) is
// written through, as `>` would; a link to a regular file writes that file
// (the link stays). A directory, a block device, a socket or a dangling link
// is refused (kInvalidArgument).
Status WriteOutputFile(const std::string& path, std::string_view content,
                       bool replace = true);

// Whether WriteOutputFile(path, ..., replace) may write `path`: refused
// (kFailedPrecondition) when it is an existing regular file and not
// `replace`, or when WriteOutputFile would refuse it. For checking every
// output before the work.
Status MayWriteOutputFile(const std::string& path, bool replace);

// Writes several files all or nothing (the two files of a Moses corpus):
// every temporary file is written first, then all are renamed; without
// `replace`, an existing target fails the call and the files already renamed
// by it are removed. Each must be a regular file or new (kInvalidArgument).
Status WriteOutputFiles(
    const std::vector<std::pair<std::string, std::string_view>>& files,
    bool replace = true);

// Reads a whole input file, or standard input when `path` is "-", refusing
// more than `max_bytes` while reading (so standard input or /dev/zero never
// grows past the limit). A FIFO, socket or directory given by name is
// refused without blocking. Errors name the file ("standard input" for "-"):
//   kNotFound, kPermissionDenied, kInvalidArgument (not a regular file),
//   kResourceExhausted (above max_bytes).
StatusOr<std::string> ReadInputFile(const std::string& path,
                                    uint64_t max_bytes);

// Refuses (kInvalidArgument, naming both) a run whose outputs are not all
// distinct from each other and from every input: `outputs` are (role, path)
// pairs such as ("--report", "r.jsonl"), compared with each other and with
// `inputs` by device and inode where the file exists, by absolute path
// where it does not yet (so a hard link or another spelling is seen). Empty
// paths and standard input are skipped; "-" is standard output, which one
// output may name; a device or FIFO (/dev/null) may be named several times.
// For checking a run's outputs before any work.
Status CheckDistinctOutputs(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<std::string>& inputs);

// Removes the temporary files of the writes above still in progress in this
// process. Async-signal-safe: for a program's own SIGINT/SIGTERM handler,
// which then ends the program; output files already renamed into place are
// complete.
// (The library installs no signal handler.)
void RemoveUnfinishedOutputFiles();

}  // namespace crossalign

#endif  // CROSSALIGN_OUTPUT_FILE_H_
