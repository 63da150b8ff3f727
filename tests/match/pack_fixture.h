// Test helpers: compile a pack from YAML text and scan small listings with it.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "listscan/compiled_pack.h"
#include "listscan/scanner.h"
#include "normalize/folded_text.h"
#include "rules/rule_loader.h"

namespace listscan::testing {

inline std::shared_ptr<const CompiledPack> CompileYaml(const std::string& yaml) {
  RuleSet rules;
  absl::Status loaded = ParseRulePack(yaml, "test.yaml", &rules);
  INFO(loaded.message());
  REQUIRE(loaded.ok());
  auto pack = CompiledPack::Compile(std::move(rules), CompileOptions{});
  INFO(pack.status().message());
  REQUIRE(pack.ok());
  return *pack;
}

// One rule with the given match body (YAML lines indented by four spaces).
inline std::string OneRule(const std::string& body, const std::string& id = "t.rule") {
  return "rules:\n  - id: " + id + "\n    title: test\n    category: supplements\n" +
         "    severity: high\n" + body;
}

inline Listing MakeListing(std::vector<std::pair<std::string, std::string>> fields) {
  Listing listing;
  listing.id = "L1";
  for (auto& [name, text] : fields) {
    listing.metadata.emplace_back(name, text);
    listing.fields.push_back({std::move(name), std::move(text)});
  }
  return listing;
}

// Scans one listing per title as a single group, as the pipeline does; the hits per listing.
inline std::vector<std::vector<Hit>> ScanTitlesAsOneGroup(
    const std::shared_ptr<const CompiledPack>& pack, const std::vector<std::string>& titles) {
  auto scanner = Scanner::Create(pack);
  REQUIRE(scanner.ok());
  std::vector<Listing> listings;
  for (const std::string& title : titles) listings.push_back(MakeListing({{"title", title}}));
  std::vector<std::vector<Hit>> hits;
  REQUIRE((*scanner)->ScanMany(listings.data(), listings.size(), &hits).ok());
  hits.resize(titles.size());
  return hits;
}

// "rule field start end match evasion" per hit: " evasion" when one was undone, or with
// `evasion_names` the evasion's name (" transliteration", "" for none).
inline std::vector<std::string> ScanToStrings(const std::shared_ptr<const CompiledPack>& pack,
                                              const Listing& listing, bool evasion_names = false) {
  auto scanner = Scanner::Create(pack);
  REQUIRE(scanner.ok());
  std::vector<Hit> hits;
  REQUIRE((*scanner)->Scan(listing, &hits).ok());
  std::vector<std::string> out;
  for (const Hit& hit : hits) {
    const std::string& text = listing.fields[hit.field].text;
    std::string line = pack->rules().rules[hit.rule].id + " " + listing.fields[hit.field].name +
                       " " + std::to_string(hit.start) + " " + std::to_string(hit.end) + " " +
                       text.substr(hit.start, hit.end - hit.start);
    if (evasion_names) {
      line.push_back(' ');
      line.append(EvasionName(hit.evasions));
    } else if (hit.evasions) {
      line.append(" evasion");
    }
    out.push_back(std::move(line));
  }
  return out;
}

inline std::vector<std::string> ScanTitle(const std::shared_ptr<const CompiledPack>& pack,
                                          const std::string& title) {
  return ScanToStrings(pack, MakeListing({{"title", title}}));
}

using Strings = std::vector<std::string>;

}  // namespace listscan::testing
