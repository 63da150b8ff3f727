// check_title PACK TITLE: compiles a rule pack and prints the rules a listing title flags, one
// "rule start end match" line per hit; exit status 0 when flagged, 1 when not, 2 on an error.
#include <cstdio>
#include <string>
#include <vector>

#include "listscan/compiled_pack.h"
#include "listscan/scanner.h"
#include "rules/rule_loader.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: check_title PACK TITLE\n");
    return 2;
  }
  absl::StatusOr<listscan::RuleSet> rules = listscan::LoadRulePacks({argv[1]});
  if (!rules.ok()) {
    std::fprintf(stderr, "%s\n", std::string(rules.status().message()).c_str());
    return 2;
  }
  auto pack = listscan::CompiledPack::Compile(std::move(*rules), listscan::CompileOptions{});
  if (!pack.ok()) return 2;
  auto scanner = listscan::Scanner::Create(*pack);
  if (!scanner.ok()) return 2;
  listscan::Listing listing;
  listing.id = "1";
  listing.fields.push_back({"title", argv[2]});
  std::vector<listscan::Hit> hits;
  if (!(*scanner)->Scan(listing, &hits).ok()) return 2;
  for (const listscan::Hit& hit : hits) {
    std::printf("%s %u %u %s\n", (*pack)->rules().rules[hit.rule].id.c_str(), hit.start, hit.end,
                listing.fields[hit.field].text.substr(hit.start, hit.end - hit.start).c_str());
  }
  return hits.empty() ? 1 : 0;
}
