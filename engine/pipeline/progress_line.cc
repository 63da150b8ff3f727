// ProgressLine drawing.
#include "pipeline/progress_line.h"

#include <cstdio>

namespace listscan {

void ProgressLine::Update(uint64_t records, uint64_t bytes, uint64_t file_bytes_consumed) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  std::fprintf(stderr, "\r\033[K%llu records, %.1f MB, %.1f MB/s",
               static_cast<unsigned long long>(records), static_cast<double>(bytes) / 1e6,
               mb_per_s);
  if (total_ && *total_ > 0 && file_bytes_consumed > 0) {
    const double fraction = static_cast<double>(file_bytes_consumed) / static_cast<double>(*total_);
    const double remaining = seconds / fraction - seconds;
    std::fprintf(stderr, ", %.0f%%, ETA %.0f s", fraction * 100, remaining > 0 ? remaining : 0);
  }
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Finish() {
  if (shown_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace listscan
