// The planted positives: a small built-in list of banned substances and phrases per category,
// sentence templates that carry them, and the seller evasions applied to them.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "random.h"

namespace listscan::corpus {

// The rule categories of docs/rule-format.md, in that order.
enum class PlantCategory {
  kMedicines,
  kSupplements,
  kCosmetics,
  kToys,
  kElectronics,
  kHiddenLinks
};
inline constexpr int kPlantCategoryCount = 6;
std::string_view PlantCategoryName(PlantCategory category);

// Named as listscan names them in a hit's `evasion` (kNone is written as null).
enum class Evasion { kNone, kLeet, kSpacing, kHomoglyph, kFullwidth, kZeroWidth };
inline constexpr int kEvasionCount = 6;
std::string_view EvasionName(Evasion evasion);

struct PlantItem {
  PlantCategory category;
  std::string_view term;  // the literal a rule would list; evasions are applied to it alone
};
std::span<const PlantItem> PlantItems();

// Whether a seller could plausibly apply `evasion` to `term` and listscan is expected to undo it:
// leet and spacing only on words of at least four letters (see docs/rule-format.md, Evasions).
bool EvasionApplies(std::string_view term, Evasion evasion);

// Appends `term` as a seller would write it with `evasion` (for kNone: lower, Title or UPPER case).
void AppendEvaded(std::string_view term, Evasion evasion, Random& random, std::string* out);

// A sentence in `language` (or English when the category has none in it) that carries `item`,
// its term written by AppendEvaded; slot {q} becomes a number, {p} a phone number.
void AppendPlantedSentence(const PlantItem& item, std::string_view language, Evasion evasion,
                           Random& random, std::string* out, std::string* surface);

}  // namespace listscan::corpus
