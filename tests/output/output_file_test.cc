// Output files: what is written arrives, and every failure is reported with the file's name.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "output/output_file.h"

namespace listscan {
namespace {

class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("listscan-output-test-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("what is written to an output file is in the file after Close", "[output]") {
  TempDir dir;
  const std::string path = dir.Path("out.jsonl");
  auto file = OutputFile::Open(path);
  REQUIRE(file.ok());
  CHECK((*file)->name() == path);
  REQUIRE((*file)->Write("{\"a\":1}\n").ok());
  REQUIRE((*file)->Write("").ok());
  REQUIRE((*file)->Write("{\"b\":2}\n").ok());
  REQUIRE((*file)->Close().ok());
  CHECK(ReadFile(path) == "{\"a\":1}\n{\"b\":2}\n");
}

TEST_CASE("an output file appears under its name only when closed", "[output]") {
  TempDir dir;
  const std::string path = dir.Path("out.jsonl");
  {
    std::ofstream(path) << "old run\n";
    auto file = OutputFile::Open(path);
    REQUIRE(file.ok());
    REQUIRE((*file)->Write("{\"a\":1}\n").ok());
    CHECK(ReadFile(path) == "old run\n");  // still the old file while the run writes
    REQUIRE((*file)->Close().ok());
  }
  CHECK(ReadFile(path) == "{\"a\":1}\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.Path("")),
                      std::filesystem::directory_iterator()) == 1);  // no temporary file left
}

TEST_CASE("an output file that is not closed is discarded, the old one kept", "[output]") {
  TempDir dir;
  const std::string kept = dir.Path("kept.jsonl"), fresh = dir.Path("fresh.jsonl");
  std::ofstream(kept) << "old run\n";
  for (const std::string& path : {kept, fresh}) {
    auto file = OutputFile::Open(path);
    REQUIRE(file.ok());
    REQUIRE((*file)->Write("partial").ok());
    if (path == kept) (*file)->Discard();
  }
  CHECK(ReadFile(kept) == "old run\n");
  CHECK_FALSE(std::filesystem::exists(fresh));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.Path("")),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("closing an output file twice is harmless", "[output]") {
  TempDir dir;
  auto file = OutputFile::Open(dir.Path("out.jsonl"));
  REQUIRE(file.ok());
  CHECK((*file)->Close().ok());
  CHECK((*file)->Close().ok());
}

TEST_CASE("a full disk is reported on Close with the file's name", "[output]") {
  auto file = OutputFile::Open("/dev/full");
  REQUIRE(file.ok());
  absl::Status status = (*file)->Write("some output\n");
  if (status.ok()) status = (*file)->Close();
  CHECK(status.message() == "/dev/full: write error: No space left on device");
}

TEST_CASE("an output file in a missing folder cannot be opened", "[output]") {
  TempDir dir;
  const std::string path = dir.Path("no/such/out.jsonl");
  auto file = OutputFile::Open(path);
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().message() == path + ": cannot write: No such file or directory");
}

TEST_CASE("\"-\" is standard output", "[output]") {
  auto file = OutputFile::Open("-");
  REQUIRE(file.ok());
  CHECK((*file)->name() == "standard output");
  CHECK((*file)->Close().ok());
}

}  // namespace
}  // namespace listscan
