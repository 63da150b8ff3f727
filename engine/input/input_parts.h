// Cutting inputs into parts that can be scanned apart, in any order and on different machines:
// whole files, and byte ranges of large plain (uncompressed) JSON Lines or CSV files that begin
// and end on record boundaries, found as RecordReader finds them (CSV quotes included).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "input/record_batch.h"
#include "input/record_reader.h"

namespace listscan {

struct InputPart {
  std::string path;
  // False: the whole input. True: bytes [begin, end) of a plain file, `begin` where a record
  // starts, on line `first_line` of the file; `format` and `delimiter` are the file's, settled
  // when the plan was made (a range that does not start the file cannot tell them).
  bool ranged = false;
  uint64_t begin = 0;
  uint64_t end = 0;
  uint64_t first_line = 1;
  InputFormat format = InputFormat::kAuto;
  char delimiter = ',';
};

struct PartPlan {
  std::vector<InputPart> parts;     // in input order
  std::vector<std::string> errors;  // "<path>: <reason>" for folders that could not be walked
};

// Every part of `paths` (folders walked as RecordReader does): a plain JSON Lines or CSV file
// larger than `part_bytes` is cut about every `part_bytes` bytes, other inputs are whole. A file
// that is cut is read once, at disk speed, to find record starts and their line numbers.
// Standard input cannot be cut up: it is an error.
absl::StatusOr<PartPlan> SplitInputs(const std::vector<std::string>& paths,
                                     const InputOptions& options, uint64_t part_bytes);

// Shard `index` (1-based) of `count`: the inputs' bytes, end to end in input order, are cut in
// `count` equal spans. A whole input belongs to the shard in whose span it starts; a plain JSON
// Lines or CSV file is cut where a span ends (moved on to the next record start). Shards 1 to
// `count` hold every record exactly once, and their outputs put end to end are the output of
// one run. Folders that cannot be walked are reported by shard 1 only.
absl::StatusOr<PartPlan> ShardInputs(const std::vector<std::string>& paths,
                                     const InputOptions& options, unsigned index, unsigned count);

// "K/N" (1 <= K <= N) as given to --shard.
absl::Status ParseShard(const std::string& text, unsigned* index, unsigned* count);

}  // namespace listscan
