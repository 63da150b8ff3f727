// The figures of a transparency report, gathered in one streaming pass over flagged listings:
// every count is exact; memory grows with the number of distinct rules, countries and sellers
// (sellers capped, see kMaxSellers), never with the number of listings.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "listscan/rule.h"
#include "report/flagged_listing.h"
#include "report/removal_tracking.h"
#include "report/scan_totals.h"

namespace listscan::report {

struct FigureOptions {
  std::string country_field{kDefaultCountryField};
  std::string seller_field = "seller.id";
  size_t samples = 50;  // flagged listings kept for the sample table (the first ones)
  size_t top = 20;      // rows of the top-rules and sellers tables
};

// One row of a breakdown: a name and how many flagged listings it has.
struct Count {
  std::string name;
  uint64_t listings = 0;
};

struct CountryRow {
  std::string country;  // "unknown" for listings without one
  uint64_t flagged = 0;
  std::optional<uint64_t> listings;  // from the summary, when it counted countries
};

struct SellerRow {
  std::string seller;
  uint64_t flagged = 0;
  std::optional<uint64_t> listings;  // from the summary, when it counted sellers
  std::vector<std::string> categories;
  std::vector<std::string> rules;
};

// Sellers linked by contacts they share (a phone number, an address, a handle, a domain in their
// hidden-links hits): likely one trader behind several profiles.
struct NetworkRow {
  std::vector<std::string> sellers;          // sorted
  std::vector<std::string> shared_contacts;  // contacts of two sellers or more, sorted
  uint64_t flagged = 0;                      // flagged listings of all its sellers
  std::vector<std::string> categories;
};

struct RuleRow {
  std::string rule;
  std::string title;  // empty when the rule is not in the packs given
  std::string category;
  uint64_t listings = 0;
};

class ReportFigures {
 public:
  // Distinct sellers followed one by one; flags of further sellers still count in the totals and
  // in `sellers_over_cap`.
  static constexpr size_t kMaxSellers = 1'000'000;

  ReportFigures(FigureOptions options, const RuleSet* rules, std::optional<ScanTotals> totals);

  void Add(const FlaggedListing& listing);
  // Compares the listings added with earlier exports (RemovalTracker::AddPrevious done).
  void TrackRemovals(std::unique_ptr<RemovalTracker> tracker) { removals_ = std::move(tracker); }
  // Null without earlier exports.
  const RemovalTracker* removals() const { return removals_.get(); }

  uint64_t listings_flagged() const { return listings_flagged_; }
  uint64_t hits() const { return hits_; }
  const std::optional<ScanTotals>& totals() const { return totals_; }
  void SetTotals(ScanTotals totals) { totals_ = std::move(totals); }
  // Sorted by count, largest first, then by name.
  std::vector<Count> ByCategory() const { return Sorted(by_category_); }
  std::vector<Count> BySeverity() const;  // each listing under its highest severity
  std::vector<Count> ByEvasion() const { return Sorted(by_evasion_); }  // hits; "none": plain
  std::vector<RuleRow> ByRule() const;
  std::vector<CountryRow> ByCountry() const;
  std::vector<SellerRow> TopSellers() const;
  // Networks of two sellers or more, largest first (sellers, then flagged listings).
  std::vector<NetworkRow> Networks() const;
  uint64_t sellers_flagged() const { return sellers_.size(); }
  uint64_t sellers_over_cap() const { return sellers_over_cap_; }
  uint64_t listings_without_seller() const { return listings_without_seller_; }
  const std::vector<FlaggedListing>& samples() const { return samples_; }
  const FigureOptions& options() const { return options_; }

 private:
  struct Seller {
    uint32_t index = 0;  // into seller_ids_ and parent_
    uint64_t flagged = 0;
    uint32_t categories = 0;      // bit i: category_names_[i] (the first 32 names seen)
    std::vector<uint32_t> rules;  // indices into rule_names_, sorted
  };
  static std::vector<Count> Sorted(const absl::flat_hash_map<std::string, uint64_t>& counts);
  uint32_t RuleIndex(const std::string& rule);
  void LinkContact(uint32_t seller, const std::string& contact);
  uint32_t Root(uint32_t seller) const;
  std::vector<std::string> CategoryNames(uint32_t bits) const;

  FigureOptions options_;
  const RuleSet* rules_;
  std::optional<ScanTotals> totals_;
  uint64_t listings_flagged_ = 0;
  uint64_t hits_ = 0;
  absl::flat_hash_map<std::string, uint64_t> by_category_, by_severity_, by_evasion_, by_rule_,
      by_country_;
  absl::flat_hash_map<std::string, uint32_t> rule_index_;
  std::vector<std::string> rule_names_;
  std::vector<std::string> category_names_;  // bit i of Seller::categories
  absl::node_hash_map<std::string, Seller> sellers_;  // nodes: seller_ids_ points at the keys
  uint64_t sellers_over_cap_ = 0;
  // Union-find over sellers linked by a shared contact.
  std::vector<const std::string*> seller_ids_;  // by Seller::index; keys of sellers_ are stable
  mutable std::vector<uint32_t> parent_;
  struct ContactOwners {
    uint32_t first_seller = 0;
    uint32_t sellers = 0;  // distinct sellers that gave it
  };
  absl::flat_hash_map<std::string, ContactOwners> contacts_;
  absl::flat_hash_set<std::pair<uint32_t, std::string>> seller_contacts_;
  uint64_t listings_without_seller_ = 0;
  std::vector<FlaggedListing> samples_;
  std::unique_ptr<RemovalTracker> removals_;
};

}  // namespace listscan::report
