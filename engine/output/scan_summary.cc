// ScanCounts arithmetic and the --summary JSON document.
#include "output/scan_summary.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "output/json_text.h"

namespace listscan {
namespace {

void AddVector(std::vector<uint64_t>* into, const std::vector<uint64_t>& from) {
  if (into->size() < from.size()) into->resize(from.size());
  for (size_t i = 0; i < from.size(); ++i) (*into)[i] += from[i];
}

template <typename Map>
void AppendCountMap(std::string* out, const char* key, const Map& counts) {
  absl::StrAppend(out, ",\n  \"", key, "\": {");
  bool first = true;
  for (const auto& [name, count] : counts) {
    out->append(first ? "" : ", ");
    first = false;
    AppendJsonString(out, name);
    absl::StrAppend(out, ": ", count);
  }
  out->append("}");
}

}  // namespace

void ScanCounts::Add(const ScanCounts& other) {
  records_read += other.records_read;
  records_scanned += other.records_scanned;
  records_rejected += other.records_rejected;
  records_flagged += other.records_flagged;
  bytes_read += other.bytes_read;
  AddVector(&hits_per_rule, other.hits_per_rule);
  AddVector(&listings_per_rule, other.listings_per_rule);
  for (const auto& [country, count] : other.listings_per_country) {
    listings_per_country[country] += count;
  }
  for (const auto& [seller, count] : other.listings_per_seller) {
    auto found = listings_per_seller.find(seller);
    if (found != listings_per_seller.end()) {
      found->second += count;
    } else if (listings_per_seller.size() < kMaxSellers) {
      listings_per_seller.emplace(seller, count);
    } else {
      listings_of_uncounted_sellers += count;
    }
  }
  listings_of_uncounted_sellers += other.listings_of_uncounted_sellers;
}

std::string SummaryJson(const ScanSummary& summary, const RuleSet& rules) {
  const ScanCounts& c = summary.counts;
  std::map<std::string, uint64_t> hits_per_rule, listings_per_rule, hits_per_category;
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    const uint64_t hits = r < c.hits_per_rule.size() ? c.hits_per_rule[r] : 0;
    const uint64_t listings = r < c.listings_per_rule.size() ? c.listings_per_rule[r] : 0;
    if (hits == 0) continue;
    hits_per_rule[rules.rules[r].id] = hits;
    listings_per_rule[rules.rules[r].id] = listings;
    hits_per_category[std::string(CategoryName(rules.rules[r].category))] += hits;
  }
  const double megabytes = static_cast<double>(c.bytes_read) / 1e6;
  std::string out = "{\n";
  absl::StrAppend(&out, "  \"complete\": ", summary.complete ? "true" : "false", ",\n");
  if (!summary.complete) {
    out.append("  \"stopped_at\": {\"input\": ");
    AppendJsonString(&out, summary.stopped_input);
    absl::StrAppend(&out, ", \"file_bytes_done\": ", summary.stopped_file_bytes,
                    ", \"lines_done\": ", summary.stopped_lines_done, "},\n");
    if (summary.output_cut_short) out.append("  \"output_cut_short\": true,\n");
  }
  absl::StrAppend(&out, "  \"records_read\": ", c.records_read, ",\n");
  absl::StrAppend(&out, "  \"records_scanned\": ", c.records_scanned, ",\n");
  absl::StrAppend(&out, "  \"records_rejected\": ", c.records_rejected, ",\n");
  absl::StrAppend(&out, "  \"records_flagged\": ", c.records_flagged, ",\n");
  absl::StrAppend(&out, "  \"bytes_read\": ", c.bytes_read, ",\n");
  absl::StrAppend(&out, "  \"seconds\": ", absl::StrFormat("%.3f", summary.seconds), ",\n");
  absl::StrAppend(&out, "  \"mb_per_s\": ",
                  absl::StrFormat("%.1f", summary.seconds > 0 ? megabytes / summary.seconds : 0),
                  ",\n");
  absl::StrAppend(&out, "  \"serial_stage_seconds\": {\"read\": ",
                  absl::StrFormat("%.3f", summary.read_seconds), ", \"write\": ",
                  absl::StrFormat("%.3f", summary.write_seconds), "},\n");
  absl::StrAppend(&out, "  \"threads\": ", summary.threads, ",\n");
  absl::StrAppend(&out, "  \"rules_loaded\": ", summary.compile.rules, ",\n");
  absl::StrAppend(&out, "  \"patterns\": {\"keywords\": ", summary.compile.literal_patterns,
                  ", \"regexes\": ", summary.compile.regex_patterns, "},\n");
  absl::StrAppend(&out, "  \"database_from_cache\": ",
                  summary.compile.from_cache ? "true" : "false", ",\n");
  absl::StrAppend(&out, "  \"compile_seconds\": ",
                  absl::StrFormat("%.3f", summary.compile.compile_seconds), ",\n");
  out.append("  \"input_errors\": [");
  for (size_t i = 0; i < summary.input_errors.size(); ++i) {
    if (i) out.append(", ");
    AppendJsonString(&out, summary.input_errors[i]);
  }
  out.append("]");
  if (!summary.input_notes.empty()) {
    out.append(",\n  \"input_notes\": [");
    for (size_t i = 0; i < summary.input_notes.size(); ++i) {
      if (i) out.append(", ");
      AppendJsonString(&out, summary.input_notes[i]);
    }
    out.append("]");
  }
  AppendCountMap(&out, "hits_per_category", hits_per_category);
  AppendCountMap(&out, "hits_per_rule", hits_per_rule);
  AppendCountMap(&out, "listings_per_rule", listings_per_rule);
  AppendCountMap(&out, "listings_per_country",
                 std::map<std::string, uint64_t>(c.listings_per_country.begin(),
                                                 c.listings_per_country.end()));
  AppendCountMap(&out, "listings_per_seller",
                 std::map<std::string, uint64_t>(c.listings_per_seller.begin(),
                                                 c.listings_per_seller.end()));
  absl::StrAppend(&out, ",\n  \"sellers_truncated\": ",
                  c.listings_of_uncounted_sellers > 0 ? "true" : "false",
                  ",\n  \"listings_of_uncounted_sellers\": ", c.listings_of_uncounted_sellers);
  out.append("\n}\n");
  return out;
}

}  // namespace listscan
