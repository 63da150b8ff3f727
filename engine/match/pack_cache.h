// The whole-pack cache: a start-up with unchanged packs reads one file (SerializePack's bytes)
// and neither parses YAML nor compiles anything.
//
// Each set of sources (the absolute paths of --rules and --keywords, and the options that change
// the rules) has one cache file, so an edited pack replaces its entry instead of adding one. The
// file holds a key over this build's identity, the Hyperscan platform and the content hash of
// every pack file, and the content hashes of the files the packs named (word lists): a change to
// any of them, or another build of listscan, makes the entry stale and the pack is rebuilt.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "listscan/compiled_pack.h"

namespace listscan {

struct PackSources {
  std::vector<std::string> rule_paths;  // YAML files or folders of them
  std::string keywords_file;            // may be empty
  std::string variant;                  // options that change the loaded rules, e.g. "no-fuzzy"
};

// Loads the pack of `sources` from `cache_dir` when its entry is current; otherwise calls
// `load_rules`, compiles (reusing cached Hyperscan databases) and writes the entry. A cache that
// cannot be read or written only costs a compile; `load_rules`' and compiling errors come back.
absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadPackThroughCache(
    const PackSources& sources, const std::string& cache_dir,
    const std::function<absl::StatusOr<RuleSet>()>& load_rules);

}  // namespace listscan
