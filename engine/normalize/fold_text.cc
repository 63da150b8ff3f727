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

// One byte between single letters that sellers use to space a word out: "s.i.b.u".
bool IsLetterSeparator(char c) {
  return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '/' || c == ',' || c == '+';
}

bool IsWordAt(const std::string& text, size_t i) {
  return i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]));
}

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

// Leetspeak undone byte for byte (same length as `normalized`); digits always, symbols only
// inside a word so that "viagra!" keeps its punctuation.
char UndoLeet(const std::string& text, size_t i, bool* leet) {
  const char c = text[i];
  *leet = true;
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '8': return 'b';
    default: break;
  }
  const bool word_before = i > 0 && IsWordAt(text, i - 1);
  const bool word_after = IsWordAt(text, i + 1);
  if (word_after && (word_before || c == '$')) {
    switch (c) {
      case '@': return 'a';
      case '$': return 's';
      case '!':
      case '|': return 'i';
      default: break;
    }
  }
  *leet = false;
  return c == 'l' ? 'i' : c;  // "1" and "l" meet at 'i'
}

template <bool kMaps>
void Skeletonize(FoldedText* out, bool join_spaced_letters) {
  const std::string& normalized = out->normalized;
  std::string& mapped = out->leet_scratch;
  const size_t size = normalized.size();
  mapped.resize(size);
  if constexpr (kMaps) out->skeleton_evasions.resize(size);
  for (size_t i = 0; i < size; ++i) {
    bool leet = false;
    mapped[i] = UndoLeet(normalized, i, &leet);
    if constexpr (kMaps) {
      out->skeleton_evasions[i] = out->normalized_evasions[i] | (leet ? kEvasionLeet : 0);
    }
  }

  std::string& skeleton = out->skeleton;
  skeleton.resize(size);
  if constexpr (kMaps) out->skeleton_to_normalized.resize(size);
  size_t w = 0;
  auto emit = [&](size_t r, uint8_t extra) {
    skeleton[w] = mapped[r];
    if constexpr (kMaps) {
      out->skeleton_to_normalized[w] = static_cast<uint32_t>(r);
      // `skeleton_evasions` is written in place: w <= r, and r is read before w reaches it.
      out->skeleton_evasions[w] = out->skeleton_evasions[r] | extra;
    }
    ++w;
  };
  auto single_letter_at = [&](size_t q) {
    return IsWordAt(mapped, q) && (q == 0 || !IsWordAt(mapped, q - 1)) && !IsWordAt(mapped, q + 1);
  };
  for (size_t r = 0; r < size;) {
    const char c = mapped[r];
    if (IsSpace(c)) {
      if (w == 0 || skeleton[w - 1] != ' ') {
        mapped[r] = ' ';
        emit(r, 0);
      }
      ++r;
      continue;
    }
    if (join_spaced_letters && single_letter_at(r)) {
      size_t last = r;
      size_t letters = 1;
      while (last + 2 < size && IsLetterSeparator(mapped[last + 1]) && single_letter_at(last + 2)) {
        last += 2;
        ++letters;
      }
      if (letters >= 3) {
        emit(r, 0);
        for (size_t q = r + 2; q <= last; q += 2) emit(q, kEvasionSpacing);
        r = last + 1;
        continue;
      }
    }
    emit(r, 0);
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
