// The compiled-database cache: a second compile of unchanged rules loads instead of compiling.
#include <filesystem>

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

}  // namespace
}  // namespace listscan::testing
