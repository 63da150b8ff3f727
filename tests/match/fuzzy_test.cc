// Misspellings of long keywords: one edit after the phonetic fold, reported as "misspelling",
// guarded by the pack's common words and switched per rule.
#include "match/fuzzy_index.h"
#include "normalize/folded_text.h"
#include "pack_fixture.h"

namespace listscan::testing {
namespace {

// "match evasion" of the one hit, or "" when nothing flags.
std::string Found(const std::shared_ptr<const CompiledPack>& pack, const std::string& title) {
  auto scanner = Scanner::Create(pack);
  REQUIRE(scanner.ok());
  const Listing listing = MakeListing({{"title", title}});
  std::vector<Hit> hits;
  REQUIRE((*scanner)->Scan(listing, &hits).ok());
  if (hits.empty()) return "";
  REQUIRE(hits.size() == 1);
  return title.substr(hits[0].start, hits[0].end - hits[0].start) + " " +
         std::string(EvasionName(hits[0].evasions));
}

TEST_CASE("phonetic keys fold spellings that sound alike", "[match][fuzzy]") {
  std::string key;
  PhoneticKey("fluoxetine", &key);
  CHECK(key == "fluoxetine");
  PhoneticKey("fluoksetine", &key);
  CHECK(key == "fluoxetine");
  PhoneticKey("ciprofloacin", &key);  // one letter dropped is one edit from "ciprofloxacin"
  CHECK(key == "ciprofloacin");
  PhoneticKey("saxsenda", &key);
  CHECK(key == "saxenda");
  PhoneticKey("ozempic", &key);
  CHECK(key == "osembic");
  PhoneticKey("ozemppic", &key);
  CHECK(key == "osembic");
  PhoneticKey("phentermine", &key);
  CHECK(key == "fentermine");
  PhoneticKey("hydroquinnone", &key);
  CHECK(key == "hidrocuinone");
}

TEST_CASE("Greek keys fold letters and digraphs that sound alike", "[match][fuzzy]") {
  // Keys are taken of skeletons, where Greek letters with a Latin look-alike are Latin already.
  auto greek_key = [](const std::string& word) {
    FoldedText folded;
    FoldText(word, &folded);
    std::string key;
    GreekKey(folded.skeleton, &key);
    return key;
  };
  CHECK(greek_key("λέιζερ") == greek_key("λέηζερ"));               // ει and η are one "i"
  CHECK(greek_key("σιβουτραμίνη") == greek_key("σιμπουτραμίνι"));  // μπ and β, η and ι
  CHECK(greek_key("κρέμα") == greek_key("κραίμα"));                // αι is ε
  CHECK(greek_key("φωτιά") == greek_key("φοτιά"));                 // ω is ο
  CHECK(greek_key("κουτί") != greek_key("κιτί"));                  // ου stays
  CHECK(greek_key("θάλλασα") == greek_key("θάλασσα"));             // doubled letters once
}

TEST_CASE("Greek words match Greek keywords through their Greek key", "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [\"λέιζερ\", \"εναντική\", modafinil]\n"));
  CHECK(Found(pack, "Πράσινο λέηζερ 5000 mW") == "λέηζερ misspelling");
  // A keyword of look-alike letters only, misspelt with a Greek letter.
  CHECK(Found(pack, "ενανδική 250") == "ενανδική misspelling");
  CHECK(Found(pack, "εναντηκή 250") == "εναντηκή misspelling");
  // A Latin word with one Greek letter is read as Latin.
  CHECK(Found(pack, "Μοdafinil 200") == "Μοdafinil misspelling");
}

TEST_CASE("a phrase word of seven letters matches words that sound like it", "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [\"FM vysílač\"]\n"));
  CHECK(Found(pack, "FM vysýlač 15 W") == "FM vysýlač misspelling");
  CHECK(Found(pack, "FM vysýlač") == "FM vysýlač misspelling");
  CHECK(Found(pack, "vysýlač 15 W") == "");  // the rest of the phrase must stand around it
}

TEST_CASE("a common word that is a word of a phrase stays a common word", "[match][fuzzy]") {
  // "graisse" is a word of the phrase, and still the likelier reading of "graise"; "brûleur de
  // graise" is the phrase misspelt.
  auto pack = CompileYaml(OneRule("    keywords: [gralise, \"brûleur de graisse\"]\n") +
                          "common_words: [graisse, vysílač]\n");
  CHECK(Found(pack, "huile, graise de palme") == "");
  CHECK(Found(pack, "Gralise 600 mg") == "Gralise ");
  CHECK(Found(pack, "brûleur de graise") == "brûleur de graise misspelling");
  // A common word that is the phrase word itself is no other reading of its misspelling.
  auto radio =
      CompileYaml(OneRule("    keywords: [\"FM vysílač\"]\n") + "common_words: [vysílač]\n");
  CHECK(Found(radio, "FM vysýlač 15 W") == "FM vysýlač misspelling");
}

TEST_CASE("one edit: a letter changed, added, dropped, or two swapped", "[match][fuzzy]") {
  CHECK(WithinOneEdit("sibutramine", "sibutramine"));
  CHECK(WithinOneEdit("sibutramine", "sibutramone"));   // changed
  CHECK(WithinOneEdit("sibutramine", "sibuttramine"));  // added
  CHECK(WithinOneEdit("sibutramine", "sibtramine"));    // dropped
  CHECK(WithinOneEdit("sibutramine", "sibutarmine"));   // swapped
  CHECK_FALSE(WithinOneEdit("sibutramine", "sibatramone"));
  CHECK_FALSE(WithinOneEdit("sibutramine", "sibutrami"));
  // A two-byte letter is one letter: "ι" for "i" is one change, not two.
  CHECK(WithinOneEdit("\xcf\x83\xce\xb9\xce\xb2\xce\xbf\xcf\x85", "\xcf\x83\xce\xb9\xce\xb2\xce\xb1\xcf\x85"));
}

TEST_CASE("misspelt long keywords flag, with evasion misspelling", "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [clenbuterol, hydroquinone, fluoxetine]\n"));
  CHECK(Found(pack, "Clenbuterole 40mcg") == "Clenbuterole misspelling");
  CHECK(Found(pack, "cream with hydroquinnone 4%") == "hydroquinnone misspelling");
  CHECK(Found(pack, "fluoksetin 20 mg") == "fluoksetin misspelling");
  CHECK(Found(pack, "fluoxitine capsules") == "fluoxitine misspelling");
  CHECK(Found(pack, "Clenbuterol 40mcg") == "Clenbuterol ");
  // Two edits, or an edit inside a longer word, are not the keyword.
  CHECK(Found(pack, "clanbutarol") == "");
  CHECK(Found(pack, "hydroquinonesque") == "");
  // Typographic quotes and guillemets are not part of the word.
  CHECK(Found(pack, "mit „Clenbuterole“ 40mcg") == "Clenbuterole misspelling");
  CHECK(Found(pack, "crema «hydroquinnone» 4%") == "hydroquinnone misspelling");
}

TEST_CASE("keywords of 5 or 6 letters match only spellings that sound the same",
          "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [tramadol]\n"));
  CHECK(Found(pack, "tramadool 50") == "tramadool misspelling");  // 8 letters: one edit
  CHECK(Found(pack, "tramedol 50") == "tramedol misspelling");
  auto shorter = CompileYaml(OneRule("    keywords: [xanax, dmaa]\n"));
  CHECK(Found(shorter, "xanaks bars") == "xanaks misspelling");  // sounds the same
  CHECK(Found(shorter, "xanex bars") == "");                      // one edit: too short
  CHECK(Found(shorter, "dmmaa") == "");                           // 4 letters: exact
  // The skeleton reads l as i and doubled letters count once, so "lilial" has a key of three
  // letters; its six letters still make it a keyword sound-alikes reach.
  auto lilial = CompileYaml(OneRule("    keywords: [lilial]\n"));
  CHECK(Found(lilial, "Bodylotion mit Lillial") == "Lillial misspelling");
  CHECK(Found(lilial, "Lilyal") == "Lilyal misspelling");
  CHECK(Found(lilial, "Lilia") == "");
}

TEST_CASE("rules can switch fuzzy off or raise the length for one edit", "[match][fuzzy]") {
  auto off = CompileYaml(OneRule("    keywords: [tramadol]\n    fuzzy: false\n"));
  CHECK(Found(off, "tramadool 50") == "");
  auto longer = CompileYaml(OneRule("    keywords: [tramadol]\n    fuzzy: {min_letters: 9}\n"));
  CHECK(Found(longer, "tramedol 50") == "");
  CHECK(Found(longer, "tramadool 50") == "tramadool misspelling");  // still sounds the same
}

TEST_CASE("common words are never misspellings", "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [morphine]\n") + "common_words: [morphing]\n");
  CHECK(Found(pack, "Morphing robot toy") == "");
  CHECK(Found(pack, "morphne 10mg") == "morphne misspelling");
}

TEST_CASE("a non-word one edit from a common word is that word's typo", "[match][fuzzy]") {
  // "vitamina" lies two edits from "ketamina" (phonetic keys "vitamina", "cetamina"); "citamina"
  // lies one edit from both, and is the typo of the ordinary word.
  auto pack = CompileYaml(OneRule("    keywords: [ketamina]\n") + "common_words: [vitamina]\n");
  CHECK(Found(pack, "complesso citamina B12") == "");   // one changed from each
  CHECK(Found(pack, "complesso vitamna B12") == "");    // one short of the word
  CHECK(Found(pack, "complesso vitamiina B12") == "");  // one more
  CHECK(Found(pack, "ketamyna 10 ml") == "ketamyna misspelling");  // sounds like the keyword
  CHECK(Found(pack, "cetamima 10 ml") == "cetamima misspelling");  // nearer the keyword only
  // A word that sounds like a common word is that word, whichever keyword it is near: the
  // skeleton reads "l" as "i", so "gralise" (a pregabalin brand) sounds like "graisse" (fat).
  auto brand = CompileYaml(OneRule("    fuzzy: {min_letters: 7}\n    keywords: [gralise]\n") +
                           "common_words: [graisse]\n");
  CHECK(Found(brand, "huile, graise de palme") == "");
  CHECK(Found(brand, "Gralise 600 mg") == "Gralise ");
  // Sounding alike, the nearer word wins letter by letter: "jammmer" is one letter from "jammer"
  // and two from the common word "jamer"; a tie goes to the common word.
  auto names = CompileYaml(OneRule("    keywords: [jammer]\n") + "common_words: [jamer]\n");
  CHECK(Found(names, "GPS jammmer 16 bands") == "jammmer misspelling");
  CHECK(Found(names, "GPS jamer 16 bands") == "");
}

TEST_CASE("a misspelt word of a phrase matches when the rest stands as written",
          "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [\"senza certificazione\", \"China Export\"]\n"));
  // Only words long enough for an edit: "Chhina" stays unread.
  CHECK(Found(pack, "Caricatore senza certificazzione 5V") ==
        "senza certificazzione misspelling");
  CHECK(Found(pack, "Giocattolo Chhina Export") == "");
  CHECK(Found(pack, "Caricatore senza certificazione 5V") == "senza certificazione ");
  CHECK(Found(pack, "certificazzione senza") == "");       // the other words out of place
  CHECK(Found(pack, "assenza certificazzione") == "");     // inside a longer word
}

TEST_CASE("a phrase with a one-letter word leaves the keyword's misspellings alone",
          "[match][fuzzy]") {
  // "Tilidin N" spelt out joins to "tilidinn" in the skeleton; as written, that is a misspelling.
  auto pack = CompileYaml(OneRule("    keywords: [Tilidin, \"Tilidin N\"]\n"));
  CHECK(Found(pack, "Tilidinn 100/8") == "Tilidinn misspelling");
  CHECK(Found(pack, "T i l i d i n N") == "T i l i d i n N spacing");
}

TEST_CASE("a keyword split in two words flags, with evasion spacing", "[match][fuzzy]") {
  auto pack =
      CompileYaml(OneRule("    keywords: [tadalafil, tramadol, hydroquinone, tilidin, viagra, xanax]\n"));
  CHECK(Found(pack, "Tadala fil 20mg") == "Tadala fil spacing");
  CHECK(Found(pack, "Via gra 100mg") == "Via gra spacing");  // six letters, three a piece
  CHECK(Found(pack, "trama-dol 50 mg") == "trama-dol spacing");
  CHECK(Found(pack, "hydro.quinone cream") == "hydro.quinone spacing");
  CHECK(Found(pack, "hydro_quinone cream") == "hydro_quinone spacing");
  CHECK(Found(pack, "trama  dol") == "trama  dol spacing");  // a run of spaces is one
  // Pieces of three letters or more, the keyword's own letters, one separator, no leet.
  CHECK(Found(pack, "hydroquino ne") == "");
  CHECK(Found(pack, "Xan ax 2mg") == "");
  // Three pieces of two letters or more, one separator throughout.
  CHECK(Found(pack, "Tra-ma-dol 50mg") == "Tra-ma-dol spacing");
  CHECK(Found(pack, "ta.da.la.fil") == "");   // four pieces
  CHECK(Found(pack, "tra-ma dol 50") == "");  // two separators
  CHECK(Found(pack, "Xa-na-x 2mg") == "");    // a piece of one letter
  CHECK(Found(pack, "trama - dol") == "");
  CHECK(Found(pack, "tad alafil") == "tad alafil spacing");
  CHECK(Found(pack, "t4dala fil") == "");
  // The skeleton reads "ll" as "li": "till din" (Swedish, "to your") is not "tilidin".
  CHECK(Found(pack, "till din hund") == "");
  // The two words make the whole keyword, no more: "tadala filter" is not "tadalafil".
  CHECK(Found(pack, "tadala filter") == "");
  // Pieces that are both words of the pack (keywords or common words) are not a split keyword.
  auto words =
      CompileYaml(OneRule("    keywords: [magnetkugeln]\n") + "common_words: [magnet, kugeln]\n");
  CHECK(Found(words, "Magnet Kugeln 5mm") == "");
  CHECK(Found(words, "Magnetku geln 5mm") == "Magnetku geln spacing");
}

TEST_CASE("edit distance counts changes, additions, drops and swaps up to a limit",
          "[match][fuzzy]") {
  CHECK(EditDistance("graisse", "gralise", 2) == 2);
  CHECK(EditDistance("sibutramine", "sibutarmine", 2) == 1);
  CHECK(EditDistance("sibutramine", "sibutramine", 2) == 0);
  CHECK(EditDistance("sibutramine", "sbutarmin", 2) == 3);  // over the limit
  CHECK(EditDistance("abc", "abcdef", 2) == 3);
}

TEST_CASE("a rule that accepts no misspellings ignores them", "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [tramadol]\n    evasions: [leet]\n"));
  CHECK(Found(pack, "tramadool 50") == "");
  CHECK(Found(pack, "tr4madol 50") == "tr4madol leet");
}

TEST_CASE("words with leet digits and codes are not read as misspellings", "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [isotretinoin]\n"));
  CHECK(Found(pack, "part LS0000737 and 1s0tret1n0in") == "1s0tret1n0in leet");
}

TEST_CASE("a long word of letters with a leet digit or two is read for misspellings too",
          "[match][fuzzy]") {
  auto pack = CompileYaml(OneRule("    keywords: [clenbuterol]\n"));
  CHECK(Found(pack, "clenbuter0le 40mcg") == "clenbuter0le misspelling");
  CHECK(Found(pack, "c1enbu73r0le") == "");  // four of twelve bytes leet: more than a quarter
}

}  // namespace
}  // namespace listscan::testing
