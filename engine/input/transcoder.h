// Single-byte legacy encodings (cp1252, latin1) to UTF-8, through iconv. Bytes the encoding does
// not define become U+FFFD rather than stopping the scan.
#pragma once

#include <iconv.h>

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "input/record_batch.h"

namespace listscan {

class Transcoder {
 public:
  static absl::StatusOr<std::unique_ptr<Transcoder>> Create(TextEncoding encoding);
  ~Transcoder();
  // Appends the UTF-8 form of `bytes` to `out`. Single-byte encodings need no carry-over
  // between calls.
  void Append(std::string_view bytes, std::string* out);

 private:
  explicit Transcoder(iconv_t handle) : handle_(handle) {}
  iconv_t handle_;
};

}  // namespace listscan
