// Runs every rule's `examples` (flag / pass) through the whole compiled pack, the way a real scan
// would see them, and says which behave as written.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "listscan/compiled_pack.h"
#include "listscan/hit.h"
#include "listscan/listing.h"

namespace listscan {

struct ExampleOutcome {
  uint32_t rule = 0;
  bool expect_flag = false;  // a `flag` example, else a `pass` one
  size_t index = 0;          // position in its list
  bool passed = false;
  Listing listing;
  std::vector<Hit> rule_hits;  // this rule's hits (why a pass example was flagged)
};

// The listing an example stands for: every field is scanned and usable by `where`.
Listing ListingFromExample(const ExampleListing& example);

absl::StatusOr<std::vector<ExampleOutcome>> RunRuleExamples(
    std::shared_ptr<const CompiledPack> pack);

}  // namespace listscan
