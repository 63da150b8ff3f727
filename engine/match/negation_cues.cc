// NegationCueTable: cue lookup and the list walk that gives a hit its negation.
#include "match/negation_cues.h"

#include <algorithm>

#include "absl/strings/string_view.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

enum GapKind : uint8_t {
  kBarrier = 1,  // a sentence or clause mark: no scope crosses it
  kJoin = 2,     // a comma, slash, ampersand or plus: the next list item
  kHyphen = 4,   // "X-free"
};

uint8_t GapKindOf(std::string_view gap) {
  uint8_t kind = 0;
  // A dash between spaces separates the parts of a title ("senza etichetta – con formaldeide");
  // a hyphen inside a word does not ("X-free").
  if (gap.find('-') != std::string_view::npos && gap.find(' ') != std::string_view::npos) {
    kind |= kBarrier;
  }
  for (const char c : gap) {
    switch (c) {
      case '.': case ';': case ':': case '!': case '?': case '(': case ')': case '[': case ']':
      case '{': case '}': case '|': case '\n': case '\r': case '"':
        kind |= kBarrier;
        break;
      case ',': case '/': case '&': case '+':
        kind |= kJoin;
        break;
      case '-':
        kind |= kHyphen;
        break;
      default:
        break;
    }
  }
  return kind;
}

// The words of a folded phrase, as the text's words are cut.
std::vector<std::string> WordsOf(std::string_view folded) {
  std::vector<std::string> words;
  for (size_t i = 0; i < folded.size();) {
    if (!IsWordByte(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    const size_t from = i;
    while (i < folded.size() && IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    words.emplace_back(folded.substr(from, i - from));
  }
  return words;
}

// Words at most this far from the hit, within its own list item, before (after) a cue.
constexpr int kOwnItemWordsBefore = 2;  // "without any added DMAA"
constexpr int kOwnItemWordsAfter = 1;   // "DMAA hydrochloride free"
constexpr int kOtherItemWords = 3;      // "no artificial colours or DMAA"

}  // namespace

NegationCueTable::Cue NegationCueTable::MakeCue(std::string_view written) {
  const std::string folded = NormalizeKeyword(written);
  Cue cue;
  cue.words = WordsOf(folded);
  cue.hyphen = !folded.empty() && folded.front() == '-';
  // Fold the cue a letter at a time to learn which folded bytes came from plain ASCII letters.
  std::string letters;
  std::vector<bool> from_ascii;
  for (size_t i = 0; i < written.size();) {
    size_t end = i + 1;
    while (end < written.size() && (static_cast<unsigned char>(written[end]) & 0xC0) == 0x80) ++end;
    FoldedText one;
    FoldViews(written.substr(i, end - i), &one);
    letters += one.normalized;
    from_ascii.insert(from_ascii.end(), one.normalized.size(),
                      static_cast<unsigned char>(written[i]) < 0x80);
    i = end;
  }
  // Letters folded one by one that do not cut into the same words leave the cue without marks.
  size_t word = 0;
  std::vector<uint64_t> plain;
  for (size_t i = 0; i < letters.size();) {
    if (!IsWordByte(static_cast<unsigned char>(letters[i]))) {
      ++i;
      continue;
    }
    const size_t from = i;
    uint64_t bits = 0;
    while (i < letters.size() && IsWordByte(static_cast<unsigned char>(letters[i]))) {
      if (from_ascii[i] && i - from < 64) bits |= uint64_t{1} << (i - from);
      ++i;
    }
    if (word >= cue.words.size() || letters.compare(from, i - from, cue.words[word]) != 0) {
      return cue;
    }
    plain.push_back(bits);
    ++word;
  }
  if (word == cue.words.size()) cue.plain = std::move(plain);
  return cue;
}

NegationCueTable::NegationCueTable(const std::vector<NegationCues>& cues) {
  for (const NegationCues& language : cues) {
    for (const std::string& text : language.before) {
      Cue cue = MakeCue(text);
      if (!cue.words.empty()) before_[cue.words.back()].push_back(std::move(cue));
    }
    for (const std::string& text : language.after) {
      Cue cue = MakeCue(text);
      if (!cue.words.empty()) after_[cue.words.front()].push_back(std::move(cue));
    }
    for (const std::string& text : language.joins) {
      for (std::string& word : WordsOf(NormalizeKeyword(text))) joins_.insert(std::move(word));
    }
    for (const std::string& text : language.stops) {
      for (std::string& word : WordsOf(NormalizeKeyword(text))) stops_.insert(std::move(word));
    }
    for (const std::string& text : language.not_followed_by) {
      for (std::string& word : WordsOf(NormalizeKeyword(text))) {
        not_followed_by_.insert(std::move(word));
      }
    }
  }
}

void NegationCueTable::Mark(const FoldedText& folded, std::string_view original,
                            const std::vector<Span>& hits, Scratch* scratch,
                            std::vector<uint8_t>* negated) const {
  const std::string_view normalized = folded.normalized;
  negated->assign(hits.size(), 0);
  if (empty() || hits.empty()) return;
  scratch->words.clear();
  scratch->gaps.clear();
  size_t gap_from = 0;
  for (size_t i = 0; i < normalized.size();) {
    if (!IsWordByte(static_cast<unsigned char>(normalized[i]))) {
      ++i;
      continue;
    }
    const size_t from = i;
    while (i < normalized.size() && IsWordByte(static_cast<unsigned char>(normalized[i]))) ++i;
    scratch->words.push_back({static_cast<uint32_t>(from), static_cast<uint32_t>(i), false});
    scratch->gaps.push_back(GapKindOf(normalized.substr(gap_from, from - gap_from)));
    gap_from = i;
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    (*negated)[h] = Negated(folded, original, hits[h], hits, *scratch) ? 1 : 0;
  }
}

bool NegationCueTable::Negated(const FoldedText& folded, std::string_view original,
                               const Span& hit, const std::vector<Span>& hits,
                               const Scratch& scratch) const {
  const std::string_view text = folded.normalized;
  const std::vector<Span>& words = scratch.words;
  const auto word = [&](size_t i) {
    return absl::string_view(text.data() + words[i].begin, words[i].end - words[i].begin);
  };
  // Text word i is the cue's word k, diacritics included (Cue::plain).
  const auto same_word = [&](size_t i, const Cue& cue, size_t k) {
    if (word(i) != cue.words[k]) return false;
    if (cue.plain.empty()) return true;
    for (uint32_t p = words[i].begin; p < words[i].end && p - words[i].begin < 64; ++p) {
      const bool accented = static_cast<unsigned char>(original[folded.normalized_begin[p]]) >= 0x80 &&
                            static_cast<unsigned char>(text[p]) < 0x80;
      if (accented && ((cue.plain[k] >> (p - words[i].begin)) & 1)) return false;
    }
    return true;
  };
  const auto count = static_cast<int>(words.size());
  // The hit's first and last words.
  const int first = static_cast<int>(
      std::partition_point(words.begin(), words.end(),
                           [&](const Span& w) { return w.end <= hit.begin; }) -
      words.begin());
  const int last = static_cast<int>(
      std::partition_point(words.begin(), words.end(),
                           [&](const Span& w) { return w.begin < hit.end; }) -
      words.begin()) - 1;
  if (first > last) return false;
  // A hit that holds a cue is a negated phrase of its own ("no warnings", "ohne CE"): what a
  // rule looks for, not a thing a cue before it can take back.
  for (int i = first; i <= last; ++i) {
    if (before_.contains(word(i)) || after_.contains(word(i))) return false;
  }
  // A cue is part of a flagging hit that reaches past it into the scope: the phrase is a signal.
  const auto in_longer_hit = [&](uint32_t cue_begin, uint32_t cue_end, bool scope_right) {
    return std::any_of(hits.begin(), hits.end(), [&](const Span& other) {
      return other.positive && other.begin < cue_end && other.end > cue_begin &&
             (scope_right ? other.end > cue_end : other.begin < cue_begin);
    });
  };
  const auto followed_by_exception = [&](int after_cue) {
    return after_cue < count && (scratch.gaps[after_cue] & kBarrier) == 0 &&
           not_followed_by_.contains(word(after_cue));
  };

  // The words of the hit's own item after the hit: an item of a list is a few words, a longer
  // one is a clause of its own ("bez štítků, oči jsou malé korálky": the eyes are beads).
  int after_in_item = 0;
  for (int i = last + 1; i < count && after_in_item <= kOtherItemWords; ++i) {
    if (scratch.gaps[i] & (kBarrier | kJoin)) break;
    if (joins_.contains(word(i)) || stops_.contains(word(i))) break;
    ++after_in_item;
  }

  // To the left: the hit's own item, then earlier items, up to a cue.
  bool crossed = false;
  int item = 0;
  for (int i = first - 1; i >= 0; --i) {
    const uint8_t gap = scratch.gaps[i + 1];
    if (gap & kBarrier) break;
    if (gap & kJoin) {
      // Reached across a comma or slash, the hit's item must be a list item's length.
      if (!crossed && item + 1 + after_in_item > kOtherItemWords) break;
      crossed = true, item = 0;
    }
    if (const auto it = before_.find(word(i)); it != before_.end()) {
      for (const Cue& cue : it->second) {
        const int n = static_cast<int>(cue.words.size());
        if (i - n + 1 < 0) continue;
        bool same = true;
        for (int k = 0; k < n && same; ++k) {
          same = same_word(i - n + 1 + k, cue, k) &&
                 (k == 0 || (scratch.gaps[i - n + 1 + k] & kBarrier) == 0);
        }
        if (!same) continue;
        if (in_longer_hit(words[i - n + 1].begin, words[i].end, true) ||
            followed_by_exception(i + 1)) {
          return false;
        }
        return true;
      }
    }
    if (stops_.contains(word(i))) break;  // checked after the cues: "nao contem" is one
    if (joins_.contains(word(i))) {
      crossed = true, item = 0;
      continue;
    }
    if (++item > (crossed ? kOtherItemWords : kOwnItemWordsBefore)) break;
  }

  // To the right: the rest of the hit's item, then later items, up to an after-cue.
  crossed = false;
  item = 0;
  for (int i = last + 1; i < count; ++i) {
    const uint8_t gap = scratch.gaps[i];
    if (gap & kBarrier) break;
    if (gap & kJoin) crossed = true, item = 0;
    if (const auto it = after_.find(word(i)); it != after_.end()) {
      for (const Cue& cue : it->second) {
        const int n = static_cast<int>(cue.words.size());
        // "-free" glued to a word frees that word's item only: "with DMAA, sugar-free".
        if (i + n > count || (cue.hyphen && (!(gap & kHyphen) || crossed))) continue;
        bool same = true;
        for (int k = 0; k < n && same; ++k) {
          same = same_word(i + k, cue, k) && (k == 0 || (scratch.gaps[i + k] & kBarrier) == 0);
        }
        if (!same) continue;
        return !in_longer_hit(words[i].begin, words[i + n - 1].end, false) &&
               !followed_by_exception(i + n);
      }
    }
    if (stops_.contains(word(i))) break;
    if (joins_.contains(word(i))) {
      crossed = true, item = 0;
      continue;
    }
    if (++item > (crossed ? kOtherItemWords : kOwnItemWordsAfter)) break;
  }
  return false;
}

}  // namespace listscan
