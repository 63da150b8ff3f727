// `listscan lint`: errors and risky rules in rule packs.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddLintCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
