// --resume: where an interrupted run stopped, read back from its --summary, and how a new run
// picks up from there. Inputs before the stopped one were done; records of the stopped input that
// start on a line up to `lines_done` were read and written (the batches in flight are finished).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "input/input_paths.h"
#include "input/record_batch.h"

namespace listscan {

struct ResumePoint {
  std::string input;        // the input being read when the run stopped, as expanded
  uint64_t lines_done = 0;  // records starting on lines 1..lines_done were done
};

// Parses a --summary document. Fails when it is not one, or when its run was complete.
absl::StatusOr<ResumePoint> ParseResumePoint(std::string_view summary_json);

// The files of `inputs` (folders expanded as a scan with `walk` does) from the stopped input on.
// Fails when the stopped input is not among them: the resumed run would not be the same run.
absl::StatusOr<std::vector<std::string>> InputsToResume(const std::vector<std::string>& inputs,
                                                        const FolderWalk& walk,
                                                        const ResumePoint& point);

// The line on which the batch's last record or reject starts: how far its input is done once the
// batch is written.
uint64_t LastLine(const RecordBatch& batch);

// Drops the records and rejects of `batch` that the stopped run already handled: those of the
// stopped input starting on a line up to lines_done. Returns false (and leaves the batch alone)
// once the batch comes from another input: from then on nothing is skipped.
bool DropDoneRecords(const ResumePoint& point, RecordBatch* batch);

}  // namespace listscan
