// Where flagged listings go in `report`: a writer of statements of reasons that streams, or a
// figures writer that counts and renders at the end. One small interface, like the printers of
// a search tool.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "output/output_file.h"
#include "report/flagged_listing.h"
#include "report/report_figures.h"
#include "report/statement_of_reasons.h"

namespace listscan::report {

class ReportSink {
 public:
  virtual ~ReportSink() = default;
  virtual absl::Status Add(const FlaggedListing& listing) = 0;
  virtual absl::Status Finish() = 0;  // writes what is left; the caller closes the file
  // The scan's totals, known only once it ended (`scan --report`): figures divide by them.
  virtual void SetTotals(ScanTotals /*totals*/) {}
};

// Statements as JSON Lines, or with `batch` > 0 grouped `batch` at a time (1-100) into the batch
// endpoint's request bodies {"statements": [...]}, one per line.
std::unique_ptr<ReportSink> MakeStatementSink(const RuleSet& rules, StatementOptions options,
                                              size_t batch, OutputFile* out);

// Counts every listing, then writes render(figures).
std::unique_ptr<ReportSink> MakeFiguresSink(std::unique_ptr<ReportFigures> figures,
                                            std::function<std::string(const ReportFigures&)> render,
                                            OutputFile* out);

}  // namespace listscan::report
