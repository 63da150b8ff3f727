// `listscan scan`: the main job.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

// Registers the subcommand; `run` is set to its entry point when it is chosen.
CLI::App* AddScanCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
