// Planning parts: which files can be cut, and where their records start near each cut.
#include "input/input_parts.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "input/input_format.h"
#include "input/input_paths.h"
#include "input/record_end.h"

namespace listscan {
namespace {

constexpr size_t kChunk = 1 << 20;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Up to `size` bytes at `offset`; fewer only at the end of the file; nullopt on a read error.
std::optional<std::string> ReadAt(int fd, uint64_t offset, size_t size) {
  std::string bytes(size, '\0');
  size_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(fd, bytes.data() + done, size - done,
                                static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  bytes.resize(done);
  return bytes;
}

struct FileLayout {
  uint64_t size = 0;
  bool splittable = false;  // a regular, plain JSON Lines or CSV file
  uint64_t first_record = 0;  // after a byte order mark
  InputFormat format = InputFormat::kAuto;
  char delimiter = ',';
};

// How RecordReader will read `path`, as far as cutting it goes.
FileLayout Inspect(const std::string& path, const InputOptions& options) {
  FileLayout layout;
  struct stat info {};
  if (path == "-" || stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return layout;
  layout.size = static_cast<uint64_t>(info.st_size);
  Fd fd(path);
  if (fd.get() < 0) return layout;
  const std::optional<std::string> start = ReadAt(fd.get(), 0, 1 << 16);
  if (!start || start->size() < 2) return layout;
  const auto* b = reinterpret_cast<const unsigned char*>(start->data());
  if (b[0] == 0x1f && b[1] == 0x8b) return layout;  // gzip
  if (start->size() >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
    return layout;  // zstd
  }
  std::string_view text(*start);
  if (text.starts_with(kUtf8Bom)) {
    text.remove_prefix(kUtf8Bom.size());
    layout.first_record = kUtf8Bom.size();
  }
  // The same order of choices as RecordReader's format detection.
  layout.delimiter = options.delimiter;
  layout.format = options.format;
  if (layout.format == InputFormat::kAuto) layout.format = FormatFromName(path, &layout.delimiter);
  if (layout.format == InputFormat::kAuto) {
    const std::optional<InputFormat> by_content =
        FormatFromContent(text, start->size() == layout.size);
    if (!by_content) return layout;  // only whitespace so far: not worth cutting
    layout.format = *by_content;
  }
  layout.splittable = true;
  return layout;
}

struct RecordStart {
  uint64_t offset;
  uint64_t line;
};

// For each of `cuts` (ascending offsets in the file), the first record start at or after it and
// the line it is on, reading the file from the start as RecordReader cuts records. nullopt when
// the file cannot be read.
std::optional<std::vector<RecordStart>> FindRecordStarts(const std::string& path,
                                                         const FileLayout& layout,
                                                         const std::vector<uint64_t>& cuts) {
  Fd fd(path);
  if (fd.get() < 0) return std::nullopt;
  std::vector<RecordStart> starts;
  RecordEndFinder finder(layout.format == InputFormat::kCsv, layout.delimiter);
  uint64_t record = layout.first_record;
  uint64_t line = 1;
  uint64_t chunk_offset = record;
  std::string chunk;
  size_t pos = 0;  // in `chunk`: where the finder goes on
  size_t next_cut = 0;
  while (next_cut < cuts.size()) {
    while (next_cut < cuts.size() && cuts[next_cut] <= record) {
      starts.push_back({record, line});
      ++next_cut;
    }
    if (next_cut == cuts.size()) break;
    if (pos == chunk.size()) {
      chunk_offset += chunk.size();
      std::optional<std::string> read = ReadAt(fd.get(), chunk_offset, kChunk);
      if (!read) return std::nullopt;
      chunk = std::move(*read);
      pos = 0;
      if (chunk.empty()) {  // the last record runs to the end: the cuts after it are empty parts
        for (; next_cut < cuts.size(); ++next_cut) starts.push_back({layout.size, line});
        break;
      }
    }
    const size_t found = finder.Scan(std::string_view(chunk).substr(pos));
    if (found == RecordEndFinder::kNotFound) {
      pos = chunk.size();
      continue;
    }
    line += 1 + finder.newlines();
    finder.StartRecord();
    pos += found + 1;
    record = chunk_offset + pos;
  }
  return starts;
}

// Cuts `path` at `cuts` (ascending offsets inside the file, each tagged with the part it opens)
// and appends the non-empty parts with their tags. The file is whole when it cannot be cut.
void AppendParts(const std::string& path, const FileLayout& layout,
                 const std::vector<uint64_t>& cuts, const std::vector<unsigned>& tags,
                 std::vector<InputPart>* parts, std::vector<unsigned>* part_tags) {
  std::optional<std::vector<RecordStart>> starts;
  if (layout.splittable && !cuts.empty()) starts = FindRecordStarts(path, layout, cuts);
  if (!starts) {
    parts->push_back({.path = path});
    part_tags->push_back(tags.front());
    return;
  }
  RecordStart from{0, 1};
  for (size_t i = 0; i <= starts->size(); ++i) {
    const RecordStart to = i < starts->size() ? (*starts)[i] : RecordStart{layout.size, 0};
    if (to.offset > from.offset) {
      parts->push_back({.path = path,
                        .ranged = true,
                        .begin = from.offset,
                        .end = to.offset,
                        .first_line = from.line,
                        .format = layout.format,
                        .delimiter = layout.delimiter});
      part_tags->push_back(tags[i]);
      from = to;
    }
  }
}

absl::StatusOr<ExpandedInputs> ExpandFiles(const std::vector<std::string>& paths,
                                           const FolderWalk& walk) {
  ExpandedInputs inputs = ExpandInputs(paths, walk);
  for (const std::string& file : inputs.files) {
    if (file == "-") {
      return absl::InvalidArgumentError("standard input cannot be cut into parts: name files");
    }
  }
  return inputs;
}

}  // namespace

absl::StatusOr<PartPlan> SplitInputs(const std::vector<std::string>& paths,
                                     const InputOptions& options, uint64_t part_bytes) {
  absl::StatusOr<ExpandedInputs> inputs = ExpandFiles(paths, options.walk);
  if (!inputs.ok()) return inputs.status();
  part_bytes = std::max<uint64_t>(part_bytes, 1);
  PartPlan plan;
  plan.errors = std::move(inputs->errors);
  std::vector<unsigned> tags;
  for (const std::string& file : inputs->files) {
    const FileLayout layout = Inspect(file, options);
    std::vector<uint64_t> cuts;
    if (layout.splittable) {
      for (uint64_t cut = part_bytes; cut < layout.size; cut += part_bytes) cuts.push_back(cut);
    }
    std::vector<unsigned> cut_tags(cuts.size() + 1, 0);
    AppendParts(file, layout, cuts, cut_tags, &plan.parts, &tags);
  }
  return plan;
}

absl::StatusOr<PartPlan> ShardInputs(const std::vector<std::string>& paths,
                                     const InputOptions& options, unsigned index,
                                     unsigned count) {
  if (count == 0 || index == 0 || index > count) {
    return absl::InvalidArgumentError("shard must be K/N with 1 <= K <= N");
  }
  absl::StatusOr<ExpandedInputs> inputs = ExpandFiles(paths, options.walk);
  if (!inputs.ok()) return inputs.status();
  std::vector<FileLayout> layouts;
  unsigned __int128 total = 0;
  for (const std::string& file : inputs->files) {
    layouts.push_back(Inspect(file, options));
    total += layouts.back().size;
  }
  // The shard (0-based) whose span holds byte `offset` of the inputs put end to end.
  auto shard_of = [&](unsigned __int128 offset) -> unsigned {
    if (total == 0) return 0;
    return static_cast<unsigned>(std::min<unsigned __int128>(count - 1, offset * count / total));
  };
  PartPlan all;
  std::vector<unsigned> shards;
  unsigned __int128 start = 0;
  for (size_t f = 0; f < inputs->files.size(); ++f) {
    const FileLayout& layout = layouts[f];
    std::vector<uint64_t> cuts;
    std::vector<unsigned> cut_shards{shard_of(start)};
    if (layout.splittable) {
      for (unsigned k = 1; k < count; ++k) {
        const unsigned __int128 boundary = (k * total + count - 1) / count;  // first byte of k
        if (boundary > start && boundary < start + layout.size &&
            (cuts.empty() || cuts.back() != static_cast<uint64_t>(boundary - start))) {
          cuts.push_back(static_cast<uint64_t>(boundary - start));
          cut_shards.push_back(shard_of(boundary));
        }
      }
    }
    AppendParts(inputs->files[f], layout, cuts, cut_shards, &all.parts, &shards);
    start += layout.size;
  }
  PartPlan plan;
  if (index == 1) plan.errors = std::move(inputs->errors);
  for (size_t i = 0; i < all.parts.size(); ++i) {
    if (shards[i] == index - 1) plan.parts.push_back(std::move(all.parts[i]));
  }
  return plan;
}

absl::Status ParseShard(const std::string& text, unsigned* index, unsigned* count) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos || !absl::SimpleAtoi(text.substr(0, slash), index) ||
      !absl::SimpleAtoi(text.substr(slash + 1), count) || *count == 0 || *index == 0 ||
      *index > *count) {
    return absl::InvalidArgumentError(
        absl::StrCat("--shard ", text, ": expected K/N with 1 <= K <= N, e.g. 2/8"));
  }
  return absl::OkStatus();
}

}  // namespace listscan
