// `listscan report FLAGGED.jsonl... --format sor|json|markdown|html`: reads `scan` output in one
// streaming pass and writes DSA statements of reasons or a transparency report.
#include "report_command.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "exit_codes.h"
#include "pack_options.h"
#include "report/figures_html.h"
#include "report/figures_json.h"
#include "report/figures_markdown.h"
#include "report/flagged_reader.h"
#include "report/report_sink.h"
#include "report/scan_totals.h"
#include "report/text_limits.h"

namespace listscan::cli {
namespace {

struct ReportFlags {
  PackOptions pack;
  std::vector<std::string> inputs;
  std::string summary;
  std::string format = "html";
  std::string output = "-";
  std::string date;
  std::vector<std::string> previous;  // DATE=FLAGGED.jsonl
  std::string country_field{kDefaultCountryField};
  std::string seller_field = "seller.id";
  size_t samples = 50;
  size_t top = 20;
  // Statements of reasons.
  size_t batch = 0;
  std::vector<std::string> decision_visibility = {"CONTENT_REMOVED"};
  report::StatementOptions statement;
};

ReportFlags& Flags() {
  static ReportFlags flags;
  return flags;
}

// The database's key, or its part after `prefix`, in any case: "content_removed" is
// DECISION_VISIBILITY_CONTENT_REMOVED.
std::string EnumKey(absl::string_view value, absl::string_view prefix) {
  if (value.empty()) return "";
  std::string key = absl::AsciiStrToUpper(value);
  return absl::StartsWith(key, prefix) ? key : absl::StrCat(prefix, key);
}

absl::StatusOr<report::StatementOptions> StatementOptions(const ReportFlags& flags,
                                                          const std::string& date) {
  report::StatementOptions options = flags.statement;
  options.decision_visibility.clear();
  for (const std::string& value : flags.decision_visibility) {
    if (value == "none") continue;
    options.decision_visibility.push_back(EnumKey(value, "DECISION_VISIBILITY_"));
  }
  options.decision_monetary = EnumKey(options.decision_monetary, "DECISION_MONETARY_");
  options.decision_provision = EnumKey(options.decision_provision, "DECISION_PROVISION_");
  options.decision_account = EnumKey(options.decision_account, "DECISION_ACCOUNT_");
  options.account_type = EnumKey(options.account_type, "ACCOUNT_TYPE_");
  options.source_type = EnumKey(options.source_type, "SOURCE_");
  options.automated_decision = EnumKey(options.automated_decision, "AUTOMATED_DECISION_");
  options.country_field = flags.country_field;
  options.content_date = date;
  if (options.application_date.empty()) options.application_date = date;
  if (absl::Status status = report::ValidateStatementOptions(options); !status.ok()) {
    return status;
  }
  return options;
}

absl::StatusOr<std::unique_ptr<report::ReportSink>> MakeSink(const ReportFlags& flags,
                                                             const RuleSet* rules,
                                                             OutputFile* out) {
  const std::string date = flags.date.empty() ? report::TodayUtc() : flags.date;
  if (flags.format == "sor") {
    if (rules == nullptr) {
      return absl::InvalidArgumentError("--format sor needs the packs that flagged: --rules PATH");
    }
    if (flags.batch > 100) {
      return absl::InvalidArgumentError("--batch: the database takes 1 to 100 statements a call");
    }
    absl::StatusOr<report::StatementOptions> options = StatementOptions(flags, date);
    if (!options.ok()) return options.status();
    return report::MakeStatementSink(*rules, std::move(*options), flags.batch, out);
  }
  std::optional<report::ScanTotals> totals;
  if (!flags.summary.empty()) {
    absl::StatusOr<report::ScanTotals> read = report::ReadScanTotals(flags.summary);
    if (!read.ok()) return read.status();
    totals = std::move(*read);
  }
  report::FigureOptions options;
  options.country_field = flags.country_field;
  options.seller_field = flags.seller_field;
  options.samples = flags.samples;
  options.top = flags.top;
  auto figures = std::make_unique<report::ReportFigures>(options, rules, std::move(totals));
  if (!flags.previous.empty()) {
    auto tracker =
        std::make_unique<report::RemovalTracker>(date, flags.country_field, flags.seller_field);
    for (const std::string& previous : flags.previous) {
      const size_t equals = previous.find('=');
      if (equals == std::string::npos) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--previous ", previous, ": give the export date and the file, DATE=FLAGGED.jsonl"));
      }
      if (absl::Status added =
              tracker->AddPrevious(previous.substr(equals + 1), previous.substr(0, equals));
          !added.ok()) {
        return added;
      }
    }
    figures->TrackRemovals(std::move(tracker));
  }
  auto render = flags.format == "json"       ? report::FiguresJson
                : flags.format == "markdown" ? report::FiguresMarkdown
                                             : report::FiguresHtml;
  return report::MakeFiguresSink(std::move(figures), render, out);
}

int RunReport() {
  const ReportFlags& flags = Flags();
  if (!flags.date.empty() && !report::IsIsoDate(flags.date)) {
    return ReportError(absl::InvalidArgumentError("--date must be YYYY-MM-DD"));
  }
  std::optional<RuleSet> rules;
  if (!flags.pack.rule_paths.empty() || !flags.pack.keywords_file.empty()) {
    absl::StatusOr<RuleSet> loaded = LoadRuleSet(flags.pack);
    if (!loaded.ok()) return ReportError(loaded.status());
    rules = std::move(*loaded);
  }
  auto reader = report::FlaggedReader::Open(flags.inputs.empty() ? std::vector<std::string>{"-"}
                                                                 : flags.inputs);
  if (!reader.ok()) return ReportError(reader.status());
  auto output = OutputFile::Open(flags.output);
  if (!output.ok()) return ReportError(output.status());
  auto sink = MakeSink(flags, rules ? &*rules : nullptr, output->get());
  if (!sink.ok()) return ReportError(sink.status());

  report::FlaggedListing listing;
  uint64_t listings = 0;
  while (true) {
    absl::StatusOr<bool> next = (*reader)->Next(&listing);
    if (!next.ok()) return ReportError(next.status());
    if (!*next) break;
    ++listings;
    if (absl::Status added = (*sink)->Add(listing); !added.ok()) return ReportError(added);
  }
  absl::Status finished = (*sink)->Finish();
  finished.Update((*output)->Close());
  if (!finished.ok()) return ReportError(finished);
  return listings > 0 ? kExitFound : kExitNotFound;
}

}  // namespace

absl::StatusOr<std::unique_ptr<report::ReportSink>> MakeScanReportSink(const ScanReport& request,
                                                                       const RuleSet& rules,
                                                                       OutputFile* out) {
  ReportFlags flags;
  flags.format = request.format;
  flags.country_field = request.country_field;
  flags.seller_field = request.seller_field;
  return MakeSink(flags, &rules, out);
}

CLI::App* AddReportCommand(CLI::App& app, int (**run)()) {
  ReportFlags& flags = Flags();
  report::StatementOptions& sor = flags.statement;
  CLI::App* report = app.add_subcommand(
      "report", "Statements of reasons or a transparency report from flagged listings");
  report->add_option("inputs", flags.inputs,
                     "Flagged listings written by `scan` (JSON Lines, plain, gzip or zstd); - or "
                     "nothing: standard input");
  AddPackFlags(report, &flags.pack);
  report->add_option("--format", flags.format, "Output format")
      ->check(CLI::IsMember({"html", "markdown", "json", "sor"}))
      ->capture_default_str();
  report->add_option("-o,--output", flags.output, "Where to write the report (- : stdout)")
      ->capture_default_str();
  report->add_option("--summary", flags.summary,
                     "The scan's --summary file: listings scanned in all, per country and seller");
  report->add_option("--date", flags.date,
                     "Date of the export that was scanned, YYYY-MM-DD (default: today, UTC)");
  report->add_option("--previous", flags.previous,
                     "DATE=FLAGGED.jsonl: the flagged output of an earlier export made on DATE "
                     "(repeatable): listings newly flagged, still online and gone, by id")
      ->allow_extra_args(false);
  report
      ->add_option("--country-field", flags.country_field,
                   "Flagged listings' field (scan --with-fields) that holds the country")
      ->capture_default_str();
  report
      ->add_option("--seller-field", flags.seller_field,
                   "Flagged listings' field (scan --with-fields) that holds the seller id")
      ->capture_default_str();
  report->add_option("--samples", flags.samples, "Flagged listings in the html sample table")
      ->capture_default_str();
  report->add_option("--top", flags.top, "Rows of the top rules and top sellers tables")
      ->capture_default_str();

  const std::string sor_group = "Statements of reasons (--format sor)";
  auto option = [&](const char* name, auto* value, const char* help) {
    return report->add_option(name, *value, help)->group(sor_group);
  };
  option("--batch", &flags.batch,
         "Group N statements (1-100) per line as batch request bodies {\"statements\": [...]}");
  option("--decision-visibility", &flags.decision_visibility,
         "DECISION_VISIBILITY_* keys, or their ends (content_removed, content_disabled, "
         "content_demoted, content_age_restricted, content_interaction_restricted, "
         "content_labelled, other); none: no visibility decision")
      ->capture_default_str()
      ->delimiter(',');
  option("--decision-visibility-other", &sor.decision_visibility_other,
         "What the restriction was, with --decision-visibility other");
  option("--decision-monetary", &sor.decision_monetary,
         "suspension, termination or other (DECISION_MONETARY_*)");
  option("--decision-monetary-other", &sor.decision_monetary_other,
         "What the monetary restriction was, with --decision-monetary other");
  option("--decision-provision", &sor.decision_provision,
         "partial_suspension, total_suspension, partial_termination or total_termination");
  option("--decision-account", &sor.decision_account, "suspended or terminated");
  option("--account-type", &sor.account_type, "business or private");
  option("--decision-ground-url", &sor.decision_ground_reference_url,
         "URL of the terms or law the decision rests on");
  option("--source-type", &sor.source_type,
         "voluntary, article_16, trusted_flagger or type_other_notification (SOURCE_*)")
      ->capture_default_str();
  option("--source-identity", &sor.source_identity,
         "Who gave the notice (not sent with voluntary)");
  option("--automated-decision", &sor.automated_decision, "fully, partially or not_automated")
      ->capture_default_str();
  option("--application-date", &sor.application_date,
         "Date the decision took effect, YYYY-MM-DD (default: --date)");
  option("--content-date-field", &sor.content_date_field,
         "Flagged listings' field with the date the listing went online (default: --date)")
      ->capture_default_str();
  option("--ean-field", &sor.ean_field, "Flagged listings' field with the EAN-13 (content_id)")
      ->capture_default_str();
  option("--puid-prefix", &sor.puid_prefix,
         "Put before every puid, e.g. a platform's own namespace");
  report->callback([run] { *run = RunReport; });
  return report;
}

}  // namespace listscan::cli
