// Peer: RE2::Set of the keywords (quoted literals, caseless), matched against each line.
// Usage: re2_set_scan KEYWORDS CORPUS.jsonl
#include <re2/re2.h>
#include <re2/set.h>

#include "peer_common.h"

int main(int argc, char** argv) {
  using namespace listscan::bench;
  if (argc != 3) Die("usage: re2_set_scan KEYWORDS CORPUS");
  const Stopwatch compile_clock;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(int64_t{2} << 30);  // RE2 gives most of this to the DFA cache
  RE2::Set set(options, RE2::UNANCHORED);
  for (const std::string& keyword : ReadKeywords(argv[1])) {
    std::string error;
    if (set.Add(RE2::QuoteMeta(keyword), &error) < 0) Die("re2: " + keyword + ": " + error);
  }
  if (!set.Compile()) Die("re2: compile failed (out of memory?)");
  const double compile_seconds = compile_clock.Seconds();

  const Stopwatch scan_clock;
  ChunkReader reader(argv[2]);
  uint64_t matched = 0;
  uint64_t failures = 0;
  const uint64_t lines = reader.ForEachLine([&](std::string_view line, const char*) {
    RE2::Set::ErrorInfo error;
    if (set.Match(line, nullptr, &error)) {
      ++matched;
    } else if (error.kind != RE2::Set::kNoError) {
      ++failures;
    }
  });
  Report("re2_set_scan", matched, lines, reader.bytes_read(), compile_seconds,
         scan_clock.Seconds());
  if (failures > 0)
    Die("re2: " + std::to_string(failures) + " lines failed to match (DFA out of memory)");
  return 0;
}
