// Generates marketplace listings one record at a time into a caller's buffer: realistic benign
// text in thirteen languages, with planted, labelled positives at a given rate.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "planted.h"
#include "random.h"
#include "real_names.h"
#include "vocabulary.h"

namespace listscan::corpus {

enum class Format { kJsonl, kCsv };

struct GeneratorOptions {
  uint64_t seed = 1;
  Format format = Format::kJsonl;
  double positive_rate = 0.005;           // share of records that carry one planted positive
  uint64_t sellers = 200000;              // drawn Zipf(1.1): a few sellers list most of the items
  uint64_t brands = 20000;                // drawn Zipf(1.05)
  const RealNames* real_names = nullptr;  // optional; not owned
  double real_name_rate = 0.25;           // share of titles taken from `real_names` when given
};

class ListingGenerator {
 public:
  explicit ListingGenerator(const GeneratorOptions& options);

  // The CSV header line (with its newline); empty for JSON Lines.
  std::string_view Header() const;

  // Appends the next record and its newline to `out`. When the record carries a planted positive,
  // also appends one JSON line describing it to `labels` and returns true. Allocation-free once
  // the member buffers have grown to the largest record.
  bool AppendNext(std::string* out, std::string* labels);

 private:
  struct Plant {
    const PlantItem* item = nullptr;
    Evasion evasion = Evasion::kNone;
    enum class Field { kTitle, kDescription, kTags } field = Field::kDescription;
  };

  void ChoosePlant(Plant* plant);
  void BuildTitle(const Plant& plant);
  void BuildDescription(const Plant& plant);
  void BuildTags(const Plant& plant);
  void AppendTemplate(std::string_view text, std::string* out);
  void AppendBrandName(uint64_t brand, std::string* out) const;
  void AppendSellerName(uint64_t seller, std::string* out) const;
  void WriteJson(std::string* out) const;
  void WriteCsv(std::string* out);
  void WriteLabel(const Plant& plant, std::string* labels) const;

  GeneratorOptions options_;
  Random random_;
  ZipfDistribution seller_distribution_;
  ZipfDistribution brand_distribution_;
  std::vector<double> language_cumulative_;
  uint64_t index_ = 0;

  // The record being built; reused from one record to the next.
  const Language* language_ = nullptr;
  ProductCategory product_category_ = ProductCategory::kKitchen;
  std::string_view category_name_;
  std::string_view noun_;
  std::string_view country_;
  std::string id_;
  std::string title_;
  std::string description_;
  std::string brand_;
  std::string seller_id_;
  std::string seller_name_;
  std::string price_;
  std::string_view color_;
  std::string_view material_;
  std::string_view condition_;
  int shipping_days_ = 0;
  std::array<std::string, 6> tags_;
  int tag_count_ = 0;
  std::string surface_;  // the planted term as written into the record
  std::string scratch_;
};

}  // namespace listscan::corpus
