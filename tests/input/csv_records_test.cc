// Cutting CSV inputs into records, and telling the format of an input by its name or content.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "input_fixture.h"

namespace listscan {
namespace {

using testing::ReadAll;
using testing::ReadRecord;
using testing::ReadResult;
using testing::TempDir;

TEST_CASE("a CSV header row is not a record but names the columns", "[input][csv]") {
  TempDir dir;
  const std::string path = dir.Write("a.csv", "id,title\n1,hello\n2,world\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1,hello", 2, path}, {"2,world", 3, path}});
  REQUIRE_FALSE(result.sources.empty());
  CHECK(result.sources[0]->format == InputFormat::kCsv);
  CHECK(result.sources[0]->csv_header == std::vector<std::string>{"id", "title"});
}

TEST_CASE("a quoted CSV field with newlines keeps the record whole at its start line",
          "[input][csv]") {
  TempDir dir;
  const std::string path =
      dir.Write("a.csv", "id,title\r\n1,\"two\nline \"\"quoted\"\"\"\r\n2,plain\r\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records ==
        std::vector<ReadRecord>{{"1,\"two\nline \"\"quoted\"\"\"", 2, path}, {"2,plain", 4, path}});
}

TEST_CASE("a quoted CSV field spanning batches keeps the record whole", "[input][csv]") {
  TempDir dir;
  const std::string path =
      dir.Write("a.csv", "id,title\n1,\"a long\nfield, with\nthree lines\"\n2,after\n");
  InputOptions options;
  options.batch_bytes = 16;
  const ReadResult result = ReadAll({path}, options);
  CHECK(result.records ==
        std::vector<ReadRecord>{{"1,\"a long\nfield, with\nthree lines\"", 2, path},
                                {"2,after", 5, path}});
  CHECK(result.rejected.empty());
}

TEST_CASE("an unterminated quote at the end of a CSV input is rejected", "[input][csv]") {
  TempDir dir;
  const std::string path = dir.Write("a.csv", "id,title\n1,ok\n2,\"never closed\n3,x");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1,ok", 2, path}});
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].line == 3);
  CHECK(result.rejected[0].reason == "unterminated quoted field");
  CHECK(result.rejected[0].head == "2,\"never closed\n3,x");
}

TEST_CASE("a quote inside an unquoted CSV field does not join the lines after it", "[input][csv]") {
  TempDir dir;
  const std::string path = dir.Write("a.csv", "id,title\n1,27\" monitor\n2,x\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1,27\" monitor", 2, path}, {"2,x", 3, path}});
  CHECK(result.rejected.empty());
}

TEST_CASE("an oversized CSV record with quoted newlines is skipped to its real end",
          "[input][csv]") {
  TempDir dir;
  const std::string big = "1,\"" + std::string(30, 'a') + "\n" + std::string(30, 'b') + "\"";
  const std::string path = dir.Write("a.csv", "id,title\n" + big + "\n2,after\n");
  InputOptions options;
  options.batch_bytes = 16;
  options.max_record_bytes = 20;
  const ReadResult result = ReadAll({path}, options);
  CHECK(result.records == std::vector<ReadRecord>{{"2,after", 4, path}});
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].line == 2);
  CHECK(result.rejected[0].reason == "record exceeds --max-record-bytes (20)");
  CHECK(result.rejected[0].head == big);
}

TEST_CASE("blank lines in a CSV input are skipped but counted", "[input][csv]") {
  TempDir dir;
  const std::string path = dir.Write("a.csv", "\nid,title\n\n1,x\n  \n2,y\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1,x", 4, path}, {"2,y", 6, path}});
  CHECK(result.sources[0]->csv_header == std::vector<std::string>{"id", "title"});
}

TEST_CASE("each CSV input has its own header row", "[input][csv]") {
  TempDir dir;
  const std::string a = dir.Write("a.csv", "id,title\n1,x\n");
  const std::string b = dir.Write("b.csv", "title;price\nhat;3\n");
  InputOptions options;
  options.delimiter = ';';
  const ReadResult result = ReadAll({a, b}, options);
  CHECK(result.records == std::vector<ReadRecord>{{"1,x", 2, a}, {"hat;3", 2, b}});
  REQUIRE(result.sources.size() == 2);
  CHECK(result.sources[0]->csv_header == std::vector<std::string>{"id,title"});
  CHECK(result.sources[1]->csv_header == std::vector<std::string>{"title", "price"});
}

TEST_CASE("a .tsv input is CSV with a tab delimiter", "[input][csv]") {
  TempDir dir;
  const std::string path = dir.Write("a.tsv", "id\ttitle\n1\thello, world\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1\thello, world", 2, path}});
  REQUIRE_FALSE(result.sources.empty());
  CHECK(result.sources[0]->format == InputFormat::kCsv);
  CHECK(result.sources[0]->delimiter == '\t');
  CHECK(result.sources[0]->csv_header == std::vector<std::string>{"id", "title"});
}

TEST_CASE("a .ndjson extension selects JSON Lines whatever the content", "[input][format]") {
  TempDir dir;
  const std::string path = dir.Write("a.ndjson", "id,title\n1,x\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"id,title", 1, path}, {"1,x", 2, path}});
  CHECK(result.sources[0]->format == InputFormat::kJsonLines);
}

TEST_CASE("an extension under .gz still names the format", "[input][format]") {
  TempDir dir;
  // Not compressed, despite the name: the name only decides the format here.
  const std::string path = dir.Write("a.CSV.gz", "id,title\n1,x\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1,x", 2, path}});
  CHECK(result.sources[0]->format == InputFormat::kCsv);
}

TEST_CASE("an input without a known extension starting with '{' is JSON Lines", "[input][format]") {
  TempDir dir;
  const std::string path = dir.Write("dump.txt", "\n  {\"a\":1}\n{\"b\":2}\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records ==
        std::vector<ReadRecord>{{"  {\"a\":1}", 2, path}, {"{\"b\":2}", 3, path}});
  CHECK(result.sources[0]->format == InputFormat::kJsonLines);
}

TEST_CASE("an input without a known extension not starting with '{' is CSV", "[input][format]") {
  TempDir dir;
  const std::string path = dir.Write("dump.txt", "id,title\n1,x\n");
  const ReadResult result = ReadAll({path});
  CHECK(result.records == std::vector<ReadRecord>{{"1,x", 2, path}});
  CHECK(result.sources[0]->format == InputFormat::kCsv);
}

TEST_CASE("an explicit format overrides the extension", "[input][format]") {
  TempDir dir;
  const std::string path = dir.Write("a.jsonl", "id;title\n1;x\n");
  InputOptions options;
  options.format = InputFormat::kCsv;
  options.delimiter = ';';
  const ReadResult result = ReadAll({path}, options);
  CHECK(result.records == std::vector<ReadRecord>{{"1;x", 2, path}});
  CHECK(result.sources[0]->csv_header == std::vector<std::string>{"id", "title"});
}

}  // namespace
}  // namespace listscan
