// The distinct patterns of a rule set and, for each, the rule terms it stands for. Many rules share
// keywords; each distinct folded keyword or regex becomes one Hyperscan pattern.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "listscan/rule.h"

namespace listscan {

enum class Clause : uint8_t { kAny, kAll, kNone, kNearA, kNearB, kException };

// One place a pattern is used: rule `rule`, clause `clause`, term `term` (the near clause's index
// for kNearA/kNearB).
struct TermRef {
  uint32_t rule = 0;
  uint16_t term = 0;
  Clause clause = Clause::kAny;
};

struct Pattern {
  bool is_regex = false;
  std::string expression;          // skeleton-folded keyword, or the regex as written
  std::string normalized_keyword;  // keywords: the keyword's normalized fold, for evasion naming
  bool word_boundaries = true;     // keywords: check boundaries where the keyword's edge is a word
  bool left_is_word = false;       // keywords: first/last byte of `expression` is a word byte
  bool right_is_word = false;
  uint8_t allowed_evasions = 0xff; // keywords shorter than 4 letters accept no leet/spacing
  uint8_t keyword_evasions = 0;    // folds the keyword itself needs ("sildénafil"): not evasions
  std::vector<TermRef> refs;
  // Rules for which a hit of this pattern is necessary to flag anything (the rule's `any` terms,
  // or its most specific `all`/`near` term): only these rules are evaluated for a listing.
  std::vector<uint32_t> trigger_rules;
};

class PatternTable {
 public:
  explicit PatternTable(const RuleSet& rules);

  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Indices into patterns(); Hyperscan ids of the three databases index these lists.
  const std::vector<uint32_t>& literal_ids() const { return literal_ids_; }
  // Regexes that trigger a rule: scanned over every listing.
  const std::vector<uint32_t>& regex_ids() const { return regex_ids_; }
  // Regexes that trigger no rule (exceptions, `none`, the other side of a `near`...): they only
  // matter in a listing where some trigger already matched, so only such listings are scanned.
  const std::vector<uint32_t>& deferred_regex_ids() const { return deferred_regex_ids_; }

  // A stable digest of every pattern and flag that goes into the databases: the cache key.
  std::string Fingerprint() const;

 private:
  std::vector<Pattern> patterns_;
  std::vector<uint32_t> literal_ids_;
  std::vector<uint32_t> regex_ids_;
  std::vector<uint32_t> deferred_regex_ids_;
};

}  // namespace listscan
