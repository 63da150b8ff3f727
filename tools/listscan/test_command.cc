// `listscan test`: runs every rule's flag/pass examples and any expected-verdict corpus through the
// compiled pack; prints failures, "N passed, N failed", and optionally JUnit XML.
#include "test_command.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "exit_codes.h"
#include "input/record_reader.h"
#include "listscan/scanner.h"
#include "match/example_runner.h"
#include "output/json_text.h"
#include "output/output_file.h"
#include "pack_options.h"
#include "parse/listing_parser.h"
#include "simdjson.h"

namespace listscan::cli {
namespace {

struct TestFlags {
  PackOptions pack;
  std::vector<std::string> positional;  // refused with a hint: packs are -r/--rules everywhere
  std::vector<std::string> corpora;
  std::vector<std::string> evals;
  double min_recall = 0.95;
  double min_evasive_recall = 0.90;
  double max_unexpected = 0.02;
  double min_language_recall = 0.90;
  double max_false_flags = 0.01;
  double max_hard_false_flags = 0.10;
  std::string junit;
  bool quiet = false;
};

TestFlags& Flags() {
  static TestFlags flags;
  return flags;
}

// One JUnit test case: a rule's examples, or one corpus record.
struct CaseResult {
  std::string suite;
  std::string name;
  std::vector<std::string> failures;
};

std::string Quote(std::string_view text, size_t limit = 120) {
  std::string shown(text.substr(0, limit));
  if (text.size() > limit) shown += "…";
  std::string quoted;
  AppendJsonString(&quoted, shown);
  return quoted;
}

std::string DescribeHits(const std::vector<Hit>& hits, const Listing& listing) {
  std::vector<std::string> parts;
  for (const Hit& hit : hits) {
    parts.push_back(absl::StrCat(
        listing.fields[hit.field].name, "[", hit.start, ":", hit.end, "]=",
        Quote(std::string_view(listing.fields[hit.field].text).substr(hit.start, hit.end - hit.start))));
  }
  return absl::StrJoin(parts, ", ");
}

absl::Status RunExamples(std::shared_ptr<const CompiledPack> pack, std::vector<CaseResult>* cases) {
  absl::StatusOr<std::vector<ExampleOutcome>> outcomes = RunRuleExamples(pack);
  if (!outcomes.ok()) return outcomes.status();
  const auto& rules = pack->rules().rules;
  std::map<uint32_t, size_t> case_of_rule;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    case_of_rule[r] = cases->size();
    cases->push_back({rules[r].file, rules[r].id, {}});
  }
  for (const ExampleOutcome& outcome : *outcomes) {
    if (outcome.passed) continue;
    const Rule& rule = rules[outcome.rule];
    const ExampleListing& example =
        (outcome.expect_flag ? rule.flag_examples : rule.pass_examples)[outcome.index];
    std::string text;
    for (const auto& [name, value] : example.fields) absl::StrAppend(&text, name, "=", Quote(value), " ");
    const std::string why =
        outcome.expect_flag
            ? "expected flag, got nothing"
            : absl::StrCat("expected pass, got ", DescribeHits(outcome.rule_hits, outcome.listing));
    (*cases)[case_of_rule[outcome.rule]].failures.push_back(
        absl::StrCat(rule.file, ":", example.line, ": ", rule.id, ": ",
                     outcome.expect_flag ? "flag" : "pass", " example ", outcome.index + 1, ": ",
                     why, ": ", text));
  }
  return absl::OkStatus();
}

struct Labels {
  std::vector<std::string> expect;  // rule ids or category names
  std::string evasion;              // "evasion": how the listing hides its words, or ""
  std::string lang;                 // "lang", or ""
  bool hard = false;                // "hard": a legal listing that shares words with banned ones
  bool evasive() const { return !evasion.empty(); }
};

// The labels of a corpus record: "expect" (required) and "evasion" (optional).
std::optional<Labels> ReadLabels(std::string_view record, simdjson::dom::parser& parser) {
  simdjson::dom::element root;
  if (parser.parse(record.data(), record.size()).get(root)) return std::nullopt;
  simdjson::dom::array expect;
  if (root["expect"].get_array().get(expect)) return std::nullopt;
  Labels labels;
  for (auto item : expect) {
    std::string_view text;
    if (item.get_string().get(text)) return std::nullopt;
    labels.expect.emplace_back(text);
  }
  std::string_view text;
  if (!root["evasion"].get_string().get(text)) labels.evasion = text;
  if (!root["lang"].get_string().get(text)) labels.lang = text;
  bool hard = false;
  labels.hard = !root["hard"].get_bool().get(hard) && hard;
  return labels;
}

struct CategoryTally {
  uint64_t expected = 0;          // records that expect the category
  uint64_t found = 0;             // ...and were flagged with it
  uint64_t evasive_expected = 0;  // the same for records labelled with an evasion
  uint64_t evasive_found = 0;
  uint64_t unexpected = 0;        // records flagged with it that did not expect it
};

// Recall of one slice of the positives (a language, an evasion): expected and found labels.
struct RecallTally {
  uint64_t expected = 0;
  uint64_t found = 0;
  double recall() const { return expected ? double(found) / double(expected) : 1.0; }
};

// Legal records (expect []) flagged by anything: ordinary ones, and hard negatives.
struct FalseFlagTally {
  uint64_t records = 0;
  uint64_t flagged = 0;
  double rate() const { return records ? double(flagged) / double(records) : 0.0; }
};

// What an evaluation corpus measures beyond the categories.
struct EvaluationTally {
  RecallTally all, evasive;
  std::map<std::string, RecallTally> by_language, by_evasion;
  FalseFlagTally ordinary, hard;
  std::map<std::string, FalseFlagTally> negatives_by_language;
};

void PrintEvaluation(const EvaluationTally& eval) {
  std::printf("  positives: recall %.1f%% (%llu of %llu labels), evasive %.1f%% (%llu of %llu)\n",
              eval.all.recall() * 100, static_cast<unsigned long long>(eval.all.found),
              static_cast<unsigned long long>(eval.all.expected), eval.evasive.recall() * 100,
              static_cast<unsigned long long>(eval.evasive.found),
              static_cast<unsigned long long>(eval.evasive.expected));
  std::printf("  legal listings flagged: ordinary %.1f%% (%llu of %llu), hard negatives %.1f%% "
              "(%llu of %llu)\n",
              eval.ordinary.rate() * 100, static_cast<unsigned long long>(eval.ordinary.flagged),
              static_cast<unsigned long long>(eval.ordinary.records), eval.hard.rate() * 100,
              static_cast<unsigned long long>(eval.hard.flagged),
              static_cast<unsigned long long>(eval.hard.records));
  if (!eval.by_language.empty() || !eval.negatives_by_language.empty()) {
    std::printf("  %-13s %8s %6s %7s %10s %8s\n", "language", "expected", "found", "recall",
                "negatives", "flagged");
    std::set<std::string> languages;
    for (const auto& [lang, tally] : eval.by_language) languages.insert(lang);
    for (const auto& [lang, tally] : eval.negatives_by_language) languages.insert(lang);
    for (const std::string& lang : languages) {
      const auto positives = eval.by_language.find(lang);
      const RecallTally recall =
          positives == eval.by_language.end() ? RecallTally{} : positives->second;
      const auto negatives = eval.negatives_by_language.find(lang);
      const FalseFlagTally flags =
          negatives == eval.negatives_by_language.end() ? FalseFlagTally{} : negatives->second;
      std::printf("  %-13s %8llu %6llu %6.1f%% %10llu %8llu\n", lang.c_str(),
                  static_cast<unsigned long long>(recall.expected),
                  static_cast<unsigned long long>(recall.found), recall.recall() * 100,
                  static_cast<unsigned long long>(flags.records),
                  static_cast<unsigned long long>(flags.flagged));
    }
  }
  if (!eval.by_evasion.empty()) {
    std::printf("  %-13s %8s %6s %7s\n", "evasion", "expected", "found", "recall");
    for (const auto& [evasion, tally] : eval.by_evasion) {
      std::printf("  %-13s %8llu %6llu %6.1f%%\n", evasion.c_str(),
                  static_cast<unsigned long long>(tally.expected),
                  static_cast<unsigned long long>(tally.found), tally.recall() * 100);
    }
  }
}

// Targets on languages and on legal listings, next to the per-category ones.
void AddLanguageAndFalseFlagCases(const std::string& path, const EvaluationTally& eval,
                                  const TestFlags& flags, std::vector<CaseResult>* cases) {
  for (const auto& [lang, tally] : eval.by_language) {
    CaseResult result{path, absl::StrCat("recall in ", lang), {}};
    if (tally.recall() < flags.min_language_recall) {
      result.failures.push_back(absl::StrFormat("%s: language %s: recall %.1f%% < %.1f%%", path,
                                                lang, tally.recall() * 100,
                                                flags.min_language_recall * 100));
    }
    cases->push_back(std::move(result));
  }
  const std::pair<const char*, const FalseFlagTally*> kinds[] = {{"ordinary", &eval.ordinary},
                                                                {"hard", &eval.hard}};
  for (const auto& [kind, tally] : kinds) {
    if (tally->records == 0) continue;
    const double limit =
        tally == &eval.hard ? flags.max_hard_false_flags : flags.max_false_flags;
    CaseResult result{path, absl::StrCat("false flags on ", kind, " legal listings"), {}};
    if (tally->rate() > limit) {
      result.failures.push_back(absl::StrFormat("%s: %s legal listings flagged: %.1f%% > %.1f%%",
                                                path, kind, tally->rate() * 100, limit * 100));
    }
    cases->push_back(std::move(result));
  }
}

// A corpus is either a regression corpus (every record must get exactly its expected verdict) or
// an evaluation corpus (only recall and unexpected-flag rates per category must meet targets).
enum class CorpusMode { kRegression, kEvaluation };

void AddEvaluationCases(const std::string& path, const std::map<std::string, CategoryTally>& tallies,
                        uint64_t records, const TestFlags& flags, std::vector<CaseResult>* cases) {
  for (const auto& [category, tally] : tallies) {
    CaseResult result{path, absl::StrCat("quality of ", category), {}};
    const double recall = tally.expected ? double(tally.found) / double(tally.expected) : 1.0;
    const double evasive = tally.evasive_expected
                               ? double(tally.evasive_found) / double(tally.evasive_expected)
                               : 1.0;
    const double unexpected = records ? double(tally.unexpected) / double(records) : 0.0;
    if (recall < flags.min_recall) {
      result.failures.push_back(absl::StrFormat("%s: %s: recall %.1f%% < %.1f%%", path, category,
                                                recall * 100, flags.min_recall * 100));
    }
    if (evasive < flags.min_evasive_recall) {
      result.failures.push_back(absl::StrFormat("%s: %s: evasive recall %.1f%% < %.1f%%", path,
                                                category, evasive * 100,
                                                flags.min_evasive_recall * 100));
    }
    if (unexpected > flags.max_unexpected) {
      result.failures.push_back(absl::StrFormat("%s: %s: unexpected flags on %.2f%% of records > %.2f%%",
                                                path, category, unexpected * 100,
                                                flags.max_unexpected * 100));
    }
    cases->push_back(std::move(result));
  }
}

absl::Status RunCorpus(std::shared_ptr<const CompiledPack> pack, const std::string& path,
                       CorpusMode mode, const TestFlags& flags, std::vector<CaseResult>* cases) {
  const bool quiet = flags.quiet;
  uint64_t records = 0;
  InputOptions input;
  input.format = InputFormat::kJsonLines;
  auto reader = RecordReader::Open({path}, input);
  if (!reader.ok()) return reader.status();
  FieldSelection selection;
  selection.skip = {"expect", "expect\\[*\\]", "lang", "evasion", "id", "hard"};
  ListingParser parser(selection);
  auto scanner = Scanner::Create(pack);
  if (!scanner.ok()) return scanner.status();
  simdjson::dom::parser expect_parser;
  Listing listing;
  std::vector<Hit> hits;
  std::map<std::string, CategoryTally> tallies;
  EvaluationTally eval;
  const auto& rules = pack->rules().rules;

  while (std::optional<RecordBatch> batch = (*reader)->Next()) {
    for (const RejectedRecord& reject : batch->rejected) {
      cases->push_back({path, absl::StrCat("line ", reject.line),
                        {absl::StrCat(path, ":", reject.line, ": rejected: ", reject.reason)}});
    }
    for (const RawRecord& record : batch->records) {
      CaseResult result{path, absl::StrCat("line ", record.line), {}};
      auto labels = ReadLabels(record.bytes, expect_parser);
      absl::Status parsed = parser.Parse(*batch->source, record, &listing);
      if (!labels || !parsed.ok()) {
        result.failures.push_back(absl::StrCat(
            path, ":", record.line, ": ",
            parsed.ok() ? "record needs an \"expect\" list of rule ids or categories"
                        : std::string(parsed.message())));
        cases->push_back(std::move(result));
        continue;
      }
      result.name = listing.id;
      if (absl::Status scanned = (*scanner)->Scan(listing, &hits); !scanned.ok()) return scanned;
      std::set<std::string> flagged_rules, flagged_categories;
      for (const Hit& hit : hits) {
        flagged_rules.insert(rules[hit.rule].id);
        flagged_categories.insert(std::string(CategoryName(rules[hit.rule].category)));
      }
      ++records;
      const std::set<std::string> wanted(labels->expect.begin(), labels->expect.end());
      for (const std::string& item : wanted) {
        const bool is_category = ParseCategory(item).has_value();
        const bool found = is_category ? flagged_categories.count(item) : flagged_rules.count(item);
        if (is_category) {
          CategoryTally& tally = tallies[item];
          ++tally.expected;
          tally.found += found;
          tally.evasive_expected += labels->evasive();
          tally.evasive_found += labels->evasive() && found;
          for (RecallTally* slice :
               {&eval.all, labels->evasive() ? &eval.evasive : nullptr,
                labels->lang.empty() ? nullptr : &eval.by_language[labels->lang],
                &eval.by_evasion[labels->evasive() ? labels->evasion : "none"]}) {
            if (slice == nullptr) continue;
            ++slice->expected;
            slice->found += found;
          }
        }
        if (!found) {
          result.failures.push_back(absl::StrCat(path, ":", record.line, ": ", listing.id,
                                                 ": expected ", item, ", not flagged"));
        }
      }
      for (const Hit& hit : hits) {
        const Rule& rule = rules[hit.rule];
        const std::string category(CategoryName(rule.category));
        if (wanted.count(rule.id) || wanted.count(category)) continue;
        result.failures.push_back(absl::StrCat(
            path, ":", record.line, ": ", listing.id, ": unexpected ", rule.id, " (", category,
            ") on ", listing.fields[hit.field].name, "=",
            Quote(std::string_view(listing.fields[hit.field].text).substr(hit.start, hit.end - hit.start))));
      }
      for (const std::string& category : flagged_categories) {
        if (!wanted.count(category)) ++tallies[category].unexpected;
      }
      if (wanted.empty()) {
        for (FalseFlagTally* tally :
             {labels->hard ? &eval.hard : &eval.ordinary,
              labels->lang.empty() ? nullptr : &eval.negatives_by_language[labels->lang]}) {
          if (tally == nullptr) continue;
          ++tally->records;
          tally->flagged += !hits.empty();
        }
      }
      if (mode == CorpusMode::kRegression) {
        cases->push_back(std::move(result));
      } else if (!quiet) {
        for (const std::string& failure : result.failures) std::printf("miss %s\n", failure.c_str());
      }
    }
  }
  for (const InputError& error : (*reader)->errors()) {
    return absl::UnavailableError(error.message);
  }
  std::printf("%s: %llu records\n  %-13s %8s %6s %7s %8s %7s %10s\n", path.c_str(),
              static_cast<unsigned long long>(records), "category", "expected", "found", "recall",
              "evasive", "recall", "unexpected");
  for (const auto& [category, tally] : tallies) {
    std::printf("  %-13s %8llu %6llu %6.1f%% %8llu %6.1f%% %10llu\n", category.c_str(),
                static_cast<unsigned long long>(tally.expected),
                static_cast<unsigned long long>(tally.found),
                tally.expected ? 100.0 * tally.found / tally.expected : 100.0,
                static_cast<unsigned long long>(tally.evasive_expected),
                tally.evasive_expected ? 100.0 * tally.evasive_found / tally.evasive_expected : 100.0,
                static_cast<unsigned long long>(tally.unexpected));
  }
  if (mode == CorpusMode::kEvaluation) {
    PrintEvaluation(eval);
    AddEvaluationCases(path, tallies, records, flags, cases);
    AddLanguageAndFalseFlagCases(path, eval, flags, cases);
  }
  return absl::OkStatus();
}

std::string Xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

absl::Status WriteJunit(const std::string& path, const std::vector<CaseResult>& cases) {
  std::map<std::string, std::vector<const CaseResult*>> suites;
  for (const CaseResult& c : cases) suites[c.suite].push_back(&c);
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"listscan\">\n";
  for (const auto& [suite, members] : suites) {
    const auto failed = std::count_if(members.begin(), members.end(),
                                      [](const CaseResult* c) { return !c->failures.empty(); });
    absl::StrAppend(&xml, "  <testsuite name=\"", Xml(suite), "\" tests=\"", members.size(),
                    "\" failures=\"", failed, "\">\n");
    for (const CaseResult* c : members) {
      absl::StrAppend(&xml, "    <testcase classname=\"", Xml(suite), "\" name=\"", Xml(c->name), "\"");
      if (c->failures.empty()) {
        xml += "/>\n";
        continue;
      }
      absl::StrAppend(&xml, ">\n      <failure message=\"", Xml(c->failures.front()), "\">",
                      Xml(absl::StrJoin(c->failures, "\n")), "</failure>\n    </testcase>\n");
    }
    xml += "  </testsuite>\n";
  }
  xml += "</testsuites>\n";
  auto file = OutputFile::Open(path);
  if (!file.ok()) return file.status();
  absl::Status status = (*file)->Write(xml);
  status.Update((*file)->Close());
  return status;
}

int RunTest() {
  const TestFlags& flags = Flags();
  if (!flags.positional.empty()) return ReportError(PositionalPackError("test", flags.positional));
  auto pack = LoadPackUntilExit(flags.pack);
  if (!pack.ok()) return ReportError(pack.status());
  std::vector<CaseResult> cases;
  if (absl::Status status = RunExamples(*pack, &cases); !status.ok()) return ReportError(status);
  for (const std::string& corpus : flags.corpora) {
    if (absl::Status status = RunCorpus(*pack, corpus, CorpusMode::kRegression, flags, &cases);
        !status.ok()) {
      return ReportError(status);
    }
  }
  for (const std::string& corpus : flags.evals) {
    if (absl::Status status = RunCorpus(*pack, corpus, CorpusMode::kEvaluation, flags, &cases);
        !status.ok()) {
      return ReportError(status);
    }
  }
  size_t passed = 0, failed = 0;
  for (const CaseResult& c : cases) {
    if (c.failures.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    for (const std::string& failure : c.failures) std::printf("FAIL %s\n", failure.c_str());
  }
  if (!flags.junit.empty()) {
    if (absl::Status status = WriteJunit(flags.junit, cases); !status.ok()) return ReportError(status);
  }
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return failed == 0 ? kExitFound : kExitNotFound;
}

}  // namespace

CLI::App* AddTestCommand(CLI::App& app, int (**run)()) {
  TestFlags& flags = Flags();
  CLI::App* test = app.add_subcommand(
      "test", "Run every rule's flag/pass examples, and expected-verdict corpora, through the pack");
  AddPackFlags(test, &flags.pack);
  test->add_option("packs", flags.positional)->group("");
  test->add_option("--corpus", flags.corpora,
                   "JSON Lines file whose records carry \"expect\": [rule ids or categories]")
      ->allow_extra_args(false);
  test->add_option("--eval", flags.evals,
                   "Labelled JSON Lines corpus (\"expect\", optional \"evasion\"): check recall "
                   "and unexpected flags per category against the targets below")
      ->allow_extra_args(false);
  test->add_option("--min-recall", flags.min_recall, "Per-category recall target for --eval")
      ->capture_default_str();
  test->add_option("--min-language-recall", flags.min_language_recall,
                   "Recall target in each language (\"lang\") for --eval")
      ->capture_default_str();
  test->add_option("--max-false-flags", flags.max_false_flags,
                   "Largest share of ordinary legal --eval records (expect []) flagged by anything")
      ->capture_default_str();
  test->add_option("--max-hard-false-flags", flags.max_hard_false_flags,
                   "The same for hard negatives (\"hard\": true: legal listings that share words "
                   "with banned ones)")
      ->capture_default_str();
  test->add_option("--min-evasive-recall", flags.min_evasive_recall,
                   "Per-category recall target on evasive records for --eval")
      ->capture_default_str();
  test->add_option("--max-unexpected", flags.max_unexpected,
                   "Largest share of --eval records a category may flag unexpectedly")
      ->capture_default_str();
  test->add_option("--junit", flags.junit, "Write a JUnit XML report to FILE");
  test->add_flag("-q,--quiet", flags.quiet, "Only failures and the closing count");
  test->callback([run] { *run = RunTest; });
  return test;
}

}  // namespace listscan::cli
