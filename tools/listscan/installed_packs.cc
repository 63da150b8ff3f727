// Finding the installed packs beside the binary.
#include "installed_packs.h"

#include <filesystem>

namespace listscan::cli {

std::optional<std::string> InstalledPacks() {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return std::nullopt;
  const fs::path packs = (binary.parent_path() / LISTSCAN_RULES_FROM_BIN).lexically_normal();
  if (!fs::is_directory(packs, error)) return std::nullopt;
  return packs.string();
}

}  // namespace listscan::cli
