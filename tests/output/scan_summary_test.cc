// Scan counts and the --summary document.
#include <catch2/catch.hpp>

#include <string>

#include "output/scan_summary.h"

namespace listscan {
namespace {

RuleSet ThreeRules() {
  RuleSet rules;
  Rule a;
  a.id = "supp.dmaa";
  a.category = Category::kSupplements;
  Rule b;
  b.id = "med.sibutramine";
  b.category = Category::kMedicines;
  Rule c;
  c.id = "med.unused";
  c.category = Category::kMedicines;
  rules.rules = {a, b, c};
  return rules;
}

TEST_CASE("the summary reports the counts, with read equal to scanned plus rejected",
          "[output]") {
  ScanSummary summary;
  summary.counts.records_read = 10;
  summary.counts.records_scanned = 8;
  summary.counts.records_rejected = 2;
  summary.counts.records_flagged = 3;
  summary.counts.bytes_read = 5000000;
  summary.counts.hits_per_rule = {4, 1, 0};
  summary.counts.listings_per_rule = {2, 1, 0};
  summary.counts.listings_per_country = {{"unknown", 3}, {"DE", 5}};
  summary.counts.listings_per_seller = {{"S1", 6}};
  summary.seconds = 2;
  summary.read_seconds = 0.5;
  summary.write_seconds = 0.25;
  summary.threads = 4;
  summary.compile.rules = 3;
  summary.compile.literal_patterns = 7;
  summary.compile.regex_patterns = 2;
  summary.compile.compile_seconds = 0.125;
  summary.input_errors = {"a.gz: truncated gzip stream"};
  CHECK(SummaryJson(summary, ThreeRules()) ==
        "{\n"
        "  \"complete\": true,\n"
        "  \"records_read\": 10,\n"
        "  \"records_scanned\": 8,\n"
        "  \"records_rejected\": 2,\n"
        "  \"records_flagged\": 3,\n"
        "  \"bytes_read\": 5000000,\n"
        "  \"seconds\": 2.000,\n"
        "  \"mb_per_s\": 2.5,\n"
        "  \"serial_stage_seconds\": {\"read\": 0.500, \"write\": 0.250},\n"
        "  \"threads\": 4,\n"
        "  \"rules_loaded\": 3,\n"
        "  \"patterns\": {\"keywords\": 7, \"regexes\": 2},\n"
        "  \"database_from_cache\": false,\n"
        "  \"compile_seconds\": 0.125,\n"
        "  \"input_errors\": [\"a.gz: truncated gzip stream\"],\n"
        "  \"hits_per_category\": {\"medicines\": 1, \"supplements\": 4},\n"
        "  \"hits_per_rule\": {\"med.sibutramine\": 1, \"supp.dmaa\": 4},\n"
        "  \"listings_per_rule\": {\"med.sibutramine\": 1, \"supp.dmaa\": 2},\n"
        "  \"listings_per_country\": {\"DE\": 5, \"unknown\": 3},\n"
        "  \"listings_per_seller\": {\"S1\": 6},\n"
        "  \"sellers_truncated\": false,\n"
        "  \"listings_of_uncounted_sellers\": 0\n"
        "}\n");
}

TEST_CASE("an interrupted run's summary says so and where it stopped", "[output]") {
  ScanSummary summary;
  summary.complete = false;
  summary.stopped_input = "dump-07.jsonl.zst";
  summary.stopped_file_bytes = 1048576;
  summary.stopped_lines_done = 5210;
  const std::string json = SummaryJson(summary, RuleSet{});
  CHECK(json.rfind("{\n"
                   "  \"complete\": false,\n"
                   "  \"stopped_at\": {\"input\": \"dump-07.jsonl.zst\", "
                   "\"file_bytes_done\": 1048576, \"lines_done\": 5210},\n"
                   "  \"records_read\": 0,\n",
                   0) == 0);
}

TEST_CASE("a summary of zero seconds reports zero throughput", "[output]") {
  ScanSummary summary;
  summary.counts.bytes_read = 100;
  const std::string json = SummaryJson(summary, RuleSet{});
  CHECK(json.find("  \"mb_per_s\": 0.0,\n") != std::string::npos);
  CHECK(json.find("  \"hits_per_rule\": {},\n") != std::string::npos);
}

TEST_CASE("adding scan counts adds every count and per-rule vector", "[output]") {
  ScanCounts total;
  total.records_read = 5;
  total.records_scanned = 4;
  total.records_rejected = 1;
  total.hits_per_rule = {1};
  ScanCounts batch;
  batch.records_read = 3;
  batch.records_scanned = 3;
  batch.records_flagged = 2;
  batch.bytes_read = 10;
  batch.hits_per_rule = {2, 5};
  batch.listings_per_rule = {1, 1};
  total.Add(batch);
  CHECK(total.records_read == 8);
  CHECK(total.records_scanned == 7);
  CHECK(total.records_rejected == 1);
  CHECK(total.records_read == total.records_scanned + total.records_rejected);
  CHECK(total.records_flagged == 2);
  CHECK(total.bytes_read == 10);
  CHECK(total.hits_per_rule == std::vector<uint64_t>{3, 5});
  CHECK(total.listings_per_rule == std::vector<uint64_t>{1, 1});
}

TEST_CASE("country and seller counts add up, and sellers past the cap add up apart", "[output]") {
  ScanCounts total;
  total.listings_per_country = {{"DE", 2}};
  for (size_t i = 0; i + 1 < ScanCounts::kMaxSellers; ++i) {
    total.listings_per_seller.emplace("filler" + std::to_string(i), 1);
  }
  ScanCounts batch;
  batch.listings_per_country = {{"DE", 1}, {"FR", 4}};
  batch.listings_per_seller = {{"filler0", 2}};
  total.Add(batch);
  CHECK(total.listings_per_country.at("DE") == 3);
  CHECK(total.listings_per_country.at("FR") == 4);
  CHECK(total.listings_per_seller.at("filler0") == 3);
  ScanCounts more;
  more.listings_per_seller = {{"last", 1}};
  total.Add(more);  // the cap's last place
  ScanCounts over;
  over.listings_per_seller = {{"late", 5}, {"last", 2}};
  total.Add(over);
  CHECK(total.listings_per_seller.size() == ScanCounts::kMaxSellers);
  CHECK(total.listings_per_seller.at("last") == 3);
  CHECK(total.listings_per_seller.count("late") == 0);
  CHECK(total.listings_of_uncounted_sellers == 5);
}

}  // namespace
}  // namespace listscan
