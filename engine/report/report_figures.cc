// ReportFigures: counting flagged listings by every dimension a report shows.
#include "report/report_figures.h"

#include <algorithm>
#include <set>

namespace listscan::report {
namespace {

constexpr std::string_view kSeverityOrder[] = {"critical", "high", "medium", "low"};

int SeverityRank(std::string_view severity) {
  for (int i = 0; i < 4; ++i) {
    if (kSeverityOrder[i] == severity) return i;
  }
  return 4;
}

}  // namespace

ReportFigures::ReportFigures(FigureOptions options, const RuleSet* rules,
                             std::optional<ScanTotals> totals)
    : options_(std::move(options)), rules_(rules), totals_(std::move(totals)) {}

uint32_t ReportFigures::RuleIndex(const std::string& rule) {
  auto [it, inserted] = rule_index_.emplace(rule, static_cast<uint32_t>(rule_names_.size()));
  if (inserted) rule_names_.push_back(rule);
  return it->second;
}

void ReportFigures::Add(const FlaggedListing& listing) {
  ++listings_flagged_;
  hits_ += listing.hits.size();
  std::set<std::string_view> categories, rules;
  std::string_view severity;
  for (const FlaggedHit& hit : listing.hits) {
    categories.insert(hit.category);
    rules.insert(hit.rule);
    if (severity.empty() || SeverityRank(hit.severity) < SeverityRank(severity)) {
      severity = hit.severity;
    }
    ++by_evasion_[hit.evasion.empty() ? "none" : hit.evasion];
  }
  for (std::string_view category : categories) ++by_category_[std::string(category)];
  for (std::string_view rule : rules) ++by_rule_[std::string(rule)];
  ++by_severity_[std::string(severity)];
  const std::string* country = listing.Field(options_.country_field);
  const std::string code = country ? NormalizeCountryCode(*country) : "";
  ++by_country_[code.empty() ? "unknown" : code];

  const std::string* seller_id = listing.Field(options_.seller_field);
  if (seller_id == nullptr || seller_id->empty()) {
    ++listings_without_seller_;
  } else {
    auto found = sellers_.find(*seller_id);
    if (found == sellers_.end() && sellers_.size() >= kMaxSellers) {
      ++sellers_over_cap_;
    } else {
      if (found == sellers_.end()) {
        found = sellers_.emplace(*seller_id, Seller{}).first;
        found->second.index = static_cast<uint32_t>(seller_ids_.size());
        seller_ids_.push_back(&found->first);
        parent_.push_back(found->second.index);
      }
      Seller& seller = found->second;
      ++seller.flagged;
      for (const FlaggedHit& hit : listing.hits) {
        if (!hit.contact.empty()) LinkContact(seller.index, hit.contact);
      }
      for (std::string_view category : categories) {
        auto at = std::find(category_names_.begin(), category_names_.end(), category);
        if (at == category_names_.end()) {
          if (category_names_.size() == 32) continue;
          category_names_.emplace_back(category);
          at = category_names_.end() - 1;
        }
        seller.categories |= 1u << (at - category_names_.begin());
      }
      for (std::string_view rule : rules) {
        const uint32_t index = RuleIndex(std::string(rule));
        auto place = std::lower_bound(seller.rules.begin(), seller.rules.end(), index);
        if (place == seller.rules.end() || *place != index) seller.rules.insert(place, index);
      }
    }
  }
  if (samples_.size() < options_.samples) samples_.push_back(listing);
  if (removals_) removals_->AddCurrent(listing);
}

uint32_t ReportFigures::Root(uint32_t seller) const {
  while (parent_[seller] != seller) {
    parent_[seller] = parent_[parent_[seller]];  // path halving
    seller = parent_[seller];
  }
  return seller;
}

void ReportFigures::LinkContact(uint32_t seller, const std::string& contact) {
  if (!seller_contacts_.emplace(seller, contact).second) return;
  auto [it, inserted] = contacts_.try_emplace(contact, ContactOwners{seller, 0});
  ++it->second.sellers;
  if (inserted) return;
  const uint32_t a = Root(seller), b = Root(it->second.first_seller);
  if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

std::vector<std::string> ReportFigures::CategoryNames(uint32_t bits) const {
  std::vector<std::string> names;
  for (size_t bit = 0; bit < category_names_.size(); ++bit) {
    if (bits & (1u << bit)) names.push_back(category_names_[bit]);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<NetworkRow> ReportFigures::Networks() const {
  struct Group {
    std::vector<std::string> sellers;
    std::vector<std::string> contacts;
    uint64_t flagged = 0;
    uint32_t categories = 0;
  };
  absl::flat_hash_map<uint32_t, Group> groups;
  for (const auto& [id, seller] : sellers_) {
    const uint32_t root = Root(seller.index);
    Group& group = groups[root];
    group.sellers.push_back(id);
    group.flagged += seller.flagged;
    group.categories |= seller.categories;
  }
  for (const auto& [contact, owners] : contacts_) {
    if (owners.sellers < 2) continue;
    groups[Root(owners.first_seller)].contacts.push_back(contact);
  }
  std::vector<NetworkRow> rows;
  for (auto& [root, group] : groups) {
    if (group.sellers.size() < 2) continue;
    std::sort(group.sellers.begin(), group.sellers.end());
    std::sort(group.contacts.begin(), group.contacts.end());
    rows.push_back({std::move(group.sellers), std::move(group.contacts), group.flagged,
                    CategoryNames(group.categories)});
  }
  std::sort(rows.begin(), rows.end(), [](const NetworkRow& a, const NetworkRow& b) {
    if (a.sellers.size() != b.sellers.size()) return a.sellers.size() > b.sellers.size();
    if (a.flagged != b.flagged) return a.flagged > b.flagged;
    return a.sellers < b.sellers;
  });
  return rows;
}

std::vector<Count> ReportFigures::Sorted(const absl::flat_hash_map<std::string, uint64_t>& counts) {
  std::vector<Count> rows;
  for (const auto& [name, listings] : counts) rows.push_back({name, listings});
  std::sort(rows.begin(), rows.end(), [](const Count& a, const Count& b) {
    return a.listings != b.listings ? a.listings > b.listings : a.name < b.name;
  });
  return rows;
}

std::vector<Count> ReportFigures::BySeverity() const {
  std::vector<Count> rows = Sorted(by_severity_);
  std::stable_sort(rows.begin(), rows.end(), [](const Count& a, const Count& b) {
    return SeverityRank(a.name) < SeverityRank(b.name);
  });
  return rows;
}

std::vector<RuleRow> ReportFigures::ByRule() const {
  std::vector<RuleRow> rows;
  for (const Count& count : Sorted(by_rule_)) {
    RuleRow row{count.name, "", "", count.listings};
    if (rules_ != nullptr) {
      for (const Rule& rule : rules_->rules) {
        if (rule.id != count.name) continue;
        row.title = rule.title;
        row.category = std::string(CategoryName(rule.category));
        break;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<CountryRow> ReportFigures::ByCountry() const {
  std::map<std::string, CountryRow> rows;
  for (const auto& [country, flagged] : by_country_) rows[country] = {country, flagged, {}};
  if (totals_ && !totals_->listings_per_country.empty()) {
    for (const auto& [country, listings] : totals_->listings_per_country) {
      CountryRow& row = rows[country];
      row.country = country;
      row.listings = listings;
    }
    for (auto& [country, row] : rows) {
      if (!row.listings) row.listings = 0;  // flagged there, yet the scan counted none
    }
  }
  std::vector<CountryRow> sorted;
  for (auto& [country, row] : rows) sorted.push_back(std::move(row));
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const CountryRow& a, const CountryRow& b) { return a.flagged > b.flagged; });
  return sorted;
}

std::vector<SellerRow> ReportFigures::TopSellers() const {
  std::vector<std::pair<const std::string*, const Seller*>> all;
  for (const auto& [id, seller] : sellers_) all.emplace_back(&id, &seller);
  const size_t top = std::min(options_.top, all.size());
  std::partial_sort(all.begin(), all.begin() + top, all.end(), [](const auto& a, const auto& b) {
    return a.second->flagged != b.second->flagged ? a.second->flagged > b.second->flagged
                                                  : *a.first < *b.first;
  });
  std::vector<SellerRow> rows;
  for (size_t i = 0; i < top; ++i) {
    const auto& [id, seller] = all[i];
    SellerRow row{*id, seller->flagged, {}, {}, {}};
    if (totals_ && !totals_->listings_per_seller.empty()) {
      auto found = totals_->listings_per_seller.find(*id);
      if (found != totals_->listings_per_seller.end()) row.listings = found->second;
    }
    row.categories = CategoryNames(seller->categories);
    for (uint32_t rule : seller->rules) row.rules.push_back(rule_names_[rule]);
    std::sort(row.rules.begin(), row.rules.end());
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace listscan::report
