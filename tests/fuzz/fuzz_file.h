// Fuzz inputs that the engine reads from a path: one scratch file per process, rewritten for each
// input (in $TMPDIR, /tmp by default), removed at exit.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace listscan::fuzz {

class ScratchFile {
 public:
  explicit ScratchFile(std::string_view suffix) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/listscan-fuzz-" +
            std::to_string(getpid()) + std::string(suffix);
  }
  ~ScratchFile() { std::remove(path_.c_str()); }

  // Replaces the file's contents with `bytes`; aborts if it cannot (not a finding).
  const std::string& Write(std::string_view bytes) const {
    std::FILE* file = std::fopen(path_.c_str(), "wb");
    if (file == nullptr) std::abort();
    if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) {
      std::abort();
    }
    std::fclose(file);
    return path_;
  }

 private:
  std::string path_;
};

// Stops the fuzzer with a message when a property does not hold.
#define LISTSCAN_FUZZ_CHECK(condition)                                                   \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)

}  // namespace listscan::fuzz
