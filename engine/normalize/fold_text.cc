// FoldText: the normalized view (table-driven, one pass) and the skeleton view (leetspeak undone,
// spaced-out letters joined, whitespace collapsed), with maps back to the original bytes.
#include <array>
#include <cstring>

#include <utf8proc.h>

#include "normalize/code_point_fold.h"
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

template <bool kMaps>
void Normalize(std::string_view original, FoldedText* out) {
  std::string& text = out->normalized;
  size_t capacity = original.size() + 64;
  auto grow = [&](size_t needed) {
    while (capacity < needed) capacity *= 2;
    text.resize(capacity);
    if constexpr (kMaps) {
      out->normalized_begin.resize(capacity);
      out->normalized_end.resize(capacity);
      out->normalized_evasions.resize(capacity);
    }
  };
  grow(capacity);
  const auto* bytes = reinterpret_cast<const unsigned char*>(original.data());
  const size_t size = original.size();
  size_t n = 0;
  uint8_t pending = 0;  // evasions of dropped characters, reported on the next byte
  for (size_t i = 0; i < size;) {
    if constexpr (!kMaps) {
      // Eight ASCII bytes at a time when the maps are not wanted: lower-case them and go on.
      while (i + 8 <= size) {
        uint64_t block;
        std::memcpy(&block, bytes + i, 8);
        if (block & 0x8080808080808080ull) break;
        if (n + 8 > capacity) grow(n + 8);
        for (int k = 0; k < 8; ++k) text[n + k] = kAsciiLower[bytes[i + k]];
        n += 8;
        i += 8;
        pending = 0;
      }
      if (i >= size) break;
    }
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      if (n + 1 > capacity) grow(n + 1);
      text[n] = kAsciiLower[c];
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
    utf8proc_ssize_t length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(size - i),
                                               &code_point);
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
    if (n + fold.length > capacity) grow(n + fold.length);
    std::memcpy(&text[n], fold.bytes, fold.length);
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
  text.resize(n);
  if constexpr (kMaps) {
    out->normalized_begin.resize(n);
    out->normalized_end.resize(n);
    out->normalized_evasions.resize(n);
  }
}

// Byte classes for the skeleton pass, and what each byte becomes there.
enum ByteClass : uint8_t {
  kWord = 1,        // letter, digit or part of a multi-byte character
  kSpace = 2,       // collapses with its neighbours into one space
  kSeparator = 4,   // may stand between the letters of a spaced-out word
  kDigitLeet = 8,   // a digit read as a letter
  kSymbolLeet = 16, // read as a letter only inside a word ("v!agra", "$ibutramine")
  kPlainLetter = 32,  // a word byte that is no evasion: copied (through `letter`) as it is
};

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
                                          {'5', 's'}, {'7', 't'}, {'8', 'b'}};
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
    if ((t.classes[c] & kWord) && !(t.classes[c] & kDigitLeet)) {
      t.classes[c] |= kPlainLetter;
    }
  }
  return t;
}();

// One pass over the normalized view: leetspeak undone, runs of three or more single letters
// joined ("s i b u" -> "sibu"), whitespace runs collapsed. Table-driven: most bytes are letters
// and take the first two branches only.
template <bool kMaps>
void Skeletonize(FoldedText* out, bool join_spaced_letters) {
  const auto* in = reinterpret_cast<const unsigned char*>(out->normalized.data());
  const size_t size = out->normalized.size();
  std::string& skeleton = out->skeleton;
  skeleton.resize(size);
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
    }
    ++w;
  };
  auto put_letter = [&](size_t r, uint8_t evasions) {
    const unsigned char c = in[r];
    put(kTables.letter[c], r, evasions | ((kTables.classes[c] & kDigitLeet) ? kEvasionLeet : 0));
  };
  for (size_t r = 0; r < size;) {
    const unsigned char c = in[r];
    const uint8_t cls = kTables.classes[c];
    if (cls & kWord) {
      const bool word_start = r == 0 || !(kTables.classes[in[r - 1]] & kWord);
      if (join_spaced_letters && word_start && r + 2 < size &&
          (kTables.classes[in[r + 1]] & kSeparator) && !is_word(r + 1)) {
        size_t last = r;
        size_t letters = 1;
        while (last + 2 < size && (kTables.classes[in[last + 1]] & kSeparator) &&
               is_word(last + 2) && !is_word(last + 3)) {
          last += 2;
          ++letters;
        }
        if (letters >= 3) {
          put_letter(r, 0);
          for (size_t q = r + 2; q <= last; q += 2) put_letter(q, kEvasionSpacing);
          r = last + 1;
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
      if (w == 0 || skeleton[w - 1] != ' ') put(' ', r, 0);
      ++r;
      continue;
    }
    if ((cls & kSymbolLeet) && is_word(r + 1) && ((r > 0 && is_word(r - 1)) || c == '$')) {
      put(kTables.letter[c], r, kEvasionLeet);
      ++r;
      continue;
    }
    put(static_cast<char>(c), r, 0);
    ++r;
  }
  skeleton.resize(w);
  if constexpr (kMaps) {
    out->skeleton_to_normalized.resize(w);
    out->skeleton_evasions.resize(w);
  }
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
  Normalize<true>(original, out);
  Skeletonize<true>(out, /*join_spaced_letters=*/true);
}

void FoldViews(std::string_view original, FoldedText* out) {
  Normalize<false>(original, out);
  Skeletonize<false>(out, /*join_spaced_letters=*/true);
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
  FoldedText folded;
  Normalize<false>(keyword, &folded);
  Skeletonize<false>(&folded, /*join_spaced_letters=*/false);
  return Trimmed(std::move(folded.skeleton));
}

std::string_view EvasionName(uint8_t bits) {
  if (bits & kEvasionSpacing) return "spacing";
  if (bits & kEvasionLeet) return "leet";
  if (bits & kEvasionHomoglyph) return "homoglyph";
  if (bits & kEvasionFullwidth) return "fullwidth";
  if (bits & kEvasionZeroWidth) return "zero_width";
  if (bits & kEvasionDiacritics) return "diacritics";
  return "";
}

}  // namespace listscan
