// Evaluates rules on the pattern hits of one listing.
#include "match/rule_evaluator.h"

#include <fnmatch.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

constexpr uint16_t kNamedEvasions = kEvasionHomoglyph | kEvasionFullwidth | kEvasionZeroWidth |
                                    kEvasionDiacritics | kEvasionLeet | kEvasionSpacing |
                                    kEvasionMisspelling | kEvasionTransliteration;

bool FieldAllowed(const Rule& rule, const std::string& field) {
  if (rule.fields.empty()) return true;
  return std::any_of(rule.fields.begin(), rule.fields.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), field.c_str(), 0) == 0;
  });
}

bool Contains(const PatternHit& outer, const PatternHit& inner) {
  return outer.field == inner.field && outer.start <= inner.start && inner.end <= outer.end;
}

}  // namespace

int WordsBetween(std::string_view text, uint32_t first_end, uint32_t second_start) {
  auto is_word_at = [&](uint32_t i) {
    return i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]));
  };
  int words = 0;
  // A word cut by a span's edge belongs to that match, not to the gap.
  bool in_word = first_end > 0 && is_word_at(first_end - 1) && is_word_at(first_end);
  for (uint32_t i = first_end; i < second_start && i < text.size(); ++i) {
    const bool word = IsWordByte(static_cast<unsigned char>(text[i]));
    if (word && !in_word) ++words;
    in_word = word;
  }
  if (in_word && is_word_at(second_start) && words > 0) --words;
  return words;
}

bool PassesWhere(const Rule& rule, const Listing& listing) {
  for (const WhereFilter& filter : rule.where) {
    const std::string* value = listing.FindMetadata(filter.field);
    if (value == nullptr) return false;
    if (!filter.values.empty()) {
      const std::string lowered = absl::AsciiStrToLower(absl::StripAsciiWhitespace(*value));
      if (std::find(filter.values.begin(), filter.values.end(), lowered) == filter.values.end()) {
        return false;
      }
      continue;
    }
    double number = 0;
    if (!absl::SimpleAtod(*value, &number)) return false;
    if (filter.min && number < *filter.min) return false;
    if (filter.max && number > *filter.max) return false;
  }
  return true;
}

void RuleEvaluator::Evaluate(const Listing& listing, const std::vector<PatternHit>& pattern_hits,
                             std::vector<Hit>* out) {
  // Only rules with a hit of a term they cannot flag without are worth evaluating; common
  // context words ("cream", "kids") are shared by hundreds of rules and would swamp the rest.
  if (candidate_stamp_.size() != rules_.rules.size()) {
    candidate_stamp_.assign(rules_.rules.size(), 0);
    evaluation_ = 0;
  }
  if (++evaluation_ == 0) {  // wrapped around: forget all stamps
    std::fill(candidate_stamp_.begin(), candidate_stamp_.end(), 0);
    evaluation_ = 1;
  }
  bool any_candidate = false;
  for (const PatternHit& hit : pattern_hits) {
    for (uint32_t rule : patterns_.patterns()[hit.pattern].trigger_rules) {
      candidate_stamp_[rule] = evaluation_;
      any_candidate = true;
    }
  }
  if (!any_candidate) return;
  uses_.clear();
  for (uint32_t h = 0; h < pattern_hits.size(); ++h) {
    for (const TermRef& ref : patterns_.patterns()[pattern_hits[h].pattern].refs) {
      if (candidate_stamp_[ref.rule] == evaluation_) {
        uses_.push_back({ref.rule, ref.term, ref.clause, h});
      }
    }
  }
  std::sort(uses_.begin(), uses_.end(), [](const Use& a, const Use& b) {
    return a.rule != b.rule ? a.rule < b.rule : a.hit < b.hit;
  });
  const size_t first_new = out->size();
  for (size_t i = 0; i < uses_.size();) {
    size_t j = i;
    while (j < uses_.size() && uses_[j].rule == uses_[i].rule) ++j;
    EvaluateRule(listing, pattern_hits, uses_.data() + i, uses_.data() + j, out);
    i = j;
  }
  std::sort(out->begin() + first_new, out->end(), [&](const Hit& a, const Hit& b) {
    if (a.field != b.field) return a.field < b.field;
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return rules_.rules[a.rule].id < rules_.rules[b.rule].id;
  });
}

void RuleEvaluator::EvaluateRule(const Listing& listing, const std::vector<PatternHit>& hits,
                                 const Use* begin, const Use* end, std::vector<Hit>* out) {
  const Rule& rule = rules_.rules[begin->rule];
  positives_.clear();
  exceptions_.clear();
  bool vetoed = false;
  for (const Use* use = begin; use != end; ++use) {
    const PatternHit& hit = hits[use->hit];
    if (!FieldAllowed(rule, listing.fields[hit.field].name)) continue;
    if (use->clause == Clause::kException) {
      exceptions_.push_back(use);
      continue;
    }
    const uint16_t allowed =
        rule.allowed_evasions & patterns_.patterns()[hit.pattern].allowed_evasions;
    if (hit.evasions & kNamedEvasions & ~allowed) continue;
    // "without X" offers no X, and a context said to be missing is none ("senza targa" is no
    // number plate of a speed pedelec).
    if (hit.negated && rule.negation) continue;
    if (use->clause == Clause::kNone) {
      vetoed = true;
      break;
    }
    positives_.push_back(use);
  }
  if (vetoed || positives_.empty()) return;

  // Exceptions clear the hits they contain ("sildenafil-free" clears "sildenafil").
  std::erase_if(positives_, [&](const Use* use) {
    return std::any_of(exceptions_.begin(), exceptions_.end(), [&](const Use* exception) {
      return Contains(hits[exception->hit], hits[use->hit]);
    });
  });

  const bool any_ok = rule.any.empty() ||
      std::any_of(positives_.begin(), positives_.end(),
                  [](const Use* u) { return u->clause == Clause::kAny; });
  if (!any_ok) return;
  term_seen_.assign(rule.all.size(), 0);
  for (const Use* use : positives_) {
    if (use->clause == Clause::kAll) term_seen_[use->term] = 1;
  }
  if (std::find(term_seen_.begin(), term_seen_.end(), 0) != term_seen_.end()) return;

  // Near: for each clause, keep the hits that take part in at least one close-enough pair.
  std::vector<uint8_t> near_used(positives_.size(), 0);
  for (size_t n = 0; n < rule.near.size(); ++n) {
    bool satisfied = false;
    for (size_t i = 0; i < positives_.size(); ++i) {
      const Use* a = positives_[i];
      if (a->clause != Clause::kNearA || a->term != n) continue;
      for (size_t k = 0; k < positives_.size(); ++k) {
        const Use* b = positives_[k];
        if (b->clause != Clause::kNearB || b->term != n) continue;
        const PatternHit& ha = hits[a->hit];
        const PatternHit& hb = hits[b->hit];
        if (ha.field != hb.field) continue;
        const std::string& text = listing.fields[ha.field].text;
        const int between = ha.end <= hb.start   ? WordsBetween(text, ha.end, hb.start)
                            : hb.end <= ha.start ? WordsBetween(text, hb.end, ha.start)
                                                 : 0;
        if (between <= rule.near[n].within) {
          satisfied = true;
          near_used[i] = near_used[k] = 1;
        }
      }
    }
    if (!satisfied) return;
  }
  if (!PassesWhere(rule, listing)) return;

  const size_t first = out->size();
  for (size_t i = 0; i < positives_.size(); ++i) {
    const Use* use = positives_[i];
    const bool is_near = use->clause == Clause::kNearA || use->clause == Clause::kNearB;
    if (is_near && !near_used[i]) continue;
    const PatternHit& hit = hits[use->hit];
    const auto duplicate = std::find_if(out->begin() + first, out->end(), [&](const Hit& h) {
      return h.field == hit.field && h.start == hit.start && h.end == hit.end;
    });
    if (duplicate == out->end()) {
      out->push_back({use->rule, hit.field, hit.start, hit.end, hit.evasions});
    } else if ((duplicate->evasions & kEvasionMisspelling) && (hit.evasions & kEvasionSpacing) &&
               !(hit.evasions & kEvasionMisspelling)) {
      // The same letters spelt out, read exactly by another keyword ("T i l i d i n N" is
      // "Tilidin N", not a misspelt "Tilidin"): the exact reading is the one reported.
      duplicate->evasions = hit.evasions;
    }
  }
}

}  // namespace listscan
