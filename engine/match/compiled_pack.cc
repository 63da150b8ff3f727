// CompiledPack: rule set → pattern table → Hyperscan databases, through the disk cache.
#include "listscan/compiled_pack.h"

#include <hs/hs.h>

#include <chrono>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "match/fuzzy_index.h"
#include "match/greeklish_index.h"
#include "match/hyperscan_databases.h"
#include "match/negation_cues.h"
#include "match/pattern_table.h"
#include "match/thread_handoff.h"

namespace listscan {

std::string DefaultCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return absl::StrCat(xdg, "/listscan");
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return absl::StrCat(home, "/.cache/listscan");
  }
  return "";
}

namespace {

absl::Status LoadOrCompileDatabases(const PatternTable& table, const RuleSet& rules,
                                    const CompileOptions& options,
                                    std::unique_ptr<HyperscanDatabases>* databases,
                                    bool* from_cache) {
  const std::string key = DatabaseCacheKey(table);
  if (!options.cache_dir.empty()) {
    *from_cache = LoadCachedDatabases(options.cache_dir, key, databases->get()).ok() &&
                  (*databases)->regex_spans.size() == table.regex_ids().size();
    if (*from_cache) return absl::OkStatus();
    *databases = std::make_unique<HyperscanDatabases>();
  }
  if (auto status = CompileDatabases(table, rules, databases->get()); !status.ok()) return status;
  if (!options.cache_dir.empty()) {
    // A cache that cannot be written only costs the next run a compile.
    (void)StoreCachedDatabases(options.cache_dir, key, **databases);
  }
  return absl::OkStatus();
}

}  // namespace

CompiledPack::~CompiledPack() = default;

const FuzzyIndex& CompiledPack::fuzzy() const {
  std::call_once(fuzzy_built_, [this] {
    if (!fuzzy_) fuzzy_ = std::make_unique<FuzzyIndex>(*patterns_, rules_);
  });
  return *fuzzy_;
}

absl::StatusOr<std::shared_ptr<const CompiledPack>> CompiledPack::Compile(
    RuleSet rules, const CompileOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  UseHugePagesForDatabases();
  std::shared_ptr<CompiledPack> pack(new CompiledPack());
  pack->patterns_ = std::make_unique<PatternTable>(rules);
  pack->databases_ = std::make_unique<HyperscanDatabases>();
  const PatternTable& table = *pack->patterns_;
  if (auto status = ValidateRegexes(table, rules); !status.ok()) return status;

  // The fuzzy index is built while the databases compile (or load): neither reads the other.
  bool from_cache = false;
  absl::Status compiled;
  InvokeInParallel(
      [&] { pack->fuzzy_ = std::make_unique<FuzzyIndex>(table, rules); },
      [&] {
        compiled = LoadOrCompileDatabases(table, rules, options, &pack->databases_, &from_cache);
      });
  if (!compiled.ok()) return compiled;

  hs_scratch_t* scratch = nullptr;
  for (hs_database_t* db : pack->databases_->all()) {
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
      if (scratch) hs_free_scratch(scratch);
      return absl::ResourceExhaustedError("Hyperscan could not allocate scratch space");
    }
  }
  size_t scratch_bytes = 0;
  if (scratch) {
    hs_scratch_size(scratch, &scratch_bytes);
    hs_free_scratch(scratch);
  }

  pack->negations_ = std::make_unique<NegationCueTable>(rules.negations);
  pack->greeklish_ = std::make_unique<GreeklishIndex>(table);
  pack->stats_.rules = rules.rules.size();
  pack->stats_.fuzzy_keywords = table.fuzzy_ids().size();
  pack->stats_.literal_patterns = table.literal_ids().size();
  pack->stats_.regex_patterns = table.regex_ids().size();
  pack->stats_.from_cache = from_cache;
  pack->stats_.database_bytes = pack->databases_->total_bytes();
  pack->stats_.scratch_bytes = scratch_bytes;
  pack->stats_.compile_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  pack->rules_ = std::move(rules);
  return std::shared_ptr<const CompiledPack>(std::move(pack));
}

}  // namespace listscan
