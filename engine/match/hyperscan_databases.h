// The Hyperscan databases of a pack: keywords (literals over the skeleton view), and regexes over
// the normalized view twice: the required ones (PatternTable::required_regex_ids) together without
// start-of-match, cheap enough for every listing, and each regex on its own with start-of-match,
// for the listings that may be flagged. Compiled here or loaded from the disk cache.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "listscan/rule.h"
#include "match/pattern_table.h"
#include "rules/rule_loader.h"

struct hs_database;

namespace listscan {

struct HyperscanDatabases {
  hs_database* literal = nullptr;         // null when the pack has no keywords
  hs_database* regex_presence = nullptr;  // null when no `any`/`all`/`near` term is a regex
  // One database per entry of PatternTable::regex_ids, with start-of-match. Apart, they compile in
  // parallel and in a third of the time one database of them all takes (start-of-match makes
  // Hyperscan's compile grow faster than the pattern count), and a listing is scanned only with
  // the regexes that can match in it.
  std::vector<hs_database*> regex_spans;
  // Where regex_spans lie when read back from a cache: one block, in huge pages where the kernel
  // allows, instead of a few hundred allocations and their page faults. Null when compiled.
  std::unique_ptr<void, void (*)(void*)> span_block{nullptr, free};
  HyperscanDatabases() = default;
  HyperscanDatabases(const HyperscanDatabases&) = delete;
  HyperscanDatabases& operator=(const HyperscanDatabases&) = delete;
  ~HyperscanDatabases();
  // Every database that is there, for scratch space and serialization.
  std::vector<hs_database*> all() const;
  size_t total_bytes() const;
};

// Makes Hyperscan place large databases in transparent huge pages (where the kernel allows them on
// request): a cached pack's tens of megabytes of databases then cost a few dozen page faults to
// load instead of thousands. Idempotent; called before databases are compiled or read.
void UseHugePagesForDatabases();

// Reads serialized start-of-match databases into `out->regex_spans`, all in one block; false when
// one is empty or not a database.
bool PlaceSpanDatabases(const std::vector<std::string_view>& serialized, HyperscanDatabases* out);

// Checks every regex on its own, so an error names its rule as "file:line: rule id: ...": one that
// Hyperscan rejects, or one that can match the empty string.
void FindRegexProblems(const PatternTable& patterns, const RuleSet& rules,
                       std::vector<RuleProblem>* problems);
absl::Status ValidateRegexes(const PatternTable& patterns, const RuleSet& rules);

// A pattern Hyperscan rejects only when building the database (e.g. "Pattern is too large") is
// reported at its rule: "file:line: rule id: regex /.../: Hyperscan: ...".
absl::Status CompileDatabases(const PatternTable& patterns, const RuleSet& rules,
                              HyperscanDatabases* out);

// The cache key: a hash of the patterns, the listscan and Hyperscan versions and the CPU features.
std::string DatabaseCacheKey(const PatternTable& patterns);

// Loads `key` from `cache_dir`; NotFound when absent or unusable (a stale or corrupt file is ignored).
absl::Status LoadCachedDatabases(const std::string& cache_dir, const std::string& key,
                                 HyperscanDatabases* out);
// Writes atomically (temporary file, then rename), creating `cache_dir` if needed.
absl::Status StoreCachedDatabases(const std::string& cache_dir, const std::string& key,
                                  const HyperscanDatabases& databases);

}  // namespace listscan
