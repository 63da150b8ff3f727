// `listscan rules [ID...]`: lists the rules of the packs, or shows chosen ones in full (legal
// basis, sources, review date, territory, languages, examples), so that a moderator can see why
// a listing was flagged and where the rule's facts come from.
#include "rules_command.h"

#include <fnmatch.h>

#include <algorithm>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "exit_codes.h"
#include "output/json_text.h"
#include "pack_options.h"

namespace listscan::cli {
namespace {

struct RulesFlags {
  PackOptions pack;
  std::vector<std::string> ids;  // exact ids or shell patterns ("med.pde5.*")
  std::string category;
  std::string format = "text";
};

RulesFlags& Flags() {
  static RulesFlags flags;
  return flags;
}

std::string Territory(const Rule& rule) {
  if (!rule.countries.empty()) return absl::StrCat("only ", absl::StrJoin(rule.countries, ", "));
  if (!rule.except_countries.empty()) {
    return absl::StrCat("EEA except ", absl::StrJoin(rule.except_countries, ", "));
  }
  return "EEA";
}

std::string SourceLine(const RuleSource& source) {
  std::string line = source.document;
  if (!source.provision.empty()) absl::StrAppend(&line, ", ", source.provision);
  if (!source.url.empty()) absl::StrAppend(&line, " <", source.url, ">");
  return line;
}

std::string ExampleText(const ExampleListing& example) {
  if (example.fields.size() == 1 && example.fields[0].first == "title") {
    return example.fields[0].second;
  }
  std::vector<std::string> parts;
  for (const auto& [field, text] : example.fields) parts.push_back(absl::StrCat(field, ": ", text));
  return absl::StrJoin(parts, " | ");
}

std::string Matching(const Rule& rule) {
  std::string matching = rule.fuzzy.enabled
                             ? absl::StrCat("misspellings of keywords of ", rule.fuzzy.min_letters,
                                            "+ letters (sound-alikes from ",
                                            FuzzyOptions::kSoundAlikeLetters, ")")
                             : "exact keywords (no misspellings)";
  absl::StrAppend(&matching,
                  rule.negation ? "; negation cues clear hits" : "; negation cues ignored");
  return matching;
}

void PrintRule(const Rule& rule) {
  auto row = [](std::string_view label, std::string_view value) {
    std::printf("  %-12s %.*s\n", std::string(label).c_str(), static_cast<int>(value.size()),
                value.data());
  };
  std::printf("%s: %s\n", rule.id.c_str(), rule.title.c_str());
  row("category", CategoryName(rule.category));
  row("severity", SeverityName(rule.severity));
  row("defined at", absl::StrCat(rule.file, ":", rule.line));
  row("legal basis", rule.legal_basis.empty() ? "(none)" : rule.legal_basis);
  if (rule.sources.empty()) row("sources", "(none)");
  for (size_t i = 0; i < rule.sources.size(); ++i) {
    row(i == 0 ? "sources" : "", SourceLine(rule.sources[i]));
  }
  row("reviewed", rule.reviewed.empty() ? "(never)" : rule.reviewed);
  row("territory", Territory(rule));
  row("languages", rule.languages.empty() ? "(any)" : absl::StrJoin(rule.languages, " "));
  row("matching", Matching(rule));
  for (size_t i = 0; i < rule.flag_examples.size(); ++i) {
    row(i == 0 ? "flags" : "", ExampleText(rule.flag_examples[i]));
  }
  for (size_t i = 0; i < rule.pass_examples.size(); ++i) {
    row(i == 0 ? "passes" : "", ExampleText(rule.pass_examples[i]));
  }
}

void AppendStringArray(std::string* out, const std::vector<std::string>& values) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(out, values[i]);
  }
  out->push_back(']');
}

std::string RuleJson(const Rule& rule) {
  std::string out = "{\"id\":";
  AppendJsonString(&out, rule.id);
  auto field = [&out](std::string_view name, std::string_view value) {
    out.append(",\"").append(name).append("\":");
    AppendJsonString(&out, value);
  };
  field("title", rule.title);
  field("category", CategoryName(rule.category));
  field("severity", SeverityName(rule.severity));
  field("file", rule.file);
  absl::StrAppend(&out, ",\"line\":", rule.line);
  field("legal_basis", rule.legal_basis);
  out += ",\"sources\":[";
  for (size_t i = 0; i < rule.sources.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"document\":";
    AppendJsonString(&out, rule.sources[i].document);
    if (!rule.sources[i].provision.empty()) field("provision", rule.sources[i].provision);
    if (!rule.sources[i].url.empty()) field("url", rule.sources[i].url);
    out.push_back('}');
  }
  out.push_back(']');
  if (!rule.reviewed.empty()) field("reviewed", rule.reviewed);
  if (!rule.countries.empty()) {
    out += ",\"countries\":";
    AppendStringArray(&out, rule.countries);
  }
  if (!rule.except_countries.empty()) {
    out += ",\"except_countries\":";
    AppendStringArray(&out, rule.except_countries);
  }
  out += ",\"languages\":";
  AppendStringArray(&out, rule.languages);
  absl::StrAppend(&out, ",\"fuzzy\":", rule.fuzzy.enabled ? "true" : "false",
                  ",\"negation\":", rule.negation ? "true" : "false");
  for (const auto* examples : {&rule.flag_examples, &rule.pass_examples}) {
    std::vector<std::string> texts;
    for (const ExampleListing& example : *examples) texts.push_back(ExampleText(example));
    out += examples == &rule.flag_examples ? ",\"flag_examples\":" : ",\"pass_examples\":";
    AppendStringArray(&out, texts);
  }
  out += "}\n";
  return out;
}

int RunRules() {
  const RulesFlags& flags = Flags();
  std::optional<Category> category;
  if (!flags.category.empty()) {
    category = ParseCategory(flags.category);
    if (!category) {
      return ReportError(absl::InvalidArgumentError(absl::StrCat(
          "unknown category \"", flags.category,
          "\" (medicines, supplements, cosmetics, toys, electronics, hidden_links)")));
    }
  }
  absl::StatusOr<RuleSet> rules = LoadRuleSet(flags.pack);
  if (!rules.ok()) return ReportError(rules.status());

  std::vector<const Rule*> chosen;
  std::vector<bool> pattern_used(flags.ids.size(), false);
  for (const Rule& rule : rules->rules) {
    if (category && rule.category != *category) continue;
    bool wanted = flags.ids.empty();
    for (size_t i = 0; i < flags.ids.size(); ++i) {
      if (fnmatch(flags.ids[i].c_str(), rule.id.c_str(), 0) == 0) {
        wanted = true;
        pattern_used[i] = true;
      }
    }
    if (wanted) chosen.push_back(&rule);
  }
  for (size_t i = 0; i < flags.ids.size(); ++i) {
    if (!pattern_used[i]) {
      return ReportError(absl::NotFoundError(absl::StrCat(
          "no rule ", category ? absl::StrCat("of category ", flags.category, " ") : "",
          "matches \"", flags.ids[i], "\"")));
    }
  }

  if (flags.format == "json") {
    for (const Rule* rule : chosen) std::fputs(RuleJson(*rule).c_str(), stdout);
  } else if (flags.ids.empty()) {
    size_t id_width = 2;
    for (const Rule* rule : chosen) id_width = std::max(id_width, rule->id.size());
    std::printf("%-*s  %-12s  %-8s  %s\n", static_cast<int>(id_width), "id", "category",
                "severity", "title");
    for (const Rule* rule : chosen) {
      std::printf("%-*s  %-12s  %-8s  %s\n", static_cast<int>(id_width), rule->id.c_str(),
                  std::string(CategoryName(rule->category)).c_str(),
                  std::string(SeverityName(rule->severity)).c_str(), rule->title.c_str());
    }
  } else {
    for (size_t i = 0; i < chosen.size(); ++i) {
      if (i) std::printf("\n");
      PrintRule(*chosen[i]);
    }
  }
  return std::fflush(stdout) == 0 ? kExitFound
                                  : ReportError(absl::DataLossError("cannot write to stdout"));
}

}  // namespace

CLI::App* AddRulesCommand(CLI::App& app, int (**run)()) {
  RulesFlags& flags = Flags();
  CLI::App* rules = app.add_subcommand(
      "rules", "List the rules of the packs, or show rules in full: legal basis, sources, review "
               "date, territory, languages, examples");
  rules->add_option("-r,--rules", flags.pack.rule_paths,
                    "Rule pack: a YAML file or a folder of them (repeatable)")
      ->allow_extra_args(false);
  rules->add_option("ids", flags.ids,
                    "Rule ids to show in full; shell patterns select several (\"med.pde5.*\")");
  rules->add_option("-c,--category", flags.category, "Only rules of this category");
  rules->add_option("--format", flags.format,
                    "text, or json: one JSON object per rule (JSON Lines), every field")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  rules->add_flag_callback("--json", [] { Flags().format = "json"; }, "Same as --format json");
  rules->callback([run] { *run = RunRules; });
  return rules;
}

}  // namespace listscan::cli
