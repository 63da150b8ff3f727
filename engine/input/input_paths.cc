// Walking input folders deterministically.
#include "input/input_paths.h"

#include <algorithm>
#include <filesystem>

namespace listscan {

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths) {
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
      if (it->is_regular_file(error)) found.push_back(it->path().string());
    }
    if (error) result.errors.push_back(path + ": " + error.message());
    std::sort(found.begin(), found.end());
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

}  // namespace listscan
