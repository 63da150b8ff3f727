// Finds where a record ends in a stream of bytes that arrives in pieces: at the next newline for
// JSON Lines, at the next newline outside a quoted field for CSV.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace listscan {

// A quote opens a quoted field only at the start of a field (after the delimiter or at the start
// of the record), or right after a closing quote (the "" escape). Elsewhere it is data, as
// SplitCsvRecord keeps it: `12" pizza` does not swallow the lines after it.
class RecordEndFinder {
 public:
  static constexpr size_t kNotFound = std::string_view::npos;

  RecordEndFinder() = default;
  RecordEndFinder(bool csv, char delimiter) : csv_(csv), delimiter_(delimiter) {}

  // Forgets the record scanned so far; the next Scan() sees the first bytes of a new record.
  void StartRecord() {
    scanned_ = 0;
    in_quotes_ = false;
    last_close_ = kNoClose;
    previous_ = '\0';
    newlines_ = 0;
  }

  // Scans `more`, the bytes of the current record that follow those already scanned. Returns the
  // offset in `more` of the newline that ends the record, or kNotFound once all of `more` was
  // scanned without finding it (the next call then continues where this one stopped).
  size_t Scan(std::string_view more);

  // Bytes of the current record scanned so far without finding its end.
  uint64_t scanned() const { return scanned_; }
  // Whether the bytes scanned so far end inside a quoted CSV field.
  bool in_quotes() const { return in_quotes_; }
  // Newlines inside quoted CSV fields of the current record, up to its end once found: the lines
  // the record spans beyond its first.
  uint64_t newlines() const { return newlines_; }

 private:
  static constexpr uint64_t kNoClose = ~uint64_t{0};

  bool csv_ = false;
  char delimiter_ = ',';
  uint64_t scanned_ = 0;
  bool in_quotes_ = false;
  uint64_t last_close_ = kNoClose;  // offset in the record of the last closing quote
  char previous_ = '\0';            // the last byte scanned by an earlier call
  uint64_t newlines_ = 0;
};

}  // namespace listscan
