// `listscan report`: statements of reasons and transparency reports from flagged listings.
#pragma once

#include <memory>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "listscan/rule.h"
#include "output/output_file.h"
#include "report/report_sink.h"

namespace listscan::cli {

CLI::App* AddReportCommand(CLI::App& app, int (**run)());

// The report `scan --report` writes in the same run: `report --format FORMAT` with its defaults.
struct ScanReport {
  std::string format = "html";  // html, markdown, json or sor
  std::string country_field{kDefaultCountryField};
  std::string seller_field = "seller.id";
};
absl::StatusOr<std::unique_ptr<report::ReportSink>> MakeScanReportSink(const ScanReport& request,
                                                                       const RuleSet& rules,
                                                                       OutputFile* out);

}  // namespace listscan::cli
