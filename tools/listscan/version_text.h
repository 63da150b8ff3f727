// What `listscan --version` prints: the version, the Hyperscan library it runs on and the CPU
// features that library can use on this machine (its fat runtime picks the code path by them).
#pragma once

#include <string>

namespace listscan::cli {

std::string VersionText();

}  // namespace listscan::cli
