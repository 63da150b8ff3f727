// The terminal view of a flagged listing, for people (`scan` on a terminal): like ripgrep's, the
// input and line, the listing id, each rule that fired with its severity and title, and the
// matched words highlighted in their context. Not a stable format: machines read JSON Lines.
#pragma once

#include <string>
#include <vector>

#include "listscan/hit.h"
#include "listscan/listing.h"
#include "listscan/rule.h"

namespace listscan {

struct ViewOptions {
  bool color = false;         // ANSI colours: matched words in bold red, as ripgrep does
  size_t context_bytes = 40;  // shown on each side of the matches of a field
};

// file:line: id
//   rule.id [severity] Rule title
//     field: ...words before MATCH words after...
void AppendListingView(std::string* out, const Listing& listing, const std::string& file,
                       uint64_t line, const std::vector<Hit>& hits, const RuleSet& rules,
                       const ViewOptions& options);

}  // namespace listscan
