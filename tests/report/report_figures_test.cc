// Counting flagged listings for reports.
#include "report/report_figures.h"

#include <catch2/catch.hpp>

namespace listscan::report {
namespace {

FlaggedListing Listing(std::string id, std::vector<FlaggedHit> hits, std::string country,
                       std::string seller) {
  FlaggedListing listing;
  listing.id = std::move(id);
  listing.hits = std::move(hits);
  if (!country.empty()) listing.fields.emplace_back("country", std::move(country));
  if (!seller.empty()) listing.fields.emplace_back("seller.id", std::move(seller));
  return listing;
}

FlaggedHit Hit(std::string rule, std::string category, std::string severity,
               std::string evasion = "") {
  FlaggedHit hit;
  hit.rule = std::move(rule);
  hit.category = std::move(category);
  hit.severity = std::move(severity);
  hit.evasion = std::move(evasion);
  return hit;
}

TEST_CASE("each listing counts once per category and rule, under its highest severity",
          "[report]") {
  ReportFigures figures({}, nullptr, std::nullopt);
  figures.Add(Listing("1",
                      {Hit("a", "toys", "medium"), Hit("a", "toys", "medium", "leet"),
                       Hit("b", "medicines", "critical")},
                      "DE", "S1"));
  figures.Add(Listing("2", {Hit("a", "toys", "medium")}, "", "S1"));
  CHECK(figures.listings_flagged() == 2);
  CHECK(figures.hits() == 4);
  const auto categories = figures.ByCategory();
  REQUIRE(categories.size() == 2);
  CHECK(categories[0].name == "toys");
  CHECK(categories[0].listings == 2);
  CHECK(categories[1].name == "medicines");
  CHECK(categories[1].listings == 1);
  const auto severities = figures.BySeverity();
  REQUIRE(severities.size() == 2);
  CHECK(severities[0].name == "critical");
  CHECK(severities[0].listings == 1);
  CHECK(severities[1].name == "medium");
  CHECK(severities[1].listings == 1);
  const auto evasions = figures.ByEvasion();
  REQUIRE(evasions.size() == 2);
  CHECK(evasions[0].name == "none");
  CHECK(evasions[0].listings == 3);
  CHECK(evasions[1].name == "leet");
}

TEST_CASE("countries get the summary's listing counts beside the flagged ones", "[report]") {
  ScanTotals totals;
  totals.listings_scanned = 10;
  totals.listings_per_country = {{"DE", 4}, {"FR", 6}};
  ReportFigures figures({}, nullptr, totals);
  figures.Add(Listing("1", {Hit("a", "toys", "high")}, "DE", ""));
  figures.Add(Listing("2", {Hit("a", "toys", "high")}, "IT", ""));
  const auto countries = figures.ByCountry();
  REQUIRE(countries.size() == 3);
  CHECK(countries[0].country == "DE");
  CHECK(countries[0].flagged == 1);
  CHECK(*countries[0].listings == 4);
  CHECK(countries[1].country == "IT");
  CHECK(*countries[1].listings == 0);
  CHECK(countries[2].country == "FR");
  CHECK(countries[2].flagged == 0);
  CHECK(*countries[2].listings == 6);
  CHECK(figures.listings_without_seller() == 2);
}

TEST_CASE("sellers are ranked by flagged listings with their categories and rules", "[report]") {
  ScanTotals totals;
  totals.listings_per_seller = {{"S1", 8}};
  ReportFigures figures({}, nullptr, totals);
  figures.Add(Listing("1", {Hit("b", "medicines", "high")}, "", "S2"));
  figures.Add(Listing("2", {Hit("a", "toys", "high")}, "", "S1"));
  figures.Add(Listing("3", {Hit("c", "medicines", "high")}, "", "S1"));
  const auto sellers = figures.TopSellers();
  REQUIRE(sellers.size() == 2);
  CHECK(sellers[0].seller == "S1");
  CHECK(sellers[0].flagged == 2);
  CHECK(*sellers[0].listings == 8);
  CHECK(sellers[0].categories == std::vector<std::string>{"medicines", "toys"});
  CHECK(sellers[0].rules == std::vector<std::string>{"a", "c"});
  CHECK(sellers[1].seller == "S2");
  CHECK_FALSE(sellers[1].listings.has_value());
}

FlaggedHit Contact(std::string contact) {
  FlaggedHit hit = Hit("hl", "hidden_links", "medium");
  hit.contact = std::move(contact);
  return hit;
}

TEST_CASE("sellers sharing a contact form one network, chains included", "[report]") {
  ReportFigures figures({}, nullptr, std::nullopt);
  figures.Add(Listing("1", {Contact("phone +4915112345678")}, "", "S1"));
  figures.Add(Listing("2", {Contact("phone +4915112345678"), Contact("email a@b.eu")}, "", "S2"));
  figures.Add(Listing("3", {Contact("email a@b.eu"), Hit("x", "toys", "high")}, "", "S3"));
  figures.Add(Listing("4", {Contact("domain c.eu")}, "", "S4"));
  figures.Add(Listing("5", {Contact("domain d.eu")}, "", "S5"));
  figures.Add(Listing("6", {Contact("domain d.eu")}, "", "S6"));
  figures.Add(Listing("7", {Contact("domain d.eu")}, "", "S5"));
  const auto networks = figures.Networks();
  REQUIRE(networks.size() == 2);
  CHECK(networks[0].sellers == std::vector<std::string>{"S1", "S2", "S3"});
  CHECK(networks[0].shared_contacts ==
        std::vector<std::string>{"email a@b.eu", "phone +4915112345678"});
  CHECK(networks[0].flagged == 3);
  CHECK(networks[0].categories == std::vector<std::string>{"hidden_links", "toys"});
  CHECK(networks[1].sellers == std::vector<std::string>{"S5", "S6"});
  CHECK(networks[1].shared_contacts == std::vector<std::string>{"domain d.eu"});
  CHECK(networks[1].flagged == 3);
}

}  // namespace
}  // namespace listscan::report
