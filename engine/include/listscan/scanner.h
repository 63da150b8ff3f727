// Scans listings with a CompiledPack. One Scanner per thread: it owns the Hyperscan scratch and
// every buffer, so the hot path neither allocates (once warm) nor locks.
#pragma once

#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "listscan/compiled_pack.h"
#include "listscan/hit.h"
#include "listscan/listing.h"

namespace listscan {

class Scanner {
 public:
  static absl::StatusOr<std::unique_ptr<Scanner>> Create(std::shared_ptr<const CompiledPack> pack);
  ~Scanner();

  // Replaces `hits` with the hits of every rule that flags `listing`, ordered by field, start,
  // end, then rule id. Empty when nothing flags it.
  absl::Status Scan(const Listing& listing, std::vector<Hit>* hits);

  // The same for listings[0, count): (*hits)[i] for listings[i]. Scanning many small listings
  // at once costs two database scans in all rather than two per field, which is what makes
  // catalogue-sized scans fast.
  absl::Status ScanMany(const Listing* listings, size_t count,
                        std::vector<std::vector<Hit>>* hits);

  const CompiledPack& pack() const { return *pack_; }

 private:
  struct State;
  explicit Scanner(std::shared_ptr<const CompiledPack> pack);
  std::shared_ptr<const CompiledPack> pack_;
  std::unique_ptr<State> state_;
};

}  // namespace listscan
