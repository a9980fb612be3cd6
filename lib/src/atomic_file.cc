#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>
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

extern "C" void RemovePendingAndExit(int sig) {
  for (int k = 0; k < kMaxPending; ++k) {
    if (pending_used[k]) ::unlink(pending_paths[k]);
  }
  const char message[] =
      "\ninterrupted: unfinished output removed; files already written are "
      "complete\n";
  [[maybe_unused]] ssize_t n = ::write(2, message, sizeof message - 1);
  ::_exit(128 + sig);
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

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return InvalidArgumentError("cannot write " + path +
                                ": it is a directory; name a file");
  }
  // The temporary name is registered for the interrupt handler before the
  // file exists (created with O_EXCL), so a signal at any moment, on any
  // thread, leaves nothing behind.
  static std::atomic<unsigned long> counter{0};
  std::string tmp_path;
  int fd = -1;
  int slot = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    tmp_path = path + ".tmp." + std::to_string(::getpid()) + "." +
               std::to_string(counter++);
    slot = RegisterPending(tmp_path);
    fd = ::open(tmp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                0600);
    if (fd < 0) {
      const int err = errno;
      Unregister(slot);
      if (err != EEXIST) return ErrnoStatus("cannot write", path, err);
    }
  }
  if (fd < 0) return ErrnoStatus("cannot write", path, EEXIST);
  struct Unregisterer {
    int slot;
    ~Unregisterer() { Unregister(slot); }
  } unregister_on_return{slot};
  auto fail = [&](const char* what, int err) {
    ::close(fd);
    ::unlink(tmp_path.c_str());
    return ErrnoStatus(what, path, err);
  };
  // Created 0600; give the file the usual permissions under umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n =
        ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write", errno);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) return fail("cannot flush", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp_path.c_str());
    return ErrnoStatus("cannot close", path, err);
  }
  if (::rename(tmp_path.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp_path.c_str());
    return ErrnoStatus("cannot rename the temporary file onto", path, err);
  }
  return Status::Ok();
}

StatusOr<std::string> ReadWholeFile(const std::string& path,
                                    uint64_t max_bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) return NotFoundError(path + ": no such file");
    return ErrnoStatus("cannot read", path, err);
  }
  if (S_ISDIR(st.st_mode)) {
    return InvalidArgumentError(path + ": is a directory, not an article file");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return ResourceExhaustedError(
        path + ": file is " + std::to_string(st.st_size) +
        " bytes, above the limit of " + std::to_string(max_bytes) +
        " bytes; split it or raise the limit (--max-file-size)");
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot read", path, errno);
  std::string data;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return ErrnoStatus("cannot read", path, err);
    }
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
    if (data.size() > max_bytes) {
      ::close(fd);
      return ResourceExhaustedError(path + ": file is above the limit of " +
                                    std::to_string(max_bytes) + " bytes");
    }
  }
  ::close(fd);
  return data;
}

}  // namespace crossalign::internal

namespace crossalign {

Status WriteOutputFile(const std::string& path, std::string_view content) {
  return internal::WriteFileAtomically(path, content);
}

void InstallOutputInterruptCleanup() {
  struct sigaction action {};
  action.sa_handler = internal::RemovePendingAndExit;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

}  // namespace crossalign
