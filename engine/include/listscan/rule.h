// The rule model: what a rule pack says once loaded from YAML (see docs/rule-format.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace listscan {

enum class Category { kMedicines, kSupplements, kCosmetics, kToys, kElectronics, kHiddenLinks, kAdhoc };
enum class Severity { kLow, kMedium, kHigh, kCritical };

std::string_view CategoryName(Category category);
std::optional<Category> ParseCategory(std::string_view name);  // rule-pack categories only
std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);
bool IsEeaCountry(std::string_view code);  // "DE", "GR"; not "EL", "UK" or lower case
// A country as listings write it, as a code: trimmed, upper case, Greece's "EL" read as "GR" and
// "UK" as "GB"; "" for none.
std::string NormalizeCountryCode(std::string_view value);
// The listing field that names its country unless the user says otherwise (`--country-field`).
inline constexpr std::string_view kDefaultCountryField = "country";

// A keyword synonym group (any of `keywords`) or one regex.
struct Term {
  std::vector<std::string> keywords;  // empty for a regex term
  std::string regex;                  // empty for a keyword term
  int line = 0;                       // where the term is written
  bool is_regex() const { return keywords.empty(); }
};

struct NearClause {
  Term a;
  Term b;
  int within = 0;  // at most this many words between a match of `a` and one of `b`
  int line = 0;
};

// `where` filter on one metadata field: accepted values (caseless) or a numeric range.
struct WhereFilter {
  std::string field;
  std::vector<std::string> values;
  std::optional<double> min;
  std::optional<double> max;
};

// One example listing: field name → text (a plain string example is {"title": text}).
struct ExampleListing {
  std::vector<std::pair<std::string, std::string>> fields;
  int line = 0;
};

// Approximate matching of a rule's keywords: a word that sounds like a keyword of 5 letters or
// more (the same phonetic key: ph/f, y/i, k/c, x/ks, doubled letters once), or that lies one edit
// from such a key for keywords of `min_letters` or more (a letter changed, added, dropped, or two
// neighbours swapped), counts as a hit with evasion `misspelling`.
struct FuzzyOptions {
  static constexpr int kSoundAlikeLetters = 5;  // "xanaks", "jammmer", "boraks"
  // One edit needs keys of 7 letters at least (see FuzzyIndex); by default 8: names of 7 letters
  // ("Molisana" beside a benzodiazepine brand) lie one edit from too many other names.
  static constexpr int kFewestEditLetters = 7;
  static constexpr int kMinLetters = 8;
  bool enabled = true;
  int min_letters = kMinLetters;  // keywords with fewer letters take no edit
};

// Negation cues of one language (pack-level `negations:`): a substance named in the scope of a
// cue ("without X", "X-free", "sans X ni Y") is not offered, so its hits do not count.
struct NegationCues {
  std::string language;
  std::vector<std::string> before;  // open a scope to their right: "without", "free of"
  std::vector<std::string> after;   // close a scope to their left: "-free", "nelkul"
  std::vector<std::string> joins;   // list words that carry a scope on: "and", "or", "nor"
  std::vector<std::string> stops;   // words that end a scope: "with", "contains"
  std::vector<std::string> not_followed_by;  // a cue before one of these is none: "no prescription"
  std::string file;
  int line = 0;
};

// Where a rule's facts come from: an act, standard, register or report a regulator can look up.
struct RuleSource {
  std::string document;   // "Regulation (EC) No 1223/2009"
  std::string provision;  // "Annex II entry 1339"; may be empty
  std::string url;        // may be empty
};

struct Rule {
  std::string id;
  std::string title;
  Category category = Category::kMedicines;
  Severity severity = Severity::kMedium;
  std::string legal_basis;
  std::vector<RuleSource> sources;
  std::string reviewed;  // ISO date the facts were last checked against the sources; may be empty
  // Territorial scope where legality differs by member state (ISO 3166-1 alpha-2 EEA codes, Greece
  // GR): the rule's verdict holds only in `countries`, or everywhere but `except_countries`; both
  // empty: the whole EEA.
  std::vector<std::string> countries;
  std::vector<std::string> except_countries;
  std::vector<std::string> languages;
  std::vector<std::string> fields;  // glob patterns on field paths; empty: every scanned field

  std::vector<Term> any;
  std::vector<Term> all;
  std::vector<Term> none;
  std::vector<NearClause> near;
  std::vector<Term> exceptions;
  std::vector<WhereFilter> where;

  uint16_t allowed_evasions = 0xffff;  // EvasionBits the rule accepts in its keyword hits
  bool word_boundaries = true;      // false for ad-hoc keywords (grep -F semantics)
  FuzzyOptions fuzzy;
  bool negation = true;             // the pack's negation cues clear hits in their scope

  std::vector<ExampleListing> flag_examples;
  std::vector<ExampleListing> pass_examples;

  std::string file;  // where the rule is written, for diagnostics
  int line = 0;
  int column = 0;
};

struct RuleSet {
  std::vector<Rule> rules;
  std::vector<NegationCues> negations;
  // Real words (from the word lists of the pack's languages) that lie one edit from a fuzzy
  // keyword: such a word in a listing is itself, not a misspelling ("morphing" is no "morphine").
  // Empty in a pack read from the pack cache: its misspelling index was built from them.
  std::vector<std::string> common_words;
  // The files the common words came from: a `common_words: {file: NAME}` list, or the YAML file
  // with an inline list. The pack cache checks that they are unchanged before it uses a cached
  // pack, and the pack version of `serve` hashes them.
  std::vector<std::string> referenced_files;
};

}  // namespace listscan
