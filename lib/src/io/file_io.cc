#include "io/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
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
      size_t written = 0;
      while (written < content.size()) {
        const ssize_t n =
            ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
          if (errno == EINTR) continue;
          return ErrnoStatus("cannot write", target, errno);
        }
        written += static_cast<size_t>(n);
      }
      return Status::Ok();
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
  TempFile tmp;
  Status s = tmp.Write(path, content);
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
  // All temporary files first: a failure there leaves nothing.
  std::vector<std::unique_ptr<TempFile>> tmps;
  for (const auto& [path, content] : files) {
    tmps.push_back(std::make_unique<TempFile>());
    CROSSALIGN_RETURN_IF_ERROR(tmps.back()->Write(path, content));
  }
  if (!replace) {
    for (const auto& [path, content] : files) {
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
        for (size_t k = 0; k < i; ++k) ::unlink(files[k].first.c_str());
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

StatusOr<std::string> ReadInputFile(const std::string& path,
                                    uint64_t max_bytes) {
  if (path == "-") return internal::ReadBounded(0, "standard input", max_bytes);
  return internal::ReadWholeFile(path, max_bytes);
}

void RemoveUnfinishedOutputFiles() { internal::RemovePending(); }

}  // namespace crossalign
