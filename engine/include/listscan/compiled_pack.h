// A rule set compiled into Hyperscan databases: immutable, shared by every scanning thread, and
// cached on disk so an unchanged pack is never compiled twice.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "listscan/rule.h"

namespace listscan {

class PatternTable;
class FuzzyIndex;
class NegationCueTable;
struct HyperscanDatabases;

struct CompileOptions {
  // Where compiled databases are cached; empty disables the cache.
  // DefaultCacheDir(): $XDG_CACHE_HOME/listscan, else $HOME/.cache/listscan.
  std::string cache_dir;
};

std::string DefaultCacheDir();

struct CompileStats {
  size_t rules = 0;
  size_t literal_patterns = 0;  // distinct keywords, after folding
  size_t regex_patterns = 0;    // distinct regexes
  size_t fuzzy_keywords = 0;    // keywords also matched one edit away
  bool from_cache = false;
  double compile_seconds = 0;   // compiling, or loading from the cache
  size_t database_bytes = 0;
  size_t scratch_bytes = 0;
};

class CompiledPack {
 public:
  // Fails with "file:line: rule id: reason" for a regex Hyperscan rejects or that can match the
  // empty string; nothing is half-compiled.
  static absl::StatusOr<std::shared_ptr<const CompiledPack>> Compile(RuleSet rules,
                                                                     const CompileOptions& options);
  ~CompiledPack();

  const RuleSet& rules() const { return rules_; }
  const PatternTable& patterns() const { return *patterns_; }
  const HyperscanDatabases& databases() const { return *databases_; }
  const FuzzyIndex& fuzzy() const { return *fuzzy_; }
  const NegationCueTable& negations() const { return *negations_; }
  const CompileStats& stats() const { return stats_; }

 private:
  CompiledPack() = default;
  RuleSet rules_;
  std::unique_ptr<PatternTable> patterns_;
  std::unique_ptr<HyperscanDatabases> databases_;
  std::unique_ptr<FuzzyIndex> fuzzy_;
  std::unique_ptr<NegationCueTable> negations_;
  CompileStats stats_;
};

}  // namespace listscan
