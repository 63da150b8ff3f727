// The per-code-point fold table: utf8proc case folding, compatibility decomposition and mark
// stripping, then look-alike letters to Latin. Filled lazily, 256 code points at a time.
#include "normalize/code_point_fold.h"

#include <utf8proc.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <string>

#include "normalize/folded_text.h"

namespace listscan {
namespace {

constexpr uint32_t kBlockBits = 8;
constexpr uint32_t kBlockSize = 1u << kBlockBits;
constexpr uint32_t kBlockCount = 0x110000 >> kBlockBits;

struct Entry {
  uint32_t offset;  // into Block::bytes
  uint8_t length;
  uint8_t evasions;
};

struct Block {
  std::string bytes;
  Entry entries[kBlockSize];
};

std::atomic<Block*> g_blocks[kBlockCount];

bool IsMark(utf8proc_int32_t c) {
  const auto category = utf8proc_category(c);
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
         category == UTF8PROC_CATEGORY_ME;
}

bool IsAsciiAlnum(utf8proc_int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Decomposes `code_point` with `options`; returns the number of code points (0 on failure).
utf8proc_ssize_t Decompose(uint32_t code_point, int options, utf8proc_int32_t* out, int capacity) {
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  const utf8proc_ssize_t count = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(code_point), out, capacity,
      static_cast<utf8proc_option_t>(options), &boundclass);
  return count < 0 || count > capacity ? 0 : count;
}

// Appends the fold of `code_point` to `out` and returns its EvasionBits.
uint8_t ComputeFold(uint32_t code_point, std::string* out) {
  if (code_point >= 0xD800 && code_point <= 0xDFFF) {
    out->append("\xEF\xBF\xBD");
    return kEvasionInvalidUtf8;
  }
  const utf8proc_property_t* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(code_point));
  if (property->ignorable) return kEvasionZeroWidth;
  // Middle dots and bullets are full stops to the fold: they separate spaced-out letters
  // ("z·o·n·d·e·r") as dots do, and the Greek ano teleia (a semicolon) ends a clause.
  switch (code_point) {
    case 0x00B7: case 0x0387: case 0x2022: case 0x2027: case 0x2219: case 0x22C5: case 0x30FB:
      out->push_back('.');
      return 0;
    default:
      break;
  }

  // Letters with a stroke have no decomposition in Unicode, so stripping marks leaves them: fold
  // them to their base letter as accents are ("tabletki na odchudzanie" written with or without
  // "ł" in "kapsułki" is one word to a filter). Both cases, since this runs before case folding.
  switch (code_point) {
    case 0x0141: case 0x0142: out->push_back('l'); return kEvasionDiacritics;  // Ł ł
    case 0x0110: case 0x0111: out->push_back('d'); return kEvasionDiacritics;  // Đ đ
    case 0x00D8: case 0x00F8: out->push_back('o'); return kEvasionDiacritics;  // Ø ø
    case 0x0126: case 0x0127: out->push_back('h'); return kEvasionDiacritics;  // Ħ ħ
    default:
      break;
  }

  constexpr int kCapacity = 32;
  utf8proc_int32_t canonical[kCapacity];
  utf8proc_int32_t compatible[kCapacity];
  const auto canonical_count =
      Decompose(code_point, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, canonical, kCapacity);
  const auto compatible_count = Decompose(
      code_point, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_LUMP,
      compatible, kCapacity);
  if (compatible_count == 0) {
    out->append("\xEF\xBF\xBD");
    return kEvasionInvalidUtf8;
  }
  uint8_t evasions = 0;
  const bool compat_changed =
      canonical_count != compatible_count ||
      !std::equal(canonical, canonical + canonical_count, compatible);
  bool produced_alnum = false;
  for (utf8proc_ssize_t i = 0; i < compatible_count; ++i) {
    const utf8proc_int32_t c = compatible[i];
    if (IsMark(c)) {
      evasions |= kEvasionDiacritics;
      continue;
    }
    if (const char letter = ConfusableAsciiLetter(static_cast<uint32_t>(c))) {
      out->push_back(letter);
      evasions |= kEvasionHomoglyph;
      produced_alnum = true;
      continue;
    }
    produced_alnum |= IsAsciiAlnum(c);
    utf8proc_uint8_t encoded[4];
    const utf8proc_ssize_t length = utf8proc_encode_char(c, encoded);
    out->append(reinterpret_cast<const char*>(encoded), static_cast<size_t>(length));
  }
  // Lumped punctuation and spaces (NBSP, dashes) are not evasions; compatibility letters are.
  if (compat_changed && produced_alnum) evasions |= kEvasionFullwidth;
  return evasions;
}

Block* BuildBlock(uint32_t block_index) {
  auto block = std::make_unique<Block>();
  for (uint32_t i = 0; i < kBlockSize; ++i) {
    const uint32_t code_point = (block_index << kBlockBits) | i;
    const auto offset = static_cast<uint32_t>(block->bytes.size());
    const uint8_t evasions = ComputeFold(code_point, &block->bytes);
    block->entries[i] = {offset, static_cast<uint8_t>(block->bytes.size() - offset), evasions};
  }
  return block.release();
}

}  // namespace

CodePointFold FoldCodePoint(uint32_t code_point) {
  if (code_point >= 0x110000) code_point = 0xFFFD;
  const uint32_t block_index = code_point >> kBlockBits;
  Block* block = g_blocks[block_index].load(std::memory_order_acquire);
  if (block == nullptr) {
    Block* built = BuildBlock(block_index);
    if (g_blocks[block_index].compare_exchange_strong(block, built, std::memory_order_acq_rel)) {
      block = built;
    } else {
      delete built;  // another thread won; `block` now holds its table
    }
  }
  const Entry& entry = block->entries[code_point & (kBlockSize - 1)];
  return {block->bytes.data() + entry.offset, entry.length, entry.evasions};
}

const ShortFold* TwoByteFolds() {
  static const ShortFold* const table = [] {
    auto* folds = new ShortFold[0x800]();  // lives as long as the process, like the blocks
    for (uint32_t code_point = 0x80; code_point < 0x800; ++code_point) {
      const CodePointFold fold = FoldCodePoint(code_point);
      ShortFold& entry = folds[code_point];
      entry.evasions = fold.evasions;
      if (fold.length > sizeof(entry.bytes)) {
        entry.length = ShortFold::kTooLong;
        continue;
      }
      std::memcpy(entry.bytes, fold.bytes, fold.length);
      entry.length = fold.length;
    }
    return folds;
  }();
  return table;
}

}  // namespace listscan
