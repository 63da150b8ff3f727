// Loading and compiling the packs named on the command line.
#include "pack_options.h"

#include "absl/strings/str_cat.h"
#include "installed_packs.h"
#include "match/pack_cache.h"
#include "rules/rule_loader.h"

namespace listscan::cli {

void AddPackFlags(CLI::App* command, PackOptions* options) {
  command->add_option("-r,--rules", options->rule_paths,
                      "Rule pack: a YAML file or a folder of them (repeatable). Default, when "
                      "no --rules, --keywords or -e is given: the EU packs installed with listscan "
                      "(PREFIX/share/listscan/rules)")
      ->allow_extra_args(false);
  command->add_option("-k,--keywords", options->keywords_file,
                      "Ad-hoc pack: one literal per line, caseless, category adhoc");
  command->add_option("-e,--keyword", options->keywords,
                      "Ad-hoc keyword, like a line of --keywords (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--cache-dir", options->cache_dir,
                      "Where compiled databases are cached")
      ->capture_default_str();
  command->add_flag("--no-cache", options->no_cache, "Neither read nor write the cache");
  command->add_flag("--no-fuzzy", options->no_fuzzy,
                    "Match every keyword exactly: no misspellings (see `fuzzy:` in the rules)");
}

absl::Status PositionalPackError(const std::string& command,
                                 const std::vector<std::string>& arguments) {
  return absl::InvalidArgumentError(
      absl::StrCat(command, ": unexpected argument '", arguments.front(),
                   "': rule packs are given with -r/--rules (listscan ", command, " -r ",
                   arguments.front(), ")"));
}

namespace {

// The packs to load: those named, else (no --rules, --keywords or -e) the installed ones.
std::vector<std::string> RulePaths(const PackOptions& options) {
  if (!options.rule_paths.empty() || !options.keywords_file.empty() ||
      !options.keywords.empty()) {
    return options.rule_paths;
  }
  std::optional<std::string> installed = InstalledPacks();
  if (!installed) return {};
  return {*installed};
}

}  // namespace

absl::StatusOr<RuleSet> LoadRuleSet(const PackOptions& options) {
  const std::vector<std::string> rule_paths = RulePaths(options);
  if (rule_paths.empty() && options.keywords_file.empty() && options.keywords.empty()) {
    return absl::InvalidArgumentError("no rules: give --rules PATH, --keywords FILE or -e WORD");
  }
  RuleSet rules;
  if (!rule_paths.empty()) {
    absl::StatusOr<RuleSet> loaded = LoadRulePacks(rule_paths);
    if (!loaded.ok()) return loaded.status();
    rules = std::move(*loaded);
  }
  if (!options.keywords_file.empty()) {
    absl::StatusOr<RuleSet> keywords = LoadKeywordList(options.keywords_file);
    if (!keywords.ok()) return keywords.status();
    for (Rule& rule : keywords->rules) rules.rules.push_back(std::move(rule));
  }
  if (!options.keywords.empty()) {
    absl::StatusOr<RuleSet> keywords = KeywordRules(options.keywords);
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
  const std::vector<std::string> rule_paths = RulePaths(options);
  // An empty source list goes straight to LoadRuleSet, which says what is missing; keywords
  // from the command line are compiled each time (they are few, and not files the cache knows).
  if ((rule_paths.empty() && options.keywords_file.empty()) || !options.keywords.empty()) {
    absl::StatusOr<RuleSet> rules = LoadRuleSet(options);
    if (!rules.ok()) return rules.status();
    return CompiledPack::Compile(std::move(*rules), CompileOptions{options.cache_dir});
  }
  PackSources sources{rule_paths, options.keywords_file, options.no_fuzzy ? "no-fuzzy" : ""};
  return LoadPackThroughCache(sources, options.cache_dir, [&] { return LoadRuleSet(options); });
}

absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadPackUntilExit(const PackOptions& options) {
  absl::StatusOr<std::shared_ptr<const CompiledPack>> pack = LoadAndCompile(options);
  if (pack.ok()) {
    // Reachable from a global until exit, so leak checkers do not count it.
    static auto* const kept = new std::vector<std::shared_ptr<const CompiledPack>>();
    kept->push_back(*pack);
  }
  return pack;
}

}  // namespace listscan::cli
