// FoldText: the normalized view (table-driven, one pass) and the skeleton view (leetspeak undone,
// spaced-out letters joined, whitespace collapsed), with maps back to the original bytes.
// FoldViews / AppendFoldedViews: the same two views without maps, as the scanner needs them for
// every field: 16 to 32 bytes at a time (SSE2) wherever no byte's fold depends on its neighbours,
// one byte or code point at a time elsewhere, through the same per-byte code as FoldText.
#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "normalize/code_point_fold.h"
#include "normalize/fold_buffer.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

constexpr auto kAsciiLower = [] {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return table;
}();

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// The Latin capital a Greek or Cyrillic capital looks like, in lower case, or 0. For some it is not
// the letter its lower case looks like (Ν and ν: N and v; Η and η: H and n; Μ and μ).
char CapitalLookAlike(utf8proc_int32_t code_point) {
  switch (code_point) {
    case 0x0391: case 0x0410: return 'a';  // Α А
    case 0x0392: case 0x0412: return 'b';  // Β В
    case 0x0395: case 0x0415: return 'e';  // Ε Е
    case 0x0396: return 'z';               // Ζ
    case 0x0397: case 0x041D: return 'h';  // Η Н
    case 0x0399: return 'i';               // Ι
    case 0x039A: case 0x041A: return 'k';  // Κ К
    case 0x039C: case 0x041C: return 'm';  // Μ М
    case 0x039D: return 'n';               // Ν
    case 0x039F: case 0x041E: return 'o';  // Ο О
    case 0x03A1: case 0x0420: return 'p';  // Ρ Р
    case 0x03A4: case 0x0422: return 't';  // Τ Т
    case 0x03A5: case 0x0423: return 'y';  // Υ У
    case 0x03A7: case 0x0425: return 'x';  // Χ Х
    case 0x0421: return 'c';               // С
    default: return 0;
  }
}

// Whether the word around bytes[at] is a Latin word in disguise: it has an ASCII letter, and each
// of its Greek or Cyrillic letters is a capital that looks like a Latin one ("ΤΕLΕGRΑΜ", "DΝΡ").
// Such a capital reads as the letter it looks like. A word of its own script keeps the fold of its
// lower case ("ΒΙΑΓΚΡΑ", or "ZANAΞ" with a Latin A), as the rules' keywords are written.
bool InLatinWord(const unsigned char* bytes, size_t size, size_t at) {
  auto in_word = [](unsigned char c) { return c >= 0x80 || IsWordByte(c); };
  size_t begin = at, end = at;
  while (begin > 0 && in_word(bytes[begin - 1])) --begin;
  while (end < size && in_word(bytes[end])) ++end;
  bool latin = false;
  for (size_t j = begin; j < end;) {
    const unsigned char c = bytes[j];
    if (c < 0x80) {
      latin |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      ++j;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && j + 1 < end) {
      const utf8proc_int32_t code_point = ((c & 0x1F) << 6) | (bytes[j + 1] & 0x3F);
      const bool greek_or_cyrillic = code_point >= 0x0370 && code_point < 0x0500;
      if (greek_or_cyrillic && !CapitalLookAlike(code_point)) return false;
      j += 2;
      continue;
    }
    ++j;
  }
  return latin;
}

#if defined(__SSE2__)
// The `length` (< 16) bytes at `bytes` in the low lanes of a vector, zeros above, in at most two
// loads that stay inside the range (as memcpy does for short copies, without the call).
inline __m128i LoadShort(const unsigned char* bytes, size_t length) {
  uint64_t low = 0, high = 0;
  if (length >= 8) {
    std::memcpy(&low, bytes, 8);
    if (length > 8) {
      std::memcpy(&high, bytes + length - 8, 8);
      high >>= (16 - length) * 8;
    }
  } else if (length >= 4) {
    uint32_t first, last;
    std::memcpy(&first, bytes, 4);
    std::memcpy(&last, bytes + length - 4, 4);
    low = first | (static_cast<uint64_t>(last) >> ((8 - length) * 8) << 32);
  } else {
    for (size_t k = 0; k < length; ++k) low |= static_cast<uint64_t>(bytes[k]) << (8 * k);
  }
  return _mm_set_epi64x(static_cast<int64_t>(high), static_cast<int64_t>(low));
}
#endif

// Appends the normalized view of `original` to `text` and returns its length. With kMaps, also
// fills out->normalized_begin/_end/_evasions, indexed from the start of the appended bytes.
template <bool kMaps>
size_t Normalize(std::string_view original, FoldBuffer* text, FoldedText* out) {
  size_t room = original.size();  // bytes writable at `dest` (plus the slack)
  char* dest = text->Reserve(room);
  auto resize_maps = [&](size_t size) {
    if constexpr (kMaps) {
      out->normalized_begin.resize(size);
      out->normalized_end.resize(size);
      out->normalized_evasions.resize(size);
    }
  };
  resize_maps(room);
  auto ensure = [&](size_t needed) {
    if (needed <= room) return;
    room = std::max(needed, 2 * room);
    dest = text->Reserve(room);
    resize_maps(room);
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(original.data());
  const size_t size = original.size();
  [[maybe_unused]] const ShortFold* short_folds = kMaps ? nullptr : TwoByteFolds();
  size_t n = 0;
  uint8_t pending = 0;  // evasions of dropped characters, reported on the next byte
  for (size_t i = 0; i < size;) {
    if constexpr (!kMaps) {
      // ASCII a block at a time when the maps are not wanted: lower-case the block, keep the
      // part before its first non-ASCII byte, and go on.
#if defined(__SSE2__)
      auto lower = [](__m128i block) {
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('A' - 1)),
                                            _mm_cmplt_epi8(block, _mm_set1_epi8('Z' + 1)));
        return _mm_or_si128(block, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
      };
      while (i + 16 <= size) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
        const auto non_ascii = static_cast<uint32_t>(_mm_movemask_epi8(block));
        ensure(n + 16);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dest + n), lower(block));
        const size_t ascii = non_ascii ? static_cast<size_t>(__builtin_ctz(non_ascii)) : 16;
        n += ascii;
        i += ascii;
        if (ascii < 16) break;
      }
      // The last bytes (fewer than 16: short fields, ends of long ones), loaded without reading
      // past the original's end.
      if (i < size && i + 16 > size) {
        const __m128i block = LoadShort(bytes + i, size - i);
        const auto non_ascii = static_cast<uint32_t>(_mm_movemask_epi8(block));
        ensure(n + 16);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dest + n), lower(block));
        const size_t ascii = non_ascii ? static_cast<size_t>(__builtin_ctz(non_ascii)) : size - i;
        n += ascii;
        i += ascii;
      }
#endif
      if (i >= size) break;
    }
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      ensure(n + 1);
      dest[n] = kAsciiLower[c];
      if constexpr (kMaps) {
        out->normalized_begin[n] = static_cast<uint32_t>(i);
        out->normalized_end[n] = static_cast<uint32_t>(i + 1);
        out->normalized_evasions[n] = pending;
      }
      pending = 0;
      ++n;
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length;
    if (c >= 0xC2 && c <= 0xDF && i + 1 < size && (bytes[i + 1] & 0xC0) == 0x80) {
      // Two-byte sequences (Latin letters with accents, Greek, Cyrillic) decoded inline and,
      // without maps, folded from the flat table.
      code_point = ((c & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
      length = 2;
      if (const char latin = CapitalLookAlike(code_point); latin && InLatinWord(bytes, size, i)) {
        ensure(n + 1);
        dest[n] = latin;
        if constexpr (kMaps) {
          out->normalized_begin[n] = static_cast<uint32_t>(i);
          out->normalized_end[n] = static_cast<uint32_t>(i + 2);
          out->normalized_evasions[n] = kEvasionHomoglyph | pending;
        }
        pending = 0;
        ++n;
        i += 2;
        continue;
      }
      if constexpr (!kMaps) {
        const ShortFold& fold = short_folds[code_point];
        if (fold.length != ShortFold::kTooLong) {
          ensure(n + sizeof(fold.bytes));
          std::memcpy(dest + n, fold.bytes, sizeof(fold.bytes));
          n += fold.length;
          i += 2;
          continue;
        }
      }
    } else {
      length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(size - i), &code_point);
    }
    CodePointFold fold;
    if (length < 0) {
      fold = {kReplacement, 3, kEvasionInvalidUtf8};
      length = 1;
    } else {
      fold = FoldCodePoint(static_cast<uint32_t>(code_point));
    }
    if (fold.length == 0) {
      pending |= fold.evasions;
      i += static_cast<size_t>(length);
      continue;
    }
    ensure(n + fold.length);
    std::memcpy(dest + n, fold.bytes, fold.length);
    if constexpr (kMaps) {
      for (size_t k = 0; k < fold.length; ++k) {
        out->normalized_begin[n + k] = static_cast<uint32_t>(i);
        out->normalized_end[n + k] = static_cast<uint32_t>(i + length);
        out->normalized_evasions[n + k] = fold.evasions | pending;
      }
    }
    pending = 0;
    n += fold.length;
    i += static_cast<size_t>(length);
  }
  text->Commit(n);
  resize_maps(n);
  return n;
}

// Byte classes for the skeleton pass, and what each byte becomes there.
enum ByteClass : uint8_t {
  kWord = 1,        // letter, digit or part of a multi-byte character
  kSpace = 2,       // collapses with its neighbours into one space
  kSeparator = 4,   // may stand between the letters of a spaced-out word
  kDigitLeet = 8,   // a digit read as a letter
  kSymbolLeet = 16, // read as a letter inside a word ("v!agra"); '$' and '|' also first
                    // ("|evitra"), '@' also last ("V1@gr@"; '!' there is punctuation)
  kPlainLetter = 32,  // a word byte that is no evasion: copied (through `letter`) as it is
};

// Symbols outside ASCII that sellers write for a letter ("T€l€gram", "Vi@g®a"), read as that
// letter only between two ASCII letters, "€" also at the end of a word of letters ("Slim€"):
// "50€", "€ 12" and "Brand®" stay as they are. Their lead bytes (0xC2, 0xE2) end a plain
// stretch, so both skeleton passes look at them.
struct SymbolLetter {
  std::string_view bytes;
  char letter;
};
constexpr SymbolLetter kSymbolLetters[] = {{"\u20AC", 'e'}, {"\u00A3", 'l'}, {"\u00A5", 'y'},
                                           {"\u00A2", 'c'}, {"\u00A9", 'c'}, {"\u00AE", 'r'}};

struct SkeletonTables {
  uint8_t classes[256];
  char letter[256];
};

constexpr SkeletonTables kTables = [] {
  SkeletonTables t{};
  for (int c = 0; c < 256; ++c) {
    t.letter[c] = static_cast<char>(c);
    if (IsWordByte(static_cast<unsigned char>(c))) t.classes[c] |= kWord;
  }
  for (char c : {' ', '\t', '\n', '\r', '\v', '\f'}) t.classes[static_cast<unsigned char>(c)] |= kSpace;
  for (char c : {' ', '.', '-', '_', '*', '/', ',', '+'}) {
    t.classes[static_cast<unsigned char>(c)] |= kSeparator;
  }
  const std::pair<char, char> digits[] = {{'0', 'o'}, {'1', 'i'}, {'3', 'e'}, {'4', 'a'},
                                          {'5', 's'}, {'7', 't'}, {'8', 'b'}, {'9', 'g'}};
  for (auto [digit, letter] : digits) {
    t.classes[static_cast<unsigned char>(digit)] |= kDigitLeet;
    t.letter[static_cast<unsigned char>(digit)] = letter;
  }
  const std::pair<char, char> symbols[] = {{'@', 'a'}, {'$', 's'}, {'!', 'i'}, {'|', 'i'}};
  for (auto [symbol, letter] : symbols) {
    t.classes[static_cast<unsigned char>(symbol)] |= kSymbolLeet;
    t.letter[static_cast<unsigned char>(symbol)] = letter;
  }
  t.letter[static_cast<unsigned char>('l')] = 'i';  // "1" and "l" meet at 'i'; not an evasion
  for (int c = 0; c < 256; ++c) {
    // Lead bytes of the symbols of kSymbolLetters stop the copy of a plain word.
    if ((t.classes[c] & kWord) && !(t.classes[c] & kDigitLeet) && c != 0xC2 && c != 0xE2) {
      t.classes[c] |= kPlainLetter;
    }
  }
  return t;
}();

#if defined(__SSE2__)
// Per-byte classes of up to 48 bytes of normalized text, one bit per byte.
struct BlockClasses {
  uint64_t word = 0, space = 0, separator = 0, symbol = 0, dollar = 0, at = 0, digit = 0;
  uint64_t lead = 0, continuation = 0;  // of multi-byte UTF-8 characters
  uint64_t symbol_lead = 0;             // 0xC2 or 0xE2: may open a symbol of kSymbolLetters
};

inline __m128i Between(__m128i v, char lo, char hi) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                       _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
}

inline __m128i Equal(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }

inline uint64_t Bits(__m128i lanes, int shift) {
  return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(lanes))) << shift;
}

// Classifies the 16 bytes at `bytes` into bits [shift, shift + 16) of `out`; with kLookAhead,
// only the classes a block needs of the bytes after it (word, separator, multi-byte parts).
template <bool kLookAhead = false>
inline void Classify(const unsigned char* bytes, int shift, BlockClasses* out) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  // Bytes >= 0x80 are negative as signed lanes, so no range test below takes them.
  const __m128i digit = Between(v, '0', '9');
  const __m128i word = _mm_or_si128(
      _mm_or_si128(Between(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), digit),
      _mm_cmplt_epi8(v, _mm_setzero_si128()));
  const __m128i blank = Equal(v, ' ');
  // The separators: ' ', '_' and '*' '+' ',' '-' '.' '/' (one range).
  const __m128i separator = _mm_or_si128(_mm_or_si128(blank, Equal(v, '_')), Between(v, '*', '/'));
  const __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());
  const __m128i lead = _mm_and_si128(high, _mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(0xBF))));
  out->word |= Bits(word, shift);
  out->separator |= Bits(separator, shift);
  out->lead |= Bits(lead, shift);
  out->symbol_lead |= Bits(
      _mm_or_si128(Equal(v, static_cast<char>(0xC2)), Equal(v, static_cast<char>(0xE2))), shift);
  out->continuation |= Bits(_mm_andnot_si128(lead, high), shift);
  if constexpr (kLookAhead) return;
  // '$' and '|' are letters at the start of a word too ("$ibutramine", "|evitra").
  const __m128i dollar = _mm_or_si128(Equal(v, '$'), Equal(v, '|'));
  out->space |= Bits(_mm_or_si128(blank, Between(v, '\t', '\r')), shift);
  const __m128i at = Equal(v, '@');
  out->symbol |= Bits(_mm_or_si128(_mm_or_si128(at, dollar), Equal(v, '!')), shift);
  out->dollar |= Bits(dollar, shift);
  out->at |= Bits(at, shift);
  out->digit |= Bits(digit, shift);
}

// Whitespace as ' ' and 'l' as 'i': what the skeleton makes of 16 bytes that need no context
// (digits are patched afterwards, through the table).
inline void StoreContextFree(const unsigned char* bytes, char* dest) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  const __m128i space = _mm_or_si128(Equal(v, ' '), Between(v, '\t', '\r'));
  __m128i mapped = _mm_or_si128(_mm_andnot_si128(space, v), _mm_and_si128(space, _mm_set1_epi8(' ')));
  mapped = _mm_sub_epi8(mapped, _mm_and_si128(Equal(v, 'l'), _mm_set1_epi8('l' - 'i')));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dest), mapped);
}

// The skeleton of the 32-byte block at in[r] (bytes past `size` are ignored), written to `dest`
// as the per-byte pass would write it, up to the first byte whose skeleton depends on its
// neighbours: the start of a run of spaced-out letters, whitespace after whitespace (dropped), a
// leet symbol inside a word. Returns how many bytes were done: min(32, size - r) when there is no
// such byte. Reads up to 48 bytes at in[r] (the buffer's slack covers it). With `leet`, marks
// there the bytes that are leet digits (1) and the others (0).
size_t SkeletonBlock(const unsigned char* in, size_t size, size_t r, char* dest, char* leet) {
  const size_t block = std::min<size_t>(32, size - r);
  const size_t seen = std::min<size_t>(48, size - r);
  BlockClasses c;
  Classify(in + r, 0, &c);
  Classify(in + r + 16, 16, &c);
  Classify</*kLookAhead=*/true>(in + r + 32, 32, &c);
  const uint64_t valid = (uint64_t{1} << seen) - 1;
  const uint64_t word = c.word & valid, space = c.space & valid, separator = c.separator & valid;
  const uint64_t word_before = (word << 1) | (r > 0 && (kTables.classes[in[r - 1]] & kWord));
  const uint64_t space_before = (space << 1) | (r > 0 && (kTables.classes[in[r - 1]] & kSpace));
  // A run of single letters starts at p: word[p], not word[p-1], separator[p+1], word[p+2],
  // not word[p+3], separator[p+3], word[p+4], not word[p+5] (three letters at least).
  const uint64_t single = word & ~word_before & ~(word >> 1);
  const uint64_t run = single & (separator >> 1) & (single >> 2) & (separator >> 3) & (single >> 4);
  // Two single letters may open a phrase written letter by letter ("n o  C E"): the per-byte
  // pass decides.
  const uint64_t pair = single & (separator >> 1) & (single >> 2);
  // A lone multi-byte letter before a separator ("σ ι β"), or a lone letter before one:
  // the per-byte pass decides.
  const uint64_t lead = c.lead & valid, continuation = c.continuation & valid;
  const uint64_t ends_2 = (continuation >> 1) & (separator >> 2);
  const uint64_t ends_3 = (continuation >> 1) & (continuation >> 2) & (separator >> 3);
  const uint64_t ends_4 =
      (continuation >> 1) & (continuation >> 2) & (continuation >> 3) & (separator >> 4);
  const uint64_t lone_multibyte = (lead & ~word_before & (ends_2 | ends_3 | ends_4)) |
                                  (single & (separator >> 1) & (lead >> 2));
  const uint64_t leet_symbol =
      (c.symbol & (word >> 1) & (word_before | c.dollar)) | ((c.at | c.dollar) & word_before);
  const uint64_t symbol_letter = c.symbol_lead & word_before;
  const uint64_t contextual =
      (run | pair | lone_multibyte | (space & space_before) | leet_symbol | symbol_letter) &
      ((uint64_t{1} << block) - 1);
  const size_t done = contextual ? static_cast<size_t>(__builtin_ctzll(contextual)) : block;

  StoreContextFree(in + r, dest);
  StoreContextFree(in + r + 16, dest + 16);
  if (leet) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(leet), _mm_setzero_si128());
    _mm_storeu_si128(reinterpret_cast<__m128i*>(leet + 16), _mm_setzero_si128());
  }
  for (uint64_t digits = c.digit & ((uint64_t{1} << done) - 1); digits; digits &= digits - 1) {
    const int k = __builtin_ctzll(digits);
    dest[k] = kTables.letter[in[r + k]];
    if (leet) leet[k] = (kTables.classes[in[r + k]] & kDigitLeet) ? 1 : 0;
  }
  return done;
}
#endif

bool IsAsciiLetter(unsigned char c) { return c >= 'a' && c <= 'z'; }  // the view is case-folded

// The symbol of kSymbolLetters that starts at in[at], if any.
const SymbolLetter* SymbolLetterAt(const unsigned char* in, size_t size, size_t at) {
  const std::string_view rest(reinterpret_cast<const char*>(in + at), size - at);
  for (const SymbolLetter& symbol : kSymbolLetters) {
    if (rest.starts_with(symbol.bytes)) return &symbol;
  }
  return nullptr;
}

// Whether the '@' at in[at] opens the domain of an e-mail address: labels of ASCII letters, digits
// and hyphens joined by dots, the last one two or more letters, then no more word ("x@o2.pl",
// "info@gmx.de."). Such an '@' is the address's, not an 'a': "kontakt@firma.ro" is no "kontakta".
bool OpensMailDomain(const unsigned char* in, size_t size, size_t at) {
  auto is_label_byte = [](unsigned char b) {
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-';
  };
  size_t i = at + 1, dots = 0, last_label = 0;
  bool last_all_letters = false;
  while (true) {
    const size_t label = i;
    bool letters = true;
    while (i < size && is_label_byte(in[i])) letters &= in[i++] >= 'a';
    if (i == label) return false;  // an empty label
    last_label = i - label;
    last_all_letters = letters;
    if (i + 1 < size && in[i] == '.' && is_label_byte(in[i + 1])) {
      ++dots;
      ++i;
      continue;
    }
    break;
  }
  const bool word_follows = i < size && (kTables.classes[in[i]] & kWord);
  return dots > 0 && last_all_letters && last_label >= 2 && !word_follows;
}

// One pass over the normalized view in[0, size) into `skeleton` (room for `size` bytes plus the
// slack): leetspeak undone, runs of three or more single letters joined ("s i b u" -> "sibu"),
// whitespace runs collapsed. Returns the skeleton's length. With kMaps, also fills
// out->skeleton_to_normalized and out->skeleton_evasions from out->normalized_evasions.
// Without maps, plain stretches go through SkeletonBlock 32 bytes at a time, and `leet` (when
// given) gets one byte per skeleton byte: 1 where it was a leet digit or symbol.
template <bool kMaps>
size_t Skeletonize(const unsigned char* in, size_t size, char* skeleton, char* leet,
                   FoldedText* out, bool join_spaced_letters, bool* joined) {
  if constexpr (kMaps) {
    out->skeleton_to_normalized.resize(size);
    out->skeleton_evasions.resize(size);
  }
  size_t w = 0;
  auto is_word = [&](size_t i) { return i < size && (kTables.classes[in[i]] & kWord); };
  auto put = [&](char c, size_t r, uint8_t evasions) {
    skeleton[w] = c;
    if constexpr (kMaps) {
      out->skeleton_to_normalized[w] = static_cast<uint32_t>(r);
      out->skeleton_evasions[w] = out->normalized_evasions[r] | evasions;
    } else if (leet) {
      leet[w] = (evasions & kEvasionLeet) ? 1 : 0;
    }
    ++w;
  };
  auto put_letter = [&](size_t r, uint8_t evasions) {
    const unsigned char c = in[r];
    put(kTables.letter[c], r, evasions | ((kTables.classes[c] & kDigitLeet) ? kEvasionLeet : 0));
  };
  // The end of the character at i: a UTF-8 lead byte takes its continuation bytes along.
  auto letter_end = [&](size_t i) {
    size_t end = i + 1;
    if (in[i] >= 0xC0) {
      while (end < size && end - i < 4 && (in[end] & 0xC0) == 0x80) ++end;
    }
    return end;
  };
  // Whether the character at i may be one of a run of spaced-out letters: ASCII letters and
  // digits, and of the others letters only ("👉 J a m m e r" is an emoji, then "jammer").
  auto spellable = [&](size_t i) {
    if (in[i] < 0x80) return true;
    utf8proc_int32_t code_point = 0;
    if (utf8proc_iterate(in + i, static_cast<utf8proc_ssize_t>(size - i), &code_point) <= 0) {
      return false;
    }
    const utf8proc_category_t category = utf8proc_category(code_point);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
  };
  auto put_character = [&](size_t i, uint8_t evasions) {
    put_letter(i, evasions);
    for (size_t k = i + 1; k < letter_end(i); ++k) put(static_cast<char>(in[k]), k, evasions);
  };
  for (size_t r = 0; r < size;) {
#if defined(__SSE2__)
    if constexpr (!kMaps) {
      if (join_spaced_letters) {
        const size_t good = SkeletonBlock(in, size, r, skeleton + w, leet ? leet + w : nullptr);
        r += good;
        w += good;
        if (r >= size) break;
        if (good == 32) continue;
      }
    }
#endif
    const unsigned char c = in[r];
    const uint8_t cls = kTables.classes[c];
    if ((c == 0xC2 || c == 0xE2) && r > 0 && IsAsciiLetter(in[r - 1])) {
      const SymbolLetter* symbol = SymbolLetterAt(in, size, r);
      const size_t after = symbol != nullptr ? r + symbol->bytes.size() : 0;
      // Between two letters; "€" also ending a word of letters ("Slim€", "ohn€"): a price has
      // digits before it.
      const bool inside = symbol != nullptr && after < size && IsAsciiLetter(in[after]);
      const bool ending = symbol != nullptr && symbol->letter == 'e' && r > 1 &&
                          IsAsciiLetter(in[r - 2]) &&
                          (after == size || !(kTables.classes[in[after]] & kWord));
      if (inside || ending) {
        put(kTables.letter[static_cast<unsigned char>(symbol->letter)], r, kEvasionLeet);
        r += symbol->bytes.size();
        continue;
      }
    }
    if (cls & kWord) {
      const bool word_start = r == 0 || !(kTables.classes[in[r - 1]] & kWord);
      const size_t first_end = letter_end(r);
      if (join_spaced_letters && word_start && first_end + 1 < size && spellable(r) &&
          (kTables.classes[in[first_end]] & kSeparator) && !is_word(first_end)) {
        // Runs of single letters (one character each, "σ ι" as well as "s i"), each letter one
        // separator from the next, the same separator throughout; a phrase is several runs with
        // wider or other gaps between them ("n o  C E", "o.h.n.e C.E") and joins into words.
        const unsigned char first_separator = in[first_end];
        auto single_at = [&](size_t i) {
          return is_word(i) && !is_word(letter_end(i)) && spellable(i);
        };
        auto run_from = [&](size_t first, size_t* letters) {
          size_t last = first;
          const size_t separator_at = letter_end(first);
          *letters = 1;
          for (size_t end = separator_at; end + 1 < size && in[end] == in[separator_at] &&
                                          single_at(end + 1);
               end = letter_end(last)) {
            last = end + 1;
            ++*letters;
          }
          return last;
        };
        constexpr int kMaxRuns = 8;
        size_t runs[kMaxRuns][2];
        size_t letters = 0, more = 0;
        runs[0][0] = r;
        runs[0][1] = run_from(r, &letters);
        // "z L.i.l.i.a.l", "a V-I-A-G-R-A": a one-letter word before a word spelt out with
        // another separator is a word of its own; joined with the first letter as a run of two,
        // it would break the spelt word in two ("zl ilial").
        size_t spelt = 0;
        if (const size_t after = letter_end(runs[0][1]);
            letters == 2 && after < size && in[after] != first_separator) {
          run_from(runs[0][1], &spelt);
        }
        int count = 1;
        while (spelt < 3 && count < kMaxRuns) {
          const size_t gap_begin = letter_end(runs[count - 1][1]);
          size_t next = gap_begin;
          while (next < size && !is_word(next) &&
                 (kTables.classes[in[next]] & (kSeparator | kSpace))) {
            ++next;
          }
          if (next == gap_begin || next >= size) break;
          const size_t next_end = letter_end(next);
          const bool wider = next - gap_begin >= 2 || in[gap_begin] != first_separator;
          if (!wider || next_end + 1 >= size || !(kTables.classes[in[next_end]] & kSeparator) ||
              is_word(next_end) || !spellable(next) || !single_at(next_end + 1) || letters < 2) {
            break;
          }
          runs[count][0] = next;
          runs[count][1] = run_from(next, &more);
          ++count;
        }
        // A phrase needs two letters in each of its runs: "z /.s" is no phrase.
        if (spelt < 3 && (letters >= 3 || (count >= 2 && letters >= 2))) {
          if (joined != nullptr) *joined = true;
          for (int k = 0; k < count; ++k) {
            if (k > 0) put(' ', letter_end(runs[k - 1][1]), 0);
            for (size_t q = runs[k][0];; q = letter_end(q) + 1) {
              put_character(q, q == runs[k][0] ? 0 : kEvasionSpacing);
              if (q == runs[k][1]) break;
            }
          }
          r = letter_end(runs[count - 1][1]);
          continue;
        }
      }
      put_letter(r, 0);
      ++r;
      // The common case: the rest of an ordinary word, copied as it is.
      while (r < size && (kTables.classes[in[r]] & kPlainLetter)) {
        put(kTables.letter[in[r]], r, 0);
        ++r;
      }
      continue;
    }
    if (cls & kSpace) {
      // Only whitespace writes ' ', so the last byte written is ' ' exactly when the last byte
      // read was whitespace; SkeletonBlock relies on that.
      if (w == 0 || skeleton[w - 1] != ' ') put(' ', r, 0);
      ++r;
      continue;
    }
    if (cls & kSymbolLeet) {
      const bool inside_word =
          is_word(r + 1) && ((r > 0 && is_word(r - 1)) || c == '$' || c == '|');
      // '@' ends a word as "a" ("V1@gr@"), '$' as "s" after two letters ("Xana$"; "5$" is a
      // price).
      const bool ending_word =
          (c == '@' && r > 0 && is_word(r - 1)) ||
          (c == '$' && r > 1 && IsAsciiLetter(in[r - 1]) && IsAsciiLetter(in[r - 2]) &&
           !is_word(r + 1));
      if ((inside_word || ending_word) && !(c == '@' && OpensMailDomain(in, size, r))) {
        put(kTables.letter[c], r, kEvasionLeet);
        ++r;
        continue;
      }
    }
    put(static_cast<char>(c), r, 0);
    ++r;
  }
  if constexpr (kMaps) {
    out->skeleton_to_normalized.resize(w);
    out->skeleton_evasions.resize(w);
  }
  return w;
}

// Folds `original` into the two buffers (appending); returns the lengths appended.
template <bool kMaps>
std::pair<size_t, size_t> Fold(std::string_view original, FoldBuffer* normalized,
                               FoldBuffer* skeleton, FoldBuffer* leet, FoldedText* maps,
                               bool join_spaced_letters, bool* joined = nullptr) {
  const size_t normalized_length = Normalize<kMaps>(original, normalized, maps);
  const auto* in =
      reinterpret_cast<const unsigned char*>(normalized->data() + normalized->size() - normalized_length);
  const size_t skeleton_length = Skeletonize<kMaps>(
      in, normalized_length, skeleton->Reserve(normalized_length),
      leet ? leet->Reserve(normalized_length) : nullptr, maps, join_spaced_letters, joined);
  skeleton->Commit(skeleton_length);
  if (leet) leet->Commit(skeleton_length);
  return {normalized_length, skeleton_length};
}

std::string Trimmed(std::string text) {
  size_t begin = 0, end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

}  // namespace

std::pair<uint32_t, uint32_t> FoldedText::OriginalSpanOfNormalized(uint32_t begin,
                                                                   uint32_t end) const {
  return {normalized_begin[begin], normalized_end[end - 1]};
}

std::pair<uint32_t, uint32_t> FoldedText::OriginalSpanOfSkeleton(uint32_t begin,
                                                                 uint32_t end) const {
  return OriginalSpanOfNormalized(skeleton_to_normalized[begin],
                                  skeleton_to_normalized[end - 1] + 1);
}

uint8_t FoldedText::SkeletonEvasions(uint32_t begin, uint32_t end) const {
  uint8_t bits = 0;
  for (uint32_t i = begin; i < end; ++i) bits |= skeleton_evasions[i];
  return bits;
}

void FoldText(std::string_view original, FoldedText* out) {
  out->normalized_buffer.clear();
  out->skeleton_buffer.clear();
  Fold<true>(original, &out->normalized_buffer, &out->skeleton_buffer, nullptr, out, true);
  out->normalized.assign(out->normalized_buffer.view());
  out->skeleton.assign(out->skeleton_buffer.view());
}

void FoldViews(std::string_view original, FoldedText* out) {
  out->normalized_buffer.clear();
  out->skeleton_buffer.clear();
  Fold<false>(original, &out->normalized_buffer, &out->skeleton_buffer, nullptr, nullptr, true);
  out->normalized.assign(out->normalized_buffer.view());
  out->skeleton.assign(out->skeleton_buffer.view());
}

void AppendFoldedViews(std::string_view original, FoldBuffer* normalized, FoldBuffer* skeleton,
                       FoldBuffer* skeleton_leet, bool* spaced_out) {
  Fold<false>(original, normalized, skeleton, skeleton_leet, nullptr, true, spaced_out);
}

std::string NormalizeKeyword(std::string_view keyword) {
  FoldedText folded;
  FoldViews(keyword, &folded);
  std::string collapsed;
  for (char c : folded.normalized) {
    if (IsSpace(c)) {
      if (!collapsed.empty() && collapsed.back() == ' ') continue;
      c = ' ';
    }
    collapsed.push_back(c);
  }
  return Trimmed(std::move(collapsed));
}

std::string SkeletonKeyword(std::string_view keyword) {
  FoldBuffer normalized, skeleton;
  Fold<false>(keyword, &normalized, &skeleton, nullptr, nullptr, /*join_spaced_letters=*/false);
  return Trimmed(std::string(skeleton.view()));
}

namespace {

bool IsWordCodePoint(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// The code point starting at `position`; a broken sequence counts as a letter, as before.
bool IsWordCodePointAt(std::string_view text, size_t position) {
  utf8proc_int32_t code_point = -1;
  const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) +
                                           position,
                                       static_cast<utf8proc_ssize_t>(text.size() - position),
                                       &code_point);
  return length <= 0 || code_point < 0 || IsWordCodePoint(code_point);
}

}  // namespace

bool IsWordAfter(std::string_view text, size_t position) {
  if (position >= text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[position]);
  if (byte < 0x80) return IsWordByte(byte);
  return IsWordCodePointAt(text, position);
}

bool IsWordBefore(std::string_view text, size_t position) {
  if (position == 0 || position > text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[position - 1]);
  if (byte < 0x80) return IsWordByte(byte);
  size_t lead = position - 1;
  auto continuation = [&](size_t i) {
    return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  while (lead > 0 && position - lead < 4 && continuation(lead)) {
    --lead;
  }
  return IsWordCodePointAt(text.substr(0, position), lead);
}

uint8_t WithoutSingleScriptHomoglyphs(std::string_view original, uint8_t evasions) {
  if (!(evasions & kEvasionHomoglyph)) return evasions;
  bool ascii_letter = false;
  bool other_letter = false;  // any multi-byte character, counted as a letter of the word
  for (const char byte : original) {
    const auto c = static_cast<unsigned char>(byte);
    if (c >= 0x80) {
      other_letter = true;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ascii_letter = true;
    } else if (c < '0' || c > '9') {  // a digit stays inside the word ("Χ4ΝΑΧ")
      if (ascii_letter && other_letter) return evasions;
      ascii_letter = other_letter = false;
    }
  }
  return ascii_letter && other_letter ? evasions : evasions & ~kEvasionHomoglyph;
}

std::string_view EvasionName(uint16_t bits) {
  if (bits & kEvasionTransliteration) return "transliteration";
  if (bits & kEvasionMisspelling) return "misspelling";
  if (bits & kEvasionSpacing) return "spacing";
  if (bits & kEvasionLeet) return "leet";
  if (bits & kEvasionHomoglyph) return "homoglyph";
  if (bits & kEvasionFullwidth) return "fullwidth";
  if (bits & kEvasionZeroWidth) return "zero_width";
  if (bits & kEvasionDiacritics) return "diacritics";
  return "";
}

}  // namespace listscan
