// Read-only lookup structures kept in a few flat arrays, so that the pack cache writes each as a
// handful of byte runs and reads it back with as many copies, not one allocation per string or
// per hash-table entry (which was most of a cached start-up).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "match/byte_codec.h"

namespace listscan {

// Strings in one buffer, addressed by their position in the list.
class StringList {
 public:
  uint32_t Add(std::string_view text) {
    bytes_.append(text);
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
    return static_cast<uint32_t>(offsets_.size() - 2);
  }
  size_t size() const { return offsets_.size() - 1; }
  std::string_view operator[](size_t i) const {
    return std::string_view(bytes_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }

  void Serialize(ByteWriter* out) const {
    out->PutString(bytes_);
    out->PutVector(offsets_);
  }
  // False when the bytes are not a list (offsets out of order or past the buffer).
  bool Deserialize(ByteReader* in) {
    bytes_ = in->GetString();
    offsets_ = in->GetVector<uint32_t>();
    if (!in->ok() || offsets_.empty() || offsets_.front() != 0 || offsets_.back() != bytes_.size()) {
      return false;
    }
    for (size_t i = 1; i < offsets_.size(); ++i) {
      if (offsets_[i] < offsets_[i - 1]) return false;
    }
    return true;
  }

 private:
  std::string bytes_;
  std::vector<uint32_t> offsets_{0};
};

// Runs of values: run i is values[starts[i], starts[i + 1]).
class ValueRuns {
 public:
  void Add(std::span<const uint32_t> run) {
    values_.insert(values_.end(), run.begin(), run.end());
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  }
  size_t size() const { return starts_.size() - 1; }
  std::span<const uint32_t> operator[](size_t i) const {
    return std::span<const uint32_t>(values_).subspan(starts_[i], starts_[i + 1] - starts_[i]);
  }
  // Every value is below `limit`.
  bool AllBelow(size_t limit) const {
    for (const uint32_t value : values_) {
      if (value >= limit) return false;
    }
    return true;
  }

  void Serialize(ByteWriter* out) const {
    out->PutVector(starts_);
    out->PutVector(values_);
  }
  bool Deserialize(ByteReader* in) {
    starts_ = in->GetVector<uint32_t>();
    values_ = in->GetVector<uint32_t>();
    if (!in->ok() || starts_.empty() || starts_.front() != 0 || starts_.back() != values_.size()) {
      return false;
    }
    for (size_t i = 1; i < starts_.size(); ++i) {
      if (starts_[i] < starts_[i - 1]) return false;
    }
    return true;
  }

 private:
  std::vector<uint32_t> starts_{0};
  std::vector<uint32_t> values_;
};

// An open-addressing hash table over items 0..n-1 given by their 64-bit hashes; the items
// themselves live elsewhere, and the caller checks that a candidate is the one it looks for.
// At most half full, so a miss ends after a probe or two.
class HashSlots {
 public:
  HashSlots() = default;
  // Items in the order given: the same hashes always give the same table.
  explicit HashSlots(const std::vector<uint64_t>& hashes) {
    size_t capacity = 2;
    while (capacity < 2 * hashes.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (size_t item = 0; item < hashes.size(); ++item) {
      size_t at = hashes[item] & mask;
      while (slots_[at].item != 0) at = (at + 1) & mask;
      slots_[at] = {Tag(hashes[item]), static_cast<uint32_t>(item + 1)};
    }
  }

  // Calls `is_it(item)` for each item with this hash (and, rarely, another with the same tag)
  // until it returns true; returns that item, or -1.
  template <typename IsIt>
  int64_t Find(uint64_t hash, const IsIt& is_it) const {
    const size_t mask = slots_.size() - 1;
    const uint32_t tag = Tag(hash);
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot slot = slots_[at];
      if (slot.item == 0) return -1;
      if (slot.tag == tag && is_it(slot.item - 1)) return slot.item - 1;
    }
  }

  void Serialize(ByteWriter* out) const { out->PutVector(slots_); }
  // False unless a power-of-two table with an empty slot, over items below `items`.
  bool Deserialize(ByteReader* in, size_t items) {
    slots_ = in->GetVector<Slot>();
    const size_t size = slots_.size();
    if (!in->ok() || size < 2 || (size & (size - 1)) != 0) return false;
    bool has_empty = false;
    for (const Slot& slot : slots_) {
      if (slot.item > items) return false;
      has_empty = has_empty || slot.item == 0;
    }
    return has_empty;
  }

 private:
  struct Slot {
    uint32_t tag = 0;   // the hash's high half
    uint32_t item = 0;  // item + 1; 0: empty
  };
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  std::vector<Slot> slots_{2};
};

}  // namespace listscan
