// Cutting inputs into parts: cuts move on to record starts (CSV quotes included), parts know
// their first line and the CSV header, and shards hold every record once.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "input/input_parts.h"
#include "input_fixture.h"

namespace listscan {
namespace {

using testing::ReadRecord;
using testing::TempDir;

// Every record of every part, read part by part in plan order.
std::vector<ReadRecord> ReadParts(const PartPlan& plan, const InputOptions& options = {}) {
  std::vector<ReadRecord> records;
  for (const InputPart& part : plan.parts) {
    auto reader = RecordReader::Open(std::vector<InputPart>{part}, {}, options);
    REQUIRE(reader.ok());
    while (std::optional<RecordBatch> batch = (*reader)->Next()) {
      for (const RawRecord& record : batch->records) {
        std::string bytes(record.bytes);
        // CSV records carry no names; check that the header came through in each part.
        if (!batch->source->csv_header.empty()) bytes += "|" + batch->source->csv_header[0];
        records.push_back({bytes, record.line, batch->source->name});
      }
    }
  }
  return records;
}

TEST_CASE("A CSV cut inside a quoted field moves on to the next record start", "[input]") {
  TempDir dir;
  // Offsets: header 0-7, record "1,..." 8-24 with a newline inside quotes at 14.
  const std::string path = dir.Write("t.csv", "id,text\n1,\"a\nb,c\"\n2,plain\n3,\"x\ny\"\n");
  auto plan = SplitInputs({path}, {}, 13);
  REQUIRE(plan.ok());
  REQUIRE(plan->parts.size() == 3);
  CHECK(plan->parts[0].begin == 0);
  CHECK(plan->parts[0].end == 18);
  CHECK(plan->parts[1].begin == 18);
  CHECK(plan->parts[1].first_line == 4);
  CHECK(plan->parts[2].begin == 26);
  CHECK(plan->parts[2].first_line == 5);
  CHECK(ReadParts(*plan) == std::vector<ReadRecord>{{"1,\"a\nb,c\"|id", 2, path},
                                                   {"2,plain|id", 4, path},
                                                   {"3,\"x\ny\"|id", 5, path}});
}

TEST_CASE("JSON Lines parts start after a newline and keep the file's line numbers",
          "[input]") {
  TempDir dir;
  const std::string path = dir.Write("a.jsonl", "{\"a\":1}\n\n{\"b\":22}\n{\"c\":3}\n");
  auto plan = SplitInputs({path}, {}, 9);
  REQUIRE(plan.ok());
  CHECK(ReadParts(*plan) == std::vector<ReadRecord>{{"{\"a\":1}", 1, path},
                                                   {"{\"b\":22}", 3, path},
                                                   {"{\"c\":3}", 4, path}});
}

TEST_CASE("Compressed files and small files stay whole", "[input]") {
  TempDir dir;
  const std::string small = dir.Write("s.jsonl", "{\"a\":1}\n");
  const std::string gzip = dir.Write("g.jsonl.gz", std::string("\x1f\x8b\x08\x00", 4));
  auto plan = SplitInputs({small, gzip}, {}, 2);
  REQUIRE(plan.ok());
  REQUIRE(plan->parts.size() == 2);
  CHECK((plan->parts[0].begin == 0 && plan->parts[0].end == 8));  // no record start inside
  CHECK_FALSE(plan->parts[1].ranged);
}

TEST_CASE("Shards 1 to N hold every record once, in input order", "[input]") {
  TempDir dir;
  std::string jsonl, csv = "id,text\n";
  for (int i = 0; i < 40; ++i) jsonl += "{\"n\":" + std::to_string(i) + "}\n";
  for (int i = 0; i < 20; ++i) csv += std::to_string(i) + ",\"q\nq\"\n";
  const std::vector<std::string> paths = {dir.Write("a.jsonl", jsonl), dir.Write("b.csv", csv)};
  const std::vector<ReadRecord> whole = testing::ReadAll(paths).records;
  for (unsigned count : {1u, 2u, 3u, 5u, 64u}) {
    std::vector<ReadRecord> joined;
    for (unsigned index = 1; index <= count; ++index) {
      auto plan = ShardInputs(paths, {}, index, count);
      REQUIRE(plan.ok());
      for (ReadRecord& record : ReadParts(*plan)) {
        if (record.source.ends_with(".csv")) record.bytes.resize(record.bytes.size() - 3);
        joined.push_back(record);
      }
    }
    INFO("shards: " << count);
    CHECK(joined == whole);
  }
}

TEST_CASE("Standard input cannot be sharded, and K/N is checked", "[input]") {
  CHECK(ShardInputs({"-"}, {}, 1, 2).status().code() == absl::StatusCode::kInvalidArgument);
  unsigned index = 0, count = 0;
  CHECK(ParseShard("2/8", &index, &count).ok());
  CHECK((index == 2 && count == 8));
  CHECK_FALSE(ParseShard("0/8", &index, &count).ok());
  CHECK_FALSE(ParseShard("9/8", &index, &count).ok());
  CHECK_FALSE(ParseShard("2", &index, &count).ok());
}

}  // namespace
}  // namespace listscan
