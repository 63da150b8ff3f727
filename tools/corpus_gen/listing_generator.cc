// Record construction and serialisation for the corpus generator.
#include "listing_generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text_format.h"

namespace listscan::corpus {
namespace {

using SV = std::string_view;

constexpr SV kSyllables[] = {"nor", "vik", "lu", "mo", "ra", "tek", "sol", "ka",  "zen",
                             "ber", "fin", "ax", "el", "ia", "on",  "tro", "vel", "mar",
                             "li",  "sto", "qu", "ix", "pa", "dor", "gen", "ul",  "bri",
                             "sa",  "to",  "ne", "ha", "ki", "ro",  "ly",  "sen", "dal"};
constexpr SV kSellerSuffixes[] = {"Shop",   "Store", "Trade",  "24",     "GmbH", "Sp. z o.o.",
                                  "SRL",    "BV",    "Outlet", "Direct", "EU",   "Market",
                                  "s.r.o.", "AB",    "Kft.",   "Lda",    "SAS",  "Home"};
constexpr SV kConditions[] = {"new", "new", "new",  "new",  "new",
                              "new", "new", "used", "used", "refurbished"};
constexpr double kCategoryWeights[kProductCategoryCount] = {15, 25, 20, 12, 13, 15};
constexpr double kMedianPrice[kProductCategoryCount] = {25, 30, 40, 20, 8, 15};

constexpr SV kTitlePatterns[] = {"{b} {n} {a}, {c}, {s}", "{n} {s} {c} - {b}",
                                 "{a} {n} {m} {s} {s}", "{b} {n} - {a}, {c}, {s}, {m}",
                                 "{n} {a} {c} {s}"};

template <typename T>
void AppendInteger(T value, int width, std::string* out) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  for (int pad = width - static_cast<int>(result.ptr - digits); pad > 0; --pad) out->push_back('0');
  out->append(digits, result.ptr);
}

void AppendSyllableName(uint64_t hash, int syllables, std::string* out) {
  const size_t start = out->size();
  for (int i = 0; i < syllables; ++i) {
    out->append(kSyllables[hash % std::size(kSyllables)]);
    hash /= std::size(kSyllables);
  }
  (*out)[start] = static_cast<char>((*out)[start] - 'a' + 'A');
}

// Cuts `text` at the last space at or before `limit` bytes, so UTF-8 sequences stay whole.
void TruncateAtSpace(size_t limit, std::string* text) {
  if (text->size() <= limit) return;
  const size_t space = text->rfind(' ', limit);
  text->resize(space == std::string::npos || space < limit / 2 ? limit : space);
  while (!text->empty() && (text->back() == ',' || text->back() == ' ' || text->back() == '-'))
    text->pop_back();
}

}  // namespace

ListingGenerator::ListingGenerator(const GeneratorOptions& options)
    : options_(options),
      random_(options.seed),
      seller_distribution_(options.sellers, 1.1),
      brand_distribution_(options.brands, 1.05) {
  double total = 0;
  for (double weight : LanguageWeights()) language_cumulative_.push_back(total += weight);
  for (double& bound : language_cumulative_) bound /= total;
  for (std::string& tag : tags_) tag.reserve(64);
}

std::string_view ListingGenerator::Header() const {
  if (options_.format == Format::kJsonl) return {};
  return "id,title,description,brand,category,price,currency,country,seller_id,seller_name,color,"
         "material,"
         "condition,tags\n";
}

void ListingGenerator::ChoosePlant(Plant* plant) {
  const auto category = static_cast<PlantCategory>(random_.Below(kPlantCategoryCount));
  const std::span<const PlantItem> items = PlantItems();
  uint32_t in_category = 0;
  for (const PlantItem& item : items) in_category += item.category == category;
  uint32_t pick = random_.Below(in_category);
  for (const PlantItem& item : items) {
    if (item.category == category && pick-- == 0) plant->item = &item;
  }
  // Four in ten are written plainly; the rest spread over the evasions that apply to the term.
  plant->evasion = Evasion::kNone;
  if (!random_.Chance(0.4)) {
    do plant->evasion = static_cast<Evasion>(1 + random_.Below(kEvasionCount - 1));
    while (!EvasionApplies(plant->item->term, plant->evasion));
  }
  const uint32_t field = random_.Below(20);
  plant->field = field < 6    ? Plant::Field::kTitle
                 : field < 17 ? Plant::Field::kDescription
                              : Plant::Field::kTags;
}

void ListingGenerator::AppendTemplate(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{' || i + 2 >= text.size() || text[i + 2] != '}') {
      out->push_back(text[i]);
      continue;
    }
    switch (text[i + 1]) {
      case 'n':
        out->append(noun_);
        break;
      case 'a':
        out->append(random_.Pick(language_->adjectives));
        break;
      case 'c':
        out->append(random_.Pick(language_->colors));
        break;
      case 'm':
        out->append(random_.Pick(language_->materials));
        break;
      case 'b':
        out->append(brand_);
        break;
      case 'q':
        AppendInteger(2 + random_.Below(60), 0, out);
        break;
      case 's':
        out->append(random_.Pick(Specs(product_category_)));
        break;
    }
    i += 2;
  }
}

void ListingGenerator::BuildTitle(const Plant& plant) {
  title_.clear();
  if (plant.item != nullptr && plant.field == Plant::Field::kTitle) {
    AppendPlantedSentence(*plant.item, language_->code, plant.evasion, random_, &title_, &surface_);
    // The planted sentence is never cut: a title may run past 120 bytes to keep it whole.
    if (title_.size() < 30) {
      title_.append(" - ");
      title_.append(brand_);
    }
    return;
  }
  const RealNames* real = options_.real_names;
  if (real != nullptr && !real->empty() && random_.Chance(options_.real_name_rate)) {
    const bool food =
        !real->food_names.empty() && (real->electronics_titles.empty() || random_.Chance(0.6));
    const std::vector<std::string>& pool = food ? real->food_names : real->electronics_titles;
    product_category_ = food ? ProductCategory::kFood : ProductCategory::kElectronics;
    category_name_ = kProductCategoryNames[static_cast<int>(product_category_)];
    noun_ = random_.Pick(language_->nouns[static_cast<int>(product_category_)]);
    title_.append(pool[random_.Below(static_cast<uint32_t>(pool.size()))]);
  } else {
    AppendTemplate(random_.Pick(std::span<const SV>(kTitlePatterns)), &title_);
  }
  while (title_.size() < 30) {
    title_.push_back(' ');
    AppendTemplate("{s}", &title_);
  }
  TruncateAtSpace(120, &title_);
}

void ListingGenerator::BuildDescription(const Plant& plant) {
  description_.clear();
  const bool planted = plant.item != nullptr && plant.field == Plant::Field::kDescription;
  // Log-normal: median 300 bytes, a few words at the short end, several KB in the long tail.
  const double target = std::clamp(random_.LogNormal(std::log(300.0), 1.1), 12.0, 16000.0);
  const RealNames* real = options_.real_names;
  if (product_category_ == ProductCategory::kElectronics && real != nullptr &&
      !real->electronics_descriptions.empty() && random_.Chance(options_.real_name_rate)) {
    const std::vector<std::string>& pool = real->electronics_descriptions;
    description_.append(pool[random_.Below(static_cast<uint32_t>(pool.size()))]);
  } else if (target < 40) {
    AppendTemplate("{a} {n}, {c}.", &description_);
  }
  const uint32_t plant_at = planted ? random_.Below(static_cast<uint32_t>(target / 70) + 1) : 0;
  uint32_t sentence = 0;
  bool plant_done = !planted;
  SV previous;
  while (description_.size() < target || !plant_done) {
    if (!description_.empty()) description_.append(sentence % 5 == 4 ? "\n\n" : " ");
    if (!plant_done && sentence >= plant_at) {
      AppendPlantedSentence(*plant.item, language_->code, plant.evasion, random_, &description_,
                            &surface_);
      description_.push_back('.');
      plant_done = true;
    } else if (random_.Chance(0.15)) {
      // A feature line: free combinations keep long descriptions from repeating themselves.
      AppendTemplate(random_.Chance(0.5) ? "- {a}, {m}, {s}" : "- {c} / {s} / {a}", &description_);
    } else {
      SV next = random_.Pick(language_->sentences);
      if (next == previous) next = random_.Pick(language_->sentences);
      AppendTemplate(next, &description_);
      previous = next;
    }
    ++sentence;
  }
  if (random_.Chance(0.7)) {
    description_.push_back(' ');
    description_.append(random_.Pick(language_->closings));
  }
}

void ListingGenerator::BuildTags(const Plant& plant) {
  const int wanted = 2 + static_cast<int>(random_.Below(4));
  tags_[0].assign(noun_);
  tag_count_ = 1;
  for (int i = 1; i < wanted; ++i) {
    std::string& tag = tags_[tag_count_];
    tag.clear();
    switch (random_.Below(3)) {
      case 0:
        AppendTemplate("{a}", &tag);
        break;
      case 1:
        AppendTemplate("{c}", &tag);
        break;
      default:
        AppendTemplate("{s}", &tag);
        break;
    }
    bool repeated = false;
    for (int k = 0; k < tag_count_; ++k) repeated = repeated || tags_[k] == tag;
    tag_count_ += !repeated;
  }
  if (plant.item != nullptr && plant.field == Plant::Field::kTags) {
    std::string& tag = tags_[tag_count_++];
    tag.clear();
    AppendEvaded(plant.item->term, plant.evasion, random_, &tag);
    surface_ = tag;
  }
}

void ListingGenerator::AppendBrandName(uint64_t brand, std::string* out) const {
  const uint64_t hash = Mix64(brand ^ (options_.seed * 0x9e3779b97f4a7c15ULL));
  AppendSyllableName(hash >> 8, 2 + static_cast<int>(hash & 1), out);
}

void ListingGenerator::AppendSellerName(uint64_t seller, std::string* out) const {
  const uint64_t hash = Mix64(seller ^ (options_.seed * 0xc2b2ae3d27d4eb4fULL) ^ 0x5e11e5);
  AppendSyllableName(hash >> 8, 2 + static_cast<int>(hash & 1), out);
  out->push_back(' ');
  out->append(kSellerSuffixes[(hash >> 2) % std::size(kSellerSuffixes)]);
}

bool ListingGenerator::AppendNext(std::string* out, std::string* labels) {
  ++index_;
  id_.clear();
  id_.append("LS", 2);
  AppendInteger(index_, 10, &id_);

  const double language_roll = random_.Unit();
  const size_t language_index =
      std::upper_bound(language_cumulative_.begin(), language_cumulative_.end(), language_roll) -
      language_cumulative_.begin();
  language_ = &Languages()[std::min(language_index, Languages().size() - 1)];

  double category_roll = random_.Unit() * 100.0;
  int category = 0;
  while (category < kProductCategoryCount - 1 && (category_roll -= kCategoryWeights[category]) >= 0)
    ++category;
  product_category_ = static_cast<ProductCategory>(category);
  category_name_ = kProductCategoryNames[category];

  Plant plant;
  if (random_.Chance(options_.positive_rate)) {
    ChoosePlant(&plant);
    switch (plant.item->category) {
      case PlantCategory::kMedicines:
        category_name_ = "health";
        break;
      case PlantCategory::kSupplements:
        category_name_ = random_.Chance(0.5) ? "health" : "food";
        break;
      case PlantCategory::kCosmetics:
        product_category_ = ProductCategory::kBeauty;
        break;
      case PlantCategory::kToys:
        product_category_ = ProductCategory::kToys;
        break;
      case PlantCategory::kElectronics:
        product_category_ = ProductCategory::kElectronics;
        break;
      case PlantCategory::kHiddenLinks:
        break;
    }
    if (category_name_ != "health" && category_name_ != "food") {
      category_name_ = kProductCategoryNames[static_cast<int>(product_category_)];
    }
  }
  noun_ = random_.Pick(language_->nouns[static_cast<int>(product_category_)]);

  brand_.clear();
  AppendBrandName(brand_distribution_.Sample(random_), &brand_);
  const uint64_t seller = seller_distribution_.Sample(random_);
  seller_id_.clear();
  seller_id_.push_back('S');
  AppendInteger(seller, 7, &seller_id_);
  seller_name_.clear();
  AppendSellerName(seller, &seller_name_);
  country_ = random_.Chance(0.7) ? language_->countries[0] : random_.Pick(language_->countries);

  BuildTitle(plant);
  BuildDescription(plant);
  BuildTags(plant);

  const int category_index = static_cast<int>(product_category_);
  const double price =
      random_.LogNormal(std::log(kMedianPrice[category_index]), 0.8) * language_->price_scale;
  price_.clear();
  char digits[32];
  // Shop prices end in .99 or .49 above a few units, and keep their cents below.
  const double shown = price < 3.0 ? std::round(price * 100.0) / 100.0
                                   : std::floor(price) + (random_.Chance(0.7) ? 0.99 : 0.49);
  const auto result =
      std::to_chars(digits, digits + sizeof digits, shown, std::chars_format::fixed, 2);
  price_.append(digits, result.ptr);
  color_ = random_.Pick(language_->colors);
  material_ = random_.Pick(language_->materials);
  condition_ = random_.Pick(std::span<const SV>(kConditions));
  shipping_days_ = 1 + static_cast<int>(random_.Below(14));

  if (options_.format == Format::kJsonl) {
    WriteJson(out);
  } else {
    WriteCsv(out);
  }
  if (plant.item == nullptr) return false;
  WriteLabel(plant, labels);
  return true;
}

void ListingGenerator::WriteJson(std::string* out) const {
  out->append("{\"id\":\"").append(id_).append("\",\"title\":");
  AppendJsonString(title_, out);
  out->append(",\"description\":");
  AppendJsonString(description_, out);
  out->append(",\"brand\":");
  AppendJsonString(brand_, out);
  out->append(",\"category\":\"").append(category_name_);
  out->append("\",\"price\":").append(price_);
  out->append(",\"currency\":\"").append(language_->currency);
  out->append("\",\"country\":\"").append(country_);
  out->append("\",\"seller\":{\"id\":\"").append(seller_id_).append("\",\"name\":");
  AppendJsonString(seller_name_, out);
  out->append("},\"attributes\":{\"color\":");
  AppendJsonString(color_, out);
  out->append(",\"material\":");
  AppendJsonString(material_, out);
  out->append(",\"condition\":\"").append(condition_);
  out->append("\",\"shipping\":{\"from\":\"").append(country_).append("\",\"days\":");
  AppendInteger(shipping_days_, 0, out);
  out->append("},\"tags\":[");
  for (int i = 0; i < tag_count_; ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(tags_[i], out);
  }
  out->append("]}}\n");
}

void ListingGenerator::WriteCsv(std::string* out) {
  const auto field = [out](std::string_view text, char after) {
    AppendCsvField(text, out);
    out->push_back(after);
  };
  field(id_, ',');
  field(title_, ',');
  field(description_, ',');
  field(brand_, ',');
  field(category_name_, ',');
  field(price_, ',');
  field(language_->currency, ',');
  field(country_, ',');
  field(seller_id_, ',');
  field(seller_name_, ',');
  field(color_, ',');
  field(material_, ',');
  field(condition_, ',');
  scratch_.clear();
  for (int i = 0; i < tag_count_; ++i) {
    if (i > 0) scratch_.push_back('|');
    scratch_.append(tags_[i]);
  }
  field(scratch_, '\n');
}

void ListingGenerator::WriteLabel(const Plant& plant, std::string* labels) const {
  labels->append("{\"id\":\"").append(id_);
  labels->append("\",\"category\":\"").append(PlantCategoryName(plant.item->category));
  labels->append("\",\"term\":");
  AppendJsonString(plant.item->term, labels);
  labels->append(",\"evasion\":");
  if (plant.evasion == Evasion::kNone) {
    labels->append("null");
  } else {
    labels->push_back('"');
    labels->append(EvasionName(plant.evasion)).push_back('"');
  }
  labels->append(",\"field\":\"");
  switch (plant.field) {
    case Plant::Field::kTitle:
      labels->append("title");
      break;
    case Plant::Field::kDescription:
      labels->append("description");
      break;
    case Plant::Field::kTags:
      labels->append(options_.format == Format::kJsonl ? "attributes.tags" : "tags");
      break;
  }
  labels->append("\",\"language\":\"").append(language_->code);
  labels->append("\",\"text\":");
  AppendJsonString(surface_, labels);
  labels->append("}\n");
}

}  // namespace listscan::corpus
