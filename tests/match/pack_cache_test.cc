// The whole-pack cache: an unchanged pack is read back without loading its YAML; a change to any
// pack file, to a word list it names, or to the options rebuilds it; a corrupt entry is rebuilt.
#include "match/pack_cache.h"

#include <filesystem>
#include <fstream>

#include "pack_fixture.h"

namespace listscan::testing {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

struct CacheFixture {
  CacheFixture() {
    fs::remove_all(root);
    fs::create_directories(root / "pack");
    Write(root / "pack" / "rules.yaml", OneRule("    keywords: [tramadol]\n"));
    Write(root / "pack" / "words.yaml", "common_words: {file: words.txt}\n");
    Write(root / "pack" / "words.txt", "# ordinary words\ntramadal\n");
  }
  ~CacheFixture() { fs::remove_all(root); }

  // Loads through the cache; `loads` counts the times the YAML had to be read.
  std::shared_ptr<const CompiledPack> Load(const std::string& variant = "") {
    PackSources sources{{(root / "pack").string()}, "", variant};
    auto pack = LoadPackThroughCache(sources, (root / "cache").string(), [&] {
      ++loads;
      return LoadRulePacks({(root / "pack").string()});
    });
    INFO(pack.status().message());
    REQUIRE(pack.ok());
    return *pack;
  }

  size_t CacheFiles() const {
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(root / "cache")) {
      count += entry.path().extension() == ".pack";
    }
    return count;
  }

  const fs::path root =
      fs::temp_directory_path() / ("listscan-pack-cache-" + std::to_string(::getpid()));
  int loads = 0;
};

TEST_CASE("an unchanged pack is read from the cache without its YAML", "[match][pack_cache]") {
  CacheFixture cache;
  auto first = cache.Load();
  CHECK(cache.loads == 1);
  CHECK_FALSE(first->stats().from_cache);
  auto second = cache.Load();
  CHECK(cache.loads == 1);
  CHECK(second->stats().from_cache);
  // The common words are not kept (the misspelling index holds them), the file they came from is.
  CHECK(first->rules().common_words == Strings{"tramadal"});
  CHECK(second->rules().common_words.empty());
  CHECK(second->rules().referenced_files == first->rules().referenced_files);
  CHECK(ScanTitle(second, "tramadoll 40mcg") ==
        Strings{"t.rule title 0 9 tramadoll evasion"});
  CHECK(ScanTitle(second, "tramadal 40mcg").empty());  // a common word, not a misspelling
  // (keywords under ten letters: a word one edit from a longer one is its foreign spelling)
  CHECK(ScanTitle(second, "Tramadol") == ScanTitle(first, "Tramadol"));
  CHECK(cache.CacheFiles() == 1);
}

TEST_CASE("a changed pack file, word list or option rebuilds the pack", "[match][pack_cache]") {
  CacheFixture cache;
  cache.Load();
  Write(cache.root / "pack" / "words.txt", "tramadolo\n");
  auto words_changed = cache.Load();
  CHECK(cache.loads == 2);
  CHECK(ScanTitle(words_changed, "tramadolo 40mcg").empty());
  CHECK(ScanTitle(words_changed, "tramadal 40mcg") ==
        Strings{"t.rule title 0 8 tramadal evasion"});

  Write(cache.root / "pack" / "rules.yaml", OneRule("    keywords: [dmaa]\n"));
  auto rules_changed = cache.Load();
  CHECK(cache.loads == 3);
  CHECK(ScanTitle(rules_changed, "DMAA") == Strings{"t.rule title 0 4 DMAA"});

  Write(cache.root / "pack" / "more.yml", OneRule("    keywords: [dnp]\n", "t.more"));
  auto file_added = cache.Load();
  CHECK(cache.loads == 4);
  CHECK(file_added->rules().rules.size() == 2);

  cache.Load("no-fuzzy");
  CHECK(cache.loads == 5);
  cache.Load("no-fuzzy");
  cache.Load();
  CHECK(cache.loads == 5);
  // One entry per set of sources and options, replaced when the pack changes.
  CHECK(cache.CacheFiles() == 2);
}

TEST_CASE("a corrupt or truncated cache entry is rebuilt", "[match][pack_cache]") {
  CacheFixture cache;
  cache.Load();
  for (const size_t keep : {size_t{0}, size_t{20}, size_t{5000}}) {
    for (const auto& entry : fs::directory_iterator(cache.root / "cache")) {
      if (entry.path().extension() == ".pack") fs::resize_file(entry.path(), keep);
    }
    const int before = cache.loads;
    auto pack = cache.Load();
    CHECK(cache.loads == before + 1);
    CHECK(ScanTitle(pack, "Tramadol") == Strings{"t.rule title 0 8 Tramadol"});
    cache.Load();
    CHECK(cache.loads == before + 1);
  }
  for (const auto& entry : fs::directory_iterator(cache.root / "cache")) {
    if (entry.path().extension() != ".pack") continue;
    std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
    const auto middle = static_cast<std::streamoff>(fs::file_size(entry.path()) / 2);
    file.seekg(middle);
    const char byte = static_cast<char>(file.get());
    file.seekp(middle);
    file.put(static_cast<char>(byte ^ 0xff));
  }
  const int before = cache.loads;
  cache.Load();
  CHECK(cache.loads == before + 1);
}

}  // namespace
}  // namespace listscan::testing
