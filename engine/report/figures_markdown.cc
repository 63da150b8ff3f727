// FiguresMarkdown: one heading and one table per figure, the same figures as FiguresJson.
#include "report/figures_markdown.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/figures_json.h"

namespace listscan::report {
namespace {

std::string OrDash(const std::optional<uint64_t>& value) {
  return value ? absl::StrCat(*value) : "-";
}

void AppendCounts(std::string* out, const char* heading, const char* what,
                  const std::vector<Count>& rows) {
  absl::StrAppend(out, "\n## ", heading, "\n\n| ", what, " | flagged listings |\n|---|---:|\n");
  for (const Count& row : rows) {
    absl::StrAppend(out, "| ", MarkdownCell(row.name), " | ", row.listings, " |\n");
  }
}

void AppendRemovalRows(std::string* out, const char* what, const std::vector<RemovalRow>& rows) {
  absl::StrAppend(out, "\n| ", what, " | newly flagged | still online | gone |\n",
                  "|---|---:|---:|---:|\n");
  for (const RemovalRow& row : rows) {
    absl::StrAppend(out, "| ", MarkdownCell(row.name), " | ", row.newly_flagged, " | ",
                    row.still_online, " | ", row.gone, " |\n");
  }
}

void AppendRemovals(std::string* out, const RemovalFigures& removals) {
  auto days = [](const std::optional<int64_t>& value) {
    return value ? absl::StrCat(*value) : std::string("-");
  };
  absl::StrAppend(out, "\n## Removals since earlier exports\n\nThis export: ",
                  removals.current_date, "; earlier: ",
                  absl::StrJoin(removals.previous_dates, ", "), ". Newly flagged ",
                  removals.newly_flagged, ", flagged earlier and still online ",
                  removals.still_online, ", flagged earlier and gone ", removals.gone,
                  ". Days a flagged listing stayed online (gone listings): median ",
                  days(removals.median_days_online), ", 90th percentile ",
                  days(removals.p90_days_online), ".\n");
  AppendRemovalRows(out, "category", removals.by_category);
  AppendRemovalRows(out, "country", removals.by_country);
  out->append("\n| still online | first flagged | days |\n|---|---|---:|\n");
  for (const StillOnline& row : removals.oldest_still_online) {
    absl::StrAppend(out, "| ", MarkdownCell(row.id), " | ", row.first_flagged, " | ",
                    row.age_days, " |\n");
  }
  out->append("\n| seller with listings gone and new ones flagged | gone | newly flagged |\n"
              "|---|---:|---:|\n");
  for (const ReturningSeller& row : removals.returning_sellers) {
    absl::StrAppend(out, "| ", MarkdownCell(row.seller), " | ", row.gone, " | ",
                    row.newly_flagged, " |\n");
  }
}

}  // namespace

std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '&':
        out.append("&amp;");
        break;
      case '\n':
      case '\r':
      case '\t':
        out.push_back(' ');
        break;
      case '|':
      case '\\':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '#':
      case '~':
      case '!':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    }
  }
  return out;
}

std::string FiguresMarkdown(const ReportFigures& figures) {
  std::string out = "# Flagged listings report\n\n| figure | value |\n|---|---:|\n";
  const auto& totals = figures.totals();
  const std::optional<uint64_t> scanned =
      totals ? std::optional<uint64_t>(totals->listings_scanned) : std::nullopt;
  absl::StrAppend(&out, "| listings scanned | ", OrDash(scanned), " |\n");
  absl::StrAppend(&out, "| listings flagged | ", figures.listings_flagged(), " |\n");
  absl::StrAppend(&out, "| flag rate | ", Percent(figures.listings_flagged(), scanned), " |\n");
  absl::StrAppend(&out, "| hits | ", figures.hits(), " |\n");
  absl::StrAppend(&out, "| sellers with flagged listings | ", figures.sellers_flagged(), " |\n");
  AppendCounts(&out, "By category", "category", figures.ByCategory());
  AppendCounts(&out, "By severity (highest of each listing)", "severity", figures.BySeverity());
  out.append("\n## Hits by evasion\n\n| evasion | hits |\n|---|---:|\n");
  for (const Count& row : figures.ByEvasion()) {
    absl::StrAppend(&out, "| ", MarkdownCell(row.name), " | ", row.listings, " |\n");
  }
  out.append(
      "\n## By country\n\n| country | listings | flagged | flag rate |\n|---|---:|---:|---:|\n");
  for (const CountryRow& row : figures.ByCountry()) {
    absl::StrAppend(&out, "| ", MarkdownCell(row.country), " | ", OrDash(row.listings), " | ",
                    row.flagged, " | ", Percent(row.flagged, row.listings), " |\n");
  }
  absl::StrAppend(&out, "\n## Top rules\n\n| rule | title | category | flagged listings |\n",
                  "|---|---|---|---:|\n");
  const std::vector<RuleRow> rules = figures.ByRule();
  for (size_t i = 0; i < rules.size() && i < figures.options().top; ++i) {
    absl::StrAppend(&out, "| ", MarkdownCell(rules[i].rule), " | ", MarkdownCell(rules[i].title),
                    " | ", MarkdownCell(rules[i].category), " | ", rules[i].listings, " |\n");
  }
  absl::StrAppend(&out, "\n## Top sellers\n\n| seller | flagged | listings | share flagged | ",
                  "categories | rules |\n|---|---:|---:|---:|---|---|\n");
  for (const SellerRow& row : figures.TopSellers()) {
    absl::StrAppend(&out, "| ", MarkdownCell(row.seller), " | ", row.flagged, " | ",
                    OrDash(row.listings), " | ", Percent(row.flagged, row.listings), " | ",
                    MarkdownCell(absl::StrJoin(row.categories, ", ")), " | ",
                    MarkdownCell(absl::StrJoin(row.rules, ", ")), " |\n");
  }
  absl::StrAppend(&out, "\n## Linked sellers\n\nSellers that share a contact (phone, e-mail, ",
                  "messenger handle, domain) in their hidden-links hits.\n\n",
                  "| sellers | shared contacts | flagged | categories |\n|---|---|---:|---|\n");
  for (const NetworkRow& row : figures.Networks()) {
    absl::StrAppend(&out, "| ", MarkdownCell(absl::StrJoin(row.sellers, ", ")), " | ",
                    MarkdownCell(absl::StrJoin(row.shared_contacts, ", ")), " | ", row.flagged,
                    " | ", MarkdownCell(absl::StrJoin(row.categories, ", ")), " |\n");
  }
  if (const RemovalTracker* removals = figures.removals()) {
    AppendRemovals(&out, removals->Figures(figures.options().top));
  }
  return out;
}

}  // namespace listscan::report
