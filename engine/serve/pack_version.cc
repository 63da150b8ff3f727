// PackVersion: the rule files' content, hashed.
#include "serve/pack_version.h"

#include <xxhash.h>

#include <fstream>
#include <iterator>
#include <set>

#include "absl/strings/str_format.h"

namespace listscan::serve {

std::string PackVersion(const RuleSet& rules) {
  std::set<std::string> files;
  for (const Rule& rule : rules.rules) files.insert(rule.file);
  for (const NegationCues& cues : rules.negations) files.insert(cues.file);
  // The files of the common words, not the words (a pack read from the cache has none left).
  files.insert(rules.referenced_files.begin(), rules.referenced_files.end());
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const std::string& file : files) {
    XXH3_64bits_update(state, file.data(), file.size() + 1);  // with its NUL: a separator
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    XXH3_64bits_update(state, bytes.data(), bytes.size());
  }
  const XXH64_hash_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return absl::StrFormat("%016x", hash);
}

}  // namespace listscan::serve
