// PruneCacheFiles: least recently used first, by modification time (TouchCacheFile on each read).
#include "match/cache_pruning.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace listscan {

namespace fs = std::filesystem;

void TouchCacheFile(const std::string& path) {
  std::error_code error;
  fs::last_write_time(path, fs::file_time_type::clock::now(), error);
}

int PruneCacheFiles(const std::string& dir, const std::string& extension, uint64_t budget_bytes) {
  struct CacheFile {
    fs::path path;
    fs::file_time_type used;
    uint64_t bytes;
  };
  std::vector<CacheFile> files;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    if (path.extension() != extension || !it->is_regular_file(error)) continue;
    const fs::file_time_type used = it->last_write_time(error);
    const uint64_t bytes = it->file_size(error);
    if (!error) files.push_back({path, used, bytes});
  }
  if (error) return 0;
  std::sort(files.begin(), files.end(), [](const CacheFile& a, const CacheFile& b) {
    return a.used != b.used ? a.used > b.used : a.path < b.path;
  });
  int removed = 0;
  uint64_t kept = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    kept += files[i].bytes;
    if (i == 0 || kept <= budget_bytes) continue;
    // Another process may be reading it: on POSIX its open descriptor stays valid.
    if (fs::remove(files[i].path, error)) ++removed;
  }
  return removed;
}

}  // namespace listscan
