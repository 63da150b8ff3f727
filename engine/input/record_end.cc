// RecordEndFinder. JSON Lines: memchr. CSV: 64 bytes at a time, as bitmasks of quotes and
// newlines; a block without quotes costs a few instructions, and inside a block only the quotes
// and newlines are visited, never every byte.
#include "input/record_end.h"

#include <algorithm>
#include <bit>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace listscan {
namespace {

struct BlockMasks {
  uint64_t quotes = 0;    // bit i: byte i is '"'
  uint64_t newlines = 0;  // bit i: byte i is '\n'
};

// Masks of the `size` (at most 64) bytes at `p`.
BlockMasks Classify(const char* p, size_t size) {
  BlockMasks masks;
#ifdef __SSE2__
  if (size == 64) {
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i newline = _mm_set1_epi8('\n');
    for (int part = 0; part < 4; ++part) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
      const auto q = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, quote)));
      const auto n = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline)));
      masks.quotes |= uint64_t{q} << (16 * part);
      masks.newlines |= uint64_t{n} << (16 * part);
    }
    return masks;
  }
#endif
  for (size_t i = 0; i < size; ++i) {
    masks.quotes |= uint64_t{p[i] == '"'} << i;
    masks.newlines |= uint64_t{p[i] == '\n'} << i;
  }
  return masks;
}

}  // namespace

size_t RecordEndFinder::Scan(std::string_view more) {
  const char* begin = more.data();
  if (!csv_) {
    if (const void* newline = std::memchr(begin, '\n', more.size())) {
      return static_cast<size_t>(static_cast<const char*>(newline) - begin);
    }
    scanned_ += more.size();
    return kNotFound;
  }
  for (size_t block = 0; block < more.size(); block += 64) {
    const BlockMasks masks = Classify(begin + block, std::min<size_t>(64, more.size() - block));
    if (masks.quotes == 0) {
      if (in_quotes_) {
        newlines_ += static_cast<uint64_t>(std::popcount(masks.newlines));
        continue;
      }
      if (masks.newlines != 0) return block + static_cast<size_t>(std::countr_zero(masks.newlines));
      continue;
    }
    for (uint64_t events = masks.quotes | masks.newlines; events != 0; events &= events - 1) {
      const int bit = std::countr_zero(events);
      const size_t offset = block + static_cast<size_t>(bit);
      if ((masks.newlines >> bit) & 1) {
        if (!in_quotes_) return offset;
        ++newlines_;
        continue;
      }
      const uint64_t at = scanned_ + offset;
      if (in_quotes_) {
        in_quotes_ = false;
        last_close_ = at;
        continue;
      }
      const char before = offset > 0 ? begin[offset - 1] : previous_;
      in_quotes_ =
          at == 0 || before == delimiter_ || (last_close_ != kNoClose && last_close_ + 1 == at);
    }
  }
  scanned_ += more.size();
  if (!more.empty()) previous_ = more.back();
  return kNotFound;
}

}  // namespace listscan
