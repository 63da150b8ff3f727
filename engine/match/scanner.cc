// Scanner: fold each field, run both databases, map hits to original offsets, evaluate rules.
#include "listscan/scanner.h"

#include <hs/hs.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "match/hyperscan_databases.h"
#include "match/pattern_table.h"
#include "match/rule_evaluator.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

struct RawMatch {
  uint32_t pattern_index;  // index into the database's id list
  uint32_t from;
  uint32_t to;
};

int CollectMatch(unsigned int id, unsigned long long from, unsigned long long to, unsigned int,
                 void* context) {
  static_cast<std::vector<RawMatch>*>(context)->push_back(
      {id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
  return 0;
}

// Word boundary at `position` of the skeleton, between the byte before and the byte at it.
// Digits read as letters next to real letters also count ("Viagra100mg"), since sellers glue
// doses and names together.
bool IsBoundary(const FoldedText& text, uint32_t position) {
  if (position == 0 || position >= text.skeleton.size()) return true;
  const auto before = static_cast<unsigned char>(text.skeleton[position - 1]);
  const auto after = static_cast<unsigned char>(text.skeleton[position]);
  if (!IsWordByte(before) || !IsWordByte(after)) return true;
  const bool before_leet = text.skeleton_evasions[position - 1] & kEvasionLeet;
  const bool after_leet = text.skeleton_evasions[position] & kEvasionLeet;
  return before_leet != after_leet;
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

uint8_t NormalizedEvasions(const FoldedText& text, uint32_t begin, uint32_t end) {
  uint8_t bits = 0;
  const uint32_t from = text.skeleton_to_normalized[begin];
  const uint32_t to = text.skeleton_to_normalized[end - 1] + 1;
  for (uint32_t i = from; i < to; ++i) bits |= text.normalized_evasions[i];
  return bits;
}

}  // namespace

struct Scanner::State {
  hs_scratch_t* scratch = nullptr;
  FoldedText folded;
  std::vector<RawMatch> raw;
  std::vector<PatternHit> pattern_hits;
  std::string span;
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
  const HyperscanDatabases& dbs = scanner->pack_->databases();
  for (hs_database_t* db : {dbs.literal, dbs.regex}) {
    if (db && hs_alloc_scratch(db, &scanner->state_->scratch) != HS_SUCCESS) {
      return absl::ResourceExhaustedError("Hyperscan could not allocate scratch space");
    }
  }
  scanner->state_->evaluator =
      std::make_unique<RuleEvaluator>(scanner->pack_->rules(), scanner->pack_->patterns());
  return scanner;
}

absl::Status Scanner::Scan(const Listing& listing, std::vector<Hit>* hits) {
  hits->clear();
  State& s = *state_;
  const PatternTable& table = pack_->patterns();
  const HyperscanDatabases& dbs = pack_->databases();
  s.pattern_hits.clear();
  for (uint32_t field = 0; field < listing.fields.size(); ++field) {
    const std::string& original = listing.fields[field].text;
    if (original.empty()) continue;
    FoldText(original, &s.folded);
    const FoldedText& folded = s.folded;

    if (dbs.literal && !folded.skeleton.empty()) {
      s.raw.clear();
      if (hs_scan(dbs.literal, folded.skeleton.data(), folded.skeleton.size(), 0, s.scratch,
                  CollectMatch, &s.raw) != HS_SUCCESS) {
        return absl::InternalError(absl::StrCat("Hyperscan scan failed on listing ", listing.id));
      }
      for (const RawMatch& match : s.raw) {
        const uint32_t pattern_id = table.literal_ids()[match.pattern_index];
        const Pattern& pattern = table.patterns()[pattern_id];
        const uint32_t begin = match.to - static_cast<uint32_t>(pattern.expression.size());
        if (pattern.word_boundaries &&
            ((pattern.left_is_word && !IsBoundary(folded, begin)) ||
             (pattern.right_is_word && !IsBoundary(folded, match.to)))) {
          continue;
        }
        // A fold that changed nothing the keyword cares about is no evasion ("Viagra" → "viagra").
        NormalizedOfSkeletonSpan(folded, begin, match.to, &s.span);
        const uint8_t evasions =
            s.span == pattern.normalized_keyword
                ? NormalizedEvasions(folded, begin, match.to) & ~pattern.keyword_evasions
                : folded.SkeletonEvasions(begin, match.to);
        const auto [start, end] = folded.OriginalSpanOfSkeleton(begin, match.to);
        s.pattern_hits.push_back({pattern_id, field, start, end, evasions});
      }
    }
    if (dbs.regex && !folded.normalized.empty()) {
      s.raw.clear();
      if (hs_scan(dbs.regex, folded.normalized.data(), folded.normalized.size(), 0, s.scratch,
                  CollectMatch, &s.raw) != HS_SUCCESS) {
        return absl::InternalError(absl::StrCat("Hyperscan scan failed on listing ", listing.id));
      }
      for (const RawMatch& match : s.raw) {
        if (match.to <= match.from) continue;
        uint8_t evasions = 0;
        for (uint32_t i = match.from; i < match.to; ++i) evasions |= folded.normalized_evasions[i];
        const auto [start, end] = folded.OriginalSpanOfNormalized(match.from, match.to);
        s.pattern_hits.push_back(
            {table.regex_ids()[match.pattern_index], field, start, end, evasions});
      }
    }
  }
  if (!s.pattern_hits.empty()) s.evaluator->Evaluate(listing, s.pattern_hits, hits);
  return absl::OkStatus();
}

}  // namespace listscan
