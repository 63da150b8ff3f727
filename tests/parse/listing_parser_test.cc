// Turning JSON and CSV records into listings: field paths, ids, field selection, metadata and
// the reasons given for malformed records.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "parse/listing_parser.h"

namespace listscan {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

SourceInfo JsonSource() {
  SourceInfo source;
  source.name = "in.jsonl";
  source.format = InputFormat::kJsonLines;
  return source;
}

SourceInfo CsvSource() {
  SourceInfo source;
  source.name = "in.csv";
  source.format = InputFormat::kCsv;
  source.csv_header = {"id", "title", "price"};
  return source;
}

Fields FieldsOf(const Listing& listing) {
  Fields fields;
  for (const TextField& field : listing.fields) fields.emplace_back(field.name, field.text);
  return fields;
}

Listing ParseOk(ListingParser& parser, const SourceInfo& source, const std::string& record,
                uint64_t line = 1) {
  Listing listing;
  const absl::Status status = parser.Parse(source, RawRecord{record, line}, &listing);
  INFO(status.message());
  REQUIRE(status.ok());
  return listing;
}

std::string ParseError(const std::string& record) {
  ListingParser parser(FieldSelection{});
  Listing listing;
  const absl::Status status = parser.Parse(JsonSource(), RawRecord{record, 1}, &listing);
  REQUIRE_FALSE(status.ok());
  return std::string(status.message());
}

constexpr char kNested[] =
    R"({"id":"L1","title":"Hello","seller":{"name":"Bob","country":"DE"},)"
    R"("attributes":{"tags":["a","b"],"empty":""},"price":12.50,"ok":true,"none":null})";

TEST_CASE("string values of nested objects and arrays are named by their paths", "[parse]") {
  ListingParser parser(FieldSelection{});
  const Listing listing = ParseOk(parser, JsonSource(), kNested);
  CHECK(listing.id == "L1");
  CHECK(FieldsOf(listing) == Fields{{"id", "L1"},
                                    {"title", "Hello"},
                                    {"seller.name", "Bob"},
                                    {"seller.country", "DE"},
                                    {"attributes.tags[0]", "a"},
                                    {"attributes.tags[1]", "b"}});
  CHECK(listing.metadata.empty());
}

TEST_CASE("escaped JSON strings are unescaped", "[parse]") {
  ListingParser parser(FieldSelection{});
  const Listing listing =
      ParseOk(parser, JsonSource(), R"({"title":"a\"b\\c\u00e9\n"})");
  CHECK(FieldsOf(listing) == Fields{{"title", "a\"b\\c\xC3\xA9\n"}});
}

TEST_CASE("a numeric id keeps its JSON spelling", "[parse]") {
  ListingParser parser(FieldSelection{});
  const Listing listing = ParseOk(parser, JsonSource(), R"({"id": 12.50 ,"title":"x"})");
  CHECK(listing.id == "12.50");
}

TEST_CASE("a listing without an id is named file:line", "[parse]") {
  ListingParser parser(FieldSelection{});
  const Listing listing = ParseOk(parser, JsonSource(), R"({"title":"x"})", 7);
  CHECK(listing.id == "in.jsonl:7");
}

TEST_CASE("the id field can be any path", "[parse]") {
  FieldSelection selection;
  selection.id_field = "meta.sku";
  ListingParser parser(selection);
  const Listing listing = ParseOk(parser, JsonSource(), R"({"id":"no","meta":{"sku":"S-9"}})");
  CHECK(listing.id == "S-9");
}

TEST_CASE("the parser does not carry an id over to the next listing", "[parse]") {
  ListingParser parser(FieldSelection{});
  ParseOk(parser, JsonSource(), R"({"id":"first"})", 1);
  const Listing listing = ParseOk(parser, JsonSource(), R"({"title":"x"})", 2);
  CHECK(listing.id == "in.jsonl:2");
}

TEST_CASE("scan globs choose the scanned fields", "[parse]") {
  FieldSelection selection;
  selection.scan = {"title", "attributes.*"};
  ListingParser parser(selection);
  const Listing listing = ParseOk(parser, JsonSource(), kNested);
  CHECK(listing.id == "L1");
  CHECK(FieldsOf(listing) == Fields{{"title", "Hello"},
                                    {"attributes.tags[0]", "a"},
                                    {"attributes.tags[1]", "b"}});
}

TEST_CASE("skip globs drop fields even when scan globs choose them", "[parse]") {
  FieldSelection selection;
  selection.scan = {"*"};
  selection.skip = {"seller.*", "id"};
  ListingParser parser(selection);
  const Listing listing = ParseOk(parser, JsonSource(), kNested);
  CHECK(listing.id == "L1");
  CHECK(FieldsOf(listing) == Fields{{"title", "Hello"},
                                    {"attributes.tags[0]", "a"},
                                    {"attributes.tags[1]", "b"}});
}

TEST_CASE("metadata holds only the requested paths, numbers as raw tokens", "[parse]") {
  FieldSelection selection;
  selection.metadata = {"price", "seller.country", "ok", "none", "missing"};
  ListingParser parser(selection);
  const Listing listing = ParseOk(parser, JsonSource(), kNested);
  CHECK(listing.metadata == Fields{{"seller.country", "DE"}, {"price", "12.50"}, {"ok", "true"}});
  REQUIRE(listing.FindMetadata("price") != nullptr);
  CHECK(*listing.FindMetadata("price") == "12.50");
  CHECK(listing.FindMetadata("missing") == nullptr);
}

TEST_CASE("invalid UTF-8 inside a JSON string is replaced and the record still parses",
          "[parse]") {
  ListingParser parser(FieldSelection{});
  const Listing listing = ParseOk(parser, JsonSource(), "{\"title\":\"caf\xE9 ok\"}");
  CHECK(FieldsOf(listing) == Fields{{"title", "caf\xEF\xBF\xBD ok"}});
}

TEST_CASE("truncated JSON is invalid JSON", "[parse]") {
  CHECK_THAT(ParseError(R"({"title":"x")"), Catch::StartsWith("invalid JSON: "));
}

TEST_CASE("a JSON value that is not an object is not a listing", "[parse]") {
  CHECK(ParseError("[1,2]") == "invalid JSON: a listing must be a JSON object");
}

TEST_CASE("content after the JSON object is invalid JSON", "[parse]") {
  CHECK_THAT(ParseError(R"({"title":"x"} {"a":"b"})"), Catch::StartsWith("invalid JSON: "));
  CHECK_THAT(ParseError(R"({"title":"x"} x)"), Catch::StartsWith("invalid JSON: "));
}

TEST_CASE("an invalid literal is invalid JSON", "[parse]") {
  CHECK_THAT(ParseError(R"({"ok":tru})"), Catch::StartsWith("invalid JSON: "));
  CHECK_THAT(ParseError(R"({"ok":nul,"t":"x"})"), Catch::StartsWith("invalid JSON: "));
  CHECK_THAT(ParseError(R"({"n":12x})"), Catch::StartsWith("invalid JSON: "));
}

TEST_CASE("a CSV row maps its values to the header's names", "[parse][csv]") {
  FieldSelection selection;
  selection.metadata = {"price"};
  ListingParser parser(selection);
  const Listing listing = ParseOk(parser, CsvSource(), "7,\"Hello, \"\"world\"\"\",9.99", 2);
  CHECK(listing.id == "7");
  CHECK(FieldsOf(listing) ==
        Fields{{"id", "7"}, {"title", "Hello, \"world\""}, {"price", "9.99"}});
  CHECK(listing.metadata == Fields{{"price", "9.99"}});
}

TEST_CASE("a CSV row with fewer fields than the header is a listing without them",
          "[parse][csv]") {
  ListingParser parser(FieldSelection{});
  const Listing listing = ParseOk(parser, CsvSource(), ",only title", 4);
  CHECK(listing.id == "in.csv:4");
  CHECK(FieldsOf(listing) == Fields{{"title", "only title"}});
}

TEST_CASE("a CSV row with more fields than the header is an error", "[parse][csv]") {
  ListingParser parser(FieldSelection{});
  Listing listing;
  const absl::Status status = parser.Parse(CsvSource(), RawRecord{"1,a,2,extra", 3}, &listing);
  CHECK(status.message() == "invalid CSV: 4 fields, the header has 3");
}

TEST_CASE("a malformed CSV row is an error naming the column", "[parse][csv]") {
  ListingParser parser(FieldSelection{});
  Listing listing;
  const absl::Status status = parser.Parse(CsvSource(), RawRecord{"1,\"a\"b,2", 3}, &listing);
  CHECK(status.message() == "invalid CSV: column 2: text after the closing quote");
}

TEST_CASE("invalid UTF-8 in a CSV value is replaced", "[parse][csv]") {
  ListingParser parser(FieldSelection{});
  const Listing listing = ParseOk(parser, CsvSource(), "1,caf\xE9,", 2);
  CHECK(FieldsOf(listing) == Fields{{"id", "1"}, {"title", "caf\xEF\xBF\xBD"}});
}

TEST_CASE("ReplaceInvalidUtf8 reports whether it replaced anything", "[parse]") {
  std::string out;
  CHECK_FALSE(ReplaceInvalidUtf8("caf\xC3\xA9", &out));
  CHECK(out == "caf\xC3\xA9");
  CHECK(ReplaceInvalidUtf8("a\xFF\xC3", &out));
  CHECK(out == "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace listscan
