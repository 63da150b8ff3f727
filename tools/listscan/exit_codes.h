// grep-like exit codes, shared by every subcommand.
#pragma once

#include <cstdio>
#include <string>

#include "absl/status/status.h"

namespace listscan::cli {

constexpr int kExitFound = 0;     // something was flagged (or, for test/lint: all good)
constexpr int kExitNotFound = 1;  // nothing was flagged (or: a test or lint check failed)
constexpr int kExitError = 2;     // the run itself failed

// Prints "listscan: <message>" for each line of the status' message, and returns kExitError.
inline int ReportError(const absl::Status& status) {
  const std::string message(status.message());
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    std::fprintf(stderr, "listscan: %.*s\n", static_cast<int>(end - start), message.data() + start);
    start = end + 1;
  }
  return kExitError;
}

}  // namespace listscan::cli
