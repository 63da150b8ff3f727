// SerializePack / DeserializePack: the whole compiled pack as one flat byte string.
//
// Layout: a header (magic, format, the build identity, Hyperscan's version and the CPU features
// the databases were compiled for), the rule set (without its common words), the pattern table,
// the statistics, the Hyperscan databases and the misspelling index (FuzzyIndex::Serialize), then
// an XXH3 checksum of all that. The checksum is checked before anything else is read, so a corrupt
// file is refused whole. The negation cues are rebuilt from the rule set.
#include <hs/hs.h>
#include <xxhash.h>

#include <chrono>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "listscan/compiled_pack.h"
#include "match/build_identity.h"
#include "match/byte_codec.h"
#include "match/fuzzy_index.h"
#include "match/greeklish_index.h"
#include "match/hyperscan_databases.h"
#include "match/negation_cues.h"
#include "match/pattern_table.h"

namespace listscan {

// A member added to one of these types must be written and read below: the sizes catch it.
static_assert(sizeof(Term) == 64 && sizeof(NearClause) == 136 && sizeof(WhereFilter) == 88 &&
                  sizeof(ExampleListing) == 32 && sizeof(FuzzyOptions) == 8 &&
                  sizeof(NegationCues) == 192 && sizeof(RuleSource) == 96 && sizeof(Rule) == 504 &&
                  sizeof(RuleSet) == 96,
              "the rule model changed: update PackCodec's encoding of it");
static_assert(sizeof(TermRef) == 8 && sizeof(Pattern) == 136 && sizeof(PatternTable) == 312,
              "the pattern table changed: update PackCodec's encoding of it");
static_assert(sizeof(CompileStats) == 64, "CompileStats changed: update PackCodec");

namespace {

constexpr char kMagic[8] = {'L', 'S', 'P', 'A', 'C', 'K', '\0', '\1'};
constexpr uint32_t kFormat = 6;

std::string PlatformName() {
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  return absl::StrCat("hyperscan ", hs_version(), " tune ", platform.tune, " features ",
                      platform.cpu_features);
}

void PutTerm(ByteWriter& out, const Term& term) {
  out.PutStrings(term.keywords);
  out.PutString(term.regex);
  out.Put<int32_t>(term.line);
}

Term GetTerm(ByteReader& in) {
  Term term;
  term.keywords = in.GetStrings();
  term.regex = in.GetString();
  term.line = in.Get<int32_t>();
  return term;
}

void PutTerms(ByteWriter& out, const std::vector<Term>& terms) {
  out.Put<uint64_t>(terms.size());
  for (const Term& term : terms) PutTerm(out, term);
}

std::vector<Term> GetTerms(ByteReader& in) {
  std::vector<Term> terms(in.GetCount(20));
  for (Term& term : terms) term = GetTerm(in);
  return terms;
}

void PutExamples(ByteWriter& out, const std::vector<ExampleListing>& examples) {
  out.Put<uint64_t>(examples.size());
  for (const ExampleListing& example : examples) {
    out.Put<uint64_t>(example.fields.size());
    for (const auto& [name, text] : example.fields) {
      out.PutString(name);
      out.PutString(text);
    }
    out.Put<int32_t>(example.line);
  }
}

std::vector<ExampleListing> GetExamples(ByteReader& in) {
  std::vector<ExampleListing> examples(in.GetCount(12));
  for (ExampleListing& example : examples) {
    example.fields.resize(in.GetCount(16));
    for (auto& [name, text] : example.fields) {
      name = in.GetString();
      text = in.GetString();
    }
    example.line = in.Get<int32_t>();
  }
  return examples;
}

void PutOptional(ByteWriter& out, const std::optional<double>& value) {
  out.Put<uint8_t>(value.has_value());
  out.Put<double>(value.value_or(0));
}

std::optional<double> GetOptional(ByteReader& in) {
  const bool present = in.GetBool();
  const double value = in.Get<double>();
  return present ? std::optional<double>(value) : std::nullopt;
}

void PutRule(ByteWriter& out, const Rule& rule) {
  out.PutString(rule.id);
  out.PutString(rule.title);
  out.Put<uint8_t>(static_cast<uint8_t>(rule.category));
  out.Put<uint8_t>(static_cast<uint8_t>(rule.severity));
  out.PutString(rule.legal_basis);
  out.Put<uint64_t>(rule.sources.size());
  for (const RuleSource& source : rule.sources) {
    out.PutString(source.document);
    out.PutString(source.provision);
    out.PutString(source.url);
  }
  out.PutString(rule.reviewed);
  out.PutStrings(rule.countries);
  out.PutStrings(rule.except_countries);
  out.PutStrings(rule.languages);
  out.PutStrings(rule.fields);
  PutTerms(out, rule.any);
  PutTerms(out, rule.all);
  PutTerms(out, rule.none);
  out.Put<uint64_t>(rule.near.size());
  for (const NearClause& near : rule.near) {
    PutTerm(out, near.a);
    PutTerm(out, near.b);
    out.Put<int32_t>(near.within);
    out.Put<int32_t>(near.line);
  }
  PutTerms(out, rule.exceptions);
  out.Put<uint64_t>(rule.where.size());
  for (const WhereFilter& where : rule.where) {
    out.PutString(where.field);
    out.PutStrings(where.values);
    PutOptional(out, where.min);
    PutOptional(out, where.max);
  }
  out.Put<uint16_t>(rule.allowed_evasions);
  out.Put<uint8_t>(rule.word_boundaries);
  out.Put<uint8_t>(rule.fuzzy.enabled);
  out.Put<int32_t>(rule.fuzzy.min_letters);
  out.Put<uint8_t>(rule.negation);
  PutExamples(out, rule.flag_examples);
  PutExamples(out, rule.pass_examples);
  out.PutString(rule.file);
  out.Put<int32_t>(rule.line);
}

Rule GetRule(ByteReader& in) {
  Rule rule;
  rule.id = in.GetString();
  rule.title = in.GetString();
  rule.category = in.GetEnum(Category::kAdhoc);
  rule.severity = in.GetEnum(Severity::kCritical);
  rule.legal_basis = in.GetString();
  rule.sources.resize(in.GetCount(24));
  for (RuleSource& source : rule.sources) {
    source.document = in.GetString();
    source.provision = in.GetString();
    source.url = in.GetString();
  }
  rule.reviewed = in.GetString();
  rule.countries = in.GetStrings();
  rule.except_countries = in.GetStrings();
  rule.languages = in.GetStrings();
  rule.fields = in.GetStrings();
  rule.any = GetTerms(in);
  rule.all = GetTerms(in);
  rule.none = GetTerms(in);
  rule.near.resize(in.GetCount(48));
  for (NearClause& near : rule.near) {
    near.a = GetTerm(in);
    near.b = GetTerm(in);
    near.within = in.Get<int32_t>();
    near.line = in.Get<int32_t>();
  }
  rule.exceptions = GetTerms(in);
  rule.where.resize(in.GetCount(34));
  for (WhereFilter& where : rule.where) {
    where.field = in.GetString();
    where.values = in.GetStrings();
    where.min = GetOptional(in);
    where.max = GetOptional(in);
  }
  rule.allowed_evasions = in.Get<uint16_t>();
  rule.word_boundaries = in.GetBool();
  rule.fuzzy.enabled = in.GetBool();
  rule.fuzzy.min_letters = in.Get<int32_t>();
  rule.negation = in.GetBool();
  rule.flag_examples = GetExamples(in);
  rule.pass_examples = GetExamples(in);
  rule.file = in.GetString();
  rule.line = in.Get<int32_t>();
  return rule;
}

void PutRuleSet(ByteWriter& out, const RuleSet& rules) {
  out.Put<uint64_t>(rules.rules.size());
  for (const Rule& rule : rules.rules) PutRule(out, rule);
  out.Put<uint64_t>(rules.negations.size());
  for (const NegationCues& cues : rules.negations) {
    out.PutString(cues.language);
    out.PutStrings(cues.before);
    out.PutStrings(cues.after);
    out.PutStrings(cues.joins);
    out.PutStrings(cues.stops);
    out.PutStrings(cues.not_followed_by);
    out.PutString(cues.file);
    out.Put<int32_t>(cues.line);
  }
  // Not rules.common_words: the misspelling index, serialized with the pack, holds what scanning
  // needs of them, and reading 400,000 words back was a tenth of a cached start-up.
  out.PutStrings(rules.referenced_files);
}

RuleSet GetRuleSet(ByteReader& in) {
  RuleSet rules;
  rules.rules.resize(in.GetCount(100));
  for (Rule& rule : rules.rules) {
    if (!in.ok()) break;
    rule = GetRule(in);
  }
  rules.negations.resize(in.GetCount(60));
  for (NegationCues& cues : rules.negations) {
    cues.language = in.GetString();
    cues.before = in.GetStrings();
    cues.after = in.GetStrings();
    cues.joins = in.GetStrings();
    cues.stops = in.GetStrings();
    cues.not_followed_by = in.GetStrings();
    cues.file = in.GetString();
    cues.line = in.Get<int32_t>();
  }
  rules.referenced_files = in.GetStrings();
  return rules;
}

void PutPattern(ByteWriter& out, const Pattern& pattern) {
  out.Put<uint8_t>(pattern.is_regex);
  out.Put<uint8_t>(pattern.fuzzy);
  out.Put<uint8_t>(pattern.fuzzy_min_letters);
  out.PutString(pattern.expression);
  out.PutString(pattern.normalized_keyword);
  out.Put<uint8_t>(pattern.word_boundaries);
  out.Put<uint8_t>(pattern.left_is_word);
  out.Put<uint8_t>(pattern.right_is_word);
  out.Put<uint16_t>(pattern.allowed_evasions);
  out.Put<uint8_t>(pattern.keyword_evasions);
  out.Put<uint32_t>(pattern.greek_words);
  out.Put<uint8_t>(pattern.spaced_only);
  out.Put<uint8_t>(pattern.positive);
}

// Each index the scanner follows is checked against what it indexes, so that bytes which pass
// the checksum but disagree with themselves are refused, not followed out of bounds.
bool ValidRef(const TermRef& ref, const RuleSet& rules) {
  if (ref.rule >= rules.rules.size()) return false;
  const Rule& rule = rules.rules[ref.rule];
  switch (ref.clause) {
    case Clause::kAny:
      return ref.term < rule.any.size();
    case Clause::kAll:
      return ref.term < rule.all.size();
    case Clause::kNone:
      return ref.term < rule.none.size();
    case Clause::kException:
      return ref.term < rule.exceptions.size();
    case Clause::kNearA:
    case Clause::kNearB:
      return ref.term < rule.near.size();
  }
  return false;
}

Pattern GetPattern(ByteReader& in) {
  Pattern pattern;
  pattern.is_regex = in.GetBool();
  pattern.fuzzy = in.GetBool();
  pattern.fuzzy_min_letters = in.Get<uint8_t>();
  pattern.expression = in.GetString();
  pattern.normalized_keyword = in.GetString();
  pattern.word_boundaries = in.GetBool();
  pattern.left_is_word = in.GetBool();
  pattern.right_is_word = in.GetBool();
  pattern.allowed_evasions = in.Get<uint16_t>();
  pattern.keyword_evasions = in.Get<uint8_t>();
  pattern.greek_words = in.Get<uint32_t>();
  pattern.spaced_only = in.GetBool();
  pattern.positive = in.GetBool();
  return pattern;
}

bool AllBelow(const std::vector<uint32_t>& values, size_t limit) {
  for (uint32_t value : values) {
    if (value >= limit) return false;
  }
  return true;
}

absl::Status PutDatabase(ByteWriter& out, const hs_database_t* db) {
  if (!db) {
    out.PutString({});
    return absl::OkStatus();
  }
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) {
    return absl::InternalError("Hyperscan could not serialize a database");
  }
  out.PutString(std::string_view(bytes, length));
  free(bytes);
  return absl::OkStatus();
}

bool GetDatabase(ByteReader& in, hs_database_t** db) {
  const std::string_view bytes = in.GetView();
  if (!in.ok() || bytes.empty()) return in.ok();
  return hs_deserialize_database(bytes.data(), bytes.size(), db) == HS_SUCCESS;
}

absl::Status CorruptError(std::string_view what) {
  return absl::DataLossError(
      absl::StrCat("compiled pack: corrupt or truncated bytes (", std::string(what), ")"));
}

}  // namespace

// Friend of CompiledPack and PatternTable: reads and writes their private parts.
struct PackCodec {
  static void PutPatternTable(ByteWriter& out, const PatternTable& table) {
    out.Put<uint64_t>(table.patterns_.size());
    for (const Pattern& pattern : table.patterns_) PutPattern(out, pattern);
    table.refs_.Serialize(&out);
    table.trigger_rules_.Serialize(&out);
    table.requirements_.Serialize(&out);
    out.PutVector(table.literal_ids_);
    out.PutVector(table.regex_ids_);
    out.PutVector(table.required_regex_ids_);
    out.PutVector(table.fuzzy_ids_);
    out.PutVector(table.requirement_rule_);
    out.PutVector(table.rule_requirement_count_);
  }

  static std::unique_ptr<PatternTable> GetPatternTable(ByteReader& in, const RuleSet& rules) {
    std::unique_ptr<PatternTable> table(new PatternTable());
    table->patterns_.resize(in.GetCount(40));
    for (Pattern& pattern : table->patterns_) {
      if (!in.ok()) break;
      pattern = GetPattern(in);
    }
    if (!table->refs_.Deserialize(&in) || !table->trigger_rules_.Deserialize(&in) ||
        !table->requirements_.Deserialize(&in) || !table->LinkRuns()) {
      in.Fail();
    }
    for (const TermRef& ref : table->refs_.values()) {
      if (!ValidRef(ref, rules)) in.Fail();  // also an unknown clause
    }
    table->literal_ids_ = in.GetVector<uint32_t>();
    table->regex_ids_ = in.GetVector<uint32_t>();
    table->required_regex_ids_ = in.GetVector<uint32_t>();
    table->fuzzy_ids_ = in.GetVector<uint32_t>();
    table->requirement_rule_ = in.GetVector<uint32_t>();
    table->rule_requirement_count_ = in.GetVector<uint32_t>();
    const size_t patterns = table->patterns_.size();
    const size_t requirements = table->requirement_rule_.size();
    bool valid = AllBelow(table->literal_ids_, patterns) && AllBelow(table->regex_ids_, patterns) &&
                 AllBelow(table->required_regex_ids_, patterns) &&
                 AllBelow(table->fuzzy_ids_, patterns) &&
                 AllBelow(table->requirement_rule_, rules.rules.size()) &&
                 table->rule_requirement_count_.size() == rules.rules.size();
    for (const Pattern& pattern : table->patterns_) valid = valid && !pattern.refs.empty();
    valid = valid && table->requirements_.AllBelow(requirements) &&
            table->trigger_rules_.AllBelow(rules.rules.size());
    if (!valid) in.Fail();
    return table;
  }

  static absl::StatusOr<std::string> Serialize(const CompiledPack& pack) {
    ByteWriter out;
    out.bytes().append(kMagic, sizeof(kMagic));
    out.Put<uint32_t>(kFormat);
    out.PutString(BuildIdentity());
    out.PutString(PlatformName());
    PutRuleSet(out, pack.rules_);
    PutPatternTable(out, *pack.patterns_);
    const CompileStats& stats = pack.stats_;
    for (size_t count : {stats.rules, stats.literal_patterns, stats.regex_patterns,
                         stats.fuzzy_keywords, stats.database_bytes, stats.scratch_bytes}) {
      out.Put<uint64_t>(count);
    }
    const HyperscanDatabases& dbs = *pack.databases_;
    for (const hs_database_t* db : {dbs.literal, dbs.regex_presence}) {
      if (absl::Status status = PutDatabase(out, db); !status.ok()) return status;
    }
    out.Put<uint64_t>(dbs.regex_spans.size());
    for (const hs_database_t* db : dbs.regex_spans) {
      if (absl::Status status = PutDatabase(out, db); !status.ok()) return status;
    }
    pack.fuzzy().Serialize(&out);
    const uint64_t checksum = XXH3_64bits(out.bytes().data(), out.bytes().size());
    out.Put<uint64_t>(checksum);
    return std::move(out.bytes());
  }

  static absl::StatusOr<std::shared_ptr<const CompiledPack>> Deserialize(
      std::string_view bytes, std::shared_ptr<const void> owner) {
    const auto started = std::chrono::steady_clock::now();
    if (bytes.size() < sizeof(kMagic) || memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
      return absl::InvalidArgumentError("not a compiled listscan pack");
    }
    ByteReader header(bytes.substr(sizeof(kMagic)));
    const uint32_t format = header.Get<uint32_t>();
    if (header.ok() && format != kFormat) {
      return absl::FailedPreconditionError(
          absl::StrCat("compiled pack: format ", format, ", this build reads format ", kFormat));
    }
    if (bytes.size() < sizeof(kMagic) + sizeof(uint32_t) + sizeof(uint64_t)) {
      return CorruptError("too short");
    }
    const std::string_view body = bytes.substr(0, bytes.size() - sizeof(uint64_t));
    uint64_t checksum = 0;
    memcpy(&checksum, bytes.data() + body.size(), sizeof(checksum));
    if (checksum != XXH3_64bits(body.data(), body.size())) return CorruptError("checksum");

    ByteReader in(body.substr(sizeof(kMagic) + sizeof(uint32_t)), /*borrow=*/owner != nullptr);
    const std::string identity = in.GetString();
    const std::string platform = in.GetString();
    if (!in.ok()) return CorruptError("header");
    if (identity != BuildIdentity()) {
      return absl::FailedPreconditionError(absl::StrCat("compiled pack written by listscan ",
                                                        identity, ", this is ", BuildIdentity()));
    }
    if (platform != PlatformName()) {
      return absl::FailedPreconditionError(absl::StrCat("compiled pack built for ", platform,
                                                        ", this machine has ", PlatformName()));
    }
    std::shared_ptr<CompiledPack> pack(new CompiledPack());
    pack->bytes_owner_ = std::move(owner);
    pack->rules_ = GetRuleSet(in);
    if (!in.ok()) return CorruptError("rules");
    pack->patterns_ = GetPatternTable(in, pack->rules_);
    if (!in.ok()) return CorruptError("patterns");
    CompileStats& stats = pack->stats_;
    for (size_t* count : {&stats.rules, &stats.literal_patterns, &stats.regex_patterns,
                          &stats.fuzzy_keywords, &stats.database_bytes, &stats.scratch_bytes}) {
      *count = in.Get<uint64_t>();
    }
    if (!in.ok()) return CorruptError("statistics");
    UseHugePagesForDatabases();
    pack->databases_ = std::make_unique<HyperscanDatabases>();
    HyperscanDatabases& dbs = *pack->databases_;
    for (hs_database_t** db : {&dbs.literal, &dbs.regex_presence}) {
      if (!GetDatabase(in, db)) return CorruptError("Hyperscan database");
    }
    const uint64_t span_count = in.Get<uint64_t>();
    if (!in.ok() || span_count != pack->patterns_->regex_ids().size()) {
      return CorruptError("databases do not belong to the patterns");
    }
    std::vector<std::string_view> spans(span_count);
    for (std::string_view& bytes : spans) bytes = in.GetView();
    if (!in.ok() || !PlaceSpanDatabases(spans, &dbs)) return CorruptError("Hyperscan database");
    pack->fuzzy_ = FuzzyIndex::Deserialize(&in, pack->patterns_->patterns().size());
    if (!pack->fuzzy_) return CorruptError("misspelling index");
    if (!in.at_end()) return CorruptError("trailing bytes");
    const PatternTable& table = *pack->patterns_;
    if ((dbs.literal == nullptr) != table.literal_ids().empty() ||
        (dbs.regex_presence == nullptr) != table.required_regex_ids().empty()) {
      return CorruptError("databases do not belong to the patterns");
    }
    pack->negations_ = std::make_unique<NegationCueTable>(pack->rules_.negations);
    pack->greeklish_ = std::make_unique<GreeklishIndex>(table);
    stats.from_cache = true;
    stats.compile_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return std::shared_ptr<const CompiledPack>(std::move(pack));
  }
};

absl::StatusOr<std::string> SerializePack(const CompiledPack& pack) {
  return PackCodec::Serialize(pack);
}

absl::StatusOr<std::shared_ptr<const CompiledPack>> DeserializePack(std::string_view bytes) {
  return PackCodec::Deserialize(bytes, nullptr);
}

absl::StatusOr<std::shared_ptr<const CompiledPack>> DeserializePack(
    std::string_view bytes, std::shared_ptr<const void> owner) {
  return PackCodec::Deserialize(bytes, std::move(owner));
}

}  // namespace listscan
