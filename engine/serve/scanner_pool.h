// A fixed set of scanning slots for one pack: each owns a Scanner (Hyperscan scratch), a parser and
// the buffers of a request, so the service scans at most `size` requests at once without locking
// inside a scan. Requests beyond that wait for a slot.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/status/statusor.h"
#include "listscan/scanner.h"
#include "parse/listing_parser.h"

namespace listscan::serve {

struct ScanSlot {
  explicit ScanSlot(FieldSelection selection) : parser(std::move(selection)) {}
  ListingParser parser;
  std::unique_ptr<Scanner> scanner;
  std::vector<Listing> listings;
  std::vector<uint64_t> lines;  // the body line of each listing
  std::vector<std::vector<Hit>> hits;
};

class ScannerPool {
 public:
  // Creates every slot now, so the first requests on a new pack do not pay for scratch space.
  static absl::StatusOr<std::unique_ptr<ScannerPool>> Create(
      std::shared_ptr<const CompiledPack> pack, const FieldSelection& selection, size_t size);

  // A slot held for one request; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(ScannerPool* pool, ScanSlot* slot) : pool_(pool), slot_(slot) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->Release(slot_); }
    ScanSlot& slot() { return *slot_; }

   private:
    ScannerPool* pool_;
    ScanSlot* slot_;
  };

  // Waits for a free slot.
  Lease Acquire();
  size_t size() const { return slots_.size(); }

 private:
  ScannerPool() = default;
  void Release(ScanSlot* slot);

  std::vector<std::unique_ptr<ScanSlot>> slots_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<ScanSlot*> free_;
};

}  // namespace listscan::serve
