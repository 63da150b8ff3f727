// Batches of whole records cut from an input stream: the unit of work the pipeline passes
// from the serial reader to the parallel parse/match stage.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace listscan {

enum class InputFormat { kAuto, kJsonLines, kCsv };
enum class TextEncoding { kUtf8, kCp1252, kLatin1 };

// What is known about one input (a file or standard input) once its first bytes were read.
struct SourceInfo {
  std::string name;                      // as given on the command line; "-" for stdin
  InputFormat format = InputFormat::kJsonLines;
  char delimiter = ',';                  // CSV only
  std::vector<std::string> csv_header;   // CSV only: column names from the header row
};

// One record: a view into RecordBatch::buffer. `line` is the 1-based physical line on which the
// record starts in its source (CSV records may span several lines).
struct RawRecord {
  std::string_view bytes;  // without the record terminator ("\n" or "\r\n")
  uint64_t line = 0;
};

// A record the reader could not pass on (too large, an unterminated CSV quote at end of file...).
struct RejectedRecord {
  uint64_t line = 0;
  std::string reason;
  std::string head;  // at most the first 200 bytes of the record
};

struct RecordBatch {
  std::shared_ptr<const SourceInfo> source;
  uint64_t sequence = 0;         // 0, 1, 2... across the whole run, in input order
  std::string buffer;            // owns the (UTF-8, transcoded if asked) bytes of `records`
  std::vector<RawRecord> records;
  std::vector<RejectedRecord> rejected;
  uint64_t input_bytes = 0;      // bytes of the source consumed for this batch, after decompression
};

}  // namespace listscan
