// Builds the distinct-pattern table from a rule set.
#include "match/pattern_table.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

constexpr size_t kMinLettersForFuzzyFolds = 4;

size_t CountLetters(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c & 0x80); });
}

class TableBuilder {
 public:
  TableBuilder(std::vector<Pattern>* patterns) : patterns_(patterns) {}

  void AddTerm(const Term& term, const Rule& rule, TermRef ref) {
    if (term.is_regex()) {
      Add(/*is_regex=*/true, term.regex, "", 0, true, ref);
      return;
    }
    for (const std::string& keyword : term.keywords) {
      FoldText(keyword, &folded_);
      uint8_t keyword_evasions = 0;
      for (uint8_t bits : folded_.normalized_evasions) keyword_evasions |= bits;
      Add(/*is_regex=*/false, SkeletonKeyword(keyword), NormalizeKeyword(keyword),
          keyword_evasions, rule.word_boundaries, ref);
    }
  }

 private:
  void Add(bool is_regex, std::string expression, std::string normalized,
           uint8_t keyword_evasions, bool word_boundaries, TermRef ref) {
    const std::string key = absl::StrCat(is_regex ? "r" : "k", word_boundaries ? "b" : "s", ":",
                                         expression);
    auto [it, inserted] = index_.emplace(key, patterns_->size());
    if (inserted) {
      Pattern pattern;
      pattern.is_regex = is_regex;
      pattern.word_boundaries = word_boundaries;
      if (!is_regex) {
        pattern.left_is_word = IsWordByte(expression.front());
        pattern.right_is_word = IsWordByte(expression.back());
        if (CountLetters(normalized) < kMinLettersForFuzzyFolds) {
          pattern.allowed_evasions = static_cast<uint8_t>(~(kEvasionLeet | kEvasionSpacing));
        }
        pattern.normalized_keyword = std::move(normalized);
        pattern.keyword_evasions = keyword_evasions;
      }
      pattern.expression = std::move(expression);
      patterns_->push_back(std::move(pattern));
    }
    std::vector<TermRef>& refs = (*patterns_)[it->second].refs;
    // A rule may list the same keyword twice (or two that fold alike) in one term.
    const bool duplicate = std::any_of(refs.begin(), refs.end(), [&](const TermRef& r) {
      return r.rule == ref.rule && r.clause == ref.clause && r.term == ref.term;
    });
    if (!duplicate) refs.push_back(ref);
  }

  std::vector<Pattern>* patterns_;
  absl::flat_hash_map<std::string, size_t> index_;
  FoldedText folded_;
};

}  // namespace

PatternTable::PatternTable(const RuleSet& rules) {
  TableBuilder builder(&patterns_);
  for (uint32_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    auto add_list = [&](const std::vector<Term>& terms, Clause clause) {
      for (size_t t = 0; t < terms.size(); ++t) {
        builder.AddTerm(terms[t], rule, {r, static_cast<uint16_t>(t), clause});
      }
    };
    add_list(rule.any, Clause::kAny);
    add_list(rule.all, Clause::kAll);
    add_list(rule.none, Clause::kNone);
    add_list(rule.exceptions, Clause::kException);
    for (size_t n = 0; n < rule.near.size(); ++n) {
      builder.AddTerm(rule.near[n].a, rule, {r, static_cast<uint16_t>(n), Clause::kNearA});
      builder.AddTerm(rule.near[n].b, rule, {r, static_cast<uint16_t>(n), Clause::kNearB});
    }
  }
  for (uint32_t p = 0; p < patterns_.size(); ++p) {
    (patterns_[p].is_regex ? regex_ids_ : literal_ids_).push_back(p);
  }
}

std::string PatternTable::Fingerprint() const {
  std::string digest;
  for (const Pattern& pattern : patterns_) {
    absl::StrAppend(&digest, pattern.is_regex ? "r" : "k", pattern.expression.size(), ":",
                    pattern.expression, "\n");
  }
  return digest;
}

}  // namespace listscan
