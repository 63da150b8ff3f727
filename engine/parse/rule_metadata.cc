// Adding the metadata paths that rules and output need to a field selection.
#include "parse/rule_metadata.h"

#include <algorithm>

namespace listscan {

FieldSelection WithRuleMetadata(const FieldSelection& selection, const RuleSet& rules,
                                const std::vector<std::string>& copied) {
  FieldSelection result = selection;
  auto want = [&](const std::string& path) {
    if (std::find(result.metadata.begin(), result.metadata.end(), path) == result.metadata.end()) {
      result.metadata.push_back(path);
    }
  };
  for (const Rule& rule : rules.rules) {
    for (const WhereFilter& filter : rule.where) want(filter.field);
  }
  for (const std::string& path : copied) want(path);
  return result;
}

}  // namespace listscan
