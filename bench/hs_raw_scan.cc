// Upper bound on pure matching: Hyperscan over the file's raw bytes in 16 MB blocks, with no
// parsing or folding. The keywords are caseless literals (hs_compile_lit_multi).
// Usage: hs_raw_scan [--single-match] KEYWORDS CORPUS.jsonl
//   default: matched lines are counted (matches are rare, so the callback costs nothing);
//   --single-match: HS_FLAG_SINGLEMATCH, and each keyword counts once per block instead.
#include <hs/hs.h>

#include "peer_common.h"

namespace {

struct BlockState {
  const char* data = nullptr;
  size_t size = 0;
  size_t counted_until = 0;  // end of the last line already counted
  uint64_t matched = 0;
  bool single_match = false;
};

int OnMatch(unsigned int, unsigned long long, unsigned long long to, unsigned int, void* context) {
  auto* state = static_cast<BlockState*>(context);
  if (state->single_match) {
    ++state->matched;
    return 0;
  }
  // Hyperscan reports matches in order of end offset, and no keyword spans a newline.
  if (to <= state->counted_until && state->matched > 0) return 0;
  const void* newline = std::memchr(state->data + to, '\n', state->size - to);
  state->counted_until =
      newline == nullptr ? state->size : static_cast<const char*>(newline) - state->data;
  ++state->matched;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace listscan::bench;
  const bool single_match = argc == 4 && std::string_view(argv[1]) == "--single-match";
  if (argc != 3 && !single_match) Die("usage: hs_raw_scan [--single-match] KEYWORDS CORPUS");
  const char* keyword_path = argv[argc - 2];
  const char* corpus_path = argv[argc - 1];

  const Stopwatch compile_clock;
  const std::vector<std::string> keywords = ReadKeywords(keyword_path);
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (const std::string& keyword : keywords) {
    expressions.push_back(keyword.data());
    lengths.push_back(keyword.size());
    flags.push_back(HS_FLAG_CASELESS | (single_match ? HS_FLAG_SINGLEMATCH : 0));
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                           &database, &error) != HS_SUCCESS) {
    const std::string message = error->message;
    const int index = error->expression;
    hs_free_compile_error(error);
    Die("hyperscan: keyword " + std::to_string(index) + ": " + message);
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(database, &scratch) != HS_SUCCESS) Die("hyperscan: cannot allocate scratch");
  const double compile_seconds = compile_clock.Seconds();

  const Stopwatch scan_clock;
  ChunkReader reader(corpus_path);
  uint64_t matched = 0;
  uint64_t lines = 0;
  for (std::string_view chunk; reader.Next(&chunk);) {
    BlockState state{chunk.data(), chunk.size(), 0, 0, single_match};
    if (hs_scan(database, chunk.data(), static_cast<unsigned>(chunk.size()), 0, scratch, OnMatch,
                &state) != HS_SUCCESS) {
      Die("hyperscan: scan failed");
    }
    matched += state.matched;
    // Counting lines costs a pass over memory; it is part of what every other peer does too.
    for (const char* p = chunk.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', chunk.data() + chunk.size() - p))) !=
         nullptr;
         ++p) {
      ++lines;
    }
  }
  Report(single_match ? "hs_raw_scan(single-match: matches, not lines)" : "hs_raw_scan", matched,
         lines, reader.bytes_read(), compile_seconds, scan_clock.Seconds());
  hs_free_scratch(scratch);
  hs_free_database(database);
  return 0;
}
