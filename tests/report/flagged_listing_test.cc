// Reading scan output lines back.
#include "report/flagged_listing.h"

#include <catch2/catch.hpp>

namespace listscan::report {
namespace {

TEST_CASE("a flagged listing line is read with its hits and fields", "[report]") {
  auto listing = ParseFlaggedListing(
      R"({"id":7,"source":{"file":"d.jsonl","line":4},"hits":[{"rule":"r1","category":"toys",)"
      R"("severity":"high","field":"title","start":2,"end":5,"match":"abc","evasion":"leet"}],)"
      R"("fields":{"country":"DE","price":19.5}})");
  REQUIRE(listing.ok());
  CHECK(listing->id == "7");
  CHECK(listing->file == "d.jsonl");
  CHECK(listing->line == 4);
  REQUIRE(listing->hits.size() == 1);
  CHECK(listing->hits[0].rule == "r1");
  CHECK(listing->hits[0].start == 2);
  CHECK(listing->hits[0].end == 5);
  CHECK(listing->hits[0].evasion == "leet");
  CHECK(*listing->Field("country") == "DE");
  CHECK(*listing->Field("price") == "19.5");
  CHECK(listing->Field("seller.id") == nullptr);
}

TEST_CASE("a line without hits is not a flagged listing", "[report]") {
  auto listing = ParseFlaggedListing(R"({"id":"x","hits":[]})");
  REQUIRE_FALSE(listing.ok());
  CHECK(listing.status().message() == "not a flagged listing: no hits");
}

TEST_CASE("invalid JSON says so", "[report]") {
  auto listing = ParseFlaggedListing(R"({"id":"x","hits":[)");
  REQUIRE_FALSE(listing.ok());
  CHECK(listing.status().message().substr(0, 13) == "invalid JSON:");
}

}  // namespace
}  // namespace listscan::report
