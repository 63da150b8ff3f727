// Splits one RFC 4180 CSV record (as cut by the record reader) into its unquoted fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace listscan {

// Fills `fields` (reusing its strings) with the record's fields, quotes removed and doubled
// quotes undone. Fails on a quote inside an unquoted field followed by other text, or on an
// unterminated quoted field, with a reason that names the column (1-based).
absl::Status SplitCsvRecord(std::string_view record, char delimiter, std::vector<std::string>* fields);

}  // namespace listscan
