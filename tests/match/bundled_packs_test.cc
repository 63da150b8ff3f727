// Every example of every bundled rule behaves as written, through the whole compiled pack.
#include "match/example_runner.h"
#include "pack_fixture.h"

namespace listscan::testing {
namespace {

TEST_CASE("every example of the bundled packs passes", "[match][packs]") {
  auto rules = LoadRulePacks({std::string(LISTSCAN_SOURCE_DIR) + "/rules"});
  INFO(rules.status().message());
  REQUIRE(rules.ok());
  auto pack = CompiledPack::Compile(std::move(*rules), CompileOptions{});
  INFO(pack.status().message());
  REQUIRE(pack.ok());
  auto outcomes = RunRuleExamples(*pack);
  REQUIRE(outcomes.ok());
  size_t failures = 0;
  for (const ExampleOutcome& outcome : *outcomes) {
    if (outcome.passed) continue;
    ++failures;
    const Rule& rule = (*pack)->rules().rules[outcome.rule];
    UNSCOPED_INFO(rule.file << ": " << rule.id << ": " << (outcome.expect_flag ? "flag" : "pass")
                            << " example " << outcome.index + 1 << ": "
                            << outcome.listing.fields[0].text);
  }
  CHECK(failures == 0);
  CHECK(outcomes->size() >= 4 * (*pack)->rules().rules.size());
}

}  // namespace
}  // namespace listscan::testing
