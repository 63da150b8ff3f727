// A byte buffer that the folds append to. It only grows, so reusing it costs no clearing, and it
// always keeps kFoldSlack bytes of room past its end: the vector code reads and writes whole
// 16-byte blocks there without bounds checks.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace listscan {

inline constexpr size_t kFoldSlack = 64;

class FoldBuffer {
 public:
  void clear() { size_ = 0; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const char* data() const { return bytes_.get(); }
  char* data() { return bytes_.get(); }
  std::string_view view() const { return {bytes_.get(), size_}; }

  // Makes room for `extra` more bytes (plus the slack) and returns where they go.
  char* Reserve(size_t extra) {
    if (size_ + extra + kFoldSlack > capacity_) Grow(size_ + extra + kFoldSlack);
    return bytes_.get() + size_;
  }
  void Commit(size_t bytes) { size_ += bytes; }
  void push_back(char c) {
    *Reserve(1) = c;
    ++size_;
  }

 private:
  void Grow(size_t needed) {
    size_t capacity = capacity_ == 0 ? 256 : capacity_;
    while (capacity < needed) capacity *= 2;
    // Uninitialised: bytes past size() are only read by vector loads whose lanes are masked off.
    std::unique_ptr<char[]> bytes(new char[capacity]);
    // Whole old capacity: a fold may have written past size() before it commits.
    if (capacity_ > 0) std::memcpy(bytes.get(), bytes_.get(), capacity_);
    bytes_ = std::move(bytes);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace listscan
