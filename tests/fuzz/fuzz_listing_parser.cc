// Listing parsing: one record, JSON (first byte even) or CSV (odd) with a fixed header. Property:
// a record is parsed or rejected with a reason; a parsed listing has an id, and every text field
// is valid, non-empty UTF-8 (what the folds and the scanner rely on).
#include <cstdint>
#include <string>

#include "fuzz_file.h"
#include "parse/listing_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace listscan;
  if (size == 0) return 0;
  static ListingParser parser(FieldSelection{{}, {"expect"}, "id", {"price", "seller.id"}});
  static const SourceInfo json{"fuzz.jsonl", InputFormat::kJsonLines, ',', {}};
  static const SourceInfo csv{
      "fuzz.csv", InputFormat::kCsv, ',', {"id", "title", "description", "price"}};
  const SourceInfo& source = (data[0] & 1) ? csv : json;
  const RawRecord record{std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), 7};
  Listing listing;
  const absl::Status status = parser.Parse(source, record, &listing);
  if (!status.ok()) {
    LISTSCAN_FUZZ_CHECK(!status.message().empty());
    return 0;
  }
  LISTSCAN_FUZZ_CHECK(!listing.id.empty());
  std::string sanitized;
  for (const TextField& field : listing.fields) {
    LISTSCAN_FUZZ_CHECK(!field.text.empty());
    LISTSCAN_FUZZ_CHECK(!ReplaceInvalidUtf8(field.text, &sanitized));
    LISTSCAN_FUZZ_CHECK(field.name != "expect");
  }
  return 0;
}
