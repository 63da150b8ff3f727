// FlaggedReader: the scan's own record reader, cut as JSON Lines, parsed one line at a time.
#include "report/flagged_reader.h"

#include "absl/strings/str_cat.h"

namespace listscan::report {

absl::StatusOr<std::unique_ptr<FlaggedReader>> FlaggedReader::Open(std::vector<std::string> paths) {
  InputOptions options;
  options.format = InputFormat::kJsonLines;
  absl::StatusOr<std::unique_ptr<RecordReader>> reader = RecordReader::Open(paths, options);
  if (!reader.ok()) return reader.status();
  return std::unique_ptr<FlaggedReader>(new FlaggedReader(std::move(*reader)));
}

absl::StatusOr<bool> FlaggedReader::Next(FlaggedListing* listing) {
  while (true) {
    if (reader_->errors().size() > errors_seen_) {
      return absl::NotFoundError(reader_->errors()[errors_seen_].message);
    }
    if (batch_ && !batch_->rejected.empty()) {
      const RejectedRecord& rejected = batch_->rejected.front();
      return absl::InvalidArgumentError(
          absl::StrCat(batch_->source->name, ":", rejected.line, ": ", rejected.reason));
    }
    if (batch_ && next_record_ < batch_->records.size()) {
      const RawRecord& record = batch_->records[next_record_++];
      if (record.bytes.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      absl::StatusOr<FlaggedListing> parsed = ParseFlaggedListing(record.bytes);
      if (!parsed.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(batch_->source->name, ":", record.line, ": ", parsed.status().message()));
      }
      *listing = std::move(*parsed);
      return true;
    }
    batch_ = reader_->Next();
    next_record_ = 0;
    if (!batch_) {
      if (reader_->errors().size() > errors_seen_) continue;
      return false;
    }
  }
}

}  // namespace listscan::report
