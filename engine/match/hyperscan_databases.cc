// Compiling Hyperscan databases and keeping them in the on-disk cache.
#include "match/hyperscan_databases.h"

#include <hs/hs.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "match/cache_pruning.h"
#include "match/thread_handoff.h"

namespace listscan {
namespace {

// MULTILINE: fields are laid end to end with '\n' between them, so ^ and $ hold at the start and
// end of every field (and of every line in it), wherever the field lies in the scanned buffer.
constexpr unsigned kPresenceFlags = HS_FLAG_CASELESS | HS_FLAG_MULTILINE;
// Start-of-match costs up to eight times the scan time on patterns such as e-mail addresses.
constexpr unsigned kRegexFlags = kPresenceFlags | HS_FLAG_SOM_LEFTMOST;
constexpr char kCacheMagic[8] = {'L', 'S', 'C', 'A', 'C', 'H', 'E', '4'};

int TermLine(const Pattern& pattern, const RuleSet& rules) {
  const TermRef& ref = pattern.refs.front();
  const Rule& rule = rules.rules[ref.rule];
  switch (ref.clause) {
    case Clause::kAny: return rule.any[ref.term].line;
    case Clause::kAll: return rule.all[ref.term].line;
    case Clause::kNone: return rule.none[ref.term].line;
    case Clause::kException: return rule.exceptions[ref.term].line;
    case Clause::kNearA:
    case Clause::kNearB: return rule.near[ref.term].line;
  }
  return rule.line;
}

absl::Status HyperscanError(const std::string& what, hs_error_t code, hs_compile_error_t* error) {
  std::string message = error && error->message ? error->message : absl::StrCat("error ", code);
  if (error) hs_free_compile_error(error);
  return absl::InternalError(absl::StrCat("Hyperscan ", what, ": ", message));
}

absl::Status CompileLiterals(const PatternTable& table, hs_database_t** out) {
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (uint32_t i = 0; i < table.literal_ids().size(); ++i) {
    const Pattern& pattern = table.patterns()[table.literal_ids()[i]];
    expressions.push_back(pattern.expression.data());
    lengths.push_back(pattern.expression.size());
    flags.push_back(0);  // text and keywords are both folded to lower case already
    ids.push_back(i);
  }
  hs_compile_error_t* error = nullptr;
  hs_error_t code = hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(),
                                         lengths.data(), expressions.size(), HS_MODE_BLOCK,
                                         nullptr, out, &error);
  if (code != HS_SUCCESS) return HyperscanError("keyword compile", code, error);
  return absl::OkStatus();
}

absl::Status CompileRegexes(const PatternTable& table, std::span<const uint32_t> regex_ids,
                            unsigned regex_flags, const RuleSet& rules, hs_database_t** out) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags, ids;
  for (uint32_t i = 0; i < regex_ids.size(); ++i) {
    expressions.push_back(table.patterns()[regex_ids[i]].expression.c_str());
    flags.push_back(regex_flags);
    ids.push_back(i);
  }
  hs_compile_error_t* error = nullptr;
  hs_error_t code = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                     expressions.size(), HS_MODE_BLOCK, nullptr, out, &error);
  if (code == HS_SUCCESS) return absl::OkStatus();
  if (error && error->expression >= 0 && static_cast<size_t>(error->expression) < regex_ids.size()) {
    const Pattern& pattern = table.patterns()[regex_ids[error->expression]];
    const Rule& rule = rules.rules[pattern.refs.front().rule];
    const std::string message = absl::StrCat(rule.file, ":", TermLine(pattern, rules), ": ",
                                             rule.id, ": regex /", pattern.expression,
                                             "/: Hyperscan: ", error->message);
    hs_free_compile_error(error);
    return absl::InvalidArgumentError(message);
  }
  return HyperscanError("regex compile", code, error);
}

std::filesystem::path CachePath(const std::string& dir, const std::string& key) {
  return std::filesystem::path(dir) / absl::StrCat(key, ".hsdb");
}

void AppendBlob(std::string* out, const char* bytes, size_t length) {
  const uint64_t size = length;
  out->append(reinterpret_cast<const char*>(&size), sizeof(size));
  out->append(bytes, length);
}

absl::Status SerializeInto(hs_database_t* db, std::string* out) {
  if (!db) {
    AppendBlob(out, nullptr, 0);
    return absl::OkStatus();
  }
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) {
    return absl::InternalError("Hyperscan could not serialize a database");
  }
  AppendBlob(out, bytes, length);
  free(bytes);
  return absl::OkStatus();
}

// Reads one length-prefixed blob at `*offset`; an empty blob is a null database.
bool ReadBlob(std::string_view data, size_t* offset, std::string_view* blob) {
  uint64_t size = 0;
  if (data.size() - *offset < sizeof(size)) return false;
  memcpy(&size, data.data() + *offset, sizeof(size));
  *offset += sizeof(size);
  if (data.size() - *offset < size) return false;
  *blob = data.substr(*offset, size);
  *offset += size;
  return true;
}

bool DeserializeFrom(std::string_view data, size_t* offset, hs_database_t** db) {
  std::string_view blob;
  return ReadBlob(data, offset, &blob) &&
         (blob.empty() || hs_deserialize_database(blob.data(), blob.size(), db) == HS_SUCCESS);
}

constexpr size_t kHugePage = size_t{2} << 20;

void* AllocateDatabase(size_t size) {
  if (size < kHugePage) return malloc(size);
  const size_t rounded = (size + kHugePage - 1) & ~(kHugePage - 1);
  void* memory = aligned_alloc(kHugePage, rounded);
  if (memory) (void)madvise(memory, rounded, MADV_HUGEPAGE);  // only a hint
  return memory;
}

}  // namespace

void UseHugePagesForDatabases() {
  static const bool done = hs_set_database_allocator(AllocateDatabase, free) == HS_SUCCESS;
  (void)done;
}

HyperscanDatabases::~HyperscanDatabases() {
  for (hs_database_t* db : {literal, regex_presence}) {
    if (db) hs_free_database(db);
  }
  if (span_block) return;  // the block owns them
  for (hs_database_t* db : regex_spans) {
    if (db) hs_free_database(db);
  }
}

bool PlaceSpanDatabases(const std::vector<std::string_view>& serialized, HyperscanDatabases* out) {
  constexpr size_t kAlign = 64;  // Hyperscan needs 8; a cache line keeps them apart
  std::vector<size_t> offsets;
  size_t total = 0;
  for (std::string_view bytes : serialized) {
    size_t size = 0;
    if (bytes.empty() ||
        hs_serialized_database_size(bytes.data(), bytes.size(), &size) != HS_SUCCESS) {
      return false;
    }
    offsets.push_back(total);
    total += (size + kAlign - 1) & ~(kAlign - 1);
  }
  out->regex_spans.assign(serialized.size(), nullptr);
  if (serialized.empty()) return true;
  out->span_block.reset(AllocateDatabase(total));
  if (!out->span_block) return false;
  char* block = static_cast<char*>(out->span_block.get());
  for (size_t i = 0; i < serialized.size(); ++i) {
    auto* db = reinterpret_cast<hs_database_t*>(block + offsets[i]);
    if (hs_deserialize_database_at(serialized[i].data(), serialized[i].size(), db) != HS_SUCCESS) {
      return false;
    }
    out->regex_spans[i] = db;
  }
  return true;
}

std::vector<hs_database_t*> HyperscanDatabases::all() const {
  std::vector<hs_database_t*> dbs;
  for (hs_database_t* db : {literal, regex_presence}) {
    if (db) dbs.push_back(db);
  }
  for (hs_database_t* db : regex_spans) {
    if (db) dbs.push_back(db);
  }
  return dbs;
}

size_t HyperscanDatabases::total_bytes() const {
  size_t total = 0;
  for (hs_database_t* db : all()) {
    size_t size = 0;
    if (hs_database_size(db, &size) == HS_SUCCESS) total += size;
  }
  return total;
}

void FindRegexProblems(const PatternTable& table, const RuleSet& rules,
                       std::vector<RuleProblem>* problems) {
  for (uint32_t id : table.regex_ids()) {
    const Pattern& pattern = table.patterns()[id];
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    const Rule& rule = rules.rules[pattern.refs.front().rule];
    const std::string what = absl::StrCat("regex /", pattern.expression, "/: ");
    const int line = TermLine(pattern, rules);
    if (hs_expression_info(pattern.expression.c_str(), kRegexFlags, &info, &error) != HS_SUCCESS) {
      problems->push_back({rule.file, line, rule.id,
                           absl::StrCat(what, "Hyperscan: ", error ? error->message : "invalid")});
      if (error) hs_free_compile_error(error);
      continue;
    }
    if (info->min_width == 0) {
      problems->push_back({rule.file, line, rule.id, absl::StrCat(what, "matches the empty string")});
    }
    free(info);
  }
}

absl::Status ValidateRegexes(const PatternTable& table, const RuleSet& rules) {
  std::vector<RuleProblem> problems;
  FindRegexProblems(table, rules, &problems);
  if (problems.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrJoin(problems, "\n", [](std::string* out, const RuleProblem& problem) {
        out->append(problem.ToString());
      }));
}

absl::Status CompileDatabases(const PatternTable& table, const RuleSet& rules,
                              HyperscanDatabases* out) {
  // Every database compiles on its own task (Hyperscan's compiler is single-threaded and
  // reentrant); the two large ones come first, so that the small ones fill in around them. The
  // first error in the order keywords, regexes, required regexes is the one reported.
  const std::vector<uint32_t>& regexes = table.regex_ids();
  out->regex_spans.assign(regexes.size(), nullptr);
  std::vector<absl::Status> statuses(regexes.size() + 2);
  absl::Status& literal = statuses[regexes.size()];
  absl::Status& presence = statuses[regexes.size() + 1];
  ForEachInParallel(regexes.size() + 2, [&](size_t task) {
    if (task == 0) {
      if (!table.required_regex_ids().empty()) {
        presence = CompileRegexes(table, table.required_regex_ids(), kPresenceFlags, rules,
                                  &out->regex_presence);
      }
    } else if (task == 1) {
      if (!table.literal_ids().empty()) literal = CompileLiterals(table, &out->literal);
    } else {
      const size_t regex = task - 2;
      statuses[regex] = CompileRegexes(table, std::span(regexes).subspan(regex, 1), kRegexFlags,
                                       rules, &out->regex_spans[regex]);
    }
  });
  if (!literal.ok()) return literal;
  for (const absl::Status& status : statuses) {
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

std::string DatabaseCacheKey(const PatternTable& patterns) {
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  const std::string header = absl::StrCat("listscan ", LISTSCAN_VERSION, "\nhyperscan ",
                                          hs_version(), "\ntune ", platform.tune, " features ",
                                          platform.cpu_features, "\n");
  XXH3_128bits_update(state, header.data(), header.size());
  const std::string fingerprint = patterns.Fingerprint();
  XXH3_128bits_update(state, fingerprint.data(), fingerprint.size());
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return absl::StrFormat("%016x%016x", hash.high64, hash.low64);
}

absl::Status LoadCachedDatabases(const std::string& cache_dir, const std::string& key,
                                 HyperscanDatabases* out) {
  const std::filesystem::path path = CachePath(cache_dir, key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("not cached");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();
  if (data.size() < sizeof(kCacheMagic) || memcmp(data.data(), kCacheMagic, sizeof(kCacheMagic))) {
    return absl::NotFoundError("not a cache file");
  }
  size_t offset = sizeof(kCacheMagic);
  uint64_t span_count = 0;
  bool usable = DeserializeFrom(data, &offset, &out->literal) &&
                DeserializeFrom(data, &offset, &out->regex_presence) &&
                data.size() - offset >= sizeof(span_count);
  if (usable) {
    memcpy(&span_count, data.data() + offset, sizeof(span_count));
    offset += sizeof(span_count);
    usable = span_count <= data.size();  // each database takes at least its length prefix
  }
  std::vector<std::string_view> spans(usable ? span_count : 0);
  for (std::string_view& blob : spans) usable = usable && ReadBlob(data, &offset, &blob);
  usable = usable && PlaceSpanDatabases(spans, out);
  if (!usable || offset != data.size()) return absl::NotFoundError("unusable cache file");
  TouchCacheFile(path.string());
  return absl::OkStatus();
}

absl::Status StoreCachedDatabases(const std::string& cache_dir, const std::string& key,
                                  const HyperscanDatabases& databases) {
  std::string data(kCacheMagic, sizeof(kCacheMagic));
  if (auto status = SerializeInto(databases.literal, &data); !status.ok()) return status;
  if (auto status = SerializeInto(databases.regex_presence, &data); !status.ok()) return status;
  const uint64_t span_count = databases.regex_spans.size();
  data.append(reinterpret_cast<const char*>(&span_count), sizeof(span_count));
  for (hs_database_t* db : databases.regex_spans) {
    if (auto status = SerializeInto(db, &data); !status.ok()) return status;
  }
  std::error_code error;
  std::filesystem::create_directories(cache_dir, error);
  if (error) return absl::UnavailableError(absl::StrCat(cache_dir, ": ", error.message()));
  const auto final_path = CachePath(cache_dir, key);
  const auto temp_path = absl::StrCat(final_path.string(), ".tmp.", getpid());
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), data.size());
    out.close();
    if (!out) {
      std::filesystem::remove(temp_path, error);
      return absl::UnavailableError(absl::StrCat(temp_path, ": write failed"));
    }
  }
  std::filesystem::rename(temp_path, final_path, error);
  if (error) return absl::UnavailableError(absl::StrCat(final_path.string(), ": ", error.message()));
  PruneCacheFiles(cache_dir, ".hsdb", kCacheBudgetBytes);
  return absl::OkStatus();
}

}  // namespace listscan
