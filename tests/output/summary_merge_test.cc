// Adding up shard summaries (merge-summaries) gives the summary of one run over all the records.
#include <catch2/catch.hpp>

#include <string>

#include "output/scan_summary.h"
#include "output/summary_merge.h"

namespace listscan {
namespace {

RuleSet TwoRules() {
  RuleSet rules;
  Rule a;
  a.id = "supp.dmaa";
  a.category = Category::kSupplements;
  Rule b;
  b.id = "med.sibutramine";
  b.category = Category::kMedicines;
  rules.rules = {a, b};
  return rules;
}

ScanSummary Part(uint64_t scanned, std::vector<uint64_t> hits,
                 absl::flat_hash_map<std::string, uint64_t> countries,
                 absl::flat_hash_map<std::string, uint64_t> sellers) {
  ScanSummary summary;
  summary.counts.records_read = scanned;
  summary.counts.records_scanned = scanned;
  summary.counts.hits_per_rule = hits;
  summary.counts.listings_per_rule = hits;
  summary.counts.listings_per_country = std::move(countries);
  summary.counts.listings_per_seller = std::move(sellers);
  summary.compile.rules = 2;
  return summary;
}

TEST_CASE("merged shard summaries equal the summary of the added-up counts", "[output]") {
  const RuleSet rules = TwoRules();
  ScanSummary a = Part(5, {1, 0}, {{"DE", 3}, {"unknown", 2}}, {{"S1", 4}});
  ScanSummary b = Part(7, {2, 3}, {{"DE", 1}, {"FR", 6}}, {{"S1", 1}, {"S0", 2}});
  absl::StatusOr<std::string> merged =
      MergeSummaries({{"a.json", SummaryJson(a, rules)}, {"b.json", SummaryJson(b, rules)}});
  REQUIRE(merged.ok());
  ScanSummary whole = a;
  whole.counts.Add(b.counts);
  CHECK(*merged == SummaryJson(whole, rules));
  CHECK(merged->find("\"listings_per_country\": {\"DE\": 4, \"FR\": 6, \"unknown\": 2}") !=
        std::string::npos);
  CHECK(merged->find("\"listings_per_seller\": {\"S0\": 2, \"S1\": 5}") != std::string::npos);
}

TEST_CASE("merged per-seller counts keep a run's cap and say they were truncated", "[output]") {
  const RuleSet rules = TwoRules();
  absl::flat_hash_map<std::string, uint64_t> many;
  for (size_t i = 0; i + 1 < ScanCounts::kMaxSellers; ++i) many.emplace(std::to_string(i), 1);
  ScanSummary a = Part(1, {0, 0}, {}, std::move(many));
  ScanSummary b = Part(1, {0, 0}, {}, {{"late-a", 2}, {"late-b", 3}, {"late-c", 4}, {"7", 1}});
  ScanSummary c = Part(1, {0, 0}, {}, {});
  c.counts.listings_of_uncounted_sellers = 10;  // truncated on its own
  absl::StatusOr<std::string> merged =
      MergeSummaries({{"a.json", SummaryJson(a, rules)}, {"b.json", SummaryJson(b, rules)},
                      {"c.json", SummaryJson(c, rules)}});
  REQUIRE(merged.ok());
  CHECK(merged->find("\"7\": 2,") != std::string::npos);
  CHECK(merged->find("\"late-a\": 2") != std::string::npos);  // the cap's last place
  CHECK(merged->find("late-b") == std::string::npos);
  CHECK(merged->find("\"sellers_truncated\": true,\n"
                     "  \"listings_of_uncounted_sellers\": 17\n") != std::string::npos);
}

TEST_CASE("summaries of different packs do not merge", "[output]") {
  RuleSet one = TwoRules();
  ScanSummary a = Part(1, {0, 0}, {}, {});
  ScanSummary b = a;
  b.compile.rules = 3;
  absl::StatusOr<std::string> merged =
      MergeSummaries({{"a.json", SummaryJson(a, one)}, {"b.json", SummaryJson(b, one)}});
  REQUIRE_FALSE(merged.ok());
  CHECK(merged.status().message() ==
        "b.json: the summaries' \"rules_loaded\" differ: they come from different rule packs");
}

}  // namespace
}  // namespace listscan
