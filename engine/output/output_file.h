// A file or standard output ("-") written through a buffer, where every failure (a closed pipe,
// a full disk) becomes a Status: output is never silently truncated. A regular file is written
// under a temporary name in its folder and renamed on a successful Close, so that a run that
// fails or is killed never leaves a partial file that looks complete (nor clobbers an old one).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace listscan {

class OutputFile {
 public:
  static absl::StatusOr<std::unique_ptr<OutputFile>> Open(const std::string& path);
  // An output not closed is discarded.
  ~OutputFile();

  absl::Status Write(std::string_view bytes);
  // Flushes, closes and puts the file under its name; reports an error that happened at any point
  // before (then nothing is put there).
  absl::Status Close();
  // Drops what was written to a regular file (its temporary file is removed).
  void Discard();
  const std::string& name() const { return name_; }

 private:
  OutputFile(std::string name, FILE* file, bool owned, std::string temporary)
      : name_(std::move(name)), file_(file), owned_(owned), temporary_(std::move(temporary)) {}
  absl::Status Failed();

  std::string name_;
  FILE* file_;
  bool owned_;
  std::string temporary_;  // empty: written in place (standard output, a device, a pipe)
  bool closed_ = false;
};

// The write failed because the reader went away (EPIPE: `listscan scan ... | head`). Not a failure
// of the run: the output is merely cut short.
bool IsClosedPipe(const absl::Status& status);

}  // namespace listscan
