// Platform ids for statements of reasons: allowed characters only, never two alike.
#include <catch2/catch.hpp>

#include "report/statement_of_reasons.h"

namespace listscan::report {
namespace {

TEST_CASE("letters, digits and dashes are kept; every other byte is written as hex", "[report]") {
  PuidMaker puids("");
  CHECK(puids.Make("L-123") == "L-123");
  CHECK(puids.Make("a b/c_d") == "a_20b_2Fc_5Fd");
  CHECK(puids.Make("\xc3\xa9") == "_C3_A9");
}

TEST_CASE("ids that differ only in characters not allowed still get different puids", "[report]") {
  PuidMaker puids("");
  CHECK(puids.Make("a b") != puids.Make("a_b"));
}

TEST_CASE("an id seen again gets its occurrence number", "[report]") {
  PuidMaker puids("shop-");
  CHECK(puids.Make("7") == "shop-7");
  CHECK(puids.Make("7") == "shop-7_x2");
  CHECK(puids.Make("7") == "shop-7_x3");
}

TEST_CASE("a very long id stays within 500 characters", "[report]") {
  PuidMaker puids("");
  const std::string puid = puids.Make(std::string(2000, '/'));
  CHECK(puid.size() <= 500);
  CHECK(puid.find("_H") != std::string::npos);
}

}  // namespace
}  // namespace listscan::report
