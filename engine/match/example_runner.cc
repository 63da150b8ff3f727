// Rule examples through the real scanner.
#include "match/example_runner.h"

#include "listscan/scanner.h"

namespace listscan {

Listing ListingFromExample(const ExampleListing& example) {
  Listing listing;
  listing.id = "example";
  for (const auto& [name, text] : example.fields) {
    listing.fields.push_back({name, text});
    listing.metadata.emplace_back(name, text);
  }
  return listing;
}

absl::StatusOr<std::vector<ExampleOutcome>> RunRuleExamples(
    std::shared_ptr<const CompiledPack> pack) {
  absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(pack);
  if (!scanner.ok()) return scanner.status();
  std::vector<ExampleOutcome> outcomes;
  std::vector<Hit> hits;
  const auto& rules = pack->rules().rules;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    for (bool expect_flag : {true, false}) {
      const auto& examples = expect_flag ? rules[r].flag_examples : rules[r].pass_examples;
      for (size_t i = 0; i < examples.size(); ++i) {
        ExampleOutcome outcome;
        outcome.rule = r;
        outcome.expect_flag = expect_flag;
        outcome.index = i;
        outcome.listing = ListingFromExample(examples[i]);
        if (absl::Status status = (*scanner)->Scan(outcome.listing, &hits); !status.ok()) {
          return status;
        }
        for (const Hit& hit : hits) {
          if (hit.rule == r) outcome.rule_hits.push_back(hit);
        }
        outcome.passed = outcome.rule_hits.empty() != expect_flag;
        outcomes.push_back(std::move(outcome));
      }
    }
  }
  return outcomes;
}

}  // namespace listscan
