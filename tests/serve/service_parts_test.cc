// The small parts of the service: bearer tokens, pack versions, the metrics exposition.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../match/pack_fixture.h"
#include "serve/bearer_token.h"
#include "serve/metrics.h"
#include "serve/pack_version.h"

namespace listscan::serve {
namespace {

TEST_CASE("a bearer token matches only in full, the scheme caseless", "[serve]") {
  CHECK(BearerMatches("Bearer s3cret", "s3cret"));
  CHECK(BearerMatches("bearer s3cret", "s3cret"));
  CHECK(BearerMatches("Bearer  s3cret ", "s3cret"));
  CHECK_FALSE(BearerMatches("Bearer s3cre", "s3cret"));
  CHECK_FALSE(BearerMatches("Bearer s3cret2", "s3cret"));
  CHECK_FALSE(BearerMatches("Basic s3cret", "s3cret"));
  CHECK_FALSE(BearerMatches("s3cret", "s3cret"));
  CHECK_FALSE(BearerMatches("", "s3cret"));
}

TEST_CASE("the token file's content is the token and an empty one is refused", "[serve]") {
  const auto dir = std::filesystem::temp_directory_path() / "listscan-token-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "token") << "  abc123\n";
  std::ofstream(dir / "empty") << "\n";
  CHECK(*ReadTokenFile((dir / "token").string()) == "abc123");
  CHECK(ReadTokenFile((dir / "empty").string()).status().message() ==
        (dir / "empty").string() + ": the token is empty");
  CHECK_FALSE(ReadTokenFile((dir / "missing").string()).ok());
  std::filesystem::remove_all(dir);
}

TEST_CASE("the pack version follows the rule files' content", "[serve]") {
  const auto dir = std::filesystem::temp_directory_path() / "listscan-version-test";
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "pack.yaml").string();
  RuleSet rules;
  rules.rules.resize(2);
  rules.rules[0].file = file;
  rules.rules[1].file = file;
  std::ofstream(file) << "rules: []\n";
  const std::string first = PackVersion(rules);
  CHECK(first.size() == 16);
  CHECK(PackVersion(rules) == first);
  std::ofstream(file) << "rules: [] # changed\n";
  CHECK(PackVersion(rules) != first);
  std::ofstream(file) << "rules: []\n";
  CHECK(PackVersion(rules) == first);
  // A word list the pack reads counts with the rule files.
  const std::string words = (dir / "words.txt").string();
  std::ofstream(words) << "morphing\n";
  rules.referenced_files = {words};
  const std::string with_words = PackVersion(rules);
  CHECK(with_words != first);
  std::ofstream(words) << "morphing\nmorphed\n";
  CHECK(PackVersion(rules) != with_words);
  std::filesystem::remove_all(dir);
}

TEST_CASE("metrics render as Prometheus text with cumulative latency buckets", "[serve]") {
  std::shared_ptr<const CompiledPack> pack =
      testing::CompileYaml(testing::OneRule("    keywords: [sibutramine]\n", "supp.sib"));
  ServingPack serving;
  serving.pack = pack;
  serving.version = "00112233aabbccdd";
  serving.loaded_at = 1700000000.5;
  serving.load_seconds = 0.25;
  Metrics metrics;
  metrics.CountRequest("/v1/scan", 200, 0.0003);
  metrics.CountRequest("/v1/scan", 200, 0.002);
  metrics.CountRequest("/v1/scan", 400, 7);
  metrics.CountScan(serving, ScanTally{3, 1, {0}, {Category::kSupplements}});
  metrics.CountReload(true);
  metrics.CountReload(false);
  const std::string text = metrics.Render(&serving);
  auto has = [&](const std::string& line) { return text.find(line + "\n") != std::string::npos; };
  const std::string bucket = "listscan_http_request_duration_seconds_bucket{endpoint=\"/v1/scan\",";
  CHECK(has("# TYPE listscan_http_requests_total counter"));
  CHECK(has("listscan_http_requests_total{endpoint=\"/v1/scan\",status=\"200\"} 2"));
  CHECK(has("listscan_http_requests_total{endpoint=\"/v1/scan\",status=\"400\"} 1"));
  CHECK(has(bucket + "le=\"0.00025\"} 0"));
  CHECK(has(bucket + "le=\"0.0005\"} 1"));
  CHECK(has(bucket + "le=\"0.0025\"} 2"));
  CHECK(has(bucket + "le=\"5\"} 2"));
  CHECK(has(bucket + "le=\"+Inf\"} 3"));
  CHECK(has("listscan_http_request_duration_seconds_count{endpoint=\"/v1/scan\"} 3"));
  CHECK(has("listscan_listings_scanned_total 3"));
  CHECK(has("listscan_listings_flagged_total 1"));
  CHECK(has("listscan_listings_flagged_by_category_total{category=\"supplements\"} 1"));
  CHECK(
      has("listscan_listings_flagged_by_rule_total{rule=\"supp.sib\","
          "category=\"supplements\"} 1"));
  CHECK(has("listscan_pack_info{version=\"00112233aabbccdd\"} 1"));
  CHECK(has("listscan_pack_rules 1"));
  CHECK(has("listscan_pack_loaded_timestamp_seconds 1700000000.500"));
  CHECK(has("listscan_pack_load_duration_seconds 0.25"));
  CHECK(has("listscan_reloads_total 1"));
  CHECK(has("listscan_reload_failures_total 1"));
}

}  // namespace
}  // namespace listscan::serve
