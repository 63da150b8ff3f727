// Small text helpers shared by the report writers.
#pragma once

#include <string>
#include <string_view>

namespace listscan::report {

// `text` cut to at most `max_bytes` bytes on a UTF-8 character boundary, ending with "..." when
// cut. Bytes bound characters, so the result also fits a limit counted in characters.
std::string Truncated(std::string_view text, size_t max_bytes);

// True for a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view text);

// Today's date in UTC, YYYY-MM-DD.
std::string TodayUtc();

// Days from `from` to `to` (both valid YYYY-MM-DD); negative when `to` is earlier.
int DaysBetween(std::string_view from, std::string_view to);

}  // namespace listscan::report
