// Loads rule packs (YAML files, or folders of them) into a RuleSet, rejecting invalid rules with
// "file:line: rule id: reason" before anything is compiled or scanned.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "listscan/rule.h"

namespace listscan {

// One problem of a rule pack, formatted "file:line: rule id: reason" (without the id when the
// problem is not inside a rule).
struct RuleProblem {
  std::string file;
  int line = 0;
  std::string rule_id;
  std::string message;
  int column = 0;  // 1-based; 0: unknown
  // "file:line:column" (":column" only when known), the same for every subcommand.
  std::string Location() const;
  std::string ToString() const;  // "location: rule id: message"
};

// Loads what it can and collects every problem (for `listscan lint`). Fails only when an input
// cannot be read.
absl::Status LoadRulePacksCollectingProblems(const std::vector<std::string>& paths, RuleSet* rules,
                                             std::vector<RuleProblem>* problems);

// The files LoadRulePacks reads for `paths`: each file as given, and every *.yaml / *.yml file
// under each folder (recursively, in name order).
absl::StatusOr<std::vector<std::string>> ListRuleFiles(const std::vector<std::string>& paths);

// Every *.yaml / *.yml file under `paths` (folders recursively, in name order). All problems are
// reported together, one per line, in an InvalidArgument status.
absl::StatusOr<RuleSet> LoadRulePacks(const std::vector<std::string>& paths);

// Parses one pack from YAML text; `file` names it in diagnostics. Appends to `rules`.
absl::Status ParseRulePack(std::string_view yaml_text, const std::string& file, RuleSet* rules);

// Checks what spans packs: unique ids. Appends "file:line: id: reason" lines to `problems`.
void CheckRuleSet(const RuleSet& rules, std::vector<RuleProblem>* problems);

// `--keywords FILE`: one literal per line, caseless, no word boundaries or evasion folding beyond
// case and Unicode normalisation (like grep -F -i -f). Blank lines are skipped.
absl::StatusOr<RuleSet> LoadKeywordList(const std::string& path);

// The keywords given on the command line (`-e WORD`), as LoadKeywordList makes them, with ids
// adhoc.e1, adhoc.e2...
absl::StatusOr<RuleSet> KeywordRules(const std::vector<std::string>& keywords);

}  // namespace listscan
