// What `scan` says on stderr once the run is over, and its exit status: an input that could not
// be read, skipped binaries, rejected records, --fields patterns that matched nothing. A run that
// read little but flagged nothing must not pass for a clean one.
#pragma once

#include <string>
#include <vector>

#include "output/scan_summary.h"

namespace listscan::cli {

struct OutcomeOptions {
  // Past this share of rejected records the run is an error (exit 2), not "nothing flagged".
  double max_reject_rate = 0.05;
  std::string rejects_file;  // where every rejected record went, if anywhere
  std::vector<std::string> fields;  // --fields patterns (the other unmatched are --with-fields)
};

// Prints the notes and warnings, and returns the exit status: 2 on input errors or too many
// rejects, else 0 when something was flagged, 1 when nothing was.
int ReportOutcome(const ScanSummary& summary, const OutcomeOptions& options);

}  // namespace listscan::cli
