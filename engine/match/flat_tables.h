// Read-only lookup structures kept in a few flat arrays, so that the pack cache writes each as a
// handful of byte runs and reads it back in place (or with as many copies), not with one
// allocation per string or per hash-table entry (which was most of a cached start-up).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "match/byte_codec.h"

namespace listscan {

// An array that is either owned (built, or copied from bytes) or borrowed from bytes that outlive
// it: the pack cache's mapping, which the pack keeps, so the largest tables are not copied at all.
template <typename T>
class FlatArray {
 public:
  FlatArray() = default;
  explicit FlatArray(std::vector<T> values) : owned_(std::move(values)) {}
  // Moving keeps both the owned buffer and a borrowed view valid; a copy would not.
  FlatArray(FlatArray&&) noexcept = default;
  FlatArray& operator=(FlatArray&&) noexcept = default;
  FlatArray(const FlatArray&) = delete;
  FlatArray& operator=(const FlatArray&) = delete;

  std::span<const T> span() const {
    return borrowed_.data() != nullptr ? borrowed_ : std::span<const T>(owned_);
  }
  size_t size() const { return span().size(); }
  bool empty() const { return span().empty(); }
  const T& operator[](size_t i) const { return span()[i]; }
  // While building (never on a borrowed array).
  std::vector<T>& owned() { return owned_; }

  void Serialize(ByteWriter* out) const { out->PutArray(span()); }
  bool Deserialize(ByteReader* in) {
    in->GetArray(&borrowed_, &owned_);
    return in->ok();
  }

 private:
  std::vector<T> owned_;
  std::span<const T> borrowed_;
};

// Strings in one buffer, addressed by their position in the list.
class StringList {
 public:
  StringList() { offsets_.owned().push_back(0); }
  uint32_t Add(std::string_view text) {
    std::vector<char>& bytes = bytes_.owned();
    bytes.insert(bytes.end(), text.begin(), text.end());
    offsets_.owned().push_back(static_cast<uint32_t>(bytes.size()));
    return static_cast<uint32_t>(offsets_.size() - 2);
  }
  size_t size() const { return offsets_.size() - 1; }
  std::string_view operator[](size_t i) const {
    const std::span<const uint32_t> offsets = offsets_.span();
    return std::string_view(bytes_.span().data() + offsets[i], offsets[i + 1] - offsets[i]);
  }

  void Serialize(ByteWriter* out) const {
    bytes_.Serialize(out);
    offsets_.Serialize(out);
  }
  // False when the bytes are not a list (offsets out of order or past the buffer).
  bool Deserialize(ByteReader* in) {
    if (!bytes_.Deserialize(in) || !offsets_.Deserialize(in)) return false;
    const std::span<const uint32_t> offsets = offsets_.span();
    if (offsets.empty() || offsets.front() != 0 || offsets.back() != bytes_.size()) return false;
    for (size_t i = 1; i < offsets.size(); ++i) {
      if (offsets[i] < offsets[i - 1]) return false;
    }
    return true;
  }

 private:
  FlatArray<char> bytes_;
  FlatArray<uint32_t> offsets_;
};

// Runs of values: run i is values[starts[i], starts[i + 1]). T is written as its bytes, so it
// must have no padding (the bytes would be undefined).
template <typename T>
class ValueRuns {
 public:
  void Add(std::span<const T> run) {
    values_.insert(values_.end(), run.begin(), run.end());
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  }
  size_t size() const { return starts_.size() - 1; }
  std::span<const T> operator[](size_t i) const {
    return std::span<const T>(values_).subspan(starts_[i], starts_[i + 1] - starts_[i]);
  }
  std::span<const T> values() const { return values_; }
  // Every value is below `limit`.
  bool AllBelow(size_t limit) const {
    for (const T& value : values_) {
      if (value >= limit) return false;
    }
    return true;
  }

  void Serialize(ByteWriter* out) const {
    static_assert(std::has_unique_object_representations_v<T>);
    out->PutVector(starts_);
    out->PutVector(values_);
  }
  bool Deserialize(ByteReader* in) {
    starts_ = in->GetVector<uint32_t>();
    values_ = in->GetVector<T>();
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
  std::vector<T> values_;
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
    std::vector<Slot>& slots = slots_.owned();
    slots.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (size_t item = 0; item < hashes.size(); ++item) {
      size_t at = hashes[item] & mask;
      while (slots[at].item != 0) at = (at + 1) & mask;
      slots[at] = {Tag(hashes[item]), static_cast<uint32_t>(item + 1)};
    }
  }

  // Calls `is_it(item)` for each item with this hash (and, rarely, another with the same tag)
  // until it returns true; returns that item, or -1.
  template <typename IsIt>
  int64_t Find(uint64_t hash, const IsIt& is_it) const {
    const std::span<const Slot> slots = slots_.span();
    const size_t mask = slots.size() - 1;
    const uint32_t tag = Tag(hash);
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot slot = slots[at];
      if (slot.item == 0) return -1;
      if (slot.tag == tag && is_it(slot.item - 1)) return slot.item - 1;
    }
  }

  void Serialize(ByteWriter* out) const { slots_.Serialize(out); }
  // False unless a power-of-two table with an empty slot, over items below `items`.
  bool Deserialize(ByteReader* in, size_t items) {
    if (!slots_.Deserialize(in)) return false;
    const size_t size = slots_.size();
    if (size < 2 || (size & (size - 1)) != 0) return false;
    bool has_empty = false;
    for (const Slot& slot : slots_.span()) {
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
  FlatArray<Slot> slots_{std::vector<Slot>(2)};
};

}  // namespace listscan
