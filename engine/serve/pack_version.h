// The version of a loaded pack as the service reports it: a hash of the content it was built from,
// so two servers with the same rules report the same version whatever the load order or time.
#pragma once

#include <string>

#include "listscan/rule.h"

namespace listscan::serve {

// 16 hex digits of XXH3-64 over the bytes of every file the rules and negation cues were read
// from and every file they referenced (word lists), each once, in name order. A file that can no
// longer be read counts by its name only.
std::string PackVersion(const RuleSet& rules);

}  // namespace listscan::serve
