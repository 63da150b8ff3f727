// Metrics: counting under one mutex (a few map updates per request), rendering in name order.
#include "serve/metrics.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace listscan::serve {
namespace {

// A label value with backslash, double quote and newline escaped, as the format requires.
std::string LabelValue(std::string_view value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '"') {
      escaped += "\\\"";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

void Header(std::string* out, const std::string& name, const std::string& type,
            const std::string& help) {
  absl::StrAppend(out, "# HELP ", name, " ", help, "\n# TYPE ", name, " ", type, "\n");
}

std::string Number(double value) { return absl::StrFormat("%.9g", value); }

}  // namespace

void Metrics::CountRequest(std::string_view endpoint, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(endpoint), status}];
  if (seconds < 0) return;
  auto it = latency_.find(endpoint);
  if (it == latency_.end()) it = latency_.emplace(std::string(endpoint), Histogram{}).first;
  Histogram& histogram = it->second;
  const auto bucket = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds);
  if (bucket != kLatencyBuckets.end()) ++histogram.buckets[bucket - kLatencyBuckets.begin()];
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::CountScan(const ServingPack& pack, const ScanTally& tally) {
  const RuleSet& rules = pack.pack->rules();
  std::lock_guard lock(mutex_);
  listings_scanned_ += tally.listings;
  listings_flagged_ += tally.flagged;
  for (uint32_t index : tally.rules) {
    const Rule& rule = rules.rules[index];
    const std::string category(CategoryName(rule.category));
    ++flagged_by_rule_[{rule.id, category}];
  }
  for (Category category : tally.categories) {
    ++flagged_by_category_[std::string(CategoryName(category))];
  }
}

void Metrics::CountReload(bool ok) {
  std::lock_guard lock(mutex_);
  ++(ok ? reloads_ : failed_reloads_);
}

std::string Metrics::Render(const ServingPack* pack) const {
  std::lock_guard lock(mutex_);
  std::string out;
  Header(&out, "listscan_http_requests_total", "counter", "HTTP requests by endpoint and status.");
  for (const auto& [key, count] : requests_) {
    absl::StrAppend(&out, "listscan_http_requests_total{endpoint=\"", LabelValue(key.first),
                    "\",status=\"", key.second, "\"} ", count, "\n");
  }
  Header(&out, "listscan_http_request_duration_seconds", "histogram",
         "Time from the request's headers to its response, by endpoint.");
  for (const auto& [endpoint, histogram] : latency_) {
    const std::string label = LabelValue(endpoint);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += histogram.buckets[i];
      absl::StrAppend(&out, "listscan_http_request_duration_seconds_bucket{endpoint=\"", label,
                      "\",le=\"", Number(kLatencyBuckets[i]), "\"} ", cumulative, "\n");
    }
    absl::StrAppend(&out, "listscan_http_request_duration_seconds_bucket{endpoint=\"", label,
                    "\",le=\"+Inf\"} ", histogram.count, "\n");
    absl::StrAppend(&out, "listscan_http_request_duration_seconds_sum{endpoint=\"", label, "\"} ",
                    Number(histogram.sum), "\n");
    absl::StrAppend(&out, "listscan_http_request_duration_seconds_count{endpoint=\"", label, "\"} ",
                    histogram.count, "\n");
  }
  Header(&out, "listscan_listings_scanned_total", "counter", "Listings scanned.");
  absl::StrAppend(&out, "listscan_listings_scanned_total ", listings_scanned_, "\n");
  Header(&out, "listscan_listings_flagged_total", "counter", "Listings flagged by any rule.");
  absl::StrAppend(&out, "listscan_listings_flagged_total ", listings_flagged_, "\n");
  Header(&out, "listscan_listings_flagged_by_category_total", "counter",
         "Listings flagged by a rule of the category (a listing counts once per category).");
  for (const auto& [category, count] : flagged_by_category_) {
    absl::StrAppend(&out, "listscan_listings_flagged_by_category_total{category=\"",
                    LabelValue(category), "\"} ", count, "\n");
  }
  Header(&out, "listscan_listings_flagged_by_rule_total", "counter", "Listings the rule flagged.");
  for (const auto& [key, count] : flagged_by_rule_) {
    absl::StrAppend(&out, "listscan_listings_flagged_by_rule_total{rule=\"", LabelValue(key.first),
                    "\",category=\"", LabelValue(key.second), "\"} ", count, "\n");
  }
  Header(&out, "listscan_pack_info", "gauge",
         "The pack being served; its version is a hash of its content.");
  Header(&out, "listscan_pack_rules", "gauge", "Rules in the pack being served.");
  Header(&out, "listscan_pack_loaded_timestamp_seconds", "gauge",
         "When the pack being served was loaded (Unix time).");
  Header(&out, "listscan_pack_load_duration_seconds", "gauge",
         "How long loading and compiling the pack being served took.");
  if (pack != nullptr) {
    absl::StrAppend(&out, "listscan_pack_info{version=\"", LabelValue(pack->version), "\"} 1\n");
    absl::StrAppend(&out, "listscan_pack_rules ", pack->pack->rules().rules.size(), "\n");
    absl::StrAppend(&out, "listscan_pack_loaded_timestamp_seconds ",
                    absl::StrFormat("%.3f", pack->loaded_at), "\n");
    absl::StrAppend(&out, "listscan_pack_load_duration_seconds ", Number(pack->load_seconds), "\n");
  }
  Header(&out, "listscan_reloads_total", "counter", "Reloads that swapped in a new pack.");
  absl::StrAppend(&out, "listscan_reloads_total ", reloads_, "\n");
  Header(&out, "listscan_reload_failures_total", "counter",
         "Reloads refused (the pack had errors); the old pack kept serving.");
  absl::StrAppend(&out, "listscan_reload_failures_total ", failed_reloads_, "\n");
  return out;
}

}  // namespace listscan::serve
