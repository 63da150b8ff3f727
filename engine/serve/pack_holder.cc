// PackHolder: build the whole ServingPack (scanners included) beside the old one, then swap.
#include "serve/pack_holder.h"

#include <chrono>

#include "parse/rule_metadata.h"
#include "serve/pack_version.h"

namespace listscan::serve {

PackHolder::PackHolder(Loader loader, FieldSelection fields, size_t scanners)
    : loader_(std::move(loader)), fields_(std::move(fields)), scanners_(scanners) {}

absl::StatusOr<std::shared_ptr<const ServingPack>> PackHolder::Reload() {
  std::lock_guard lock(reload_mutex_);
  const auto started = std::chrono::steady_clock::now();
  absl::StatusOr<std::shared_ptr<const CompiledPack>> pack = loader_();
  if (!pack.ok()) return pack.status();
  // The misspelling index is built on first use: build it now, so that the first requests after
  // a (re)load do not wait for it.
  (*pack)->fuzzy();
  auto serving = std::make_shared<ServingPack>();
  serving->pack = *pack;
  serving->version = PackVersion((*pack)->rules());
  // The listing's country, as `scan` reads it by default: national phone numbers in hidden-links
  // hits become E.164 with it, so that verdicts equal `scan`'s.
  serving->selection = WithRuleMetadata(fields_, (*pack)->rules(), {std::string(kDefaultCountryField)});
  absl::StatusOr<std::unique_ptr<ScannerPool>> scanners =
      ScannerPool::Create(*pack, serving->selection, scanners_);
  if (!scanners.ok()) return scanners.status();
  serving->scanners = std::move(*scanners);
  serving->load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  serving->loaded_at =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::shared_ptr<const ServingPack> result = serving;
  current_.store(result);
  return result;
}

}  // namespace listscan::serve
