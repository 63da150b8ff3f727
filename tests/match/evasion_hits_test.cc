// Evasions are undone for keywords and reported with the original bytes and offsets.
#include "normalize/folded_text.h"
#include "pack_fixture.h"

namespace listscan::testing {
namespace {

std::string EvasionOf(const std::shared_ptr<const CompiledPack>& pack, const std::string& title) {
  auto scanner = Scanner::Create(pack);
  REQUIRE(scanner.ok());
  std::vector<Hit> hits;
  REQUIRE((*scanner)->Scan(MakeListing({{"title", title}}), &hits).ok());
  REQUIRE(hits.size() == 1);
  return std::string(EvasionName(hits[0].evasions)) + " " + std::to_string(hits[0].start) + " " +
         std::to_string(hits[0].end);
}

TEST_CASE("each evasion is found and named", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [sibutramine]\n"));
  CHECK(EvasionOf(pack, "buy Sibutramine") == " 4 15");
  CHECK(EvasionOf(pack, "buy S1BUTR4MINE") == "leet 4 15");
  CHECK(EvasionOf(pack, "buy s i b u t r a m i n e now") == "spacing 4 25");
  CHECK(EvasionOf(pack, "buy s.i.b.u.t.r.a.m.i.n.e") == "spacing 4 25");
  CHECK(EvasionOf(pack, "buy \xd1\x95ibutramine") == "homoglyph 4 16");           // Cyrillic ѕ
  CHECK(EvasionOf(pack, "buy sibu\xe2\x80\x8btramine") == "zero_width 4 18");    // U+200B
  CHECK(EvasionOf(pack, "buy sibutr\xc3\xa1mine") == "diacritics 4 16");          // á
  CHECK(EvasionOf(pack, "\xef\xbd\x93\xef\xbd\x89\xef\xbd\x82\xef\xbd\x95\xef\xbd\x94\xef\xbd\x92"
                        "\xef\xbd\x81\xef\xbd\x8d\xef\xbd\x89\xef\xbd\x8e\xef\xbd\x85") ==
        "fullwidth 0 33");
}

TEST_CASE("a word in its own script is no homoglyph; a Latin letter slipped into it is",
          "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [\"σιβουτραμίνη\"]\n"));
  CHECK(EvasionOf(pack, "κάψουλες σιβουτραμίνη") == " 17 41");
  CHECK(EvasionOf(pack, "κάψουλες σιβουτραμινη") == " 17 41");  // as the keyword's accents
  CHECK(EvasionOf(pack, "κάψουλες σιβoυτραμινη") == "homoglyph 17 40");    // Latin o
}

TEST_CASE("a keyword written with diacritics is no evasion when the text has them too",
          "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [\"sildénafil\"]\n"));
  CHECK(EvasionOf(pack, "Sildénafil 100") == " 0 11");
  CHECK(EvasionOf(pack, "Sildenafil 100") == " 0 10");
}

TEST_CASE("a regex match over the language's own accents is no evasion", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    regex: ['bez\\suzemneni']\n"));
  CHECK(EvasionOf(pack, "zástrčka bez uzemnění") == " 11 25");
}

TEST_CASE("short keywords are not matched through leet, but spaced out they are",
          "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [dnp]\n"));
  CHECK(ScanTitle(pack, "pure DNP powder") == Strings{"t.rule title 5 8 DNP"});
  CHECK(ScanTitle(pack, "pure D.N.P powder") == Strings{"t.rule title 5 10 D.N.P evasion"});
  CHECK(ScanTitle(pack, "d4p 100").empty());
  CHECK(ScanTitle(pack, "d n").empty());
}

TEST_CASE("digits alone, or glued to other digits, are a number, not leet", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [tele, viagra]\n"));
  CHECK(ScanTitle(pack, "barcode 0036731321008").empty());  // "7313" inside a number
  CHECK(ScanTitle(pack, "call 7313 today").empty());         // a number on its own
  CHECK(ScanTitle(pack, "V14GR4 100mg") == Strings{"t.rule title 0 6 V14GR4 evasion"});
  CHECK(ScanTitle(pack, "Viagra100mg") == Strings{"t.rule title 0 6 Viagra"});
}

TEST_CASE("a dose glued to its unit is two words, whatever its last digit", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [mg, tele]\n"));
  CHECK(ScanTitle(pack, "Victan 2mg") == Strings{"t.rule title 8 10 mg"});
  CHECK(ScanTitle(pack, "tabs 10mg") == Strings{"t.rule title 7 9 mg"});
  CHECK(ScanTitle(pack, "26mg") == Strings{"t.rule title 2 4 mg"});
  CHECK(ScanTitle(pack, "code 27313").empty());  // leet digits inside a number stay a number
}

TEST_CASE("a short phrase written letter by letter matches the phrase", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [\"no CE\", \"ohne CE\", \"no fuse\"]\n"));
  CHECK(ScanTitle(pack, "charger n o  C E") == Strings{"t.rule title 8 16 n o  C E evasion"});
  CHECK(ScanTitle(pack, "Ladegerät o.h.n.e C.E") == Strings{"t.rule title 11 22 o.h.n.e C.E evasion"});
  CHECK(ScanTitle(pack, "plug n*o f*u*s*e") == Strings{"t.rule title 5 16 n*o f*u*s*e evasion"});
  // Evenly spaced letters run together: where the words end is unknown.
  CHECK(ScanTitle(pack, "n o C E").empty());
  CHECK(ScanTitle(pack, "Italian noce wood").empty());
}

TEST_CASE("a one-letter word spelt out with a keyword is not part of it", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [lilial]\n    fuzzy: false\n"));
  // Polish "z" (with) and "i" (and) joined into the run: "zlilial", "liliali".
  CHECK(EvasionOf(pack, "Balsam z L i l i a l, 400 ml") == "spacing 9 20");
  CHECK(EvasionOf(pack, "Krem L i l i a l i parabeny") == "spacing 5 16");
  // Written as one word, the letter is the word's own.
  CHECK(ScanTitle(pack, "Balsam zlilial").empty());
  CHECK(ScanTitle(pack, "Balsam z Lilialx").empty());
}

TEST_CASE("a long phrase spelt out letter by letter in one run matches the phrase",
          "[match][evasion]") {
  auto pack = CompileYaml(
      OneRule("    keywords: [\"senza certificazione\", \"χωρίς πιστοποίηση\", \"no CE\"]\n"));
  CHECK(ScanTitle(pack, "USB s e n z a c e r t i f i c a z i o n e") ==
        Strings{"t.rule title 4 41 s e n z a c e r t i f i c a z i o n e evasion"});
  CHECK(ScanTitle(pack, "\xCF\x87 \xCF\x89 \xCF\x81 \xCE\xAF \xCF\x82 \xCF\x80 \xCE\xB9 \xCF\x83 "
                        "\xCF\x84 \xCE\xBF \xCF\x80 \xCE\xBF \xCE\xAF \xCE\xB7 \xCF\x83 \xCE\xB7")
            .size() == 1);
  // The same letters written as one word are no evasion of the phrase, and short phrases stay
  // unmatched (see above).
  CHECK(ScanTitle(pack, "senzacertificazione").empty());
  CHECK(ScanTitle(pack, "n o C E").empty());
}

TEST_CASE("a regex reads the leet of a field that has a word in leet", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    regex: ['senza\\smessa\\sa\\sterra', '[0-9]+\\s?mw\\b']\n"));
  CHECK(EvasionOf(pack, "Stufa s3nz4 m3554 a t3rra") == "leet 6 25");
  CHECK(EvasionOf(pack, "Stufa senza messa a terra") == " 6 25");
  // Digits of a dose stay digits for the regexes too; the field's leet word does not change that.
  CHECK(ScanTitle(pack, "L4s3r 5000mW") == Strings{"t.rule title 6 12 5000mW"});
  auto dose_pack = CompileYaml(OneRule("    regex: ['tavor\\s?1\\s?mg']\n"));
  CHECK(ScanTitle(dose_pack, "T4v0r 1mg") == Strings{"t.rule title 0 9 T4v0r 1mg evasion"});
  CHECK(ScanTitle(dose_pack, "Tav0r 1 mg") == Strings{"t.rule title 0 10 Tav0r 1 mg evasion"});
  // A word that starts in leet is read when it has leet between two letters too.
  auto word_pack = CompileYaml(OneRule("    regex: ['semaglutide\\s1\\smg']\n"));
  CHECK(EvasionOf(word_pack, "53m@glut1de 1 mg") == "leet 0 16");
  // Without a leet byte between two letters ("n0", "B12", "5000mW") a field is read as written.
  CHECK(ScanTitle(pack, "senz4 messa a terra").empty());
  // Only a match that reads leet between two letters is leet: the field's codes stay codes.
  auto line_pack = CompileYaml(OneRule("    regex: ['line:\\s[a-z]{4}\\b']\n"));
  CHECK(ScanTitle(line_pack, "H3llo, advice line: 3400").empty());
  CHECK(ScanTitle(line_pack, "H3llo, advice line: b3ll") ==
        Strings{"t.rule title 14 24 line: b3ll evasion"});
  // In a group, each listing gets the leet matches of its own fields.
  const auto group = ScanTitlesAsOneGroup(
      pack, {"s3nz4 m3554 a t3rra", "senza terra", "10 mW", "Stufa s3nz4 m3554 a t3rra"});
  REQUIRE(group[0].size() == 1);
  CHECK(group[0][0].start == 0);
  CHECK(group[1].empty());
  REQUIRE(group[2].size() == 1);
  CHECK((group[2][0].evasions & kEvasionLeet) == 0);
  REQUIRE(group[3].size() == 1);
  CHECK(group[3][0].start == 6);
  CHECK((group[3][0].evasions & kEvasionLeet) != 0);
}

TEST_CASE("a regex reads letters spelt out one by one, joined as the keywords see them",
          "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    regex: ['\\b[1-9][0-9]{2,}\\s?w\\b', 'no\\sfuse']\n"));
  // The match is reported over the original text, separators included.
  CHECK(EvasionOf(pack, "CB amplifier 1 0 0 0 W") == "spacing 13 22");
  CHECK(EvasionOf(pack, "UK plug n.o  f.u.s.e inside") == "spacing 8 20");
  CHECK(EvasionOf(pack, "CB amplifier 1000 W") == " 13 19");
  // Matches that need no joined letter are the normalized view's own, reported once.
  const auto both = ScanTitlesAsOneGroup(pack, {"n o t a b e n e: 500 W"});
  REQUIRE(both[0].size() == 1);
  CHECK(both[0][0].start == 17);
  CHECK((both[0][0].evasions & kEvasionSpacing) == 0);
  // Single letters with nothing joined stay apart ("a b" is no run).
  CHECK(ScanTitle(pack, "size 5 0 W").empty());
}

TEST_CASE("regex exceptions read leet as the hits do", "[match][evasion]") {
  auto pack = CompileYaml(OneRule(
      "    keywords: [hydroquinone]\n    exceptions: [{regex: 'without\\shydroquinone'}]\n"));
  CHECK(ScanTitle(pack, "cream w1th0ut hydroquinone").empty());
  CHECK(ScanTitle(pack, "cream with hydr0quin0ne") ==
        Strings{"t.rule title 11 23 hydr0quin0ne evasion"});
}

TEST_CASE("a rule can refuse evasions", "[match][evasion]") {
  auto pack = CompileYaml(OneRule("    keywords: [viagra]\n    evasions: []\n"));
  CHECK(ScanTitle(pack, "V1AGRA") == Strings{});
  CHECK(ScanTitle(pack, "VIAGRA") == Strings{"t.rule title 0 6 VIAGRA"});
  auto regex_pack = CompileYaml(OneRule("    regex: ['senza\\smessa']\n    evasions: []\n"));
  CHECK(ScanTitle(regex_pack, "s3nz4 m3554").empty());
  CHECK(ScanTitle(regex_pack, "senza messa") == Strings{"t.rule title 0 11 senza messa"});
}

}  // namespace
}  // namespace listscan::testing
