// A file or standard output ("-") written through a buffer, where every failure (a closed pipe,
// a full disk) becomes a Status: output is never silently truncated.
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
  ~OutputFile();

  absl::Status Write(std::string_view bytes);
  // Flushes and closes; reports an error that happened at any point before.
  absl::Status Close();
  const std::string& name() const { return name_; }

 private:
  OutputFile(std::string name, FILE* file, bool owned) : name_(std::move(name)), file_(file), owned_(owned) {}
  absl::Status Failed();

  std::string name_;
  FILE* file_;
  bool owned_;
  bool closed_ = false;
};

}  // namespace listscan
