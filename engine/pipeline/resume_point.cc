// ResumePoint: the summary's "stopped_at" object, read with simdjson.
#include "pipeline/resume_point.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "input/input_paths.h"
#include "simdjson.h"

namespace listscan {

absl::StatusOr<ResumePoint> ParseResumePoint(std::string_view summary_json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(summary_json.data(), summary_json.size()).get(root)) {
    return absl::InvalidArgumentError("not a --summary document (invalid JSON)");
  }
  bool complete = true;
  if (root["complete"].get(complete)) {
    return absl::InvalidArgumentError("not a --summary document (no \"complete\")");
  }
  if (complete) return absl::InvalidArgumentError("that run was complete: nothing to resume");
  ResumePoint point;
  std::string_view input;
  if (root["stopped_at"]["input"].get(input) ||
      root["stopped_at"]["lines_done"].get(point.lines_done)) {
    return absl::InvalidArgumentError(
        "the summary does not say where the run stopped (\"stopped_at\" with \"lines_done\")");
  }
  point.input = std::string(input);
  return point;
}

absl::StatusOr<std::vector<std::string>> InputsToResume(const std::vector<std::string>& inputs,
                                                        const FolderWalk& walk,
                                                        const ResumePoint& point) {
  std::vector<std::string> files = ExpandInputs(inputs, walk).files;
  if (point.input.empty()) return files;  // stopped before its first record: start over
  const auto stopped = std::find(files.begin(), files.end(), point.input);
  if (stopped == files.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the stopped input ", point.input, " is not among the inputs"));
  }
  files.erase(files.begin(), stopped);
  return files;
}

uint64_t LastLine(const RecordBatch& batch) {
  uint64_t line = 0;
  if (!batch.records.empty()) line = batch.records.back().line;
  if (!batch.rejected.empty()) line = std::max(line, batch.rejected.back().line);
  return line;
}

bool DropDoneRecords(const ResumePoint& point, RecordBatch* batch) {
  if (batch->source->name != point.input) return false;
  const uint64_t done = point.lines_done;
  std::erase_if(batch->records, [done](const RawRecord& record) { return record.line <= done; });
  std::erase_if(batch->rejected,
                [done](const RejectedRecord& record) { return record.line <= done; });
  return true;
}

}  // namespace listscan
