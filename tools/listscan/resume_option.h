// `scan --resume SUMMARY`: restart an interrupted run where its summary says it stopped.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "listscan/scan_job.h"

namespace listscan::cli {

// Reads SUMMARY (written by the interrupted run's --summary) and narrows `job` to what that run
// did not do: the inputs from the stopped one on, without the stopped input's records already
// written. Fails with "--resume SUMMARY: reason" when the summary cannot be used.
absl::Status ApplyResume(const std::string& summary_path, ScanJobOptions* job);

}  // namespace listscan::cli
