// One record scanned with the bundled EU packs, as the pipeline does it: parsed as JSON, then
// scanned alone (Scan) and in a group (ScanMany). Properties: both give the same hits; every hit
// names a rule and a field that exist, lies inside the field's original text on UTF-8 boundaries,
// and hits come ordered by field, start, end, rule id. $LISTSCAN_FUZZ_RULES (a pack file or folder)
// replaces the EU packs, for short runs: compiling all of them instrumented takes minutes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_file.h"
#include "listscan/compiled_pack.h"
#include "listscan/scanner.h"
#include "parse/listing_parser.h"
#include "rules/rule_loader.h"

namespace listscan::fuzz {
namespace {

std::unique_ptr<Scanner>& TheScanner() {
  static std::unique_ptr<Scanner> scanner;
  return scanner;
}

bool OnBoundary(std::string_view text, uint32_t offset) {
  return offset == text.size() ||
         (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

}  // namespace
}  // namespace listscan::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace listscan;
  const char* chosen = std::getenv("LISTSCAN_FUZZ_RULES");
  auto rules = LoadRulePacks({chosen != nullptr && *chosen != '\0'
                                  ? std::string(chosen)
                                  : std::string(LISTSCAN_SOURCE_DIR) + "/rules/eu"});
  if (!rules.ok()) std::abort();
  const char* dir = std::getenv("TMPDIR");
  CompileOptions options;
  options.cache_dir = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") +
                      "/listscan-fuzz-cache";
  auto pack = CompiledPack::Compile(std::move(*rules), options);
  if (!pack.ok()) std::abort();
  auto scanner = Scanner::Create(*pack);
  if (!scanner.ok()) std::abort();
  fuzz::TheScanner() = std::move(*scanner);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace listscan;
  static ListingParser parser(FieldSelection{});
  static const SourceInfo source{"fuzz.jsonl", InputFormat::kJsonLines, ',', {}};
  Scanner& scanner = *fuzz::TheScanner();
  std::vector<Listing> listings(2);
  const RawRecord record{std::string_view(reinterpret_cast<const char*>(data), size), 1};
  if (!parser.Parse(source, record, &listings[0]).ok()) return 0;
  listings[1] = listings[0];
  std::vector<Hit> alone;
  LISTSCAN_FUZZ_CHECK(scanner.Scan(listings[0], &alone).ok());
  std::vector<std::vector<Hit>> grouped;
  LISTSCAN_FUZZ_CHECK(scanner.ScanMany(listings.data(), listings.size(), &grouped).ok());
  LISTSCAN_FUZZ_CHECK(grouped.size() >= 2);
  const size_t rules = scanner.pack().rules().rules.size();
  for (const std::vector<Hit>& hits : grouped) {
    LISTSCAN_FUZZ_CHECK(hits.size() == alone.size());
    for (size_t i = 0; i < hits.size(); ++i) {
      const Hit& a = alone[i];
      const Hit& b = hits[i];
      LISTSCAN_FUZZ_CHECK(std::tie(a.rule, a.field, a.start, a.end, a.evasions) ==
                          std::tie(b.rule, b.field, b.start, b.end, b.evasions));
    }
  }
  for (size_t i = 0; i < alone.size(); ++i) {
    const Hit& hit = alone[i];
    LISTSCAN_FUZZ_CHECK(hit.rule < rules);
    LISTSCAN_FUZZ_CHECK(hit.field < listings[0].fields.size());
    const std::string& text = listings[0].fields[hit.field].text;
    LISTSCAN_FUZZ_CHECK(hit.start <= hit.end && hit.end <= text.size());
    LISTSCAN_FUZZ_CHECK(fuzz::OnBoundary(text, hit.start) && fuzz::OnBoundary(text, hit.end));
    if (i > 0) {  // ties are ordered by rule id, as the output is, not by place in the pack
      const Hit& before = alone[i - 1];
      const std::string& before_id = scanner.pack().rules().rules[before.rule].id;
      const std::string& id = scanner.pack().rules().rules[hit.rule].id;
      LISTSCAN_FUZZ_CHECK(std::tie(before.field, before.start, before.end, before_id) <=
                          std::tie(hit.field, hit.start, hit.end, id));
    }
  }
  return 0;
}
