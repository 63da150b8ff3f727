// Which patterns of a pack the scan time goes to. Folds the listings of a JSON Lines corpus as the
// scanner does (every field's two views, fields end to end in groups of 64 listings), then times
// each database of the pack over them, the keywords split by length, and every required regex
// alone (as the presence scan runs it: no start-of-match), and prints the costliest regexes with
// the rules that use them. Times are the fastest of REPEAT passes, on one thread.
//
// With --try FILE, only times each line of FILE as a regex alone over the same text: for
// rewriting a costly regex.
//
// Usage: pattern_cost CORPUS.jsonl RULES... [--top N] [--repeat N] [--try FILE]
#include <hs/hs.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "listscan/compiled_pack.h"
#include "match/fuzzy_index.h"
#include "match/hyperscan_databases.h"
#include "match/pattern_table.h"
#include "normalize/fold_buffer.h"
#include "normalize/folded_text.h"
#include "parse/listing_parser.h"
#include "rules/rule_loader.h"

namespace {

using listscan::FoldBuffer;

constexpr size_t kGroupListings = 64;  // as ScanMany is called by the pipeline

// One group's fields folded and laid end to end, with where each field's skeleton lies.
struct FoldedGroup {
  FoldBuffer normalized, skeleton, leet;
  std::vector<std::pair<uint32_t, uint32_t>> skeleton_fields;
};

int CountMatch(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  ++*static_cast<size_t*>(context);
  return 0;
}

struct Timing {
  double seconds = 1e30;
  size_t matches = 0;
};

// Scans the skeleton or the normalized view of every group with `db`.
Timing TimeDatabase(const hs_database_t* db, const std::vector<FoldedGroup>& groups, bool skeleton,
                    int repeat) {
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) std::abort();
  Timing timing;
  for (int r = 0; r < repeat; ++r) {
    size_t matches = 0;
    const auto started = std::chrono::steady_clock::now();
    for (const FoldedGroup& group : groups) {
      const std::string_view view = skeleton ? group.skeleton.view() : group.normalized.view();
      hs_scan(db, view.data(), static_cast<unsigned>(view.size()), 0, scratch, CountMatch,
              &matches);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    timing.seconds = std::min(timing.seconds, seconds);
    timing.matches = matches;
  }
  hs_free_scratch(scratch);
  return timing;
}

hs_database_t* CompileLiterals(const std::vector<std::string>& keywords) {
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (const std::string& keyword : keywords) {
    expressions.push_back(keyword.data());
    lengths.push_back(keyword.size());
    flags.push_back(0);
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           expressions.size(), HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    std::fprintf(stderr, "pattern_cost: keyword compile failed\n");
    std::exit(2);
  }
  return db;
}

hs_database_t* CompileRegex(const std::string& expression) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile(expression.c_str(), HS_FLAG_CASELESS | HS_FLAG_MULTILINE, HS_MODE_BLOCK, nullptr,
                 &db, &error) != HS_SUCCESS) {
    std::fprintf(stderr, "pattern_cost: regex compile failed: %s\n", expression.c_str());
    std::exit(2);
  }
  return db;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rule_paths;
  std::string corpus;
  size_t top = 30;
  int repeat = 3;
  std::string try_file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--top" && i + 1 < argc) {
      top = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--try" && i + 1 < argc) {
      try_file = argv[++i];
    } else if (corpus.empty()) {
      corpus = arg;
    } else {
      rule_paths.push_back(arg);
    }
  }
  if (corpus.empty() || rule_paths.empty()) {
    std::fprintf(stderr,
                 "usage: pattern_cost CORPUS.jsonl RULES... [--top N] [--repeat N] [--try FILE]\n");
    return 2;
  }
  auto rules = listscan::LoadRulePacks(rule_paths);
  if (!rules.ok()) {
    std::fprintf(stderr, "pattern_cost: %s\n", rules.status().ToString().c_str());
    return 2;
  }
  listscan::CompileOptions options;
  options.cache_dir = listscan::DefaultCacheDir();
  auto pack = listscan::CompiledPack::Compile(*std::move(rules), options);
  if (!pack.ok()) {
    std::fprintf(stderr, "pattern_cost: %s\n", pack.status().ToString().c_str());
    return 2;
  }
  const listscan::PatternTable& table = (*pack)->patterns();
  const listscan::HyperscanDatabases& dbs = (*pack)->databases();

  std::ifstream in(corpus, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "pattern_cost: cannot open %s\n", corpus.c_str());
    return 2;
  }
  listscan::ListingParser parser(listscan::FieldSelection{});
  listscan::SourceInfo source;
  source.name = corpus;
  std::vector<FoldedGroup> groups;
  size_t listings = 0, bytes = 0, line_number = 0;
  listscan::Listing listing;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!parser.Parse(source, {line, line_number}, &listing).ok()) continue;
    if (listings++ % kGroupListings == 0) groups.emplace_back();
    bytes += line.size();
    FoldedGroup& group = groups.back();
    for (const listscan::TextField& field : listing.fields) {
      if (field.text.empty()) continue;
      const auto begin = static_cast<uint32_t>(group.skeleton.size());
      listscan::AppendFoldedViews(field.text, &group.normalized, &group.skeleton, &group.leet);
      group.skeleton_fields.emplace_back(begin, static_cast<uint32_t>(group.skeleton.size()));
      group.normalized.push_back('\n');
      group.skeleton.push_back('\n');
      group.leet.push_back(0);
    }
  }
  size_t skeleton_bytes = 0;
  for (const FoldedGroup& group : groups) skeleton_bytes += group.skeleton.size();
  std::printf("%zu listings, %.1f MB of records, %.1f MB of folded fields, %zu groups\n", listings,
              bytes / 1e6, skeleton_bytes / 1e6, groups.size());

  if (!try_file.empty()) {
    std::ifstream expressions(try_file);
    for (std::string expression; std::getline(expressions, expression);) {
      if (expression.empty()) continue;
      hs_database_t* db = CompileRegex(expression);
      const Timing timing = TimeDatabase(db, groups, false, repeat);
      hs_free_database(db);
      std::printf("%7.4f %8zu  %.160s\n", timing.seconds, timing.matches, expression.c_str());
    }
    return 0;
  }
  auto report = [&](const char* what, const Timing& timing) {
    std::printf("%-44s %8.3f s %8.1f MB/s %10zu matches\n", what, timing.seconds,
                bytes / 1e6 / timing.seconds, timing.matches);
  };
  if (dbs.literal)
    report("keywords over the skeleton", TimeDatabase(dbs.literal, groups, true, repeat));
  std::vector<std::string> short_keywords, long_keywords;
  for (uint32_t id : table.literal_ids()) {
    const std::string& keyword = table.patterns()[id].expression;
    (keyword.size() <= 3 ? short_keywords : long_keywords).push_back(keyword);
  }
  for (const auto& [keywords, what] :
       {std::pair{&short_keywords, "  keywords of 3 bytes or fewer"},
        std::pair{&long_keywords, "  keywords of 4 bytes or more"}}) {
    if (keywords->empty()) continue;
    hs_database_t* db = CompileLiterals(*keywords);
    char label[64];
    std::snprintf(label, sizeof(label), "%s (%zu)", what, keywords->size());
    report(label, TimeDatabase(db, groups, true, repeat));
    hs_free_database(db);
  }
  if (!(*pack)->fuzzy().empty()) {
    listscan::FuzzyIndex::Scratch scratch;
    std::vector<listscan::FuzzyIndex::Match> matches;
    Timing timing;
    for (int r = 0; r < repeat; ++r) {
      size_t found = 0;
      const auto started = std::chrono::steady_clock::now();
      for (const FoldedGroup& group : groups) {
        for (const auto& [begin, end] : group.skeleton_fields) {
          matches.clear();
          (*pack)->fuzzy().Scan(group.skeleton.view().substr(begin, end - begin),
                                group.leet.data() + begin, &scratch, &matches);
          found += matches.size();
        }
      }
      timing.seconds = std::min(
          timing.seconds,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      timing.matches = found;
    }
    report("misspellings (fuzzy index)", timing);
  }
  if (!dbs.regex_presence) return 0;
  char label[64];
  std::snprintf(label, sizeof(label), "required regexes together (%zu)",
                table.required_regex_ids().size());
  report(label, TimeDatabase(dbs.regex_presence, groups, false, repeat));

  // A required regex whose every rule also has a requirement met by keywords alone need only be
  // looked for where that requirement is met.
  std::vector<uint8_t> requirement_has_regex(table.requirement_rule().size(), 0);
  for (uint32_t id : table.regex_ids()) {
    for (uint32_t r : table.patterns()[id].requirements) requirement_has_regex[r] = 1;
  }
  std::vector<uint8_t> rule_has_keyword_requirement(table.rule_requirement_count().size(), 0);
  for (uint32_t r = 0; r < requirement_has_regex.size(); ++r) {
    if (!requirement_has_regex[r]) rule_has_keyword_requirement[table.requirement_rule()[r]] = 1;
  }
  std::vector<std::string> gated, always;
  std::vector<uint8_t> pattern_gated(table.patterns().size(), 0);
  for (uint32_t id : table.required_regex_ids()) {
    bool gate = true;
    for (uint32_t r : table.patterns()[id].requirements) {
      gate = gate && rule_has_keyword_requirement[table.requirement_rule()[r]];
    }
    (gate ? gated : always).push_back(table.patterns()[id].expression);
    pattern_gated[id] = gate;
  }
  for (const auto& [expressions, what] : {std::pair{&gated, "  gateable by a keyword requirement"},
                                          std::pair{&always, "  the others"}}) {
    if (expressions->empty()) continue;
    std::vector<const char*> pointers;
    std::vector<unsigned> flags, ids;
    for (const std::string& e : *expressions) {
      pointers.push_back(e.c_str());
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_MULTILINE);
      ids.push_back(static_cast<unsigned>(ids.size()));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(pointers.data(), flags.data(), ids.data(), pointers.size(), HS_MODE_BLOCK,
                         nullptr, &db, &error) != HS_SUCCESS) {
      std::fprintf(stderr, "pattern_cost: compiling %s failed\n", what);
      return 2;
    }
    std::snprintf(label, sizeof(label), "%s (%zu)", what, expressions->size());
    report(label, TimeDatabase(db, groups, false, repeat));
    hs_free_database(db);
  }

  struct RegexCost {
    uint32_t pattern;
    Timing timing;
  };
  std::vector<RegexCost> costs;
  double sum = 0;
  for (uint32_t id : table.required_regex_ids()) {
    hs_database_t* db = CompileRegex(table.patterns()[id].expression);
    costs.push_back({id, TimeDatabase(db, groups, false, repeat)});
    sum += costs.back().timing.seconds;
    hs_free_database(db);
  }
  std::printf("the same one by one: %.3f s in all\n\n", sum);
  std::sort(costs.begin(), costs.end(), [](const RegexCost& a, const RegexCost& b) {
    return a.timing.seconds > b.timing.seconds;
  });
  std::printf("costliest required regexes (seconds alone, matches, rules, expression):\n");
  const listscan::RuleSet& rule_set = (*pack)->rules();
  for (size_t i = 0; i < std::min(top, costs.size()); ++i) {
    const listscan::Pattern& pattern = table.patterns()[costs[i].pattern];
    std::string rule_ids;
    for (size_t r = 0; r < pattern.refs.size() && r < 3; ++r) {
      if (r > 0) rule_ids += ",";
      rule_ids += rule_set.rules[pattern.refs[r].rule].id;
    }
    if (pattern.refs.size() > 3) rule_ids += ",...";
    std::printf("%7.4f %8zu %c %s\n        %.160s\n", costs[i].timing.seconds,
                costs[i].timing.matches, pattern_gated[costs[i].pattern] ? 'g' : ' ',
                rule_ids.c_str(), pattern.expression.c_str());
  }
  return 0;
}
