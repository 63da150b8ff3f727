// `listscan diff --base REV_OR_DIR --head REV_OR_DIR CORPUS...`: what a rule change does to the
// verdicts on a corpus. Each record is read and parsed once and scanned with both packs.
#include "diff_command.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "exit_codes.h"
#include "input/record_reader.h"
#include "listscan/scanner.h"
#include "output/json_text.h"
#include "pack_options.h"
#include "parse/listing_parser.h"
#include "rules/rule_loader.h"

namespace listscan::cli {
namespace {

struct DiffFlags {
  std::string base;
  std::string head;
  std::string rules_path = "rules";
  std::vector<std::string> corpora;
  std::string format = "markdown";
  size_t examples = 5;
  std::string cache_dir = DefaultCacheDir();
  bool no_cache = false;
};

DiffFlags& Flags() {
  static DiffFlags flags;
  return flags;
}

// A folder or file is used as it is; anything else is a git revision whose `rules_path` is
// exported into a temporary folder.
absl::StatusOr<std::string> MaterializeRules(const std::string& spec, const std::string& rules_path,
                                             std::vector<std::filesystem::path>* cleanup) {
  if (std::filesystem::exists(spec)) return spec;
  std::string pattern = (std::filesystem::temp_directory_path() / "listscan-diff-XXXXXX").string();
  const char* dir = mkdtemp(pattern.data());
  if (dir == nullptr) return absl::UnavailableError("cannot create a temporary folder");
  cleanup->emplace_back(dir);
  // The revision comes from the command line of the user running us; quote it for the shell.
  auto quote = [](const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
  };
  // git's and tar's own messages would be noise: say what is wrong in listscan's words.
  auto run = [](const std::string& command) { return std::system(command.c_str()) == 0; };
  if (!run(absl::StrCat("git rev-parse --verify --quiet ", quote(spec + "^{commit}"),
                        " >/dev/null 2>&1"))) {
    return absl::NotFoundError(
        absl::StrCat(spec, ": neither a folder, a file nor a git revision of this repository"));
  }
  if (!run(absl::StrCat("git cat-file -e ", quote(spec + ":" + rules_path), " 2>/dev/null"))) {
    return absl::NotFoundError(absl::StrCat(spec, ": the revision has no ", rules_path,
                                            "/ (see --rules-path)"));
  }
  if (!run(absl::StrCat("git archive --format=tar ", quote(spec), " -- ", quote(rules_path),
                        " 2>/dev/null | tar -x -C ", quote(dir), " 2>/dev/null"))) {
    return absl::UnavailableError(absl::StrCat(spec, ": cannot extract ", rules_path, "/"));
  }
  return absl::StrCat(dir, "/", rules_path);
}

struct Verdict {
  std::set<std::string> rules;
  std::string summary;  // "rule: match; ..." for examples
};

struct Change {
  std::string id;
  std::string source;
  Verdict base;
  Verdict head;
};

Verdict VerdictOf(const std::vector<Hit>& hits, const Listing& listing, const RuleSet& rules) {
  Verdict verdict;
  std::vector<std::string> parts;
  for (const Hit& hit : hits) {
    const std::string& id = rules.rules[hit.rule].id;
    if (verdict.rules.insert(id).second) {
      parts.push_back(absl::StrCat(
          id, " \"", listing.fields[hit.field].text.substr(hit.start, hit.end - hit.start), "\""));
    }
  }
  verdict.summary = absl::StrJoin(parts, ", ");
  return verdict;
}

struct DiffReport {
  uint64_t records = 0;
  uint64_t rejected = 0;
  uint64_t flagged_base = 0;
  uint64_t flagged_head = 0;
  std::vector<Change> added, removed, changed;
  std::map<std::string, std::pair<uint64_t, uint64_t>> per_rule;  // listings: base, head
};

std::string MarkdownReport(const DiffReport& report, const DiffFlags& flags) {
  std::string out = absl::StrCat(
      "### listscan diff\n\n", report.records, " listings scanned (", report.rejected,
      " rejected). Flagged: ", report.flagged_base, " → ", report.flagged_head, ".\n\n",
      "| change | listings |\n|---|---:|\n| newly flagged | ", report.added.size(),
      " |\n| no longer flagged | ", report.removed.size(), " |\n| rules changed | ",
      report.changed.size(), " |\n");
  std::vector<std::string> rows;
  for (const auto& [rule, counts] : report.per_rule) {
    if (counts.first == counts.second) continue;
    rows.push_back(absl::StrCat("| `", rule, "` | ", counts.first, " | ", counts.second, " | ",
                                counts.second >= counts.first ? "+" : "-",
                                counts.second >= counts.first ? counts.second - counts.first
                                                              : counts.first - counts.second,
                                " |"));
  }
  if (!rows.empty()) {
    absl::StrAppend(&out, "\n| rule | base | head | change |\n|---|---:|---:|---:|\n",
                    absl::StrJoin(rows, "\n"), "\n");
  }
  auto section = [&](const char* title, const std::vector<Change>& changes) {
    if (changes.empty()) return;
    absl::StrAppend(&out, "\n**", title, "** (first ", std::min(changes.size(), flags.examples),
                    " of ", changes.size(), ")\n\n");
    for (size_t i = 0; i < changes.size() && i < flags.examples; ++i) {
      const Change& c = changes[i];
      absl::StrAppend(&out, "- `", c.id, "` (", c.source, "): ",
                      c.base.summary.empty() ? "—" : c.base.summary, " → ",
                      c.head.summary.empty() ? "—" : c.head.summary, "\n");
    }
  };
  section("Newly flagged", report.added);
  section("No longer flagged", report.removed);
  section("Rules changed", report.changed);
  return out;
}

std::string JsonReport(const DiffReport& report) {
  std::string out = absl::StrCat("{\"records\":", report.records, ",\"rejected\":", report.rejected,
                                 ",\"flagged\":{\"base\":", report.flagged_base,
                                 ",\"head\":", report.flagged_head, "},\"per_rule\":{");
  bool first = true;
  for (const auto& [rule, counts] : report.per_rule) {
    if (counts.first == counts.second) continue;
    out += first ? "" : ",";
    first = false;
    AppendJsonString(&out, rule);
    absl::StrAppend(&out, ":{\"base\":", counts.first, ",\"head\":", counts.second, "}");
  }
  out += "}";
  auto list = [&](const char* key, const std::vector<Change>& changes) {
    absl::StrAppend(&out, ",\"", key, "\":[");
    for (size_t i = 0; i < changes.size(); ++i) {
      const Change& c = changes[i];
      out += i ? "," : "";
      out += "{\"id\":";
      AppendJsonString(&out, c.id);
      out += ",\"source\":";
      AppendJsonString(&out, c.source);
      for (const auto& [name, verdict] : {std::pair{"base", &c.base}, std::pair{"head", &c.head}}) {
        absl::StrAppend(&out, ",\"", name, "\":[");
        bool first_rule = true;
        for (const std::string& rule : verdict->rules) {
          out += first_rule ? "" : ",";
          first_rule = false;
          AppendJsonString(&out, rule);
        }
        out += "]";
      }
      out += "}";
    }
    out += "]";
  };
  list("newly_flagged", report.added);
  list("no_longer_flagged", report.removed);
  list("rules_changed", report.changed);
  out += "}\n";
  return out;
}

absl::StatusOr<DiffReport> Compare(std::shared_ptr<const CompiledPack> base,
                                   std::shared_ptr<const CompiledPack> head,
                                   const std::vector<std::string>& corpora) {
  auto reader = RecordReader::Open(corpora, InputOptions{});
  if (!reader.ok()) return reader.status();
  FieldSelection selection;
  selection.skip = {"expect", "expect\\[*\\]"};  // the labels are not listing text
  for (const auto* pack : {base.get(), head.get()}) {
    for (const Rule& rule : pack->rules().rules) {
      for (const WhereFilter& filter : rule.where) selection.metadata.push_back(filter.field);
    }
  }
  ListingParser parser(selection);
  auto base_scanner = Scanner::Create(base);
  auto head_scanner = Scanner::Create(head);
  if (!base_scanner.ok()) return base_scanner.status();
  if (!head_scanner.ok()) return head_scanner.status();
  DiffReport report;
  Listing listing;
  std::vector<Hit> base_hits, head_hits;
  while (std::optional<RecordBatch> batch = (*reader)->Next()) {
    report.rejected += batch->rejected.size();
    for (const RawRecord& record : batch->records) {
      if (!parser.Parse(*batch->source, record, &listing).ok()) {
        ++report.rejected;
        continue;
      }
      ++report.records;
      if (auto s = (*base_scanner)->Scan(listing, &base_hits); !s.ok()) return s;
      if (auto s = (*head_scanner)->Scan(listing, &head_hits); !s.ok()) return s;
      Change change{listing.id, absl::StrCat(batch->source->name, ":", record.line),
                    VerdictOf(base_hits, listing, base->rules()),
                    VerdictOf(head_hits, listing, head->rules())};
      for (const auto& rule : change.base.rules) ++report.per_rule[rule].first;
      for (const auto& rule : change.head.rules) ++report.per_rule[rule].second;
      report.flagged_base += !change.base.rules.empty();
      report.flagged_head += !change.head.rules.empty();
      if (change.base.rules == change.head.rules) continue;
      if (change.base.rules.empty()) {
        report.added.push_back(std::move(change));
      } else if (change.head.rules.empty()) {
        report.removed.push_back(std::move(change));
      } else {
        report.changed.push_back(std::move(change));
      }
    }
  }
  if (!(*reader)->errors().empty()) {
    return absl::UnavailableError((*reader)->errors().front().message);
  }
  return report;
}

int RunDiff() {
  const DiffFlags& flags = Flags();
  std::vector<std::filesystem::path> cleanup;
  auto load = [&](const std::string& spec) -> absl::StatusOr<std::shared_ptr<const CompiledPack>> {
    absl::StatusOr<std::string> path = MaterializeRules(spec, flags.rules_path, &cleanup);
    if (!path.ok()) return path.status();
    PackOptions options;
    options.rule_paths = {*path};
    options.cache_dir = flags.cache_dir;
    options.no_cache = flags.no_cache;
    return LoadPackUntilExit(options);
  };
  auto base = load(flags.base);
  auto head = base.ok() ? load(flags.head) : base;
  for (const auto& dir : cleanup) std::filesystem::remove_all(dir);
  if (!base.ok()) return ReportError(base.status());
  if (!head.ok()) return ReportError(head.status());
  absl::StatusOr<DiffReport> report = Compare(*base, *head, flags.corpora);
  if (!report.ok()) return ReportError(report.status());
  const std::string text =
      flags.format == "json" ? JsonReport(*report) : MarkdownReport(*report, flags);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    return ReportError(absl::UnavailableError("standard output: write error"));
  }
  const bool differs = !report->added.empty() || !report->removed.empty() || !report->changed.empty();
  return differs ? kExitNotFound : kExitFound;
}

}  // namespace

CLI::App* AddDiffCommand(CLI::App& app, int (**run)()) {
  DiffFlags& flags = Flags();
  CLI::App* diff = app.add_subcommand(
      "diff", "Compare the verdicts of two versions of the rules on a corpus (exit 1 if they differ)");
  diff->add_option("--base", flags.base, "Rules before: a folder, a file or a git revision")
      ->required();
  diff->add_option("--head", flags.head, "Rules after: a folder, a file or a git revision")
      ->required();
  diff->add_option("--rules-path", flags.rules_path,
                   "Where the rules live inside a git revision")
      ->capture_default_str();
  diff->add_option("corpus", flags.corpora, "Listing files or folders")->required();
  diff->add_option("--format", flags.format, "Report format")
      ->check(CLI::IsMember({"markdown", "json"}))
      ->capture_default_str();
  diff->add_option("--examples", flags.examples, "Examples shown per kind of change")
      ->capture_default_str();
  diff->add_option("--cache-dir", flags.cache_dir, "Where compiled databases are cached")
      ->capture_default_str();
  diff->add_flag("--no-cache", flags.no_cache, "Neither read nor write the cache");
  diff->callback([run] { *run = RunDiff; });
  return diff;
}

}  // namespace listscan::cli
