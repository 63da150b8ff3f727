// NegationCueTable: the pack's negation cues ("without", "sans", "bez", "-free", "nélkül"...) and
// the scope they give a hit. A hit is negated when a cue stands before it, or after it, with at
// most a short list between them: "without DMAA", "no sibutramine or DMAA", "sans X ni Y",
// "bez X i Y", "ohne X und Y", "X-free", "X és Y nélkül". The list is words joined by commas,
// slashes or join words ("and", "ni", "és"), each item a few words long; a sentence mark, a dash
// between spaces or a stop word ("with", "con", "mit": what follows is contained) ends it.
// A cue inside a longer hit of a flagging term ("no prescription", "ohne CE") or followed by one
// of `not_followed_by` ("free shipping") negates nothing: such phrases are what sellers offer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "listscan/rule.h"
#include "normalize/folded_text.h"

namespace listscan {

class NegationCueTable {
 public:
  explicit NegationCueTable(const std::vector<NegationCues>& cues);

  bool empty() const { return before_.empty() && after_.empty(); }

  struct Span {
    uint32_t begin;  // in the field's normalized text
    uint32_t end;
    bool positive;   // a hit of a term that flags (not only an exception): it can hold a cue
  };
  // Working space of Mark, one per thread.
  struct Scratch {
    std::vector<Span> words;
    std::vector<uint8_t> gaps;  // GapKind bits of the separator before each word
  };

  // negated[i] = 1 for each hits[i] in the scope of a cue of the field `folded` (with its offset
  // maps) was folded from, `original`; else 0.
  void Mark(const FoldedText& folded, std::string_view original, const std::vector<Span>& hits,
            Scratch* scratch, std::vector<uint8_t>* negated) const;

 private:
  struct Cue {
    std::vector<std::string> words;
    // Per word, a bit per byte: the cue writes that letter without a diacritic. A text letter with
    // one is then another word: Swedish "utan" (without) is not Hungarian "után" (after), nor
    // Romanian "fara" Italian "farà". A letter the text writes plain matches either way, as
    // sellers leave diacritics out.
    std::vector<uint64_t> plain;
    bool hyphen = false;  // after-cues written "-free": the gap before them has a hyphen
  };
  static Cue MakeCue(std::string_view written);
  bool Negated(const FoldedText& folded, std::string_view original, const Span& hit,
               const std::vector<Span>& hits, const Scratch& scratch) const;

  // Cues by their last word (before) or first word (after).
  absl::flat_hash_map<std::string, std::vector<Cue>> before_;
  absl::flat_hash_map<std::string, std::vector<Cue>> after_;
  absl::flat_hash_set<std::string> joins_;
  absl::flat_hash_set<std::string> stops_;
  absl::flat_hash_set<std::string> not_followed_by_;
};

}  // namespace listscan
