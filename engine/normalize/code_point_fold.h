// How one Unicode code point folds: its bytes in the normalized view and the evasions that
// folding undid. Computed with utf8proc once per code point and cached in a lazily filled table.
#pragma once

#include <cstdint>
#include <string_view>

namespace listscan {

struct CodePointFold {
  const char* bytes;  // UTF-8, `length` bytes; empty for an ignorable code point
  uint8_t length;
  uint8_t evasions;   // EvasionBits
};

// Thread-safe; the returned bytes stay valid for the life of the process.
CodePointFold FoldCodePoint(uint32_t code_point);

// FoldCodePoint for the code points below U+0800 (two UTF-8 bytes: Latin letters with accents,
// Greek, Cyrillic...), as a flat table indexed by code point: the bytes of each fold padded to
// four, so a caller copies four bytes without a length-dependent call. `length` is kTooLong where
// the fold is longer than four bytes (use FoldCodePoint).
struct ShortFold {
  char bytes[4];
  uint8_t length;
  uint8_t evasions;
  static constexpr uint8_t kTooLong = 0xFF;
};
const ShortFold* TwoByteFolds();

// The ASCII letter a look-alike letter stands for (Unicode confusables), or 0.
char ConfusableAsciiLetter(uint32_t code_point);

}  // namespace listscan
