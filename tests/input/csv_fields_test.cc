// Splitting one CSV record into fields (RFC 4180).
#include "input/csv_fields.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace listscan {
namespace {

std::vector<std::string> Split(std::string_view record, char delimiter = ',') {
  std::vector<std::string> fields;
  const absl::Status status = SplitCsvRecord(record, delimiter, &fields);
  INFO(status.message());
  REQUIRE(status.ok());
  return fields;
}

std::string SplitError(std::string_view record) {
  std::vector<std::string> fields;
  const absl::Status status = SplitCsvRecord(record, ',', &fields);
  REQUIRE_FALSE(status.ok());
  return std::string(status.message());
}

TEST_CASE("empty CSV fields are kept, at the start, middle and end", "[csv]") {
  CHECK(Split(",a,,b,") == std::vector<std::string>{"", "a", "", "b", ""});
}

TEST_CASE("an empty CSV record is one empty field", "[csv]") {
  CHECK(Split("") == std::vector<std::string>{""});
}

TEST_CASE("doubled quotes inside a quoted CSV field are one quote", "[csv]") {
  CHECK(Split("\"say \"\"hi\"\"\",x") == std::vector<std::string>{"say \"hi\"", "x"});
}

TEST_CASE("a delimiter and a newline inside quotes are data", "[csv]") {
  CHECK(Split("\"a,b\nc\",d") == std::vector<std::string>{"a,b\nc", "d"});
}

TEST_CASE("a quoted empty CSV field is empty", "[csv]") {
  CHECK(Split("\"\",x") == std::vector<std::string>{"", "x"});
}

TEST_CASE("a stray quote inside an unquoted CSV field is kept", "[csv]") {
  CHECK(Split("12\" pizza,x") == std::vector<std::string>{"12\" pizza", "x"});
}

TEST_CASE("the delimiter can be a tab", "[csv]") {
  CHECK(Split("a,b\tc", '\t') == std::vector<std::string>{"a,b", "c"});
}

TEST_CASE("text after a closing quote is an error naming the column", "[csv]") {
  CHECK(SplitError("a,\"b\"x,c") == "column 2: text after the closing quote");
}

TEST_CASE("an unterminated quoted CSV field is an error naming the column", "[csv]") {
  CHECK(SplitError("a,b,\"c") == "column 3: unterminated quoted field");
}

TEST_CASE("splitting reuses the vector and drops fields left from a longer record", "[csv]") {
  std::vector<std::string> fields = {"old1", "old2", "old3", "old4"};
  REQUIRE(SplitCsvRecord("x,y", ',', &fields).ok());
  CHECK(fields == std::vector<std::string>{"x", "y"});
}

}  // namespace
}  // namespace listscan
