// Folded views of a field's text that undo filter evasions, with maps from every folded byte back
// to the original bytes so hits are reported at their original offsets.
//
// normalized: Unicode case folding + compatibility normalisation (NFKC: fullwidth, math letters),
//             diacritics stripped, look-alike letters (Unicode confusables: Cyrillic/Greek...)
//             replaced by their Latin prototype, zero-width and other default-ignorable characters
//             removed, invalid UTF-8 replaced by U+FFFD. Regexes run on this view (and on
//             its leet reading, match/leet_read_view.h).
// skeleton:   normalized, then common leetspeak undone (0→o 1→i 3→e 4→a 5→s 7→t 8→b 9→g, and
//             @→a $→s !→i |→i in words, €→e £→l ¥→y ¢→c ©→c ®→r between letters (€ also
//             ending a word of letters); l→i so
//             that "1" and "l" meet), runs of ≥3 single
//             letters separated by one separator (space . - _ * · / ,) joined ("s i b u" →
//             "sibu"), and whitespace runs collapsed to one space. Keywords run on this view.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/fold_buffer.h"

namespace listscan {

// Which evasions produced a folded byte (bit set). Case folding alone sets none.
enum EvasionBits : uint16_t {
  kEvasionNone = 0,
  kEvasionHomoglyph = 1 << 0,   // a confusable letter from another script
  kEvasionFullwidth = 1 << 1,   // a compatibility form (fullwidth, mathematical, ligature...)
  kEvasionZeroWidth = 1 << 2,   // a zero-width / ignorable character was dropped before this byte
  kEvasionDiacritics = 1 << 3,  // a combining mark was stripped
  kEvasionLeet = 1 << 4,        // a digit or symbol read as a letter
  kEvasionSpacing = 1 << 5,     // separators between single letters were dropped before this byte
  kEvasionInvalidUtf8 = 1 << 6, // replacement of an invalid byte sequence
  kEvasionMisspelling = 1 << 7, // a word one edit from a keyword (match/fuzzy_index)
  // Greek written in Latin letters (match/greeklish_index): set on hits, never on folded bytes,
  // which keep one byte of bits each.
  kEvasionTransliteration = 1 << 8,
};

struct FoldedText {
  std::string normalized;
  // Per byte of `normalized`: the original byte range [begin, end) of the code point it came from.
  std::vector<uint32_t> normalized_begin;
  std::vector<uint32_t> normalized_end;
  std::vector<uint8_t> normalized_evasions;  // EvasionBits per byte

  std::string skeleton;
  // Per byte of `skeleton`: the index of the `normalized` byte it came from.
  std::vector<uint32_t> skeleton_to_normalized;
  std::vector<uint8_t> skeleton_evasions;    // EvasionBits per byte, including normalized's

  // Original byte range of normalized[begin, end) / skeleton[begin, end); end > begin.
  std::pair<uint32_t, uint32_t> OriginalSpanOfNormalized(uint32_t begin, uint32_t end) const;
  std::pair<uint32_t, uint32_t> OriginalSpanOfSkeleton(uint32_t begin, uint32_t end) const;
  // OR of the evasion bits of skeleton[begin, end).
  uint8_t SkeletonEvasions(uint32_t begin, uint32_t end) const;

  // Working space of the folds, reused from call to call.
  FoldBuffer normalized_buffer;
  FoldBuffer skeleton_buffer;
};

// Folds `original` into `out`, reusing its buffers (no allocation once they have grown).
// One table-driven pass for `normalized`, one linear pass for `skeleton`.
void FoldText(std::string_view original, FoldedText* out);

// Only the two views, without offset maps or evasion bits: what a database scan needs. The maps
// are built later (FoldText) for the few fields that have candidate matches.
void FoldViews(std::string_view original, FoldedText* out);

// FoldViews appending straight to the ends of two buffers: how the scanner lays a group's fields
// end to end without copying them. With `skeleton_leet`, also appends one byte per skeleton byte:
// 1 where it was a leet digit or symbol (kEvasionLeet), else 0, for word-boundary checks. With
// `spaced_out`, sets it when the skeleton joined letters spelt out one by one.
void AppendFoldedViews(std::string_view original, FoldBuffer* normalized, FoldBuffer* skeleton,
                       FoldBuffer* skeleton_leet = nullptr, bool* spaced_out = nullptr);

// The same folds applied to a rule's keyword, so keywords and text meet in the same space.
// Keywords fold without the spacing join (a keyword's own spaces are kept, as one space).
std::string NormalizeKeyword(std::string_view keyword);
std::string SkeletonKeyword(std::string_view keyword);

// True for a byte of the skeleton/normalized view that is part of a word (ASCII letter or digit,
// or any byte of a multi-byte UTF-8 sequence): used for word-boundary checks around hits.
constexpr bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Whether the code point of a folded view that ends at `position` (IsWordBefore) or starts there
// (IsWordAfter) belongs to a word: ASCII letters and digits, and the letters, marks and numbers of
// any script. Punctuation, symbols and spaces from outside ASCII (“ ” „ « » ¿ ® emoji) end a word
// as ASCII punctuation does, so "„Red Bali“" holds the keyword "red bali".
bool IsWordBefore(std::string_view text, size_t position);
bool IsWordAfter(std::string_view text, size_t position);

// `evasions` without kEvasionHomoglyph unless some word of `original` mixes ASCII letters with
// other letters: look-alike letters hide a word only among Latin ones ("ѕibutramine"), while
// a Greek or Cyrillic word written in its own script ("σιλντεναφίλη") folds through the same table
// but is no evasion.
uint8_t WithoutSingleScriptHomoglyphs(std::string_view original, uint8_t evasions);

// The name used in output for the dominant evasion in `bits`, or "" for none.
// Priority: transliteration, misspelling, spacing, leet, homoglyph, fullwidth, zero_width,
// diacritics.
std::string_view EvasionName(uint16_t bits);

}  // namespace listscan
