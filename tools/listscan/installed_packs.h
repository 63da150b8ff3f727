// The rule packs installed with listscan (`make install`, the .deb), used when a command names no
// packs: <prefix>/share/listscan/rules, found from the binary's own place, so that an installed
// listscan works with no flags and one in the build tree never picks up an installed copy.
#pragma once

#include <optional>
#include <string>

namespace listscan::cli {

std::optional<std::string> InstalledPacks();

}  // namespace listscan::cli
