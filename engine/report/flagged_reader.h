// Streams the flagged listings of one or more `scan` outputs (plain, gzip or zstd; `-` for
// standard input), one at a time: memory stays bounded by one input batch.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "input/record_reader.h"
#include "report/flagged_listing.h"

namespace listscan::report {

class FlaggedReader {
 public:
  static absl::StatusOr<std::unique_ptr<FlaggedReader>> Open(std::vector<std::string> paths);

  // Fills `listing` with the next flagged listing and returns true, or returns false at the end.
  // A line that is not a flagged listing, or an unreadable input, is an error naming the input
  // and the line.
  absl::StatusOr<bool> Next(FlaggedListing* listing);

 private:
  explicit FlaggedReader(std::unique_ptr<RecordReader> reader) : reader_(std::move(reader)) {}
  std::unique_ptr<RecordReader> reader_;
  std::optional<RecordBatch> batch_;
  size_t next_record_ = 0;
  size_t errors_seen_ = 0;
};

}  // namespace listscan::report
