// Record splitting of JSON Lines and CSV. The first byte picks the format, delimiter and limits;
// the rest is the input file. Property: the records and rejects do not depend on how the input is
// cut into batches (a one-byte batch against a large one), and no JSON Lines record holds a
// newline.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_file.h"
#include "input/record_reader.h"

namespace listscan::fuzz {
namespace {

struct Outcome {
  // By starting line (a batch lists its records apart from its rejects): "bytes" for a record,
  // "!reason:head" for a reject.
  std::vector<std::pair<uint64_t, std::string>> records;
  std::vector<std::string> header;
  std::vector<std::string> errors;
};

Outcome ReadAll(const std::string& path, const InputOptions& options) {
  Outcome outcome;
  auto reader = RecordReader::Open({path}, options);
  LISTSCAN_FUZZ_CHECK(reader.ok());
  uint64_t sequence = 0;
  while (std::optional<RecordBatch> batch = (*reader)->Next()) {
    LISTSCAN_FUZZ_CHECK(batch->sequence == sequence++);
    LISTSCAN_FUZZ_CHECK(!batch->records.empty() || !batch->rejected.empty());
    for (const RawRecord& record : batch->records) {
      LISTSCAN_FUZZ_CHECK(record.bytes.data() >= batch->buffer.data());
      LISTSCAN_FUZZ_CHECK(record.bytes.data() + record.bytes.size() <=
                          batch->buffer.data() + batch->buffer.size());
      LISTSCAN_FUZZ_CHECK(record.bytes.size() <= options.max_record_bytes);
      if (batch->source->format == InputFormat::kJsonLines) {
        LISTSCAN_FUZZ_CHECK(record.bytes.find('\n') == std::string_view::npos);
      }
      outcome.records.emplace_back(record.line, std::string(record.bytes));
    }
    for (const RejectedRecord& rejected : batch->rejected) {
      LISTSCAN_FUZZ_CHECK(rejected.head.size() <= 200);
      outcome.records.emplace_back(rejected.line, "!" + rejected.reason + ":" + rejected.head);
    }
    outcome.header = batch->source->csv_header;
  }
  std::stable_sort(outcome.records.begin(), outcome.records.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const InputError& error : (*reader)->errors()) outcome.errors.push_back(error.message);
  return outcome;
}

}  // namespace
}  // namespace listscan::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace listscan;
  if (size == 0) return 0;
  static const fuzz::ScratchFile file(".input");
  const uint8_t mode = data[0];
  const std::string& path =
      file.Write(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  InputOptions options;
  options.format = (mode & 3) == 0   ? InputFormat::kAuto
                   : (mode & 3) == 1 ? InputFormat::kJsonLines
                                     : InputFormat::kCsv;
  options.delimiter = (mode & 4) ? ';' : ',';
  options.encoding = (mode & 8) ? TextEncoding::kCp1252 : TextEncoding::kUtf8;
  options.max_record_bytes = 1 + (mode >> 4) * 8;  // 1..121: long records get rejected
  options.batch_bytes = 1 << 16;
  const fuzz::Outcome whole = fuzz::ReadAll(path, options);
  options.batch_bytes = 1 + (mode >> 6);
  const fuzz::Outcome pieces = fuzz::ReadAll(path, options);
  LISTSCAN_FUZZ_CHECK(whole.records == pieces.records);
  LISTSCAN_FUZZ_CHECK(whole.header == pieces.header);
  LISTSCAN_FUZZ_CHECK(whole.errors == pieces.errors);
  return 0;
}
