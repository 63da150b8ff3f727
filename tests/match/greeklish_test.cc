// Greek keywords found in Greek written with Latin letters ("Greeklish"), reported as
// "transliteration", only in listings that read as Greeklish.
#include "match/greeklish_index.h"

#include "match/fuzzy_index.h"
#include "normalize/folded_text.h"
#include "pack_fixture.h"

namespace listscan::testing {
namespace {

// The Greek key of a Greeklish word under one reading, and of a Greek word.
std::string KeyOfGreeklish(const std::string& latin, uint8_t readings = 0) {
  std::string greek, key;
  GreeklishToGreek(latin, readings, &greek);
  GreekKey(greek, &key);
  return key;
}
std::string KeyOfGreek(const std::string& word) {
  FoldedText folded;
  FoldText(word, &folded);
  std::string key;
  GreekKey(folded.normalized, &key);
  return key;
}

TEST_CASE("Greeklish spellings of a word meet its Greek key", "[match][greeklish]") {
  std::string greek;
  CHECK(GreeklishToGreek("xwris", 0, &greek) == kXiReading);
  CHECK(greek == "xwpi\u03C3");  // χωρισ as the normalized view writes it
  for (const char* spelling : {"xwris", "xoris", "choris"}) {
    INFO(spelling);
    CHECK(KeyOfGreeklish(spelling) == KeyOfGreek("χωρίς"));
  }
  for (const char* spelling : {"syntagh", "sintagi", "syntagi"}) {
    INFO(spelling);
    CHECK(KeyOfGreeklish(spelling) == KeyOfGreek("συνταγή"));
  }
  CHECK(KeyOfGreeklish("8ermansh") == KeyOfGreek("θέρμανση"));
  CHECK(KeyOfGreeklish("boh8htikes") == KeyOfGreek("βοηθητικές"));
  CHECK(KeyOfGreeklish("10aria") == KeyOfGreek("10άρια"));  // digits beside digits stay a number
  CHECK(KeyOfGreeklish("thermansi") == KeyOfGreek("θέρμανση"));
  CHECK(KeyOfGreeklish("mpataria") == KeyOfGreek("μπαταρία"));
  CHECK(KeyOfGreeklish("bataria") == KeyOfGreek("μπαταρία"));
  CHECK(KeyOfGreeklish("ksekleidwto") == KeyOfGreek("ξεκλείδωτο"));
  CHECK(KeyOfGreeklish("psyxh") == KeyOfGreek("ψυχή"));
  // "th" before a consonant or at the end is τ and η ("thn", "sth"), before a vowel θ.
  CHECK(KeyOfGreeklish("thn") == KeyOfGreek("την"));
  CHECK(KeyOfGreeklish("sth") == KeyOfGreek("στη"));
  // "h" before a vowel is χ ("hapia"), elsewhere η.
  CHECK(KeyOfGreeklish("hapia") == KeyOfGreek("χάπια"));
  CHECK(KeyOfGreeklish("kalh") == KeyOfGreek("καλή"));
  // αυ and ευ before a consonant as "af"/"ev"; an "f" before a vowel is φ.
  CHECK(KeyOfGreeklish("afto") == KeyOfGreek("αυτό"));
  CHECK(KeyOfGreeklish("efedrini") == KeyOfGreek("εφεδρίνη"));
  // Two-way letters: a "u" of its own is ου first, υ second; an "x" χ first, ξ second.
  CHECK(KeyOfGreeklish("pu") == KeyOfGreek("που"));
  CHECK(GreeklishToGreek("nuxi", 0, &greek) == (kUpsilonReading | kXiReading));
  CHECK(KeyOfGreeklish("nuxi") != KeyOfGreek("νύχι"));
  CHECK(KeyOfGreeklish("nuxi", kUpsilonReading) == KeyOfGreek("νύχι"));
  CHECK(KeyOfGreeklish("taxi", kXiReading) == KeyOfGreek("ταξί"));
}

TEST_CASE("a listing reads as Greeklish by its Greek words", "[match][greeklish]") {
  CHECK(LooksGreeklish({"xapia adynatismatos", "kainourgio kouti, apostolh pantou"}));
  CHECK(LooksGreeklish({"Kalh katastash, kainourgia frena."}));
  CHECK(LooksGreeklish({"to kapaki anoigei me to nuxi", "exei mpataria"}));
  // Words Greeklish shares with Italian, Spanish and English are not enough alone.
  CHECK_FALSE(LooksGreeklish({"Mesa de comedor para 6 personas, se alarga"}));
  CHECK_FALSE(LooksGreeklish({"Zaino usato, già lavato, per te o per mia figlia"}));
  CHECK_FALSE(LooksGreeklish({"Magnetic balls, a toy for kids, in a tin box"}));
  CHECK_FALSE(LooksGreeklish({"Zagłuszarka GPS do auta, nie widzi auta"}));
  CHECK_FALSE(LooksGreeklish({}));
}

TEST_CASE("Greek keywords match Greeklish listings, with their offsets", "[match][greeklish]") {
  auto pack = CompileYaml(OneRule(
      "    keywords: [\"χωρίς συνταγή\", \"μπαταρία κουμπί\", \"με το νύχι\"]\n"));
  const Listing offer = MakeListing(
      {{"title", "Xanax 1mg"}, {"description", "kouti 30 xapia, xwris syntagh, apostolh"}});
  CHECK(ScanToStrings(pack, offer, true) ==
        std::vector<std::string>{"t.rule description 16 29 xwris syntagh transliteration"});
  // Another Greeklish style of the same phrase; with a comma between its words, none.
  CHECK(ScanToStrings(pack, MakeListing({{"title", "Xoris sintagi, kai apostolh"}}), true) ==
        std::vector<std::string>{"t.rule title 0 13 Xoris sintagi transliteration"});
  CHECK(ScanToStrings(pack, MakeListing({{"title", "xwris, syntagh kai apo"}}), true).empty());
  CHECK(ScanToStrings(pack, MakeListing({{"title", "to kapaki anoigei me to nuxi"},
                                         {"description", "exei mpataria koumpi"}}), true) ==
        std::vector<std::string>{"t.rule title 18 28 me to nuxi transliteration",
                                 "t.rule description 5 20 mpataria koumpi transliteration"});
  // Greek script is the exact keywords' own hit, found once, with no evasion.
  CHECK(ScanToStrings(pack, MakeListing({{"title", "Xanax χωρίς συνταγή, kai apo"}}), true) ==
        std::vector<std::string>{"t.rule title 6 31 χωρίς συνταγή "});
  // A listing that does not read as Greeklish is not read this way.
  CHECK(ScanToStrings(pack, MakeListing({{"title", "Xanax xwris syntagh"}}), true).empty());
}

TEST_CASE("rules can refuse transliterated hits", "[match][greeklish]") {
  auto pack = CompileYaml(OneRule(
      "    keywords: [\"χωρίς συνταγή\"]\n"
      "    evasions: [misspelling]\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "xapia xwris syntagh kai apo"}}), true).empty());
}

}  // namespace
}  // namespace listscan::testing
