// `listscan diff`: what a change to the rules does to a corpus' verdicts.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddDiffCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
