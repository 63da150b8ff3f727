// A whole scan: inputs → batches → parse, fold, match in parallel → flagged listings and rejects
// written in input order. The output is byte-identical for any thread count.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "input/input_parts.h"
#include "input/record_reader.h"
#include "listscan/compiled_pack.h"
#include "output/listing_view.h"
#include "output/output_file.h"
#include "output/scan_summary.h"
#include "parse/listing_parser.h"
#include "pipeline/resume_point.h"

namespace listscan {

// How flagged listings are written: JSON Lines (docs/output-format.md), the terminal view for
// people, or not at all (only counted: --count, --files-with-matches, --quiet).
enum class FlaggedFormat { kJsonLines, kView, kNone };

struct ScanJobOptions {
  std::vector<std::string> inputs;  // files, directories, "-" for standard input
  std::optional<PartPlan> parts;    // when set, these parts instead of `inputs`
  InputOptions input;
  FieldSelection fields;             // metadata paths of rules' `where` are added automatically
  std::vector<std::string> with_fields;  // copied into each flagged listing's "fields"
  // Scanned listings are counted per value of these paths in the summary; empty: not counted.
  std::string country_field{kDefaultCountryField};
  std::string seller_field = "seller.id";
  FlaggedFormat flagged_format = FlaggedFormat::kJsonLines;
  // When set, called in input order with each batch's flagged listings as JSON Lines, whatever
  // `flagged_format` is (`scan --report`); an error stops the scan like a failed write.
  std::function<absl::Status(std::string_view)> flagged_json;
  ViewOptions view;                  // for kView
  unsigned threads = 0;              // 0: every core
  bool progress = false;             // a progress line on stderr
  // Set (from a signal handler) to stop reading: the batches in flight are finished and written,
  // and the summary says how far the run got.
  const std::atomic<bool>* interrupted = nullptr;
  // --resume: `inputs` start at the stopped input (InputsToResume), whose records up to the
  // point's line are skipped, neither scanned nor counted.
  std::optional<ResumePoint> resume;
};

// `selection` with the metadata paths that the rules' `where` filters and `with_fields` need.
FieldSelection WithRuleMetadata(const FieldSelection& selection, const RuleSet& rules,
                                const std::vector<std::string>& with_fields);

// Runs the scan. Malformed records are rejected (to `rejects` when given) and counted, never
// fatal; an unreadable input is listed in ScanSummary::input_errors and the scan goes on. A
// failed write, or a failure inside the matcher, stops the scan with an error.
absl::StatusOr<ScanSummary> RunScan(std::shared_ptr<const CompiledPack> pack,
                                    const ScanJobOptions& options, OutputFile* flagged,
                                    OutputFile* rejects);

}  // namespace listscan
