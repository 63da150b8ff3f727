// Formatting flagged listings and rejected records as JSON Lines.
#include "output/record_formats.h"

#include "absl/strings/str_cat.h"
#include "normalize/folded_text.h"
#include "output/contact.h"
#include "output/json_text.h"

namespace listscan {

void AppendHits(std::string* out, const Listing& listing, const std::vector<Hit>& hits,
                const RuleSet& rules, std::string_view country) {
  out->push_back('[');
  for (size_t i = 0; i < hits.size(); ++i) {
    const Hit& hit = hits[i];
    const Rule& rule = rules.rules[hit.rule];
    const std::string& text = listing.fields[hit.field].text;
    out->append(i == 0 ? "{\"rule\":" : ",{\"rule\":");
    AppendJsonString(out, rule.id);
    out->append(",\"category\":");
    AppendJsonString(out, CategoryName(rule.category));
    out->append(",\"severity\":");
    AppendJsonString(out, SeverityName(rule.severity));
    out->append(",\"field\":");
    AppendJsonString(out, listing.fields[hit.field].name);
    absl::StrAppend(out, ",\"start\":", hit.start, ",\"end\":", hit.end, ",\"match\":");
    AppendJsonString(out, std::string_view(text).substr(hit.start, hit.end - hit.start));
    out->append(",\"evasion\":");
    const std::string_view evasion = EvasionName(hit.evasions);
    if (evasion.empty()) {
      out->append("null");
    } else {
      AppendJsonString(out, evasion);
    }
    if (rule.category == Category::kHiddenLinks) {
      const std::string_view match = std::string_view(text).substr(hit.start, hit.end - hit.start);
      if (std::optional<Contact> contact = ExtractContact(match, country)) {
        out->append(",\"contact\":{\"kind\":");
        AppendJsonString(out, contact->kind);
        out->append(",\"value\":");
        AppendJsonString(out, contact->value);
        out->push_back('}');
      }
    }
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendFlaggedListing(std::string* out, const Listing& listing, const std::string& file,
                          uint64_t line, const std::vector<Hit>& hits, const RuleSet& rules,
                          const std::vector<std::string>& with_fields, std::string_view country) {
  out->append("{\"id\":");
  AppendJsonString(out, listing.id);
  out->append(",\"source\":{\"file\":");
  AppendJsonString(out, file);
  absl::StrAppend(out, ",\"line\":", line, "},\"hits\":");
  AppendHits(out, listing, hits, rules, country);
  if (!with_fields.empty()) {
    out->append(",\"fields\":{");
    bool first = true;
    for (const std::string& path : with_fields) {
      const std::string* value = listing.FindMetadata(path);
      if (value == nullptr) continue;
      if (!first) out->push_back(',');
      first = false;
      AppendJsonString(out, path);
      out->push_back(':');
      AppendJsonString(out, *value);
    }
    out->push_back('}');
  }
  out->append("}\n");
}

std::string RecordHead(std::string_view record, size_t limit) {
  if (record.size() <= limit) return std::string(record);
  size_t cut = limit;
  // Step back over continuation bytes so a multi-byte character is not split.
  while (cut > 0 && (static_cast<unsigned char>(record[cut]) & 0xC0) == 0x80) --cut;
  return std::string(record.substr(0, cut));
}

void AppendRejectedRecord(std::string* out, const std::string& file, const RejectedRecord& reject) {
  out->append("{\"file\":");
  AppendJsonString(out, file);
  absl::StrAppend(out, ",\"line\":", reject.line, ",\"reason\":");
  AppendJsonString(out, reject.reason);
  out->append(",\"head\":");
  AppendJsonString(out, reject.head);
  out->append("}\n");
}

}  // namespace listscan
