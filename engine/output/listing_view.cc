// Writing a flagged listing for a person to read.
#include "output/listing_view.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace listscan {
namespace {

// ripgrep's default colours: path magenta, line number green, match bold red.
constexpr char kPath[] = "\033[35m";
constexpr char kLine[] = "\033[32m";
constexpr char kMatch[] = "\033[1;31m";
constexpr char kRule[] = "\033[36m";
constexpr char kBold[] = "\033[1m";
constexpr char kReset[] = "\033[0m";

const char* SeverityColour(Severity severity) {
  switch (severity) {
    case Severity::kCritical: return "\033[1;31m";
    case Severity::kHigh: return "\033[31m";
    case Severity::kMedium: return "\033[33m";
    case Severity::kLow: return "\033[2m";
  }
  return "";
}

void Paint(std::string* out, bool color, const char* colour, std::string_view text) {
  if (color) {
    out->append(colour);
    out->append(text);
    out->append(kReset);
  } else {
    out->append(text);
  }
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Text of a field as one line: line breaks and tabs become spaces.
void AppendFlat(std::string* out, std::string_view text) {
  for (char c : text) out->push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
}

// One line of a field: the matches [start, end) of one rule (sorted, not overlapping), with
// context around them, cut at whole UTF-8 characters.
void AppendContext(std::string* out, const std::string& text,
                   const std::vector<std::pair<uint32_t, uint32_t>>& matches,
                   const ViewOptions& options) {
  size_t from = matches.front().first > options.context_bytes
                    ? matches.front().first - options.context_bytes
                    : 0;
  while (from > 0 && IsContinuationByte(text[from])) --from;
  size_t to = std::min(text.size(), static_cast<size_t>(matches.back().second) +
                                        options.context_bytes);
  while (to < text.size() && IsContinuationByte(text[to])) ++to;
  if (from > 0) out->append("…");
  size_t at = from;
  for (const auto& [start, end] : matches) {
    if (start < at) continue;  // overlaps the match before: already shown
    AppendFlat(out, std::string_view(text).substr(at, start - at));
    std::string word;
    AppendFlat(&word, std::string_view(text).substr(start, end - start));
    Paint(out, options.color, kMatch, word);
    at = end;
  }
  AppendFlat(out, std::string_view(text).substr(at, to - at));
  if (to < text.size()) out->append("…");
}

}  // namespace

void AppendListingView(std::string* out, const Listing& listing, const std::string& file,
                       uint64_t line, const std::vector<Hit>& hits, const RuleSet& rules,
                       const ViewOptions& options) {
  const bool color = options.color;
  Paint(out, color, kPath, file);
  out->push_back(':');
  Paint(out, color, kLine, absl::StrCat(line));
  out->append(": ");
  Paint(out, color, kBold, listing.id);
  out->push_back('\n');

  // Rules in the order of their first hit; under each, its fields in the order of their first hit.
  std::vector<uint32_t> rule_order;
  for (const Hit& hit : hits) {
    if (std::find(rule_order.begin(), rule_order.end(), hit.rule) == rule_order.end()) {
      rule_order.push_back(hit.rule);
    }
  }
  for (uint32_t r : rule_order) {
    const Rule& rule = rules.rules[r];
    out->append("  ");
    Paint(out, color, kRule, rule.id);
    out->append(" [");
    Paint(out, color, SeverityColour(rule.severity), SeverityName(rule.severity));
    out->append("] ");
    out->append(rule.title);
    out->push_back('\n');
    std::vector<uint32_t> field_order;
    for (const Hit& hit : hits) {
      if (hit.rule == r &&
          std::find(field_order.begin(), field_order.end(), hit.field) == field_order.end()) {
        field_order.push_back(hit.field);
      }
    }
    for (uint32_t f : field_order) {
      std::vector<std::pair<uint32_t, uint32_t>> matches;
      for (const Hit& hit : hits) {
        if (hit.rule == r && hit.field == f) matches.emplace_back(hit.start, hit.end);
      }
      std::sort(matches.begin(), matches.end());
      const TextField& field = listing.fields[f];
      // Matches far apart get a line each; near ones share one.
      size_t first = 0;
      for (size_t i = 1; i <= matches.size(); ++i) {
        if (i < matches.size() &&
            matches[i].first <= matches[i - 1].second + 2 * options.context_bytes) {
          continue;
        }
        out->append("    ");
        out->append(field.name);
        out->append(": ");
        AppendContext(out, field.text, {matches.begin() + first, matches.begin() + i}, options);
        out->push_back('\n');
        first = i;
      }
    }
  }
}

}  // namespace listscan
