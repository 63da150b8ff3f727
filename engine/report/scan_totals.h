// What `report` takes from a scan's --summary file: the listings scanned in all, per country and
// per seller, for flag rates (the flagged output alone only holds the flagged listings).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "output/scan_summary.h"

namespace listscan::report {

struct ScanTotals {
  uint64_t listings_scanned = 0;
  std::map<std::string, uint64_t> listings_per_country;  // empty when the scan did not count them
  std::map<std::string, uint64_t> listings_per_seller;
  bool sellers_complete = true;  // false when the scan hit its seller cap (docs/reports.md)
};

// Reads the summary document; errors name the file.
absl::StatusOr<ScanTotals> ReadScanTotals(const std::string& path);

// The same totals straight from a scan's counts (`scan --report`).
ScanTotals TotalsOf(const ScanCounts& counts);

}  // namespace listscan::report
