// The flat tables the misspelling index is made of: what goes in comes out, through the pack
// cache's byte encoding too, and bytes that disagree with themselves are refused.
#include "match/flat_tables.h"

#include <xxhash.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace listscan::testing {
namespace {

uint64_t Hash(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

// The item of `words` equal to `word`, or -1.
int64_t Find(const HashSlots& slots, const StringList& words, std::string_view word) {
  return slots.Find(Hash(word), [&](size_t i) { return words[i] == word; });
}

TEST_CASE("a string list keeps its strings in order, empty ones too", "[match][flat]") {
  StringList list;
  CHECK(list.Add("") == 0);
  CHECK(list.Add("sibutramine") == 1);
  CHECK(list.Add("senza ") == 2);
  CHECK(list.size() == 3);
  CHECK(list[0].empty());
  CHECK(list[1] == "sibutramine");
  CHECK(list[2] == "senza ");
  ByteWriter out;
  list.Serialize(&out);
  ByteReader in(out.bytes());
  StringList read;
  REQUIRE(read.Deserialize(&in));
  CHECK(in.at_end());
  CHECK(read.size() == 3);
  CHECK(read[1] == "sibutramine");
}

TEST_CASE("hash slots find every item and nothing else", "[match][flat]") {
  StringList words;
  std::vector<uint64_t> hashes;
  for (int i = 0; i < 1000; ++i) {
    const std::string word = "word" + std::to_string(i);
    words.Add(word);
    hashes.push_back(Hash(word));
  }
  const HashSlots slots(hashes);
  for (int i = 0; i < 1000; ++i) CHECK(Find(slots, words, "word" + std::to_string(i)) == i);
  CHECK(Find(slots, words, "word1000") == -1);
  CHECK(Find(slots, words, "") == -1);
  CHECK(Find(HashSlots(), words, "word1") == -1);  // an empty table

  // Two items with one hash: the caller's check tells them apart.
  const HashSlots same({42, 42});
  CHECK(same.Find(42, [](size_t i) { return i == 1; }) == 1);
  CHECK(same.Find(42, [](size_t) { return false; }) == -1);
}

TEST_CASE("value runs and hash slots read back, and refuse bytes that disagree", "[match][flat]") {
  ValueRuns<uint32_t> runs;
  runs.Add(std::vector<uint32_t>{3, 1});
  runs.Add(std::vector<uint32_t>{});
  runs.Add(std::vector<uint32_t>{7});
  const HashSlots slots({5, 6, 7});
  ByteWriter out;
  runs.Serialize(&out);
  slots.Serialize(&out);
  {
    ByteReader in(out.bytes());
    ValueRuns<uint32_t> read_runs;
    HashSlots read_slots;
    REQUIRE(read_runs.Deserialize(&in));
    REQUIRE(read_slots.Deserialize(&in, 3));
    CHECK(in.at_end());
    REQUIRE(read_runs.size() == 3);
    CHECK(std::vector<uint32_t>(read_runs[0].begin(), read_runs[0].end()) ==
          std::vector<uint32_t>{3, 1});
    CHECK(read_runs[1].empty());
    CHECK(read_runs[2][0] == 7);
    CHECK(read_runs.AllBelow(8));
    CHECK_FALSE(read_runs.AllBelow(7));
    CHECK(read_slots.Find(6, [](size_t i) { return i == 1; }) == 1);
  }
  {
    // Slots naming an item past the end are refused.
    ByteReader in(out.bytes());
    ValueRuns<uint32_t> read_runs;
    HashSlots read_slots;
    REQUIRE(read_runs.Deserialize(&in));
    CHECK_FALSE(read_slots.Deserialize(&in, 2));
  }
  {
    // Starts out of order are refused.
    ByteWriter bad;
    bad.PutVector(std::vector<uint32_t>{0, 2, 1, 3});
    bad.PutVector(std::vector<uint32_t>{1, 2, 3});
    ByteReader in(bad.bytes());
    ValueRuns<uint32_t> read_runs;
    CHECK_FALSE(read_runs.Deserialize(&in));
  }
  {
    // A table with no empty slot would never end a miss: refused.
    ByteWriter full;
    full.PutVector(std::vector<uint64_t>{(uint64_t{1} << 32) | 1, (uint64_t{2} << 32) | 2});
    ByteReader in(full.bytes());
    HashSlots read_slots;
    CHECK_FALSE(read_slots.Deserialize(&in, 2));
  }
}

}  // namespace
}  // namespace listscan::testing
