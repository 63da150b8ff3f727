// The rule loader: YAML text, then (when it loads) the whole compile with its regexes. Property:
// a pack loads and compiles, or fails with a reason; a problem names the file.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "fuzz_file.h"
#include "listscan/compiled_pack.h"
#include "rules/rule_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace listscan;
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  RuleSet rules;
  const absl::Status loaded = ParseRulePack(yaml, "fuzz.yaml", &rules);
  if (!loaded.ok()) {
    LISTSCAN_FUZZ_CHECK(absl::StartsWith(loaded.message(), "fuzz.yaml"));
    return 0;
  }
  std::vector<RuleProblem> problems;
  CheckRuleSet(rules, &problems);
  if (!problems.empty() || rules.rules.empty()) return 0;
  const auto pack = CompiledPack::Compile(std::move(rules), CompileOptions{});
  if (!pack.ok()) LISTSCAN_FUZZ_CHECK(!pack.status().message().empty());
  return 0;
}
