// Splits one RFC 4180 CSV record (as cut by the record reader) into its unquoted fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace listscan {

// Fills `fields` (reusing its strings) with the record's fields, quotes removed and doubled
// quotes undone. Fails on text after a closing quote, or on an unterminated quoted field, with a
// reason that names the column (1-based). A quote inside an unquoted field is kept as data.
absl::Status SplitCsvRecord(std::string_view record, char delimiter,
                            std::vector<std::string>* fields);

}  // namespace listscan
