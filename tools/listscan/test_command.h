// `listscan test`: rule examples and expected-verdict corpora, for CI.
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddTestCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
