// The end-of-run report of `scan` on stderr.
#include "scan_outcome.h"

#include <algorithm>
#include <cstdio>

#include "exit_codes.h"

namespace listscan::cli {
namespace {

void Say(const std::string& line) { std::fprintf(stderr, "listscan: %s\n", line.c_str()); }

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.4g%%", share * 100);
  return text;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

int ReportOutcome(const ScanSummary& summary, const OutcomeOptions& options) {
  for (const std::string& skipped : summary.input_notes) Say(skipped);
  for (const std::string& error : summary.input_errors) Say(error);

  const ScanCounts& counts = summary.counts;
  bool too_many_rejects = false;
  if (counts.records_rejected > 0) {
    const double share =
        static_cast<double>(counts.records_rejected) / static_cast<double>(counts.records_read);
    Say(std::to_string(counts.records_rejected) + " of " + std::to_string(counts.records_read) +
        " records rejected (" + Percent(share) + ")" +
        (options.rejects_file.empty() ? "; --rejects FILE lists them all"
                                      : "; all of them are in " + options.rejects_file) +
        "; the first:");
    for (const std::string& reject : summary.first_rejects) Say("  " + reject);
    too_many_rejects = share > options.max_reject_rate;
    if (too_many_rejects) {
      Say("error: more records rejected than --max-reject-rate " + Percent(options.max_reject_rate) +
          " allows: check the input format, delimiter and encoding");
    }
  }

  // Patterns are only judged on records that were read as listings.
  if (counts.records_scanned > 0) {
    for (const std::string& pattern : summary.unmatched_fields) {
      const char* flag = Contains(options.fields, pattern) ? "--fields" : "--with-fields";
      Say(std::string("warning: ") + flag + " '" + pattern + "' matched no field of the " +
          std::to_string(counts.records_scanned) + " records scanned");
    }
  }

  if (!summary.input_errors.empty() || too_many_rejects) return kExitError;
  return counts.records_flagged > 0 ? kExitFound : kExitNotFound;
}

}  // namespace listscan::cli
