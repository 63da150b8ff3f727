// Planted positives: terms, carrier sentences in several languages, and evasion transforms.
#include "planted.h"

#include <array>
#include <charconv>

namespace listscan::corpus {
namespace {

using SV = std::string_view;

constexpr PlantItem kItems[] = {
    {PlantCategory::kMedicines, "sildenafil"},
    {PlantCategory::kMedicines, "viagra"},
    {PlantCategory::kMedicines, "tadalafil"},
    {PlantCategory::kMedicines, "kamagra"},
    {PlantCategory::kMedicines, "tramadol"},
    {PlantCategory::kMedicines, "modafinil"},
    {PlantCategory::kMedicines, "oxycodone"},
    {PlantCategory::kSupplements, "sibutramine"},
    {PlantCategory::kSupplements, "DMAA"},
    {PlantCategory::kSupplements, "1,3-dimethylamylamine"},
    {PlantCategory::kSupplements, "DNP"},
    {PlantCategory::kSupplements, "2,4-dinitrophenol"},
    {PlantCategory::kSupplements, "ostarine"},
    {PlantCategory::kSupplements, "ligandrol"},
    {PlantCategory::kSupplements, "phenibut"},
    {PlantCategory::kSupplements, "yohimbine"},
    {PlantCategory::kCosmetics, "hydroquinone"},
    {PlantCategory::kCosmetics, "mercury cream"},
    {PlantCategory::kCosmetics, "Lilial"},
    {PlantCategory::kCosmetics, "butylphenyl methylpropional"},
    {PlantCategory::kCosmetics, "clobetasol"},
    {PlantCategory::kToys, "magnetic balls"},
    {PlantCategory::kToys, "water beads"},
    {PlantCategory::kToys, "neodymium magnets"},
    {PlantCategory::kToys, "no CE"},
    {PlantCategory::kElectronics, "laser pointer 1000mW"},
    {PlantCategory::kElectronics, "signal jammer"},
    {PlantCategory::kElectronics, "GPS jammer"},
    {PlantCategory::kElectronics, "no CE"},
    {PlantCategory::kHiddenLinks, "WhatsApp"},
    {PlantCategory::kHiddenLinks, "Telegram"},
    {PlantCategory::kHiddenLinks, "price difference link"},
    {PlantCategory::kHiddenLinks, "WeChat"},
};

struct Template {
  SV language;
  SV text;  // {t} the term, {q} a number, {p} a phone number
};

constexpr Template kMedicineTemplates[] = {
    {"en", "{t} 100mg tablets, no prescription needed, discreet shipping"},
    {"en", "Strong {t} for men, {q} pills, fast effect"},
    {"en", "Generic {t} {q}mg - buy without prescription"},
    {"de", "{t} 100 mg Tabletten ohne Rezept, diskreter Versand"},
    {"de", "Potenzmittel {t} {q} Stück, schnelle Wirkung"},
    {"fr", "{t} 100 mg comprimés sans ordonnance, livraison discrète"},
    {"it", "{t} 100 mg compresse senza ricetta, spedizione discreta"},
    {"es", "{t} 100 mg pastillas sin receta, envío discreto"},
    {"pl", "{t} 100 mg tabletki bez recepty, dyskretna wysyłka"},
    {"nl", "{t} 100 mg tabletten zonder recept, discrete verzending"},
};
constexpr Template kSupplementTemplates[] = {
    {"en", "Extreme slimming capsules with {t}, lose {q} kg fast"},
    {"en", "Pre-workout booster with {t} for maximum energy"},
    {"en", "Fat burner {t} {q} mg, strongest formula"},
    {"de", "Abnehmkapseln mit {t}, extra stark, {q} Stück"},
    {"de", "Fatburner mit {t} für schnellen Gewichtsverlust"},
    {"fr", "Gélules minceur au {t}, effet rapide"},
    {"it", "Capsule dimagranti con {t}, effetto rapido"},
    {"es", "Cápsulas adelgazantes con {t}, efecto rápido"},
    {"pl", "Kapsułki odchudzające z {t}, szybki efekt"},
    {"nl", "Afslankcapsules met {t}, snel resultaat"},
    {"pt", "Cápsulas emagrecedoras com {t}, efeito rápido"},
};
constexpr Template kCosmeticTemplates[] = {
    {"en", "Skin whitening cream with {t} 4%, fast results"},
    {"en", "Bleaching lotion, contains {t}, {q} ml"},
    {"de", "Aufhellungscreme mit {t}, schnelle Wirkung"},
    {"fr", "Crème éclaircissante au {t}, résultat rapide"},
    {"it", "Crema schiarente con {t}, risultati rapidi"},
    {"es", "Crema blanqueadora con {t}, resultados rápidos"},
    {"pl", "Krem wybielający z {t}, szybkie efekty"},
    {"ro", "Cremă de albire cu {t}, efect rapid"},
};
constexpr Template kToyTemplates[] = {
    {"en", "{t} set for kids, {q} pcs, great toy for children 3+"},
    {"en", "Children's toy with {t}, fun for toddlers"},
    {"de", "{t} Spielzeug für Kinder, {q} Stück"},
    {"fr", "{t} jouet pour enfants, {q} pièces"},
    {"it", "{t} giocattolo per bambini, {q} pezzi"},
    {"es", "{t} juguete para niños, {q} piezas"},
    {"pl", "{t} zabawka dla dzieci, {q} szt."},
    {"nl", "{t} speelgoed voor kinderen, {q} stuks"},
};
constexpr Template kElectronicTemplates[] = {
    {"en", "{t}, very powerful, ships from China"},
    {"en", "Cheap {t} with {q} modes, works everywhere"},
    {"de", "{t}, sehr stark, Versand aus China"},
    {"fr", "{t}, très puissant, expédié depuis la Chine"},
    {"it", "{t}, molto potente, spedito dalla Cina"},
    {"es", "{t}, muy potente, envío desde China"},
    {"pl", "{t}, bardzo mocny, wysyłka z Chin"},
};
constexpr Template kHiddenLinkTemplates[] = {
    {"en", "For a better price contact me on {t} {p}"},
    {"en", "Order via {t} {p}, pay less, fast delivery"},
    {"de", "Günstiger direkt über {t} {p} bestellen"},
    {"fr", "Contactez-moi sur {t} {p} pour un meilleur prix"},
    {"it", "Contattami su {t} {p} per un prezzo migliore"},
    {"es", "Contáctame por {t} {p} para un mejor precio"},
    {"pl", "Taniej przez {t} {p}, napisz do mnie"},
    {"nl", "Goedkoper via {t} {p}, stuur een bericht"},
    {"ro", "Preț mai bun pe {t} {p}"},
};

std::span<const Template> TemplatesFor(PlantCategory category) {
  switch (category) {
    case PlantCategory::kMedicines:
      return kMedicineTemplates;
    case PlantCategory::kSupplements:
      return kSupplementTemplates;
    case PlantCategory::kCosmetics:
      return kCosmeticTemplates;
    case PlantCategory::kToys:
      return kToyTemplates;
    case PlantCategory::kElectronics:
      return kElectronicTemplates;
    case PlantCategory::kHiddenLinks:
      return kHiddenLinkTemplates;
  }
  return kMedicineTemplates;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// True when every character is an ASCII letter or a space and every word has >= 4 letters.
bool OnlyLongWords(std::string_view term) {
  int run = 0;
  for (char c : term) {
    if (c == ' ') {
      if (run < 4) return false;
      run = 0;
    } else if (IsAsciiLetter(c)) {
      ++run;
    } else {
      return false;
    }
  }
  return run >= 4;
}

void AppendCodepoint(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Cyrillic letters that look like Latin ones; 0 where there is none.
char32_t Homoglyph(char c) {
  switch (c) {
    case 'a':
      return U'\u0430';
    case 'c':
      return U'\u0441';
    case 'e':
      return U'\u0435';
    case 'i':
      return U'\u0456';
    case 'o':
      return U'\u043e';
    case 'p':
      return U'\u0440';
    case 's':
      return U'\u0455';
    case 'x':
      return U'\u0445';
    case 'y':
      return U'\u0443';
    case 'A':
      return U'\u0410';
    case 'B':
      return U'\u0412';
    case 'C':
      return U'\u0421';
    case 'E':
      return U'\u0415';
    case 'H':
      return U'\u041d';
    case 'I':
      return U'\u0406';
    case 'K':
      return U'\u041a';
    case 'M':
      return U'\u041c';
    case 'O':
      return U'\u041e';
    case 'P':
      return U'\u0420';
    case 'S':
      return U'\u0405';
    case 'T':
      return U'\u0422';
    case 'X':
      return U'\u0425';
    default:
      return 0;
  }
}

bool IsLeetable(char lower) {
  return lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 's' ||
         lower == 't';
}

SV Leet(char lower, Random& random) {
  switch (lower) {
    case 'a':
      return random.Chance(0.8) ? "4" : "@";
    case 'e':
      return "3";
    case 'i':
      return random.Chance(0.8) ? "1" : "!";
    case 'o':
      return "0";
    case 's':
      return random.Chance(0.7) ? "5" : "$";
    case 't':
      return "7";
    default:
      return {};
  }
}

enum class Casing { kAsWritten, kLower, kTitle, kUpper };

Casing PickCasing(Random& random) {
  const uint32_t roll = random.Below(10);
  if (roll < 4) return Casing::kAsWritten;
  if (roll < 6) return Casing::kLower;
  if (roll < 9) return Casing::kTitle;
  return Casing::kUpper;
}

void AppendCased(std::string_view term, Casing casing, std::string* out) {
  bool word_start = true;
  for (char c : term) {
    switch (casing) {
      case Casing::kAsWritten:
        out->push_back(c);
        break;
      case Casing::kLower:
        out->push_back(Lower(c));
        break;
      case Casing::kUpper:
        out->push_back(Upper(c));
        break;
      case Casing::kTitle:
        out->push_back(word_start ? Upper(c) : c);
        break;
    }
    word_start = c == ' ';
  }
}

void AppendNumber(uint64_t value, std::string* out) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out->append(digits, result.ptr);
}

void AppendPhone(Random& random, std::string* out) {
  constexpr SV kPrefixes[] = {"+49 15", "+49 17", "+33 6", "+39 3",
                              "+34 6",  "+48 5",  "+31 6", "+40 7"};
  out->append(random.Pick(std::span<const SV>(kPrefixes)));
  AppendNumber(random.Below(10), out);
  out->push_back(' ');
  for (int i = 0; i < 7; ++i) out->push_back(static_cast<char>('0' + random.Below(10)));
}

}  // namespace

std::string_view PlantCategoryName(PlantCategory category) {
  constexpr std::array<SV, kPlantCategoryCount> kNames = {
      "medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links"};
  return kNames[static_cast<int>(category)];
}

std::string_view EvasionName(Evasion evasion) {
  constexpr std::array<SV, kEvasionCount> kNames = {"none",      "leet",      "spacing",
                                                    "homoglyph", "fullwidth", "zero_width"};
  return kNames[static_cast<int>(evasion)];
}

std::span<const PlantItem> PlantItems() { return kItems; }

bool EvasionApplies(std::string_view term, Evasion evasion) {
  switch (evasion) {
    case Evasion::kNone:
    case Evasion::kFullwidth:
      return true;
    case Evasion::kZeroWidth:
      return term.size() >= 4;
    case Evasion::kLeet:
      return OnlyLongWords(term);
    case Evasion::kSpacing:
      return OnlyLongWords(term) && term.find(' ') == std::string_view::npos;
    case Evasion::kHomoglyph:
      for (char c : term) {
        if (Homoglyph(c) != 0) return true;
      }
      return false;
  }
  return false;
}

void AppendEvaded(std::string_view term, Evasion evasion, Random& random, std::string* out) {
  std::string cased;
  AppendCased(term, PickCasing(random), &cased);
  switch (evasion) {
    case Evasion::kNone:
      out->append(cased);
      return;
    case Evasion::kLeet: {
      const bool upper = random.Chance(0.6);
      uint32_t eligible = 0;
      for (char c : cased) eligible += IsLeetable(Lower(c));
      // One substitution is forced so that the text always differs from the term.
      const uint32_t forced = random.Below(eligible);
      uint32_t seen = 0;
      for (char c : cased) {
        const char lower = Lower(c);
        if (IsLeetable(lower) && (seen++ == forced || random.Chance(0.5))) {
          out->append(Leet(lower, random));
        } else {
          out->push_back(upper ? Upper(c) : c);
        }
      }
      return;
    }
    case Evasion::kSpacing: {
      constexpr char kSeparators[] = {' ', ' ', '.', '-'};
      const char separator = kSeparators[random.Below(4)];
      for (size_t i = 0; i < cased.size(); ++i) {
        if (i > 0) out->push_back(separator);
        out->push_back(cased[i]);
      }
      return;
    }
    case Evasion::kHomoglyph: {
      int eligible = 0;
      for (char c : cased) eligible += Homoglyph(c) != 0;
      const int wanted = 1 + static_cast<int>(random.Below(eligible < 3 ? eligible : 3));
      int replaced = 0;
      int seen = 0;
      for (char c : cased) {
        const char32_t glyph = Homoglyph(c);
        if (glyph != 0) {
          ++seen;
          // Replace each eligible letter with the probability that still reaches `wanted`.
          const int left = eligible - seen + 1;
          if (replaced < wanted && random.Below(left) < static_cast<uint32_t>(wanted - replaced)) {
            AppendCodepoint(glyph, out);
            ++replaced;
            continue;
          }
        }
        out->push_back(c);
      }
      return;
    }
    case Evasion::kFullwidth:
      for (char c : cased) {
        if (c > ' ' && c < 0x7f) {
          AppendCodepoint(static_cast<char32_t>(0xff01 + (c - '!')), out);
        } else {
          out->push_back(c);
        }
      }
      return;
    case Evasion::kZeroWidth: {
      constexpr char32_t kInvisible[] = {U'\u200b', U'\u200b', U'\u200b',
                                         U'\u200c', U'\u200d', U'\u2060'};
      const size_t first = 1 + random.Below(static_cast<uint32_t>(cased.size() - 1));
      const size_t second = random.Chance(0.3)
                                ? 1 + random.Below(static_cast<uint32_t>(cased.size() - 1))
                                : std::string::npos;
      for (size_t i = 0; i < cased.size(); ++i) {
        if (i == first || i == second) AppendCodepoint(kInvisible[random.Below(6)], out);
        out->push_back(cased[i]);
      }
      return;
    }
  }
}

void AppendPlantedSentence(const PlantItem& item, std::string_view language, Evasion evasion,
                           Random& random, std::string* out, std::string* surface) {
  const std::span<const Template> templates = TemplatesFor(item.category);
  // Sellers in languages without a template of their own mostly write English.
  uint32_t matching = 0;
  for (const Template& t : templates) matching += t.language == language;
  const SV wanted = matching > 0 ? language : SV("en");
  if (matching == 0) {
    for (const Template& t : templates) matching += t.language == wanted;
  }
  uint32_t pick = random.Below(matching);
  const Template* chosen = &templates[0];
  for (const Template& t : templates) {
    if (t.language == wanted && pick-- == 0) {
      chosen = &t;
      break;
    }
  }
  const SV text = chosen->text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}') {
      switch (text[i + 1]) {
        case 't': {
          const size_t start = out->size();
          AppendEvaded(item.term, evasion, random, out);
          surface->assign(*out, start, out->size() - start);
          break;
        }
        case 'q':
          AppendNumber(2 + random.Below(98), out);
          break;
        case 'p':
          AppendPhone(random, out);
          break;
      }
      i += 2;
      continue;
    }
    out->push_back(text[i]);
  }
}

}  // namespace listscan::corpus
