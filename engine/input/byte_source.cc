// ByteSource over a file descriptor: plain, gzip (zlib, multi-member) or zstd (multi-frame).
#include "input/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "absl/strings/str_cat.h"

namespace listscan {
namespace {

constexpr size_t kRawChunk = 1 << 20;

enum class Compression { kNone, kGzip, kZstd };

class FileByteSource : public ByteSource {
 public:
  FileByteSource(std::string name, int fd, bool owned, std::optional<uint64_t> size)
      : name_(std::move(name)), fd_(fd), owned_(owned), size_(size) {}

  ~FileByteSource() override {
    if (owned_) close(fd_);
    if (gzip_ready_) inflateEnd(&gzip_);
    if (zstd_) ZSTD_freeDCtx(zstd_);
  }

  absl::Status Start() {
    // Fill the raw buffer enough to see the magic bytes.
    while (raw_.size() < 4) {
      absl::StatusOr<bool> more = FillRaw();
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(raw_.data());
    if (raw_.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
      compression_ = Compression::kGzip;
      std::memset(&gzip_, 0, sizeof(gzip_));
      if (inflateInit2(&gzip_, 16 + MAX_WBITS) != Z_OK) return Error("cannot start gzip decoder");
      gzip_ready_ = true;
    } else if (raw_.size() >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
      compression_ = Compression::kZstd;
      zstd_ = ZSTD_createDCtx();
      if (zstd_ == nullptr) return Error("cannot start zstd decoder");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<size_t> Read(std::string* out, size_t max_bytes) override {
    switch (compression_) {
      case Compression::kNone:
        return ReadPlain(out, max_bytes);
      case Compression::kGzip:
        return ReadGzip(out, max_bytes);
      case Compression::kZstd:
        return ReadZstd(out, max_bytes);
    }
    return 0;
  }

  uint64_t raw_bytes_read() const override { return raw_total_; }
  std::optional<uint64_t> file_size() const override { return size_; }

 private:
  absl::Status Error(const std::string& reason) const {
    return absl::DataLossError(absl::StrCat(name_, ": ", reason));
  }

  // One read(2) into `destination`; counts the bytes and notes the end of the file.
  absl::StatusOr<size_t> ReadFile(char* destination, size_t max_bytes) {
    ssize_t got;
    do {
      got = ::read(fd_, destination, max_bytes);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      return absl::DataLossError(absl::StrCat(name_, ": read error: ", std::strerror(errno)));
    }
    raw_total_ += static_cast<uint64_t>(got);
    if (got == 0) eof_ = true;
    return static_cast<size_t>(got);
  }

  // Appends more file bytes to raw_ (dropping what was consumed); false at end of file.
  absl::StatusOr<bool> FillRaw() {
    if (eof_) return false;
    if (raw_pos_ > 0) {
      raw_.erase(0, raw_pos_);
      raw_pos_ = 0;
    }
    const size_t old = raw_.size();
    raw_.resize(old + kRawChunk);
    absl::StatusOr<size_t> got = ReadFile(raw_.data() + old, kRawChunk);
    raw_.resize(old + (got.ok() ? *got : 0));
    if (!got.ok()) return got.status();
    return *got > 0;
  }

  size_t raw_available() const { return raw_.size() - raw_pos_; }

  absl::StatusOr<size_t> ReadPlain(std::string* out, size_t max_bytes) {
    if (raw_available() == 0 && !eof_) {
      // Nothing buffered: read straight into the caller's buffer, saving a copy.
      const size_t old = out->size();
      out->resize(old + max_bytes);
      absl::StatusOr<size_t> got = ReadFile(out->data() + old, max_bytes);
      out->resize(old + (got.ok() ? *got : 0));
      return got;
    }
    if (raw_available() == 0) {
      absl::StatusOr<bool> more = FillRaw();
      if (!more.ok()) return more.status();
      if (!*more) return 0;
    }
    const size_t n = std::min(max_bytes, raw_available());
    out->append(raw_, raw_pos_, n);
    raw_pos_ += n;
    return n;
  }

  // The loop both decoders share: feed file bytes to `step` until it produces output, the file
  // ends (an error if `stream_open()` says a member or frame was cut off) or it fails.
  // `step(in, in_size, out, out_size, &consumed, &produced)` decodes; bytes it produced before
  // failing are kept.
  template <typename Step, typename StreamOpen>
  absl::StatusOr<size_t> Decode(std::string* out, size_t max_bytes, const char* kind, Step step,
                                StreamOpen stream_open) {
    const size_t old = out->size();
    out->resize(old + max_bytes);
    size_t produced = 0;
    while (produced == 0) {
      if (raw_available() == 0) {
        absl::StatusOr<bool> more = FillRaw();
        if (!more.ok()) return more.status();
        if (!*more) {
          out->resize(old);
          if (stream_open()) return Error(absl::StrCat("truncated ", kind, " stream"));
          return 0;
        }
      }
      size_t consumed = 0;
      const absl::Status status = step(raw_.data() + raw_pos_, raw_available(),
                                       out->data() + old, max_bytes, &consumed, &produced);
      raw_pos_ += consumed;
      if (!status.ok()) {
        out->resize(old + produced);
        return status;
      }
    }
    out->resize(old + produced);
    return produced;
  }

  absl::StatusOr<size_t> ReadGzip(std::string* out, size_t max_bytes) {
    auto step = [this](char* in, size_t in_size, char* output, size_t out_size, size_t* consumed,
                       size_t* produced) {
      if (!in_member_) {
        inflateReset(&gzip_);  // a new member of a multi-member file
        in_member_ = true;
      }
      gzip_.next_in = reinterpret_cast<Bytef*>(in);
      gzip_.avail_in = static_cast<uInt>(in_size);
      gzip_.next_out = reinterpret_cast<Bytef*>(output);
      gzip_.avail_out = static_cast<uInt>(out_size);
      const int code = inflate(&gzip_, Z_NO_FLUSH);
      *consumed = in_size - gzip_.avail_in;
      *produced = out_size - gzip_.avail_out;
      if (code == Z_STREAM_END) {
        in_member_ = false;
      } else if (code != Z_OK && code != Z_BUF_ERROR) {
        return Error(
            absl::StrCat("corrupt gzip stream: ", gzip_.msg ? gzip_.msg : "inflate failed"));
      }
      return absl::OkStatus();
    };
    return Decode(out, max_bytes, "gzip", step, [this] { return in_member_; });
  }

  absl::StatusOr<size_t> ReadZstd(std::string* out, size_t max_bytes) {
    auto step = [this](char* in, size_t in_size, char* output, size_t out_size, size_t* consumed,
                       size_t* produced) {
      ZSTD_inBuffer input{in, in_size, 0};
      ZSTD_outBuffer result{output, out_size, 0};
      const size_t code = ZSTD_decompressStream(zstd_, &result, &input);
      *consumed = input.pos;
      *produced = result.pos;
      if (ZSTD_isError(code)) {
        return Error(absl::StrCat("corrupt zstd stream: ", ZSTD_getErrorName(code)));
      }
      zstd_frame_open_ = code != 0;
      return absl::OkStatus();
    };
    return Decode(out, max_bytes, "zstd", step, [this] { return zstd_frame_open_; });
  }

  std::string name_;
  int fd_;
  bool owned_;
  std::optional<uint64_t> size_;
  std::string raw_;
  size_t raw_pos_ = 0;
  uint64_t raw_total_ = 0;
  bool eof_ = false;
  Compression compression_ = Compression::kNone;
  z_stream gzip_{};
  bool gzip_ready_ = false;
  bool in_member_ = false;
  ZSTD_DCtx* zstd_ = nullptr;
  bool zstd_frame_open_ = false;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path) {
  int fd = STDIN_FILENO;
  bool owned = false;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
    owned = true;
  }
  std::optional<uint64_t> size;
  struct stat info {};
  if (fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      if (owned) close(fd);
      return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
    }
    if (S_ISREG(info.st_mode)) size = static_cast<uint64_t>(info.st_size);
  }
  auto source = std::make_unique<FileByteSource>(path, fd, owned, size);
  if (absl::Status status = source->Start(); !status.ok()) return status;
  return std::unique_ptr<ByteSource>(std::move(source));
}

}  // namespace listscan
