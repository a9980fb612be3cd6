// Writing an output file without ever leaving a half-written one. Internal.
#ifndef CROSSALIGN_SRC_BASE_FILE_IO_H_
#define CROSSALIGN_SRC_BASE_FILE_IO_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crossalign/status.h"

namespace crossalign::internal {

// What an output path names, decided before writing (one policy for every
// output of every command):
struct OutputTarget {
  enum Kind {
    kNew,             // nothing yet: a new file
    kRegular,         // a regular file (or a link to one), replaced
    kThrough,         // a device or FIFO, or a link into /dev or /proc such
                      // as /dev/stdout: written through, never replaced
    kStandardOutput,  // "-"
  } kind = kNew;
  // The file to write: for a link to a regular file, the file it names (the
  // link stays).
  std::string path;
};
// A directory, a block device, a socket and a dangling link are refused
// (kInvalidArgument).
StatusOr<OutputTarget> ResolveOutputTarget(const std::string& path);

// Whether `path` may be written: refused when ResolveOutputTarget refuses
// it, or when it is an existing regular file and not `replace`
// (kFailedPrecondition "PATH exists; pass --force to replace it").
Status MayWriteOutput(const std::string& path, bool replace);

// Writes `content` to a temporary file in the folder of `path`, flushes it to
// disk, then renames it to `path`; "-", a device, a FIFO or /dev/stdout is
// written through instead (ResolveOutputTarget). On any failure the temporary
// file is removed and `path` is left as it was. The error names `path` and the
// cause. Without `replace`, an existing `path` is kept and the error is
// kFailedPrecondition, decided atomically by the rename (RENAME_NOREPLACE).
Status WriteFileAtomically(const std::string& path, std::string_view content,
                           bool replace = true);

// WriteFileAtomically with the content written in pieces: `produce` calls
// the writer it is given once per piece, in order, and returns its first
// error (or its own), so a file of any size is written in little memory.
using PieceWriter = std::function<Status(std::string_view)>;
Status WriteFileAtomicallyInPieces(
    const std::string& path,
    const std::function<Status(const PieceWriter&)>& produce,
    bool replace = true);

// The same for several files, all or nothing: every temporary file is
// written before any is renamed, and without `replace` the files renamed
// before a failure are removed again. Each must be a regular file.
Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string_view>>& files,
    bool replace);

// Reads a whole file of at most `max_bytes` (checked while reading, so a
// device without end stops at the limit). FIFOs, sockets and directories are
// refused without blocking. Errors name the file. "-" is standard input.
StatusOr<std::string> ReadWholeFile(const std::string& path,
                                    uint64_t max_bytes);

// Reads `fd` to its end, refusing more than `max_bytes`; `name` is used in
// messages.
StatusOr<std::string> ReadBounded(int fd, const std::string& name,
                                  uint64_t max_bytes);

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_FILE_IO_H_
