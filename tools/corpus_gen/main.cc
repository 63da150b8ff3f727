// listscan-gen: writes a deterministic synthetic marketplace corpus (JSON Lines or CSV, optionally
// compressed) with labelled planted positives, or a keyword list for peer benchmarks.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "keyword_list.h"
#include "listing_generator.h"
#include "output_sink.h"
#include "real_names.h"

namespace listscan::corpus {
namespace {

struct Flags {
  uint64_t seed = 1;
  std::string size;
  uint64_t records = 0;
  std::string format = "jsonl";
  std::string compress = "none";
  int level = 0;
  std::string output = "-";
  std::string labels;
  double positive_rate = 0.005;
  std::string real_names;
  size_t keywords = 0;
};

// "10MB", "1GB", "512KiB", "1000" (bytes). Decimal units are powers of 1000, *iB of 1024.
std::optional<uint64_t> ParseSize(std::string text) {
  text = absl::AsciiStrToUpper(text);
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || number < 0) return std::nullopt;
  const std::string_view unit(end, static_cast<size_t>(text.data() + text.size() - end));
  double scale = 0;
  if (unit.empty() || unit == "B")
    scale = 1;
  else if (unit == "KB" || unit == "K")
    scale = 1e3;
  else if (unit == "MB" || unit == "M")
    scale = 1e6;
  else if (unit == "GB" || unit == "G")
    scale = 1e9;
  else if (unit == "TB")
    scale = 1e12;
  else if (unit == "KIB")
    scale = 1024.0;
  else if (unit == "MIB")
    scale = 1024.0 * 1024;
  else if (unit == "GIB")
    scale = 1024.0 * 1024 * 1024;
  else
    return std::nullopt;
  return static_cast<uint64_t>(number * scale);
}

absl::Status WriteKeywords(const Flags& flags) {
  std::unique_ptr<OutputSink> sink;
  if (absl::Status status = OutputSink::Open(flags.output, Compression::kNone, 0, &sink);
      !status.ok()) {
    return status;
  }
  std::string text;
  for (const std::string& keyword : KeywordList(flags.keywords, flags.seed))
    text.append(keyword).push_back('\n');
  if (absl::Status status = sink->Write(text); !status.ok()) return status;
  return sink->Close();
}

absl::Status WriteCorpus(const Flags& flags) {
  GeneratorOptions options;
  options.seed = flags.seed;
  options.format = flags.format == "csv" ? Format::kCsv : Format::kJsonl;
  options.positive_rate = flags.positive_rate;
  RealNames real_names;
  if (!flags.real_names.empty()) {
    if (absl::Status status = LoadRealNames(flags.real_names, flags.seed, 20000, &real_names);
        !status.ok()) {
      return status;
    }
    options.real_names = &real_names;
  }

  uint64_t size_limit = 0;
  if (!flags.size.empty()) {
    const std::optional<uint64_t> parsed = ParseSize(flags.size);
    if (!parsed)
      return absl::InvalidArgumentError(absl::StrCat("--size: cannot read \"", flags.size, "\""));
    size_limit = *parsed;
  }
  // Without --size or --records: a small corpus rather than an endless one.
  const uint64_t record_limit = flags.records > 0 ? flags.records
                                : size_limit > 0  ? UINT64_MAX
                                                  : 10000;
  if (size_limit == 0) size_limit = UINT64_MAX;

  const Compression compression = flags.compress == "gzip"   ? Compression::kGzip
                                  : flags.compress == "zstd" ? Compression::kZstd
                                                             : Compression::kNone;
  std::unique_ptr<OutputSink> sink;
  if (absl::Status status = OutputSink::Open(flags.output, compression, flags.level, &sink);
      !status.ok()) {
    return status;
  }
  std::unique_ptr<OutputSink> label_sink;
  if (!flags.labels.empty()) {
    if (absl::Status status = OutputSink::Open(flags.labels, Compression::kNone, 0, &label_sink);
        !status.ok()) {
      return status;
    }
  }

  ListingGenerator generator(options);
  constexpr size_t kBatchBytes = 1 << 20;
  std::string batch;
  std::string labels;
  batch.reserve(kBatchBytes + (64 << 10));
  batch.append(generator.Header());
  uint64_t written = 0;
  uint64_t records = 0;
  uint64_t planted = 0;
  // --size is the uncompressed corpus size: records are added until it is reached.
  while (records < record_limit && written + batch.size() < size_limit) {
    planted += generator.AppendNext(&batch, &labels);
    ++records;
    if (batch.size() >= kBatchBytes) {
      if (absl::Status status = sink->Write(batch); !status.ok()) return status;
      written += batch.size();
      batch.clear();
      if (label_sink != nullptr && !labels.empty()) {
        if (absl::Status status = label_sink->Write(labels); !status.ok()) return status;
      }
      labels.clear();
    }
  }
  written += batch.size();
  if (absl::Status status = sink->Write(batch); !status.ok()) return status;
  if (absl::Status status = sink->Close(); !status.ok()) return status;
  if (label_sink != nullptr) {
    if (absl::Status status = label_sink->Write(labels); !status.ok()) return status;
    if (absl::Status status = label_sink->Close(); !status.ok()) return status;
  }
  std::fprintf(stderr, "listscan-gen: %llu records, %llu planted, %llu bytes before compression\n",
               static_cast<unsigned long long>(records), static_cast<unsigned long long>(planted),
               static_cast<unsigned long long>(written));
  return absl::OkStatus();
}

}  // namespace
}  // namespace listscan::corpus

int main(int argc, char** argv) {
  using listscan::corpus::Flags;
  Flags flags;
  CLI::App app{
      "listscan-gen: a deterministic synthetic marketplace corpus with labelled planted positives"};
  app.add_option("--seed", flags.seed, "Random seed; equal seeds give equal output")
      ->capture_default_str();
  auto* size =
      app.add_option("--size", flags.size,
                     "Stop once the uncompressed corpus reaches SIZE (10MB, 1GB, 20GB, 512MiB)");
  app.add_option("--records", flags.records,
                 "Number of records (default 10000 when --size is absent)")
      ->excludes(size);
  app.add_option("--format", flags.format, "Record format")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  app.add_option("--compress", flags.compress, "Output compression")
      ->check(CLI::IsMember({"none", "gzip", "zstd"}))
      ->capture_default_str();
  app.add_option("--level", flags.level, "Compression level (0: gzip 6, zstd 3)")
      ->check(CLI::Range(0, 19));
  app.add_option("-o,--output", flags.output, "Output file (- : stdout)")->capture_default_str();
  app.add_option("--labels", flags.labels, "Write one JSON line per planted positive to FILE");
  app.add_option("--positive-rate", flags.positive_rate, "Share of records with a planted positive")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option(
      "--real-names", flags.real_names,
      "Shared data folder: mix in real product names (off-lifyzer, er-benchmark-products)");
  app.add_option(
         "--keywords", flags.keywords,
         "Write a keyword list of N lines instead of a corpus (real names first, then generated)")
      ->check(CLI::Range(1, 1000000));
  CLI11_PARSE(app, argc, argv);

  const absl::Status status = flags.keywords > 0 ? listscan::corpus::WriteKeywords(flags)
                                                 : listscan::corpus::WriteCorpus(flags);
  if (!status.ok()) {
    std::fprintf(stderr, "listscan-gen: %s\n", std::string(status.message()).c_str());
    return 2;
  }
  return 0;
}
