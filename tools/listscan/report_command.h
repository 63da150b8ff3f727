// `listscan report`: statements of reasons and transparency reports from flagged listings.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddReportCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
