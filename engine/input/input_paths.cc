// Walking input folders deterministically, reading only what looks like listings.
#include "input/input_paths.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

namespace listscan {

const std::vector<std::string> kListingNames = {
    "*.jsonl",    "*.ndjson",    "*.json",    "*.csv",    "*.tsv",
    "*.jsonl.gz", "*.ndjson.gz", "*.json.gz", "*.csv.gz", "*.tsv.gz",
    "*.jsonl.zst", "*.ndjson.zst", "*.json.zst", "*.csv.zst", "*.tsv.zst"};

namespace {

bool Matches(const std::string& glob, const std::string& name, const std::string& relative) {
  const bool by_path = glob.find('/') != std::string::npos;
  return fnmatch(glob.c_str(), by_path ? relative.c_str() : name.c_str(), 0) == 0;
}

// ripgrep's rule: the last pattern that matches decides; no including pattern at all means the
// listing-like names.
bool Chosen(const FolderWalk& walk, const std::string& name, const std::string& relative) {
  const bool any_include = std::any_of(walk.globs.begin(), walk.globs.end(),
                                       [](const std::string& glob) { return !glob.starts_with('!'); });
  bool chosen = false;
  if (!any_include) {
    chosen = std::any_of(kListingNames.begin(), kListingNames.end(),
                         [&](const std::string& glob) { return Matches(glob, name, relative); });
  }
  for (const std::string& glob : walk.globs) {
    if (glob.starts_with('!')) {
      if (Matches(glob.substr(1), name, relative)) chosen = false;
    } else if (Matches(glob, name, relative)) {
      chosen = true;
    }
  }
  return chosen;
}

}  // namespace

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths, const FolderWalk& walk) {
  namespace fs = std::filesystem;
  ExpandedInputs result;
  bool standard_input = false;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-") {
      if (!standard_input) result.files.push_back(path);  // it can be read only once
      standard_input = true;
      continue;
    }
    if (!fs::is_directory(path, error)) {
      result.files.push_back(path);  // a missing file is reported when it is opened
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator
             it(path, fs::directory_options::skip_permission_denied, error),
         end;
         !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (!walk.hidden && name.starts_with('.')) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(error)) continue;
      const std::string relative = it->path().lexically_relative(path).generic_string();
      if (Chosen(walk, name, relative)) found.push_back(it->path().string());
    }
    if (error) result.errors.push_back(path + ": " + error.message());
    std::sort(found.begin(), found.end());
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

}  // namespace listscan
