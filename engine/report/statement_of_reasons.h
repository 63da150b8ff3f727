// DSA statements of reasons (Art. 17, filed in the Commission's Transparency Database) for
// flagged listings: one JSON object per listing in the database's current submission schema
// (docs/reports.md lists every field and where its value comes from).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "listscan/rule.h"
#include "report/flagged_listing.h"

namespace listscan::report {

// What the platform decided and how; the defaults describe a listing taken down on the
// platform's own initiative after automated detection and a human review.
struct StatementOptions {
  std::vector<std::string> decision_visibility = {"DECISION_VISIBILITY_CONTENT_REMOVED"};
  std::string decision_visibility_other;  // required with DECISION_VISIBILITY_OTHER
  std::string decision_monetary;          // empty: not sent
  std::string decision_monetary_other;    // required with DECISION_MONETARY_OTHER
  std::string decision_provision;
  std::string decision_account;
  std::string account_type;
  std::string decision_ground_reference_url;
  std::string source_type = "SOURCE_VOLUNTARY";
  std::string source_identity;  // not sent for SOURCE_VOLUNTARY
  std::string automated_decision = "AUTOMATED_DECISION_PARTIALLY";
  std::string application_date;  // YYYY-MM-DD
  std::string content_date;      // YYYY-MM-DD: used when the listing has no valid date field
  std::string content_date_field = "created_at";
  std::string country_field{kDefaultCountryField};
  std::string ean_field = "ean";
  std::string puid_prefix;
};

// Checks the options against the schema's enums and conditions (which value needs which text).
absl::Status ValidateStatementOptions(const StatementOptions& options);

// Turns listing ids into unique `puid`s: letters, digits, '-' kept; every other byte (and '_')
// written as _XX (upper-case hex), so that two ids never give one puid; the prefix goes first. An
// id seen again gets "_xN" (its N-th occurrence) appended, which no encoded id can end with.
class PuidMaker {
 public:
  explicit PuidMaker(std::string prefix) : prefix_(std::move(prefix)) {}
  std::string Make(std::string_view id);

 private:
  std::string prefix_;
  absl::flat_hash_map<uint64_t, uint32_t> seen_;  // hash of the puid -> occurrences
};

class StatementWriter {
 public:
  // `rules` must hold every rule the flagged listings name.
  StatementWriter(const RuleSet& rules, StatementOptions options);

  // Appends the listing's statement as one JSON object (no newline). Fails when a hit names a
  // rule the packs do not have.
  absl::Status Append(const FlaggedListing& listing, std::string* out);

 private:
  const RuleSet& rules_;
  StatementOptions options_;
  absl::flat_hash_map<std::string, const Rule*> rule_by_id_;
  PuidMaker puids_;
};

}  // namespace listscan::report
