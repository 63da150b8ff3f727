// Rule logic over the pattern hits of one listing: any / all / none / near, exceptions that clear
// hits, `where` metadata filters, field restrictions and accepted evasions.
#pragma once

#include <cstdint>
#include <vector>

#include "listscan/hit.h"
#include "listscan/listing.h"
#include "listscan/rule.h"
#include "match/pattern_table.h"

namespace listscan {

// A pattern's match in one field, already mapped to original byte offsets.
struct PatternHit {
  uint32_t pattern = 0;
  uint32_t field = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  uint16_t evasions = 0;
  bool negated = false;  // in the scope of a negation cue ("without X", "X-free")
};

class RuleEvaluator {
 public:
  RuleEvaluator(const RuleSet& rules, const PatternTable& patterns)
      : rules_(rules), patterns_(patterns) {}

  // Appends to `out` the hits of every rule that `pattern_hits` make flag `listing`, then orders
  // `out` by field, start, end and rule id. Reuses internal buffers between calls.
  void Evaluate(const Listing& listing, const std::vector<PatternHit>& pattern_hits,
                std::vector<Hit>* out);

 private:
  struct Use {  // one pattern hit seen as one term of one rule
    uint32_t rule;
    uint16_t term;
    Clause clause;
    uint32_t hit;
  };
  void EvaluateRule(const Listing& listing, const std::vector<PatternHit>& pattern_hits,
                    const Use* begin, const Use* end, std::vector<Hit>* out);

  const RuleSet& rules_;
  const PatternTable& patterns_;
  std::vector<Use> uses_;
  std::vector<const Use*> positives_;
  std::vector<const Use*> exceptions_;
  std::vector<uint8_t> term_seen_;
  std::vector<uint32_t> candidate_stamp_;  // per rule: the evaluation that made it a candidate
  uint32_t evaluation_ = 0;
};

// Number of words (runs of letters/digits/non-ASCII) lying entirely between two spans of `text`.
int WordsBetween(std::string_view text, uint32_t first_end, uint32_t second_start);

// True when `listing` passes every `where` filter of `rule`.
bool PassesWhere(const Rule& rule, const Listing& listing);

}  // namespace listscan
