// The per-record output lines: a flagged listing (--output) and a rejected record (--rejects).
// Both formats are documented in docs/output-format.md and kept stable.
#pragma once

#include <string>
#include <vector>

#include "input/record_batch.h"
#include "listscan/hit.h"
#include "listscan/listing.h"
#include "listscan/rule.h"

namespace listscan {

// The "hits" array of a flagged listing: [{"rule":..., "category":..., "severity":..., "field":...,
// "start":N, "end":N, "match":..., "evasion":...}, ...]. `listscan serve` writes the same bytes.
// Hidden-links hits that hold a contact also get "contact":{"kind":..., "value":...}; `country`
// (the listing's, as an ISO code, or empty) turns national phone numbers into E.164.
void AppendHits(std::string* out, const Listing& listing, const std::vector<Hit>& hits,
                const RuleSet& rules, std::string_view country = "");

// {"id":..., "source":{"file":..., "line":N}, "hits":[...]} and, when `with_fields` is not
// empty, "fields":{path: value} for those of them the listing has. Ends with "\n".
void AppendFlaggedListing(std::string* out, const Listing& listing, const std::string& file,
                          uint64_t line, const std::vector<Hit>& hits, const RuleSet& rules,
                          const std::vector<std::string>& with_fields,
                          std::string_view country = "");

// {"file":..., "line":N, "reason":..., "head":...}. Ends with "\n".
void AppendRejectedRecord(std::string* out, const std::string& file, const RejectedRecord& reject);

// The first `limit` bytes of a record, cut back to a whole UTF-8 character.
std::string RecordHead(std::string_view record, size_t limit = 200);

}  // namespace listscan
