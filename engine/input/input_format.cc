// Format detection by extension and by content.
#include "input/input_format.h"

#include <string>

namespace listscan {

InputFormat FormatFromName(std::string_view name, char* delimiter) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view rest = lower;
  for (std::string_view suffix : {".gz", ".gzip", ".zst", ".zstd"}) {
    if (rest.ends_with(suffix)) {
      rest.remove_suffix(suffix.size());
      break;
    }
  }
  for (std::string_view suffix : {".jsonl", ".ndjson", ".json"}) {
    if (rest.ends_with(suffix)) return InputFormat::kJsonLines;
  }
  if (rest.ends_with(".csv")) return InputFormat::kCsv;
  if (rest.ends_with(".tsv")) {
    *delimiter = '\t';
    return InputFormat::kCsv;
  }
  return InputFormat::kAuto;
}

std::optional<InputFormat> FormatFromContent(std::string_view start, bool at_end) {
  const size_t first = start.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    if (!at_end) return std::nullopt;
    return InputFormat::kCsv;
  }
  return start[first] == '{' ? InputFormat::kJsonLines : InputFormat::kCsv;
}

}  // namespace listscan
