#include "base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "crossalign/output_file.h"

namespace crossalign::internal {
namespace {

// Temporary files being written, for the interrupt handler. Fixed-size
// buffers: a signal handler may not allocate.
constexpr int kMaxPending = 64;
constexpr size_t kMaxPathBytes = 4096;
char pending_paths[kMaxPending][kMaxPathBytes];
std::atomic<bool> pending_used[kMaxPending];

int RegisterPending(const std::string& path) {
  if (path.size() >= kMaxPathBytes) return -1;
  for (int k = 0; k < kMaxPending; ++k) {
    bool expected = false;
    if (pending_used[k].compare_exchange_strong(expected, true)) {
      std::memcpy(pending_paths[k], path.c_str(), path.size() + 1);
      return k;
    }
  }
  return -1;
}

void Unregister(int slot) {
  if (slot >= 0) pending_used[slot] = false;
}

void RemovePending() {
  for (int k = 0; k < kMaxPending; ++k) {
    if (pending_used[k]) ::unlink(pending_paths[k]);
  }
}

Status ErrnoStatus(const std::string& what, const std::string& path, int err) {
  std::string message = what + " " + path + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return PermissionDeniedError(message);
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return ResourceExhaustedError(message);
    case EISDIR:
      return InvalidArgumentError(message);
    default:
      return PermissionDeniedError(message);
  }
}

}  // namespace

namespace {

// Writes all of `content` to `fd`; the errno of a failed write, or 0.
int WriteAll(int fd, std::string_view content) {
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n =
        ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    written += static_cast<size_t>(n);
  }
  return 0;
}

// Whether `fd` is open on the file `st` describes.
bool SameFile(int fd, const struct stat& st) {
  struct stat other;
  return ::fstat(fd, &other) == 0 && other.st_dev == st.st_dev &&
         other.st_ino == st.st_ino;
}

Status WriteStandardOutput(std::string_view content) {
  // What the program already wrote to stdout comes first (and so what it
  // wrote to the C++ standard output stream, which writes through stdout
  // unless the program turned that off).
  std::fflush(stdout);
  if (const int err = WriteAll(1, content); err != 0) {
    return PermissionDeniedError(std::string("cannot write to standard "
                                             "output: ") +
                                 std::strerror(err));
  }
  return Status::Ok();
}

// Writes into the file `path` names as it is, without a temporary file: a
// device, a FIFO, or what a link into /dev or /proc leads to (/dev/stdout).
// Standard output or error reached that way is written as such, so that
// what the program writes there stays in order.
Status WriteThrough(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return ErrnoStatus("cannot write", path, errno);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return ErrnoStatus("cannot write", path, err);
  }
  if (SameFile(1, st)) {
    ::close(fd);
    return WriteStandardOutput(content);
  }
  if (SameFile(2, st)) {
    ::close(fd);
    std::fflush(stderr);
    const int err = WriteAll(2, content);
    return err == 0 ? Status::Ok() : ErrnoStatus("cannot write", path, err);
  }
  if (S_ISREG(st.st_mode) && ::ftruncate(fd, 0) != 0) {
    const int err = errno;
    ::close(fd);
    return ErrnoStatus("cannot write", path, err);
  }
  const int err = WriteAll(fd, content);
  if (::close(fd) != 0 && err == 0) {
    return ErrnoStatus("cannot close", path, errno);
  }
  return err == 0 ? Status::Ok() : ErrnoStatus("cannot write", path, err);
}

// Whether the symbolic link chain from `path` passes through /dev or /proc
// (/dev/stdout -> /proc/self/fd/1 -> the process's standard output).
bool LinksIntoDevOrProc(const std::string& path) {
  std::string at = path;
  // Linux follows at most 40 links in a path.
  constexpr int kMaxLinks = 40;
  for (int hop = 0; hop < kMaxLinks; ++hop) {
    if (at.rfind("/dev/", 0) == 0 || at.rfind("/proc/", 0) == 0) return true;
    char target[kMaxPathBytes];
    const ssize_t n = ::readlink(at.c_str(), target, sizeof target - 1);
    if (n < 0) return false;  // not a link: the end of the chain
    std::string next(target, static_cast<size_t>(n));
    if (next.empty() || next[0] != '/') {
      const size_t slash = at.rfind('/');
      next = (slash == std::string::npos ? "" : at.substr(0, slash + 1)) + next;
    }
    at = next;
  }
  return false;
}

}  // namespace

StatusOr<OutputTarget> ResolveOutputTarget(const std::string& path) {
  OutputTarget target;
  target.path = path;
  if (path == "-") {
    target.kind = OutputTarget::kStandardOutput;
    return target;
  }
  struct stat link;
  if (::lstat(path.c_str(), &link) != 0) {
    target.kind = OutputTarget::kNew;  // or a folder that is missing
    return target;
  }
  struct stat st = link;
  if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &st) != 0) {
    return InvalidArgumentError(
        "cannot write " + path +
        ": it is a symbolic link to a file that does not exist; name the "
        "file itself");
  }
  if (S_ISDIR(st.st_mode)) {
    return InvalidArgumentError("cannot write " + path +
                                ": it is a directory; name a file");
  }
  if (S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)) {
    return InvalidArgumentError(
        "cannot write " + path + ": it is a " +
        (S_ISBLK(st.st_mode) ? "block device" : "socket") +
        ", not a regular file; name a file");
  }
  if (!S_ISREG(st.st_mode) ||
      (S_ISLNK(link.st_mode) && LinksIntoDevOrProc(path))) {
    target.kind = OutputTarget::kThrough;
    return target;
  }
  target.kind = OutputTarget::kRegular;
  if (S_ISLNK(link.st_mode)) {
    // Written beside the file the link names, which is replaced; the link
    // stays.
    char* real = ::realpath(path.c_str(), nullptr);
    if (real == nullptr) return ErrnoStatus("cannot write", path, errno);
    target.path = real;
    std::free(real);
  }
  return target;
}

Status MayWriteOutput(const std::string& path, bool replace) {
  CROSSALIGN_ASSIGN_OR_RETURN(const OutputTarget target,
                              ResolveOutputTarget(path));
  if (target.kind == OutputTarget::kRegular && !replace) {
    return FailedPreconditionError(path +
                                   " exists; pass --force to replace it");
  }
  return Status::Ok();
}

namespace {

// A temporary file written next to its target and registered for the
// interrupt handler until it is renamed or removed.
class TempFile {
 public:
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
    Unregister(slot_);
  }

  // Writes `content` to a new temporary file beside `target` and flushes it.
  Status Write(const std::string& target, std::string_view content) {
    return Write(target,
                 [&](const PieceWriter& write) { return write(content); });
  }

  // The same with the content given piece by piece by `produce`.
  Status Write(const std::string& target,
               const std::function<Status(const PieceWriter&)>& produce) {
    target_ = target;
    struct stat st;
    if (::stat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      return InvalidArgumentError("cannot write " + target +
                                  ": it is a directory; name a file");
    }
    // The temporary name is registered for the interrupt handler before the
    // file exists (created with O_EXCL), so a signal at any moment, on any
    // thread, leaves nothing behind.
    static std::atomic<unsigned long> counter{0};
    int fd = -1;
    std::string tmp;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
      tmp = target + ".tmp." + std::to_string(::getpid()) + "." +
            std::to_string(counter++);
      slot_ = RegisterPending(tmp);
      fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0) {
        const int err = errno;
        Unregister(slot_);
        slot_ = -1;
        if (err != EEXIST) return ErrnoStatus("cannot write", target, err);
      }
    }
    if (fd < 0) return ErrnoStatus("cannot write", target, EEXIST);
    path_ = tmp;
    auto fail = [&](const char* what, int err) {
      ::close(fd);
      return ErrnoStatus(what, target, err);
    };
    // Created 0600; give the file the usual permissions under umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    const PieceWriter write = [&](std::string_view content) {
      const int err = WriteAll(fd, content);
      return err == 0 ? Status::Ok() : ErrnoStatus("cannot write", target, err);
    };
    if (Status s = produce(write); !s.ok()) {
      ::close(fd);
      return s;
    }
    if (::fsync(fd) != 0 && errno != EINVAL) return fail("cannot flush", errno);
    if (::close(fd) != 0) return ErrnoStatus("cannot close", target, errno);
    return Status::Ok();
  }

  // Renames the temporary file onto the target. Without `replace`, an
  // existing target is kept and the call fails, atomically: two runs racing
  // to one new output cannot both succeed (renameat2 RENAME_NOREPLACE, or
  // link + unlink on file systems without it).
  Status Commit(bool replace) {
    if (replace) {
      if (::rename(path_.c_str(), target_.c_str()) != 0) {
        return ErrnoStatus("cannot rename the temporary file onto", target_,
                           errno);
      }
    } else if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target_.c_str(),
                           RENAME_NOREPLACE) != 0) {
      int err = errno;
      if (err == EINVAL || err == ENOSYS) {
        err = ::link(path_.c_str(), target_.c_str()) == 0 ? 0 : errno;
        if (err == 0) ::unlink(path_.c_str());
      }
      if (err == EEXIST) {
        return FailedPreconditionError(target_ +
                                       " exists; pass --force to replace it");
      }
      if (err != 0) {
        return ErrnoStatus("cannot rename the temporary file onto", target_,
                           err);
      }
    }
    path_.clear();
    return Status::Ok();
  }

 private:
  std::string target_;
  std::string path_;  // the temporary file while it exists
  int slot_ = -1;
};

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content,
                           bool replace) {
  CROSSALIGN_ASSIGN_OR_RETURN(const OutputTarget target,
                              ResolveOutputTarget(path));
  // Only a regular file is ever replaced: a device, a FIFO or standard
  // output is written through, as it is.
  if (target.kind == OutputTarget::kStandardOutput) {
    return WriteStandardOutput(content);
  }
  if (target.kind == OutputTarget::kThrough) {
    return WriteThrough(path, content);
  }
  TempFile tmp;
  Status s = tmp.Write(target.path, content);
  return s.ok() ? tmp.Commit(replace) : s;
}

Status WriteFileAtomicallyInPieces(
    const std::string& path,
    const std::function<Status(const PieceWriter&)>& produce, bool replace) {
  TempFile tmp;
  Status s = tmp.Write(path, produce);
  return s.ok() ? tmp.Commit(replace) : s;
}

Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string_view>>& files,
    bool replace) {
  // Several files are all or nothing: each must be a regular file (a
  // device or a FIFO cannot be taken back).
  std::vector<std::string> targets;
  for (const auto& [path, content] : files) {
    CROSSALIGN_ASSIGN_OR_RETURN(const OutputTarget target,
                                ResolveOutputTarget(path));
    if (target.kind != OutputTarget::kNew &&
        target.kind != OutputTarget::kRegular) {
      return InvalidArgumentError(
          "cannot write " + path +
          ": it is not a regular file (a device, a pipe or standard output), "
          "and this output is several files written all or nothing; name "
          "regular files");
    }
    targets.push_back(target.path);
  }
  // All temporary files first: a failure there leaves nothing.
  std::vector<std::unique_ptr<TempFile>> tmps;
  for (size_t i = 0; i < files.size(); ++i) {
    tmps.push_back(std::make_unique<TempFile>());
    CROSSALIGN_RETURN_IF_ERROR(tmps.back()->Write(targets[i], files[i].second));
  }
  if (!replace) {
    for (const std::string& path : targets) {
      struct stat st;
      if (::lstat(path.c_str(), &st) == 0) {
        return FailedPreconditionError(path +
                                       " exists; pass --force to replace it");
      }
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    Status s = tmps[i]->Commit(replace);
    if (!s.ok()) {
      // Takes back the files this call put in place (new ones: without
      // --force nothing was replaced).
      if (!replace) {
        for (size_t k = 0; k < i; ++k) ::unlink(targets[k].c_str());
      }
      return s;
    }
  }
  return Status::Ok();
}

StatusOr<std::string> ReadBounded(int fd, const std::string& name,
                                  uint64_t max_bytes) {
  std::string data;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot read", name, errno);
    }
    if (n == 0) break;
    // Checked while reading: standard input or /dev/zero has no size.
    if (data.size() + static_cast<size_t>(n) > max_bytes) {
      return ResourceExhaustedError(
          name + ": more than the limit of " + std::to_string(max_bytes) +
          " bytes; split it or raise the limit (--max-file-size)");
    }
    data.append(buffer, static_cast<size_t>(n));
  }
  return data;
}

StatusOr<std::string> ReadWholeFile(const std::string& path,
                                    uint64_t max_bytes) {
  // "-" is standard input wherever a file is read.
  if (path == "-") return ReadBounded(0, "standard input", max_bytes);
  // O_NONBLOCK: opening a FIFO for reading would wait for a writer for ever
  // (a FIFO in a batch stalled the whole batch). What is not a regular file
  // or a character device is refused after the open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return NotFoundError(path + ": no such file");
    return ErrnoStatus("cannot read", path, err);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return ErrnoStatus("cannot read", path, errno);
  if (S_ISDIR(st.st_mode)) {
    return InvalidArgumentError(path + ": is a directory, not a file");
  }
  if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
    return InvalidArgumentError(
        path + ": is a " +
        (S_ISFIFO(st.st_mode) ? "named pipe (FIFO)" : "socket") +
        ", not a regular file; save the data to a file first");
  }
  if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)) {
    return InvalidArgumentError(path + ": not a regular file");
  }
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) {
    return ResourceExhaustedError(
        path + ": file is " + std::to_string(st.st_size) +
        " bytes, above the limit of " + std::to_string(max_bytes) +
        " bytes; split it or raise the limit (--max-file-size)");
  }
  // Blocking reads from here on (a terminal or a device may need them).
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return ReadBounded(fd, path, max_bytes);
}

}  // namespace crossalign::internal

namespace crossalign {

Status WriteOutputFile(const std::string& path, std::string_view content,
                       bool replace) {
  return internal::WriteFileAtomically(path, content, replace);
}

Status WriteOutputFiles(
    const std::vector<std::pair<std::string, std::string_view>>& files,
    bool replace) {
  return internal::WriteFilesAtomically(files, replace);
}

Status MayWriteOutputFile(const std::string& path, bool replace) {
  return internal::MayWriteOutput(path, replace);
}

StatusOr<std::string> ReadInputFile(const std::string& path,
                                    uint64_t max_bytes) {
  if (path == "-") return internal::ReadBounded(0, "standard input", max_bytes);
  return internal::ReadWholeFile(path, max_bytes);
}

namespace {

// What identifies the file `path` names, for CheckDistinctOutputs: its
// device and inode where it exists, else its absolute path (the folder's
// real path and the name); "" for what may be named twice (a device or a
// FIFO, such as /dev/null).
std::string FileIdentity(const std::string& path) {
  if (path == "-") return "standard output";
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return "";
    return "inode " + std::to_string(st.st_dev) + ":" +
           std::to_string(st.st_ino);
  }
  const size_t slash = path.rfind('/');
  const std::string folder =
      slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string name =
      slash == std::string::npos ? path : path.substr(slash + 1);
  char* real = ::realpath(folder.c_str(), nullptr);
  if (real == nullptr) return "path " + path;  // cannot exist yet either
  std::string identity = "path " + std::string(real) + "/" + name;
  std::free(real);
  return identity;
}

}  // namespace

Status CheckDistinctOutputs(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<std::string>& inputs) {
  // Identity -> the first output or input that has it, as "PATH (ROLE)".
  std::map<std::string, std::string> seen;
  for (const std::string& input : inputs) {
    if (input.empty() || input == "-") continue;  // standard input
    const std::string identity = FileIdentity(input);
    if (!identity.empty()) seen.emplace(identity, input + " (an input)");
  }
  for (const auto& [role, path] : outputs) {
    if (path.empty()) continue;
    const std::string identity = FileIdentity(path);
    if (identity.empty()) continue;
    const std::string named = path + " (" + role + ")";
    const auto [at, inserted] = seen.emplace(identity, named);
    if (!inserted) {
      return InvalidArgumentError(
          named + " is the same file as " + at->second +
          "; every output must be a file of its own, distinct from the "
          "other outputs and from the inputs (nothing was written)");
    }
  }
  return Status::Ok();
}

void RemoveUnfinishedOutputFiles() { internal::RemovePending(); }

}  // namespace crossalign
