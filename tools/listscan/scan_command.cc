// `listscan scan [FILE|DIR|-]...`: flagged listings as JSON Lines, grep-like exit status.
#include "scan_command.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>

#include "absl/strings/str_split.h"
#include "exit_codes.h"
#include "listscan/scan_job.h"
#include "pack_options.h"
#include "report/flagged_listing.h"
#include "report/scan_totals.h"
#include "report_command.h"
#include "resume_option.h"
#include "scan_outcome.h"
#include "scan_view_flags.h"

namespace listscan::cli {
namespace {

struct ScanFlags {
  PackOptions pack;
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string summary;
  std::string rejects;
  std::string input_format = "auto";
  ViewFlags view;
  std::string delimiter = ",";
  std::string encoding = "utf8";
  std::string fields;
  std::string id_field = "id";
  std::string with_fields;
  std::string shard;  // "K/N"
  std::string country_field{kDefaultCountryField};
  std::string seller_field = "seller.id";
  size_t max_record_bytes = 16u << 20;
  unsigned threads = 0;
  std::string resume;
  std::string report;  // --report FILE
  std::string report_format = "html";
  double max_reject_rate = OutcomeOptions{}.max_reject_rate;
  bool hidden = false;
  std::vector<std::string> globs;
};

ScanFlags& Flags() {
  static ScanFlags flags;
  return flags;
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    items.emplace_back(item);
  }
  return items;
}

absl::StatusOr<ScanJobOptions> JobOptions(const ScanFlags& flags) {
  ScanJobOptions job;
  job.inputs = flags.inputs.empty() ? std::vector<std::string>{"-"} : flags.inputs;
  job.input.format = flags.input_format == "jsonl" ? InputFormat::kJsonLines
                     : flags.input_format == "csv" ? InputFormat::kCsv
                                                   : InputFormat::kAuto;
  if (flags.delimiter == "\\t" || flags.delimiter == "tab") {
    job.input.delimiter = '\t';
  } else if (flags.delimiter.size() == 1) {
    job.input.delimiter = flags.delimiter[0];
  } else {
    return absl::InvalidArgumentError("--delimiter must be one character (or \\t)");
  }
  job.input.encoding = flags.encoding == "cp1252"   ? TextEncoding::kCp1252
                       : flags.encoding == "latin1" ? TextEncoding::kLatin1
                                                    : TextEncoding::kUtf8;
  job.input.max_record_bytes = flags.max_record_bytes;
  job.input.walk.hidden = flags.hidden;
  job.input.walk.globs = flags.globs;
  job.fields.scan = SplitList(flags.fields);
  job.fields.id_field = flags.id_field;
  job.with_fields = SplitList(flags.with_fields);
  job.country_field = flags.country_field;
  job.seller_field = flags.seller_field;
  job.threads = flags.threads;
  ApplyViewFlags(flags.view, flags.output, &job);
  // The progress line would cut into the view on the same terminal.
  job.progress = isatty(STDERR_FILENO) && job.flagged_format != FlaggedFormat::kView;
  if (!flags.shard.empty()) {
    unsigned index = 0, count = 0;
    if (absl::Status parsed = ParseShard(flags.shard, &index, &count); !parsed.ok()) return parsed;
    absl::StatusOr<PartPlan> plan = ShardInputs(job.inputs, job.input, index, count);
    if (!plan.ok()) return plan.status();
    job.parts = std::move(*plan);
  }
  return job;
}

// SIGINT or SIGTERM (a job scheduler's time limit): the first stops reading, the batches in flight
// are finished and written with a summary that says how far the run got; a second exits at once.
std::atomic<bool> interrupted{false};
volatile std::sig_atomic_t interrupting_signal = 0;

void OnSignal(int signal) {
  if (interrupting_signal != 0) _exit(128 + signal);
  interrupting_signal = signal;
  interrupted.store(true);
}

void StopOnSignals() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  action.sa_flags = SA_RESTART;  // a read from a pipe waits on; the reader checks the flag after
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// The reader of the flagged listings went away (`| head`): no message, the summary (if asked for
// in a file) says the output was cut short, and the process ends as SIGPIPE would have ended it.
int StopAsClosedPipe(const ScanSummary& summary, const ScanFlags& flags, const RuleSet& rules) {
  if (!flags.summary.empty() && flags.summary != "-") {
    if (auto file = OutputFile::Open(flags.summary); file.ok()) {
      absl::Status written = (*file)->Write(SummaryJson(summary, rules));
      written.Update((*file)->Close());
      if (!written.ok()) return ReportError(written);
    }
  }
  std::signal(SIGPIPE, SIG_DFL);
  std::raise(SIGPIPE);
  return 128 + SIGPIPE;
}

int RunScan() {
  const ScanFlags& flags = Flags();
  absl::StatusOr<ScanJobOptions> job = JobOptions(flags);
  if (!job.ok()) return ReportError(job.status());
  job->interrupted = &interrupted;
  if (!flags.resume.empty()) {
    if (absl::Status resumed = ApplyResume(flags.resume, &*job); !resumed.ok()) {
      return ReportError(resumed);
    }
  }
  StopOnSignals();
  auto pack = LoadPackUntilExit(flags.pack);
  if (!pack.ok()) return ReportError(pack.status());

  auto output = OutputFile::Open(flags.output);
  if (!output.ok()) return ReportError(output.status());
  std::unique_ptr<OutputFile> rejects;
  if (!flags.rejects.empty()) {
    auto opened = OutputFile::Open(flags.rejects);
    if (!opened.ok()) return ReportError(opened.status());
    rejects = std::move(*opened);
  }

  // --report: the flagged listings also go, as JSON Lines, into a report written at the end.
  std::unique_ptr<OutputFile> report_file;
  std::unique_ptr<report::ReportSink> report;
  if (!flags.report.empty()) {
    auto opened = OutputFile::Open(flags.report);
    if (!opened.ok()) return ReportError(opened.status());
    report_file = std::move(*opened);
    auto sink = MakeScanReportSink({.format = flags.report_format,
                                    .country_field = flags.country_field,
                                    .seller_field = flags.seller_field},
                                   (*pack)->rules(), report_file.get());
    if (!sink.ok()) return ReportError(sink.status());
    report = std::move(*sink);
    // The report reads the country and seller from the flagged listings' fields.
    for (const std::string& field : {flags.country_field, flags.seller_field}) {
      if (!field.empty() && std::find(job->with_fields.begin(), job->with_fields.end(), field) ==
                                job->with_fields.end()) {
        job->with_fields.push_back(field);
      }
    }
    job->flagged_json = [&report](std::string_view lines) -> absl::Status {
      for (size_t begin = 0; begin < lines.size();) {
        const size_t end = std::min(lines.find('\n', begin), lines.size());
        absl::StatusOr<report::FlaggedListing> listing =
            report::ParseFlaggedListing(lines.substr(begin, end - begin));
        if (!listing.ok()) return listing.status();
        if (absl::Status added = report->Add(*listing); !added.ok()) return added;
        begin = end + 1;
      }
      return absl::OkStatus();
    };
  }

  absl::StatusOr<ScanSummary> summary = RunScan(*pack, *job, output->get(), rejects.get());
  // A failed run leaves no output under the names asked for (the files are discarded).
  if (!summary.ok()) return ReportError(summary.status());
  if (report) {
    report->SetTotals(report::TotalsOf(summary->counts));
    absl::Status written = report->Finish();
    written.Update(report_file->Close());
    if (!written.ok()) return ReportError(written);
  }
  if (rejects) {
    if (absl::Status closed = rejects->Close(); !closed.ok()) return ReportError(closed);
  }
  if (summary->output_cut_short) return StopAsClosedPipe(*summary, flags, (*pack)->rules());
  absl::Status closed = WriteInputCounts(flags.view, *summary, output->get());
  closed.Update((*output)->Close());
  if (!closed.ok()) {
    if (IsClosedPipe(closed)) {
      summary->output_cut_short = true;
      summary->complete = false;
      return StopAsClosedPipe(*summary, flags, (*pack)->rules());
    }
    return ReportError(closed);
  }

  if (!flags.summary.empty()) {
    auto file = OutputFile::Open(flags.summary);
    if (!file.ok()) return ReportError(file.status());
    absl::Status written = (*file)->Write(SummaryJson(*summary, (*pack)->rules()));
    written.Update((*file)->Close());
    if (!written.ok()) return ReportError(written);
  }
  if (!summary->complete) {
    std::fprintf(stderr,
                 "listscan: interrupted after %llu records; the outputs and summary cover those\n",
                 static_cast<unsigned long long>(summary->counts.records_read));
    return 128 + interrupting_signal;
  }
  return ReportOutcome(*summary, {.max_reject_rate = flags.max_reject_rate,
                                  .rejects_file = flags.rejects,
                                  .fields = SplitList(flags.fields)});
}

}  // namespace

CLI::App* AddScanCommand(CLI::App& app, int (**run)()) {
  ScanFlags& flags = Flags();
  CLI::App* scan = app.add_subcommand(
      "scan", "Scan listing dumps (JSON Lines or CSV; plain, gzip or zstd) with rule packs");
  AddPackFlags(scan, &flags.pack);
  scan->add_option("inputs", flags.inputs,
                   "Files and folders to scan (folders recursively); - or nothing: standard input");
  scan->add_option("-o,--output", flags.output, "Where the flagged listings go (- : stdout)")
      ->capture_default_str();
  scan->add_option("--summary", flags.summary, "Write run counts as JSON to FILE (- : stdout)");
  scan->add_option("--rejects", flags.rejects, "Write rejected records as JSON Lines to FILE");
  scan->add_option("--input-format", flags.input_format,
                   "Input format (auto: by the name, else by the first byte)")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}))
      ->capture_default_str();
  AddViewFlags(scan, &flags.view);
  scan->add_option("--delimiter", flags.delimiter, "CSV field delimiter (\\t for tab)")
      ->capture_default_str();
  scan->add_option("--encoding", flags.encoding, "Input text encoding")
      ->check(CLI::IsMember({"utf8", "cp1252", "latin1"}))
      ->capture_default_str();
  scan->add_option("--fields", flags.fields,
                   "Comma-separated field paths or globs to scan (default: every string value), "
                   "e.g. title,description,attributes.*");
  scan->add_option("--id-field", flags.id_field, "Field that holds the listing id")
      ->capture_default_str();
  scan->add_option("--with-fields", flags.with_fields,
                   "Comma-separated fields to copy into each flagged listing, e.g. title,seller.name");
  scan->add_option("--country-field", flags.country_field,
                   "Field with the listing's country: the summary counts listings per country")
      ->capture_default_str();
  scan->add_option("--seller-field", flags.seller_field,
                   "Field with the seller's id: the summary counts listings per seller")
      ->capture_default_str();
  scan->add_option("--max-record-bytes", flags.max_record_bytes,
                   "Reject records larger than this")
      ->capture_default_str();
  scan->add_option("--shard", flags.shard,
                   "Scan only part K of N of the inputs (e.g. 3/8): whole files, and record-aligned "
                   "byte ranges of plain JSON Lines and CSV files (see docs/scale-out.md)");
  scan->add_option("-j,--threads", flags.threads, "Worker threads (0: every core)")
      ->capture_default_str();
  scan->add_option("--report", flags.report,
                   "Also write a report of the flagged listings to FILE, as `listscan report` "
                   "would from this run's output and summary (adds the country and seller fields "
                   "to --with-fields)");
  scan->add_option("--report-format", flags.report_format, "Format of --report")
      ->check(CLI::IsMember({"html", "markdown", "json", "sor"}))
      ->capture_default_str();
  scan->add_option("--resume", flags.resume,
                   "Go on from where an interrupted run stopped, as its --summary FILE says: the "
                   "same inputs, from the record after the last one written");
  scan->add_option("--max-reject-rate", flags.max_reject_rate,
                   "Largest share of records that may be rejected (not valid listings) before the "
                   "run is an error (exit 2); rejects are reported on stderr in any case")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  scan->add_flag("--hidden", flags.hidden, "In folders, read hidden files and folders too");
  scan->add_option("-g,--glob", flags.globs,
                   "In folders, read the files matching GLOB ('!GLOB' excludes; repeatable) "
                   "instead of *.jsonl *.ndjson *.json *.csv *.tsv (and .gz/.zst)")
      ->allow_extra_args(false);
  scan->callback([run] { *run = RunScan; });
  return scan;
}

}  // namespace listscan::cli
