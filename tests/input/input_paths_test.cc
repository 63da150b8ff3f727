// Expanding the inputs named on the command line.
#include "input/input_paths.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "input_fixture.h"

namespace listscan {
namespace {

using testing::TempDir;

TEST_CASE("a folder expands to its files recursively, sorted by path", "[input][paths]") {
  TempDir dir;
  const std::string b = dir.Write("tree/b.jsonl", "");
  const std::string sub = dir.Write("tree/sub/c.jsonl", "");
  const std::string a = dir.Write("tree/a.jsonl", "");
  const std::string nested = dir.Write("tree/a/z.jsonl", "");
  const ExpandedInputs inputs = ExpandInputs({dir.Path("tree")});
  CHECK(inputs.files == std::vector<std::string>{a, nested, b, sub});
  CHECK(inputs.errors.empty());
}

TEST_CASE("files, missing paths and standard input are kept as given, in order", "[input][paths]") {
  TempDir dir;
  const std::string file = dir.Write("z.jsonl", "");
  const std::string missing = dir.Path("missing.jsonl");
  const ExpandedInputs inputs = ExpandInputs({file, "-", missing});
  CHECK(inputs.files == std::vector<std::string>{file, "-", missing});
  CHECK(inputs.errors.empty());
}

TEST_CASE("standard input named twice is kept once", "[input][paths]") {
  const ExpandedInputs inputs = ExpandInputs({"-", "a.jsonl", "-"});
  CHECK(inputs.files == std::vector<std::string>{"-", "a.jsonl"});
}

}  // namespace
}  // namespace listscan
