// OutputFile: stdio with the errors checked.
#include "output/output_file.h"

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace listscan {

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<OutputFile>(new OutputFile("standard output", stdout, false));
  }
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return absl::UnavailableError(absl::StrCat(path, ": cannot write: ", std::strerror(errno)));
  }
  std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
  return std::unique_ptr<OutputFile>(new OutputFile(path, file, true));
}

OutputFile::~OutputFile() {
  if (!closed_) (void)Close();
}

absl::Status OutputFile::Failed() {
  return absl::UnavailableError(absl::StrCat(name_, ": write error: ", std::strerror(errno)));
}

absl::Status OutputFile::Write(std::string_view bytes) {
  if (bytes.empty()) return absl::OkStatus();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) return Failed();
  return absl::OkStatus();
}

absl::Status OutputFile::Close() {
  if (closed_) return absl::OkStatus();
  closed_ = true;
  errno = 0;
  const bool flushed = std::fflush(file_) == 0 && !std::ferror(file_);
  if (!flushed) {
    const absl::Status status = Failed();
    if (owned_) std::fclose(file_);
    return status;
  }
  if (owned_ && std::fclose(file_) != 0) return Failed();
  return absl::OkStatus();
}

}  // namespace listscan
