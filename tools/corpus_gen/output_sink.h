// A byte sink for the corpus: a file or stdout, written plain, gzip (zlib) or zstd.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace listscan::corpus {

enum class Compression { kNone, kGzip, kZstd };

class OutputSink {
 public:
  // `path` "-" is stdout. `level` 0 picks the codec's default (gzip 6, zstd 3).
  static absl::Status Open(const std::string& path, Compression compression, int level,
                           std::unique_ptr<OutputSink>* sink);
  virtual ~OutputSink() = default;

  // Callers batch: each call is one write (or one compressor step) of the whole buffer.
  virtual absl::Status Write(std::string_view bytes) = 0;
  // Flushes the compressor and closes the file; the sink takes no more writes.
  virtual absl::Status Close() = 0;
};

}  // namespace listscan::corpus
