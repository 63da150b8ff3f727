// Decompression framing. The first byte picks a mode:
// - even: the rest is a file as found on disk (gzip, zstd or plain, by its magic bytes); reading
//   it must end in bytes or a clear error, never a crash or a hang;
// - odd: the rest is cut in up to four pieces, each compressed as its own gzip member or zstd
//   frame and written one after the other (what pigz and zstd -T do); reading the file must give
//   back exactly the original bytes.
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <string>

#include "fuzz_file.h"
#include "input/byte_source.h"

namespace listscan::fuzz {
namespace {

constexpr size_t kMaxOutput = 64u << 20;  // a bomb is bounded by the reader's batches

std::string Gzip(std::string_view bytes) {
  z_stream stream{};
  LISTSCAN_FUZZ_CHECK(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8,
                                   Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  LISTSCAN_FUZZ_CHECK(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(out.size() - stream.avail_out);
  deflateEnd(&stream);
  return out;
}

std::string Zstd(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 1);
  LISTSCAN_FUZZ_CHECK(!ZSTD_isError(size));
  out.resize(size);
  return out;
}

// Reads the whole source in small pieces; false on an error.
bool ReadAll(const std::string& path, std::string* out) {
  auto source = ByteSource::Open(path);
  if (!source.ok()) return false;
  while (out->size() < kMaxOutput) {
    absl::StatusOr<size_t> got = (*source)->Read(out, 1000);
    if (!got.ok()) return false;
    LISTSCAN_FUZZ_CHECK(*got <= 1000);
    if (*got == 0) return true;
  }
  return true;
}

}  // namespace
}  // namespace listscan::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace listscan::fuzz;
  if (size == 0) return 0;
  static const ScratchFile file(".input");
  const uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string out;
  if ((mode & 1) == 0) {
    const bool ok = ReadAll(file.Write(rest), &out);
    // A plain input is given back as it is.
    const auto* b = reinterpret_cast<const unsigned char*>(rest.data());
    const bool gzip = rest.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b;
    const bool zstd = rest.size() >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f &&
                      b[3] == 0xfd;
    if (!gzip && !zstd) LISTSCAN_FUZZ_CHECK(ok && out == rest);
    return 0;
  }
  const size_t pieces = 1 + ((mode >> 1) & 3);
  const bool use_zstd = (mode & 8) != 0;
  std::string compressed;
  const size_t step = rest.size() / pieces + 1;
  for (size_t at = 0; at < rest.size() || at == 0; at += step) {
    const std::string_view piece = rest.substr(at, step);
    compressed += use_zstd ? Zstd(piece) : Gzip(piece);
    if (rest.empty()) break;
  }
  LISTSCAN_FUZZ_CHECK(ReadAll(file.Write(compressed), &out));
  LISTSCAN_FUZZ_CHECK(out == rest);
  return 0;
}
