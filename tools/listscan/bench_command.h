// `listscan bench`: what a rule pack costs.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddBenchCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
