// gzip and zstd inputs, recognised by their magic bytes whatever the file is called.
#include <zlib.h>
#include <zstd.h>

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

// One gzip member holding `text`. With Z_SYNC_FLUSH the member is flushed to a byte boundary but
// never finished, as a download cut short would leave it.
std::string Gzip(const std::string& text, int flush = Z_FINISH) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                       Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, text.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, flush) == (flush == Z_FINISH ? Z_STREAM_END : Z_OK));
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string Zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  REQUIRE_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

std::string NumberedRecords(int from, int to) {
  std::string text;
  for (int i = from; i < to; ++i) text += "{\"n\":" + std::to_string(i) + "}\n";
  return text;
}

std::vector<ReadRecord> ExpectedRecords(int from, int to, const std::string& path) {
  std::vector<ReadRecord> records;
  for (int i = from; i < to; ++i) {
    records.push_back({"{\"n\":" + std::to_string(i) + "}", static_cast<uint64_t>(i + 1), path});
  }
  return records;
}

TEST_CASE("a gzip input is decompressed whatever its name says", "[input][compressed]") {
  TempDir dir;
  const std::string path = dir.Write("plain.jsonl", Gzip(NumberedRecords(0, 3)));
  const ReadResult result = ReadAll({path});
  CHECK(result.records == ExpectedRecords(0, 3, path));
  CHECK(result.errors.empty());
}

TEST_CASE("every member of a multi-member gzip input is read", "[input][compressed]") {
  TempDir dir;
  const std::string path =
      dir.Write("two.jsonl", Gzip(NumberedRecords(0, 2)) + Gzip(NumberedRecords(2, 5)));
  const ReadResult result = ReadAll({path});
  CHECK(result.records == ExpectedRecords(0, 5, path));
  CHECK(result.errors.empty());
}

TEST_CASE("every frame of a multi-frame zstd input named .gz is read", "[input][compressed]") {
  TempDir dir;
  const std::string path =
      dir.Write("frames.jsonl.gz", Zstd(NumberedRecords(0, 2)) + Zstd(NumberedRecords(2, 4)));
  const ReadResult result = ReadAll({path});
  CHECK(result.records == ExpectedRecords(0, 4, path));
  CHECK(result.errors.empty());
}

TEST_CASE("a compressed input read in small batches keeps records whole", "[input][compressed]") {
  TempDir dir;
  const std::string path = dir.Write("a.zst", Zstd(NumberedRecords(0, 40)));
  InputOptions options;
  options.batch_bytes = 16;
  options.format = InputFormat::kJsonLines;
  const ReadResult result = ReadAll({path}, options);
  CHECK(result.records == ExpectedRecords(0, 40, path));
}

TEST_CASE("a truncated gzip input is an input error after the records before the damage",
          "[input][compressed]") {
  TempDir dir;
  // More than an input's first batch holds (64 KiB, its binary probe): the damage at the end is
  // found while later batches stream.
  std::string compressed = Gzip(NumberedRecords(0, 10000));
  compressed.resize(compressed.size() - 4);  // part of the trailer is missing
  const std::string path = dir.Write("cut.jsonl", compressed);
  InputOptions options;
  options.batch_bytes = 16;
  const ReadResult result = ReadAll({path}, options);
  CHECK(result.errors_after_first_batch == 0);
  CHECK(result.records == ExpectedRecords(0, 10000, path));
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].name == path);
  CHECK(result.errors[0].message == path + ": truncated gzip stream");
}

TEST_CASE("a gzip input cut inside a record passes on the records before and rejects the rest",
          "[input][compressed]") {
  TempDir dir;
  const std::string path =
      dir.Write("cut.jsonl.gz", Gzip(NumberedRecords(0, 3) + "{\"n\":3", Z_SYNC_FLUSH));
  const ReadResult result = ReadAll({path});
  CHECK(result.records == ExpectedRecords(0, 3, path));
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].line == 4);
  CHECK(result.rejected[0].reason == "truncated input");
  CHECK(result.rejected[0].head == "{\"n\":3");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].message == path + ": truncated gzip stream");
}

TEST_CASE("a corrupt gzip member is an input error after the records of the members before it",
          "[input][compressed]") {
  TempDir dir;
  const std::string damaged_member =
      std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + std::string(16, '\xFF');
  const std::string path = dir.Write("two.jsonl.gz", Gzip(NumberedRecords(0, 3)) + damaged_member);
  const ReadResult result = ReadAll({path});
  CHECK(result.records == ExpectedRecords(0, 3, path));
  CHECK(result.rejected.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].name == path);
  CHECK_THAT(result.errors[0].message, Catch::StartsWith(path + ": corrupt gzip stream: "));
}

TEST_CASE("a corrupt gzip input is an input error naming the file", "[input][compressed]") {
  TempDir dir;
  std::string compressed = Gzip(NumberedRecords(0, 10));
  for (size_t i = 10; i < compressed.size(); ++i) compressed[i] = '\xFF';
  const std::string path = dir.Write("bad.jsonl", compressed);
  const std::string other = dir.Write("other.jsonl", "{\"a\":1}\n");
  const ReadResult result = ReadAll({path, other});
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].name == path);
  CHECK_THAT(result.errors[0].message, Catch::StartsWith(path + ": corrupt gzip stream: "));
  REQUIRE_FALSE(result.records.empty());
  CHECK(result.records.back() == ReadRecord{"{\"a\":1}", 1, other});
}

TEST_CASE("the batches' input bytes add up to the decompressed size", "[input][compressed]") {
  TempDir dir;
  const std::string text =
      NumberedRecords(0, 20) + "\n\n" + std::string(100, ' ') + "\n" + NumberedRecords(20, 30);
  const std::string path = dir.Write("a.jsonl.zst", Zstd(text));
  InputOptions options;
  options.batch_bytes = 16;
  auto reader = RecordReader::Open({path}, options);
  REQUIRE(reader.ok());
  uint64_t input_bytes = 0;
  while (std::optional<RecordBatch> batch = (*reader)->Next()) input_bytes += batch->input_bytes;
  CHECK(input_bytes == text.size());
  CHECK((*reader)->file_bytes_consumed() == Zstd(text).size());
}

TEST_CASE("a truncated zstd input is an input error naming the file", "[input][compressed]") {
  TempDir dir;
  std::string compressed = Zstd(NumberedRecords(0, 10));
  compressed.resize(compressed.size() - 3);
  const std::string path = dir.Write("cut.zst", compressed);
  const ReadResult result = ReadAll({path});
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].name == path);
  CHECK_THAT(result.errors[0].message, Catch::StartsWith(path + ": "));
}

}  // namespace
}  // namespace listscan
