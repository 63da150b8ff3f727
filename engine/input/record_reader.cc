// RecordReader: inputs one after another, each read in chunks and cut into batches of whole
// records. Only the unfinished last record of a chunk is carried over, and a record over
// --max-record-bytes is dropped as it arrives, so memory stays bounded by the batch size plus
// --max-record-bytes whatever the input size.
#include "input/record_reader.h"

#include <sys/stat.h>
#include <utf8proc.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "input/byte_source.h"
#include "input/csv_fields.h"
#include "input/input_format.h"
#include "input/input_parts.h"
#include "input/input_paths.h"
#include "input/record_end.h"
#include "input/transcoder.h"

namespace listscan {
namespace {

constexpr size_t kHeadBytes = 200;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kMinBufferCapacity = 64;  // more than any std::string keeps inline

// At most the first kHeadBytes of `record`, not cutting a UTF-8 character in two.
std::string Head(std::string_view record) {
  size_t cut = std::min(record.size(), kHeadBytes);
  while (cut > 0 && cut < record.size() &&
         (static_cast<unsigned char>(record[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(record.substr(0, cut));
}

// Keeps enough of an oversized record's bytes, arriving piece by piece, for Head() to cut.
constexpr size_t kHeadKept = kHeadBytes + 4;
// How much of an input's start is looked at to tell a binary file: a fixed amount, so that the
// outcome does not depend on how the input is cut into batches.
constexpr size_t kBinaryProbeBytes = 64 << 10;
void AppendHead(std::string_view bytes, std::string* head) {
  if (head->size() < kHeadKept) head->append(bytes.substr(0, kHeadKept - head->size()));
}

bool IsBlank(std::string_view record) {
  return std::all_of(record.begin(), record.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// The header row of a CSV file, for a part that does not start the file. An unreadable,
// unterminated or oversized header gives no column names, as in the part that starts the file
// (which reports it).
std::vector<std::string> ReadCsvHeader(const std::string& path, const InputOptions& options,
                                       char delimiter) {
  absl::StatusOr<std::unique_ptr<ByteSource>> source = ByteSource::Open(path);
  if (!source.ok()) return {};
  std::unique_ptr<Transcoder> transcoder;
  if (options.encoding != TextEncoding::kUtf8) {
    absl::StatusOr<std::unique_ptr<Transcoder>> created = Transcoder::Create(options.encoding);
    if (!created.ok()) return {};
    transcoder = std::move(*created);
  }
  std::string text;
  std::string raw;
  RecordEndFinder finder(true, delimiter);
  size_t record = 0;
  bool eof = false;
  bool bom_checked = false;
  while (true) {
    raw.clear();
    const absl::StatusOr<size_t> got = (*source)->Read(&raw, 1 << 16);
    if (!got.ok()) return {};
    eof = *got == 0;
    if (transcoder) {
      transcoder->Append(raw, &text);
    } else {
      text.append(raw);
    }
    if (!bom_checked) {
      if (text.size() < kUtf8Bom.size() && !eof) continue;
      if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
      bom_checked = true;
    }
    const std::string_view view(text);
    while (true) {
      const size_t scanned = finder.scanned();
      const size_t found = finder.Scan(view.substr(record + scanned));
      if (found == RecordEndFinder::kNotFound && !eof) break;
      if (found == RecordEndFinder::kNotFound && finder.in_quotes()) return {};
      const size_t end = found == RecordEndFinder::kNotFound ? view.size() : record + scanned + found;
      std::string_view header = view.substr(record, end - record);
      if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
      if (header.size() > options.max_record_bytes) return {};
      finder.StartRecord();
      if (IsBlank(header)) {
        if (found == RecordEndFinder::kNotFound) return {};
        record = end + 1;
        continue;
      }
      std::vector<std::string> names;
      if (!SplitCsvRecord(header, delimiter, &names).ok()) return {};
      return names;
    }
    if (view.size() - record > options.max_record_bytes + 1) return {};
  }
}

class StreamingRecordReader final : public RecordReader {
 public:
  StreamingRecordReader(std::vector<InputPart> parts, InputOptions options,
                        std::vector<InputError> errors, std::optional<uint64_t> total)
      : parts_(std::move(parts)), options_(options), errors_(std::move(errors)), total_(total) {
    options_.batch_bytes = std::max<size_t>(options_.batch_bytes, 1);
  }

  std::optional<RecordBatch> Next() override {
    while (true) {
      if (!current_ && !OpenNext()) return std::nullopt;
      if (!current_) continue;
      RecordBatch batch = ReadBatch();
      if (current_->finished) {
        finished_bytes_ += current_->source->raw_bytes_read();
        current_.reset();
      }
      // Bytes read for a batch that came out empty (blank lines, the start of a long record)
      // count in the next batch passed on, so that the batches' input_bytes add up to the input.
      unreported_bytes_ += batch.input_bytes;
      if (!batch.records.empty() || !batch.rejected.empty()) {
        batch.sequence = sequence_++;
        batch.input_bytes = unreported_bytes_;
        unreported_bytes_ = 0;
        return batch;
      }
    }
  }

  const std::vector<InputError>& errors() const override { return errors_; }
  const std::vector<std::string>& notes() const override { return notes_; }
  std::optional<uint64_t> total_file_bytes() const override { return total_; }
  uint64_t file_bytes_consumed() const override {
    return finished_bytes_ + (current_ ? current_->source->raw_bytes_read() : 0);
  }

 private:
  struct OpenInput {
    std::unique_ptr<ByteSource> source;
    std::unique_ptr<Transcoder> transcoder;
    std::shared_ptr<SourceInfo> info;
    RecordEndFinder record_end;  // state of the record that `carry` (or the skip) is in
    std::string carry;           // the start of a record not yet complete
    uint64_t line = 1;           // the line on which the next unread record starts
    bool bom_checked = false;
    bool binary_checked = false;
    bool detected = false;  // format known
    bool header_pending = false;
    bool skipping = false;  // dropping the rest of an oversized record
    uint64_t skip_line = 0;
    std::string skip_head;
    bool eof = false;
    bool truncated = false;  // the input ended in a read or decompression error
    bool finished = false;
  };

  // Opens the next input; false when there is none left. A failure is recorded and leaves
  // `current_` empty so that the caller moves on.
  bool OpenNext() {
    if (next_ >= parts_.size()) return false;
    const InputPart& part = parts_[next_++];
    const std::string& name = part.path;
    absl::StatusOr<std::unique_ptr<ByteSource>> source =
        part.ranged ? ByteSource::OpenRange(name, part.begin, part.end) : ByteSource::Open(name);
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
    if (part.ranged && part.begin > 0) {  // the plan settled what the file's start tells
      input->bom_checked = true;
      input->detected = true;
      input->line = part.first_line;
      input->info->format = part.format;
      input->info->delimiter = part.delimiter;
      const bool csv = part.format == InputFormat::kCsv;
      input->record_end = RecordEndFinder(csv, part.delimiter);
      if (csv) input->info->csv_header = ReadCsvHeader(name, options_, part.delimiter);
    }
    current_ = std::move(input);
    return true;
  }

  // Reads one chunk and appends it (transcoded if asked) to `buffer`; returns the decompressed
  // bytes taken from the source.
  size_t ReadChunk(std::string* buffer) {
    OpenInput& in = *current_;
    std::string* raw = in.transcoder ? &chunk_ : buffer;
    if (in.transcoder) chunk_.clear();
    const size_t before = raw->size();
    const absl::StatusOr<size_t> got = in.source->Read(raw, options_.batch_bytes);
    // What was decompressed before an error is kept: it holds the records read before the damage.
    if (in.transcoder) in.transcoder->Append(chunk_, buffer);
    if (!got.ok()) {
      errors_.push_back({in.info->name, std::string(got.status().message())});
      in.eof = true;
      in.truncated = true;
    } else if (*got == 0) {
      in.eof = true;
    }
    return raw->size() - before;
  }

  // Skips a byte order mark at the very start and settles the format; false while the bytes
  // seen so far do not tell (only whitespace yet).
  bool Detect(std::string* buffer) {
    OpenInput& in = *current_;
    if (in.detected) return true;
    if (!in.bom_checked) {
      if (buffer->size() < kUtf8Bom.size() && !in.eof) return false;
      if (buffer->starts_with(kUtf8Bom)) buffer->erase(0, kUtf8Bom.size());
      in.bom_checked = true;
    }
    InputFormat format = options_.format;
    if (format == InputFormat::kAuto) format = FormatFromName(in.info->name, &in.info->delimiter);
    if (format == InputFormat::kAuto) {
      // A run of leading whitespace longer than any record could be is not worth keeping.
      const bool give_up = in.eof || buffer->size() > options_.max_record_bytes;
      std::optional<InputFormat> by_content = FormatFromContent(*buffer, give_up);
      if (!by_content) return false;
      format = *by_content;
    }
    if (options_.format == InputFormat::kCsv &&
        FormatFromContent(*buffer, true) == InputFormat::kJsonLines) {
      notes_.push_back(absl::StrCat(in.info->name,
                                    ": warning: read as CSV as asked, but it starts like JSON"));
    }
    in.info->format = format;
    in.header_pending = format == InputFormat::kCsv;
    in.record_end = RecordEndFinder(format == InputFormat::kCsv, in.info->delimiter);
    in.detected = true;
    return true;
  }

  // A line of text: valid UTF-8 without control characters other than tab and carriage return.
  static bool IsTextLine(std::string_view line) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(line.data());
    for (size_t pos = 0; pos < line.size();) {
      utf8proc_int32_t code_point = 0;
      const utf8proc_ssize_t length = utf8proc_iterate(
          bytes + pos, static_cast<utf8proc_ssize_t>(line.size() - pos), &code_point);
      if (length <= 0) return false;
      if (code_point < 0x20 && code_point != '\t' && code_point != '\r') return false;
      pos += static_cast<size_t>(length);
    }
    return true;
  }

  // Listings are text: a NUL byte in the first 64 KiB means an executable, an image, a database
  // file or UTF-16 text. Such an input is skipped whole (ripgrep does the same), with a note;
  // unless its first line is a line of text and the NUL comes after it: then it is a listing file
  // with a broken record, which is rejected on its own.
  bool SkipIfBinary(const std::string& buffer) {
    OpenInput& in = *current_;
    in.binary_checked = true;
    const std::string_view probe = std::string_view(buffer).substr(0, kBinaryProbeBytes);
    const size_t nul = probe.find('\0');
    if (nul == std::string::npos) return false;
    const size_t first_line_end = probe.find('\n');
    if (first_line_end < nul && IsTextLine(probe.substr(0, first_line_end))) return false;
    notes_.push_back(absl::StrCat(in.info->name, ": binary file skipped (NUL byte at offset ",
                                    nul, ")"));
    in.eof = true;
    in.finished = true;
    in.carry.clear();
    return true;
  }

  RecordBatch ReadBatch() {
    OpenInput& in = *current_;
    RecordBatch batch;
    batch.source = in.info;
    std::string buffer = std::move(in.carry);
    in.carry = std::string();
    if (buffer.capacity() < buffer.size() + options_.batch_bytes) {
      buffer.reserve(buffer.size() + 2 * options_.batch_bytes);
    }
    bool read_any = false;
    // An input's first batch holds at least its binary probe (or all of it).
    while (!in.eof && (!read_any || buffer.size() < options_.batch_bytes || !Detect(&buffer) ||
                       (!in.binary_checked && buffer.size() < kBinaryProbeBytes))) {
      batch.input_bytes += ReadChunk(&buffer);
      read_any = true;
      if (!in.binary_checked && (buffer.size() >= kBinaryProbeBytes || in.eof) &&
          SkipIfBinary(buffer)) {
        batch.input_bytes = 0;
        return batch;
      }
    }
    Detect(&buffer);  // at the end of the input it always settles
    const std::string_view view(buffer);
    size_t pos = 0;

    if (in.skipping) {
      const size_t found = in.record_end.Scan(view);
      const std::string_view part = view.substr(0, std::min(found, view.size()));
      AppendHead(part, &in.skip_head);
      if (found == RecordEndFinder::kNotFound && !in.eof) return batch;
      if (in.skip_head.size() < kHeadKept && in.skip_head.ends_with('\r')) {
        in.skip_head.pop_back();  // the whole record, and its "\r\n" terminator is not part of it
      }
      batch.rejected.push_back({in.skip_line, TooLarge(), Head(in.skip_head)});
      in.line += in.record_end.newlines();
      in.skipping = false;
      in.skip_head.clear();
      in.record_end.StartRecord();
      if (found == RecordEndFinder::kNotFound) {
        in.finished = true;
        return batch;
      }
      ++in.line;
      pos = found + 1;
    }

    spans_.clear();
    while (pos < view.size()) {
      const size_t scanned = in.record_end.scanned();  // carried over from the last batch
      const size_t found = in.record_end.Scan(view.substr(pos + scanned));
      const bool complete = found != RecordEndFinder::kNotFound;
      if (!complete && !in.eof) break;
      const size_t end = complete ? pos + scanned + found : view.size();
      const bool unterminated = in.record_end.in_quotes();
      const uint64_t inner_newlines = in.record_end.newlines();  // CSV: inside quoted fields
      in.record_end.StartRecord();
      std::string_view record = view.substr(pos, end - pos);
      if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
      const uint64_t record_line = in.line;
      in.line += inner_newlines + (complete ? 1 : 0);
      pos = end + 1;
      if (IsBlank(record)) continue;
      const bool header = in.header_pending;
      in.header_pending = false;
      if (record.size() > options_.max_record_bytes) {
        batch.rejected.push_back({record_line, TooLarge(), Head(record)});
      } else if (!complete && in.truncated) {
        batch.rejected.push_back({record_line, "truncated input", Head(record)});
      } else if (!complete && unterminated) {
        batch.rejected.push_back({record_line, "unterminated quoted field", Head(record)});
      } else if (header) {
        if (absl::Status status = SplitCsvRecord(record, in.info->delimiter, &in.info->csv_header);
            !status.ok()) {
          batch.rejected.push_back(
              {record_line, absl::StrCat("invalid CSV header: ", status.message()), Head(record)});
        }
      } else {
        spans_.push_back(
            {static_cast<size_t>(record.data() - view.data()), record.size(), record_line});
      }
    }

    if (pos < view.size()) {  // an unfinished record, and more input to come
      const std::string_view tail = view.substr(pos);
      // One byte more than the limit may still be the '\r' of a "\r\n" terminator.
      if (tail.size() > options_.max_record_bytes + 1) {
        // Reject it once its end is found and drop the rest as it arrives, never buffering it
        // whole.
        in.skipping = true;
        in.skip_line = in.line;
        in.skip_head.clear();
        AppendHead(tail, &in.skip_head);
        in.header_pending = false;
        buffer.resize(pos);
      } else if (pos == 0) {
        in.carry = std::move(buffer);  // nothing cut from this batch: keep the buffer as it is
      } else {
        in.carry.assign(tail);
        buffer.resize(pos);
      }
    }
    in.finished = in.eof && in.carry.empty() && !in.skipping;

    batch.buffer = std::move(buffer);
    // The bytes of a short string live inside the string object and would move away with the
    // batch; those of a heap buffer stay put, so the records' views survive moving the batch.
    if (batch.buffer.capacity() < kMinBufferCapacity) batch.buffer.reserve(kMinBufferCapacity);
    batch.records.reserve(spans_.size());
    const std::string_view owned(batch.buffer);
    for (const RecordSpan& span : spans_) {
      batch.records.push_back({owned.substr(span.offset, span.size), span.line});
    }
    return batch;
  }

  std::string TooLarge() const {
    return absl::StrCat("record exceeds --max-record-bytes (", options_.max_record_bytes, ")");
  }

  // A record's place in the batch buffer; views are made once the buffer is in the batch.
  struct RecordSpan {
    size_t offset;
    size_t size;
    uint64_t line;
  };

  std::vector<InputPart> parts_;
  InputOptions options_;
  std::vector<InputError> errors_;
  std::vector<std::string> notes_;
  std::optional<uint64_t> total_;
  size_t next_ = 0;
  std::unique_ptr<OpenInput> current_;
  std::string chunk_;              // raw bytes before transcoding, reused
  std::vector<RecordSpan> spans_;  // reused across batches
  uint64_t sequence_ = 0;
  uint64_t finished_bytes_ = 0;
  uint64_t unreported_bytes_ = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<RecordReader>> RecordReader::Open(std::vector<std::string> paths,
                                                                 const InputOptions& options) {
  if (paths.empty()) return absl::InvalidArgumentError("no inputs");
  ExpandedInputs inputs = ExpandInputs(paths, options.walk);
  std::vector<InputPart> parts;
  for (std::string& file : inputs.files) parts.push_back({.path = std::move(file)});
  return Open(std::move(parts), std::move(inputs.errors), options);
}

absl::StatusOr<std::unique_ptr<RecordReader>> RecordReader::Open(std::vector<InputPart> parts,
                                                                 std::vector<std::string> errors,
                                                                 const InputOptions& options) {
  std::vector<InputError> input_errors;
  for (std::string& error : errors) input_errors.push_back({error, error});
  std::optional<uint64_t> total = 0;
  for (const InputPart& part : parts) {
    struct stat info {};
    if (part.ranged) {
      *total += part.end - part.begin;
      continue;
    }
    if (part.path == "-" || stat(part.path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      total.reset();
      break;
    }
    *total += static_cast<uint64_t>(info.st_size);
  }
  return std::unique_ptr<RecordReader>(
      new StreamingRecordReader(std::move(parts), options, std::move(input_errors), total));
}

}  // namespace listscan
