// Reads a list of inputs (files, directories walked recursively in name order, "-" for stdin),
// undoes gzip/zstd compression detected by magic bytes, transcodes to UTF-8 when asked, and cuts
// the stream into batches of whole records (JSON Lines or RFC 4180 CSV) with bounded memory.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "input/input_paths.h"
#include "input/record_batch.h"

namespace listscan {

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension (.jsonl/.ndjson/.json, .csv,
                                            // also under .gz/.zst), else by the first byte
  char delimiter = ',';                     // CSV field delimiter
  TextEncoding encoding = TextEncoding::kUtf8;
  size_t max_record_bytes = 16u << 20;      // larger records are rejected, not cut
  size_t batch_bytes = 1u << 20;            // target size of one batch's buffer
  FolderWalk walk;                          // which files of a folder are read
};

// An input that could not be read (missing, unreadable, corrupt compressed stream). The reader
// reports it and goes on with the next input; the run then ends with an error status.
struct InputError {
  std::string name;
  std::string message;  // "<name>: <reason>", ready for stderr
};

struct InputPart;

class RecordReader {
 public:
  // Expands directories; fails only if `paths` is empty. Unreadable inputs surface as
  // InputErrors while reading, so one bad file does not stop a batch run.
  static absl::StatusOr<std::unique_ptr<RecordReader>> Open(std::vector<std::string> paths,
                                                            const InputOptions& options);
  // The same over parts of inputs (see input_parts.h); `errors` ("<path>: <reason>") are
  // reported as input errors first.
  static absl::StatusOr<std::unique_ptr<RecordReader>> Open(std::vector<InputPart> parts,
                                                            std::vector<std::string> errors,
                                                            const InputOptions& options);
  virtual ~RecordReader() = default;

  // The next batch in input order, or nullopt when every input is exhausted. A batch never mixes
  // two inputs. Not thread-safe: called from the pipeline's serial input stage.
  virtual std::optional<RecordBatch> Next() = 0;

  // Inputs that failed so far, in the order they failed.
  virtual const std::vector<InputError>& errors() const = 0;
  // Notes on inputs, "<name>: <what>", not errors: an input skipped because it looks binary (a
  // NUL byte in its first 64 KiB; a folder may hold such files), or read as CSV as asked although
  // it starts like JSON.
  virtual const std::vector<std::string>& notes() const = 0;

  // Total size of the inputs as found on disk, if every one is a regular file; for ETA.
  virtual std::optional<uint64_t> total_file_bytes() const = 0;
  // Bytes of the inputs consumed so far as found on disk (compressed bytes for .gz/.zst).
  virtual uint64_t file_bytes_consumed() const = 0;
};

}  // namespace listscan
