// Request bodies of POST /v1/scan: content types, splitting, verdict lines, refusals, the tally.
#include "serve/scan_request.h"

#include <catch2/catch.hpp>
#include <string>

#include "../match/pack_fixture.h"

namespace listscan::serve {
namespace {

std::shared_ptr<const ServingPack> SmallPack() {
  const std::string yaml = testing::OneRule("    keywords: [sibutramine]\n", "supp.sibutramine") +
                           "  - id: toys.magnets\n    title: magnets\n    category: toys\n"
                           "    severity: high\n    keywords: [magnet toy]\n";
  std::shared_ptr<const CompiledPack> pack = testing::CompileYaml(yaml);
  PackHolder holder([pack] { return pack; }, FieldSelection{}, 1);
  auto serving = holder.Reload();
  REQUIRE(serving.ok());
  return *serving;
}

TEST_CASE("content types choose one listing or JSON Lines, parameters and case aside", "[serve]") {
  CHECK(BodyKindOf("application/json") == BodyKind::kJsonObject);
  CHECK(BodyKindOf("Application/JSON; charset=utf-8") == BodyKind::kJsonObject);
  CHECK(BodyKindOf("application/x-ndjson") == BodyKind::kJsonLines);
  CHECK(BodyKindOf(" application/jsonl ;charset=utf-8") == BodyKind::kJsonLines);
  CHECK(BodyKindOf("text/plain") == std::nullopt);
  CHECK(BodyKindOf("") == std::nullopt);
  CHECK(BodyKindOf("application/json-seq") == std::nullopt);
}

TEST_CASE("each listing of a JSON Lines body gets its verdict line, in order", "[serve]") {
  auto pack = SmallPack();
  auto lease = pack->scanners->Acquire();
  std::string response;
  ScanTally tally;
  auto error = ScanBody(*pack, lease.slot(), BodyKind::kJsonLines,
                        "{\"id\":\"a\",\"title\":\"Sibutramine caps\"}\r\n\n"
                        "{\"title\":\"tea\"}\n  \n{\"id\":7,\"title\":\"magnet toy sibutramine\"}",
                        10, &response, &tally);
  REQUIRE_FALSE(error.has_value());
  CHECK(response ==
        "{\"id\":\"a\",\"flagged\":true,\"hits\":[{\"rule\":\"supp.sibutramine\",\"category\":"
        "\"supplements\",\"severity\":\"high\",\"field\":\"title\",\"start\":0,\"end\":11,"
        "\"match\":\"Sibutramine\",\"evasion\":null}]}\n"
        "{\"id\":\"request:3\",\"flagged\":false,\"hits\":[]}\n"
        "{\"id\":\"7\",\"flagged\":true,\"hits\":[{\"rule\":\"toys.magnets\",\"category\":"
        "\"toys\",\"severity\":\"high\",\"field\":\"title\",\"start\":0,\"end\":10,"
        "\"match\":\"magnet toy\",\"evasion\":null},{\"rule\":\"supp.sibutramine\",\"category\":"
        "\"supplements\",\"severity\":\"high\",\"field\":\"title\",\"start\":11,\"end\":22,"
        "\"match\":\"sibutramine\",\"evasion\":null}]}\n");
  CHECK(tally.listings == 3);
  CHECK(tally.flagged == 2);
  CHECK(tally.rules == std::vector<uint32_t>{0, 1, 0});
  CHECK(tally.categories ==
        std::vector<Category>{Category::kSupplements, Category::kToys, Category::kSupplements});
}

TEST_CASE("a JSON object body may span lines and is one listing", "[serve]") {
  auto pack = SmallPack();
  auto lease = pack->scanners->Acquire();
  std::string response;
  ScanTally tally;
  auto error =
      ScanBody(*pack, lease.slot(), BodyKind::kJsonObject,
               "{\n  \"id\": \"x\",\n  \"title\": \"plain tea\"\n}\n", 10, &response, &tally);
  REQUIRE_FALSE(error.has_value());
  CHECK(response == "{\"id\":\"x\",\"flagged\":false,\"hits\":[]}\n");
  CHECK(tally.listings == 1);
  CHECK(tally.flagged == 0);
}

TEST_CASE("a refused body names the problem and its line, and appends and counts nothing",
          "[serve]") {
  auto pack = SmallPack();
  auto lease = pack->scanners->Acquire();
  std::string response;
  ScanTally tally;
  auto error = ScanBody(*pack, lease.slot(), BodyKind::kJsonLines,
                        "{\"title\":\"sibutramine\"}\n\n{\"title\":}\n", 10, &response, &tally);
  REQUIRE(error.has_value());
  CHECK(error->status == 400);
  CHECK(error->line == 3);
  CHECK(error->message.rfind("invalid JSON: ", 0) == 0);
  CHECK(ErrorJson(*error) == "{\"error\":\"" + error->message + "\",\"line\":3}\n");

  error = ScanBody(*pack, lease.slot(), BodyKind::kJsonLines, "{}\n{}\n{}\n", 2, &response, &tally);
  REQUIRE(error.has_value());
  CHECK(error->status == 413);
  CHECK(ErrorJson(*error) == "{\"error\":\"3 listings, more than --max-listings (2)\"}\n");

  error = ScanBody(*pack, lease.slot(), BodyKind::kJsonObject, " \r\n", 2, &response, &tally);
  REQUIRE(error.has_value());
  CHECK(error->status == 400);
  CHECK(error->message == "the body holds no listing");
  CHECK(response.empty());
  CHECK(tally.listings == 0);
}

}  // namespace
}  // namespace listscan::serve
