// OutputSink implementations: plain stdio, gzip through zlib's deflate, zstd's streaming API.
#include "output_sink.h"

#define ZLIB_CONST  // next_in is const: the input is never written
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"

namespace listscan::corpus {
namespace {

class FileHandle {
 public:
  absl::Status Open(const std::string& path) {
    path_ = path;
    if (path == "-") {
      file_ = stdout;
      return absl::OkStatus();
    }
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr)
      return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(errno)));
    return absl::OkStatus();
  }
  absl::Status Write(const void* data, size_t size) {
    if (size > 0 && std::fwrite(data, 1, size, file_) != size) {
      return absl::DataLossError(absl::StrCat(path_, ": write failed: ", std::strerror(errno)));
    }
    return absl::OkStatus();
  }
  absl::Status Close() {
    if (file_ == nullptr) return absl::OkStatus();
    const bool failed = file_ == stdout ? std::fflush(file_) != 0 : std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed)
      return absl::DataLossError(absl::StrCat(path_, ": close failed: ", std::strerror(errno)));
    return absl::OkStatus();
  }
  ~FileHandle() { (void)Close(); }

 private:
  std::string path_;
  FILE* file_ = nullptr;
};

class PlainSink : public OutputSink {
 public:
  absl::Status Init(const std::string& path) { return file_.Open(path); }
  absl::Status Write(std::string_view bytes) override {
    return file_.Write(bytes.data(), bytes.size());
  }
  absl::Status Close() override { return file_.Close(); }

 private:
  FileHandle file_;
};

class GzipSink : public OutputSink {
 public:
  absl::Status Init(const std::string& path, int level) {
    if (absl::Status status = file_.Open(path); !status.ok()) return status;
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream_, level == 0 ? 6 : level, Z_DEFLATED, 15 + 16, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      return absl::InternalError("zlib: deflateInit2 failed");
    }
    initialized_ = true;
    out_.resize(1 << 20);
    return absl::OkStatus();
  }
  ~GzipSink() override {
    if (initialized_) deflateEnd(&stream_);
  }
  absl::Status Write(std::string_view bytes) override { return Deflate(bytes, Z_NO_FLUSH); }
  absl::Status Close() override {
    if (absl::Status status = Deflate({}, Z_FINISH); !status.ok()) return status;
    return file_.Close();
  }

 private:
  absl::Status Deflate(std::string_view bytes, int flush) {
    stream_.next_in = reinterpret_cast<const Bytef*>(bytes.data());
    stream_.avail_in = static_cast<uInt>(bytes.size());
    int result = Z_OK;
    do {
      stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
      stream_.avail_out = static_cast<uInt>(out_.size());
      result = deflate(&stream_, flush);
      if (result == Z_STREAM_ERROR) return absl::InternalError("zlib: deflate failed");
      if (absl::Status status = file_.Write(out_.data(), out_.size() - stream_.avail_out);
          !status.ok()) {
        return status;
      }
    } while (stream_.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END));
    return absl::OkStatus();
  }

  FileHandle file_;
  z_stream stream_{};
  bool initialized_ = false;
  std::vector<char> out_;
};

class ZstdSink : public OutputSink {
 public:
  absl::Status Init(const std::string& path, int level) {
    if (absl::Status status = file_.Open(path); !status.ok()) return status;
    context_ = ZSTD_createCCtx();
    if (context_ == nullptr) return absl::InternalError("zstd: cannot create a context");
    ZSTD_CCtx_setParameter(context_, ZSTD_c_compressionLevel, level == 0 ? 3 : level);
    out_.resize(ZSTD_CStreamOutSize());
    return absl::OkStatus();
  }
  ~ZstdSink() override { ZSTD_freeCCtx(context_); }
  absl::Status Write(std::string_view bytes) override { return Compress(bytes, ZSTD_e_continue); }
  absl::Status Close() override {
    if (absl::Status status = Compress({}, ZSTD_e_end); !status.ok()) return status;
    return file_.Close();
  }

 private:
  absl::Status Compress(std::string_view bytes, ZSTD_EndDirective mode) {
    ZSTD_inBuffer in = {bytes.data(), bytes.size(), 0};
    while (true) {
      ZSTD_outBuffer out = {out_.data(), out_.size(), 0};
      const size_t remaining = ZSTD_compressStream2(context_, &out, &in, mode);
      if (ZSTD_isError(remaining))
        return absl::InternalError(absl::StrCat("zstd: ", ZSTD_getErrorName(remaining)));
      if (absl::Status status = file_.Write(out_.data(), out.pos); !status.ok()) return status;
      const bool done = mode == ZSTD_e_end ? remaining == 0 : in.pos == in.size;
      if (done) return absl::OkStatus();
    }
  }

  FileHandle file_;
  ZSTD_CCtx* context_ = nullptr;
  std::vector<char> out_;
};

}  // namespace

absl::Status OutputSink::Open(const std::string& path, Compression compression, int level,
                              std::unique_ptr<OutputSink>* sink) {
  switch (compression) {
    case Compression::kNone: {
      auto plain = std::make_unique<PlainSink>();
      if (absl::Status status = plain->Init(path); !status.ok()) return status;
      *sink = std::move(plain);
      return absl::OkStatus();
    }
    case Compression::kGzip: {
      auto gzip = std::make_unique<GzipSink>();
      if (absl::Status status = gzip->Init(path, level); !status.ok()) return status;
      *sink = std::move(gzip);
      return absl::OkStatus();
    }
    case Compression::kZstd: {
      auto zstd = std::make_unique<ZstdSink>();
      if (absl::Status status = zstd->Init(path, level); !status.ok()) return status;
      *sink = std::move(zstd);
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError("unknown compression");
}

}  // namespace listscan::corpus
