#include "match/leet_read_view.h"

#include <algorithm>
#include <cstring>

namespace listscan {
namespace {

// Letters of the folded views: ASCII ones are lower case there.
bool IsLetterByte(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

}  // namespace

bool HasLeetInsideWord(std::string_view skeleton, const char* leet) {
  const size_t size = skeleton.size();
  size_t i = 0;
  while (i < size) {
    const void* found = std::memchr(leet + i, 1, size - i);
    if (found == nullptr) return false;
    const size_t begin = static_cast<const char*>(found) - leet;
    size_t end = begin;
    while (end < size && leet[end]) ++end;
    const auto letter_at = [&](size_t at) {
      return !leet[at] && IsLetterByte(static_cast<unsigned char>(skeleton[at]));
    };
    if (begin > 0 && end < size && letter_at(begin - 1) && letter_at(end)) return true;
    i = end;
  }
  return false;
}

void LeetReadNormalized(const FoldedText& folded, std::string* out, std::vector<uint8_t>* read) {
  out->assign(folded.normalized);
  read->assign(out->size(), 0);
  for (size_t k = 0; k < folded.skeleton.size(); ++k) {
    if (!(folded.skeleton_evasions[k] & kEvasionLeet)) continue;
    const uint32_t at = folded.skeleton_to_normalized[k];
    if (static_cast<unsigned char>((*out)[at]) >= 0x80) continue;  // "€": several bytes
    (*out)[at] = folded.skeleton[k];
    (*read)[at] = kLeetRead;
  }
  // Runs read between two letters of the text are the disguise itself.
  const auto letter_at = [&](size_t at) {
    return !(*read)[at] && IsLetterByte(static_cast<unsigned char>(folded.normalized[at]));
  };
  for (size_t begin = 0; begin < read->size();) {
    if (!(*read)[begin]) {
      ++begin;
      continue;
    }
    size_t end = begin;
    while (end < read->size() && (*read)[end]) ++end;
    if (begin > 0 && end < read->size() && letter_at(begin - 1) && letter_at(end)) {
      std::fill(read->begin() + begin, read->begin() + end, kLeetInsideWord);
    }
    begin = end;
  }
}

}  // namespace listscan
