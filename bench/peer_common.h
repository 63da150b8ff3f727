// What the peer programs share: reading a keyword file, reading a corpus in large chunks of whole
// lines (constant memory, padded for simdjson), a clock, and the one-line report on stderr.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace listscan::bench {

// Readable bytes guaranteed after every chunk (simdjson's SIMDJSON_PADDING is 64).
inline constexpr size_t kPadding = 64;

[[noreturn]] inline void Die(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::exit(2);
}

// One keyword per line; empty lines and a trailing CR are dropped.
inline std::vector<std::string> ReadKeywords(const char* path) {
  std::ifstream in(path);
  if (!in) Die(std::string(path) + ": cannot open");
  std::vector<std::string> keywords;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) keywords.push_back(line);
  }
  if (keywords.empty()) Die(std::string(path) + ": no keywords");
  return keywords;
}

// Reads a file as a sequence of chunks that end at a newline (the last one may not). Each chunk
// is followed by at least kPadding readable bytes (of unspecified content: simdjson only needs them
// readable). A line longer than the chunk size grows the buffer.
class ChunkReader {
 public:
  explicit ChunkReader(const char* path, size_t chunk_bytes = 16 << 20)
      : buffer_(chunk_bytes + kPadding) {
    fd_ = open(path, O_RDONLY);
    if (fd_ < 0) Die(std::string(path) + ": " + std::strerror(errno));
    posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~ChunkReader() { close(fd_); }
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;

  bool Next(std::string_view* chunk) {
    std::memmove(buffer_.data(), buffer_.data() + consumed_, filled_ - consumed_);
    filled_ -= consumed_;
    consumed_ = 0;
    while (consumed_ == 0) {
      const size_t capacity = buffer_.size() - kPadding;
      if (filled_ == capacity) {
        const void* last = memrchr(buffer_.data(), '\n', filled_);
        if (last != nullptr) {
          consumed_ = static_cast<const char*>(last) - buffer_.data() + 1;
          break;
        }
        buffer_.resize(buffer_.size() * 2);
        continue;
      }
      const ssize_t got = read(fd_, buffer_.data() + filled_, capacity - filled_);
      if (got < 0) Die(std::string("read: ") + std::strerror(errno));
      if (got == 0) {  // end of file: the rest is the last chunk
        consumed_ = filled_;
        break;
      }
      filled_ += static_cast<size_t>(got);
      bytes_read_ += static_cast<uint64_t>(got);
    }
    if (consumed_ == 0) return false;
    *chunk = std::string_view(buffer_.data(), consumed_);
    return true;
  }

  // Calls on_line(line) for each line of each chunk, without the newline.
  template <typename OnLine>
  uint64_t ForEachLine(OnLine on_line) {
    uint64_t lines = 0;
    for (std::string_view chunk; Next(&chunk);) {
      size_t start = 0;
      while (start < chunk.size()) {
        const char* newline =
            static_cast<const char*>(std::memchr(chunk.data() + start, '\n', chunk.size() - start));
        const size_t end =
            newline == nullptr ? chunk.size() : static_cast<size_t>(newline - chunk.data());
        // The second argument: where the readable bytes after this line end (for padding checks).
        on_line(chunk.substr(start, end - start), chunk.data() + chunk.size() + kPadding);
        ++lines;
        start = end + 1;
      }
    }
    return lines;
  }

  uint64_t bytes_read() const { return bytes_read_; }

 private:
  int fd_ = -1;
  std::vector<char> buffer_;  // chunk bytes, then kPadding bytes that are never part of a chunk
  size_t filled_ = 0;
  size_t consumed_ = 0;
  uint64_t bytes_read_ = 0;
};

class Stopwatch {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The report run.sh reads: one line of key=value pairs on stderr.
inline void Report(const char* tool, uint64_t matched_lines, uint64_t lines, uint64_t bytes,
                   double compile_seconds, double scan_seconds) {
  std::fprintf(
      stderr,
      "%s: matched_lines=%llu lines=%llu bytes=%llu compile_s=%.3f scan_s=%.3f mb_per_s=%.1f\n",
      tool, static_cast<unsigned long long>(matched_lines), static_cast<unsigned long long>(lines),
      static_cast<unsigned long long>(bytes), compile_seconds, scan_seconds,
      scan_seconds > 0 ? static_cast<double>(bytes) / 1e6 / scan_seconds : 0.0);
}

}  // namespace listscan::bench
