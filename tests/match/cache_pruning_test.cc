// The cache folder keeps the most recently used files within its budget.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "match/cache_pruning.h"

namespace listscan {
namespace {

namespace fs = std::filesystem;

struct CacheDir {
  fs::path path = fs::temp_directory_path() /
                  ("listscan-prune-" + std::to_string(::getpid()) + "-" +
                   std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  CacheDir() { fs::create_directories(path); }
  ~CacheDir() { fs::remove_all(path); }
  // A file of `bytes` bytes last used `age_seconds` ago.
  void Add(const std::string& name, size_t bytes, int age_seconds) const {
    std::ofstream(path / name, std::ios::binary) << std::string(bytes, 'x');
    fs::last_write_time(path / name,
                        fs::file_time_type::clock::now() - std::chrono::seconds(age_seconds));
  }
  bool Has(const std::string& name) const { return fs::exists(path / name); }
};

TEST_CASE("cache files beyond the budget go, least recently used first", "[match][cache]") {
  CacheDir dir;
  dir.Add("new.hsdb", 400, 10);
  dir.Add("mid.hsdb", 400, 20);
  dir.Add("old.hsdb", 400, 30);
  dir.Add("older.hsdb", 100, 40);
  dir.Add("slot.pack", 5000, 50);  // another kind: not counted, not removed
  CHECK(PruneCacheFiles(dir.path.string(), ".hsdb", 1000) == 2);
  CHECK(dir.Has("new.hsdb"));
  CHECK(dir.Has("mid.hsdb"));
  CHECK_FALSE(dir.Has("old.hsdb"));
  CHECK_FALSE(dir.Has("older.hsdb"));
  CHECK(dir.Has("slot.pack"));
}

TEST_CASE("a cache file that was read is kept over newer unread ones", "[match][cache]") {
  CacheDir dir;
  dir.Add("a.hsdb", 600, 10);
  dir.Add("b.hsdb", 600, 100);
  TouchCacheFile((dir.path / "b.hsdb").string());
  CHECK(PruneCacheFiles(dir.path.string(), ".hsdb", 1000) == 1);
  CHECK(dir.Has("b.hsdb"));
  CHECK_FALSE(dir.Has("a.hsdb"));
}

TEST_CASE("the newest cache file stays even when it alone is over the budget", "[match][cache]") {
  CacheDir dir;
  dir.Add("big.pack", 5000, 1);
  CHECK(PruneCacheFiles(dir.path.string(), ".pack", 1000) == 0);
  CHECK(dir.Has("big.pack"));
  CHECK(PruneCacheFiles((dir.path / "missing").string(), ".pack", 1000) == 0);
}

}  // namespace
}  // namespace listscan
