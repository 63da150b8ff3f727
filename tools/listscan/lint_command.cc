// `listscan lint [PACK...]`: rule-pack errors and warnings as `file:line:col: severity: message`
// or SARIF, for code review.
#include "lint_command.h"

#include <hs/hs.h>

#include <chrono>
#include <functional>
#include <fstream>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "exit_codes.h"
#include "pack_options.h"
#include "regex_alphabet.h"
#include "listscan/scan_job.h"
#include "match/fuzzy_index.h"
#include "match/hyperscan_databases.h"
#include "match/pattern_table.h"
#include "normalize/folded_text.h"
#include "output/json_text.h"
#include "rules/rule_loader.h"

namespace listscan::cli {
namespace {

struct LintFlags {
  std::vector<std::string> packs;
  std::vector<std::string> positional;  // refused with a hint: packs are -r/--rules everywhere
  std::string format = "text";
  bool strict = false;
  std::string reference;
  double max_share = 0.01;
  std::vector<std::string> word_lists;
  std::string write_common_words;
};

LintFlags& Flags() {
  static LintFlags flags;
  return flags;
}

struct Diagnostic {
  std::string file;
  int line = 0;
  std::string rule_id;
  bool error = false;
  std::string code;  // a stable name for the check, e.g. "no-examples"
  std::string message;
  int column = 0;  // 0: unknown (then the rule's column, when the line is a rule's)

  // The same "file:line:column" as every other subcommand prints (RuleProblem::Location).
  std::string Location() const { return RuleProblem{file, line, "", "", column}.Location(); }
};

// Compiling one pattern alone tells what it adds to the pack's compile time and database size,
// or why Hyperscan cannot build it (some regexes pass the syntax check but are too large).
std::string PatternCost(const Pattern& pattern) {
  const auto started = std::chrono::steady_clock::now();
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  const unsigned flags = pattern.is_regex ? HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST : 0;
  if (hs_compile(pattern.expression.c_str(), flags, HS_MODE_BLOCK, nullptr, &db, &error) !=
      HS_SUCCESS) {
    const std::string message = absl::StrCat(
        " (alone: Hyperscan cannot build it: ", error ? error->message : "unknown error", ")");
    if (error) hs_free_compile_error(error);
    return message;
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  size_t bytes = 0;
  hs_database_size(db, &bytes);
  hs_free_database(db);
  return absl::StrFormat(" (alone: %.1f ms to compile, %zu bytes of database)", ms, bytes);
}

// The largest upper bound of a bounded repeat ({n,m} or {m}) in a regex, or 0.
int LargestBoundedRepeat(const std::string& regex) {
  int largest = 0;
  for (size_t i = 0; i < regex.size(); ++i) {
    if (regex[i] != '{' || (i > 0 && regex[i - 1] == '\\')) continue;
    const size_t close = regex.find('}', i);
    if (close == std::string::npos) break;
    const std::string inside = regex.substr(i + 1, close - i - 1);
    const size_t comma = inside.find(',');
    const std::string upper = comma == std::string::npos ? inside : inside.substr(comma + 1);
    if (!upper.empty() && upper.size() < 9 &&
        upper.find_first_not_of("0123456789") == std::string::npos) {
      largest = std::max(largest, std::stoi(upper));
    }
  }
  return largest;
}

void CheckSlowPatterns(const PatternTable& table, const RuleSet& rules,
                       std::vector<Diagnostic>* out) {
  for (const Pattern& pattern : table.patterns()) {
    std::string problem;
    if (pattern.is_regex && LargestBoundedRepeat(pattern.expression) > 100) {
      problem = absl::StrCat("regex /", pattern.expression, "/ has a large bounded repeat");
    } else if (pattern.is_regex && (pattern.expression.rfind(".*", 0) == 0 ||
                                    pattern.expression.rfind("^.*", 0) == 0)) {
      problem = absl::StrCat("regex /", pattern.expression, "/ starts with .* (it adds nothing)");
    } else if (!pattern.is_regex && pattern.normalized_keyword.size() < 3 &&
               std::any_of(pattern.refs.begin(), pattern.refs.end(),
                           [](const TermRef& ref) { return ref.clause == Clause::kAny; })) {
      // Short keywords are fine as context (`all`, `near`); alone they flag too much.
      problem = absl::StrCat("keyword \"", pattern.normalized_keyword,
                             "\" is very short: it matches often and slows every scan");
    }
    if (problem.empty()) continue;
    const Rule& rule = rules.rules[pattern.refs.front().rule];
    const std::string cost = PatternCost(pattern);
    const bool unbuildable = absl::StrContains(cost, "cannot build");
    out->push_back({rule.file, rule.line, rule.id, unbuildable,
                    unbuildable ? "invalid-regex" : "slow-pattern", absl::StrCat(problem, cost)});
  }
}

// Regex alternatives that can never match the normalized view (regex_alphabet.h).
void CheckRegexAlphabet(const PatternTable& table, const RuleSet& rules,
                        std::vector<Diagnostic>* out) {
  for (const Pattern& pattern : table.patterns()) {
    if (!pattern.is_regex) continue;
    const std::string problem = RegexAlphabetProblem(pattern.expression);
    if (problem.empty()) continue;
    for (const TermRef& ref : pattern.refs) {
      const Rule& rule = rules.rules[ref.rule];
      out->push_back({rule.file, rule.line, rule.id, false, "dead-regex-alternative",
                      absl::StrCat("regex /", pattern.expression, "/: ", problem)});
    }
  }
}

// What a rule matches, in a canonical form: rules with equal signatures flag the same listings.
std::string MatchSignature(const Rule& rule) {
  auto terms = [](const std::vector<Term>& list) {
    std::vector<std::string> parts;
    for (const Term& term : list) {
      if (term.is_regex()) {
        parts.push_back("/" + term.regex + "/");
        continue;
      }
      std::vector<std::string> words;
      for (const auto& keyword : term.keywords) words.push_back(SkeletonKeyword(keyword));
      std::sort(words.begin(), words.end());
      parts.push_back(absl::StrJoin(words, "|"));
    }
    std::sort(parts.begin(), parts.end());
    return absl::StrJoin(parts, ";");
  };
  std::vector<std::string> near;
  for (const NearClause& clause : rule.near) {
    near.push_back(absl::StrCat(terms({clause.a}), "~", clause.within, "~", terms({clause.b})));
  }
  std::vector<std::string> where;
  for (const WhereFilter& filter : rule.where) {
    where.push_back(absl::StrCat(filter.field, "=", absl::StrJoin(filter.values, ","), ":",
                                 filter.min.value_or(-1), ":", filter.max.value_or(-1)));
  }
  return absl::StrCat("any ", terms(rule.any), "\nall ", terms(rule.all), "\nnone ",
                      terms(rule.none), "\nnear ", absl::StrJoin(near, ";"), "\nexc ",
                      terms(rule.exceptions), "\nwhere ", absl::StrJoin(where, ";"), "\nfields ",
                      absl::StrJoin(rule.fields, ","), "\nev ", rule.allowed_evasions);
}

void CheckRuleHygiene(const RuleSet& rules, std::vector<Diagnostic>* out) {
  std::map<std::string, const Rule*> signatures;
  for (const Rule& rule : rules.rules) {
    if (rule.flag_examples.empty() || rule.pass_examples.empty()) {
      out->push_back({rule.file, rule.line, rule.id, false, "no-examples",
                      rule.flag_examples.empty() ? "rule has no `flag` examples"
                                                 : "rule has no `pass` examples"});
    }
    if (rule.legal_basis.empty()) {
      out->push_back({rule.file, rule.line, rule.id, false, "no-legal-basis",
                      "rule has no `legal_basis`"});
    }
    if (rule.sources.empty()) {
      out->push_back({rule.file, rule.line, rule.id, false, "no-sources",
                      "rule has no `sources` (the documents its facts come from)"});
    }
    if (rule.reviewed.empty()) {
      out->push_back({rule.file, rule.line, rule.id, false, "no-review-date",
                      "rule has no `reviewed` date"});
    }
    auto [it, inserted] = signatures.emplace(MatchSignature(rule), &rule);
    if (!inserted) {
      out->push_back({rule.file, rule.line, rule.id, false, "duplicate-match",
                      absl::StrCat("matches exactly what ", it->second->id, " matches (",
                                   it->second->file, ":", it->second->line, ")")});
    }
  }
}

// Real words near the fuzzy keywords, from word lists (one word a line; hunspell's "word/FLAGS"
// and its count line are read too). A word one edit from a keyword is itself in a listing, not a
// misspelling; a word two edits from one makes the non-words between them ambiguous, and they are
// read as its typos. Both belong in the pack's `common_words`.
struct Neighbours {
  std::map<uint32_t, std::set<std::string>> one_edit;  // by pattern
  std::set<std::string> two_edits;
};

// The keys of the keywords matched one edit away, by themselves and without one or two letters,
// for finding the words two edits from them (a deletion neighbourhood: two keys within two edits
// share a key without at most two letters each).
class TwoEditFinder {
 public:
  explicit TwoEditFinder(const FuzzyIndex& index) : keys_(index.EditKeys()) {
    for (uint32_t k = 0; k < keys_.size(); ++k) {
      ForVariants(keys_[k].first, [&](std::string_view variant) {
        std::vector<uint32_t>& ids = variants_[std::string(variant)];
        if (ids.empty() || ids.back() != k) ids.push_back(k);
      });
    }
  }

  // Whether `key` lies exactly two edits from a keyword's key.
  bool TwoEditsFromAKeyword(std::string_view key) {
    bool found = false;
    ForVariants(key, [&](std::string_view variant) {
      if (found) return;
      const auto it = variants_.find(absl::string_view(variant.data(), variant.size()));
      if (it == variants_.end()) return;
      for (const uint32_t k : it->second) {
        if (EditDistance(key, keys_[k].first, 2) == 2) {
          found = true;
          return;
        }
      }
    });
    return found;
  }

 private:
  void ForVariants(std::string_view key, const std::function<void(std::string_view)>& visit) {
    visit(key);
    std::string first_copy;
    ForEachDeletion(key, &first_, [&](std::string_view once) {
      visit(once);
      first_copy.assign(once);
      ForEachDeletion(first_copy, &second_, visit);
    });
  }

  std::vector<std::pair<std::string, uint32_t>> keys_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> variants_;
  std::string first_, second_;
};

absl::StatusOr<Neighbours> FuzzyNeighbours(const PatternTable& table, const RuleSet& rules,
                                           const std::vector<std::string>& files) {
  const FuzzyIndex index(table, rules);
  TwoEditFinder two_edits(index);
  absl::flat_hash_set<std::string> keywords;
  for (const uint32_t p : table.literal_ids()) keywords.insert(table.patterns()[p].expression);
  Neighbours found;
  FuzzyIndex::Scratch scratch;
  std::vector<FuzzyIndex::Match> matches;
  std::string key;
  const std::string no_leet(256, '\0');
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) return absl::NotFoundError(absl::StrCat(file, ": cannot open word list"));
    std::string line;
    while (std::getline(in, line)) {
      const std::string word = line.substr(0, line.find_first_of("/\t\r"));
      const std::string folded = SkeletonKeyword(word);
      if (folded.empty() || folded.size() > no_leet.size() ||
          keywords.contains(absl::string_view(folded))) {
        continue;
      }
      matches.clear();
      index.Scan(folded, no_leet.data(), &scratch, &matches);
      bool near = false;
      for (const FuzzyIndex::Match& match : matches) {
        if (match.from == 0 && match.to == folded.size()) {
          found.one_edit[match.pattern].insert(word);
          near = true;
        }
      }
      // Words of letters only: a word with an apostrophe or a hyphen is never one listing word.
      if (near || !std::all_of(folded.begin(), folded.end(), [](char c) {
            return IsFuzzyLetter(static_cast<unsigned char>(c));
          })) {
        continue;
      }
      PhoneticKey(folded, &key);
      if (two_edits.TwoEditsFromAKeyword(key)) found.two_edits.insert(word);
    }
    if (in.bad()) return absl::DataLossError(absl::StrCat(file, ": read error"));
  }
  return found;
}

absl::Status CheckFuzzyNeighbours(const PatternTable& table, const RuleSet& rules,
                                  const LintFlags& flags, std::vector<Diagnostic>* out) {
  absl::StatusOr<Neighbours> found = FuzzyNeighbours(table, rules, flags.word_lists);
  if (!found.ok()) return found.status();
  std::set<std::string> words(rules.common_words.begin(), rules.common_words.end());
  words.insert(found->two_edits.begin(), found->two_edits.end());
  for (const auto& [pattern, neighbours] : found->one_edit) {
    const Pattern& keyword = table.patterns()[pattern];
    const Rule& rule = rules.rules[keyword.refs.front().rule];
    std::vector<std::string> shown(neighbours.begin(), neighbours.end());
    if (shown.size() > 5) shown.resize(5);
    out->push_back({rule.file, rule.line, rule.id, false, "fuzzy-common-word",
                    absl::StrCat("fuzzy keyword \"", keyword.normalized_keyword, "\" lies one edit "
                                 "from the common word(s) ", absl::StrJoin(shown, ", "),
                                 neighbours.size() > shown.size() ? ", ..." : "",
                                 ": add them to `common_words`, or set `fuzzy: false`")});
    words.insert(neighbours.begin(), neighbours.end());
  }
  if (flags.write_common_words.empty()) return absl::OkStatus();
  // A .txt file holds one word a line (for `common_words: {file: NAME}`); anything else is YAML.
  const bool plain = absl::EndsWith(flags.write_common_words, ".txt");
  std::ofstream file(flags.write_common_words);
  file << "# Real words within two edits of a fuzzy keyword of the packs: a listing word that is one\n"
          "# of them, or one edit from one of them, is taken for that word, not for a misspelling.\n"
          "# Made by `listscan lint --words LIST... --write-common-words FILE`.\n";
  if (!plain) file << "common_words:\n";
  for (const std::string& word : words) {
    if (plain) {
      file << word << "\n";
      continue;
    }
    std::string quoted;
    AppendJsonString(&quoted, word);
    file << "  - " << quoted << "\n";
  }
  file.close();
  if (!file) return absl::DataLossError(absl::StrCat(flags.write_common_words, ": write error"));
  return absl::OkStatus();
}

absl::Status CheckReference(std::shared_ptr<const CompiledPack> pack, const LintFlags& flags,
                            std::vector<Diagnostic>* out) {
  ScanJobOptions job;
  job.inputs = {flags.reference};
  auto sink = OutputFile::Open("/dev/null");
  if (!sink.ok()) return sink.status();
  absl::StatusOr<ScanSummary> summary = RunScan(pack, job, sink->get(), nullptr);
  if (!summary.ok()) return summary.status();
  if (!summary->input_errors.empty()) return absl::UnavailableError(summary->input_errors[0]);
  const double total = static_cast<double>(summary->counts.records_scanned);
  const auto& rules = pack->rules().rules;
  for (size_t r = 0; r < rules.size() && total > 0; ++r) {
    const double share = static_cast<double>(summary->counts.listings_per_rule[r]) / total;
    if (share <= flags.max_share) continue;
    out->push_back({rules[r].file, rules[r].line, rules[r].id, false, "too-broad",
                    absl::StrFormat("flags %.2f%% of the reference listings (%llu of %.0f), "
                                    "more than --max-share %.2f%%",
                                    share * 100,
                                    static_cast<unsigned long long>(
                                        summary->counts.listings_per_rule[r]),
                                    total, flags.max_share * 100)});
  }
  return absl::OkStatus();
}

std::string SarifReport(const std::vector<Diagnostic>& diagnostics) {
  std::string out =
      "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
      "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"listscan lint\",\"version\":";
  AppendJsonString(&out, LISTSCAN_VERSION);
  out += "}},\"results\":[";
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    out += i ? "," : "";
    out += "{\"ruleId\":";
    AppendJsonString(&out, d.code);
    out += ",\"level\":";
    AppendJsonString(&out, d.error ? "error" : "warning");
    out += ",\"message\":{\"text\":";
    AppendJsonString(&out, d.rule_id.empty() ? d.message : absl::StrCat(d.rule_id, ": ", d.message));
    out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
    AppendJsonString(&out, d.file);
    absl::StrAppend(&out, "},\"region\":{\"startLine\":", std::max(d.line, 1),
                    ",\"startColumn\":", std::max(d.column, 1), "}}}]}");
  }
  out += "]}]}\n";
  return out;
}

int RunLint() {
  const LintFlags& flags = Flags();
  if (!flags.positional.empty()) return ReportError(PositionalPackError("lint", flags.positional));
  if (flags.packs.empty()) {
    return ReportError(absl::InvalidArgumentError("lint: no rule packs given (-r/--rules PATH)"));
  }
  RuleSet rules;
  std::vector<RuleProblem> problems;
  if (absl::Status status = LoadRulePacksCollectingProblems(flags.packs, &rules, &problems);
      !status.ok()) {
    return ReportError(status);
  }
  std::vector<Diagnostic> diagnostics;
  bool invalid_regexes = false;
  for (const RuleProblem& problem : problems) {
    diagnostics.push_back({problem.file, problem.line, problem.rule_id, true, "invalid-rule",
                           problem.message, problem.column});
  }
  if (!rules.rules.empty()) {
    PatternTable table(rules);
    std::vector<RuleProblem> regex_problems;
    FindRegexProblems(table, rules, &regex_problems);
    for (const RuleProblem& problem : regex_problems) {
      diagnostics.push_back({problem.file, problem.line, problem.rule_id, true, "invalid-regex",
                             problem.message, problem.column});
    }
    CheckRuleHygiene(rules, &diagnostics);
    CheckSlowPatterns(table, rules, &diagnostics);
    CheckRegexAlphabet(table, rules, &diagnostics);
    if (!flags.word_lists.empty()) {
      if (absl::Status status = CheckFuzzyNeighbours(table, rules, flags, &diagnostics);
          !status.ok()) {
        return ReportError(status);
      }
    }
    invalid_regexes = !regex_problems.empty();
    const bool compiles = problems.empty() && regex_problems.empty();
    if (!flags.reference.empty() && compiles) {
      auto pack = CompiledPack::Compile(rules, CompileOptions{DefaultCacheDir()});
      if (!pack.ok()) return ReportError(pack.status());
      if (absl::Status status = CheckReference(*pack, flags, &diagnostics); !status.ok()) {
        return ReportError(status);
      }
    }
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.file, a.line) < std::tie(b.file, b.line);
                   });
  // Checks on a rule point at the rule: its column, like the loader's own problems.
  std::map<std::pair<std::string, int>, int> rule_columns;
  for (const Rule& rule : rules.rules) {
    rule_columns.emplace(std::pair(rule.file, rule.line), rule.column);
  }
  for (Diagnostic& d : diagnostics) {
    if (d.column != 0) continue;
    if (auto it = rule_columns.find({d.file, d.line}); it != rule_columns.end()) {
      d.column = it->second;
    }
  }
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics) (d.error ? errors : warnings)++;
  if (flags.format == "sarif") {
    std::fputs(SarifReport(diagnostics).c_str(), stdout);
  } else {
    for (const Diagnostic& d : diagnostics) {
      std::printf("%s: %s: %s%s%s [%s]\n", d.Location().c_str(), d.error ? "error" : "warning",
                  d.rule_id.c_str(), d.rule_id.empty() ? "" : ": ",
                  d.message.c_str(), d.code.c_str());
    }
    std::printf("%zu rules, %zu errors, %zu warnings\n", rules.rules.size(), errors, warnings);
  }
  if (std::fflush(stdout) != 0) return ReportError(absl::UnavailableError("standard output: write error"));
  // A pack that does not load fails every subcommand the same way (exit 2); lint's own findings
  // in a pack that loads are exit 1.
  if (!problems.empty() || invalid_regexes) return kExitError;
  const bool failed = errors > 0 || (flags.strict && warnings > 0);
  return failed ? kExitNotFound : kExitFound;
}

}  // namespace

CLI::App* AddLintCommand(CLI::App& app, int (**run)()) {
  LintFlags& flags = Flags();
  CLI::App* lint = app.add_subcommand("lint", "Check rule packs for errors and risky rules");
  lint->add_option("-r,--rules", flags.packs,
                   "Rule pack: a YAML file or a folder of them (repeatable)")
      ->allow_extra_args(false);
  lint->add_option("packs", flags.positional)->group("");
  lint->add_option("--format", flags.format, "Output format")
      ->check(CLI::IsMember({"text", "sarif"}))
      ->capture_default_str();
  lint->add_flag("--strict", flags.strict, "Treat warnings as errors");
  lint->add_option("--reference", flags.reference,
                   "A corpus of clean listings: warn about rules that flag too many of them");
  lint->add_option("--max-share", flags.max_share,
                   "Largest share of the reference corpus a rule may flag")
      ->capture_default_str();
  lint->add_option("--words", flags.word_lists,
                   "Word lists (one word a line, or hunspell .dic): warn about fuzzy keywords one "
                   "edit from a word that is not in the packs' `common_words`");
  lint->add_option("--write-common-words", flags.write_common_words,
                   "With --words: write the packs' `common_words` and every such word to FILE "
                   "(YAML)");
  lint->callback([run] { *run = RunLint; });
  return lint;
}

}  // namespace listscan::cli
