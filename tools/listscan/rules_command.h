// `listscan rules`: browse the rules of the packs.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddRulesCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
