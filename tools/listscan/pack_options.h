// Flags shared by every subcommand that compiles rules: --rules, --keywords, --cache-dir,
// --no-cache, --no-fuzzy.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "listscan/compiled_pack.h"

namespace listscan::cli {

struct PackOptions {
  std::vector<std::string> rule_paths;
  std::string keywords_file;
  std::vector<std::string> keywords;  // -e WORD
  std::string cache_dir = DefaultCacheDir();
  bool no_cache = false;
  bool no_fuzzy = false;  // every keyword exact, whatever the rules' `fuzzy:` says
};

void AddPackFlags(CLI::App* command, PackOptions* options);

// Loads every pack and the keyword list into one rule set.
absl::StatusOr<RuleSet> LoadRuleSet(const PackOptions& options);

// LoadRuleSet, then compiles it (through the cache unless --no-cache).
absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadAndCompile(const PackOptions& options);

// LoadAndCompile for a command that uses one pack and exits: the pack is left to the operating
// system then, not freed piece by piece (a large pack's strings and tables took a tenth of a
// cached start-up to free). Not for `serve`, whose reloads replace packs.
absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadPackUntilExit(const PackOptions& options);

// Packs are named with -r/--rules in every subcommand, never as bare arguments; the error says so.
absl::Status PositionalPackError(const std::string& command,
                                 const std::vector<std::string>& arguments);

}  // namespace listscan::cli
