// Counts of one scan run, and their JSON form (--summary). Invariant:
// records_read == records_scanned + records_rejected.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "listscan/compiled_pack.h"

namespace listscan {

struct ScanCounts {
  uint64_t records_read = 0;
  uint64_t records_scanned = 0;
  uint64_t records_rejected = 0;
  uint64_t records_flagged = 0;
  uint64_t bytes_read = 0;           // after decompression
  std::vector<uint64_t> hits_per_rule;      // by rule index
  std::vector<uint64_t> listings_per_rule;  // listings each rule flagged
  // Scanned listings per country (NormalizeCountryCode; "unknown" for listings without one) and
  // per seller (listings without a seller id are not counted). Sellers are counted exactly up to
  // kMaxSellers distinct ids (about 100 MB); the listings of sellers first seen after that add up
  // in listings_of_uncounted_sellers.
  static constexpr size_t kMaxSellers = 1'000'000;
  absl::flat_hash_map<std::string, uint64_t> listings_per_country;
  absl::flat_hash_map<std::string, uint64_t> listings_per_seller;
  uint64_t listings_of_uncounted_sellers = 0;

  void Add(const ScanCounts& other);
};

struct ScanSummary {
  ScanCounts counts;
  // False when the run was interrupted (a signal): the counts and outputs cover the records read
  // up to `stopped_input` (the input being read), `stopped_file_bytes` bytes of the inputs as on
  // disk (all inputs so far, compressed bytes for .gz/.zst).
  bool complete = true;
  std::string stopped_input;
  uint64_t stopped_file_bytes = 0;
  // Records of `stopped_input` starting on lines 1..stopped_lines_done were read and written
  // (--resume skips them).
  uint64_t stopped_lines_done = 0;
  double seconds = 0;
  // Time inside the serial, in-order stages (reading and cutting records; writing output). Their
  // share of single-thread time bounds the speed-up from more threads (Amdahl's law).
  double read_seconds = 0;
  double write_seconds = 0;
  unsigned threads = 0;
  CompileStats compile;
  std::vector<std::string> input_errors;
  // Notes on inputs, "<name>: <what>" (not errors): binaries skipped, a format that looks wrong.
  std::vector<std::string> input_notes;
  // The first rejected records in input order, "<file>:<line>: <reason>" (at most
  // kFirstRejectsKept), for stderr: the rejects file has them all.
  std::vector<std::string> first_rejects;
  // Flagged listings of each input that had records, in input order (grep -c).
  std::vector<std::pair<std::string, uint64_t>> flagged_per_input;
  // --fields / --with-fields patterns that matched no field of any record scanned.
  std::vector<std::string> unmatched_fields;
  // The reader of the flagged output went away (a closed pipe): the run stopped there, and
  // `complete` is false.
  bool output_cut_short = false;
};

constexpr size_t kFirstRejectsKept = 3;

// The --summary document. Rules and categories are listed in name order.
std::string SummaryJson(const ScanSummary& summary, const RuleSet& rules);

}  // namespace listscan
