// Turns one raw record (a JSON object or a CSV row) into a Listing: the string values chosen for
// scanning, the id, and the metadata values that rules and output ask for.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "input/record_batch.h"
#include "listscan/listing.h"

namespace listscan {

struct FieldSelection {
  // Glob patterns on field paths ("title", "attributes.*"); empty: every string value.
  std::vector<std::string> scan;
  // Glob patterns on field paths never scanned (e.g. a corpus' "expect" labels).
  std::vector<std::string> skip;
  // The id's path; a listing without it is named "file:line".
  std::string id_field = "id";
  // Exact paths whose scalar values go into Listing::metadata.
  std::vector<std::string> metadata;
};

// One per thread: owns the JSON parser and its buffers.
class ListingParser {
 public:
  explicit ListingParser(FieldSelection selection);
  ~ListingParser();

  // A malformed record fails with a reason fit for the rejects file ("invalid JSON: ...").
  absl::Status Parse(const SourceInfo& source, const RawRecord& record, Listing* out);

  // Which of selection.scan's patterns, and of selection.metadata's paths, matched a field of a
  // record parsed so far (by index): a pattern that never matches is most likely a typo.
  const std::vector<bool>& scan_patterns_seen() const { return scan_seen_; }
  const std::vector<bool>& metadata_seen() const { return metadata_seen_; }
  const FieldSelection& selection() const { return selection_; }

 private:
  struct Json;
  absl::Status ParseJson(std::string_view bytes, Listing* out);
  absl::Status ParseCsv(const SourceInfo& source, std::string_view bytes, Listing* out);
  void AddString(const std::string& path, std::string_view value, Listing* out);
  void AddScalar(std::string_view path, std::string_view value, Listing* out);

  FieldSelection selection_;
  std::unique_ptr<Json> json_;
  std::vector<std::string> csv_values_;
  size_t used_fields_ = 0;
  size_t used_metadata_ = 0;
  std::vector<bool> scan_seen_;
  size_t scan_unseen_ = 0;
  std::vector<bool> metadata_seen_;
};

// Replaces invalid UTF-8 sequences by U+FFFD; returns false when `text` was already valid.
bool ReplaceInvalidUtf8(std::string_view text, std::string* out);

}  // namespace listscan
