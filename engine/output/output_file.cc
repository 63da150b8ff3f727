// OutputFile: stdio with the errors checked, regular files renamed into place on success.
#include "output/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <tuple>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"

namespace listscan {
namespace {

// A new file beside `path` (".NAME.XXXXXX" in the same folder, so the rename stays on one file
// system), with the permissions a plain fopen would give.
absl::StatusOr<std::pair<FILE*, std::string>> CreateTemporary(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string name = absl::StrCat(folder, ".", base, ".XXXXXX");
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  const int fd = mkstemp(buffer.data());
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat(path, ": cannot write: ", std::strerror(errno)));
  }
  name.assign(buffer.data());
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  FILE* file = fdopen(fd, "wb");
  if (file == nullptr) {
    const int error = errno;
    close(fd);
    unlink(name.c_str());
    return absl::UnavailableError(absl::StrCat(path, ": cannot write: ", std::strerror(error)));
  }
  return std::make_pair(file, name);
}

}  // namespace

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<OutputFile>(new OutputFile("standard output", stdout, false, ""));
  }
  struct stat info;
  const bool special = lstat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode);
  FILE* file = nullptr;
  std::string temporary;
  if (special) {  // /dev/null, a named pipe, a symbolic link: written in place
    file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
      return absl::UnavailableError(absl::StrCat(path, ": cannot write: ", std::strerror(errno)));
    }
  } else {
    auto created = CreateTemporary(path);
    if (!created.ok()) return created.status();
    std::tie(file, temporary) = *created;
  }
  std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
  return std::unique_ptr<OutputFile>(new OutputFile(path, file, true, std::move(temporary)));
}

OutputFile::~OutputFile() { Discard(); }

namespace {
constexpr char kClosedPipe[] = "listscan/closed-pipe";
}  // namespace

absl::Status OutputFile::Failed() {
  const int error = errno;
  absl::Status status =
      absl::UnavailableError(absl::StrCat(name_, ": write error: ", std::strerror(error)));
  if (error == EPIPE) status.SetPayload(kClosedPipe, absl::Cord("1"));
  return status;
}

bool IsClosedPipe(const absl::Status& status) {
  return status.GetPayload(kClosedPipe).has_value();
}

absl::Status OutputFile::Write(std::string_view bytes) {
  if (bytes.empty()) return absl::OkStatus();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) return Failed();
  return absl::OkStatus();
}

absl::Status OutputFile::Close() {
  if (closed_) return absl::OkStatus();
  closed_ = true;
  errno = 0;
  const bool flushed = std::fflush(file_) == 0 && !std::ferror(file_);
  absl::Status status = flushed ? absl::OkStatus() : Failed();
  if (owned_ && std::fclose(file_) != 0 && status.ok()) status = Failed();
  if (temporary_.empty()) return status;
  if (status.ok() && std::rename(temporary_.c_str(), name_.c_str()) != 0) {
    status = absl::UnavailableError(
        absl::StrCat(name_, ": cannot put the output in place: ", std::strerror(errno)));
  }
  if (!status.ok()) unlink(temporary_.c_str());
  return status;
}

void OutputFile::Discard() {
  if (closed_) return;
  closed_ = true;
  if (owned_) std::fclose(file_);
  if (!temporary_.empty()) unlink(temporary_.c_str());
}

}  // namespace listscan
