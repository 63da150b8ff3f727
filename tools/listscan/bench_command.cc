// `listscan bench --rules PACK... CORPUS...`: what a rule pack costs: compile time (cold with
// --cold, or when the pack is not in the cache yet) and cached load, database and scratch size,
// throughput per thread count, peak memory, and on request which rule groups cost the most
// (measured by leaving each group out).
#include "bench_command.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "exit_codes.h"
#include "listscan/scan_job.h"
#include "output/json_text.h"
#include "pack_options.h"

namespace listscan::cli {
namespace {

struct BenchFlags {
  PackOptions pack;
  std::vector<std::string> corpora;
  std::vector<unsigned> threads;
  std::string groups = "none";
  std::string format = "text";
  int repeat = 1;
  bool cold = false;
};

BenchFlags& Flags() {
  static BenchFlags flags;
  return flags;
}

struct ThroughputRow {
  unsigned threads = 0;
  double seconds = 0;
  double mb_per_s = 0;
  double listings_per_s = 0;
  double efficiency = 0;
};

struct GroupCost {
  std::string group;
  size_t rules = 0;
  double compile_seconds = 0;  // what the group adds to a cold compile
  double scan_seconds = 0;     // what the group adds to a one-thread scan
};

struct BenchResult {
  CompileStats cold;               // counts and sizes; compile_seconds only when cold_measured
  bool cold_measured = false;
  double cached_load_seconds = 0;
  std::vector<ThroughputRow> throughput;
  uint64_t bytes = 0;
  uint64_t records = 0;
  uint64_t flagged = 0;
  long peak_rss_kib = 0;
  double serial_share = 0;  // share of one-thread time in the serial read and write stages
  std::vector<GroupCost> groups;
};

// Amdahl's law: the speed-up on `threads` cores when `serial` of the work cannot be spread.
double AmdahlSpeedup(double serial, unsigned threads) {
  return 1.0 / (serial + (1.0 - serial) / threads);
}

// A line on stderr saying what is being measured, on a terminal only; the next line overwrites it.
void Progress(const std::string& what) {
  if (!isatty(STDERR_FILENO)) return;
  std::fprintf(stderr, "\r\033[Klistscan bench: %s...", what.c_str());
}

void EndProgress() {
  if (isatty(STDERR_FILENO)) std::fputs("\r\033[K", stderr);
}

// The best of `repeat` runs, to damp noise from the rest of the machine. Scan throughput only:
// the misspelling index, built on a pack's first use, is built before the clock starts.
absl::StatusOr<ScanSummary> TimedScan(std::shared_ptr<const CompiledPack> pack,
                                      const std::vector<std::string>& corpora, unsigned threads,
                                      int repeat) {
  pack->fuzzy();
  std::optional<ScanSummary> best;
  for (int i = 0; i < std::max(repeat, 1); ++i) {
    ScanJobOptions job;
    job.inputs = corpora;
    job.threads = threads;
    auto sink = OutputFile::Open("/dev/null");
    if (!sink.ok()) return sink.status();
    absl::StatusOr<ScanSummary> summary = RunScan(pack, job, sink->get(), nullptr);
    if (!summary.ok()) return summary.status();
    if (!summary->input_errors.empty()) return absl::UnavailableError(summary->input_errors[0]);
    if (!best || summary->seconds < best->seconds) best = std::move(*summary);
  }
  return *best;
}

std::string GroupOf(const Rule& rule, const std::string& mode) {
  return mode == "file" ? rule.file : std::string(CategoryName(rule.category));
}

absl::StatusOr<BenchResult> Measure(const BenchFlags& flags) {
  // Group costs compare cold compiles, so they need the whole pack compiled cold too. The rules
  // themselves are read only then.
  const bool cold = flags.cold || flags.groups != "none";
  absl::StatusOr<RuleSet> rules = RuleSet{};
  if (cold) rules = LoadRuleSet(flags.pack);
  if (!rules.ok()) return rules.status();
  BenchResult result;

  // The pack as `scan` gets it, through the cache: in seconds when it is there already. A cold
  // compile is measured with --cold (into a scratch cache, then read back from it), or when the
  // cache did not have the pack.
  absl::StatusOr<std::shared_ptr<const CompiledPack>> pack;
  if (cold) {
    Progress("compiling the pack cold");
    std::string dir_pattern =
        (std::filesystem::temp_directory_path() / "listscan-bench-XXXXXX").string();
    const char* cache_dir = mkdtemp(dir_pattern.data());
    if (cache_dir == nullptr) return absl::UnavailableError("cannot create a temporary folder");
    pack = CompiledPack::Compile(*rules, CompileOptions{cache_dir});
    auto cached = pack.ok() ? CompiledPack::Compile(*rules, CompileOptions{cache_dir}) : pack;
    std::filesystem::remove_all(cache_dir);
    if (!cached.ok()) return cached.status();
    result.cached_load_seconds = (*cached)->stats().compile_seconds;
  } else {
    Progress("loading the pack");
    pack = LoadPackUntilExit(flags.pack);
  }
  if (!pack.ok()) return pack.status();
  result.cold = (*pack)->stats();
  result.cold_measured = cold || !result.cold.from_cache;
  if (!cold && result.cold.from_cache) {
    result.cached_load_seconds = result.cold.compile_seconds;
  }

  std::vector<unsigned> thread_counts = flags.threads;
  if (thread_counts.empty()) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned t = 1; t < cores; t *= 2) thread_counts.push_back(t);
    thread_counts.push_back(cores);
  }
  double single_rate = 0;
  for (unsigned threads : thread_counts) {
    Progress(absl::StrCat("scanning with ", threads, threads == 1 ? " thread" : " threads"));
    auto summary = TimedScan(*pack, flags.corpora, threads, flags.repeat);
    if (!summary.ok()) return summary.status();
    ThroughputRow row;
    row.threads = threads;
    row.seconds = summary->seconds;
    row.mb_per_s = static_cast<double>(summary->counts.bytes_read) / 1e6 / summary->seconds;
    row.listings_per_s = static_cast<double>(summary->counts.records_read) / summary->seconds;
    if (threads == 1) {
      single_rate = row.mb_per_s;
      result.serial_share = (summary->read_seconds + summary->write_seconds) / summary->seconds;
    }
    row.efficiency = single_rate > 0 ? row.mb_per_s / single_rate / threads : 0;
    result.throughput.push_back(row);
    result.bytes = summary->counts.bytes_read;
    result.records = summary->counts.records_read;
    result.flagged = summary->counts.records_flagged;
  }

  if (flags.groups != "none") {
    const double full_scan = result.throughput.front().seconds;
    std::map<std::string, size_t> group_sizes;
    for (const Rule& rule : rules->rules) ++group_sizes[GroupOf(rule, flags.groups)];
    for (const auto& [group, size] : group_sizes) {
      RuleSet without;
      for (const Rule& rule : rules->rules) {
        if (GroupOf(rule, flags.groups) != group) without.rules.push_back(rule);
      }
      GroupCost cost{group, size, result.cold.compile_seconds, full_scan};
      Progress(absl::StrCat("leaving out ", group));
      if (!without.rules.empty()) {
        auto reduced = CompiledPack::Compile(std::move(without), CompileOptions{});
        if (!reduced.ok()) return reduced.status();
        auto summary =
            TimedScan(*reduced, flags.corpora, result.throughput.front().threads, flags.repeat);
        if (!summary.ok()) return summary.status();
        cost.compile_seconds -= (*reduced)->stats().compile_seconds;
        cost.scan_seconds -= summary->seconds;
      }
      result.groups.push_back(cost);
    }
    // What matching misspellings costs: the same rules with every keyword exact.
    if ((*pack)->stats().fuzzy_keywords > 0) {
      RuleSet exact = *rules;
      for (Rule& rule : exact.rules) rule.fuzzy.enabled = false;
      GroupCost cost{"(misspellings of fuzzy keywords)", (*pack)->stats().fuzzy_keywords,
                     result.cold.compile_seconds, full_scan};
      Progress("with every keyword exact");
      auto exact_pack = CompiledPack::Compile(std::move(exact), CompileOptions{});
      if (!exact_pack.ok()) return exact_pack.status();
      auto summary =
          TimedScan(*exact_pack, flags.corpora, result.throughput.front().threads, flags.repeat);
      if (!summary.ok()) return summary.status();
      cost.compile_seconds -= (*exact_pack)->stats().compile_seconds;
      cost.scan_seconds -= summary->seconds;
      result.groups.push_back(cost);
    }
    std::sort(result.groups.begin(), result.groups.end(),
              [](const GroupCost& a, const GroupCost& b) { return a.scan_seconds > b.scan_seconds; });
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  result.peak_rss_kib = usage.ru_maxrss;
  return result;
}

std::string TextReport(const BenchResult& r) {
  std::string out = absl::StrFormat(
      "rules %zu, patterns %zu keywords + %zu regexes\n"
      "%s\n"
      "database %.1f KiB, scratch %.1f KiB per thread\n"
      "corpus %.1f MB, %llu listings, %llu flagged\n\n"
      "threads   seconds     MB/s  listings/s  efficiency\n",
      r.cold.rules, r.cold.literal_patterns, r.cold.regex_patterns,
      !r.cold_measured
          ? absl::StrFormat("load cached %.1f ms (--cold: also a cold compile)",
                            r.cached_load_seconds * 1e3)
      : r.cached_load_seconds > 0
          ? absl::StrFormat("compile cold %.3f s, load cached %.1f ms", r.cold.compile_seconds,
                            r.cached_load_seconds * 1e3)
          : absl::StrFormat("compile cold %.3f s (not in the cache yet)", r.cold.compile_seconds),
      r.cold.database_bytes / 1024.0, r.cold.scratch_bytes / 1024.0,
      r.bytes / 1e6, static_cast<unsigned long long>(r.records),
      static_cast<unsigned long long>(r.flagged));
  for (const ThroughputRow& row : r.throughput) {
    absl::StrAppendFormat(&out, "%7u %9.3f %8.1f %11.0f %10.0f%%\n", row.threads, row.seconds,
                          row.mb_per_s, row.listings_per_s, row.efficiency * 100);
  }
  absl::StrAppendFormat(&out, "\npeak RSS %.1f MiB\n", r.peak_rss_kib / 1024.0);
  if (r.serial_share > 0) {
    absl::StrAppendFormat(&out,
                          "serial stages %.1f%% of one-thread time: at most %.1fx on 16 cores, "
                          "%.1fx on 64 (Amdahl)\n",
                          r.serial_share * 100, AmdahlSpeedup(r.serial_share, 16),
                          AmdahlSpeedup(r.serial_share, 64));
  }
  if (!r.groups.empty()) {
    out += "\nrule group                            rules  adds to scan  adds to compile\n";
    for (const GroupCost& g : r.groups) {
      absl::StrAppendFormat(&out, "%-36s %6zu  %10.3f s  %13.3f s\n", g.group, g.rules,
                            g.scan_seconds, g.compile_seconds);
    }
  }
  return out;
}

std::string JsonReport(const BenchResult& r) {
  std::string out = absl::StrFormat(
      "{\"rules\":%zu,\"keyword_patterns\":%zu,\"regex_patterns\":%zu,\"compile_cold_s\":%s,"
      "\"load_cached_s\":%s,\"database_bytes\":%zu,\"scratch_bytes\":%zu,\"corpus_bytes\":%llu,"
      "\"listings\":%llu,\"flagged\":%llu,\"peak_rss_kib\":%ld,\"serial_share\":%.4f,"
      "\"throughput\":[",
      r.cold.rules, r.cold.literal_patterns, r.cold.regex_patterns,
      r.cold_measured ? absl::StrFormat("%.4f", r.cold.compile_seconds) : "null",
      r.cached_load_seconds > 0 ? absl::StrFormat("%.4f", r.cached_load_seconds) : "null",
      r.cold.database_bytes, r.cold.scratch_bytes,
      static_cast<unsigned long long>(r.bytes), static_cast<unsigned long long>(r.records),
      static_cast<unsigned long long>(r.flagged), r.peak_rss_kib, r.serial_share);
  for (size_t i = 0; i < r.throughput.size(); ++i) {
    const ThroughputRow& row = r.throughput[i];
    absl::StrAppendFormat(&out,
                          "%s{\"threads\":%u,\"seconds\":%.4f,\"mb_per_s\":%.2f,"
                          "\"listings_per_s\":%.1f,\"efficiency\":%.3f}",
                          i ? "," : "", row.threads, row.seconds, row.mb_per_s,
                          row.listings_per_s, row.efficiency);
  }
  out += "],\"groups\":[";
  for (size_t i = 0; i < r.groups.size(); ++i) {
    const GroupCost& g = r.groups[i];
    out += i ? "," : "";
    out += "{\"group\":";
    AppendJsonString(&out, g.group);
    absl::StrAppendFormat(&out, ",\"rules\":%zu,\"scan_s\":%.4f,\"compile_s\":%.4f}", g.rules,
                          g.scan_seconds, g.compile_seconds);
  }
  out += "]}\n";
  return out;
}

int RunBench() {
  const BenchFlags& flags = Flags();
  absl::StatusOr<BenchResult> result = Measure(flags);
  EndProgress();
  if (!result.ok()) return ReportError(result.status());
  const std::string report = flags.format == "json" ? JsonReport(*result) : TextReport(*result);
  if (std::fwrite(report.data(), 1, report.size(), stdout) != report.size() ||
      std::fflush(stdout) != 0) {
    return ReportError(absl::UnavailableError("standard output: write error"));
  }
  return kExitFound;
}

}  // namespace

CLI::App* AddBenchCommand(CLI::App& app, int (**run)()) {
  BenchFlags& flags = Flags();
  CLI::App* bench = app.add_subcommand(
      "bench", "Measure what a rule pack costs: compile time, memory and scan throughput");
  AddPackFlags(bench, &flags.pack);
  bench->add_option("corpus", flags.corpora, "Listing files or folders to scan")->required();
  bench->add_option("-j,--threads", flags.threads,
                    "Thread counts to measure (default: 1, 2, 4, ... every core)")
      ->delimiter(',');
  bench->add_flag("--cold", flags.cold,
                  "Also measure a cold compile and a load from the cache (default: load the pack "
                  "through the cache, as scan does)");
  bench->add_option("--groups", flags.groups,
                    "Cost per rule group, by leaving each out (each costs a cold compile; implies "
                    "--cold)")
      ->check(CLI::IsMember({"category", "file", "none"}))
      ->capture_default_str();
  bench->add_option("--repeat", flags.repeat, "Runs per measurement; the fastest counts")
      ->capture_default_str();
  bench->add_option("--format", flags.format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  bench->add_flag_callback("--json", [] { Flags().format = "json"; }, "Same as --format json");
  bench->callback([run] { *run = RunBench; });
  return bench;
}

}  // namespace listscan::cli
