// The bytes of one input: a file or standard input, with gzip or zstd compression undone when the
// first bytes say so (whatever the file is called).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"

namespace listscan {

class ByteSource {
 public:
  // "-" is standard input. Fails with "<path>: <reason>" when the input cannot be opened.
  static absl::StatusOr<std::unique_ptr<ByteSource>> Open(const std::string& path);
  // Bytes [begin, end) of a plain (uncompressed) file, as they are: one part of a file scanned in
  // parts. file_size() is the range's size.
  static absl::StatusOr<std::unique_ptr<ByteSource>> OpenRange(const std::string& path,
                                                               uint64_t begin, uint64_t end);
  virtual ~ByteSource() = default;

  // Appends up to `max_bytes` decompressed bytes to `out`; returns how many (0 at the end).
  // A read error or a corrupt or truncated compressed stream is an error naming the input; the
  // bytes decompressed before the damage are appended all the same.
  virtual absl::StatusOr<size_t> Read(std::string* out, size_t max_bytes) = 0;

  // Bytes taken from the file itself so far (compressed bytes for .gz/.zst).
  virtual uint64_t raw_bytes_read() const = 0;
  // The file's size on disk, if it is a regular file.
  virtual std::optional<uint64_t> file_size() const = 0;
};

}  // namespace listscan
