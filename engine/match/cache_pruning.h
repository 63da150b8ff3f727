// Keeping the cache folder bounded. Database files (.hsdb) are keyed by the patterns, so every
// edit of a pack adds one; whole-pack entries (.pack) are one per set of sources. Files are kept
// most recently used first (a file read from the cache has its time refreshed) until their sizes
// add up to the budget; the rest are removed. The newest file is always kept.
#pragma once

#include <cstdint>
#include <string>

namespace listscan {

// What a cache folder may hold of each kind of file.
inline constexpr uint64_t kCacheBudgetBytes = uint64_t{1} << 30;

// Marks `path` as just used (its modification time is set to now); errors are ignored.
void TouchCacheFile(const std::string& path);

// Removes the least recently used files named *`extension` in `dir` beyond `budget_bytes`.
// Returns how many were removed; a folder that cannot be read removes nothing.
int PruneCacheFiles(const std::string& dir, const std::string& extension, uint64_t budget_bytes);

}  // namespace listscan
