// FiguresHtml: totals, bar charts, the country table with flag rates, top rules, sellers and a
// sample of flagged listings with the matched words marked. Each figure carries a data-figure
// attribute naming it as the JSON report does, so a test can read the page back.
#include "report/figures_html.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "report/figures_json.h"

namespace listscan::report {
namespace {

constexpr char kStyle[] = R"(
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1d2330}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #d0d5dd}
.totals{display:flex;flex-wrap:wrap;gap:1em}.total{background:#f3f5f8;border-radius:6px;
padding:.6em 1em;min-width:9em}.total b{display:block;font-size:1.5em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(30em,1fr));gap:1em 2em}
table{border-collapse:collapse;width:100%;font-size:.95em}th,td{text-align:left;padding:.3em .5em;
border-bottom:1px solid #e4e7ec;vertical-align:top}td.n,th.n{text-align:right;
font-variant-numeric:tabular-nums}mark{background:#ffd54f;padding:0 .1em}
.rate{display:inline-block;height:.7em;background:#d9534f;vertical-align:middle;margin-left:.4em}
.note{color:#5b6475;font-size:.9em}svg text{font-size:12px;fill:#1d2330}
)";

std::string Attribute(std::string_view name) { return HtmlEscape(name); }

// A horizontal bar chart: one row per count, bars scaled to the largest.
std::string BarChart(const std::string& title, const std::string& figure,
                     const std::vector<Count>& rows) {
  constexpr int kLabel = 190, kBar = 300, kRow = 22;
  uint64_t largest = 1;
  for (const Count& row : rows) largest = std::max(largest, row.listings);
  const int height = static_cast<int>(rows.size()) * kRow + 4;
  std::string out = absl::StrCat("<figure><figcaption>", HtmlEscape(title),
                                 "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"",
                                 kLabel + kBar + 70, "\" height=\"", height,
                                 "\" role=\"img\" aria-label=\"", HtmlEscape(title), "\">");
  for (size_t i = 0; i < rows.size(); ++i) {
    const int y = static_cast<int>(i) * kRow;
    const int width = std::max<int>(1, static_cast<int>(kBar * rows[i].listings / largest));
    std::string label = rows[i].name.size() > 28 ? rows[i].name.substr(0, 27) + "…" : rows[i].name;
    absl::StrAppend(&out, "<text x=\"", kLabel - 6, "\" y=\"", y + 15,
                    "\" text-anchor=\"end\">", HtmlEscape(label), "</text><rect x=\"", kLabel,
                    "\" y=\"", y + 3, "\" width=\"", width, "\" height=\"", kRow - 6,
                    "\" fill=\"#3d6fb6\"/><text x=\"", kLabel + width + 6, "\" y=\"", y + 15,
                    "\" data-figure=\"", Attribute(absl::StrCat(figure, "/", rows[i].name)), "\">",
                    rows[i].listings, "</text>");
  }
  out.append("</svg></figure>\n");
  return out;
}

std::string Total(const std::string& label, const std::string& figure, const std::string& value) {
  return absl::StrCat("<div class=\"total\"><b data-figure=\"", figure, "\">", HtmlEscape(value),
                      "</b>", label, "</div>");
}

std::string Optional(const std::optional<uint64_t>& value) {
  return value ? absl::StrCat(*value) : "-";
}

// The hit's words marked in the field's text when the flagged listing carries that field (scan
// --with-fields), else the words alone.
std::string MarkedText(const FlaggedListing& listing) {
  std::vector<std::string> parts;
  std::vector<std::string> fields_done;
  for (const FlaggedHit& hit : listing.hits) {
    if (std::find(fields_done.begin(), fields_done.end(), hit.field) != fields_done.end()) continue;
    const std::string* text = listing.Field(hit.field);
    std::vector<const FlaggedHit*> marks;
    for (const FlaggedHit& other : listing.hits) {
      if (other.field != hit.field) continue;
      const bool fits = text && other.end <= text->size() && other.start < other.end &&
                        text->compare(other.start, other.end - other.start, other.match) == 0;
      if (!fits) {
        marks.clear();
        break;
      }
      marks.push_back(&other);
    }
    if (marks.empty()) continue;
    fields_done.push_back(hit.field);
    std::string out = absl::StrCat("<i>", HtmlEscape(hit.field), ":</i> ");
    size_t at = 0;
    for (const FlaggedHit* mark : marks) {
      if (mark->start < at) continue;  // overlaps the previous mark
      absl::StrAppend(&out, HtmlEscape(std::string_view(*text).substr(at, mark->start - at)),
                      "<mark>", HtmlEscape(mark->match), "</mark>");
      at = mark->end;
    }
    absl::StrAppend(&out, HtmlEscape(std::string_view(*text).substr(at)));
    parts.push_back(std::move(out));
  }
  for (const FlaggedHit& hit : listing.hits) {
    if (std::find(fields_done.begin(), fields_done.end(), hit.field) != fields_done.end()) continue;
    parts.push_back(absl::StrCat("<i>", HtmlEscape(hit.field), ":</i> <mark>",
                                 HtmlEscape(hit.match), "</mark>"));
  }
  return absl::StrJoin(parts, "<br>");
}

void AppendCountryTable(std::string* out, const ReportFigures& figures) {
  const std::vector<CountryRow> rows = figures.ByCountry();
  double highest = 0;
  for (const CountryRow& row : rows) {
    if (row.listings && *row.listings > 0) {
      highest = std::max(highest, static_cast<double>(row.flagged) / *row.listings);
    }
  }
  out->append("<h2>Flag rate per country</h2>\n<p class=\"note\">Flagged listings beside the "
              "listings scanned in each country (from the scan's summary): a rate far from the "
              "others points at uneven coverage, by the rules or by the sellers.</p>\n"
              "<table><tr><th>country</th><th class=\"n\">listings</th><th class=\"n\">flagged"
              "</th><th class=\"n\">flag rate</th></tr>\n");
  for (const CountryRow& row : rows) {
    const std::string key = Attribute(row.country);
    std::string bar;
    if (row.listings && *row.listings > 0 && highest > 0) {
      const double rate = static_cast<double>(row.flagged) / *row.listings;
      bar = absl::StrFormat("<span class=\"rate\" style=\"width:%dpx\"></span>",
                            static_cast<int>(80 * rate / highest));
    }
    absl::StrAppend(out, "<tr><td>", HtmlEscape(row.country), "</td><td class=\"n\" data-figure=\"",
                    "by_country/", key, "/listings\">", Optional(row.listings),
                    "</td><td class=\"n\" data-figure=\"by_country/", key, "/flagged\">",
                    row.flagged, "</td><td class=\"n\" data-figure=\"by_country/", key,
                    "/flag_rate\">", Percent(row.flagged, row.listings), bar, "</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendRuleTable(std::string* out, const ReportFigures& figures) {
  out->append("<h2>Top rules</h2>\n<table><tr><th>rule</th><th>title</th><th>category</th>"
              "<th class=\"n\">flagged listings</th></tr>\n");
  const std::vector<RuleRow> rules = figures.ByRule();
  for (size_t i = 0; i < rules.size() && i < figures.options().top; ++i) {
    absl::StrAppend(out, "<tr><td>", HtmlEscape(rules[i].rule), "</td><td>",
                    HtmlEscape(rules[i].title), "</td><td>", HtmlEscape(rules[i].category),
                    "</td><td class=\"n\" data-figure=\"top_rules/", Attribute(rules[i].rule),
                    "\">", rules[i].listings, "</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendSellerTable(std::string* out, const ReportFigures& figures) {
  absl::StrAppend(out, "<h2>Sellers</h2>\n<p class=\"note\"><b data-figure=\"sellers/flagged\">",
                  figures.sellers_flagged(), "</b> sellers have flagged listings; <b "
                  "data-figure=\"sellers/listings_without_seller\">",
                  figures.listings_without_seller(),
                  "</b> flagged listings name no seller. Share flagged: the seller's flagged "
                  "listings over all their listings scanned (from the scan's summary).</p>\n"
                  "<table><tr><th>seller</th><th class=\"n\">flagged</th><th class=\"n\">listings"
                  "</th><th class=\"n\">share flagged</th><th>categories</th><th>rules</th></tr>\n");
  for (const SellerRow& row : figures.TopSellers()) {
    const std::string key = Attribute(row.seller);
    absl::StrAppend(out, "<tr><td>", HtmlEscape(row.seller), "</td><td class=\"n\" data-figure=\""
                    "sellers/", key, "/flagged\">", row.flagged, "</td><td class=\"n\" data-figure"
                    "=\"sellers/", key, "/listings\">", Optional(row.listings), "</td><td "
                    "class=\"n\">", Percent(row.flagged, row.listings), "</td><td>",
                    HtmlEscape(absl::StrJoin(row.categories, ", ")), "</td><td>",
                    HtmlEscape(absl::StrJoin(row.rules, ", ")), "</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendNetworks(std::string* out, const ReportFigures& figures) {
  const std::vector<NetworkRow> networks = figures.Networks();
  absl::StrAppend(out, "<h2>Linked sellers</h2>\n<p class=\"note\"><b data-figure=\"networks\">",
                  networks.size(), "</b> groups of sellers share a contact (phone number, "
                  "e-mail address, messenger handle or domain) in their hidden-links hits: often "
                  "one trader behind several profiles, or a banned seller back under a new one. "
                  "Largest first.</p>\n<table><tr><th>sellers</th><th>shared contacts</th>"
                  "<th class=\"n\">flagged</th><th>categories</th></tr>\n");
  for (size_t i = 0; i < networks.size(); ++i) {
    const NetworkRow& row = networks[i];
    absl::StrAppend(out, "<tr><td>", HtmlEscape(absl::StrJoin(row.sellers, ", ")), "</td><td>",
                    HtmlEscape(absl::StrJoin(row.shared_contacts, ", ")),
                    "</td><td class=\"n\" data-figure=\"networks/", i + 1, "/flagged\">",
                    row.flagged, "</td><td>", HtmlEscape(absl::StrJoin(row.categories, ", ")),
                    "</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendRemovalRows(std::string* out, const char* what, const char* figure,
                       const std::vector<RemovalRow>& rows) {
  absl::StrAppend(out, "<table><tr><th>", what, "</th><th class=\"n\">newly flagged</th>",
                  "<th class=\"n\">still online</th><th class=\"n\">gone</th></tr>\n");
  for (const RemovalRow& row : rows) {
    const std::string key = absl::StrCat("removals/", figure, "/", Attribute(row.name));
    absl::StrAppend(out, "<tr><td>", HtmlEscape(row.name), "</td><td class=\"n\" data-figure=\"",
                    key, "/newly_flagged\">", row.newly_flagged,
                    "</td><td class=\"n\" data-figure=\"", key, "/still_online\">",
                    row.still_online, "</td><td class=\"n\" data-figure=\"", key, "/gone\">",
                    row.gone, "</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendRemovals(std::string* out, const ReportFigures& figures) {
  const RemovalTracker* tracker = figures.removals();
  if (tracker == nullptr) return;
  const RemovalFigures removals = tracker->Figures(figures.options().top);
  auto days = [](const std::optional<int64_t>& value) {
    return value ? absl::StrCat(*value) : std::string("-");
  };
  absl::StrAppend(
      out, "<h2>Removals since earlier exports</h2>\n<p class=\"note\">This export: ",
      HtmlEscape(removals.current_date), "; earlier: ",
      HtmlEscape(absl::StrJoin(removals.previous_dates, ", ")),
      ". Newly flagged <b data-figure=\"removals/newly_flagged\">", removals.newly_flagged,
      "</b>, flagged earlier and still online <b data-figure=\"removals/still_online\">",
      removals.still_online, "</b>, flagged earlier and gone <b data-figure=\"removals/gone\">",
      removals.gone, "</b>. Days a flagged listing stayed online, from the export that first "
      "flagged it to the first without it: median <b data-figure=\"removals/median_days\">",
      days(removals.median_days_online), "</b>, 90th percentile <b data-figure=\"removals/p90_days\">",
      days(removals.p90_days_online), "</b>.</p>\n");
  AppendRemovalRows(out, "category", "by_category", removals.by_category);
  AppendRemovalRows(out, "country", "by_country", removals.by_country);
  out->append("<table><tr><th>oldest still online</th><th>first flagged</th>"
              "<th class=\"n\">days</th></tr>\n");
  for (const StillOnline& row : removals.oldest_still_online) {
    absl::StrAppend(out, "<tr><td>", HtmlEscape(row.id), "</td><td>", row.first_flagged,
                    "</td><td class=\"n\">", row.age_days, "</td></tr>\n");
  }
  out->append("</table>\n<table><tr><th>seller with listings gone and new ones flagged</th>"
              "<th class=\"n\">gone</th><th class=\"n\">newly flagged</th></tr>\n");
  for (const ReturningSeller& row : removals.returning_sellers) {
    absl::StrAppend(out, "<tr><td>", HtmlEscape(row.seller), "</td><td class=\"n\">", row.gone,
                    "</td><td class=\"n\">", row.newly_flagged, "</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendSamples(std::string* out, const ReportFigures& figures) {
  const FigureOptions& options = figures.options();
  absl::StrAppend(out, "<h2>Sample of flagged listings</h2>\n<p class=\"note\">The first ",
                  figures.samples().size(), " flagged listings, matched words marked.</p>\n"
                  "<table><tr><th>listing</th><th>country</th><th>seller</th><th>rules</th>"
                  "<th>found</th></tr>\n");
  for (const FlaggedListing& listing : figures.samples()) {
    std::vector<std::string> rules;
    for (const FlaggedHit& hit : listing.hits) {
      if (std::find(rules.begin(), rules.end(), hit.rule) == rules.end()) rules.push_back(hit.rule);
    }
    const std::string* country = listing.Field(options.country_field);
    const std::string* seller = listing.Field(options.seller_field);
    absl::StrAppend(out, "<tr><td>", HtmlEscape(listing.id), "</td><td>",
                    HtmlEscape(country ? *country : ""), "</td><td>",
                    HtmlEscape(seller ? *seller : ""), "</td><td>",
                    HtmlEscape(absl::StrJoin(rules, ", ")), "</td><td>", MarkedText(listing),
                    "</td></tr>\n");
  }
  out->append("</table>\n");
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string FiguresHtml(const ReportFigures& figures) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n<title>Flagged listings report</title>\n<style>",
      kStyle, "</style></head><body>\n<h1>Flagged listings report</h1>\n<div class=\"totals\">");
  const auto& totals = figures.totals();
  const std::optional<uint64_t> scanned =
      totals ? std::optional<uint64_t>(totals->listings_scanned) : std::nullopt;
  out.append(Total("listings scanned", "listings_scanned", Optional(scanned)));
  out.append(Total("listings flagged", "listings_flagged", absl::StrCat(figures.listings_flagged())));
  out.append(Total("flag rate", "flag_rate", Percent(figures.listings_flagged(), scanned)));
  out.append(Total("hits", "hits", absl::StrCat(figures.hits())));
  out.append(Total("sellers flagged", "sellers_flagged", absl::StrCat(figures.sellers_flagged())));
  out.append("</div>\n<h2>Flagged listings by</h2>\n<div class=\"charts\">\n");
  out.append(BarChart("Category (a listing counts once in each of its categories)",
                      "by_category", figures.ByCategory()));
  out.append(BarChart("Severity (each listing under its highest)", "by_severity",
                      figures.BySeverity()));
  std::vector<Count> rules;
  for (const RuleRow& row : figures.ByRule()) {
    if (rules.size() == figures.options().top) break;
    rules.push_back({row.rule, row.listings});
  }
  out.append(BarChart("Rule (top " + std::to_string(figures.options().top) + ")", "by_rule", rules));
  out.append(BarChart("Evasion undone (hits; none: written plainly)", "hits_by_evasion",
                      figures.ByEvasion()));
  std::vector<Count> countries;
  for (const CountryRow& row : figures.ByCountry()) {
    if (row.flagged > 0) countries.push_back({row.country, row.flagged});
  }
  out.append(BarChart("Country", "by_country_flagged", countries));
  out.append("</div>\n");
  AppendCountryTable(&out, figures);
  AppendRuleTable(&out, figures);
  AppendSellerTable(&out, figures);
  AppendNetworks(&out, figures);
  AppendRemovals(&out, figures);
  AppendSamples(&out, figures);
  out.append("</body></html>\n");
  return out;
}

}  // namespace listscan::report
