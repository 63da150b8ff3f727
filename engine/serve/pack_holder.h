// The pack the service scans with, behind an atomically swapped shared pointer: a request takes
// the current pack once and finishes on it even when a reload swaps in another meanwhile; the old
// pack is freed when its last request ends. A reload that fails leaves the current pack serving.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "listscan/compiled_pack.h"
#include "parse/listing_parser.h"
#include "serve/scanner_pool.h"

namespace listscan::serve {

struct ServingPack {
  std::shared_ptr<const CompiledPack> pack;
  std::string version;       // PackVersion of its rules
  double load_seconds = 0;   // loading and compiling (or reading the cache)
  double loaded_at = 0;      // seconds since the Unix epoch
  FieldSelection selection;  // what the parser reads: the asked fields plus the rules' metadata
  std::unique_ptr<ScannerPool> scanners;
};

class PackHolder {
 public:
  // Loads and compiles the packs: called for the first load and for every reload.
  using Loader = std::function<absl::StatusOr<std::shared_ptr<const CompiledPack>>()>;

  PackHolder(Loader loader, FieldSelection fields, size_t scanners);

  // The pack to scan with; null until the first load succeeded.
  std::shared_ptr<const ServingPack> Current() const { return current_.load(); }

  // Loads the packs again and swaps them in; on failure the current pack stays. Reloads run one
  // at a time: a second caller waits for the first.
  absl::StatusOr<std::shared_ptr<const ServingPack>> Reload();

 private:
  Loader loader_;
  FieldSelection fields_;
  size_t scanners_;
  std::mutex reload_mutex_;
  std::atomic<std::shared_ptr<const ServingPack>> current_;
};

}  // namespace listscan::serve
