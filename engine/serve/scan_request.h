// One POST /v1/scan: the body (one JSON object, or JSON Lines) → listings → one response line
// per listing, in request order: {"id":..., "flagged":true|false, "hits":[...]}, the hits written
// byte for byte as `listscan scan` writes them. Knows nothing of HTTP beyond status codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "serve/pack_holder.h"

namespace listscan::serve {

enum class BodyKind { kJsonObject, kJsonLines };

// A request the service refuses: the HTTP status, what is wrong, and for JSON Lines the body line
// (1-based; 0 when the problem is not on one line).
struct RequestError {
  int status = 400;
  std::string message;
  uint64_t line = 0;
};

// application/json → one listing; application/x-ndjson (or application/jsonl) → JSON Lines.
// Parameters such as "; charset=utf-8" are ignored. Anything else is a 415.
std::optional<BodyKind> BodyKindOf(std::string_view content_type);

// What a scanned request adds to the metrics.
struct ScanTally {
  uint64_t listings = 0;
  uint64_t flagged = 0;
  std::vector<uint32_t> rules;  // each rule that flagged a listing, once per listing it flagged
  std::vector<Category> categories;  // the same for categories
};

// Scans `body` with the slot's scanner and appends the response lines to `response`. A body with
// no listing, a malformed listing (the first one, with its line) or more than `max_listings`
// listings is refused as a whole: nothing is appended and nothing is counted.
std::optional<RequestError> ScanBody(const ServingPack& pack, ScanSlot& slot, BodyKind kind,
                                     std::string_view body, size_t max_listings,
                                     std::string* response, ScanTally* tally);

// {"error":"...","line":N} ("line" only when not 0), with a newline.
std::string ErrorJson(const RequestError& error);

}  // namespace listscan::serve
