// Limits on a pack's YAML: an alias bomb and an oversized file fail with a reason, quickly, before
// any node is built; the bundled packs are far under both limits.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "rules/rule_loader.h"
#include "rules/yaml_limits.h"

namespace listscan {
namespace {

// Ten levels of ten aliases each: 10^10 strings once expanded, in under a kilobyte.
std::string AliasBomb() {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = '1'; level <= '9'; ++level) {
    const std::string alias = std::string("*a") + static_cast<char>(level - 1);
    yaml.append("a").push_back(level);
    yaml.append(": &a").push_back(level);
    yaml.append(" [").append(alias);
    for (int i = 1; i < 10; ++i) yaml.append(", ").append(alias);
    yaml.append("]\n");
  }
  return yaml;
}

TEST_CASE("aliases are counted as the nodes they name", "[rules][limits]") {
  // 1 map + 2 keys + seq(1 + 3) + seq(1 + 2 aliases of 4 nodes) = 1 + 2 + 4 + 1 + 8 = 16 nodes.
  const std::string yaml = "a: &s [x, y, z]\nb: [*s, *s]\n";
  CHECK(CheckYamlLimits(yaml, 1000, 16).ok());
  CHECK(CheckYamlLimits(yaml, 1000, 15).message() ==
        "the pack expands to more than 15 YAML nodes (aliases counted in full): an alias bomb?");
  CHECK(CheckYamlLimits(yaml, 10, 100).message() ==
        "the pack is 28 bytes, more than the limit of 10");
}

TEST_CASE("an alias bomb is refused before it is expanded", "[rules][limits]") {
  RuleSet rules;
  const absl::Status status = ParseRulePack(AliasBomb(), "bomb.yaml", &rules);
  CHECK(status.message() ==
        "bomb.yaml:1: the pack expands to more than 2000000 YAML nodes (aliases counted in full): "
        "an alias bomb?");
  CHECK(rules.rules.empty());
}

TEST_CASE("a pack over the size limit is refused", "[rules][limits]") {
  // A valid pack whose comment makes it one byte too large: refused without being parsed.
  std::string yaml = "rules: []\n#";
  yaml.resize(kMaxPackBytes + 1, 'x');
  RuleSet rules;
  CHECK(ParseRulePack(yaml, "big.yaml", &rules).message() ==
        "big.yaml:1: the pack is 16777217 bytes, more than the limit of 16777216");
  CHECK(CheckYamlLimits("rules: []\n#xx", 13).ok());
}

// Found by fuzzing (tests/fuzz/fuzz_rule_loader): after this malformed first document, yaml-cpp's
// parser never returned from reading a second one. Only the first document is counted now, as
// only it is loaded.
TEST_CASE("a pack that yaml-cpp cannot end is checked in bounded time", "[rules][limits]") {
  std::ifstream in(std::string(LISTSCAN_SOURCE_DIR) +
                   "/tests/rules/data/second_document_never_ends.yaml", std::ios::binary);
  REQUIRE(in);
  const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(yaml.size() == 2493);
  CHECK(CheckYamlLimits(yaml).ok());
  RuleSet rules;
  CHECK(ParseRulePack(yaml, "fuzzed.yaml", &rules).message() ==
        "fuzzed.yaml:19:14: a rule pack is a map with a `rules` list");
}

TEST_CASE("malformed YAML is left to the loader's syntax error", "[rules][limits]") {
  CHECK(CheckYamlLimits("a: [unclosed\n").ok());
  RuleSet rules;
  CHECK(!ParseRulePack("a: [unclosed\n", "bad.yaml", &rules).ok());
}

}  // namespace
}  // namespace listscan
