// Loading real names: a streaming zstd reader for the food names, a small CSV reader for offers.
#include "real_names.h"

#include <simdjson.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "keyword_list.h"
#include "planted.h"
#include "random.h"
#include "text_format.h"

namespace listscan::corpus {
namespace {

struct FileCloser {
  void operator()(FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<FILE, FileCloser>;

absl::Status OpenFile(const std::string& path, File* file) {
  file->reset(std::fopen(path.c_str(), "rb"));
  if (*file == nullptr) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  return absl::OkStatus();
}

const std::vector<std::string>& BannedTerms() {
  static const std::vector<std::string> terms = [] {
    std::vector<std::string> lower(RealKeywords().begin(), RealKeywords().end());
    for (const PlantItem& item : PlantItems())
      lower.push_back(absl::AsciiStrToLower(std::string(item.term)));
    return lower;
  }();
  return terms;
}

bool HoldsBannedTerm(const std::string& text) {
  const std::string lower = absl::AsciiStrToLower(text);
  for (const std::string& term : BannedTerms()) {
    if (lower.find(term) != std::string::npos) return true;
  }
  return false;
}

bool UsableName(const std::string& name) { return name.size() >= 6 && name.size() <= 110; }

// Calls `on_line` for each line of a zstd-compressed file, streaming.
template <typename OnLine>
absl::Status ForEachZstdLine(const std::string& path, OnLine on_line) {
  File file;
  if (absl::Status status = OpenFile(path, &file); !status.ok()) return status;
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  std::vector<char> in(ZSTD_DStreamInSize());
  std::vector<char> out(ZSTD_DStreamOutSize());
  std::string pending;
  size_t read = 0;
  while ((read = std::fread(in.data(), 1, in.size(), file.get())) > 0) {
    ZSTD_inBuffer input = {in.data(), read, 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output = {out.data(), out.size(), 0};
      const size_t result = ZSTD_decompressStream(context.get(), &output, &input);
      if (ZSTD_isError(result))
        return absl::DataLossError(absl::StrCat(path, ": ", ZSTD_getErrorName(result)));
      pending.append(out.data(), output.pos);
      size_t start = 0;
      for (size_t newline; (newline = pending.find('\n', start)) != std::string::npos;
           start = newline + 1) {
        on_line(std::string_view(pending).substr(start, newline - start));
      }
      pending.erase(0, start);
    }
  }
  if (!pending.empty()) on_line(std::string_view(pending));
  return absl::OkStatus();
}

absl::Status LoadFoodNames(const std::string& path, uint64_t seed, size_t max_food,
                           RealNames* names) {
  simdjson::ondemand::parser parser;
  std::string padded;
  Random random(seed ^ 0x6f66666e616d6573ULL);
  uint64_t seen = 0;
  absl::Status status = ForEachZstdLine(path, [&](std::string_view line) {
    padded.assign(line);
    padded.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document doc;
    if (parser.iterate(padded.data(), line.size(), padded.capacity()).get(doc) != simdjson::SUCCESS)
      return;
    std::string_view name;
    if (doc["product_name"].get_string().get(name) != simdjson::SUCCESS) return;
    std::string text = SanitizedText(name);
    if (!UsableName(text)) return;
    // Reservoir sampling: a uniform sample of fixed size, whatever the file's length.
    ++seen;
    if (names->food_names.size() < max_food) {
      names->food_names.push_back(std::move(text));
    } else if (const uint64_t slot = random.Next() % seen; slot < max_food) {
      names->food_names[slot] = std::move(text);
    }
  });
  if (!status.ok()) return status;
  std::erase_if(names->food_names, HoldsBannedTerm);
  return absl::OkStatus();
}

// A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and newlines.
class CsvReader {
 public:
  explicit CsvReader(FILE* file) : file_(file) {}
  bool Next(std::vector<std::string>* fields) {
    fields->clear();
    int c = std::fgetc(file_);
    if (c == EOF) return false;
    std::string field;
    bool quoted = false;
    while (c != EOF) {
      if (quoted) {
        if (c == '"') {
          const int next = std::fgetc(file_);
          if (next == '"') {
            field.push_back('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          field.push_back(static_cast<char>(c));
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields->push_back(std::move(field));
        field.clear();
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        field.push_back(static_cast<char>(c));
      }
      c = std::fgetc(file_);
    }
    fields->push_back(std::move(field));
    return true;
  }

 private:
  FILE* file_;
};

absl::Status LoadOffers(const std::string& path, RealNames* names) {
  File file;
  if (absl::Status status = OpenFile(path, &file); !status.ok()) return status;
  CsvReader reader(file.get());
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) return absl::DataLossError(absl::StrCat(path, ": empty"));
  // Every offer file has id, name|title, description in its first three columns.
  while (reader.Next(&fields)) {
    if (fields.size() < 3) continue;
    std::string title = SanitizedText(fields[1]);
    if (!UsableName(title) || HoldsBannedTerm(title)) continue;
    names->electronics_titles.push_back(std::move(title));
    std::string description = SanitizedText(fields[2]);
    if (description.size() >= 20 && !HoldsBannedTerm(description)) {
      names->electronics_descriptions.push_back(std::move(description));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status LoadRealNames(const std::string& data_dir, uint64_t seed, size_t max_food,
                           RealNames* names) {
  const std::filesystem::path root(data_dir);
  if (absl::Status status = LoadFoodNames(
          (root / "off-lifyzer" / "off_products.jsonl.zst").string(), seed, max_food, names);
      !status.ok()) {
    return status;
  }
  for (const char* file : {"Abt.csv", "Buy.csv", "AmazonProducts.csv", "GoogleProducts.csv"}) {
    if (absl::Status status = LoadOffers((root / "er-benchmark-products" / file).string(), names);
        !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace listscan::corpus
