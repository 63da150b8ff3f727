// Finding where a record ends when its bytes arrive in pieces.
#include "input/record_end.h"

#include <catch2/catch.hpp>

namespace listscan {
namespace {

constexpr size_t kNotFound = RecordEndFinder::kNotFound;

TEST_CASE("a JSON Lines record ends at the first newline", "[input][record_end]") {
  RecordEndFinder finder(false, ',');
  CHECK(finder.Scan("{\"a\":\"x,\\\"y\"}\nnext") == 13);
}

TEST_CASE("a JSON Lines record split in pieces ends in the piece holding the newline",
          "[input][record_end]") {
  RecordEndFinder finder(false, ',');
  CHECK(finder.Scan("{\"a\":") == kNotFound);
  CHECK(finder.scanned() == 5);
  CHECK(finder.Scan("1}\n") == 2);
}

TEST_CASE("a newline inside a quoted CSV field does not end the record", "[input][record_end]") {
  RecordEndFinder finder(true, ',');
  CHECK(finder.Scan("1,\"a\nb\",c\n2") == 9);
}

TEST_CASE("a doubled quote inside a quoted CSV field keeps the field open", "[input][record_end]") {
  RecordEndFinder finder(true, ',');
  CHECK(finder.Scan("\"say \"\"hi\n\"\"\"\n") == 13);
}

TEST_CASE("a quote inside an unquoted CSV field is data and opens nothing", "[input][record_end]") {
  RecordEndFinder finder(true, ',');
  CHECK(finder.Scan("1,27\" monitor\n2,x\n") == 13);
}

TEST_CASE("a doubled quote split between two pieces keeps the field open", "[input][record_end]") {
  RecordEndFinder finder(true, ',');
  CHECK(finder.Scan("\"a\"") == kNotFound);
  CHECK_FALSE(finder.in_quotes());
  CHECK(finder.Scan("\"\nb\"\n") == 4);
}

TEST_CASE("a quote opening the first field of a later piece follows the delimiter before it",
          "[input][record_end]") {
  RecordEndFinder finder(true, ';');
  CHECK(finder.Scan("1;") == kNotFound);
  CHECK(finder.Scan("\"x\ny\";z\n") == 7);
}

TEST_CASE("the delimiter decides where a CSV field starts", "[input][record_end]") {
  RecordEndFinder finder(true, '\t');
  CHECK(finder.Scan("a,\"b\t\"c\nd\"\n") == 10);
}

TEST_CASE("a CSV record whose quoted field never closes reports that it is inside quotes",
          "[input][record_end]") {
  RecordEndFinder finder(true, ',');
  CHECK(finder.Scan("2,\"never closed\n3,x") == kNotFound);
  CHECK(finder.in_quotes());
  CHECK(finder.scanned() == 19);
}

TEST_CASE("starting a new record forgets the quote state", "[input][record_end]") {
  RecordEndFinder finder(true, ',');
  CHECK(finder.Scan("\"open") == kNotFound);
  finder.StartRecord();
  CHECK_FALSE(finder.in_quotes());
  CHECK(finder.scanned() == 0);
  CHECK(finder.Scan("a\n") == 1);
}

}  // namespace
}  // namespace listscan
