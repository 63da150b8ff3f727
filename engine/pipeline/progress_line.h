// The progress line on stderr: records, MB/s and, when the input size is known, an ETA.
// Shown only when asked (the CLI asks when stderr is a terminal), at most four times a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace listscan {

class ProgressLine {
 public:
  ProgressLine(bool enabled, std::optional<uint64_t> total_file_bytes)
      : enabled_(enabled), total_(total_file_bytes), started_(std::chrono::steady_clock::now()),
        last_(started_) {}

  void Update(uint64_t records, uint64_t bytes, uint64_t file_bytes_consumed);
  // Clears the line.
  void Finish();

 private:
  bool enabled_;
  std::optional<uint64_t> total_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_;
  bool shown_ = false;
};

}  // namespace listscan
