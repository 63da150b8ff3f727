// The metadata a scan must read besides what was asked for: the fields the rules' `where` filters
// test, and the fields copied into the output.
#pragma once

#include <string>
#include <vector>

#include "listscan/rule.h"
#include "parse/listing_parser.h"

namespace listscan {

// `selection` with every `where` field of `rules` and every path of `copied` added to its
// metadata paths (each once).
FieldSelection WithRuleMetadata(const FieldSelection& selection, const RuleSet& rules,
                                const std::vector<std::string>& copied);

}  // namespace listscan
