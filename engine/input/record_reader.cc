// RecordReader: inputs one after another, each read in chunks and cut into batches of whole
// records. Only the unfinished last record of a chunk is carried over, so memory stays bounded by
// the batch size plus --max-record-bytes whatever the input size.
#include "input/record_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "input/byte_source.h"
#include "input/input_paths.h"
#include "input/transcoder.h"
#include "input/csv_fields.h"

namespace listscan {
namespace {

constexpr size_t kHeadBytes = 200;
constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";
constexpr size_t kUtf8BomSize = 3;

std::string Head(std::string_view record) {
  size_t cut = std::min(record.size(), kHeadBytes);
  while (cut > 0 && cut < record.size() && (static_cast<unsigned char>(record[cut]) & 0xC0) == 0x80) {
    --cut;  // do not split a UTF-8 character
  }
  return std::string(record.substr(0, cut));
}

bool IsBlank(std::string_view record) {
  return std::all_of(record.begin(), record.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

uint64_t CountNewlines(std::string_view text) {
  return static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

// The format named by a file's extension, under any .gz/.zst suffix; kAuto when it says nothing.
InputFormat FormatFromName(std::string name, char* delimiter) {
  name = absl::AsciiStrToLower(name);
  for (const char* suffix : {".gz", ".gzip", ".zst", ".zstd"}) {
    if (absl::EndsWith(name, suffix)) name.resize(name.size() - std::strlen(suffix));
  }
  for (const char* suffix : {".jsonl", ".ndjson", ".json"}) {
    if (absl::EndsWith(name, suffix)) return InputFormat::kJsonLines;
  }
  if (absl::EndsWith(name, ".csv")) return InputFormat::kCsv;
  if (absl::EndsWith(name, ".tsv")) {
    *delimiter = '\t';
    return InputFormat::kCsv;
  }
  return InputFormat::kAuto;
}

// Finds the newline that ends the record starting at `from`: the next one for JSON Lines, the
// next one outside double quotes for CSV (`in_quotes` carries the quote state across calls).
size_t FindRecordEnd(const std::string& buffer, size_t from, bool csv, bool* in_quotes) {
  if (!csv) {
    const void* hit = std::memchr(buffer.data() + from, '\n', buffer.size() - from);
    return hit ? static_cast<size_t>(static_cast<const char*>(hit) - buffer.data())
               : std::string::npos;
  }
  for (size_t i = from; i < buffer.size(); ++i) {
    const char c = buffer[i];
    if (c == '"') {
      *in_quotes = !*in_quotes;
    } else if (c == '\n' && !*in_quotes) {
      return i;
    }
  }
  return std::string::npos;
}

class StreamingRecordReader final : public RecordReader {
 public:
  StreamingRecordReader(std::vector<std::string> files, InputOptions options,
                        std::vector<InputError> errors, std::optional<uint64_t> total)
      : files_(std::move(files)), options_(options), errors_(std::move(errors)), total_(total) {}

  std::optional<RecordBatch> Next() override {
    while (true) {
      if (!current_ && !OpenNext()) return std::nullopt;
      if (!current_) continue;
      RecordBatch batch = ReadBatch();
      if (current_->finished) {
        finished_bytes_ += current_->source->raw_bytes_read();
        current_.reset();
      }
      if (!batch.records.empty() || !batch.rejected.empty()) {
        batch.sequence = sequence_++;
        return batch;
      }
    }
  }

  const std::vector<InputError>& errors() const override { return errors_; }
  std::optional<uint64_t> total_file_bytes() const override { return total_; }
  uint64_t file_bytes_consumed() const override {
    return finished_bytes_ + (current_ ? current_->source->raw_bytes_read() : 0);
  }

 private:
  struct OpenInput {
    std::unique_ptr<ByteSource> source;
    std::unique_ptr<Transcoder> transcoder;
    std::shared_ptr<SourceInfo> info;
    std::string carry;         // the start of a record not yet complete
    uint64_t carry_line = 1;   // the line on which `carry` starts
    bool carry_in_quotes = false;
    bool detected = false;     // BOM skipped and format known
    bool header_pending = false;
    bool skipping = false;     // dropping the rest of an oversized record
    bool eof = false;
    bool finished = false;
  };

  // Opens the next input; false when there is none left. A failure is recorded and leaves
  // `current_` empty so that the caller moves on.
  bool OpenNext() {
    if (next_ >= files_.size()) return false;
    const std::string& name = files_[next_++];
    absl::StatusOr<std::unique_ptr<ByteSource>> source = ByteSource::Open(name);
    if (!source.ok()) {
      errors_.push_back({name, std::string(source.status().message())});
      return true;
    }
    auto input = std::make_unique<OpenInput>();
    input->source = std::move(*source);
    if (options_.encoding != TextEncoding::kUtf8) {
      auto transcoder = Transcoder::Create(options_.encoding);
      if (!transcoder.ok()) {
        errors_.push_back({name, absl::StrCat(name, ": ", transcoder.status().message())});
        return true;
      }
      input->transcoder = std::move(*transcoder);
    }
    input->info = std::make_shared<SourceInfo>();
    input->info->name = name;
    input->info->delimiter = options_.delimiter;
    current_ = std::move(input);
    return true;
  }

  // Reads at least one chunk and appends it (transcoded if asked) to `buffer`.
  size_t ReadChunk(std::string* buffer) {
    OpenInput& in = *current_;
    const size_t before = buffer->size();
    absl::StatusOr<size_t> got = 0;
    if (in.transcoder) {
      chunk_.clear();
      got = in.source->Read(&chunk_, options_.batch_bytes);
      if (got.ok()) in.transcoder->Append(chunk_, buffer);
    } else {
      got = in.source->Read(buffer, options_.batch_bytes);
    }
    if (!got.ok()) {
      errors_.push_back({in.info->name, std::string(got.status().message())});
      in.eof = true;
      truncated_ = true;
    } else if (*got == 0) {
      in.eof = true;
    }
    return buffer->size() - before;
  }

  void Detect(std::string* buffer) {
    OpenInput& in = *current_;
    if (in.detected) return;
    if (buffer->size() < kUtf8BomSize && !in.eof) return;  // wait for more bytes
    if (absl::StartsWith(*buffer, kUtf8Bom)) buffer->erase(0, kUtf8BomSize);
    InputFormat format = options_.format;
    if (format == InputFormat::kAuto) format = FormatFromName(in.info->name, &in.info->delimiter);
    if (format == InputFormat::kAuto) {
      const size_t first = buffer->find_first_not_of(" \t\r\n");
      format = first != std::string::npos && (*buffer)[first] == '{' ? InputFormat::kJsonLines
                                                                     : InputFormat::kCsv;
    }
    in.info->format = format;
    in.header_pending = format == InputFormat::kCsv;
    in.detected = true;
  }

  RecordBatch ReadBatch() {
    OpenInput& in = *current_;
    RecordBatch batch;
    batch.source = in.info;
    std::string buffer = std::move(in.carry);
    in.carry = std::string();
    buffer.reserve(buffer.size() + 2 * options_.batch_bytes);
    truncated_ = false;
    bool read_any = false;
    // At least a few bytes before the format is detected (BOM, first byte), whatever the batch size.
    const size_t wanted = std::max<size_t>(options_.batch_bytes, in.detected ? 1 : 4);
    while (!in.eof && (buffer.size() < wanted || !read_any)) {
      batch.input_bytes += ReadChunk(&buffer);
      read_any = true;
    }
    Detect(&buffer);
    const bool csv = in.info->format == InputFormat::kCsv;

    uint64_t line = in.carry_line;
    bool in_quotes = in.carry_in_quotes;
    size_t pos = 0;
    if (in.skipping) {
      const size_t end = FindRecordEnd(buffer, 0, csv, &in_quotes);
      if (end == std::string::npos) {
        in.carry_line = line + CountNewlines(buffer);
        in.carry_in_quotes = in_quotes;
        in.finished = in.eof;
        return batch;
      }
      line += CountNewlines(std::string_view(buffer).substr(0, end + 1));
      pos = end + 1;
      in.skipping = false;
    }

    std::vector<std::pair<size_t, size_t>> spans;
    std::vector<uint64_t> lines;
    while (pos < buffer.size()) {
      in_quotes = false;
      size_t end = FindRecordEnd(buffer, pos, csv, &in_quotes);
      const bool complete = end != std::string::npos;
      if (!complete) {
        if (!in.eof) break;  // carried over to the next batch
        end = buffer.size();
      }
      std::string_view record = std::string_view(buffer).substr(pos, end - pos);
      if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
      const uint64_t record_line = line;
      // A JSON Lines record holds no newline; a CSV one may (inside quotes).
      line += (csv ? CountNewlines(record) : 0) + (complete ? 1 : 0);
      pos = end + 1;
      if (IsBlank(record)) continue;
      if (record.size() > options_.max_record_bytes) {
        batch.rejected.push_back({record_line, TooLarge(), Head(record)});
      } else if (!complete && truncated_) {
        batch.rejected.push_back({record_line, "truncated input", Head(record)});
      } else if (!complete && in_quotes) {
        batch.rejected.push_back({record_line, "unterminated quoted field", Head(record)});
      } else if (in.header_pending) {
        if (absl::Status status = SplitCsvRecord(record, in.info->delimiter, &in.info->csv_header);
            !status.ok()) {
          batch.rejected.push_back(
              {record_line, absl::StrCat("invalid CSV header: ", status.message()), Head(record)});
        }
        in.header_pending = false;
      } else {
        spans.emplace_back(static_cast<size_t>(record.data() - buffer.data()), record.size());
        lines.push_back(record_line);
      }
    }

    if (pos < buffer.size()) {
      std::string_view tail = std::string_view(buffer).substr(pos);
      if (tail.size() > options_.max_record_bytes) {
        // Reject now and drop the rest of it as it arrives, instead of buffering it whole.
        batch.rejected.push_back({line, TooLarge(), Head(tail)});
        bool quotes = false;
        FindRecordEnd(buffer, pos, csv, &quotes);
        in.carry_in_quotes = quotes;
        in.skipping = true;
        line += CountNewlines(tail);
      } else {
        in.carry.assign(tail);
        in.carry_in_quotes = false;
      }
      buffer.resize(pos);
    }
    in.carry_line = line;
    in.finished = in.eof && in.carry.empty();

    batch.buffer = std::move(buffer);  // views are taken only after the move (small-string safety)
    batch.records.reserve(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      batch.records.push_back(
          {std::string_view(batch.buffer).substr(spans[i].first, spans[i].second), lines[i]});
    }
    return batch;
  }

  std::string TooLarge() const {
    return absl::StrCat("record exceeds --max-record-bytes (", options_.max_record_bytes, ")");
  }

  std::vector<std::string> files_;
  InputOptions options_;
  std::vector<InputError> errors_;
  std::optional<uint64_t> total_;
  size_t next_ = 0;
  std::unique_ptr<OpenInput> current_;
  std::string chunk_;
  bool truncated_ = false;
  uint64_t sequence_ = 0;
  uint64_t finished_bytes_ = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<RecordReader>> RecordReader::Open(std::vector<std::string> paths,
                                                                 const InputOptions& options) {
  if (paths.empty()) return absl::InvalidArgumentError("no inputs");
  ExpandedInputs inputs = ExpandInputs(paths);
  std::vector<InputError> errors;
  for (std::string& error : inputs.errors) errors.push_back({error, error});
  std::optional<uint64_t> total = 0;
  for (const std::string& file : inputs.files) {
    struct stat info {};
    if (file == "-" || stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      total.reset();
      break;
    }
    *total += static_cast<uint64_t>(info.st_size);
  }
  return std::unique_ptr<RecordReader>(
      new StreamingRecordReader(std::move(inputs.files), options, std::move(errors), total));
}

}  // namespace listscan
