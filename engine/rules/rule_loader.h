// Loads rule packs (YAML files, or folders of them) into a RuleSet, rejecting invalid rules with
// "file:line: rule id: reason" before anything is compiled or scanned.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "listscan/rule.h"

namespace listscan {

// Every *.yaml / *.yml file under `paths` (folders recursively, in name order). All problems are
// reported together, one per line, in an InvalidArgument status.
absl::StatusOr<RuleSet> LoadRulePacks(const std::vector<std::string>& paths);

// Parses one pack from YAML text; `file` names it in diagnostics. Appends to `rules`.
absl::Status ParseRulePack(std::string_view yaml_text, const std::string& file, RuleSet* rules);

// Checks what spans packs: unique ids. Appends "file:line: id: reason" lines to `problems`.
void CheckRuleSet(const RuleSet& rules, std::vector<std::string>* problems);

// `--keywords FILE`: one literal per line, caseless, no word boundaries or evasion folding beyond
// case and Unicode normalisation (like grep -F -i -f). Blank lines are skipped.
absl::StatusOr<RuleSet> LoadKeywordList(const std::string& path);

}  // namespace listscan
