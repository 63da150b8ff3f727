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
  dir.Write("tree/.git/objects/d.jsonl", "");
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

TEST_CASE("a folder walk reads listing-like names, no hidden files or folders", "[input][paths]") {
  TempDir dir;
  const std::string csv = dir.Write("tree/a.csv.gz", "");
  const std::string json = dir.Write("tree/b.json", "");
  const std::string ndjson = dir.Write("tree/c.ndjson.zst", "");
  const std::string tsv = dir.Write("tree/d.tsv", "");
  const std::string hidden = dir.Write("tree/.e.jsonl", "");
  const std::string hidden_dir = dir.Write("tree/.cache/f.jsonl", "");
  const std::string yaml = dir.Write("tree/rules/pack.yaml", "");
  const std::string text = dir.Write("tree/notes.txt", "");
  CHECK(ExpandInputs({dir.Path("tree")}).files == std::vector<std::string>{csv, json, ndjson, tsv});
  CHECK(ExpandInputs({dir.Path("tree")}, {.hidden = true, .globs = {}}).files ==
        std::vector<std::string>{hidden_dir, hidden, csv, json, ndjson, tsv});
  CHECK(ExpandInputs({dir.Path("tree")}, {.globs = {"*.txt", "rules/*"}}).files ==
        std::vector<std::string>{text, yaml});
  CHECK(ExpandInputs({dir.Path("tree")}, {.globs = {"!*.json", "!a.*"}}).files ==
        std::vector<std::string>{ndjson, tsv});
  CHECK(ExpandInputs({dir.Path("tree")}, {.globs = {"*", "!*.t*"}}).files ==
        std::vector<std::string>{csv, json, ndjson, yaml});
}

TEST_CASE("standard input named twice is kept once", "[input][paths]") {
  const ExpandedInputs inputs = ExpandInputs({"-", "a.jsonl", "-"});
  CHECK(inputs.files == std::vector<std::string>{"-", "a.jsonl"});
}

}  // namespace
}  // namespace listscan
