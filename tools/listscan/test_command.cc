// `listscan test`: runs every rule's flag/pass examples and any expected-verdict corpus through the
// compiled pack; prints failures, "N passed, N failed", and optionally JUnit XML.
#include "test_command.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
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
  std::vector<std::string> corpora;
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

// The "expect" list of a corpus record: rule ids or category names.
std::optional<std::vector<std::string>> ReadExpect(std::string_view record,
                                                   simdjson::dom::parser& parser) {
  simdjson::dom::element root;
  if (parser.parse(record.data(), record.size()).get(root)) return std::nullopt;
  simdjson::dom::array expect;
  if (root["expect"].get_array().get(expect)) return std::nullopt;
  std::vector<std::string> items;
  for (auto item : expect) {
    std::string_view text;
    if (item.get_string().get(text)) return std::nullopt;
    items.emplace_back(text);
  }
  return items;
}

struct CategoryTally {
  uint64_t expected = 0;  // records that expect the category
  uint64_t found = 0;     // ...and were flagged with it
  uint64_t unexpected = 0;  // records flagged with it that did not expect it
};

absl::Status RunCorpus(std::shared_ptr<const CompiledPack> pack, const std::string& path,
                       std::vector<CaseResult>* cases, bool quiet) {
  InputOptions input;
  input.format = InputFormat::kJsonLines;
  auto reader = RecordReader::Open({path}, input);
  if (!reader.ok()) return reader.status();
  FieldSelection selection;
  selection.skip = {"expect", "expect[*]", "lang", "evasion", "id"};
  ListingParser parser(selection);
  auto scanner = Scanner::Create(pack);
  if (!scanner.ok()) return scanner.status();
  simdjson::dom::parser expect_parser;
  Listing listing;
  std::vector<Hit> hits;
  std::map<std::string, CategoryTally> tallies;
  const auto& rules = pack->rules().rules;

  while (std::optional<RecordBatch> batch = (*reader)->Next()) {
    for (const RejectedRecord& reject : batch->rejected) {
      cases->push_back({path, absl::StrCat("line ", reject.line),
                        {absl::StrCat(path, ":", reject.line, ": rejected: ", reject.reason)}});
    }
    for (const RawRecord& record : batch->records) {
      CaseResult result{path, absl::StrCat("line ", record.line), {}};
      auto expect = ReadExpect(record.bytes, expect_parser);
      absl::Status parsed = parser.Parse(*batch->source, record, &listing);
      if (!expect || !parsed.ok()) {
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
      const std::set<std::string> wanted(expect->begin(), expect->end());
      for (const std::string& item : wanted) {
        const bool is_category = ParseCategory(item).has_value();
        const bool found = is_category ? flagged_categories.count(item) : flagged_rules.count(item);
        if (is_category) {
          ++tallies[item].expected;
          if (found) ++tallies[item].found;
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
      cases->push_back(std::move(result));
    }
  }
  for (const InputError& error : (*reader)->errors()) {
    return absl::UnavailableError(error.message);
  }
  if (!quiet) {
    std::printf("%s: per category: expected, found, recall, unexpected flags\n", path.c_str());
    for (const auto& [category, tally] : tallies) {
      std::printf("  %-13s %6llu %6llu %6.1f%% %6llu\n", category.c_str(),
                  static_cast<unsigned long long>(tally.expected),
                  static_cast<unsigned long long>(tally.found),
                  tally.expected ? 100.0 * tally.found / tally.expected : 100.0,
                  static_cast<unsigned long long>(tally.unexpected));
    }
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
  auto pack = LoadAndCompile(flags.pack);
  if (!pack.ok()) return ReportError(pack.status());
  std::vector<CaseResult> cases;
  if (absl::Status status = RunExamples(*pack, &cases); !status.ok()) return ReportError(status);
  for (const std::string& corpus : flags.corpora) {
    if (absl::Status status = RunCorpus(*pack, corpus, &cases, flags.quiet); !status.ok()) {
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
  test->add_option("--corpus", flags.corpora,
                   "JSON Lines file whose records carry \"expect\": [rule ids or categories]");
  test->add_option("--junit", flags.junit, "Write a JUnit XML report to FILE");
  test->add_flag("-q,--quiet", flags.quiet, "Only failures and the closing count");
  test->callback([run] { *run = RunTest; });
  return test;
}

}  // namespace listscan::cli
