// SerializePack / DeserializePack: a read pack scans exactly as the compiled one; bytes of another
// build, corrupt or truncated bytes are refused with an error, never a crash.
#include <xxhash.h>

#include <cstring>
#include <random>

#include "pack_fixture.h"

namespace listscan::testing {
namespace {

// Keywords, regexes (each its own start-of-match database), `all`, `none`, `near`, an exception,
// a misspelt keyword, a common word and negation cues: every part of a pack the scanner reads.
const char kPack[] =
    "rules:\n"
    "  - id: t.sibutramine\n    title: sibutramine\n    category: supplements\n"
    "    severity: high\n    keywords: [sibutramine, clenbuterol]\n"
    "    exceptions: [\"sibutramine free test\"]\n"
    "  - id: t.contact\n    title: contact\n    category: hidden_links\n    severity: medium\n"
    "    regex: ['\\bwa\\.me/[0-9]+', '\\bt\\.me/[a-z0-9_]{4,}']\n"
    "    match:\n      none: [{regex: '\\bofficial\\s(shop|store)\\b'}]\n"
    "  - id: t.magnets\n    title: magnets\n    category: toys\n    severity: high\n"
    "    match:\n      all: [magnetic balls, [children, kids]]\n"
    "  - id: t.near\n    title: laser\n    category: electronics\n    severity: high\n"
    "    match:\n      near: [{a: laser pointer, b: 1000mw, within: 3}]\n"
    "negations:\n"
    "  - language: en\n    before: [without]\n    joins: [and]\n"
    "common_words: [clenbuterola]\n";

const Strings kTitles = {
    "Sibutramine 15mg via wa.me/4915112345",
    "magnetic balls for kids",
    "laser pointer green 1000mW",
    "clenbuteroll tablets",
    "clenbuterola tablets",
    "tea without sibutramine",
    "sibutramine free test kit",
    "plain kettle",
    "orders on t.me/shop_x",
    "official store: t.me/shop_x",
};

std::shared_ptr<const CompiledPack> Read(std::string_view bytes) {
  auto pack = DeserializePack(bytes);
  INFO(pack.status().message());
  REQUIRE(pack.ok());
  return *pack;
}

// Replaces the trailing checksum so that the bytes reach the reader behind it.
void Reseal(std::string* bytes) {
  const uint64_t checksum = XXH3_64bits(bytes->data(), bytes->size() - sizeof(uint64_t));
  memcpy(bytes->data() + bytes->size() - sizeof(uint64_t), &checksum, sizeof(checksum));
}

TEST_CASE("a deserialized pack scans exactly as the compiled one", "[match][serialize]") {
  auto compiled = CompileYaml(kPack);
  auto bytes = SerializePack(*compiled);
  REQUIRE(bytes.ok());
  auto read = Read(*bytes);
  CHECK(read->stats().from_cache);
  CHECK_FALSE(compiled->stats().from_cache);
  CHECK(read->stats().rules == 4);
  CHECK(read->stats().literal_patterns == compiled->stats().literal_patterns);
  CHECK(read->stats().regex_patterns == 3);
  CHECK(read->rules().common_words.empty());  // the misspelling index holds them
  for (const std::string& title : kTitles) {
    INFO(title);
    CHECK(ScanTitle(read, title) == ScanTitle(compiled, title));
  }
  CHECK(ScanTitle(read, kTitles[0]) ==
        Strings{"t.sibutramine title 0 11 Sibutramine", "t.contact title 21 37 wa.me/4915112345"});
  CHECK(ScanTitle(read, "clenbuteroll tablets") ==
        Strings{"t.sibutramine title 0 12 clenbuteroll evasion"});
  CHECK(ScanTitle(read, "tea without sibutramine").empty());
  CHECK(ScanTitle(read, "orders on t.me/shop_x") == Strings{"t.contact title 10 21 t.me/shop_x"});
  CHECK(ScanTitle(read, "official store: t.me/shop_x").empty());
  // Writing the read pack again gives the same bytes.
  auto again = SerializePack(*read);
  REQUIRE(again.ok());
  CHECK(*again == *bytes);
}

TEST_CASE("a pack read in place scans as the compiled one and keeps its bytes alive",
          "[match][serialize]") {
  auto compiled = CompileYaml(kPack);
  auto bytes = SerializePack(*compiled);
  REQUIRE(bytes.ok());
  // Aligned storage, as a mapped file is; the pack is the only one left holding it.
  auto storage = std::make_shared<std::vector<uint64_t>>((bytes->size() + 7) / 8);
  std::memcpy(storage->data(), bytes->data(), bytes->size());
  const std::weak_ptr<std::vector<uint64_t>> watch = storage;
  auto read = DeserializePack(
      std::string_view(reinterpret_cast<const char*>(storage->data()), bytes->size()), storage);
  REQUIRE(read.ok());
  storage.reset();
  CHECK_FALSE(watch.expired());
  for (const std::string& title : kTitles) {
    INFO(title);
    CHECK(ScanTitle(*read, title) == ScanTitle(compiled, title));
  }
  CHECK(ScanTitle(*read, "clenbuteroll tablets") ==
        Strings{"t.sibutramine title 0 12 clenbuteroll evasion"});
  read = absl::InternalError("released");
  CHECK(watch.expired());
}

TEST_CASE("a pack of only keywords and one of only regexes round-trip", "[match][serialize]") {
  for (const std::string& yaml :
       {OneRule("    keywords: [dmaa]\n"), OneRule("    regex: ['\\bt\\.me/[a-z]{5,}']\n")}) {
    auto compiled = CompileYaml(yaml);
    auto bytes = SerializePack(*compiled);
    REQUIRE(bytes.ok());
    auto read = Read(*bytes);
    CHECK(ScanTitle(read, "DMAA at t.me/sellerx") == ScanTitle(compiled, "DMAA at t.me/sellerx"));
    CHECK(ScanTitle(read, "DMAA at t.me/sellerx").size() == 1);
  }
}

TEST_CASE("truncated or corrupt pack bytes are refused", "[match][serialize]") {
  auto bytes = SerializePack(*CompileYaml(kPack));
  REQUIRE(bytes.ok());
  // Every prefix: too short, or its checksum does not match.
  for (size_t length = 0; length < bytes->size(); ++length) {
    auto read = DeserializePack(std::string_view(*bytes).substr(0, length));
    INFO(length);
    REQUIRE_FALSE(read.ok());
    CHECK(read.status().code() ==
          (length < 8 ? absl::StatusCode::kInvalidArgument : absl::StatusCode::kDataLoss));
  }
  // Any changed byte after the magic and the format fails the checksum.
  for (size_t at = 12; at < bytes->size(); at += 7) {
    std::string changed = *bytes;
    changed[at] ^= 0x20;
    auto read = DeserializePack(changed);
    INFO(at);
    REQUIRE_FALSE(read.ok());
    CHECK(read.status().code() == absl::StatusCode::kDataLoss);
  }
  CHECK(DeserializePack("LSCACHE3 something else").status().code() ==
        absl::StatusCode::kInvalidArgument);
}

TEST_CASE("a body cut short behind a valid checksum is refused", "[match][serialize]") {
  auto bytes = SerializePack(*CompileYaml(kPack));
  REQUIRE(bytes.ok());
  for (size_t cut = 1; cut < bytes->size() - 20; cut += 3) {
    // The body without its last `cut` bytes, then a checksum that matches it.
    std::string shorter = bytes->substr(0, bytes->size() - sizeof(uint64_t) - cut);
    shorter.append(sizeof(uint64_t), '\0');
    Reseal(&shorter);
    auto read = DeserializePack(shorter);
    INFO(cut);
    REQUIRE_FALSE(read.ok());
  }
}

TEST_CASE("resealed random damage never crashes the reader", "[match][serialize]") {
  auto compiled = CompileYaml(kPack);
  auto bytes = SerializePack(*compiled);
  REQUIRE(bytes.ok());
  std::mt19937 random(13);
  size_t refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string changed = *bytes;
    std::uniform_int_distribution<size_t> position(8, changed.size() - 9);
    for (int i = 0; i < 1 + round % 4; ++i) changed[position(random)] = char(random());
    Reseal(&changed);
    auto read = DeserializePack(changed);
    if (!read.ok()) {
      ++refused;
      continue;
    }
    // What is accepted is a whole pack: a scanner can be made and run on it.
    auto scanner = Scanner::Create(*read);
    if (scanner.ok()) {
      std::vector<Hit> hits;
      (void)(*scanner)->Scan(MakeListing({{"title", kTitles[0]}}), &hits);
    }
  }
  CHECK(refused > 0);
}

TEST_CASE("bytes from another build or format are refused", "[match][serialize]") {
  auto bytes = SerializePack(*CompileYaml(OneRule("    keywords: [dmaa]\n")));
  REQUIRE(bytes.ok());
  // The build identity follows the magic (8 bytes), the format (4) and its length (8).
  std::string other_build = *bytes;
  other_build[8 + 4 + 8] ^= 1;
  Reseal(&other_build);
  auto read = DeserializePack(other_build);
  CHECK(read.status().code() == absl::StatusCode::kFailedPrecondition);
  CHECK(read.status().message().find("compiled pack written by listscan") == 0);

  std::string other_format = *bytes;
  other_format[8] = 9;
  Reseal(&other_format);
  read = DeserializePack(other_format);
  CHECK(read.status().code() == absl::StatusCode::kFailedPrecondition);
  CHECK(read.status().message() == "compiled pack: format 9, this build reads format 6");
}

}  // namespace
}  // namespace listscan::testing
