// Loading and compiling the packs named on the command line.
#include "pack_options.h"

#include "match/pack_cache.h"
#include "rules/rule_loader.h"

namespace listscan::cli {

void AddPackFlags(CLI::App* command, PackOptions* options) {
  command->add_option("-r,--rules", options->rule_paths,
                      "Rule pack: a YAML file or a folder of them (repeatable)")
      ->allow_extra_args(false);
  command->add_option("-k,--keywords", options->keywords_file,
                      "Ad-hoc pack: one literal per line, caseless, category adhoc");
  command->add_option("--cache-dir", options->cache_dir,
                      "Where compiled databases are cached")
      ->capture_default_str();
  command->add_flag("--no-cache", options->no_cache, "Neither read nor write the cache");
  command->add_flag("--no-fuzzy", options->no_fuzzy,
                    "Match every keyword exactly: no misspellings (see `fuzzy:` in the rules)");
}

absl::StatusOr<RuleSet> LoadRuleSet(const PackOptions& options) {
  if (options.rule_paths.empty() && options.keywords_file.empty()) {
    return absl::InvalidArgumentError("no rules: give --rules PATH or --keywords FILE");
  }
  RuleSet rules;
  if (!options.rule_paths.empty()) {
    absl::StatusOr<RuleSet> loaded = LoadRulePacks(options.rule_paths);
    if (!loaded.ok()) return loaded.status();
    rules = std::move(*loaded);
  }
  if (!options.keywords_file.empty()) {
    absl::StatusOr<RuleSet> keywords = LoadKeywordList(options.keywords_file);
    if (!keywords.ok()) return keywords.status();
    for (Rule& rule : keywords->rules) rules.rules.push_back(std::move(rule));
  }
  if (options.no_fuzzy) {
    for (Rule& rule : rules.rules) rule.fuzzy.enabled = false;
  }
  return rules;
}

absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadAndCompile(const PackOptions& options) {
  if (options.no_cache || options.cache_dir.empty()) {
    absl::StatusOr<RuleSet> rules = LoadRuleSet(options);
    if (!rules.ok()) return rules.status();
    return CompiledPack::Compile(std::move(*rules), CompileOptions{});
  }
  // An empty source list goes straight to LoadRuleSet, which says what is missing.
  if (options.rule_paths.empty() && options.keywords_file.empty()) {
    return LoadRuleSet(options).status();
  }
  PackSources sources{options.rule_paths, options.keywords_file,
                      options.no_fuzzy ? "no-fuzzy" : ""};
  return LoadPackThroughCache(sources, options.cache_dir, [&] { return LoadRuleSet(options); });
}

}  // namespace listscan::cli
