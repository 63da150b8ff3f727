// --format, --color, --count, -l and -q of `scan`.
#include "scan_view_flags.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace listscan::cli {
namespace {

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

// ripgrep's rule for `auto`: colour on a terminal, unless TERM is dumb or NO_COLOR is set.
bool UseColor(const std::string& color) {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* term = std::getenv("TERM");
  const char* no_color = std::getenv("NO_COLOR");
  return StdoutIsTerminal() && (term == nullptr || std::strcmp(term, "dumb") != 0) &&
         (no_color == nullptr || no_color[0] == '\0');
}

}  // namespace

void AddViewFlags(CLI::App* scan, ViewFlags* flags) {
  scan->add_option("--format", flags->format,
                   "Output: jsonl (JSON Lines, docs/output-format.md), text (a view for people), "
                   "auto: text on a terminal, else jsonl")
      ->check(CLI::IsMember({"auto", "jsonl", "text"}))
      ->capture_default_str();
  scan->add_flag_callback("--json", [flags] { flags->format = "jsonl"; },
                          "Same as --format jsonl");
  scan->add_option("--color", flags->color,
                   "Colours in the text view: auto (on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  scan->add_flag("-c,--count", flags->count,
                 "Only the number of flagged listings of each input that has some (input:N)");
  scan->add_flag("-l,--files-with-matches", flags->files_with_matches,
                 "Only the names of the inputs with flagged listings");
  scan->add_flag("-q,--quiet", flags->quiet,
                 "Write nothing on standard output: the exit status says whether anything was "
                 "flagged (warnings and errors still go to stderr)");
}

void ApplyViewFlags(const ViewFlags& flags, const std::string& output_path, ScanJobOptions* job) {
  if (flags.quiet || flags.count || flags.files_with_matches) {
    job->flagged_format = FlaggedFormat::kNone;
    return;
  }
  const bool view = flags.format == "text" ||
                    (flags.format == "auto" && output_path == "-" && StdoutIsTerminal());
  job->flagged_format = view ? FlaggedFormat::kView : FlaggedFormat::kJsonLines;
  job->view.color = view && UseColor(flags.color);
}

absl::Status WriteInputCounts(const ViewFlags& flags, const ScanSummary& summary,
                              OutputFile* output) {
  if (flags.quiet || (!flags.count && !flags.files_with_matches)) return absl::OkStatus();
  std::string text;
  for (const auto& [input, flagged] : summary.flagged_per_input) {
    if (flagged == 0) continue;
    if (flags.count) {
      absl::StrAppend(&text, input, ":", flagged, "\n");
    } else {
      absl::StrAppend(&text, input, "\n");
    }
  }
  return output->Write(text);
}

}  // namespace listscan::cli
