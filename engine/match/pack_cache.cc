// The cache file: magic, the content key, the referenced files with their hashes, then the pack.
// It is memory-mapped: the tens of megabytes of Hyperscan databases are copied once, into
// Hyperscan's own memory, and the misspelling index's largest tables are used in place.
#include "match/pack_cache.h"

#include <fcntl.h>
#include <hs/hs.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "match/build_identity.h"
#include "match/byte_codec.h"
#include "match/cache_pruning.h"
#include "rules/rule_loader.h"

namespace listscan {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'L', 'S', 'P', 'C', 'A', 'C', 'H', 'E'};

// A read-only mapping of a whole file; empty when it cannot be mapped.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat info {};
    if (fstat(fd, &info) == 0 && info.st_size > 0) {
      void* data = mmap(nullptr, info.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (data != MAP_FAILED) {
        data_ = static_cast<const char*>(data);
        size_ = info.st_size;
      }
    }
    close(fd);
  }
  ~MappedFile() {
    if (data_) munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return data_ != nullptr; }
  std::string_view view() const { return {data_, size_}; }
  // Lets the kernel drop the pages from this process (they stay in the page cache): a pack that
  // reads its tables in place faults back in only the pages it looks up, and the rest (the
  // databases Hyperscan copied, the parts already decoded) no longer count in its memory.
  void DropResidentPages() const {
    if (data_) madvise(const_cast<char*>(data_), size_, MADV_DONTNEED);
  }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

absl::StatusOr<uint64_t> ContentHash(const std::string& path) {
  MappedFile file(path);
  if (file.ok()) return XXH3_64bits(file.view().data(), file.view().size());
  std::error_code error;
  if (fs::is_regular_file(path, error) && fs::file_size(path, error) == 0)
    return XXH3_64bits("", 0);
  return absl::NotFoundError(absl::StrCat(path, ": cannot read"));
}

std::string Hex128(XXH3_state_t* state) {
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  return absl::StrFormat("%016x%016x", hash.high64, hash.low64);
}

void Update(XXH3_state_t* state, std::string_view text) {
  const uint64_t size = text.size();
  XXH3_128bits_update(state, &size, sizeof(size));
  XXH3_128bits_update(state, text.data(), text.size());
}

// Which entry: the sources as absolute paths, and the variant.
std::string SlotName(const PackSources& sources) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  std::error_code error;
  for (const std::string& path : sources.rule_paths)
    Update(state, fs::absolute(path, error).string());
  Update(state, "--keywords");
  if (!sources.keywords_file.empty()) {
    Update(state, fs::absolute(sources.keywords_file, error).string());
  }
  Update(state, sources.variant);
  std::string name = Hex128(state);
  XXH3_freeState(state);
  return name + ".pack";
}

// Whether the entry is current: this build, this platform, the same content in every pack file.
absl::StatusOr<std::string> ContentKey(const PackSources& sources) {
  absl::StatusOr<std::vector<std::string>> files = ListRuleFiles(sources.rule_paths);
  if (!files.ok()) return files.status();
  if (!sources.keywords_file.empty()) files->push_back(sources.keywords_file);
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  Update(state, absl::StrCat("listscan ", BuildIdentity(), " hyperscan ", hs_version(), " tune ",
                             platform.tune, " features ", platform.cpu_features));
  Update(state, sources.variant);
  for (const std::string& file : *files) {
    absl::StatusOr<uint64_t> hash = ContentHash(file);
    if (!hash.ok()) {
      XXH3_freeState(state);
      return hash.status();
    }
    Update(state, file);
    XXH3_128bits_update(state, &*hash, sizeof(*hash));
  }
  std::string key = Hex128(state);
  XXH3_freeState(state);
  return key;
}

absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadEntry(const fs::path& path,
                                                              const std::string& key) {
  auto file = std::make_shared<const MappedFile>(path.string());
  if (!file->ok()) return absl::NotFoundError("no cache entry");
  const std::string_view bytes = file->view();
  if (bytes.size() < sizeof(kMagic) || memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return absl::NotFoundError("not a cache entry");
  }
  ByteReader in(bytes.substr(sizeof(kMagic)), /*borrow=*/true);
  if (in.GetView() != key || !in.ok()) return absl::NotFoundError("stale cache entry");
  const size_t referenced = in.GetCount(16);
  for (size_t i = 0; i < referenced && in.ok(); ++i) {
    const std::string referenced_file = in.GetString();
    const uint64_t stored = in.Get<uint64_t>();
    absl::StatusOr<uint64_t> hash = ContentHash(referenced_file);
    if (!in.ok() || !hash.ok() || *hash != stored) {
      return absl::NotFoundError("a referenced file changed");
    }
  }
  // Stored aligned (PutArray), so that the pack's own tables are aligned in the mapping.
  std::span<const char> pack;
  std::vector<char> unaligned;
  in.GetArray(&pack, &unaligned);
  if (!in.at_end()) return absl::NotFoundError("corrupt cache entry");
  if (pack.data() == nullptr)
    return DeserializePack(std::string_view(unaligned.data(), unaligned.size()));
  auto read = DeserializePack(std::string_view(pack.data(), pack.size()), file);
  if (read.ok()) file->DropResidentPages();
  return read;
}

absl::Status StoreEntry(const fs::path& path, const std::string& key, const CompiledPack& pack) {
  ByteWriter out;
  out.bytes().append(kMagic, sizeof(kMagic));
  out.PutString(key);
  const std::vector<std::string>& referenced = pack.rules().referenced_files;
  out.Put<uint64_t>(referenced.size());
  for (const std::string& file : referenced) {
    absl::StatusOr<uint64_t> hash = ContentHash(file);
    if (!hash.ok()) return hash.status();
    out.PutString(file);
    out.Put<uint64_t>(*hash);
  }
  absl::StatusOr<std::string> bytes = SerializePack(pack);
  if (!bytes.ok()) return bytes.status();
  out.PutArray(std::span<const char>(*bytes));

  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error)
    return absl::UnavailableError(absl::StrCat(path.parent_path().string(), ": ", error.message()));
  const std::string temp_path = absl::StrCat(path.string(), ".tmp.", getpid());
  {
    std::ofstream file(temp_path, std::ios::binary | std::ios::trunc);
    file.write(out.bytes().data(), out.bytes().size());
    file.close();
    if (!file) {
      fs::remove(temp_path, error);
      return absl::UnavailableError(absl::StrCat(temp_path, ": write failed"));
    }
  }
  fs::rename(temp_path, path, error);
  if (error) return absl::UnavailableError(absl::StrCat(path.string(), ": ", error.message()));
  PruneCacheFiles(path.parent_path().string(), ".pack", kCacheBudgetBytes);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::shared_ptr<const CompiledPack>> LoadPackThroughCache(
    const PackSources& sources, const std::string& cache_dir,
    const std::function<absl::StatusOr<RuleSet>()>& load_rules) {
  const fs::path path = fs::path(cache_dir) / SlotName(sources);
  absl::StatusOr<std::string> key = ContentKey(sources);
  if (key.ok()) {
    auto cached = LoadEntry(path, *key);
    if (cached.ok()) {
      TouchCacheFile(path.string());
      return cached;
    }
  }
  absl::StatusOr<RuleSet> rules = load_rules();
  if (!rules.ok()) return rules.status();
  auto pack = CompiledPack::Compile(std::move(*rules), CompileOptions{cache_dir});
  if (!pack.ok()) return pack.status();
  // Stored only if no pack file changed while it was read: the entry must hold what its key says.
  if (key.ok()) {
    absl::StatusOr<std::string> key_after = ContentKey(sources);
    if (key_after.ok() && *key_after == *key) (void)StoreEntry(path, *key, **pack);
  }
  return pack;
}

}  // namespace listscan
