// Reading the few keys of a --summary document that reports need.
#include "report/scan_totals.h"

#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace listscan::report {
namespace {

namespace dom = simdjson::dom;

void ReadCounts(dom::object summary, const char* key, std::map<std::string, uint64_t>* counts) {
  dom::object object;
  if (summary[key].get(object) != simdjson::SUCCESS) return;
  for (auto [name, value] : object) {
    uint64_t count = 0;
    if (value.get(count) == simdjson::SUCCESS) (*counts)[std::string(name)] = count;
  }
}

}  // namespace

absl::StatusOr<ScanTotals> ReadScanTotals(const std::string& path) {
  simdjson::padded_string text;
  if (auto error = simdjson::padded_string::load(path).get(text); error) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot read: ", simdjson::error_message(error)));
  }
  dom::parser parser;
  dom::object summary;
  if (auto error = parser.parse(text).get(summary); error) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": not a scan summary: ", simdjson::error_message(error)));
  }
  ScanTotals totals;
  if (summary["records_scanned"].get(totals.listings_scanned) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": not a scan summary: no records_scanned"));
  }
  ReadCounts(summary, "listings_per_country", &totals.listings_per_country);
  ReadCounts(summary, "listings_per_seller", &totals.listings_per_seller);
  bool truncated = false;
  if (summary["sellers_truncated"].get(truncated) == simdjson::SUCCESS) {
    totals.sellers_complete = !truncated;
  }
  return totals;
}

ScanTotals TotalsOf(const ScanCounts& counts) {
  ScanTotals totals;
  totals.listings_scanned = counts.records_scanned;
  totals.listings_per_country.insert(counts.listings_per_country.begin(),
                                     counts.listings_per_country.end());
  totals.listings_per_seller.insert(counts.listings_per_seller.begin(),
                                    counts.listings_per_seller.end());
  totals.sellers_complete = counts.listings_of_uncounted_sellers == 0;
  return totals;
}

}  // namespace listscan::report
