// Expands the inputs named on the command line: folders are walked recursively, in path order.
#pragma once

#include <string>
#include <vector>

namespace listscan {

// Which files a folder walk reads. Files named on the command line are always read.
struct FolderWalk {
  // Read hidden files and folders (names starting with '.') too.
  bool hidden = false;
  // Shell patterns ripgrep-style: a file is read when it matches one pattern (every pattern
  // starting with '!' excludes instead). A pattern with a '/' is matched against the path below
  // the folder, others against the file name. No including pattern: the listing-like names
  // (kListingNames) are read.
  std::vector<std::string> globs;
};

// *.jsonl *.ndjson *.json *.csv *.tsv, plain or with .gz/.zst.
extern const std::vector<std::string> kListingNames;

struct ExpandedInputs {
  std::vector<std::string> files;  // in scan order; "-" stays as it is, named twice it is kept once
  std::vector<std::string> errors;  // "<path>: <reason>" for paths that could not be walked
};

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths, const FolderWalk& walk = {});

}  // namespace listscan
