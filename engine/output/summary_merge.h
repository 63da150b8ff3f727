// Adding up the --summary documents of runs that scanned parts of one input set (shards of a
// cluster or array job) into the summary of the whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace listscan {

struct SummaryText {
  std::string name;  // for error messages: the file it came from
  std::string json;
};

// One summary in the --summary layout. Every number is added up, wherever it is (counts, maps of
// counts by rule, category or any other key, times); `mb_per_s` is recomputed from the sums;
// flags (`complete`, `database_from_cache`) hold when they hold in every part, except
// `sellers_truncated`, which holds when it holds in any; per-seller counts keep a run's cap
// (ScanCounts::kMaxSellers sellers, the rest in `listings_of_uncounted_sellers`); lists
// (`input_errors`) are joined in part order; the first part's `stopped_at` is kept. What
// describes the pack (`rules_loaded`, `patterns`) must be the same in every part: parts scanned
// with different packs are an error. Keys keep the first part's order; maps whose keys are in
// name order stay in name order.
absl::StatusOr<std::string> MergeSummaries(const std::vector<SummaryText>& parts);

}  // namespace listscan
