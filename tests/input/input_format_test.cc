// Telling JSON Lines from CSV by an input's name or first bytes.
#include "input/input_format.h"

#include <catch2/catch.hpp>

namespace listscan {
namespace {

InputFormat ByName(std::string_view name) {
  char delimiter = ',';
  return FormatFromName(name, &delimiter);
}

TEST_CASE("JSON Lines extensions name JSON Lines, in any case", "[input][format]") {
  CHECK(ByName("a.jsonl") == InputFormat::kJsonLines);
  CHECK(ByName("a.NDJSON") == InputFormat::kJsonLines);
  CHECK(ByName("dir/a.json") == InputFormat::kJsonLines);
}

TEST_CASE("a format extension under a compression suffix still counts", "[input][format]") {
  CHECK(ByName("a.jsonl.gz") == InputFormat::kJsonLines);
  CHECK(ByName("a.csv.zst") == InputFormat::kCsv);
  CHECK(ByName("a.ndjson.ZSTD") == InputFormat::kJsonLines);
}

TEST_CASE("a .tsv name is CSV with a tab delimiter", "[input][format]") {
  char delimiter = ',';
  CHECK(FormatFromName("a.tsv.gzip", &delimiter) == InputFormat::kCsv);
  CHECK(delimiter == '\t');
}

TEST_CASE("a name without a known extension says nothing", "[input][format]") {
  CHECK(ByName("dump") == InputFormat::kAuto);
  CHECK(ByName("dump.gz") == InputFormat::kAuto);
  CHECK(ByName("csv") == InputFormat::kAuto);
}

TEST_CASE("content whose first non-space byte is '{' is JSON Lines", "[input][format]") {
  CHECK(FormatFromContent(" \r\n\t{\"a\":1}", false) == InputFormat::kJsonLines);
}

TEST_CASE("content starting with anything else is CSV", "[input][format]") {
  CHECK(FormatFromContent("[1,2]", false) == InputFormat::kCsv);
}

TEST_CASE("whitespace alone does not decide until the input ends", "[input][format]") {
  CHECK(FormatFromContent("  \n", false) == std::nullopt);
  CHECK(FormatFromContent("  \n", true) == InputFormat::kCsv);
}

}  // namespace
}  // namespace listscan
