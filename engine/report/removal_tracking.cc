// RemovalTracker: one entry per listing id flagged in any export, with the first and last export
// that flagged it.
#include "report/removal_tracking.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "listscan/rule.h"
#include "report/flagged_reader.h"
#include "report/text_limits.h"

namespace listscan::report {

std::optional<int64_t> DayNumber(std::string_view date) {
  if (!IsIsoDate(date)) return std::nullopt;
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

namespace {

std::string DateOf(int64_t day_number) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day_number))};
  return absl::StrFormat("%04d-%02u-%02u", static_cast<int>(ymd.year()),
                         static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

enum class State { kNew, kStillOnline, kGone };

uint64_t& Cell(RemovalRow& row, State state) {
  return state == State::kNew           ? row.newly_flagged
         : state == State::kStillOnline ? row.still_online
                                        : row.gone;
}

// Nearest-rank percentile of sorted values.
int64_t Percentile(const std::vector<int64_t>& sorted, int percent) {
  const size_t rank = (sorted.size() * static_cast<size_t>(percent) + 99) / 100;
  return sorted[std::max<size_t>(rank, 1) - 1];
}

}  // namespace

RemovalTracker::RemovalTracker(std::string current_date, std::string country_field,
                               std::string seller_field)
    : current_date_(std::move(current_date)),
      current_day_(DayNumber(current_date_).value_or(0)),
      country_field_(std::move(country_field)),
      seller_field_(std::move(seller_field)) {}

uint32_t RemovalTracker::CategoryBits(const FlaggedListing& listing) {
  uint32_t bits = 0;
  for (const FlaggedHit& hit : listing.hits) {
    auto at = std::find(category_names_.begin(), category_names_.end(), hit.category);
    if (at == category_names_.end()) {
      if (category_names_.size() == 32) continue;
      category_names_.push_back(hit.category);
      at = category_names_.end() - 1;
    }
    bits |= 1u << (at - category_names_.begin());
  }
  return bits;
}

void RemovalTracker::Note(const FlaggedListing& listing, int64_t day, bool current) {
  const uint32_t categories = CategoryBits(listing);
  const std::string* country = listing.Field(country_field_);
  const std::string* seller = listing.Field(seller_field_);
  auto [it, inserted] = listings_.try_emplace(listing.id);
  Tracked& tracked = it->second;
  if (inserted) {
    tracked.first_day = day;
    tracked.last_day = day;
    tracked.only_now = current;
  } else {
    tracked.first_day = std::min(tracked.first_day, day);
    if (day > tracked.last_day) {
      tracked.last_day = day;
      tracked.categories = 0;  // the latest export's categories, country and seller count
    }
  }
  if (day == tracked.last_day) {
    tracked.categories |= categories;
    const std::string code = country ? NormalizeCountryCode(*country) : "";
    tracked.country = code.empty() ? "unknown" : code;
    tracked.seller = seller ? *seller : "";
  }
  tracked.current = tracked.current || current;
}

absl::Status RemovalTracker::AddPrevious(const std::string& path, const std::string& date) {
  const std::optional<int64_t> day = DayNumber(date);
  if (!day) return absl::InvalidArgumentError(absl::StrCat("--previous ", path, ": the date ", date,
                                                           " is not a date YYYY-MM-DD"));
  if (*day >= current_day_) {
    return absl::InvalidArgumentError(absl::StrCat("--previous ", path, ": exported on ", date,
                                                   ", not before the current export (",
                                                   current_date_, ")"));
  }
  auto reader = FlaggedReader::Open({path});
  if (!reader.ok()) return reader.status();
  FlaggedListing listing;
  while (true) {
    absl::StatusOr<bool> next = (*reader)->Next(&listing);
    if (!next.ok()) return next.status();
    if (!*next) break;
    Note(listing, *day, false);
  }
  previous_days_.insert(std::upper_bound(previous_days_.begin(), previous_days_.end(), *day),
                        *day);
  return absl::OkStatus();
}

void RemovalTracker::AddCurrent(const FlaggedListing& listing) {
  Note(listing, current_day_, true);
}

RemovalFigures RemovalTracker::Figures(size_t top) const {
  RemovalFigures figures;
  figures.current_date = current_date_;
  for (const int64_t day : previous_days_) figures.previous_dates.push_back(DateOf(day));
  std::map<std::string, RemovalRow> categories, countries;
  std::map<std::string, ReturningSeller> sellers;
  std::vector<int64_t> days_online;
  std::vector<StillOnline> still;
  for (const auto& [id, tracked] : listings_) {
    const State state = tracked.only_now  ? State::kNew
                        : tracked.current ? State::kStillOnline
                                          : State::kGone;
    ++(state == State::kNew           ? figures.newly_flagged
       : state == State::kStillOnline ? figures.still_online
                                      : figures.gone);
    for (size_t bit = 0; bit < category_names_.size(); ++bit) {
      if (tracked.categories & (1u << bit)) ++Cell(categories[category_names_[bit]], state);
    }
    ++Cell(countries[tracked.country], state);
    if (!tracked.seller.empty() && state != State::kStillOnline) {
      ReturningSeller& seller = sellers[tracked.seller];
      ++(state == State::kGone ? seller.gone : seller.newly_flagged);
    }
    if (state == State::kGone) {
      // Removed before the first export after the last one that flagged it.
      const auto next = std::upper_bound(previous_days_.begin(), previous_days_.end(),
                                         tracked.last_day);
      const int64_t removed = next == previous_days_.end() ? current_day_ : *next;
      days_online.push_back(removed - tracked.first_day);
    } else if (state == State::kStillOnline) {
      still.push_back({id, DateOf(tracked.first_day), current_day_ - tracked.first_day});
    }
  }
  for (auto& [name, row] : categories) {
    row.name = name;
    figures.by_category.push_back(row);
  }
  for (auto& [name, row] : countries) {
    row.name = name;
    figures.by_country.push_back(row);
  }
  if (!days_online.empty()) {
    std::sort(days_online.begin(), days_online.end());
    figures.median_days_online = Percentile(days_online, 50);
    figures.p90_days_online = Percentile(days_online, 90);
  }
  std::sort(still.begin(), still.end(), [](const StillOnline& a, const StillOnline& b) {
    return a.age_days != b.age_days ? a.age_days > b.age_days : a.id < b.id;
  });
  if (still.size() > top) still.resize(top);
  figures.oldest_still_online = std::move(still);
  for (auto& [name, seller] : sellers) {
    if (seller.gone == 0 || seller.newly_flagged == 0) continue;
    seller.seller = name;
    figures.returning_sellers.push_back(seller);
  }
  std::stable_sort(figures.returning_sellers.begin(), figures.returning_sellers.end(),
                   [](const ReturningSeller& a, const ReturningSeller& b) {
                     return a.newly_flagged > b.newly_flagged;
                   });
  if (figures.returning_sellers.size() > top) figures.returning_sellers.resize(top);
  return figures;
}

}  // namespace listscan::report
