// Real names, then syllable-built pharmaceutical and chemical names, deduplicated.
#include "keyword_list.h"

#include <unordered_set>

#include "random.h"

namespace listscan::corpus {
namespace {

using SV = std::string_view;

constexpr SV kRealKeywords[] = {
    // medicines
    "sildenafil",
    "viagra",
    "tadalafil",
    "cialis",
    "vardenafil",
    "levitra",
    "kamagra",
    "avanafil",
    "dapoxetine",
    "tramadol",
    "oxycodone",
    "codeine",
    "fentanyl",
    "morphine",
    "diazepam",
    "alprazolam",
    "xanax",
    "lorazepam",
    "clonazepam",
    "zolpidem",
    "modafinil",
    "armodafinil",
    "methylphenidate",
    "ritalin",
    "adderall",
    "amphetamine",
    "isotretinoin",
    "clenbuterol",
    "semaglutide",
    "tirzepatide",
    "without prescription",
    "no prescription needed",
    "ohne rezept",
    "sans ordonnance",
    "senza ricetta",
    "sin receta",
    "bez recepty",
    "zonder recept",
    // supplements
    "sibutramine",
    "sibutramin",
    "sibutramina",
    "dmaa",
    "1,3-dimethylamylamine",
    "methylhexanamine",
    "geranamine",
    "dmha",
    "2,4-dinitrophenol",
    "dinitrophenol",
    "ostarine",
    "mk-2866",
    "ligandrol",
    "lgd-4033",
    "rad-140",
    "testolone",
    "andarine",
    "cardarine",
    "gw-501516",
    "yk-11",
    "phenibut",
    "ephedra",
    "ephedrine",
    "yohimbine",
    "higenamine",
    "tianeptine",
    "kratom",
    "mitragynine",
    "hordenine",
    "bmpea",
    "dmba",
    "picamilon",
    "vinpocetine",
    "phenolphthalein",
    "lorcaserin",
    "rimonabant",
    "dexamethasone",
    // cosmetics
    "hydroquinone",
    "mercury cream",
    "mercurous chloride",
    "calomel",
    "lilial",
    "butylphenyl methylpropional",
    "bmhca",
    "clobetasol",
    "clobetasol propionate",
    "tretinoin",
    "lead acetate",
    "methylene glycol",
    "zinc pyrithione",
    "betamethasone",
    // toys
    "magnetic balls",
    "magnet balls",
    "neodymium magnets",
    "water beads",
    "gel blaster",
    "orbeez",
    "buckyballs",
    "neocube",
    "without ce mark",
    "no ce mark",
    "teething necklace",
    "borax slime",
    // electronics
    "laser pointer 1000mw",
    "laser pointer",
    "signal jammer",
    "gps jammer",
    "cell phone jammer",
    "wifi jammer",
    "burning laser",
    "5000mw",
    "class 4 laser",
    // hidden links
    "whatsapp",
    "telegram",
    "price difference link",
    "wechat",
    "western union",
    "moneygram",
    "contact me directly",
    "pay outside",
    "friends and family",
    "bank transfer only",
};

constexpr SV kPrefixes[] = {"al",  "ben", "car", "dex", "eno", "fla",  "glu",  "hal", "iso",
                            "ket", "lam", "mer", "nor", "oxa", "pra",  "que",  "ris", "sul",
                            "ter", "ula", "val", "xan", "zol", "tri",  "cyc",  "pro", "met",
                            "eth", "but", "pen", "clo", "flu", "levo", "dul",  "ami", "brom",
                            "cef", "dig", "epi", "fen", "gab", "hyd",  "indo", "lan", "mor",
                            "nal", "ome", "pan", "ram", "sim", "tam",  "ven",  "war", "zan"};
constexpr SV kMiddles[] = {"a",   "e",   "i",   "o",   "u",   "ami", "ora", "ulo", "ipi", "eto",
                           "azi", "oxi", "ben", "ter", "dro", "pli", "cor", "mes", "tal", "vin"};
constexpr SV kSuffixes[] = {"amine",    "azole",     "olol",    "pril",     "sartan",  "mab",
                            "tinib",    "oxetine",   "azepam",  "profen",   "cillin",  "mycin",
                            "statin",   "dronate",   "vir",     "afil",     "tide",    "gliptin",
                            "lukast",   "setron",    "parin",   "dipine",   "triptan", "floxacin",
                            "conazole", "fibrate",   "semide",  "thiazide", "zosin",   "barbital",
                            "caine",    "gesterone", "sterone", "andrine",  "arine",   "orphan",
                            "idone",    "oxone",     "ine",     "ide",      "ate",     "one"};
constexpr SV kChemicalHeads[] = {"methyl",    "dimethyl",  "ethyl",   "diethyl", "propyl",
                                 "isopropyl", "butyl",     "chloro",  "fluoro",  "bromo",
                                 "nitro",     "amino",     "hydroxy", "phenyl",  "benzyl",
                                 "acetyl",    "trimethyl", "cyclo"};
constexpr SV kChemicalTails[] = {"amine",      "anoate",    "phenol",     "propionate",
                                 "acetate",    "benzoate",  "hexanamine", "pentanamine",
                                 "butanamine", "sulfonate", "carbonate",  "chloride",
                                 "nitrate",    "ethanol",   "glycol",     "oxide"};

std::string GeneratedWord(Random& random) {
  std::string word;
  if (random.Chance(0.25)) {
    word.append(random.Pick(std::span<const SV>(kChemicalHeads)));
    if (random.Chance(0.4)) word.append(random.Pick(std::span<const SV>(kPrefixes)));
    word.append(random.Pick(std::span<const SV>(kChemicalTails)));
    return word;
  }
  word.append(random.Pick(std::span<const SV>(kPrefixes)));
  const int middles = static_cast<int>(random.Below(3));
  for (int i = 0; i < middles; ++i) word.append(random.Pick(std::span<const SV>(kMiddles)));
  word.append(random.Pick(std::span<const SV>(kSuffixes)));
  return word;
}

}  // namespace

std::span<const std::string_view> RealKeywords() { return kRealKeywords; }

std::vector<std::string> KeywordList(size_t count, uint64_t seed) {
  std::vector<std::string> keywords;
  std::unordered_set<std::string> seen;
  for (SV real : kRealKeywords) {
    if (keywords.size() == count) return keywords;
    if (real.size() >= 4 && seen.emplace(real).second) keywords.emplace_back(real);
  }
  Random random(seed ^ 0x6b6579776f726473ULL);  // "keywords": its own stream, apart from the corpus
  while (keywords.size() < count) {
    std::string word = GeneratedWord(random);
    if (word.size() >= 4 && seen.insert(word).second) keywords.push_back(std::move(word));
  }
  return keywords;
}

}  // namespace listscan::corpus
