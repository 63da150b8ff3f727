// A rule set compiled into Hyperscan databases: immutable, shared by every scanning thread, and
// cached on disk so an unchanged pack is never compiled twice.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "listscan/rule.h"

namespace listscan {

class PatternTable;
class FuzzyIndex;
class GreeklishIndex;
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
  // Built with the pack, and read back with it from the pack cache (DeserializePack).
  const FuzzyIndex& fuzzy() const;
  const NegationCueTable& negations() const { return *negations_; }
  // The Greek keywords read in Greek written with Latin letters; built from the pattern table.
  const GreeklishIndex& greeklish() const { return *greeklish_; }
  const CompileStats& stats() const { return stats_; }

 private:
  friend struct PackCodec;
  CompiledPack() = default;
  RuleSet rules_;
  std::unique_ptr<PatternTable> patterns_;
  std::unique_ptr<HyperscanDatabases> databases_;
  mutable std::once_flag fuzzy_built_;
  mutable std::unique_ptr<FuzzyIndex> fuzzy_;
  std::unique_ptr<NegationCueTable> negations_;
  std::unique_ptr<GreeklishIndex> greeklish_;
  CompileStats stats_;
  std::shared_ptr<const void> bytes_owner_;  // what the tables read in place point into
};

// The whole pack as bytes (rules, pattern table, Hyperscan databases, negation cues, and the
// misspelling index built from the common words, which are not kept: a read pack's
// rules().common_words is empty), for the pack cache and for embedders that ship a compiled pack.
// The bytes hold only for the build of listscan that wrote them, on a CPU with the same Hyperscan
// features.
absl::StatusOr<std::string> SerializePack(const CompiledPack& pack);

// Reads SerializePack's bytes. Bytes of another listscan build, Hyperscan version or CPU are
// refused with FailedPrecondition; corrupt or truncated bytes with DataLoss. Never crashes on
// arbitrary input. The result's stats() say from_cache, with the time taken to read it.
absl::StatusOr<std::shared_ptr<const CompiledPack>> DeserializePack(std::string_view bytes);

// The same, without copying the largest tables: the pack points into `bytes`, which must stay
// unchanged while `owner` lives; the pack keeps `owner` (say, a read-only mapping of the file).
absl::StatusOr<std::shared_ptr<const CompiledPack>> DeserializePack(
    std::string_view bytes, std::shared_ptr<const void> owner);

}  // namespace listscan
