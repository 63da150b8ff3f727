// `listscan merge-summaries`: reads the summaries, adds them up (output/summary_merge.h) and
// writes one summary in the same layout.
#include "merge_summaries_command.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "exit_codes.h"
#include "output/output_file.h"
#include "output/summary_merge.h"

namespace listscan::cli {
namespace {

struct MergeFlags {
  std::vector<std::string> summaries;
  std::string output = "-";
};

MergeFlags& Flags() {
  static MergeFlags flags;
  return flags;
}

absl::StatusOr<std::string> ReadText(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
  text << file.rdbuf();
  if (file.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return text.str();
}

int RunMerge() {
  const MergeFlags& flags = Flags();
  std::vector<SummaryText> parts;
  for (const std::string& path : flags.summaries) {
    absl::StatusOr<std::string> text = ReadText(path);
    if (!text.ok()) return ReportError(text.status());
    parts.push_back({path, std::move(*text)});
  }
  absl::StatusOr<std::string> merged = MergeSummaries(parts);
  if (!merged.ok()) return ReportError(merged.status());
  auto output = OutputFile::Open(flags.output);
  if (!output.ok()) return ReportError(output.status());
  absl::Status written = (*output)->Write(*merged);
  written.Update((*output)->Close());
  if (!written.ok()) return ReportError(written);
  return kExitFound;
}

}  // namespace

CLI::App* AddMergeSummariesCommand(CLI::App& app, int (**run)()) {
  MergeFlags& flags = Flags();
  CLI::App* merge = app.add_subcommand(
      "merge-summaries",
      "Add up the --summary files of shards (scan --shard K/N) into the summary of the whole run");
  merge->add_option("summaries", flags.summaries, "Summary files (- : standard input)")
      ->required();
  merge->add_option("-o,--output", flags.output, "Merged summary (- : stdout)")
      ->capture_default_str();
  merge->callback([run] { *run = RunMerge; });
  return merge;
}

}  // namespace listscan::cli
