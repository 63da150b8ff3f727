// Little helpers to write and read a flat binary encoding: fixed-width integers in the machine's
// byte order (the bytes only ever go back to the build that wrote them) and length-prefixed
// strings. The reader checks every length against what is left, so corrupt or truncated bytes end
// in a failed reader, never in a read past the end or a huge allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace listscan {

class ByteWriter {
 public:
  template <typename T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof(value));
  }
  void PutString(std::string_view text) {
    Put<uint64_t>(text.size());
    out_.append(text);
  }
  void PutStrings(const std::vector<std::string>& texts) {
    Put<uint64_t>(texts.size());
    for (const std::string& text : texts) PutString(text);
  }
  template <typename T>
  void PutVector(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(values.size());
    out_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  // Like PutVector, with zero bytes before the values so that they start at a multiple of 8
  // bytes from the start of the writer (ByteReader::GetArray reads them in place).
  template <typename T>
  void PutArray(std::span<const T> values) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    Put<uint64_t>(values.size());
    const size_t pad = (8 - (out_.size() + 1) % 8) % 8;
    Put<uint8_t>(static_cast<uint8_t>(pad));
    out_.append(pad, '\0');
    out_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  // `borrow`: the bytes outlive everything read from them, so GetArray may point into them.
  ByteReader(std::string_view bytes, bool borrow) : bytes_(bytes), borrow_(borrow) {}

  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && at_ == bytes_.size(); }
  void Fail() { ok_ = false; }

  template <typename T>
  T Get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value{};
    if (!Take(sizeof(T))) return value;
    memcpy(&value, bytes_.data() + at_ - sizeof(T), sizeof(T));
    return value;
  }
  bool GetBool() {
    const uint8_t value = Get<uint8_t>();
    if (value > 1) Fail();
    return value == 1;
  }
  // An enum stored as one byte, no greater than `last`.
  template <typename E>
  E GetEnum(E last) {
    const uint8_t value = Get<uint8_t>();
    if (value > static_cast<uint8_t>(last)) Fail();
    return ok_ ? static_cast<E>(value) : E{};
  }
  std::string_view GetView() {
    const uint64_t size = Get<uint64_t>();
    if (!ok_ || size > bytes_.size() - at_) {
      Fail();
      return {};
    }
    at_ += size;
    return bytes_.substr(at_ - size, size);
  }
  std::string GetString() { return std::string(GetView()); }
  // A count of items that take at least `min_bytes` each: more than the bytes left is corrupt.
  size_t GetCount(size_t min_bytes) {
    const uint64_t count = Get<uint64_t>();
    if (!ok_ || count > (bytes_.size() - at_) / min_bytes) {
      Fail();
      return 0;
    }
    return count;
  }
  std::vector<std::string> GetStrings() {
    std::vector<std::string> texts(GetCount(sizeof(uint64_t)));
    for (std::string& text : texts) text = GetString();
    return texts;
  }
  template <typename T>
  std::vector<T> GetVector() {
    static_assert(std::is_trivially_copyable_v<T>);
    std::vector<T> values(GetCount(sizeof(T)));
    if (!values.empty()) {
      Take(values.size() * sizeof(T));
      memcpy(values.data(), bytes_.data() + at_ - values.size() * sizeof(T),
             values.size() * sizeof(T));
    }
    return values;
  }
  // PutArray's values: in place (into `view`) when the reader may borrow and they are aligned
  // for T, else copied into `copy` (and `view` left empty).
  template <typename T>
  void GetArray(std::span<const T>* view, std::vector<T>* copy) {
    static_assert(std::is_trivially_copyable_v<T>);
    *view = {};
    copy->clear();
    const size_t count = GetCount(sizeof(T));
    const uint8_t pad = Get<uint8_t>();
    if (pad >= 8 || !Take(pad) || !Take(count * sizeof(T))) {
      ok_ = false;
      return;
    }
    const char* data = bytes_.data() + at_ - count * sizeof(T);
    if (borrow_ && reinterpret_cast<uintptr_t>(data) % alignof(T) == 0) {
      *view = std::span<const T>(reinterpret_cast<const T*>(data), count);
    } else {
      copy->resize(count);
      if (count > 0) memcpy(copy->data(), data, count * sizeof(T));
    }
  }

 private:
  bool Take(size_t size) {
    if (!ok_ || size > bytes_.size() - at_) {
      ok_ = false;
      return false;
    }
    at_ += size;
    return true;
  }

  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
  bool borrow_ = false;
};

}  // namespace listscan
