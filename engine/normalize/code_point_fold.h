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

// The ASCII letter a look-alike letter stands for (Unicode confusables), or 0.
char ConfusableAsciiLetter(uint32_t code_point);

}  // namespace listscan
