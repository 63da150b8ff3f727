// FiguresJson: the figures as JSON, keys documented in docs/reports.md.
#include "report/figures_json.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "output/json_text.h"

namespace listscan::report {
namespace {

void AppendCounts(std::string* out, const char* key, const std::vector<Count>& rows) {
  absl::StrAppend(out, ",\n  \"", key, "\": [");
  for (size_t i = 0; i < rows.size(); ++i) {
    out->append(i ? ",\n    {\"name\": " : "\n    {\"name\": ");
    AppendJsonString(out, rows[i].name);
    absl::StrAppend(out, ", \"listings\": ", rows[i].listings, "}");
  }
  out->append(rows.empty() ? "]" : "\n  ]");
}

void AppendStrings(std::string* out, const std::vector<std::string>& values) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out->append(", ");
    AppendJsonString(out, values[i]);
  }
  out->push_back(']');
}

void AppendRemovalRows(std::string* out, const char* key, const std::vector<RemovalRow>& rows) {
  absl::StrAppend(out, ",\n    \"", key, "\": [");
  for (size_t i = 0; i < rows.size(); ++i) {
    out->append(i ? ",\n      {\"name\": " : "\n      {\"name\": ");
    AppendJsonString(out, rows[i].name);
    absl::StrAppend(out, ", \"newly_flagged\": ", rows[i].newly_flagged, ", \"still_online\": ",
                    rows[i].still_online, ", \"gone\": ", rows[i].gone, "}");
  }
  out->append(rows.empty() ? "]" : "\n    ]");
}

std::string Days(const std::optional<int64_t>& days) {
  return days ? absl::StrCat(*days) : "null";
}

void AppendRemovals(std::string* out, const RemovalFigures& removals) {
  out->append(",\n  \"removals\": {\"current_date\": ");
  AppendJsonString(out, removals.current_date);
  out->append(", \"previous_dates\": ");
  AppendStrings(out, removals.previous_dates);
  absl::StrAppend(out, ",\n    \"newly_flagged\": ", removals.newly_flagged,
                  ", \"still_online\": ", removals.still_online, ", \"gone\": ", removals.gone,
                  ",\n    \"median_days_online\": ", Days(removals.median_days_online),
                  ", \"p90_days_online\": ", Days(removals.p90_days_online));
  AppendRemovalRows(out, "by_category", removals.by_category);
  AppendRemovalRows(out, "by_country", removals.by_country);
  out->append(",\n    \"oldest_still_online\": [");
  for (size_t i = 0; i < removals.oldest_still_online.size(); ++i) {
    const StillOnline& row = removals.oldest_still_online[i];
    out->append(i ? ",\n      {\"id\": " : "\n      {\"id\": ");
    AppendJsonString(out, row.id);
    out->append(", \"first_flagged\": ");
    AppendJsonString(out, row.first_flagged);
    absl::StrAppend(out, ", \"age_days\": ", row.age_days, "}");
  }
  out->append(removals.oldest_still_online.empty() ? "]" : "\n    ]");
  out->append(",\n    \"returning_sellers\": [");
  for (size_t i = 0; i < removals.returning_sellers.size(); ++i) {
    const ReturningSeller& row = removals.returning_sellers[i];
    out->append(i ? ",\n      {\"seller\": " : "\n      {\"seller\": ");
    AppendJsonString(out, row.seller);
    absl::StrAppend(out, ", \"gone\": ", row.gone, ", \"newly_flagged\": ", row.newly_flagged,
                    "}");
  }
  out->append(removals.returning_sellers.empty() ? "]}" : "\n    ]}");
}

}  // namespace

std::string Rate(uint64_t part, uint64_t whole) {
  return whole == 0
             ? "null"
             : absl::StrFormat("%.4f", static_cast<double>(part) / static_cast<double>(whole));
}

std::string Percent(uint64_t part, const std::optional<uint64_t>& whole) {
  if (!whole || *whole == 0) return "-";
  return absl::StrFormat("%.2f %%", 100.0 * static_cast<double>(part) / static_cast<double>(*whole));
}

std::string FiguresJson(const ReportFigures& figures) {
  std::string out = "{\n";
  const auto& totals = figures.totals();
  absl::StrAppend(&out, "  \"listings_scanned\": ",
                  totals ? absl::StrCat(totals->listings_scanned) : "null", ",\n");
  absl::StrAppend(&out, "  \"listings_flagged\": ", figures.listings_flagged(), ",\n");
  absl::StrAppend(&out, "  \"flag_rate\": ",
                  totals ? Rate(figures.listings_flagged(), totals->listings_scanned) : "null",
                  ",\n");
  absl::StrAppend(&out, "  \"hits\": ", figures.hits());
  AppendCounts(&out, "by_category", figures.ByCategory());
  AppendCounts(&out, "by_severity", figures.BySeverity());
  AppendCounts(&out, "hits_by_evasion", figures.ByEvasion());
  out.append(",\n  \"by_rule\": [");
  const std::vector<RuleRow> rules = figures.ByRule();
  for (size_t i = 0; i < rules.size(); ++i) {
    out.append(i ? ",\n    {\"rule\": " : "\n    {\"rule\": ");
    AppendJsonString(&out, rules[i].rule);
    out.append(", \"title\": ");
    AppendJsonString(&out, rules[i].title);
    out.append(", \"category\": ");
    AppendJsonString(&out, rules[i].category);
    absl::StrAppend(&out, ", \"listings\": ", rules[i].listings, "}");
  }
  out.append(rules.empty() ? "]" : "\n  ]");
  out.append(",\n  \"by_country\": [");
  const std::vector<CountryRow> countries = figures.ByCountry();
  for (size_t i = 0; i < countries.size(); ++i) {
    const CountryRow& row = countries[i];
    out.append(i ? ",\n    {\"country\": " : "\n    {\"country\": ");
    AppendJsonString(&out, row.country);
    absl::StrAppend(&out, ", \"flagged\": ", row.flagged,
                    ", \"listings\": ", row.listings ? absl::StrCat(*row.listings) : "null",
                    ", \"flag_rate\": ", row.listings ? Rate(row.flagged, *row.listings) : "null",
                    "}");
  }
  out.append(countries.empty() ? "]" : "\n  ]");
  absl::StrAppend(&out, ",\n  \"sellers\": {\"flagged\": ", figures.sellers_flagged(),
                  ", \"listings_without_seller\": ", figures.listings_without_seller(),
                  ", \"listings_of_sellers_over_cap\": ", figures.sellers_over_cap(),
                  ", \"top\": [");
  const std::vector<SellerRow> sellers = figures.TopSellers();
  for (size_t i = 0; i < sellers.size(); ++i) {
    const SellerRow& row = sellers[i];
    out.append(i ? ",\n    {\"seller\": " : "\n    {\"seller\": ");
    AppendJsonString(&out, row.seller);
    absl::StrAppend(&out, ", \"flagged\": ", row.flagged,
                    ", \"listings\": ", row.listings ? absl::StrCat(*row.listings) : "null",
                    ", \"flagged_share\": ",
                    row.listings ? Rate(row.flagged, *row.listings) : "null", ", \"categories\": ");
    AppendStrings(&out, row.categories);
    out.append(", \"rules\": ");
    AppendStrings(&out, row.rules);
    out.push_back('}');
  }
  out.append(sellers.empty() ? "]}" : "\n  ]}");
  out.append(",\n  \"networks\": [");
  const std::vector<NetworkRow> networks = figures.Networks();
  for (size_t i = 0; i < networks.size(); ++i) {
    const NetworkRow& row = networks[i];
    out.append(i ? ",\n    {\"sellers\": " : "\n    {\"sellers\": ");
    AppendStrings(&out, row.sellers);
    out.append(", \"shared_contacts\": ");
    AppendStrings(&out, row.shared_contacts);
    absl::StrAppend(&out, ", \"flagged\": ", row.flagged, ", \"categories\": ");
    AppendStrings(&out, row.categories);
    out.push_back('}');
  }
  out.append(networks.empty() ? "]" : "\n  ]");
  if (const RemovalTracker* removals = figures.removals()) {
    AppendRemovals(&out, removals->Figures(figures.options().top));
  }
  out.append("\n}\n");
  return out;
}

}  // namespace listscan::report
