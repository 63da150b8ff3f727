// Reading a flagged-listing line with simdjson's DOM parser: the lines are small and few next to
// the scan's input, and every key of them is needed.
#include "report/flagged_listing.h"

#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace listscan::report {
namespace {

namespace dom = simdjson::dom;

absl::Status Invalid(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("not a flagged listing: ", what));
}

// Numbers keep their JSON spelling, as in the scan's output.
std::string ScalarText(dom::element value) {
  switch (value.type()) {
    case dom::element_type::STRING:
      return std::string(std::string_view(value));
    case dom::element_type::NULL_VALUE:
      return "";
    default:
      return simdjson::minify(value);
  }
}

absl::StatusOr<FlaggedHit> ParseHit(dom::element element) {
  dom::object hit;
  if (element.get(hit) != simdjson::SUCCESS) return Invalid("a hit is not an object");
  FlaggedHit out;
  std::string_view text;
  if (hit["rule"].get(text) != simdjson::SUCCESS) return Invalid("a hit has no \"rule\"");
  out.rule = text;
  if (hit["category"].get(text) == simdjson::SUCCESS) out.category = text;
  if (hit["severity"].get(text) == simdjson::SUCCESS) out.severity = text;
  if (hit["field"].get(text) == simdjson::SUCCESS) out.field = text;
  if (hit["match"].get(text) == simdjson::SUCCESS) out.match = text;
  if (hit["evasion"].get(text) == simdjson::SUCCESS) out.evasion = text;
  dom::object contact;
  if (hit["contact"].get(contact) == simdjson::SUCCESS) {
    std::string_view kind, value;
    if (contact["kind"].get(kind) == simdjson::SUCCESS &&
        contact["value"].get(value) == simdjson::SUCCESS) {
      out.contact = std::string(kind) + " " + std::string(value);
    }
  }
  uint64_t number = 0;
  if (hit["start"].get(number) == simdjson::SUCCESS) out.start = static_cast<uint32_t>(number);
  if (hit["end"].get(number) == simdjson::SUCCESS) out.end = static_cast<uint32_t>(number);
  return out;
}

}  // namespace

const std::string* FlaggedListing::Field(std::string_view path) const {
  for (const auto& [key, value] : fields) {
    if (key == path) return &value;
  }
  return nullptr;
}

absl::StatusOr<FlaggedListing> ParseFlaggedListing(std::string_view line) {
  thread_local dom::parser parser;
  dom::element root;
  if (auto error = parser.parse(line.data(), line.size()).get(root); error) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid JSON: ", simdjson::error_message(error)));
  }
  dom::object object;
  if (root.get(object) != simdjson::SUCCESS) return Invalid("not a JSON object");
  FlaggedListing listing;
  dom::element id;
  if (object["id"].get(id) != simdjson::SUCCESS) return Invalid("no \"id\"");
  listing.id = ScalarText(id);
  dom::object source;
  if (object["source"].get(source) == simdjson::SUCCESS) {
    std::string_view file;
    if (source["file"].get(file) == simdjson::SUCCESS) listing.file = file;
    uint64_t line_number = 0;
    if (source["line"].get(line_number) == simdjson::SUCCESS) listing.line = line_number;
  }
  dom::array hits;
  if (object["hits"].get(hits) != simdjson::SUCCESS) return Invalid("no \"hits\" array");
  for (dom::element element : hits) {
    absl::StatusOr<FlaggedHit> hit = ParseHit(element);
    if (!hit.ok()) return hit.status();
    listing.hits.push_back(std::move(*hit));
  }
  if (listing.hits.empty()) return Invalid("no hits");
  dom::object fields;
  if (object["fields"].get(fields) == simdjson::SUCCESS) {
    for (auto [key, value] : fields) listing.fields.emplace_back(key, ScalarText(value));
  }
  return listing;
}

}  // namespace listscan::report
