// The oneTBB pipeline: read (serial, in order) → scan batch (parallel) → write (serial, in order).
#include "listscan/scan_job.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "listscan/scanner.h"
#include "match/thread_handoff.h"
#include "output/record_formats.h"
#include "parse/rule_metadata.h"
#include "pipeline/progress_line.h"

namespace listscan {
namespace {

struct BatchResult {
  RecordBatch batch;
  uint64_t file_bytes_consumed = 0;  // taken in the read stage: the reader is not thread-safe
  std::string flagged;
  std::string flagged_json;  // for ScanJobOptions::flagged_json when `flagged` is not JSON Lines
  std::string rejects;
  std::vector<std::string> first_rejects;  // "<file>:<line>: <reason>", at most kFirstRejectsKept
  ScanCounts counts;
  absl::Status status;
};

// Listings are matched in groups: two database scans per group instead of two per field.
constexpr size_t kListingsPerGroup = 256;
constexpr size_t kBytesPerGroup = 256 << 10;

// Per-thread parser, scanner and buffers.
struct Worker {
  explicit Worker(FieldSelection selection) : parser(std::move(selection)) {}
  ListingParser parser;
  std::unique_ptr<Scanner> scanner;
  std::vector<Listing> listings;
  std::vector<uint64_t> lines;
  std::vector<std::vector<Hit>> hits;
  std::vector<RejectedRecord> rejected;
  std::vector<uint32_t> rules_seen;
};

// The metadata paths the output copies and the summary counts by.
std::vector<std::string> CopiedAndCounted(const ScanJobOptions& options) {
  std::vector<std::string> paths = options.with_fields;
  if (!options.country_field.empty()) paths.push_back(options.country_field);
  if (!options.seller_field.empty()) paths.push_back(options.seller_field);
  return paths;
}

// Matches the parsed listings of a group and formats the flagged ones.
absl::Status ScanGroup(Worker& worker, size_t count, const CompiledPack& pack,
                       const ScanJobOptions& options, BatchResult* result) {
  if (count == 0) return absl::OkStatus();
  if (absl::Status status = worker.scanner->ScanMany(worker.listings.data(), count, &worker.hits);
      !status.ok()) {
    return status;
  }
  ScanCounts& counts = result->counts;
  for (size_t i = 0; i < count; ++i) {
    const std::vector<Hit>& hits = worker.hits[i];
    if (hits.empty()) continue;
    ++counts.records_flagged;
    worker.rules_seen.clear();
    for (const Hit& hit : hits) {
      ++counts.hits_per_rule[hit.rule];
      worker.rules_seen.push_back(hit.rule);
    }
    std::sort(worker.rules_seen.begin(), worker.rules_seen.end());
    worker.rules_seen.erase(std::unique(worker.rules_seen.begin(), worker.rules_seen.end()),
                            worker.rules_seen.end());
    for (uint32_t rule : worker.rules_seen) ++counts.listings_per_rule[rule];
    const bool json = options.flagged_format == FlaggedFormat::kJsonLines;
    if (json || options.flagged_json) {
      const std::string* country = options.country_field.empty()
                                       ? nullptr
                                       : worker.listings[i].FindMetadata(options.country_field);
      AppendFlaggedListing(json ? &result->flagged : &result->flagged_json, worker.listings[i],
                           result->batch.source->name, worker.lines[i], hits, pack.rules(),
                           options.with_fields, country ? NormalizeCountryCode(*country) : "");
    }
    if (options.flagged_format == FlaggedFormat::kView) {
      AppendListingView(&result->flagged, worker.listings[i], result->batch.source->name,
                        worker.lines[i], hits, pack.rules(), options.view);
    }
  }
  return absl::OkStatus();
}

void CountCountryAndSeller(const Listing& listing, const ScanJobOptions& options,
                           ScanCounts* counts) {
  if (!options.country_field.empty()) {
    const std::string* country = listing.FindMetadata(options.country_field);
    std::string code = country ? NormalizeCountryCode(*country) : "";
    ++counts->listings_per_country[code.empty() ? "unknown" : code];
  }
  if (!options.seller_field.empty()) {
    const std::string* seller = listing.FindMetadata(options.seller_field);
    if (seller != nullptr && !seller->empty()) ++counts->listings_per_seller[*seller];
  }
}

void ScanBatch(Worker& worker, const CompiledPack& pack, const ScanJobOptions& options,
               BatchResult* result) {
  const RecordBatch& batch = result->batch;
  ScanCounts& counts = result->counts;
  counts.hits_per_rule.assign(pack.rules().rules.size(), 0);
  counts.listings_per_rule.assign(pack.rules().rules.size(), 0);
  counts.bytes_read = batch.input_bytes;
  worker.rejected = batch.rejected;
  if (worker.listings.size() < kListingsPerGroup) worker.listings.resize(kListingsPerGroup);
  worker.lines.resize(kListingsPerGroup);
  size_t count = 0;
  size_t group_bytes = 0;
  for (const RawRecord& record : batch.records) {
    if (absl::Status parsed = worker.parser.Parse(*batch.source, record, &worker.listings[count]);
        !parsed.ok()) {
      worker.rejected.push_back(
          {record.line, std::string(parsed.message()), RecordHead(record.bytes)});
      continue;
    }
    ++counts.records_scanned;
    CountCountryAndSeller(worker.listings[count], options, &counts);
    worker.lines[count++] = record.line;
    group_bytes += record.bytes.size();
    if (count == kListingsPerGroup || group_bytes >= kBytesPerGroup) {
      if (absl::Status status = ScanGroup(worker, count, pack, options, result); !status.ok()) {
        result->status = status;
        return;
      }
      count = 0;
      group_bytes = 0;
    }
  }
  if (absl::Status status = ScanGroup(worker, count, pack, options, result); !status.ok()) {
    result->status = status;
    return;
  }
  counts.records_rejected = worker.rejected.size();
  counts.records_read = counts.records_scanned + counts.records_rejected;
  std::stable_sort(worker.rejected.begin(), worker.rejected.end(),
                   [](const RejectedRecord& a, const RejectedRecord& b) { return a.line < b.line; });
  for (const RejectedRecord& reject : worker.rejected) {
    AppendRejectedRecord(&result->rejects, batch.source->name, reject);
    if (result->first_rejects.size() < kFirstRejectsKept) {
      result->first_rejects.push_back(
          absl::StrCat(batch.source->name, ":", reject.line, ": ", reject.reason));
    }
  }
}

// The --fields patterns and --with-fields paths no worker's parser has seen in a record.
std::vector<std::string> UnmatchedFields(
    tbb::enumerable_thread_specific<std::unique_ptr<Worker>>& workers,
    const ScanJobOptions& options) {
  std::vector<bool> scan_seen(options.fields.scan.size(), false);
  std::vector<std::string> metadata;  // the parser's metadata paths, in its order
  std::vector<bool> metadata_seen;
  for (const std::unique_ptr<Worker>& worker : workers) {
    const std::vector<bool>& scanned = worker->parser.scan_patterns_seen();
    for (size_t i = 0; i < scanned.size() && i < scan_seen.size(); ++i) {
      if (scanned[i]) scan_seen[i] = true;
    }
    metadata = worker->parser.selection().metadata;
    const std::vector<bool>& seen = worker->parser.metadata_seen();
    metadata_seen.resize(seen.size(), false);
    for (size_t i = 0; i < seen.size(); ++i) {
      if (seen[i]) metadata_seen[i] = true;
    }
  }
  std::vector<std::string> unmatched;
  for (size_t i = 0; i < scan_seen.size(); ++i) {
    if (!scan_seen[i]) unmatched.push_back(options.fields.scan[i]);
  }
  for (const std::string& path : options.with_fields) {
    const auto at = std::find(metadata.begin(), metadata.end(), path);
    if (at == metadata.end() || !metadata_seen[at - metadata.begin()]) unmatched.push_back(path);
  }
  return unmatched;
}

}  // namespace

absl::StatusOr<ScanSummary> RunScan(std::shared_ptr<const CompiledPack> pack,
                                    const ScanJobOptions& options, OutputFile* flagged,
                                    OutputFile* rejects) {
  const auto started = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<RecordReader>> opened =
      options.parts ? RecordReader::Open(options.parts->parts, options.parts->errors, options.input)
                    : RecordReader::Open(options.inputs, options.input);
  if (!opened.ok()) return opened.status();
  RecordReader& reader = **opened;

  const unsigned threads =
      options.threads > 0 ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  const FieldSelection selection =
      WithRuleMetadata(options.fields, pack->rules(), CopiedAndCounted(options));
  std::mutex scanner_error_mutex;
  absl::Status scanner_error;
  tbb::enumerable_thread_specific<std::unique_ptr<Worker>> workers([&] {
    auto worker = std::make_unique<Worker>(selection);
    absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(pack);
    if (scanner.ok()) {
      worker->scanner = std::move(*scanner);
    } else {
      std::lock_guard lock(scanner_error_mutex);
      scanner_error = scanner.status();
    }
    return worker;
  });

  ScanSummary summary;
  summary.threads = threads;
  summary.compile = pack->stats();
  summary.counts.hits_per_rule.assign(pack->rules().rules.size(), 0);
  summary.counts.listings_per_rule.assign(pack->rules().rules.size(), 0);
  std::atomic<bool> failed{false};
  std::atomic<bool> output_closed{false};
  absl::Status failure;
  ProgressLine progress(options.progress, reader.total_file_bytes());

  using Clock = std::chrono::steady_clock;
  bool resuming = options.resume.has_value();
  auto read = [&](tbb::flow_control& control) -> BatchResult* {
    const auto begin = Clock::now();
    std::optional<RecordBatch> batch;
    if ((options.interrupted && options.interrupted->load()) || output_closed.load()) {
      summary.complete = false;
      control.stop();
      return nullptr;
    }
    if (!failed.load() && (batch = reader.Next())) {
      summary.stopped_input = batch->source->name;
      summary.stopped_file_bytes = reader.file_bytes_consumed();
      summary.stopped_lines_done = LastLine(*batch);
      if (resuming) resuming = DropDoneRecords(*options.resume, &*batch);
      auto* result = new BatchResult();
      result->batch = std::move(*batch);
      result->file_bytes_consumed = reader.file_bytes_consumed();
      summary.read_seconds += std::chrono::duration<double>(Clock::now() - begin).count();
      return result;
    }
    control.stop();
    return nullptr;
  };
  auto scan = [&](BatchResult* result) -> BatchResult* {
    if (failed.load()) return result;
    Worker& worker = *workers.local();
    if (!worker.scanner) {
      result->status = absl::InternalError("no scanner");
      return result;
    }
    ScanBatch(worker, *pack, options, result);
    return result;
  };
  auto write = [&](BatchResult* result) {
    std::unique_ptr<BatchResult> owned(result);
    if (failed.load()) return;
    const auto begin = Clock::now();
    absl::Status status = result->status;
    if (status.ok()) status = flagged->Write(result->flagged);
    if (!status.ok() && IsClosedPipe(status)) {
      // Whoever read the flagged listings has all they wanted (`| head`): stop reading, as
      // grep does, and say in the summary that the output is cut short.
      summary.output_cut_short = true;
      output_closed.store(true);
      failed.store(true);
      return;
    }
    if (status.ok() && rejects) status = rejects->Write(result->rejects);
    if (status.ok() && options.flagged_json) {
      status = options.flagged_json(options.flagged_format == FlaggedFormat::kJsonLines
                                        ? result->flagged
                                        : result->flagged_json);
    }
    if (!status.ok()) {
      failure = status;
      failed.store(true);
      return;
    }
    summary.counts.Add(result->counts);
    std::vector<std::pair<std::string, uint64_t>>& per_input = summary.flagged_per_input;
    if (per_input.empty() || per_input.back().first != result->batch.source->name) {
      per_input.emplace_back(result->batch.source->name, 0);
    }
    per_input.back().second += result->counts.records_flagged;
    for (std::string& reject : result->first_rejects) {
      if (summary.first_rejects.size() < kFirstRejectsKept) {
        summary.first_rejects.push_back(std::move(reject));
      }
    }
    progress.Update(summary.counts.records_read, summary.counts.bytes_read,
                    result->file_bytes_consumed);
    summary.write_seconds += std::chrono::duration<double>(Clock::now() - begin).count();
  };

  // The stages with the hand-offs TSan cannot see through oneTBB (match/thread_handoff.h): the
  // set-up above, each serial stage's state from one call to the next, each batch from stage to
  // stage, and the workers' scanners back to this thread at the end. The tokens are static so that
  // a stage takes over before it reads anything, its own captures included.
  static const char set_up = 0, reading = 0, writing = 0, scanning = 0;
  auto read_stage = [&](tbb::flow_control& control) -> BatchResult* {
    TakeOver(&set_up);
    TakeOver(&reading);
    BatchResult* result = read(control);
    HandOff(&reading);
    if (result != nullptr) HandOff(result);
    return result;
  };
  auto scan_stage = [&](BatchResult* result) -> BatchResult* {
    TakeOver(&set_up);
    TakeOver(result);
    scan(result);
    HandOff(result);
    HandOff(&scanning);
    return result;
  };
  auto write_stage = [&](BatchResult* result) {
    TakeOver(&set_up);
    TakeOver(&writing);
    TakeOver(result);
    write(result);
    HandOff(&writing);
  };
  const tbb::filter<void, void> stages =
      tbb::make_filter<void, BatchResult*>(tbb::filter_mode::serial_in_order, read_stage) &
      tbb::make_filter<BatchResult*, BatchResult*>(tbb::filter_mode::parallel, scan_stage) &
      tbb::make_filter<BatchResult*, void>(tbb::filter_mode::serial_in_order, write_stage);
  HandOff(&set_up);

  // Allow more threads than cores when asked (oneTBB would cap the arena and warn otherwise).
  tbb::global_control allow_threads(tbb::global_control::max_allowed_parallelism, threads);
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] { tbb::parallel_pipeline(threads * 4, stages); });
  TakeOver(&reading);
  TakeOver(&scanning);
  TakeOver(&writing);
  progress.Finish();
  if (!scanner_error.ok()) return scanner_error;
  if (summary.output_cut_short) summary.complete = false;
  if (failed.load() && !summary.output_cut_short) return failure;

  if (summary.complete) {
    summary.stopped_input.clear();
    summary.stopped_file_bytes = 0;
    summary.stopped_lines_done = 0;
  }
  for (const InputError& error : reader.errors()) summary.input_errors.push_back(error.message);
  summary.input_notes = reader.notes();
  summary.unmatched_fields = UnmatchedFields(workers, options);
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace listscan
