// Expands the inputs named on the command line: folders are walked recursively, in path order.
#pragma once

#include <string>
#include <vector>

namespace listscan {

struct ExpandedInputs {
  std::vector<std::string> files;  // in scan order; "-" stays as it is, named twice it is kept once
  std::vector<std::string> errors;  // "<path>: <reason>" for paths that could not be walked
};

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths);

}  // namespace listscan
