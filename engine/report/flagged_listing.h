// One line of `scan`'s flagged output (docs/output-format.md), read back: the input of `report`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace listscan::report {

struct FlaggedHit {
  std::string rule;
  std::string category;
  std::string severity;
  std::string field;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string match;
  std::string evasion;  // empty for a plain match
  std::string contact;  // hidden-links contact as "kind value" ("phone +4915112345678"), or empty
};

struct FlaggedListing {
  std::string id;
  std::string file;
  uint64_t line = 0;
  std::vector<FlaggedHit> hits;
  std::vector<std::pair<std::string, std::string>> fields;  // `--with-fields` values, in order

  // The value of `fields[path]`, or nullptr.
  const std::string* Field(std::string_view path) const;
};

// Parses one flagged-listing line. The error says what is wrong with it (the caller adds where).
absl::StatusOr<FlaggedListing> ParseFlaggedListing(std::string_view line);

}  // namespace listscan::report
