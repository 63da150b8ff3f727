// ScanBody: split the body into records, parse each, scan in groups, format.
#include "serve/scan_request.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "listscan/rule.h"
#include "output/json_text.h"
#include "output/record_formats.h"

namespace listscan::serve {
namespace {

// The same grouping as a batch scan: two database scans per group of listings.
constexpr size_t kListingsPerGroup = 256;
constexpr size_t kBytesPerGroup = 256 << 10;

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// The records of the body with their lines; a JSON object body is one record on line 1.
std::vector<RawRecord> SplitRecords(BodyKind kind, std::string_view body) {
  std::vector<RawRecord> records;
  if (kind == BodyKind::kJsonObject) {
    if (!IsBlank(body) && body.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      records.push_back({body, 1});
    }
    return records;
  }
  uint64_t line = 0;
  while (!body.empty()) {
    ++line;
    const size_t end = std::min(body.find('\n'), body.size());
    std::string_view record = body.substr(0, end);
    body.remove_prefix(std::min(end + 1, body.size()));
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    if (!IsBlank(record)) records.push_back({record, line});
  }
  return records;
}

}  // namespace

std::optional<BodyKind> BodyKindOf(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  const std::string media = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(type.data(), type.size())));
  if (media == "application/json") return BodyKind::kJsonObject;
  if (media == "application/x-ndjson" || media == "application/jsonl") return BodyKind::kJsonLines;
  return std::nullopt;
}

std::optional<RequestError> ScanBody(const ServingPack& pack, ScanSlot& slot, BodyKind kind,
                                     std::string_view body, size_t max_listings,
                                     std::string* response, ScanTally* tally) {
  const std::vector<RawRecord> records = SplitRecords(kind, body);
  if (records.empty()) return RequestError{400, "the body holds no listing", 0};
  if (records.size() > max_listings) {
    return RequestError{
        413,
        absl::StrCat(records.size(), " listings, more than --max-listings (", max_listings, ")"),
        0};
  }
  static const SourceInfo kSource{"request", InputFormat::kJsonLines, ',', {}};
  if (slot.listings.size() < records.size()) slot.listings.resize(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    if (absl::Status parsed = slot.parser.Parse(kSource, records[i], &slot.listings[i]);
        !parsed.ok()) {
      return RequestError{400, std::string(parsed.message()), records[i].line};
    }
  }

  const RuleSet& rules = pack.pack->rules();
  size_t first = 0;
  while (first < records.size()) {
    size_t count = 0;
    size_t bytes = 0;
    while (first + count < records.size() && count < kListingsPerGroup && bytes < kBytesPerGroup) {
      bytes += records[first + count].bytes.size();
      ++count;
    }
    if (absl::Status status = slot.scanner->ScanMany(&slot.listings[first], count, &slot.hits);
        !status.ok()) {
      return RequestError{500, std::string(status.message()), 0};
    }
    for (size_t i = 0; i < count; ++i) {
      const Listing& listing = slot.listings[first + i];
      const std::vector<Hit>& hits = slot.hits[i];
      response->append("{\"id\":");
      AppendJsonString(response, listing.id);
      response->append(hits.empty() ? ",\"flagged\":false,\"hits\":"
                                    : ",\"flagged\":true,\"hits\":");
      const std::string* country = listing.FindMetadata(kDefaultCountryField);
      AppendHits(response, listing, hits, rules, country ? NormalizeCountryCode(*country) : "");
      response->append("}\n");
      if (hits.empty()) continue;
      ++tally->flagged;
      const size_t rules_seen = tally->rules.size();
      const size_t categories_seen = tally->categories.size();
      for (const Hit& hit : hits) {
        if (std::find(tally->rules.begin() + rules_seen, tally->rules.end(), hit.rule) ==
            tally->rules.end()) {
          tally->rules.push_back(hit.rule);
        }
        const Category category = rules.rules[hit.rule].category;
        if (std::find(tally->categories.begin() + categories_seen, tally->categories.end(),
                      category) == tally->categories.end()) {
          tally->categories.push_back(category);
        }
      }
    }
    first += count;
  }
  tally->listings += records.size();
  return std::nullopt;
}

std::string ErrorJson(const RequestError& error) {
  std::string json = "{\"error\":";
  AppendJsonString(&json, error.message);
  if (error.line != 0) absl::StrAppend(&json, ",\"line\":", error.line);
  json.append("}\n");
  return json;
}

}  // namespace listscan::serve
