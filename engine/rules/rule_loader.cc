// YAML → RuleSet. Every problem is collected as "file:line: rule id: reason" so a rule writer sees
// all of them at once; any problem fails the whole load.
#include "rules/rule_loader.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "normalize/folded_text.h"
#include "rules/yaml_limits.h"
#include "yaml-cpp/yaml.h"

namespace listscan {
namespace {

namespace fs = std::filesystem;

// Where a YAML syntax error really is. For an unclosed flow collection or quoted string,
// yaml-cpp reports where it gave up (often the next line, or the end of the file); the mistake is
// where the last bracket or quote left open was opened.
std::pair<int, int> SyntaxErrorPosition(std::string_view text, const YAML::Mark& mark,
                                        const std::string& message) {
  const bool unclosed = absl::StrContains(message, "flow") ||
                        absl::StrContains(message, "end of string") ||
                        absl::StrContains(message, "quote");
  if (!unclosed || mark.line < 0) return {mark.line + 1, mark.column + 1};
  int open_line = -1;
  int open_column = -1;
  int depth = 0;
  char quote = 0;
  int line = 0;
  int column = 0;
  char before = '\n';  // the last character that is not a space on this line
  const size_t end = std::min(text.size(), static_cast<size_t>(std::max(mark.pos, 0)) + 1);
  for (size_t i = 0; i < end; ++i, ++column) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      column = -1;
      before = '\n';
      continue;
    }
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == ' ') continue;
    const char previous = before;
    before = c;
    // A quote opens a string only where a value starts (not the apostrophe in "don't").
    const bool value_start = previous == '\n' || previous == ':' || previous == '-' ||
                             previous == '[' || previous == '{' || previous == ',';
    if (c == '#' && (i == 0 || text[i - 1] == ' ')) {  // a comment: skip to the end of the line
      while (i + 1 < end && text[i + 1] != '\n') ++i;
      continue;
    }
    if ((c == '"' || c == '\'') && value_start) {
      quote = c;
      if (depth == 0) {
        open_line = line;
        open_column = column;
      }
    } else if (c == '[' || c == '{') {
      if (depth++ == 0) {
        open_line = line;
        open_column = column;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  if ((depth == 0 && quote == 0) || open_line < 0) return {mark.line + 1, mark.column + 1};
  return {open_line + 1, open_column + 1};
}

std::optional<uint16_t> ParseEvasionName(std::string_view name) {
  static const std::pair<std::string_view, uint16_t> kNames[] = {
      {"homoglyph", kEvasionHomoglyph}, {"fullwidth", kEvasionFullwidth},
      {"zero_width", kEvasionZeroWidth}, {"diacritics", kEvasionDiacritics},
      {"leet", kEvasionLeet},            {"spacing", kEvasionSpacing},
      {"misspelling", kEvasionMisspelling}, {"transliteration", kEvasionTransliteration}};
  for (const auto& [known, bit] : kNames) {
    if (known == name) return bit;
  }
  return std::nullopt;
}

bool IsValidRuleId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_' || c == '.' || c == '-';
  });
}

// Parses one file's rules; knows the file and the rule being read, for diagnostics.
class PackParser {
 public:
  PackParser(const std::string& file, std::vector<RuleProblem>* problems)
      : file_(file), problems_(problems) {}

  // The 1-based line of a node; its column is kept for the problems reported on that line.
  int LineOf(const YAML::Node& node) {
    const int line = node.Mark().line + 1;
    const int column = node.Mark().column + 1;
    auto [it, inserted] = columns_.emplace(line, column);
    if (!inserted) it->second = std::min(it->second, column);
    return line;
  }

  void ParseDocument(const YAML::Node& root, RuleSet* out) {
    if (!root.IsMap()) {
      Problem(LineOf(root), "", "a rule pack is a map with a `rules` list");
      return;
    }
    for (const auto& entry : root) {
      const std::string key = entry.first.as<std::string>();
      if (key == "negations") {
        ParseNegations(entry.second, out);
      } else if (key == "common_words") {
        ParseCommonWords(entry.second, out);
      } else if (key != "pack" && key != "source" && key != "rules" && key != "description") {
        Problem(LineOf(entry.first), "", absl::StrCat("unknown top-level key \"", key, "\""));
      }
    }
    const YAML::Node rules = root["rules"];
    if (!rules && (root["negations"] || root["common_words"])) return;  // a pack-wide table only
    if (!rules || !rules.IsSequence()) {
      Problem(LineOf(root), "", "missing `rules:` list");
      return;
    }
    for (const auto& node : rules) {
      Rule rule;
      if (ParseRule(node, &rule)) out->rules.push_back(std::move(rule));
    }
  }

 private:
  void Problem(int line, const std::string& rule_id, const std::string& reason) {
    const auto column = columns_.find(line);
    problems_->push_back(
        {file_, line, rule_id, reason, column == columns_.end() ? 0 : column->second});
  }

  std::optional<std::string> Scalar(const YAML::Node& node, const Rule& rule,
                                    const std::string& what) {
    if (!node.IsScalar()) {
      Problem(LineOf(node), rule.id, absl::StrCat(what, " must be a string"));
      return std::nullopt;
    }
    return node.as<std::string>();
  }

  std::vector<std::string> StringList(const YAML::Node& node, const Rule& rule,
                                      const std::string& what) {
    std::vector<std::string> values;
    if (node.IsScalar()) {
      values.push_back(node.as<std::string>());
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (auto value = Scalar(item, rule, what)) values.push_back(*value);
      }
    } else {
      Problem(LineOf(node), rule.id, absl::StrCat(what, " must be a string or a list of strings"));
    }
    return values;
  }

  bool CheckKeyword(const std::string& keyword, int line, const Rule& rule) {
    const std::string folded = NormalizeKeyword(keyword);
    if (folded.empty()) {
      Problem(line, rule.id, "empty keyword");
      return false;
    }
    if (rule.word_boundaries && folded.size() < 2) {
      Problem(line, rule.id, absl::StrCat("keyword \"", keyword, "\" is shorter than 2 characters"));
      return false;
    }
    return true;
  }

  // A term: "keyword", [synonym, group], {regex: "..."} or {keywords: [...]}.
  std::optional<Term> ParseTerm(const YAML::Node& node, const Rule& rule) {
    Term term;
    term.line = LineOf(node);
    if (node.IsScalar()) {
      term.keywords.push_back(node.as<std::string>());
    } else if (node.IsSequence()) {
      term.keywords = StringList(node, rule, "a synonym group");
      if (term.keywords.empty()) {
        Problem(term.line, rule.id, "empty synonym group");
        return std::nullopt;
      }
    } else if (node.IsMap() && node.size() == 1 && node["regex"]) {
      auto regex = Scalar(node["regex"], rule, "regex");
      if (!regex) return std::nullopt;
      if (regex->empty()) {
        Problem(term.line, rule.id, "empty regex");
        return std::nullopt;
      }
      term.regex = *regex;
      return term;
    } else if (node.IsMap() && node.size() == 1 && node["keywords"]) {
      term.keywords = StringList(node["keywords"], rule, "keywords");
    } else {
      Problem(term.line, rule.id,
              "a term is a keyword, a list of synonyms, {regex: ...} or {keywords: [...]}");
      return std::nullopt;
    }
    for (const auto& keyword : term.keywords) {
      if (!CheckKeyword(keyword, term.line, rule)) return std::nullopt;
    }
    return term;
  }

  void ParseTermList(const YAML::Node& node, Rule& rule, std::vector<Term>* terms,
                     const std::string& what) {
    if (!node.IsSequence()) {
      Problem(LineOf(node), rule.id, absl::StrCat("`", what, "` must be a list of terms"));
      return;
    }
    for (const auto& item : node) {
      if (auto term = ParseTerm(item, rule)) terms->push_back(std::move(*term));
    }
  }

  void ParseNear(const YAML::Node& node, Rule& rule) {
    YAML::Node clauses = node.IsMap() ? YAML::Node(YAML::NodeType::Sequence) : node;
    if (node.IsMap()) clauses.push_back(node);
    if (!clauses.IsSequence()) {
      Problem(LineOf(node), rule.id, "`near` must be a list of {a, b, within}");
      return;
    }
    for (const auto& item : clauses) {
      if (!item.IsMap() || !item["a"] || !item["b"] || !item["within"]) {
        Problem(LineOf(item), rule.id, "a `near` clause needs `a`, `b` and `within`");
        continue;
      }
      NearClause clause;
      clause.line = LineOf(item);
      auto a = ParseTerm(item["a"], rule);
      auto b = ParseTerm(item["b"], rule);
      try {
        clause.within = item["within"].as<int>();
      } catch (const YAML::Exception&) {
        Problem(LineOf(item["within"]), rule.id, "`within` must be a number of words");
        continue;
      }
      if (clause.within < 0) {
        Problem(LineOf(item["within"]), rule.id, "`within` must not be negative");
        continue;
      }
      if (a && b) {
        clause.a = std::move(*a);
        clause.b = std::move(*b);
        rule.near.push_back(std::move(clause));
      }
    }
  }

  void ParseMatch(const YAML::Node& node, Rule& rule) {
    if (!node.IsMap()) {
      Problem(LineOf(node), rule.id, "`match` must be a map of any/all/none/near");
      return;
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      if (key == "any") {
        ParseTermList(entry.second, rule, &rule.any, key);
      } else if (key == "all") {
        ParseTermList(entry.second, rule, &rule.all, key);
      } else if (key == "none") {
        ParseTermList(entry.second, rule, &rule.none, key);
      } else if (key == "near") {
        ParseNear(entry.second, rule);
      } else if (key == "keywords" || key == "regex") {
        ParseShortcut(key, entry.second, rule);
      } else {
        Problem(LineOf(entry.first), rule.id, absl::StrCat("unknown key \"match.", key, "\""));
      }
    }
  }

  // `keywords: [...]` and `regex: [...]` add to `any`.
  void ParseShortcut(const std::string& key, const YAML::Node& node, Rule& rule) {
    for (auto& value : StringList(node, rule, key)) {
      Term term;
      term.line = LineOf(node);
      if (key == "regex") {
        term.regex = std::move(value);
      } else {
        if (!CheckKeyword(value, term.line, rule)) continue;
        term.keywords.push_back(std::move(value));
      }
      rule.any.push_back(std::move(term));
    }
  }

  void ParseWhere(const YAML::Node& node, Rule& rule) {
    if (!node.IsMap()) {
      Problem(LineOf(node), rule.id, "`where` must be a map of field: values");
      return;
    }
    for (const auto& entry : node) {
      WhereFilter filter;
      filter.field = entry.first.as<std::string>();
      const YAML::Node& value = entry.second;
      if (value.IsMap()) {
        try {
          if (value["min"]) filter.min = value["min"].as<double>();
          if (value["max"]) filter.max = value["max"].as<double>();
        } catch (const YAML::Exception&) {
          Problem(LineOf(value), rule.id, "`min` and `max` must be numbers");
          continue;
        }
        if (!filter.min && !filter.max) {
          Problem(LineOf(value), rule.id, "a range needs `min` or `max`");
          continue;
        }
      } else {
        filter.values = StringList(value, rule, "a `where` value");
        for (auto& v : filter.values) v = absl::AsciiStrToLower(v);
      }
      rule.where.push_back(std::move(filter));
    }
  }

  // `negations:` a list of {language, before, after, joins, not_followed_by}.
  void ParseNegations(const YAML::Node& node, RuleSet* out) {
    if (!node.IsSequence()) {
      Problem(LineOf(node), "", "`negations` must be a list of {language, before, after, joins}");
      return;
    }
    const Rule none;
    for (const auto& item : node) {
      if (!item.IsMap() || !item["language"]) {
        Problem(LineOf(item), "", "a `negations` entry needs `language`");
        continue;
      }
      NegationCues cues;
      cues.file = file_;
      cues.line = LineOf(item);
      for (const auto& entry : item) {
        const std::string key = entry.first.as<std::string>();
        std::vector<std::string>* target = key == "before"            ? &cues.before
                                           : key == "after"           ? &cues.after
                                           : key == "joins"           ? &cues.joins
                                           : key == "stops"           ? &cues.stops
                                           : key == "not_followed_by" ? &cues.not_followed_by
                                                                      : nullptr;
        if (key == "language") {
          cues.language = Scalar(entry.second, none, "language").value_or("");
        } else if (target) {
          *target = StringList(entry.second, none, key);
        } else {
          Problem(LineOf(entry.first), "", absl::StrCat("unknown key \"negations.", key, "\""));
        }
      }
      for (const auto* list :
           {&cues.before, &cues.after, &cues.joins, &cues.stops, &cues.not_followed_by}) {
        for (const std::string& cue : *list) {
          if (NormalizeKeyword(cue).find_first_not_of(" -") == std::string::npos) {
            Problem(cues.line, "", absl::StrCat("empty negation cue \"", cue, "\""));
          }
        }
      }
      out->negations.push_back(std::move(cues));
    }
  }

  // `common_words:` a list, or {file: NAME}: a text file beside the pack, one word a line ('#'
  // starts a comment line), for lists of a hundred thousand words that YAML would parse slowly.
  void ParseCommonWords(const YAML::Node& node, RuleSet* out) {
    if (!node.IsMap()) {
      out->referenced_files.push_back(file_);  // a file of words only is no rule's file
      for (auto& word : StringList(node, Rule(), "common_words")) {
        out->common_words.push_back(std::move(word));
      }
      return;
    }
    if (node.size() != 1 || !node["file"] || !node["file"].IsScalar()) {
      Problem(LineOf(node), "", "`common_words` is a list of words or {file: NAME}");
      return;
    }
    const std::string name = node["file"].as<std::string>();
    const fs::path path = fs::path(file_).parent_path() / name;
    out->referenced_files.push_back(path.string());
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Problem(LineOf(node), "", absl::StrCat("cannot open common words file ", path.string()));
      return;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      out->common_words.push_back(line);
    }
    if (in.bad()) Problem(LineOf(node), "", absl::StrCat(path.string(), ": read error"));
  }

  // `sources:` entries: {document, provision, url} maps, or a plain string naming the document.
  void ParseSources(const YAML::Node& node, Rule& rule) {
    if (!node.IsSequence()) {
      Problem(LineOf(node), rule.id, "`sources` must be a list of {document, provision, url}");
      return;
    }
    for (const auto& item : node) {
      RuleSource source;
      if (item.IsScalar()) {
        source.document = item.as<std::string>();
      } else if (item.IsMap()) {
        for (const auto& entry : item) {
          const std::string key = entry.first.as<std::string>();
          std::string* target = key == "document"    ? &source.document
                                : key == "provision" ? &source.provision
                                : key == "url"       ? &source.url
                                                     : nullptr;
          if (!target) {
            Problem(LineOf(entry.first), rule.id,
                    absl::StrCat("unknown key \"sources.", key, "\" (document, provision, url)"));
          } else if (auto value = Scalar(entry.second, rule, absl::StrCat("sources.", key))) {
            *target = *value;
          }
        }
      } else {
        Problem(LineOf(item), rule.id, "a source is a {document, provision, url} map or a string");
        continue;
      }
      if (source.document.empty()) {
        Problem(LineOf(item), rule.id, "a source needs a `document`");
      } else if (!source.url.empty() && !absl::StartsWith(source.url, "https://") &&
                 !absl::StartsWith(source.url, "http://")) {
        Problem(LineOf(item), rule.id,
                absl::StrCat("source URL \"", source.url, "\" is not an http(s) address"));
      }
      rule.sources.push_back(std::move(source));
    }
  }

  // `reviewed: YYYY-MM-DD`, a real calendar date.
  void ParseReviewed(const YAML::Node& node, Rule& rule) {
    const std::string date = Scalar(node, rule, "reviewed").value_or("");
    int year = 0, month = 0, day = 0;
    char tail = 0;
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                        std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!shaped || year < 1900 || month < 1 || month > 12 || day < 1 ||
        day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) {
      Problem(LineOf(node), rule.id,
              absl::StrCat("`reviewed` is a date YYYY-MM-DD, not \"", date, "\""));
      return;
    }
    rule.reviewed = date;
  }

  // `countries:` / `except_countries:` lists of EEA country codes.
  void ParseCountries(const YAML::Node& node, Rule& rule, const std::string& key) {
    std::vector<std::string>& target = key == "countries" ? rule.countries : rule.except_countries;
    for (std::string& code : StringList(node, rule, key)) {
      if (!IsEeaCountry(code)) {
        const std::string hint = code == "EL"   ? " (Greece is GR)"
                                 : code == "UK" || code == "GB"
                                     ? " (the United Kingdom is outside the EEA)"
                                     : "";
        Problem(LineOf(node), rule.id,
                absl::StrCat("`", key, "`: \"", code,
                             "\" is not an EEA country code (ISO 3166-1 alpha-2, upper case)", hint));
        continue;
      }
      if (std::find(target.begin(), target.end(), code) == target.end()) {
        target.push_back(std::move(code));
      }
    }
    std::sort(target.begin(), target.end());
  }

  // `fuzzy: true|false` or `fuzzy: {min_letters: N}`.
  void ParseFuzzy(const YAML::Node& node, Rule& rule) {
    try {
      if (node.IsScalar()) {
        rule.fuzzy.enabled = node.as<bool>();
        return;
      }
      if (node.IsMap() && node.size() == 1 && node["min_letters"]) {
        rule.fuzzy.min_letters = node["min_letters"].as<int>();
        if (rule.fuzzy.min_letters < FuzzyOptions::kFewestEditLetters) {
          Problem(LineOf(node), rule.id, absl::StrCat("`fuzzy.min_letters` must be at least ",
                                                      FuzzyOptions::kFewestEditLetters));
        }
        return;
      }
    } catch (const YAML::Exception&) {
    }
    Problem(LineOf(node), rule.id, "`fuzzy` is true, false or {min_letters: N}");
  }

  void ParseEvasions(const YAML::Node& node, Rule& rule) {
    rule.allowed_evasions = 0;
    for (const auto& name : StringList(node, rule, "an evasion")) {
      if (auto bit = ParseEvasionName(name)) {
        rule.allowed_evasions |= *bit;
      } else {
        Problem(LineOf(node), rule.id, absl::StrCat("unknown evasion \"", name, "\""));
      }
    }
  }

  std::optional<ExampleListing> ParseExample(const YAML::Node& node, const Rule& rule) {
    ExampleListing example;
    example.line = LineOf(node);
    if (node.IsScalar()) {
      example.fields.emplace_back("title", node.as<std::string>());
      return example;
    }
    if (!node.IsMap()) {
      Problem(example.line, rule.id, "an example is a text or a map of field: text");
      return std::nullopt;
    }
    for (const auto& entry : node) {
      if (auto text = Scalar(entry.second, rule, "an example field")) {
        example.fields.emplace_back(entry.first.as<std::string>(), *text);
      }
    }
    return example;
  }

  void ParseExamples(const YAML::Node& node, Rule& rule) {
    if (!node.IsMap()) {
      Problem(LineOf(node), rule.id, "`examples` must be a map with `flag` and `pass` lists");
      return;
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      std::vector<ExampleListing>* target = key == "flag"   ? &rule.flag_examples
                                            : key == "pass" ? &rule.pass_examples
                                                            : nullptr;
      if (!target || !entry.second.IsSequence()) {
        Problem(LineOf(entry.first), rule.id, "`examples` has lists `flag` and `pass` only");
        continue;
      }
      for (const auto& item : entry.second) {
        if (auto example = ParseExample(item, rule)) target->push_back(std::move(*example));
      }
    }
  }

  bool ParseRule(const YAML::Node& node, Rule* out) {
    Rule& rule = *out;
    rule.file = file_;
    rule.line = LineOf(node);
    rule.column = node.Mark().column + 1;
    if (!node.IsMap()) {
      Problem(rule.line, "", "a rule must be a map");
      return false;
    }
    const size_t problems_before = problems_->size();
    if (const YAML::Node id = node["id"]; id && id.IsScalar()) {
      rule.id = id.as<std::string>();
      if (!IsValidRuleId(rule.id)) {
        Problem(LineOf(id), rule.id, "rule ids are lower-case letters, digits, '_', '.', '-'");
      }
    } else {
      Problem(rule.line, "", "rule without `id`");
      return false;
    }
    bool has_category = false, has_severity = false;
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      const YAML::Node& value = entry.second;
      if (key == "id") {
        continue;
      } else if (key == "title") {
        rule.title = Scalar(value, rule, "title").value_or("");
      } else if (key == "category") {
        const std::string name = Scalar(value, rule, "category").value_or("");
        if (auto category = ParseCategory(name)) {
          rule.category = *category;
          has_category = true;
        } else {
          Problem(LineOf(value), rule.id, absl::StrCat("unknown category \"", name, "\""));
        }
      } else if (key == "severity") {
        const std::string name = Scalar(value, rule, "severity").value_or("");
        if (auto severity = ParseSeverity(name)) {
          rule.severity = *severity;
          has_severity = true;
        } else {
          Problem(LineOf(value), rule.id, absl::StrCat("unknown severity \"", name, "\""));
        }
      } else if (key == "legal_basis") {
        rule.legal_basis = Scalar(value, rule, "legal_basis").value_or("");
      } else if (key == "sources") {
        ParseSources(value, rule);
      } else if (key == "reviewed") {
        ParseReviewed(value, rule);
      } else if (key == "countries" || key == "except_countries") {
        ParseCountries(value, rule, key);
      } else if (key == "languages") {
        rule.languages = StringList(value, rule, "languages");
      } else if (key == "fields") {
        rule.fields = StringList(value, rule, "fields");
      } else if (key == "match") {
        ParseMatch(value, rule);
      } else if (key == "keywords" || key == "regex") {
        ParseShortcut(key, value, rule);
      } else if (key == "exceptions") {
        ParseTermList(value, rule, &rule.exceptions, key);
      } else if (key == "where") {
        ParseWhere(value, rule);
      } else if (key == "evasions") {
        ParseEvasions(value, rule);
      } else if (key == "fuzzy") {
        ParseFuzzy(value, rule);
      } else if (key == "negation") {
        try {
          rule.negation = value.as<bool>();
        } catch (const YAML::Exception&) {
          Problem(LineOf(value), rule.id, "`negation` is true or false");
        }
      } else if (key == "examples") {
        ParseExamples(value, rule);
      } else if (key == "description" || key == "notes") {
        continue;  // documentation only
      } else {
        Problem(LineOf(entry.first), rule.id, absl::StrCat("unknown key \"", key, "\""));
      }
    }
    if (rule.title.empty()) Problem(rule.line, rule.id, "missing `title`");
    if (!has_category && !node["category"]) Problem(rule.line, rule.id, "missing `category`");
    if (!has_severity && !node["severity"]) Problem(rule.line, rule.id, "missing `severity`");
    if (rule.any.empty() && rule.all.empty() && rule.near.empty()) {
      Problem(rule.line, rule.id, "needs at least one of `any`, `all` or `near` (or `keywords`)");
    }
    if (!rule.countries.empty() && !rule.except_countries.empty()) {
      Problem(LineOf(node["except_countries"]), rule.id,
              "give `countries` or `except_countries`, not both");
    }
    return problems_->size() == problems_before;
  }

  const std::string& file_;
  std::vector<RuleProblem>* problems_;
  std::map<int, int> columns_;  // line → the leftmost column of a node read on it
};

absl::Status ProblemsToStatus(const std::vector<RuleProblem>& problems) {
  if (problems.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrJoin(problems, "\n", [](std::string* out, const RuleProblem& problem) {
        out->append(problem.ToString());
      }));
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open: ", strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return text.str();
}

bool IsRuleFile(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml";
}

void ParsePackInto(std::string_view text, const std::string& file, RuleSet* rules,
                   std::vector<RuleProblem>* problems) {
  if (absl::Status limits = CheckYamlLimits(text); !limits.ok()) {
    problems->push_back({file, 1, "", std::string(limits.message())});
    return;
  }
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    PackParser(file, problems).ParseDocument(root, rules);
  } catch (const YAML::Exception& e) {
    const auto [line, column] = SyntaxErrorPosition(text, e.mark, e.msg);
    problems->push_back({file, line, "", absl::StrCat("YAML: ", e.msg), column});
  }
}

}  // namespace

std::string RuleProblem::Location() const {
  if (column <= 0) return absl::StrCat(file, ":", line);
  return absl::StrCat(file, ":", line, ":", column);
}

std::string RuleProblem::ToString() const {
  if (rule_id.empty()) return absl::StrCat(Location(), ": ", message);
  return absl::StrCat(Location(), ": ", rule_id, ": ", message);
}

absl::Status ParseRulePack(std::string_view yaml_text, const std::string& file, RuleSet* rules) {
  std::vector<RuleProblem> problems;
  ParsePackInto(yaml_text, file, rules, &problems);
  return ProblemsToStatus(problems);
}

void CheckRuleSet(const RuleSet& rules, std::vector<RuleProblem>* problems) {
  absl::flat_hash_map<std::string_view, const Rule*> seen;
  for (const Rule& rule : rules.rules) {
    auto [it, inserted] = seen.emplace(rule.id, &rule);
    if (!inserted) {
      problems->push_back({rule.file, rule.line, rule.id,
                           absl::StrCat("duplicate id (first defined at ", it->second->file, ":",
                                        it->second->line, ")"),
                           rule.column});
    }
  }
}

absl::StatusOr<std::vector<std::string>> ListRuleFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
           it.increment(error)) {
        if (it->is_regular_file() && IsRuleFile(it->path())) found.push_back(it->path().string());
      }
      if (error) return absl::NotFoundError(absl::StrCat(path, ": ", error.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

absl::Status LoadRulePacksCollectingProblems(const std::vector<std::string>& paths, RuleSet* rules,
                                             std::vector<RuleProblem>* problems) {
  absl::StatusOr<std::vector<std::string>> files = ListRuleFiles(paths);
  if (!files.ok()) return files.status();
  for (const std::string& file : *files) {
    absl::StatusOr<std::string> text = ReadWholeFile(file);
    if (!text.ok()) return text.status();
    ParsePackInto(*text, file, rules, problems);
  }
  CheckRuleSet(*rules, problems);
  return absl::OkStatus();
}

absl::StatusOr<RuleSet> LoadRulePacks(const std::vector<std::string>& paths) {
  RuleSet rules;
  std::vector<RuleProblem> problems;
  if (absl::Status status = LoadRulePacksCollectingProblems(paths, &rules, &problems);
      !status.ok()) {
    return status;
  }
  if (!problems.empty()) return ProblemsToStatus(problems);
  if (rules.rules.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(absl::StrJoin(paths, ", "), ": no rules found"));
  }
  return rules;
}

namespace {

// A literal keyword as a rule of its own: caseless, anywhere in a word, no evasions undone.
Rule KeywordRule(std::string_view keyword, std::string id, const std::string& file, int line) {
  Rule rule;
  rule.id = std::move(id);
  rule.title = std::string(keyword);
  rule.category = Category::kAdhoc;
  rule.severity = Severity::kMedium;
  rule.word_boundaries = false;
  rule.allowed_evasions = 0;
  rule.fuzzy.enabled = false;
  rule.negation = false;
  rule.file = file;
  rule.line = line;
  Term term;
  term.keywords.emplace_back(keyword);
  term.line = line;
  rule.any.push_back(std::move(term));
  return rule;
}

}  // namespace

absl::StatusOr<RuleSet> LoadKeywordList(const std::string& path) {
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  RuleSet rules;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    rules.rules.push_back(
        KeywordRule(std::string_view(line.data(), line.size()), absl::StrCat("adhoc.", line_number),
                    path, line_number));
  }
  if (rules.rules.empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": no keywords"));
  return rules;
}

absl::StatusOr<RuleSet> KeywordRules(const std::vector<std::string>& keywords) {
  RuleSet rules;
  for (size_t i = 0; i < keywords.size(); ++i) {
    if (absl::StripAsciiWhitespace(keywords[i]).empty()) {
      return absl::InvalidArgumentError("-e: empty keyword");
    }
    const int number = static_cast<int>(i) + 1;
    rules.rules.push_back(KeywordRule(keywords[i], absl::StrCat("adhoc.e", number), "-e", number));
  }
  return rules;
}

}  // namespace listscan
