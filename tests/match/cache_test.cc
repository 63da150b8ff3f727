// The compiled-database cache: a second compile of unchanged rules loads instead of compiling.
#include <filesystem>
#include <fstream>

#include "pack_fixture.h"

namespace listscan::testing {
namespace {

TEST_CASE("an unchanged pack comes from the cache the second time", "[match][cache]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("listscan-cache-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string yaml = OneRule("    keywords: [sibutramine]\n    regex: ['\\bwa\\.me/[0-9]+']\n");
  auto compile = [&](const std::string& text) {
    RuleSet rules;
    REQUIRE(ParseRulePack(text, "test.yaml", &rules).ok());
    auto pack = CompiledPack::Compile(std::move(rules), CompileOptions{dir.string()});
    REQUIRE(pack.ok());
    return *pack;
  };
  auto first = compile(yaml);
  CHECK_FALSE(first->stats().from_cache);
  auto second = compile(yaml);
  CHECK(second->stats().from_cache);
  CHECK(ScanTitle(second, "Sibutramine via wa.me/4915112345") ==
        Strings{"t.rule title 0 11 Sibutramine", "t.rule title 16 32 wa.me/4915112345"});
  auto changed = compile(OneRule("    keywords: [dmaa]\n"));
  CHECK_FALSE(changed->stats().from_cache);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a corrupt cache file is ignored and replaced", "[match][cache]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("listscan-cache-corrupt-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string yaml = OneRule("    keywords: [dmaa]\n");
  RuleSet rules;
  REQUIRE(ParseRulePack(yaml, "test.yaml", &rules).ok());
  REQUIRE(CompiledPack::Compile(rules, CompileOptions{dir.string()}).ok());
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::filesystem::resize_file(entry.path(), 20);
  }
  auto pack = CompiledPack::Compile(rules, CompileOptions{dir.string()});
  REQUIRE(pack.ok());
  CHECK_FALSE((*pack)->stats().from_cache);
  CHECK(ScanTitle(*pack, "DMAA") == Strings{"t.rule title 0 4 DMAA"});
  std::filesystem::remove_all(dir);
}

// Bytes changed inside a cache file of the right size (disk damage, another build writing there):
// the pack is compiled again, and scans as compiled, never from the damaged databases.
TEST_CASE("a cache file with damaged bytes is compiled again", "[match][cache]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("listscan-cache-damaged-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  RuleSet rules;
  REQUIRE(ParseRulePack(OneRule("    keywords: [dmaa]\n    regex: ['\\bwa\\.me/[0-9]+']\n"),
                        "test.yaml", &rules)
              .ok());
  REQUIRE(CompiledPack::Compile(rules, CompileOptions{dir.string()}).ok());
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
    const auto size = static_cast<std::streamoff>(std::filesystem::file_size(entry.path()));
    // Every 7th byte after the first 16 inverted: headers, lengths and bytecode alike.
    for (std::streamoff at = 16; at < size; at += 7) {
      file.seekg(at);
      const int byte = file.get();
      file.seekp(at);
      file.put(static_cast<char>(~byte));
    }
  }
  auto pack = CompiledPack::Compile(rules, CompileOptions{dir.string()});
  REQUIRE(pack.ok());
  CHECK_FALSE((*pack)->stats().from_cache);
  CHECK(ScanTitle(*pack, "DMAA at wa.me/4915112345") ==
        Strings{"t.rule title 0 4 DMAA", "t.rule title 8 24 wa.me/4915112345"});
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace listscan::testing
