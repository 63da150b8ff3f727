// The distinct patterns of a rule set and, for each, the rule terms it stands for. Many rules share
// keywords; each distinct folded keyword or regex becomes one Hyperscan pattern.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "listscan/rule.h"
#include "match/flat_tables.h"

namespace listscan {

enum class Clause : uint8_t { kAny, kAll, kNone, kNearA, kNearB, kException };

// One place a pattern is used: rule `rule`, clause `clause`, term `term` (the near clause's index
// for kNearA/kNearB).
struct TermRef {
  uint32_t rule = 0;
  uint16_t term = 0;
  Clause clause = Clause::kAny;
  uint8_t unused = 0;  // no padding: the pack cache writes refs as their bytes
};

struct Pattern {
  bool is_regex = false;
  bool fuzzy = false;              // a keyword's misspellings (FuzzyIndex), not its exact form
  uint8_t fuzzy_min_letters = 0;   // fuzzy: one edit only for keywords of this many letters
  std::string expression;          // skeleton-folded keyword, or the regex as written
  std::string normalized_keyword;  // keywords: the keyword's normalized fold, for evasion naming
  bool word_boundaries = true;     // keywords: check boundaries where the keyword's edge is a word
  bool left_is_word = false;       // keywords: first/last byte of `expression` is a word byte
  bool right_is_word = false;
  uint16_t allowed_evasions = 0xffff;  // keywords shorter than 4 letters accept no leet
  uint8_t keyword_evasions = 0;    // folds the keyword itself needs ("sildénafil"): not evasions
  // keywords: bit i set when word i of `normalized_keyword` (words split by spaces) is written in
  // Greek letters, which the normalized view writes partly as Latin look-alikes (GreeklishIndex).
  uint32_t greek_words = 0;
  // keywords: a phrase's letters run together ("gpszavaro"), a hit only where the text spelt them
  // out one by one ("G P S z a v a r ó"): spaced-out letters are joined into one run, and where
  // the words ended is lost.
  bool spaced_only = false;
  bool positive = false;  // some rule uses it in `any`, `all` or `near` (not only as an exception)
  // The three lists below are runs the table owns (three allocations for the table, not three
  // per pattern: reading a cached pack back is that much less work).
  std::span<const TermRef> refs;
  // Rules for which a hit of this pattern is necessary to flag anything (the rule's `any` terms,
  // or its most specific `all`/`near` term): only these rules are evaluated for a listing.
  std::span<const uint32_t> trigger_rules;
  // The requirements (see PatternTable::requirement_rule) a hit of this pattern meets.
  std::span<const uint32_t> requirements;
};

class PatternTable {
 public:
  explicit PatternTable(const RuleSet& rules);
  // The patterns point into the table's pools.
  PatternTable(const PatternTable&) = delete;
  PatternTable& operator=(const PatternTable&) = delete;

  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Indices into patterns(); Hyperscan ids of the three databases index these lists.
  const std::vector<uint32_t>& literal_ids() const { return literal_ids_; }
  // Every regex, scanned with start-of-match over the listings that may be flagged.
  const std::vector<uint32_t>& regex_ids() const { return regex_ids_; }
  // The regexes of `any`, `all` and `near` terms, scanned without start-of-match over every
  // listing: the ones whose presence decides whether a listing may be flagged.
  const std::vector<uint32_t>& required_regex_ids() const { return required_regex_ids_; }
  // Keywords matched approximately (FuzzyIndex), outside Hyperscan.
  const std::vector<uint32_t>& fuzzy_ids() const { return fuzzy_ids_; }

  // A requirement is one thing every flagging of a rule needs: a hit of one of its `any` terms,
  // of one `all` term, or of one side of one `near`. A listing may be flagged only if, for some
  // rule, every one of that rule's requirements has a pattern hit in it.
  const std::vector<uint32_t>& requirement_rule() const { return requirement_rule_; }
  // Per rule: how many requirements it has (at least one).
  const std::vector<uint32_t>& rule_requirement_count() const { return rule_requirement_count_; }

  // A stable digest of every pattern and flag that goes into the databases: the cache key.
  std::string Fingerprint() const;

 private:
  friend struct PackCodec;  // SerializePack / DeserializePack
  PatternTable() = default;
  // Points each pattern's lists into refs_, trigger_rules_ and requirements_ (run p is pattern
  // p's); false when they do not have a run per pattern.
  bool LinkRuns();
  std::vector<Pattern> patterns_;
  ValueRuns<TermRef> refs_;
  ValueRuns<uint32_t> trigger_rules_;
  ValueRuns<uint32_t> requirements_;
  std::vector<uint32_t> literal_ids_;
  std::vector<uint32_t> regex_ids_;
  std::vector<uint32_t> required_regex_ids_;
  std::vector<uint32_t> fuzzy_ids_;
  std::vector<uint32_t> requirement_rule_;
  std::vector<uint32_t> rule_requirement_count_;
};

}  // namespace listscan
