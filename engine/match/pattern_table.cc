// Builds the distinct-pattern table from a rule set.
#include "match/pattern_table.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

// Shorter keywords accept no leet: "D4P" or "C3" are model numbers far more often than evasions.
// Spaced out they still count ("D N P", "n o  C E"): letters written one by one are deliberate.
constexpr size_t kMinLettersForLeet = 4;

size_t CountLetters(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c & 0x80); });
}

// The number of letters of a folded keyword that is one word of letters only (no space, digit or
// punctuation), counting a multi-byte letter once; 0 for anything else.
size_t SingleWordLetters(std::string_view folded) {
  size_t letters = 0;
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && !(byte >= 'a' && byte <= 'z')) return 0;
    if ((byte & 0xC0) != 0x80) ++letters;
  }
  return letters;
}

// Whether a keyword's skeleton can match misspelt: one word of five letters or more, or a phrase of
// words of letters (one space apart) with such a word in it ("senza certificazione").
bool FuzzyEligible(std::string_view folded) {
  if (SingleWordLetters(folded) >= static_cast<size_t>(FuzzyOptions::kSoundAlikeLetters)) {
    return true;
  }
  bool long_word = false;
  size_t from = 0;
  while (from <= folded.size()) {
    size_t to = folded.find(' ', from);
    if (to == std::string_view::npos) to = folded.size();
    const size_t letters = SingleWordLetters(folded.substr(from, to - from));
    if (letters == 0) return false;  // an empty word, or one with digits or marks
    long_word |= letters >= static_cast<size_t>(FuzzyOptions::kSoundAlikeLetters);
    from = to + 1;
  }
  return long_word;
}

bool IsPositive(Clause clause) {
  return clause == Clause::kAny || clause == Clause::kAll || clause == Clause::kNearA ||
         clause == Clause::kNearB;
}

// Bit i set when word i of a keyword's normalized fold (words split by spaces, the first 32) was
// written in Greek letters: those left Greek, or folded to their Latin look-alikes.
uint32_t GreekWords(const FoldedText& folded) {
  uint32_t words = 0;
  int word = -1;
  bool space_before = true;
  for (size_t i = 0; i < folded.normalized.size(); ++i) {
    const char c = folded.normalized[i];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && space_before) ++word;
    space_before = space;
    if (!space && word < 32 &&
        (static_cast<unsigned char>(c) >= 0x80 ||
         (folded.normalized_evasions[i] & kEvasionHomoglyph))) {
      words |= uint32_t{1} << word;
    }
  }
  return words;
}

class TableBuilder {
 public:
  TableBuilder(std::vector<Pattern>* patterns, std::vector<std::vector<TermRef>>* refs)
      : patterns_(patterns), refs_(refs) {}

  void AddTerm(const Term& term, const Rule& rule, TermRef ref) {
    if (term.is_regex()) {
      Add(Kind::kRegex, term.regex, "", 0, true, ref);
      return;
    }
    for (const std::string& keyword : term.keywords) {
      FoldText(keyword, &folded_);
      uint8_t keyword_evasions = 0;
      for (uint8_t bits : folded_.normalized_evasions) keyword_evasions |= bits;
      const uint32_t greek_words = GreekWords(folded_);
      std::string skeleton = SkeletonKeyword(keyword);
      if (rule.fuzzy.enabled && rule.word_boundaries && IsPositive(ref.clause) &&
          FuzzyEligible(skeleton)) {
        Add(Kind::kFuzzy, skeleton, NormalizeKeyword(keyword), keyword_evasions, true, ref,
            static_cast<uint8_t>(std::min(rule.fuzzy.min_letters, 255)));
      }
      if (IsPositive(ref.clause) && rule.word_boundaries) {
        AddSpacedPhrase(skeleton, keyword, keyword_evasions, ref);
      }
      Add(Kind::kKeyword, std::move(skeleton), NormalizeKeyword(keyword), keyword_evasions,
          rule.word_boundaries, ref, 0, greek_words);
    }
  }

 private:
  enum class Kind { kKeyword, kFuzzy, kRegex, kSpacedPhrase };

  // A phrase of at least kMinSpacedPhraseLetters letters, its words' letters run together. Shorter
  // runs are too often words ("n o c e" is "noce", walnut, not "no CE").
  void AddSpacedPhrase(const std::string& skeleton, const std::string& keyword,
                       uint8_t keyword_evasions, TermRef ref) {
    if (skeleton.find(' ') == std::string::npos) return;
    std::string run;
    for (const char c : skeleton) {
      if (c == ' ') continue;
      if (!IsWordByte(static_cast<unsigned char>(c))) return;
      run.push_back(c);
    }
    if (CountLetters(NormalizeKeyword(keyword)) < kMinSpacedPhraseLetters) return;
    Add(Kind::kSpacedPhrase, std::move(run), NormalizeKeyword(keyword), keyword_evasions, true,
        ref);
  }
  static constexpr size_t kMinSpacedPhraseLetters = 8;

  void Add(Kind kind, std::string expression, std::string normalized, uint8_t keyword_evasions,
           bool word_boundaries, TermRef ref, uint8_t fuzzy_min_letters = 0,
           uint32_t greek_words = 0) {
    const bool is_regex = kind == Kind::kRegex;
    const std::string prefix =
        is_regex                      ? "r"
        : kind == Kind::kFuzzy        ? absl::StrCat("f", fuzzy_min_letters)
        : kind == Kind::kSpacedPhrase ? "p"
                                      : "k";
    const std::string key = absl::StrCat(prefix, word_boundaries ? "b" : "s", ":", expression);
    auto [it, inserted] = index_.emplace(key, patterns_->size());
    if (inserted) {
      Pattern pattern;
      pattern.is_regex = is_regex;
      pattern.fuzzy = kind == Kind::kFuzzy;
      pattern.fuzzy_min_letters = fuzzy_min_letters;
      pattern.spaced_only = kind == Kind::kSpacedPhrase;
      pattern.word_boundaries = word_boundaries;
      if (!is_regex) {
        pattern.left_is_word = IsWordByte(expression.front());
        pattern.right_is_word = IsWordByte(expression.back());
        if (CountLetters(normalized) < kMinLettersForLeet) {
          pattern.allowed_evasions = static_cast<uint16_t>(~kEvasionLeet);
        }
        pattern.normalized_keyword = std::move(normalized);
        pattern.keyword_evasions = keyword_evasions;
        pattern.greek_words = greek_words;
      }
      pattern.expression = std::move(expression);
      patterns_->push_back(std::move(pattern));
      refs_->emplace_back();
    }
    std::vector<TermRef>& refs = (*refs_)[it->second];
    // A rule may list the same keyword twice (or two that fold alike) in one term. A term's
    // keywords are added one after the other, so such a repeat is always the last ref.
    const bool duplicate = !refs.empty() && refs.back().rule == ref.rule &&
                           refs.back().clause == ref.clause && refs.back().term == ref.term;
    if (!duplicate) refs.push_back(ref);
  }

  std::vector<Pattern>* patterns_;
  std::vector<std::vector<TermRef>>* refs_;  // by pattern
  absl::flat_hash_map<std::string, size_t> index_;
  FoldedText folded_;
};

// How specific a term is: the length of its shortest keyword (a regex counts as specific).
size_t Specificity(const Term& term) {
  if (term.is_regex()) return 64;
  size_t shortest = SIZE_MAX;
  for (const std::string& keyword : term.keywords) shortest = std::min(shortest, keyword.size());
  return shortest;
}

// The clause and term whose hit every flagging of `rule` needs: `any` when it has one (any of its
// terms), else the most specific `all` term, else the most specific side of the first `near`.
struct Trigger {
  Clause clause;
  uint16_t term;  // unused for kAny
};

Trigger TriggerOf(const Rule& rule) {
  if (!rule.any.empty()) return {Clause::kAny, 0};
  if (!rule.all.empty()) {
    size_t best = 0;
    for (size_t t = 1; t < rule.all.size(); ++t) {
      if (Specificity(rule.all[t]) > Specificity(rule.all[best])) best = t;
    }
    return {Clause::kAll, static_cast<uint16_t>(best)};
  }
  const NearClause& near = rule.near.front();
  return {Specificity(near.a) >= Specificity(near.b) ? Clause::kNearA : Clause::kNearB, 0};
}

bool IsTrigger(const Trigger& trigger, const TermRef& ref) {
  return ref.clause == trigger.clause && (ref.clause == Clause::kAny || ref.term == trigger.term);
}

}  // namespace

PatternTable::PatternTable(const RuleSet& rules) {
  std::vector<std::vector<TermRef>> refs;  // by pattern
  TableBuilder builder(&patterns_, &refs);
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
  // Requirements, numbered rule by rule: the `any` clause as one, then each `all` term, then
  // each side of each `near`.
  std::vector<uint32_t> first_requirement(rules.rules.size());
  std::vector<Trigger> triggers;
  triggers.reserve(rules.rules.size());
  for (uint32_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    triggers.push_back(TriggerOf(rule));
    first_requirement[r] = static_cast<uint32_t>(requirement_rule_.size());
    const size_t count = (rule.any.empty() ? 0 : 1) + rule.all.size() + 2 * rule.near.size();
    requirement_rule_.insert(requirement_rule_.end(), count, r);
    rule_requirement_count_.push_back(static_cast<uint32_t>(count));
  }
  auto requirement_of = [&](const TermRef& ref) -> int64_t {
    const Rule& rule = rules.rules[ref.rule];
    const uint32_t first = first_requirement[ref.rule];
    const uint32_t any = rule.any.empty() ? 0 : 1;
    switch (ref.clause) {
      case Clause::kAny: return first;
      case Clause::kAll: return first + any + ref.term;
      case Clause::kNearA: return first + any + rule.all.size() + 2 * ref.term;
      case Clause::kNearB: return first + any + rule.all.size() + 2 * ref.term + 1;
      case Clause::kNone:
      case Clause::kException: return -1;
    }
    return -1;
  };
  auto sort_unique = [](std::vector<uint32_t>* values) {
    std::sort(values->begin(), values->end());
    values->erase(std::unique(values->begin(), values->end()), values->end());
  };
  std::vector<uint32_t> triggers_of, requirements_of;
  for (uint32_t p = 0; p < patterns_.size(); ++p) {
    Pattern& pattern = patterns_[p];
    triggers_of.clear();
    requirements_of.clear();
    for (const TermRef& ref : refs[p]) {
      pattern.positive |= IsPositive(ref.clause);
      if (IsTrigger(triggers[ref.rule], ref)) triggers_of.push_back(ref.rule);
      if (const int64_t requirement = requirement_of(ref); requirement >= 0) {
        requirements_of.push_back(static_cast<uint32_t>(requirement));
      }
    }
    sort_unique(&triggers_of);
    sort_unique(&requirements_of);
    refs_.Add(refs[p]);
    trigger_rules_.Add(triggers_of);
    requirements_.Add(requirements_of);
    if (pattern.fuzzy) {
      fuzzy_ids_.push_back(p);
      continue;
    }
    if (!pattern.is_regex) {
      literal_ids_.push_back(p);
      continue;
    }
    regex_ids_.push_back(p);
    if (!requirements_of.empty()) required_regex_ids_.push_back(p);
  }
  LinkRuns();
}

bool PatternTable::LinkRuns() {
  const size_t count = patterns_.size();
  if (refs_.size() != count || trigger_rules_.size() != count || requirements_.size() != count) {
    return false;
  }
  for (size_t p = 0; p < count; ++p) {
    patterns_[p].refs = refs_[p];
    patterns_[p].trigger_rules = trigger_rules_[p];
    patterns_[p].requirements = requirements_[p];
  }
  return true;
}

std::string PatternTable::Fingerprint() const {
  std::string digest;
  for (const Pattern& pattern : patterns_) {
    const char* kind = pattern.fuzzy                 ? "f"
                       : pattern.spaced_only         ? "p"
                       : !pattern.is_regex           ? "k"
                       : pattern.requirements.empty() ? "r"
                                                      : "q";
    absl::StrAppend(&digest, kind, pattern.expression.size(), ":",
                    pattern.expression, "\n");
  }
  return digest;
}

}  // namespace listscan
