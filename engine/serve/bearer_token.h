// --token-file: requests must carry "Authorization: Bearer <token>".
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace listscan::serve {

// The token is the file's content without surrounding whitespace; an empty one is an error (it
// would let every request through by mistake).
absl::StatusOr<std::string> ReadTokenFile(const std::string& path);

// True when `authorization` is "Bearer <token>" (the scheme caseless). Compares in constant time
// for a given length, so the answer's timing does not tell how much of a guess was right.
bool BearerMatches(std::string_view authorization, std::string_view token);

}  // namespace listscan::serve
