// Statements of reasons: the mapping from a flagged listing and its rules to the Transparency
// Database's fields, enums and limits.
#include "report/statement_of_reasons.h"

#include <algorithm>
#include <array>
#include <set>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "output/json_text.h"
#include "report/text_limits.h"

namespace listscan::report {
namespace {

// Limits of the database's validation (characters; we count bytes, which is stricter).
constexpr size_t kMaxShortText = 500;     // legal ground, *_other, source_identity, puid
constexpr size_t kMaxExplanation = 2000;  // illegal_content_explanation
constexpr size_t kMaxFacts = 5000;        // decision_facts
constexpr absl::string_view kEarliestContentDate = "2000-01-01";
constexpr absl::string_view kEarliestApplicationDate = "2020-01-01";
constexpr absl::string_view kLatestDate = "2038-01-01";

constexpr std::array kVisibilities = {"DECISION_VISIBILITY_CONTENT_REMOVED",
                                      "DECISION_VISIBILITY_CONTENT_DISABLED",
                                      "DECISION_VISIBILITY_CONTENT_DEMOTED",
                                      "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
                                      "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
                                      "DECISION_VISIBILITY_CONTENT_LABELLED",
                                      "DECISION_VISIBILITY_OTHER"};
constexpr std::array kMonetary = {"DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION",
                                  "DECISION_MONETARY_OTHER"};
constexpr std::array kProvision = {
    "DECISION_PROVISION_PARTIAL_SUSPENSION", "DECISION_PROVISION_TOTAL_SUSPENSION",
    "DECISION_PROVISION_PARTIAL_TERMINATION", "DECISION_PROVISION_TOTAL_TERMINATION"};
constexpr std::array kAccount = {"DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED"};
constexpr std::array kAccountType = {"ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"};
constexpr std::array kSourceType = {"SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER",
                                    "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY"};
constexpr std::array kAutomatedDecision = {
    "AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"};

template <size_t N>
absl::Status CheckEnum(absl::string_view option, absl::string_view value,
                       const std::array<const char*, N>& allowed, bool may_be_empty) {
  if (value.empty() && may_be_empty) return absl::OkStatus();
  for (const char* name : allowed) {
    if (value == name) return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat(option, ": '", value, "' is not one of ", absl::StrJoin(allowed, ", ")));
}

absl::Status CheckText(absl::string_view option, absl::string_view text, bool needed,
                       absl::string_view why) {
  if (needed && text.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(option, " is required with ", why));
  }
  if (text.size() > kMaxShortText) {
    return absl::InvalidArgumentError(absl::StrCat(option, " is longer than 500 bytes"));
  }
  return absl::OkStatus();
}

absl::Status CheckDate(absl::string_view option, absl::string_view date,
                       absl::string_view earliest) {
  if (!IsIsoDate({date.data(), date.size()}) || date < earliest || date > kLatestDate) {
    return absl::InvalidArgumentError(absl::StrCat(option, ": '", date, "' is not a date from ",
                                                   earliest, " to ", kLatestDate, " (YYYY-MM-DD)"));
  }
  return absl::OkStatus();
}

// How a rule category files in the database: its statement category and keyword.
struct FilingCategory {
  std::string_view category;
  std::string_view keyword;
};

FilingCategory FilingFor(Category category) {
  switch (category) {
    case Category::kMedicines:
    case Category::kSupplements:
      return {"STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS", "KEYWORD_PROHIBITED_PRODUCTS"};
    case Category::kCosmetics:
    case Category::kToys:
    case Category::kElectronics:
      return {"STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS", "KEYWORD_UNSAFE_PRODUCTS"};
    case Category::kHiddenLinks:  // contact details that take the sale off the platform
      return {"STATEMENT_CATEGORY_CONSUMER_INFORMATION",
              "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS"};
    case Category::kAdhoc:
      return {"STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_GOODS_SERVICES_NOT_PERMITTED"};
  }
  return {"STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER"};
}

// Product categories come first: they are why a listing is illegal, the rest adds to it.
int FilingRank(Category category) {
  switch (category) {
    case Category::kHiddenLinks:
      return 1;
    case Category::kAdhoc:
      return 2;
    default:
      return 0;
  }
}

void AppendKey(std::string* out, std::string_view key) {
  out->append(out->back() == '{' ? "\"" : ",\"");
  out->append(key);
  out->append("\":");
}

void AppendStringField(std::string* out, std::string_view key, std::string_view value) {
  AppendKey(out, key);
  AppendJsonString(out, value);
}

void AppendArrayField(std::string* out, std::string_view key,
                      const std::vector<std::string>& values) {
  AppendKey(out, key);
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(out, values[i]);
  }
  out->push_back(']');
}

std::string LegalGround(const Rule& rule) {
  if (rule.sources.empty()) return rule.legal_basis;
  std::vector<std::string> parts;
  for (const RuleSource& source : rule.sources) {
    parts.push_back(source.provision.empty()
                        ? source.document
                        : absl::StrCat(source.document, " ", source.provision));
  }
  return absl::StrJoin(parts, "; ");
}

std::vector<std::string> AllEeaCountries() {
  std::vector<std::string> codes;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string code{a, b};
      if (IsEeaCountry(code)) codes.push_back(code);
    }
  }
  return codes;
}

// The listing's country as an EEA code, or "" when it has none.
std::string ListingCountry(const FlaggedListing& listing, const std::string& field) {
  const std::string* value = listing.Field(field);
  if (value == nullptr) return "";
  std::string code = NormalizeCountryCode(*value);
  return IsEeaCountry(code) ? code : "";
}

// Every EEA country where one of the rules holds.
std::vector<std::string> RulesScope(const std::vector<const Rule*>& rules) {
  static const std::vector<std::string> kEea = AllEeaCountries();
  std::set<std::string> scope;
  for (const Rule* rule : rules) {
    for (const std::string& code : kEea) {
      const bool listed = rule->countries.empty() ||
                          std::count(rule->countries.begin(), rule->countries.end(), code) > 0;
      const bool excepted =
          std::count(rule->except_countries.begin(), rule->except_countries.end(), code) > 0;
      if (listed && !excepted) scope.insert(code);
    }
  }
  return {scope.begin(), scope.end()};
}

// Where the decision applies: the listing's country when a rule holds there; else (no country,
// one outside the EEA, or one where the rules do not hold) every country where they do.
std::vector<std::string> TerritorialScope(const std::string& country,
                                          const std::vector<const Rule*>& rules) {
  std::vector<std::string> scope = RulesScope(rules);
  if (std::count(scope.begin(), scope.end(), country) > 0) return {country};
  return scope;
}

// What was found, rule by rule, for decision_facts. Contact details are not repeated (Art. 24(5)
// DSA: no personal data in the database); product words are, once each.
std::string DecisionFacts(const FlaggedListing& listing, const std::vector<const Rule*>& rules) {
  std::string facts =
      absl::StrCat("Listing ", listing.id, " was detected by automated text matching.");
  for (const Rule* rule : rules) {
    absl::StrAppend(&facts, " ", rule->title, " (rule ", rule->id, "): ");
    std::vector<std::string> found;
    for (const FlaggedHit& hit : listing.hits) {
      if (hit.rule != rule->id) continue;
      std::string item =
          rule->category == Category::kHiddenLinks
              ? absl::StrCat("contact details for a sale off the platform in the ", hit.field)
              : absl::StrCat("'", hit.match, "' in the ", hit.field);
      if (!hit.evasion.empty())
        absl::StrAppend(&item, " (written to evade filters: ", hit.evasion, ")");
      if (std::find(found.begin(), found.end(), item) == found.end()) found.push_back(item);
    }
    absl::StrAppend(&facts, absl::StrJoin(found, ", "), ".");
  }
  return Truncated(facts, kMaxFacts);
}

std::string ContentDate(const FlaggedListing& listing, const StatementOptions& options) {
  if (const std::string* value = listing.Field(options.content_date_field)) {
    const std::string date = value->substr(0, 10);
    if (IsIsoDate(date) && date >= kEarliestContentDate && date <= kLatestDate) return date;
  }
  return options.content_date;
}

bool IsEan13(const std::string* value) {
  return value && value->size() == 13 &&
         std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

absl::Status ValidateStatementOptions(const StatementOptions& o) {
  const bool any_other_decision =
      !o.decision_monetary.empty() || !o.decision_provision.empty() || !o.decision_account.empty();
  if (o.decision_visibility.empty() && !any_other_decision) {
    return absl::InvalidArgumentError(
        "a decision is required: --decision-visibility, --decision-monetary, "
        "--decision-provision or --decision-account");
  }
  bool visibility_other = false;
  for (const std::string& value : o.decision_visibility) {
    if (absl::Status s = CheckEnum("--decision-visibility", value, kVisibilities, false); !s.ok()) {
      return s;
    }
    visibility_other |= value == "DECISION_VISIBILITY_OTHER";
  }
  absl::Status status = CheckEnum("--decision-monetary", o.decision_monetary, kMonetary, true);
  status.Update(CheckEnum("--decision-provision", o.decision_provision, kProvision, true));
  status.Update(CheckEnum("--decision-account", o.decision_account, kAccount, true));
  status.Update(CheckEnum("--account-type", o.account_type, kAccountType, true));
  status.Update(CheckEnum("--source-type", o.source_type, kSourceType, false));
  status.Update(CheckEnum("--automated-decision", o.automated_decision, kAutomatedDecision, false));
  status.Update(CheckText("--decision-visibility-other", o.decision_visibility_other,
                          visibility_other, "DECISION_VISIBILITY_OTHER"));
  status.Update(CheckText("--decision-monetary-other", o.decision_monetary_other,
                          o.decision_monetary == "DECISION_MONETARY_OTHER",
                          "DECISION_MONETARY_OTHER"));
  status.Update(CheckText("--source-identity", o.source_identity, false, ""));
  status.Update(CheckText("--decision-ground-url", o.decision_ground_reference_url, false, ""));
  status.Update(CheckDate("--application-date", o.application_date, kEarliestApplicationDate));
  status.Update(CheckDate("--date", o.content_date, kEarliestContentDate));
  if (o.puid_prefix.size() > 100) {
    status.Update(absl::InvalidArgumentError("--puid-prefix is longer than 100 bytes"));
  }
  return status;
}

std::string PuidMaker::Make(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string puid;
  for (char c : prefix_) {  // the prefix is the user's: only its allowed characters are kept
    if (absl::ascii_isalnum(c) || c == '-' || c == '_') puid.push_back(c);
  }
  for (unsigned char c : id) {
    if (absl::ascii_isalnum(c) || c == '-') {
      puid.push_back(static_cast<char>(c));
    } else {
      puid.push_back('_');
      puid.push_back(kHex[c >> 4]);
      puid.push_back(kHex[c & 15]);
    }
  }
  // Over the limit: a cut id plus its hash stays unique in practice and within 500.
  if (puid.size() > kMaxShortText - 40) {
    puid =
        absl::StrCat(puid.substr(0, kMaxShortText - 60), "_H", absl::Hash<std::string_view>{}(id));
  }
  const uint32_t occurrence = ++seen_[absl::Hash<std::string>{}(puid)];
  if (occurrence > 1) absl::StrAppend(&puid, "_x", occurrence);
  return puid;
}

StatementWriter::StatementWriter(const RuleSet& rules, StatementOptions options)
    : rules_(rules), options_(std::move(options)), puids_(options_.puid_prefix) {
  for (const Rule& rule : rules_.rules) rule_by_id_.emplace(rule.id, &rule);
}

absl::Status StatementWriter::Append(const FlaggedListing& listing, std::string* out) {
  std::vector<const Rule*> rules;
  for (const FlaggedHit& hit : listing.hits) {
    auto found = rule_by_id_.find(hit.rule);
    if (found == rule_by_id_.end()) {
      return absl::NotFoundError(absl::StrCat("listing ", listing.id, ": rule ", hit.rule,
                                              " is not in the packs given with --rules"));
    }
    if (std::find(rules.begin(), rules.end(), found->second) == rules.end()) {
      rules.push_back(found->second);
    }
  }
  std::stable_sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) {
    return FilingRank(a->category) < FilingRank(b->category);
  });
  const FilingCategory main = FilingFor(rules.front()->category);
  std::set<std::string> additions, keywords;
  std::vector<std::string> grounds, explanations;
  bool illegal = false;
  for (const Rule* rule : rules) {
    const FilingCategory filing = FilingFor(rule->category);
    if (filing.category != main.category) additions.emplace(filing.category);
    keywords.emplace(filing.keyword);
    if (rule->category == Category::kAdhoc) continue;
    illegal = true;
    const std::string ground = LegalGround(*rule);
    if (std::find(grounds.begin(), grounds.end(), ground) == grounds.end()) {
      grounds.push_back(ground);
    }
    explanations.push_back(absl::StrCat(rule->title, ": ", rule->legal_basis));
  }

  out->push_back('{');
  if (!options_.decision_visibility.empty()) {
    AppendArrayField(out, "decision_visibility", options_.decision_visibility);
  }
  if (!options_.decision_visibility_other.empty()) {
    AppendStringField(out, "decision_visibility_other", options_.decision_visibility_other);
  }
  if (!options_.decision_monetary.empty()) {
    AppendStringField(out, "decision_monetary", options_.decision_monetary);
    if (options_.decision_monetary == "DECISION_MONETARY_OTHER") {
      AppendStringField(out, "decision_monetary_other", options_.decision_monetary_other);
    }
  }
  if (!options_.decision_provision.empty()) {
    AppendStringField(out, "decision_provision", options_.decision_provision);
  }
  if (!options_.decision_account.empty()) {
    AppendStringField(out, "decision_account", options_.decision_account);
  }
  if (!options_.account_type.empty()) AppendStringField(out, "account_type", options_.account_type);
  if (illegal) {
    AppendStringField(out, "decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
    AppendStringField(out, "illegal_content_legal_ground",
                      Truncated(absl::StrJoin(grounds, "; "), kMaxShortText));
    AppendStringField(out, "illegal_content_explanation",
                      Truncated(absl::StrJoin(explanations, "; "), kMaxExplanation));
  } else {
    AppendStringField(out, "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    AppendStringField(out, "incompatible_content_ground",
                      "The platform's terms and conditions: its list of words not allowed in "
                      "listings");
    AppendStringField(out, "incompatible_content_explanation",
                      "The listing contains words on the platform's list of words not allowed "
                      "in listings.");
  }
  if (!options_.decision_ground_reference_url.empty()) {
    AppendStringField(out, "decision_ground_reference_url", options_.decision_ground_reference_url);
  }
  AppendArrayField(out, "content_type", {"CONTENT_TYPE_PRODUCT"});
  AppendStringField(out, "category", main.category);
  if (!additions.empty()) {
    AppendArrayField(out, "category_addition", {additions.begin(), additions.end()});
  }
  AppendArrayField(out, "category_specification", {keywords.begin(), keywords.end()});
  AppendArrayField(out, "territorial_scope",
                   TerritorialScope(ListingCountry(listing, options_.country_field), rules));
  AppendStringField(out, "content_date", ContentDate(listing, options_));
  AppendStringField(out, "application_date", options_.application_date);
  AppendStringField(out, "decision_facts", DecisionFacts(listing, rules));
  AppendStringField(out, "source_type", options_.source_type);
  if (options_.source_type != "SOURCE_VOLUNTARY" && !options_.source_identity.empty()) {
    AppendStringField(out, "source_identity", options_.source_identity);
  }
  AppendStringField(out, "automated_detection", "Yes");
  AppendStringField(out, "automated_decision", options_.automated_decision);
  AppendStringField(out, "puid", puids_.Make(listing.id));
  if (const std::string* ean = listing.Field(options_.ean_field); IsEan13(ean)) {
    AppendKey(out, "content_id");
    out->append("{\"EAN-13\":\"");
    out->append(*ean);
    out->append("\"}");
  }
  out->push_back('}');
  return absl::OkStatus();
}

}  // namespace listscan::report
