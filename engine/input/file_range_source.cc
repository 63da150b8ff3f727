// ByteSource over a byte range of a plain file, read with pread: one part of a file that is
// scanned in several parts (see input_parts.h).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "input/byte_source.h"

namespace listscan {
namespace {

class FileRangeSource : public ByteSource {
 public:
  FileRangeSource(std::string name, int fd, uint64_t begin, uint64_t end)
      : name_(std::move(name)), fd_(fd), begin_(begin), end_(end) {}
  ~FileRangeSource() override { close(fd_); }

  absl::StatusOr<size_t> Read(std::string* out, size_t max_bytes) override {
    const uint64_t left = end_ - begin_ - done_;
    const size_t want = static_cast<size_t>(std::min<uint64_t>(left, max_bytes));
    if (want == 0) return 0;
    const size_t old = out->size();
    out->resize(old + want);
    ssize_t got;
    do {
      got = ::pread(fd_, out->data() + old, want, static_cast<off_t>(begin_ + done_));
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      out->resize(old);
      return absl::DataLossError(absl::StrCat(name_, ": read error: ", std::strerror(errno)));
    }
    out->resize(old + static_cast<size_t>(got));
    if (got == 0) {
      return absl::DataLossError(absl::StrCat(name_, ": file shrank while it was read"));
    }
    done_ += static_cast<uint64_t>(got);
    return static_cast<size_t>(got);
  }

  uint64_t raw_bytes_read() const override { return done_; }
  std::optional<uint64_t> file_size() const override { return end_ - begin_; }

 private:
  std::string name_;
  int fd_;
  uint64_t begin_;
  uint64_t end_;
  uint64_t done_ = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ByteSource>> ByteSource::OpenRange(const std::string& path,
                                                                  uint64_t begin, uint64_t end) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
  return std::unique_ptr<ByteSource>(new FileRangeSource(path, fd, begin, std::max(begin, end)));
}

}  // namespace listscan
