#include "match/leet_read_view.h"

#include <algorithm>

namespace listscan {
namespace {

// Letters of the folded views: ASCII ones are lower case there.
bool IsLetterByte(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

// Calls visit(begin, end) for each run of bytes [begin, end) of `text` whose `marks` are set and
// that has an unmarked letter on both sides, until visit returns true; returns whether it did.
template <typename Mark, typename Visit>
bool ForEachRunBetweenLetters(std::string_view text, const Mark* marks, Visit visit) {
  const auto letter_at = [&](size_t at) {
    return !marks[at] && IsLetterByte(static_cast<unsigned char>(text[at]));
  };
  for (size_t begin = 0; begin < text.size();) {
    if (!marks[begin]) {
      ++begin;
      continue;
    }
    size_t end = begin;
    while (end < text.size() && marks[end]) ++end;
    if (begin > 0 && end < text.size() && letter_at(begin - 1) && letter_at(end) &&
        visit(begin, end)) {
      return true;
    }
    begin = end;
  }
  return false;
}

}  // namespace

bool HasLeetInsideWord(std::string_view skeleton, const char* leet) {
  return ForEachRunBetweenLetters(skeleton, leet, [](size_t, size_t) { return true; });
}

void LeetReadNormalized(const FoldedText& folded, std::string* out, std::vector<uint8_t>* read) {
  out->assign(folded.normalized);
  read->assign(out->size(), kLeetKept);
  for (size_t k = 0; k < folded.skeleton.size(); ++k) {
    if (!(folded.skeleton_evasions[k] & kEvasionLeet)) continue;
    const uint32_t at = folded.skeleton_to_normalized[k];
    if (static_cast<unsigned char>((*out)[at]) >= 0x80) continue;  // "€": several bytes
    (*out)[at] = folded.skeleton[k];
    (*read)[at] = kLeetRead;
  }
  // Runs read between two letters of the text are the disguise itself.
  ForEachRunBetweenLetters(folded.normalized, read->data(), [&](size_t begin, size_t end) {
    std::fill(read->begin() + begin, read->begin() + end, kLeetInsideWord);
    return false;
  });
  // A run that starts a word is read only when the word has such a disguise too ("53m@glu7"):
  // "1mg" and "2,5 mg" are doses, whatever a word in leet elsewhere makes of the field ("T4v0r").
  const auto in_word = [&](size_t at) {
    return (*read)[at] != kLeetKept || IsLetterByte(static_cast<unsigned char>((*out)[at]));
  };
  for (size_t begin = 0; begin < out->size();) {
    if ((*read)[begin] != kLeetRead || (begin > 0 && in_word(begin - 1))) {
      ++begin;
      continue;
    }
    size_t end = begin;
    bool disguised = false;
    for (; end < out->size() && in_word(end); ++end) disguised |= (*read)[end] == kLeetInsideWord;
    if (!disguised) {
      for (size_t at = begin; at < end; ++at) {
        if ((*read)[at] == kLeetKept) continue;
        (*out)[at] = folded.normalized[at];
        (*read)[at] = kLeetKept;
      }
    }
    begin = end;
  }
}

}  // namespace listscan
