// Loading rule packs: the model that comes out, and the diagnostics for invalid rules.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "rules/rule_loader.h"

namespace listscan {
namespace {

std::string LoadError(const std::string& yaml) {
  RuleSet rules;
  absl::Status status = ParseRulePack(yaml, "pack.yaml", &rules);
  return std::string(status.message());
}

constexpr char kValidPack[] = R"(pack: test
rules:
  - id: supp.dmaa
    title: DMAA in supplements
    category: supplements
    severity: critical
    legal_basis: "Regulation (EC) No 178/2002 Art. 14"
    languages: [en, de]
    fields: [title, "attributes.*"]
    match:
      any: [dmaa, ["1,3-dimethylamylamine", methylhexanamine]]
      all: [{regex: 'pre-?workout'}]
      none: [lab test]
      near: [{a: without, b: CE, within: 2}]
    exceptions: [dmaa-free]
    where:
      category: [Supplements]
      price: {max: 50}
    evasions: [leet, homoglyph]
    examples:
      flag: ["DMAA pre-workout", {title: "x", description: "DMAA preworkout"}]
      pass: ["DMAA-free pre-workout"]
)";

TEST_CASE("a valid pack loads every part of a rule", "[rules]") {
  RuleSet rules;
  REQUIRE(ParseRulePack(kValidPack, "pack.yaml", &rules).ok());
  REQUIRE(rules.rules.size() == 1);
  const Rule& rule = rules.rules[0];
  CHECK(rule.id == "supp.dmaa");
  CHECK(rule.category == Category::kSupplements);
  CHECK(rule.severity == Severity::kCritical);
  CHECK(rule.languages == std::vector<std::string>{"en", "de"});
  CHECK(rule.fields == std::vector<std::string>{"title", "attributes.*"});
  REQUIRE(rule.any.size() == 2);
  CHECK(rule.any[0].keywords == std::vector<std::string>{"dmaa"});
  CHECK(rule.any[1].keywords ==
        std::vector<std::string>{"1,3-dimethylamylamine", "methylhexanamine"});
  REQUIRE(rule.all.size() == 1);
  CHECK(rule.all[0].regex == "pre-?workout");
  CHECK(rule.none.size() == 1);
  REQUIRE(rule.near.size() == 1);
  CHECK(rule.near[0].a.keywords[0] == "without");
  CHECK(rule.near[0].within == 2);
  CHECK(rule.exceptions[0].keywords[0] == "dmaa-free");
  REQUIRE(rule.where.size() == 2);
  CHECK(rule.where[0].values == std::vector<std::string>{"supplements"});
  CHECK(rule.where[1].max == 50);
  CHECK_FALSE(rule.where[1].min.has_value());
  CHECK(rule.flag_examples.size() == 2);
  CHECK(rule.flag_examples[1].fields.size() == 2);
  CHECK(rule.pass_examples[0].fields[0].first == "title");
  CHECK(rule.file == "pack.yaml");
  CHECK(rule.line == 3);
}

TEST_CASE("an unknown category is reported with file, line and rule id", "[rules]") {
  CHECK(LoadError("rules:\n  - id: toys.x\n    title: t\n    category: toy\n    severity: low\n"
                  "    keywords: [magnet]\n") ==
        "pack.yaml:4:15: toys.x: unknown category \"toy\"");
}

TEST_CASE("a misspelt key is an error rather than silently ignored", "[rules]") {
  CHECK(LoadError("rules:\n  - id: a.b\n    title: t\n    category: toys\n    severity: low\n"
                  "    keywords: [magnet]\n    exeptions: [x]\n") ==
        "pack.yaml:7:5: a.b: unknown key \"exeptions\"");
}

TEST_CASE("a rule without any positive term is rejected", "[rules]") {
  CHECK(LoadError("rules:\n  - id: a.b\n    title: t\n    category: toys\n    severity: low\n"
                  "    match: {none: [xx]}\n") ==
        "pack.yaml:2:5: a.b: needs at least one of `any`, `all` or `near` (or `keywords`)");
}

TEST_CASE("every problem of a pack is reported, not just the first", "[rules]") {
  CHECK(LoadError("rules:\n  - id: a.b\n    title: t\n    category: toy\n    severity: urgent\n"
                  "    keywords: [magnet]\n") ==
        "pack.yaml:4:15: a.b: unknown category \"toy\"\n"
        "pack.yaml:5:15: a.b: unknown severity \"urgent\"");
}

TEST_CASE("a YAML syntax error names the file and line", "[rules]") {
  CHECK(LoadError("rules:\n  - id: a.b\n    title: [unclosed\n") ==
        "pack.yaml:3:12: YAML: end of sequence flow not found");
}

TEST_CASE("duplicate rule ids are reported with both places", "[rules]") {
  RuleSet rules;
  const std::string rule =
      "rules:\n  - id: a.b\n    title: t\n    category: toys\n    severity: low\n"
      "    keywords: [magnet]\n";
  REQUIRE(ParseRulePack(rule, "one.yaml", &rules).ok());
  REQUIRE(ParseRulePack(rule, "two.yaml", &rules).ok());
  std::vector<RuleProblem> problems;
  CheckRuleSet(rules, &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].ToString() == "two.yaml:2:5: a.b: duplicate id (first defined at one.yaml:2)");
}

TEST_CASE("rule ids must be lower case", "[rules]") {
  CHECK(LoadError("rules:\n  - id: Toys.X\n    title: t\n    category: toys\n    severity: low\n"
                  "    keywords: [magnet]\n") ==
        "pack.yaml:2:5: Toys.X: rule ids are lower-case letters, digits, '_', '.', '-'");
}

}  // namespace
}  // namespace listscan

namespace listscan {
namespace {

constexpr char kRuleHead[] =
    "rules:\n  - id: t.r\n    title: t\n    category: medicines\n    severity: high\n"
    "    keywords: [tramadol]\n";

TEST_CASE("fuzzy and negation settings are read and checked", "[rules]") {
  RuleSet rules;
  REQUIRE(ParseRulePack(std::string(kRuleHead) + "    fuzzy: {min_letters: 9}\n    negation: false\n",
                        "pack.yaml", &rules)
              .ok());
  CHECK(rules.rules[0].fuzzy.enabled);
  CHECK(rules.rules[0].fuzzy.min_letters == 9);
  CHECK_FALSE(rules.rules[0].negation);
  CHECK(LoadError(std::string(kRuleHead) + "    fuzzy: {min_letters: 4}\n") ==
        "pack.yaml:7:12: t.r: `fuzzy.min_letters` must be at least 7");
  CHECK(LoadError(std::string(kRuleHead) + "    fuzzy: maybe\n") ==
        "pack.yaml:7:12: t.r: `fuzzy` is true, false or {min_letters: N}");
}

TEST_CASE("a file may hold only the pack-wide negation cues and common words", "[rules]") {
  RuleSet rules;
  REQUIRE(ParseRulePack("negations:\n  - language: de\n    before: [ohne]\n    joins: [und]\n"
                        "common_words: [morphing]\n",
                        "pack.yaml", &rules)
              .ok());
  REQUIRE(rules.negations.size() == 1);
  CHECK(rules.negations[0].language == "de");
  CHECK(rules.negations[0].before == std::vector<std::string>{"ohne"});
  CHECK(rules.common_words == std::vector<std::string>{"morphing"});
  CHECK(LoadError("negations:\n  - language: de\n    befor: [ohne]\n") ==
        "pack.yaml:3:5: unknown key \"negations.befor\"");
  CHECK(LoadError("negations:\n  - before: [ohne]\n") ==
        "pack.yaml:2:5: a `negations` entry needs `language`");
}

TEST_CASE("sources, review date and territorial scope are read and checked", "[rules]") {
  RuleSet rules;
  REQUIRE(ParseRulePack(std::string(kRuleHead) +
                            "    sources:\n"
                            "      - document: \"Directive 2001/83/EC\"\n"
                            "        provision: \"Art. 85c\"\n"
                            "        url: \"https://eur-lex.europa.eu/eli/dir/2001/83/oj\"\n"
                            "      - \"UN Convention on Psychotropic Substances 1971\"\n"
                            "    reviewed: 2024-02-29\n"
                            "    except_countries: [PL, DE, PL]\n",
                        "pack.yaml", &rules)
              .ok());
  const Rule& rule = rules.rules[0];
  REQUIRE(rule.sources.size() == 2);
  CHECK(rule.sources[0].document == "Directive 2001/83/EC");
  CHECK(rule.sources[0].provision == "Art. 85c");
  CHECK(rule.sources[0].url == "https://eur-lex.europa.eu/eli/dir/2001/83/oj");
  CHECK(rule.sources[1].document == "UN Convention on Psychotropic Substances 1971");
  CHECK(rule.sources[1].provision.empty());
  CHECK(rule.reviewed == "2024-02-29");
  CHECK(rule.except_countries == std::vector<std::string>{"DE", "PL"});
  CHECK(rule.countries.empty());

  CHECK(LoadError(std::string(kRuleHead) + "    reviewed: 2026-02-30\n") ==
        "pack.yaml:7:15: t.r: `reviewed` is a date YYYY-MM-DD, not \"2026-02-30\"");
  CHECK(LoadError(std::string(kRuleHead) + "    reviewed: 30.11.2026\n") ==
        "pack.yaml:7:15: t.r: `reviewed` is a date YYYY-MM-DD, not \"30.11.2026\"");
  CHECK(LoadError(std::string(kRuleHead) + "    countries: [IE, EL]\n") ==
        "pack.yaml:7:16: t.r: `countries`: \"EL\" is not an EEA country code (ISO 3166-1 alpha-2, "
        "upper case) (Greece is GR)");
  CHECK(LoadError(std::string(kRuleHead) + "    countries: [IE]\n    except_countries: [PL]\n") ==
        "pack.yaml:8:23: t.r: give `countries` or `except_countries`, not both");
  CHECK(LoadError(std::string(kRuleHead) + "    sources: [{provision: \"Art. 6\"}]\n") ==
        "pack.yaml:7:15: t.r: a source needs a `document`");
  CHECK(LoadError(std::string(kRuleHead) + "    sources: [{document: d, url: \"eur-lex.eu\"}]\n") ==
        "pack.yaml:7:15: t.r: source URL \"eur-lex.eu\" is not an http(s) address");
  CHECK(LoadError(std::string(kRuleHead) + "    sources: [{document: d, article: \"6\"}]\n") ==
        "pack.yaml:7:29: t.r: unknown key \"sources.article\" (document, provision, url)");
}

TEST_CASE("common words may come from a text file beside the pack", "[rules]") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("listscan-common-words-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "words.txt") << "# comment\nmorphing\r\n\nvitamina\n";
  std::ofstream(dir / "pack.yaml") << std::string(kRuleHead) << "common_words: {file: words.txt}\n";
  std::ofstream(dir / "broken.yml") << "common_words: {file: missing.txt}\n";
  absl::StatusOr<RuleSet> rules = LoadRulePacks({(dir / "pack.yaml").string()});
  REQUIRE(rules.ok());
  CHECK(rules->common_words == std::vector<std::string>{"morphing", "vitamina"});
  absl::StatusOr<RuleSet> broken = LoadRulePacks({(dir / "broken.yml").string()});
  CHECK(broken.status().message() ==
        (dir / "broken.yml").string() + ":1:15: cannot open common words file " +
            (dir / "missing.txt").string());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace listscan
