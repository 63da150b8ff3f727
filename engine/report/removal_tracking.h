// Removal tracking across exports of one catalogue: which flagged listings are new, which are
// still online since an earlier export and which are gone, and how long flagged listings stayed
// online. Listings are known by their id. Memory grows with the flagged listings of the earlier
// exports (an id, a country and a seller each), never with the listings scanned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "report/flagged_listing.h"

namespace listscan::report {

struct RemovalRow {
  std::string name;  // a category or a country code ("unknown" without one)
  uint64_t newly_flagged = 0;
  uint64_t still_online = 0;
  uint64_t gone = 0;
};

struct StillOnline {
  std::string id;
  std::string first_flagged;  // YYYY-MM-DD
  int64_t age_days = 0;
};

struct ReturningSeller {
  std::string seller;
  uint64_t gone = 0;           // flagged listings of earlier exports no longer flagged now
  uint64_t newly_flagged = 0;  // flagged now and in no earlier export
};

struct RemovalFigures {
  std::string current_date;
  std::vector<std::string> previous_dates;  // oldest first
  uint64_t newly_flagged = 0;
  uint64_t still_online = 0;
  uint64_t gone = 0;
  // A listing counts once under each category of its hits; in earlier exports, those it had
  // when it was last flagged.
  std::vector<RemovalRow> by_category;  // by name
  std::vector<RemovalRow> by_country;   // by code
  // Days from the export a listing was first flagged in to the first export without it, over the
  // listings gone (nearest-rank percentiles); unset when none is gone.
  std::optional<int64_t> median_days_online;
  std::optional<int64_t> p90_days_online;
  std::vector<StillOnline> oldest_still_online;   // oldest first, then by id; at most `top`
  std::vector<ReturningSeller> returning_sellers;  // most newly flagged first, then by seller
};

class RemovalTracker {
 public:
  // `current_date`: the export date of the listings the report reads (YYYY-MM-DD).
  RemovalTracker(std::string current_date, std::string country_field, std::string seller_field);

  // Reads the flagged output of an earlier export made on `date` (YYYY-MM-DD, before the current
  // one). Call for every earlier export before the first AddCurrent.
  absl::Status AddPrevious(const std::string& path, const std::string& date);

  void AddCurrent(const FlaggedListing& listing);

  RemovalFigures Figures(size_t top) const;

 private:
  struct Tracked {
    int64_t first_day = 0;  // days since 1970-01-01 of the first and last export flagging it
    int64_t last_day = 0;
    uint32_t categories = 0;  // bits of category_names_
    std::string country;
    std::string seller;
    bool current = false;    // flagged in the current export
    bool only_now = false;   // flagged in the current export only
  };
  void Note(const FlaggedListing& listing, int64_t day, bool current);
  uint32_t CategoryBits(const FlaggedListing& listing);

  std::string current_date_;
  int64_t current_day_ = 0;
  std::string country_field_;
  std::string seller_field_;
  std::vector<int64_t> previous_days_;  // sorted
  std::vector<std::string> category_names_;
  absl::flat_hash_map<std::string, Tracked> listings_;
};

// Days since 1970-01-01 of a YYYY-MM-DD date; nullopt when it is not a valid date.
std::optional<int64_t> DayNumber(std::string_view date);

}  // namespace listscan::report
