// `listscan serve`: the rule packs behind an HTTP service (see docs/serve.md).
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddServeCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
