// How `scan` shows what it flagged: JSON Lines for machines, the terminal view for people
// (--format, --json, --color), or only counts (--count, --files-with-matches, --quiet).
#pragma once

#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "listscan/scan_job.h"

namespace listscan::cli {

struct ViewFlags {
  std::string format = "auto";  // auto: the view on a terminal, JSON Lines otherwise
  std::string color = "auto";
  bool count = false;
  bool files_with_matches = false;
  bool quiet = false;
};

void AddViewFlags(CLI::App* scan, ViewFlags* flags);

// Sets how flagged listings are written, for output `output_path` ("-": standard output).
void ApplyViewFlags(const ViewFlags& flags, const std::string& output_path, ScanJobOptions* job);

// With --count: "input:N" for each input with flagged listings; with --files-with-matches: the
// names of those inputs; otherwise nothing.
absl::Status WriteInputCounts(const ViewFlags& flags, const ScanSummary& summary,
                              OutputFile* output);

}  // namespace listscan::cli
