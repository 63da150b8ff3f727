// Upper bound on parsing: simdjson On Demand over every line, visiting every string value (keys
// included), unescaped, with no matching. Usage: simdjson_parse CORPUS.jsonl
// For symmetry with the other peers it also accepts KEYWORDS CORPUS and ignores the keywords.
#include <simdjson.h>

#include "peer_common.h"

namespace {

using namespace simdjson;

struct Totals {
  uint64_t strings = 0;
  uint64_t string_bytes = 0;
};

error_code Visit(ondemand::value value, Totals* totals) {
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  switch (type) {
    case ondemand::json_type::object: {
      ondemand::object object;
      if (auto error = value.get_object().get(object)) return error;
      for (auto field : object) {
        std::string_view key;
        if (auto error = field.unescaped_key().get(key)) return error;
        totals->string_bytes += key.size();
        ondemand::value child;
        if (auto error = field.value().get(child)) return error;
        if (auto error = Visit(child, totals)) return error;
      }
      return SUCCESS;
    }
    case ondemand::json_type::array: {
      ondemand::array array;
      if (auto error = value.get_array().get(array)) return error;
      for (auto element : array) {
        ondemand::value child;
        if (auto error = element.get(child)) return error;
        if (auto error = Visit(child, totals)) return error;
      }
      return SUCCESS;
    }
    case ondemand::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return error;
      ++totals->strings;
      totals->string_bytes += text.size();
      return SUCCESS;
    }
    default:
      return SUCCESS;  // numbers, booleans, null: skipped by the iterator
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace listscan::bench;
  if (argc != 2 && argc != 3) Die("usage: simdjson_parse [KEYWORDS] CORPUS");
  ondemand::parser parser;
  Totals totals;
  uint64_t failures = 0;
  const Stopwatch scan_clock;
  ChunkReader reader(argv[argc - 1]);
  const uint64_t lines = reader.ForEachLine([&](std::string_view line, const char* readable_end) {
    if (line.empty()) return;
    ondemand::document document;
    const size_t capacity = static_cast<size_t>(readable_end - line.data());
    if (parser.iterate(line.data(), line.size(), capacity).get(document) != SUCCESS) {
      ++failures;
      return;
    }
    ondemand::object object;
    if (document.get_object().get(object) != SUCCESS) {
      ++failures;
      return;
    }
    for (auto field : object) {
      std::string_view key;
      ondemand::value child;
      if (field.unescaped_key().get(key) != SUCCESS || field.value().get(child) != SUCCESS ||
          Visit(child, &totals) != SUCCESS) {
        ++failures;
        return;
      }
      totals.string_bytes += key.size();
    }
  });
  // matched_lines is 0: this bound matches nothing; strings and their bytes keep the work honest.
  Report("simdjson_parse", 0, lines, reader.bytes_read(), 0.0, scan_clock.Seconds());
  std::fprintf(stderr, "simdjson_parse: strings=%llu string_bytes=%llu failures=%llu\n",
               static_cast<unsigned long long>(totals.strings),
               static_cast<unsigned long long>(totals.string_bytes),
               static_cast<unsigned long long>(failures));
  return failures > 0 ? 2 : 0;
}
