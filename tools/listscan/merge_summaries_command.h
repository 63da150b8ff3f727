// `listscan merge-summaries SUMMARY...`: the summary of a whole run from the summaries of its
// shards (`scan --shard K/N --summary`).
#pragma once

#include "CLI/CLI.hpp"

namespace listscan::cli {

CLI::App* AddMergeSummariesCommand(CLI::App& app, int (**run)());

}  // namespace listscan::cli
