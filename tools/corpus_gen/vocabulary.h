// The built-in word lists and sentence templates the corpus is written from, one set per language.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace listscan::corpus {

// The ordinary (benign) product categories; `kProductCategoryNames` is what the corpus writes.
enum class ProductCategory { kKitchen, kFashion, kElectronics, kToys, kFood, kBeauty };
inline constexpr int kProductCategoryCount = 6;
inline constexpr std::array<std::string_view, kProductCategoryCount> kProductCategoryNames = {
    "kitchen", "fashion", "electronics", "toys", "food", "beauty"};

using Words = std::span<const std::string_view>;

// Sentences may hold slots: {n} noun, {a} adjective, {c} colour, {m} material, {b} brand,
// {q} a small number. Grammar (gender, case) is ignored on purpose: the text has to look and
// scan like listings, not read like them.
struct Language {
  std::string_view code;      // ISO 639-1, as written to the labels
  Words countries;            // ISO 3166-1 alpha-2, the first is the most common
  std::string_view currency;  // ISO 4217
  double price_scale;         // currency units per euro, roughly
  std::array<Words, kProductCategoryCount> nouns;
  Words adjectives;
  Words colors;
  Words materials;
  Words sentences;
  Words closings;  // shipping, returns and warranty lines
};

std::span<const Language> Languages();
// Relative weights of the languages, in the order of Languages().
std::span<const double> LanguageWeights();

// Language-neutral specification fragments per category ("500 ml", "USB-C", "EU 42").
Words Specs(ProductCategory category);

}  // namespace listscan::corpus
