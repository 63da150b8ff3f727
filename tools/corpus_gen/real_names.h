// Real product names and descriptions from the shared test data, mixed into the corpus for realism:
// Open Food Facts product names and the Leipzig shop-offer titles and descriptions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace listscan::corpus {

struct RealNames {
  std::vector<std::string> food_names;          // off-lifyzer/off_products.jsonl.zst, product_name
  std::vector<std::string> electronics_titles;  // er-benchmark-products/*.csv, name or title
  std::vector<std::string> electronics_descriptions;

  bool empty() const { return food_names.empty() && electronics_titles.empty(); }
};

// Reads from `data_dir` (the shared data folder). Keeps a seeded sample of at most `max_food`
// food names so memory stays fixed, and drops any text holding a built-in banned term, so that
// every positive in the corpus is a planted, labelled one. A missing file is an error.
absl::Status LoadRealNames(const std::string& data_dir, uint64_t seed, size_t max_food,
                           RealNames* names);

}  // namespace listscan::corpus
