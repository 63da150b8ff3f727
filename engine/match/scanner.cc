// Scanner: fold every field of a group of listings into two views laid end to end, run each
// database once over them, then map the few candidate matches back to their field, check word
// boundaries, name evasions, and evaluate the rules of the listings that have hits.
#include "listscan/scanner.h"

#include <hs/hs.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "match/fuzzy_index.h"
#include "match/greeklish_index.h"
#include "match/hyperscan_databases.h"
#include "match/leet_read_view.h"
#include "match/spaced_read_view.h"
#include "match/negation_cues.h"
#include "match/pattern_table.h"
#include "match/rule_evaluator.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

// Fields are separated by a newline in both views: a non-word byte that no folded keyword
// contains (the skeleton turns text newlines into spaces).
constexpr char kFieldSeparator = '\n';

struct RawMatch {
  uint32_t pattern_index;  // index into the database's id list
  uint32_t from;           // regexes only; keywords know their length
  uint32_t to;
};

int CollectMatch(unsigned int id, unsigned long long from, unsigned long long to, unsigned int,
                 void* context) {
  static_cast<std::vector<RawMatch>*>(context)->push_back(
      {id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
  return 0;
}

// Where one field's folded text lies in the joined views.
struct FieldSpan {
  uint32_t listing;
  uint32_t field;
  uint32_t skeleton_begin;
  uint32_t skeleton_end;
  uint32_t normalized_begin;
  uint32_t normalized_end;
  bool spaced_out;  // the skeleton joined letters spelt out one by one
};

// A candidate match located in its field (local offsets into that field's views).
struct LocatedMatch {
  uint32_t span;
  uint32_t pattern;  // index into PatternTable::patterns()
  uint32_t from;
  uint32_t to;
  bool regex;
  bool split;  // a keyword written as two words (FuzzyIndex::Match::split)
  bool leet;   // a regex match over the field's leet reading (LeetReadNormalized)
  uint8_t spelt_edges;  // SpeltEdge bits: one-letter words spelt out with the keyword, dropped
  bool translit;  // a Greek keyword in Greek written with Latin letters (normalized offsets)
  bool spaced;    // a regex match over the field's spelt-out letters joined (SpacedReadNormalized)
};

// A keyword spelt out letter by letter may start or end one letter into the run the skeleton
// joined, when a one-letter word was spelt out with it ("z L i l i a l" is "z" and "Lilial").
enum SpeltEdge : uint8_t { kSpeltLetterBefore = 1, kSpeltLetterAfter = 2 };
constexpr uint32_t kFewestSpeltEdgeBytes = 4;  // "DMAA" in "s D M A A"

// A field read for the regexes with its leet as letters, or with its spelt-out letters joined:
// [begin, end) of the joined read view.
struct LeetField {
  uint32_t span;
  uint32_t begin;
  uint32_t end;
  bool spaced;  // joined (offsets map back through read_to_normalized), not leet (same offsets)
};

// Word boundary at `position` of a field's skeleton, the field being [begin, end) of the joined
// skeleton and `leet` marking its leet bytes. Digits read as letters next to real letters also
// count ("Viagra100mg"), since sellers glue doses and names together.
bool IsBoundary(const FoldBuffer& skeleton, const FoldBuffer& leet, uint32_t begin, uint32_t end,
                uint32_t position) {
  if (position == begin || position >= end) return true;
  const auto before = static_cast<unsigned char>(skeleton.data()[position - 1]);
  const auto after = static_cast<unsigned char>(skeleton.data()[position]);
  if (!IsWordByte(before) || !IsWordByte(after)) return true;
  if (before >= 0x80 || after >= 0x80) {
    const std::string_view field(skeleton.data() + begin, end - begin);
    const uint32_t at = position - begin;
    if (!IsWordBefore(field, at) || !IsWordAfter(field, at)) return true;
  }
  // Digits left in the skeleton are the ones not read as letters (2, 6, or inside a number): one
  // glued to a letter of the text ends a word there ("2mg"); one glued to a leet letter is part
  // of the number ("2024").
  const bool digit_before = before >= '0' && before <= '9';
  const bool digit_after = after >= '0' && after <= '9';
  if (digit_before != digit_after) {
    return digit_before ? !leet.data()[position] : !leet.data()[position - 1];
  }
  if (leet.data()[position - 1] == leet.data()[position]) return false;
  // Leet digits glued to plain digits are one number ("0036731321008"), not a word in disguise.
  const unsigned char plain = leet.data()[position - 1] ? after : before;
  return !(plain >= '0' && plain <= '9');
}

// The SpeltEdge bits a keyword at [from, to) of the joined skeleton, inside `span`, needs to have
// its word boundaries: a boundary it lacks must be one ASCII letter away; 0 when that is not so.
// Whether the text was spelt out there is checked on the field's own fold (SpeltEdgesHold).
uint8_t SpeltEdgesNeeded(const Pattern& pattern, const FieldSpan& span, const FoldBuffer& skeleton,
                         const FoldBuffer& leet, uint32_t from, uint32_t to) {
  // Short keywords with a letter before or after are ordinary words ("ice" holds "ce"): not worth
  // refolding their fields for.
  if (!pattern.word_boundaries || to - from < kFewestSpeltEdgeBytes) return 0;
  const uint32_t begin = span.skeleton_begin, end = span.skeleton_end;
  // Spelling a keyword out drops a separator before each of its letters, so the field's skeleton is
  // that much shorter than its normalized view; "chocolate" (the keyword "chocolat" and an "e") in
  // a field written as usual is not.
  if ((span.normalized_end - span.normalized_begin) < (end - begin) + (to - from)) return 0;
  auto plain_letter = [&](uint32_t at) {
    const char c = skeleton.data()[at];
    return c >= 'a' && c <= 'z' && !leet.data()[at];
  };
  uint8_t edges = 0;
  if (pattern.left_is_word && !IsBoundary(skeleton, leet, begin, end, from)) {
    if (from <= begin || !plain_letter(from - 1) ||
        !IsBoundary(skeleton, leet, begin, end, from - 1)) {
      return 0;
    }
    edges |= kSpeltLetterBefore;
  }
  if (pattern.right_is_word && !IsBoundary(skeleton, leet, begin, end, to)) {
    if (to >= end || !plain_letter(to) || !IsBoundary(skeleton, leet, begin, end, to + 1)) return 0;
    edges |= kSpeltLetterAfter;
  }
  return edges;
}

// Whether skeleton[from, to) is letters spelt out one by one: each letter after the first came
// after a dropped separator.
bool SpeltOut(const FoldedText& folded, uint32_t from, uint32_t to) {
  uint32_t second = from + 1;
  while (second < to && (static_cast<unsigned char>(folded.skeleton[second]) & 0xC0) == 0x80) {
    ++second;  // the rest of a multi-byte first letter
  }
  return second < to &&
         std::all_of(folded.skeleton_evasions.begin() + second,
                     folded.skeleton_evasions.begin() + to,
                     [](uint8_t bits) { return (bits & kEvasionSpacing) != 0; });
}

// Whether the one-letter words a keyword at skeleton[from, to) of a field drops were spelt out with
// it: the keyword is spelt out, and a separator was dropped between it and each such letter.
bool SpeltEdgesHold(const FoldedText& folded, uint8_t edges, uint32_t from, uint32_t to) {
  return SpeltOut(folded, from, to) &&
         (!(edges & kSpeltLetterBefore) || (folded.skeleton_evasions[from] & kEvasionSpacing)) &&
         (!(edges & kSpeltLetterAfter) || (folded.skeleton_evasions[to] & kEvasionSpacing));
}

// Whether every byte of skeleton[from, to) was a leet digit or symbol: "7313" is a number, not
// "tele".
bool AllLeet(const FoldBuffer& leet, uint32_t from, uint32_t to) {
  return std::all_of(leet.data() + from, leet.data() + to, [](char c) { return c != 0; });
}

// Whether a keyword found at [from, to) of the joined skeleton, inside `span`, has the word
// boundaries it asks for.
bool HasBoundaries(const Pattern& pattern, const FieldSpan& span, const FoldBuffer& skeleton,
                   const FoldBuffer& leet, uint32_t from, uint32_t to) {
  if (!pattern.word_boundaries) return true;
  const uint32_t begin = span.skeleton_begin, end = span.skeleton_end;
  return (!pattern.left_is_word || IsBoundary(skeleton, leet, begin, end, from)) &&
         (!pattern.right_is_word || IsBoundary(skeleton, leet, begin, end, to));
}

// The normalized view of skeleton[begin, end), whitespace runs as one space.
void NormalizedOfSkeletonSpan(const FoldedText& text, uint32_t begin, uint32_t end,
                              std::string* out) {
  out->clear();
  const uint32_t from = text.skeleton_to_normalized[begin];
  const uint32_t to = text.skeleton_to_normalized[end - 1] + 1;
  for (uint32_t i = from; i < to; ++i) {
    const char c = text.normalized[i];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && !out->empty() && out->back() == ' ') continue;
    out->push_back(space ? ' ' : c);
  }
}

// Whether two normalized texts hold the same letters once the separators a split word is written
// with (IsSplitSeparator) are dropped.
bool SameLettersUnsplit(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && IsSplitSeparator(a[i])) ++i;
    while (j < b.size() && IsSplitSeparator(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

uint8_t NormalizedEvasions(const FoldedText& text, uint32_t from, uint32_t to) {
  uint8_t bits = 0;
  for (uint32_t i = from; i < to; ++i) bits |= text.normalized_evasions[i];
  return bits;
}

}  // namespace

struct Scanner::State {
  hs_scratch_t* scratch = nullptr;
  FoldedText folded;
  FoldBuffer skeleton;    // the group's fields' skeletons, end to end
  FoldBuffer skeleton_leet;  // per skeleton byte: 1 where it was a leet digit or symbol
  FoldBuffer normalized;
  std::vector<FieldSpan> spans;
  std::vector<uint32_t> skeleton_starts;    // spans[i].skeleton_begin, for binary search
  std::vector<uint32_t> normalized_starts;  // spans[i].normalized_begin
  // The fields with a word in leet, each after a separator, in the regexes' leet reading.
  std::string leet_view;
  std::vector<uint8_t> leet_read;  // per leet_view byte: a LeetRead, or 1 for a joined byte
  std::vector<uint32_t> read_to_normalized;  // per leet_view byte: its field's normalized offset
  std::vector<LeetField> leet_fields;
  std::vector<uint32_t> leet_starts;  // leet_fields[i].begin
  std::string leet_field;
  std::vector<uint8_t> leet_field_read;
  std::vector<uint32_t> spaced_field_map;
  std::vector<std::string_view> listing_fields;  // one listing's normalized fields
  GreeklishIndex::Scratch greeklish_scratch;
  std::vector<GreeklishIndex::Match> greeklish_matches;
  std::vector<RawMatch> raw;
  std::vector<LocatedMatch> located;
  std::vector<std::pair<uint32_t, uint32_t>> present;  // (listing, pattern) of every hit so far
  // Regexes are named here by their index into PatternTable::regex_ids (and regex_spans).
  std::vector<uint32_t> regex_of_required;   // per index into PatternTable::required_regex_ids
  std::vector<uint32_t> regexes_unrequired;  // those no presence scan tells about
  std::vector<std::pair<uint32_t, uint32_t>> regexes_present;  // (listing, regex)
  std::vector<uint32_t> listing_regexes;     // the regexes to scan one listing with
  std::vector<uint32_t> crossed;
  std::vector<uint8_t> listing_may_flag;
  std::vector<uint64_t> requirement_stamp;
  std::vector<uint64_t> rule_stamp;
  std::vector<uint32_t> rule_met;  // requirements of the rule met in the stamped listing
  uint64_t calls = 0;
  std::vector<PatternHit> pattern_hits;
  FuzzyIndex::Scratch fuzzy_scratch;
  std::vector<FuzzyIndex::Match> fuzzy_matches;
  NegationCueTable::Scratch negation_scratch;
  std::vector<NegationCueTable::Span> hit_spans;  // normalized spans of one field's hits
  std::vector<uint8_t> negated;
  std::string span_text;
  std::vector<std::vector<Hit>> single;
  std::unique_ptr<RuleEvaluator> evaluator;
  ~State() {
    if (scratch) hs_free_scratch(scratch);
  }
};

Scanner::Scanner(std::shared_ptr<const CompiledPack> pack)
    : pack_(std::move(pack)), state_(std::make_unique<State>()) {}

Scanner::~Scanner() = default;

absl::StatusOr<std::unique_ptr<Scanner>> Scanner::Create(std::shared_ptr<const CompiledPack> pack) {
  std::unique_ptr<Scanner> scanner(new Scanner(std::move(pack)));
  State& s = *scanner->state_;
  for (hs_database_t* db : scanner->pack_->databases().all()) {
    if (hs_alloc_scratch(db, &s.scratch) != HS_SUCCESS) {
      return absl::ResourceExhaustedError("Hyperscan could not allocate scratch space");
    }
  }
  const PatternTable& table = scanner->pack_->patterns();
  absl::flat_hash_map<uint32_t, uint32_t> regex_of_pattern;
  for (uint32_t regex = 0; regex < table.regex_ids().size(); ++regex) {
    regex_of_pattern[table.regex_ids()[regex]] = regex;
  }
  for (uint32_t pattern : table.required_regex_ids()) {
    const uint32_t regex = regex_of_pattern.at(pattern);
    s.regex_of_required.push_back(regex);
    regex_of_pattern.erase(pattern);
  }
  for (const auto& [pattern, regex] : regex_of_pattern) s.regexes_unrequired.push_back(regex);
  std::sort(s.regexes_unrequired.begin(), s.regexes_unrequired.end());
  scanner->state_->evaluator =
      std::make_unique<RuleEvaluator>(scanner->pack_->rules(), scanner->pack_->patterns());
  return scanner;
}

absl::Status Scanner::Scan(const Listing& listing, std::vector<Hit>* hits) {
  absl::Status status = ScanMany(&listing, 1, &state_->single);
  if (status.ok()) hits->swap(state_->single[0]);
  return status;
}

absl::Status Scanner::ScanMany(const Listing* listings, size_t count,
                               std::vector<std::vector<Hit>>* hits) {
  State& s = *state_;
  const PatternTable& table = pack_->patterns();
  const HyperscanDatabases& dbs = pack_->databases();
  if (hits->size() < count) hits->resize(count);
  for (size_t i = 0; i < count; ++i) (*hits)[i].clear();

  // 1. Fold every field and lay the views end to end.
  s.skeleton.clear();
  s.skeleton_leet.clear();
  s.normalized.clear();
  s.spans.clear();
  s.skeleton_starts.clear();
  s.normalized_starts.clear();
  for (uint32_t l = 0; l < count; ++l) {
    const Listing& listing = listings[l];
    for (uint32_t f = 0; f < listing.fields.size(); ++f) {
      if (listing.fields[f].text.empty()) continue;
      FieldSpan span{l, f, static_cast<uint32_t>(s.skeleton.size()), 0,
                     static_cast<uint32_t>(s.normalized.size()), 0, false};
      AppendFoldedViews(listing.fields[f].text, &s.normalized, &s.skeleton, &s.skeleton_leet,
                        &span.spaced_out);
      span.skeleton_end = static_cast<uint32_t>(s.skeleton.size());
      span.normalized_end = static_cast<uint32_t>(s.normalized.size());
      s.skeleton.push_back(kFieldSeparator);
      s.skeleton_leet.push_back(0);
      s.normalized.push_back(kFieldSeparator);
      s.spans.push_back(span);
      s.skeleton_starts.push_back(span.skeleton_begin);
      s.normalized_starts.push_back(span.normalized_begin);
    }
  }
  if (s.spans.empty()) return absl::OkStatus();
  // 1b. The regexes' readings of the fields with a word in leet, or with letters spelt out one
  // by one (each a fraction of a percent of a catalogue's fields), folded again for the maps.
  s.leet_view.clear();
  s.leet_read.clear();
  s.read_to_normalized.clear();
  s.leet_fields.clear();
  s.leet_starts.clear();
  auto add_read_field = [&](uint32_t span_index, const std::string& text,
                            const std::vector<uint8_t>& read, const uint32_t* to_normalized,
                            bool spaced) {
    s.leet_view.push_back(kFieldSeparator);
    s.leet_read.push_back(0);
    s.read_to_normalized.push_back(0);
    const auto begin = static_cast<uint32_t>(s.leet_view.size());
    s.leet_view += text;
    s.leet_read.insert(s.leet_read.end(), read.begin(), read.end());
    for (uint32_t b = 0; b < text.size(); ++b) {
      s.read_to_normalized.push_back(to_normalized != nullptr ? to_normalized[b] : b);
    }
    s.leet_fields.push_back({span_index, begin, static_cast<uint32_t>(s.leet_view.size()), spaced});
    s.leet_starts.push_back(begin);
  };
  for (uint32_t i = 0; i < s.spans.size() && !dbs.regex_spans.empty(); ++i) {
    const FieldSpan& span = s.spans[i];
    const bool leet = HasLeetInsideWord(
        s.skeleton.view().substr(span.skeleton_begin, span.skeleton_end - span.skeleton_begin),
        s.skeleton_leet.data() + span.skeleton_begin);
    if (!leet && !span.spaced_out) continue;
    FoldText(listings[span.listing].fields[span.field].text, &s.folded);
    if (leet) {
      LeetReadNormalized(s.folded, &s.leet_field, &s.leet_field_read);
      add_read_field(i, s.leet_field, s.leet_field_read, nullptr, false);
    }
    if (span.spaced_out) {
      SpacedReadNormalized(s.folded, &s.leet_field, &s.spaced_field_map, &s.leet_field_read);
      add_read_field(i, s.leet_field, s.leet_field_read, s.spaced_field_map.data(), true);
    }
  }

  // 2. Keywords over the whole group, each hit located in its field with its word boundaries
  // checked; the required regexes over the whole group too, but only to learn which listings
  // they end in (no start-of-match: much cheaper).
  s.located.clear();
  auto scan = [&](hs_database_t* db, std::string_view view) -> absl::Status {
    s.raw.clear();
    if (hs_scan(db, view.data(), static_cast<unsigned>(view.size()), 0, s.scratch, CollectMatch,
                &s.raw) != HS_SUCCESS) {
      return absl::InternalError(absl::StrCat("Hyperscan scan failed near listing ",
                                              listings[s.spans.front().listing].id));
    }
    return absl::OkStatus();
  };
  auto span_of = [&](const std::vector<uint32_t>& starts, uint32_t offset) {
    return static_cast<uint32_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                 starts.begin()) - 1;
  };
  if (dbs.literal) {
    if (absl::Status status = scan(dbs.literal, s.skeleton.view()); !status.ok()) return status;
    for (const RawMatch& match : s.raw) {
      const uint32_t pattern = table.literal_ids()[match.pattern_index];
      const uint32_t to = match.to;
      const uint32_t from = to - static_cast<uint32_t>(table.patterns()[pattern].expression.size());
      const uint32_t span_index = span_of(s.skeleton_starts, from);
      const FieldSpan& span = s.spans[span_index];
      if (to > span.skeleton_end) continue;  // crosses into the next field
      // Keywords inside longer words go now, before they count towards a requirement.
      uint8_t spelt_edges = 0;
      if (!HasBoundaries(table.patterns()[pattern], span, s.skeleton, s.skeleton_leet, from, to)) {
        spelt_edges = SpeltEdgesNeeded(table.patterns()[pattern], span, s.skeleton, s.skeleton_leet,
                                       from, to);
        if (spelt_edges == 0) continue;
      }
      if (AllLeet(s.skeleton_leet, from, to)) continue;
      s.located.push_back({span_index, pattern, from - span.skeleton_begin,
                           to - span.skeleton_begin, false, false, false, spelt_edges, false, false});
    }
  }
  // Misspellings of long keywords, word by word over each field's skeleton.
  if (const FuzzyIndex& fuzzy = pack_->fuzzy(); !fuzzy.empty()) {
    for (uint32_t span_index = 0; span_index < s.spans.size(); ++span_index) {
      const FieldSpan& span = s.spans[span_index];
      s.fuzzy_matches.clear();
      fuzzy.Scan(s.skeleton.view().substr(span.skeleton_begin,
                                          span.skeleton_end - span.skeleton_begin),
                 s.skeleton_leet.data() + span.skeleton_begin, &s.fuzzy_scratch,
                 &s.fuzzy_matches);
      for (const FuzzyIndex::Match& match : s.fuzzy_matches) {
        s.located.push_back(
            {span_index, match.pattern, match.from, match.to, false, match.split, false, 0, false,
             false});
      }
    }
  }
  // Greek keywords in Greek written with Latin letters, in the listings that read as Greeklish.
  if (const GreeklishIndex& greeklish = pack_->greeklish(); !greeklish.empty()) {
    for (uint32_t first = 0; first < s.spans.size();) {
      uint32_t last = first;
      s.listing_fields.clear();
      for (; last < s.spans.size() && s.spans[last].listing == s.spans[first].listing; ++last) {
        s.listing_fields.push_back(s.normalized.view().substr(
            s.spans[last].normalized_begin,
            s.spans[last].normalized_end - s.spans[last].normalized_begin));
      }
      if (LooksGreeklish(s.listing_fields)) {
        for (uint32_t span_index = first; span_index < last; ++span_index) {
          s.greeklish_matches.clear();
          greeklish.Scan(s.listing_fields[span_index - first], &s.greeklish_scratch,
                         &s.greeklish_matches);
          for (const GreeklishIndex::Match& match : s.greeklish_matches) {
            s.located.push_back(
                {span_index, match.pattern, match.from, match.to, false, false, false, 0, true, false});
          }
        }
      }
      first = last;
    }
  }
  s.present.clear();
  s.regexes_present.clear();
  if (dbs.regex_presence) {
    if (absl::Status status = scan(dbs.regex_presence, s.normalized.view()); !status.ok()) {
      return status;
    }
    // A match that could be located ends inside its field, so its last byte names the listing.
    for (const RawMatch& match : s.raw) {
      const uint32_t listing = s.spans[span_of(s.normalized_starts, match.to - 1)].listing;
      s.present.push_back({listing, table.required_regex_ids()[match.pattern_index]});
      s.regexes_present.push_back({listing, s.regex_of_required[match.pattern_index]});
    }
    if (!s.leet_view.empty()) {
      if (absl::Status status = scan(dbs.regex_presence, s.leet_view); !status.ok()) return status;
      for (const RawMatch& match : s.raw) {
        if (match.to <= s.leet_starts.front()) continue;  // inside the first separator
        const uint32_t span = s.leet_fields[span_of(s.leet_starts, match.to - 1)].span;
        s.present.push_back(
            {s.spans[span].listing, table.required_regex_ids()[match.pattern_index]});
        s.regexes_present.push_back(
            {s.spans[span].listing, s.regex_of_required[match.pattern_index]});
      }
    }
  }
  if (s.located.empty() && s.present.empty()) return absl::OkStatus();

  // 3. The listings that may be flagged: those where every requirement of some rule has a hit.
  // The candidates of the others go now.
  // Hits are tallied listing by listing; stamps keyed by (call, listing) make the
  // per-requirement and per-rule tallies free to reset.
  s.listing_may_flag.assign(count, 0);
  const auto& requirement_rule = table.requirement_rule();
  const auto& rule_requirement_count = table.rule_requirement_count();
  s.requirement_stamp.resize(requirement_rule.size(), 0);
  s.rule_stamp.resize(rule_requirement_count.size(), 0);
  s.rule_met.resize(rule_requirement_count.size(), 0);
  ++s.calls;
  auto count_hit = [&](uint32_t listing, uint32_t pattern) {
    if (s.listing_may_flag[listing]) return;
    const uint64_t stamp = (s.calls << 32) | listing;
    for (uint32_t requirement : table.patterns()[pattern].requirements) {
      if (s.requirement_stamp[requirement] == stamp) continue;
      s.requirement_stamp[requirement] = stamp;
      const uint32_t rule = requirement_rule[requirement];
      if (s.rule_stamp[rule] != stamp) {
        s.rule_stamp[rule] = stamp;
        s.rule_met[rule] = 0;
      }
      if (++s.rule_met[rule] == rule_requirement_count[rule]) {
        s.listing_may_flag[listing] = 1;
        return;
      }
    }
  };
  for (const LocatedMatch& match : s.located) {
    s.present.push_back({s.spans[match.span].listing, match.pattern});
  }
  std::sort(s.present.begin(), s.present.end());
  for (const auto& [listing, pattern] : s.present) count_hit(listing, pattern);
  std::erase_if(s.located, [&](const LocatedMatch& match) {
    return !s.listing_may_flag[s.spans[match.span].listing];
  });

  // 4. The regexes with start-of-match, each over the fields of each listing that may be flagged
  // (laid end to end; the separator before them comes along as left context): those the presence
  // scan saw end in the listing (no other can match there) and those it does not look for.
  if (!dbs.regex_spans.empty()) {
    // Scans the fields first..last and locates the matches that lie inside one field. A match
    // that starts in one field and ends in a later one names, through its leftmost start, no
    // match of the later field that ends there: those fields are returned to be scanned alone.
    auto scan_fields = [&](uint32_t regex, size_t first, size_t last,
                           std::vector<uint32_t>* crossed) -> absl::Status {
      const uint32_t begin = s.spans[first].normalized_begin - (first > 0 ? 1 : 0);
      const std::string_view view =
          s.normalized.view().substr(begin, s.spans[last].normalized_end - begin);
      if (absl::Status status = scan(dbs.regex_spans[regex], view); !status.ok()) return status;
      const uint32_t pattern = table.regex_ids()[regex];
      for (const RawMatch& match : s.raw) {
        const uint32_t to = begin + match.to;
        uint32_t from = begin + match.from;
        uint32_t span_index = span_of(s.normalized_starts, from);
        if (from == s.spans[span_index].normalized_end && span_index + 1 < s.spans.size()) {
          // The separator before a field taken as left context ("(^|[^0-9])"): the match
          // belongs to that field.
          from = s.spans[++span_index].normalized_begin;
        }
        const FieldSpan& span = s.spans[span_index];
        if (to <= from) continue;
        if (to > span.normalized_end) {
          if (crossed) crossed->push_back(span_of(s.normalized_starts, to - 1));
          continue;
        }
        s.located.push_back({span_index, pattern, from - span.normalized_begin,
                             to - span.normalized_begin, true, false, false, 0, false, false});
      }
      return absl::OkStatus();
    };
    // Scans one field's reading (after its separator, the left context) and keeps the matches
    // that read a word in leet, or joined letters: the others are the normalized view's own, or
    // read codes. A joined reading's offsets map back to the normalized view's.
    auto scan_leet_field = [&](uint32_t regex, const LeetField& field) -> absl::Status {
      const std::string_view view =
          std::string_view(s.leet_view).substr(field.begin - 1, field.end - field.begin + 1);
      if (absl::Status status = scan(dbs.regex_spans[regex], view); !status.ok()) return status;
      const uint8_t wanted = field.spaced ? 1 : kLeetInsideWord;
      for (const RawMatch& match : s.raw) {
        const uint32_t from = field.begin + std::max<uint32_t>(match.from, 1) - 1;
        const uint32_t to = field.begin + match.to - 1;
        if (to <= from || std::find(s.leet_read.begin() + from, s.leet_read.begin() + to,
                                    wanted) == s.leet_read.begin() + to) {
          continue;
        }
        s.located.push_back({field.span, table.regex_ids()[regex], s.read_to_normalized[from],
                             s.read_to_normalized[to - 1] + 1, true, false, !field.spaced, 0,
                             false, field.spaced});
      }
      return absl::OkStatus();
    };
    std::sort(s.regexes_present.begin(), s.regexes_present.end());
    auto present = s.regexes_present.begin();
    auto leet_field = s.leet_fields.begin();
    for (size_t first = 0; first < s.spans.size();) {
      const uint32_t listing = s.spans[first].listing;
      size_t last = first;
      while (last + 1 < s.spans.size() && s.spans[last + 1].listing == listing) ++last;
      s.listing_regexes.clear();
      while (present != s.regexes_present.end() && present->first < listing) ++present;
      for (; present != s.regexes_present.end() && present->first == listing; ++present) {
        if (s.listing_regexes.empty() || s.listing_regexes.back() != present->second) {
          s.listing_regexes.push_back(present->second);
        }
      }
      if (s.listing_may_flag[listing]) {
        s.listing_regexes.insert(s.listing_regexes.end(), s.regexes_unrequired.begin(),
                                 s.regexes_unrequired.end());
        for (const uint32_t regex : s.listing_regexes) {
          s.crossed.clear();
          if (absl::Status status = scan_fields(regex, first, last, &s.crossed); !status.ok()) {
            return status;
          }
          std::sort(s.crossed.begin(), s.crossed.end());
          s.crossed.erase(std::unique(s.crossed.begin(), s.crossed.end()), s.crossed.end());
          for (const uint32_t field : s.crossed) {
            if (absl::Status status = scan_fields(regex, field, field, nullptr); !status.ok()) {
              return status;
            }
          }
        }
        while (leet_field != s.leet_fields.end() && leet_field->span < first) ++leet_field;
        for (; leet_field != s.leet_fields.end() && leet_field->span <= last; ++leet_field) {
          for (const uint32_t regex : s.listing_regexes) {
            if (absl::Status status = scan_leet_field(regex, *leet_field); !status.ok()) {
              return status;
            }
          }
        }
      }
      first = last + 1;
    }
  }

  // Hyperscan reports every end of a regex match ("t.me/abcd", "t.me/abcde", ...): keep the
  // longest per start. Keywords have one end per start anyway. Of a match found in both the
  // normalized view and the leet reading, the normalized one is kept (it sorts last). Greeklish
  // matches are in normalized offsets, keyword ones in skeleton offsets: they sort apart.
  std::sort(s.located.begin(), s.located.end(), [](const LocatedMatch& a, const LocatedMatch& b) {
    const bool a_read = a.leet || a.spaced, b_read = b.leet || b.spaced;
    return std::tie(a.span, a.pattern, a.translit, a.from, a.to, b_read) <
           std::tie(b.span, b.pattern, b.translit, b.from, b.to, a_read);
  });
  size_t kept = 0;
  for (size_t i = 0; i < s.located.size(); ++i) {
    const bool longer_follows = i + 1 < s.located.size() &&
                                s.located[i + 1].span == s.located[i].span &&
                                s.located[i + 1].pattern == s.located[i].pattern &&
                                s.located[i + 1].translit == s.located[i].translit &&
                                s.located[i + 1].from == s.located[i].from;
    if (!longer_follows) s.located[kept++] = s.located[i];
  }
  s.located.resize(kept);
  if (s.located.empty()) return absl::OkStatus();

  // 5. Per field with candidates: refold it for its offset maps and make pattern hits;
  // 6. per listing with pattern hits: evaluate the rules.
  s.pattern_hits.clear();
  uint32_t current_listing = s.spans[s.located.front().span].listing;
  auto flush = [&](uint32_t listing) {
    if (!s.pattern_hits.empty()) {
      s.evaluator->Evaluate(listings[listing], s.pattern_hits, &(*hits)[listing]);
      s.pattern_hits.clear();
    }
  };
  for (size_t i = 0; i < s.located.size();) {
    const FieldSpan& span = s.spans[s.located[i].span];
    if (span.listing != current_listing) {
      flush(current_listing);
      current_listing = span.listing;
    }
    const std::string& original = listings[span.listing].fields[span.field].text;
    FoldText(original, &s.folded);
    const FoldedText& folded = s.folded;
    const size_t field_hits = s.pattern_hits.size();
    s.hit_spans.clear();
    size_t j_end = i;
    while (j_end < s.located.size() && s.located[j_end].span == s.located[i].span) ++j_end;
    size_t j = i;
    for (; j < j_end; ++j) {
      const LocatedMatch& match = s.located[j];
      const Pattern& pattern = table.patterns()[match.pattern];
      if (match.translit) {
        const auto [start, end] = folded.OriginalSpanOfNormalized(match.from, match.to);
        s.pattern_hits.push_back({match.pattern, span.field, start, end, kEvasionTransliteration});
        s.hit_spans.push_back({match.from, match.to, pattern.positive});
        continue;
      }
      if (match.regex) {
        const auto [start, end] = folded.OriginalSpanOfNormalized(match.from, match.to);
        // A regex is written on the folded text, which has no accents, so accents under its
        // match are the language's own ("bez uzemnění"), not an evasion.
        const uint8_t evasions =
            WithoutSingleScriptHomoglyphs(
                std::string_view(original).substr(start, end - start),
                NormalizedEvasions(folded, match.from, match.to) & ~kEvasionDiacritics) |
            (match.leet ? kEvasionLeet : 0) | (match.spaced ? kEvasionSpacing : 0);
        s.pattern_hits.push_back({match.pattern, span.field, start, end, evasions});
        s.hit_spans.push_back({match.from, match.to, pattern.positive});
        continue;
      }
      if (pattern.spaced_only && !SpeltOut(folded, match.from, match.to)) continue;
      if (match.spelt_edges != 0) {
        if (!SpeltEdgesHold(folded, match.spelt_edges, match.from, match.to)) continue;
        // A letter of a longer keyword spelt out ("W h a t s A p p" holds "whatsap"), not a word.
        const uint32_t run_from = match.from - ((match.spelt_edges & kSpeltLetterBefore) ? 1 : 0);
        const uint32_t run_to = match.to + ((match.spelt_edges & kSpeltLetterAfter) ? 1 : 0);
        if (std::any_of(s.located.begin() + static_cast<std::ptrdiff_t>(i),
                        s.located.begin() + static_cast<std::ptrdiff_t>(j_end),
                        [&](const LocatedMatch& other) {
                          return !other.regex && !other.translit && other.spelt_edges == 0 &&
                                 other.from <= run_from && other.to >= run_to;
                        })) {
          continue;
        }
      }
      uint8_t evasions;
      if (pattern.fuzzy) {
        if (match.split) {
          // A keyword split in two counts only with the keyword's own letters: the skeleton reads
          // "till din" as it reads "tilidin".
          NormalizedOfSkeletonSpan(folded, match.from, match.to, &s.span_text);
          if (!SameLettersUnsplit(s.span_text, pattern.normalized_keyword)) continue;
        }
        evasions = (match.split ? kEvasionSpacing : kEvasionMisspelling) |
                   folded.SkeletonEvasions(match.from, match.to);
      } else {
        // A fold that changed nothing the keyword cares about is no evasion ("Viagra" → "viagra");
        // look-alike letters are judged on the text alone, below.
        NormalizedOfSkeletonSpan(folded, match.from, match.to, &s.span_text);
        evasions = s.span_text == pattern.normalized_keyword
                       ? NormalizedEvasions(folded, folded.skeleton_to_normalized[match.from],
                                            folded.skeleton_to_normalized[match.to - 1] + 1) &
                             ~(pattern.keyword_evasions & ~kEvasionHomoglyph)
                       : folded.SkeletonEvasions(match.from, match.to);
      }
      const auto [start, end] = folded.OriginalSpanOfSkeleton(match.from, match.to);
      evasions = WithoutSingleScriptHomoglyphs(std::string_view(original).substr(start, end - start),
                                               evasions);
      s.pattern_hits.push_back({match.pattern, span.field, start, end, evasions});
      s.hit_spans.push_back({folded.skeleton_to_normalized[match.from],
                             folded.skeleton_to_normalized[match.to - 1] + 1, pattern.positive});
    }
    // 5b. Hits in the scope of a negation cue ("without X", "X-free") are marked for the rules.
    if (const NegationCueTable& negations = pack_->negations(); !negations.empty()) {
      negations.Mark(folded, original, s.hit_spans, &s.negation_scratch, &s.negated);
      for (size_t h = 0; h < s.negated.size(); ++h) {
        s.pattern_hits[field_hits + h].negated = s.negated[h] != 0;
      }
    }
    i = j;
  }
  flush(current_listing);
  return absl::OkStatus();
}

}  // namespace listscan
