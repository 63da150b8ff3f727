// ScannerPool: slots handed out under a mutex; the scan itself runs outside it.
#include "serve/scanner_pool.h"

namespace listscan::serve {

absl::StatusOr<std::unique_ptr<ScannerPool>> ScannerPool::Create(
    std::shared_ptr<const CompiledPack> pack, const FieldSelection& selection, size_t size) {
  std::unique_ptr<ScannerPool> pool(new ScannerPool());
  for (size_t i = 0; i < std::max<size_t>(size, 1); ++i) {
    auto slot = std::make_unique<ScanSlot>(selection);
    absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(pack);
    if (!scanner.ok()) return scanner.status();
    slot->scanner = std::move(*scanner);
    pool->free_.push_back(slot.get());
    pool->slots_.push_back(std::move(slot));
  }
  return pool;
}

ScannerPool::Lease ScannerPool::Acquire() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  ScanSlot* slot = free_.back();
  free_.pop_back();
  return Lease(this, slot);
}

void ScannerPool::Release(ScanSlot* slot) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(slot);
  }
  freed_.notify_one();
}

}  // namespace listscan::serve
