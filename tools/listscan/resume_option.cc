// ApplyResume: the summary file read whole, its stopped_at applied to the job.
#include "resume_option.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "pipeline/resume_point.h"

namespace listscan::cli {

absl::Status ApplyResume(const std::string& summary_path, ScanJobOptions* job) {
  auto fail = [&summary_path](absl::string_view reason) {
    return absl::InvalidArgumentError(absl::StrCat("--resume ", summary_path, ": ", reason));
  };
  std::ifstream in(summary_path, std::ios::binary);
  if (!in) return fail("cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  absl::StatusOr<ResumePoint> point = ParseResumePoint(text.str());
  if (!point.ok()) return fail(point.status().message());
  absl::StatusOr<std::vector<std::string>> inputs = InputsToResume(job->inputs, job->input.walk, *point);
  if (!inputs.ok()) return fail(inputs.status().message());
  job->inputs = std::move(*inputs);
  job->resume = std::move(*point);
  return absl::OkStatus();
}

}  // namespace listscan::cli
