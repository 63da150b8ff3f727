// The flagged-listing and rejected-record lines, and record heads.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "normalize/folded_text.h"
#include "output/record_formats.h"

namespace listscan {
namespace {

RuleSet TwoRules() {
  RuleSet rules;
  Rule medicine;
  medicine.id = "med.sibutramine";
  medicine.category = Category::kMedicines;
  medicine.severity = Severity::kCritical;
  Rule toy;
  toy.id = "toys.magnets";
  toy.category = Category::kToys;
  toy.severity = Severity::kHigh;
  rules.rules = {medicine, toy};
  return rules;
}

Listing SampleListing() {
  Listing listing;
  listing.id = "L\"1";
  listing.fields = {{"title", "Buy \xD1\x95ibutramine"}, {"attributes.tags[0]", "magnet toy"}};
  listing.metadata = {{"price", "9.99"}, {"seller.country", "DE"}};
  return listing;
}

TEST_CASE("a flagged listing is one JSON line with every hit", "[output]") {
  const std::vector<Hit> hits = {{0, 0, 4, 16, kEvasionHomoglyph}, {1, 1, 0, 6, kEvasionNone}};
  std::string out;
  AppendFlaggedListing(&out, SampleListing(), "in.jsonl", 3, hits, TwoRules(), {});
  CHECK(out ==
        "{\"id\":\"L\\\"1\",\"source\":{\"file\":\"in.jsonl\",\"line\":3},\"hits\":["
        "{\"rule\":\"med.sibutramine\",\"category\":\"medicines\",\"severity\":\"critical\","
        "\"field\":\"title\",\"start\":4,\"end\":16,\"match\":\"\xD1\x95ibutramine\","
        "\"evasion\":\"homoglyph\"},"
        "{\"rule\":\"toys.magnets\",\"category\":\"toys\",\"severity\":\"high\","
        "\"field\":\"attributes.tags[0]\",\"start\":0,\"end\":6,\"match\":\"magnet\","
        "\"evasion\":null}]}\n");
}

TEST_CASE("requested metadata fields the listing has are added in request order", "[output]") {
  const std::vector<Hit> hits = {{1, 1, 0, 6, kEvasionSpacing | kEvasionLeet}};
  std::string out;
  AppendFlaggedListing(&out, SampleListing(), "in.jsonl", 1, hits, TwoRules(),
                       {"seller.country", "missing", "price"});
  CHECK(out ==
        "{\"id\":\"L\\\"1\",\"source\":{\"file\":\"in.jsonl\",\"line\":1},\"hits\":["
        "{\"rule\":\"toys.magnets\",\"category\":\"toys\",\"severity\":\"high\","
        "\"field\":\"attributes.tags[0]\",\"start\":0,\"end\":6,\"match\":\"magnet\","
        "\"evasion\":\"spacing\"}],\"fields\":{\"seller.country\":\"DE\",\"price\":\"9.99\"}}\n");
}

TEST_CASE("a rejected record is one JSON line with its reason and head", "[output]") {
  std::string out;
  AppendRejectedRecord(&out, "dir/in.jsonl",
                       RejectedRecord{5, "invalid JSON: x", "{\"a\":\x01\xFF"});
  CHECK(out ==
        "{\"file\":\"dir/in.jsonl\",\"line\":5,\"reason\":\"invalid JSON: x\","
        "\"head\":\"{\\\"a\\\":\\u0001\\ufffd\"}\n");
}

TEST_CASE("a record head is the whole record up to the limit", "[output]") {
  const std::string record(200, 'a');
  CHECK(RecordHead(record) == record);
  CHECK(RecordHead(record + "b") == record);
}

TEST_CASE("a record head does not split a UTF-8 character", "[output]") {
  const std::string record = std::string(199, 'a') + "\xC3\xA9" + "tail";
  CHECK(RecordHead(record) == std::string(199, 'a'));
  const std::string euro = std::string(198, 'a') + "\xE2\x82\xAC" + "tail";
  CHECK(RecordHead(euro) == std::string(198, 'a'));
  const std::string fits = std::string(197, 'a') + "\xE2\x82\xAC" + "tail";
  CHECK(RecordHead(fits) == fits.substr(0, 200));
}

TEST_CASE("a record head takes a custom limit", "[output]") {
  CHECK(RecordHead("abcdef", 3) == "abc");
}

}  // namespace
}  // namespace listscan
