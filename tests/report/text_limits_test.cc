// Cutting text to the database's limits, and dates.
#include "report/text_limits.h"

#include <catch2/catch.hpp>

namespace listscan::report {
namespace {

TEST_CASE("text within the limit is kept whole", "[report]") {
  CHECK(Truncated("abcdef", 6) == "abcdef");
}

TEST_CASE("text over the limit is cut with an ellipsis inside the limit", "[report]") {
  CHECK(Truncated("abcdefghij", 8) == "abcde...");
}

TEST_CASE("a cut never splits a UTF-8 character", "[report]") {
  // "ééé" is 6 bytes; a 6-byte limit on "éééé" leaves 3 bytes for text: one whole "é".
  CHECK(Truncated("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 6) == "\xc3\xa9...");
}

TEST_CASE("ISO dates must be real calendar days", "[report]") {
  CHECK(IsIsoDate("2024-02-29"));
  CHECK_FALSE(IsIsoDate("2023-02-29"));
  CHECK_FALSE(IsIsoDate("2023-13-01"));
  CHECK_FALSE(IsIsoDate("2023-1-01"));
  CHECK_FALSE(IsIsoDate("2023-01-01T00:00"));
}

TEST_CASE("days between dates cross months, leap days and years", "[report]") {
  CHECK(DaysBetween("2024-02-28", "2024-03-01") == 2);
  CHECK(DaysBetween("2023-12-31", "2024-12-31") == 366);
  CHECK(DaysBetween("2026-11-30", "2026-11-01") == -29);
}

}  // namespace
}  // namespace listscan::report
