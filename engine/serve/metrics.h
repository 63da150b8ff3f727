// The service's counters and their Prometheus text exposition (GET /metrics): requests by endpoint
// and status, request latency histograms, listings scanned and flagged (by category and rule), the
// pack's version and load, reloads. Counters only grow, across reloads too.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "serve/pack_holder.h"
#include "serve/scan_request.h"

namespace listscan::serve {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 14> kLatencyBuckets = {
      0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};

  // `endpoint` is one of the service's paths (or "other"), so the label set stays bounded.
  // `seconds` < 0: the latency is unknown (the request failed before routing); counted only.
  void CountRequest(std::string_view endpoint, int status, double seconds);
  void CountScan(const ServingPack& pack, const ScanTally& tally);
  void CountReload(bool ok);

  // The text exposition format, version 0.0.4; `pack` may be null (nothing loaded yet).
  std::string Render(const ServingPack* pack) const;

 private:
  struct Histogram {
    std::array<uint64_t, kLatencyBuckets.size()> buckets{};  // not cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
  uint64_t listings_scanned_ = 0;
  uint64_t listings_flagged_ = 0;
  std::map<std::string, uint64_t> flagged_by_category_;
  std::map<std::pair<std::string, std::string>, uint64_t> flagged_by_rule_;  // (rule, category)
  uint64_t reloads_ = 0;
  uint64_t failed_reloads_ = 0;
};

}  // namespace listscan::serve
