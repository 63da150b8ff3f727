// Test helpers for the input stage: a temporary folder for input files, and a reader driven to
// the end with everything it produced collected.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "input/record_reader.h"

namespace listscan::testing {

// A folder that exists for one test and is removed with everything in it afterwards.
class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("listscan-input-test-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  // Writes `bytes` to `name` (sub-folders created) and returns the file's path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.string();
  }

  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct ReadRecord {
  std::string bytes;
  uint64_t line;
  std::string source;
  bool operator==(const ReadRecord& other) const {
    return bytes == other.bytes && line == other.line && source == other.source;
  }
};

inline std::ostream& operator<<(std::ostream& out, const ReadRecord& record) {
  return out << "{" << record.source << ":" << record.line << " \"" << record.bytes << "\"}";
}

struct ReadResult {
  std::vector<ReadRecord> records;
  std::vector<RejectedRecord> rejected;
  std::vector<uint64_t> sequences;
  std::vector<std::shared_ptr<const SourceInfo>> sources;  // one per batch
  std::vector<InputError> errors;
  std::vector<std::string> notes;
  // How many errors had been reported when the first batch came back.
  size_t errors_after_first_batch = 0;
};

inline ReadResult ReadAll(std::vector<std::string> paths, const InputOptions& options = {}) {
  auto reader = RecordReader::Open(std::move(paths), options);
  INFO(reader.status().message());
  REQUIRE(reader.ok());
  ReadResult result;
  bool first = true;
  while (std::optional<RecordBatch> batch = (*reader)->Next()) {
    if (first) result.errors_after_first_batch = (*reader)->errors().size();
    first = false;
    result.sequences.push_back(batch->sequence);
    result.sources.push_back(batch->source);
    for (const RawRecord& record : batch->records) {
      result.records.push_back({std::string(record.bytes), record.line, batch->source->name});
    }
    for (RejectedRecord& rejected : batch->rejected) result.rejected.push_back(rejected);
  }
  result.errors = (*reader)->errors();
  result.notes = (*reader)->notes();
  return result;
}

}  // namespace listscan::testing
