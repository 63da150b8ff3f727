// Each evasion of docs/rule-format.md folds back to the plain keyword's skeleton, is named over
// the hit's span, and maps back to the exact original bytes.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "normalize/folded_text.h"

namespace listscan {
namespace {

struct Found {
  std::pair<uint32_t, uint32_t> original;  // byte range in the original text
  std::string evasion;
};

// Folds `text` and locates `keyword`'s skeleton in the text's skeleton.
Found FindKeyword(const std::string& text, const std::string& keyword) {
  FoldedText folded;
  FoldText(text, &folded);
  const std::string needle = SkeletonKeyword(keyword);
  const size_t at = folded.skeleton.find(needle);
  INFO("skeleton: " << folded.skeleton);
  REQUIRE(at != std::string::npos);
  const auto begin = static_cast<uint32_t>(at);
  const auto end = static_cast<uint32_t>(at + needle.size());
  return {folded.OriginalSpanOfSkeleton(begin, end),
          std::string(EvasionName(folded.SkeletonEvasions(begin, end)))};
}

using Span = std::pair<uint32_t, uint32_t>;

TEST_CASE("a keyword's skeleton is its plain lower-case spelling", "[normalize]") {
  CHECK(SkeletonKeyword("Sibutramine") == "sibutramine");
  CHECK(SkeletonKeyword("  no   prescription ") == "no prescription");
  CHECK(NormalizeKeyword(" No\tPrescription ") == "no prescription");
}

TEST_CASE("leetspeak folds to the keyword and is named leet", "[normalize]") {
  const Found found = FindKeyword("Buy S1BUTR4MINE now", "sibutramine");
  CHECK(found.original == Span{4, 15});
  CHECK(found.evasion == "leet");
}

TEST_CASE("a dollar sign starting a word is read as s", "[normalize]") {
  const Found found = FindKeyword("only $ibutramine", "sibutramine");
  CHECK(found.original == Span{5, 16});
  CHECK(found.evasion == "leet");
}

TEST_CASE("a 9 is read as g and a bar starting a word as l", "[normalize]") {
  const Found kamagra = FindKeyword("Kama9ra 100 mg", "kamagra");
  CHECK(kamagra.original == Span{0, 7});
  CHECK(kamagra.evasion == "leet");
  const Found levitra = FindKeyword("buy |evitra", "levitra");
  CHECK(levitra.original == Span{4, 11});
  CHECK(levitra.evasion == "leet");
}

TEST_CASE("a bar between words stays punctuation", "[normalize]") {
  FoldedText folded;
  FoldText("Levitra | 20 mg |x", &folded);
  CHECK(folded.skeleton == "ievitra | 2o mg ix");
}

TEST_CASE("letters spaced out by spaces are joined and named spacing", "[normalize]") {
  const Found found = FindKeyword("buy s i b u t r a m i n e now", "sibutramine");
  CHECK(found.original == Span{4, 25});
  CHECK(found.evasion == "spacing");
}

TEST_CASE("letters spaced out by dots are joined and named spacing", "[normalize]") {
  const Found found = FindKeyword("s.i.b.u.t.r.a.m.i.n.e!", "sibutramine");
  CHECK(found.original == Span{0, 21});
  CHECK(found.evasion == "spacing");
}

TEST_CASE("letters spaced out by middle dots or bullets are joined like dotted ones",
          "[normalize]") {
  // "z·o·n·d·e·r" (U+00B7) and "b•i•z" (U+2022): each separator is two or three bytes.
  const Found found = FindKeyword("UK z\xc2\xb7o\xc2\xb7n\xc2\xb7" "d\xc2\xb7" "e\xc2\xb7r fuse",
                                  "zonder");
  CHECK(found.original == Span{3, 19});
  CHECK(found.evasion == "spacing");
  FoldedText folded;
  FoldText("b\xe2\x80\xa2i\xe2\x80\xa2z", &folded);
  CHECK(folded.skeleton == "biz");
}

TEST_CASE("a short run of dotted letters is joined too", "[normalize]") {
  FoldedText folded;
  FoldText("s.i.b.u", &folded);
  CHECK(folded.skeleton == "sibu");
}

TEST_CASE("a one-letter word before a word spelt out with other separators stays apart",
          "[normalize]") {
  // Polish "z" (with), English "a": joined into the run, they broke the spelt word ("zl ilial").
  const Found lilial = FindKeyword("Krem z L.i.l.i.a.l", "lilial");
  CHECK(lilial.original == Span{7, 18});
  CHECK(lilial.evasion == "spacing");
  FoldedText folded;
  FoldText("a V-I-A-G-R-A", &folded);
  CHECK(folded.skeleton == "a viagra");
}

TEST_CASE("an emoji before spaced-out letters is not one of them", "[normalize]") {
  const Found found = FindKeyword("\xF0\x9F\x91\x89 J a m m e r portabil", "jammer");  // 👉
  CHECK(found.original == Span{5, 16});
  CHECK(found.evasion == "spacing");
}

TEST_CASE("a Cyrillic dze is read as s and named homoglyph", "[normalize]") {
  const Found found = FindKeyword("x \xD1\x95ibutramine", "sibutramine");
  CHECK(found.original == Span{2, 14});
  CHECK(found.evasion == "homoglyph");
}

TEST_CASE("a Ukrainian i is read as i and named homoglyph", "[normalize]") {
  const Found found = FindKeyword("V\xD1\x96" "agra", "viagra");
  CHECK(found.original == Span{0, 7});
  CHECK(found.evasion == "homoglyph");
}

TEST_CASE("Greek capitals inside a Latin word read as the capitals they look like", "[normalize]") {
  // "ΤΕLΕGRΑΜ": Greek Tau, Epsilon, Alpha and Mu around Latin L, G and R.
  const Found telegram =
      FindKeyword("\xCE\xA4\xCE\x95L\xCE\x95GR\xCE\x91\xCE\x9C", "telegram");
  CHECK(telegram.original == Span{0, 13});
  CHECK(telegram.evasion == "homoglyph");
  // "DΝΡ": Greek Nu and Rho after a Latin D (the lower case ν would read as v).
  const Found dnp = FindKeyword("D\xCE\x9D\xCE\xA1 200mg", "dnp");
  CHECK(dnp.original == Span{0, 5});
  CHECK(dnp.evasion == "homoglyph");
}

TEST_CASE("a Greek word in capitals keeps the fold of its lower case", "[normalize]") {
  // "ΖΑΝΑΞ", and "ΖΑΝΑΞ" with a Latin A (Ξ looks like no Latin letter), fold as "ζαναξ" does.
  FoldedText greek, lower, mixed;
  FoldText("\xCE\x96\xCE\x91\xCE\x9D\xCE\x91\xCE\x9E", &greek);
  FoldText("\xCE\xB6\xCE\xB1\xCE\xBD\xCE\xB1\xCE\xBE", &lower);
  FoldText("\xCE\x96\xCE\x91\xCE\x9D" "A\xCE\x9E", &mixed);
  CHECK(greek.skeleton == lower.skeleton);
  CHECK(mixed.skeleton == lower.skeleton);
}

TEST_CASE("fullwidth letters fold to ASCII and are named fullwidth", "[normalize]") {
  const Found found =
      FindKeyword("\xEF\xBC\xB6\xEF\xBC\xA9\xEF\xBC\xA1\xEF\xBC\xA7\xEF\xBC\xB2\xEF\xBC\xA1 50mg",
                  "viagra");
  CHECK(found.original == Span{0, 18});
  CHECK(found.evasion == "fullwidth");
}

TEST_CASE("mathematical bold letters fold to ASCII and are named fullwidth", "[normalize]") {
  // U+1D42F U+1D422 U+1D41A U+1D420 U+1D42B U+1D41A: bold "viagra", four bytes each.
  const Found found = FindKeyword(
      "\xF0\x9D\x90\xAF\xF0\x9D\x90\xA2\xF0\x9D\x90\x9A\xF0\x9D\x90\xA0\xF0\x9D\x90\xAB\xF0\x9D\x90\x9A",
      "viagra");
  CHECK(found.original == Span{0, 24});
  CHECK(found.evasion == "fullwidth");
}

TEST_CASE("Greek letters spaced out are joined like Latin ones, phrases too", "[normalize]") {
  // "σ ι β ο υ" and "χ ω ρ ί ς  C E": every letter is two bytes.
  const Found found = FindKeyword("\xCF\x83 \xCE\xB9 \xCE\xB2 \xCE\xBF \xCF\x85!",
                                  "\xCF\x83\xCE\xB9\xCE\xB2\xCE\xBF\xCF\x85");
  CHECK(found.original == Span{0, 14});
  CHECK(found.evasion == "spacing");
  FoldedText folded;
  FoldText("\xCF\x87 \xCF\x89 \xCF\x81 \xCE\xAF \xCF\x82  C E", &folded);
  // (The skeleton reads Greek look-alikes as Latin letters: "xwpiσ".)
  CHECK(folded.skeleton == "xwpi\xCF\x83 ce");
  // Greek one-letter words ("η", "ο", "ή": the, the, or) between ordinary words stay apart.
  FoldText("\xCE\xB7 \xCE\xBA\xCF\x81\xCE\xAD\xCE\xBC\xCE\xB1 \xCE\xBF \xCE\xBB \xCE\xBC\xCE\xB5",
           &folded);
  CHECK(folded.skeleton == "n kpe\xCE\xBC" "a o \xCE\xBB \xCE\xBC" "e");
}

TEST_CASE("a zero-width space inside a word is dropped and named zero_width", "[normalize]") {
  const Found found = FindKeyword("sibu\xE2\x80\x8Btramine", "sibutramine");
  CHECK(found.original == Span{0, 14});
  CHECK(found.evasion == "zero_width");
}

TEST_CASE("a stripped accent is named diacritics", "[normalize]") {
  const Found found = FindKeyword("la sibutr\xC3\xA1mine", "sibutramine");
  CHECK(found.original == Span{3, 15});
  CHECK(found.evasion == "diacritics");
}

TEST_CASE("a decomposed accent (combining mark) is stripped and named diacritics", "[normalize]") {
  const Found found = FindKeyword("sibutra\xCC\x81mine", "sibutramine");
  CHECK(found.original == Span{0, 13});
  CHECK(found.evasion == "diacritics");
}

TEST_CASE("a case-only difference is no evasion", "[normalize]") {
  FoldedText folded;
  FoldText("SiBuTrAmInE", &folded);
  CHECK(folded.skeleton == "sibutramine");
  CHECK(folded.SkeletonEvasions(0, 11) == kEvasionNone);
  CHECK(EvasionName(folded.SkeletonEvasions(0, 11)).empty());
}

TEST_CASE("an exclamation mark after a word stays punctuation", "[normalize]") {
  FoldedText folded;
  FoldText("viagra!", &folded);
  CHECK(folded.skeleton == "viagra!");
}

TEST_CASE("an exclamation mark inside a word is read as i", "[normalize]") {
  const Found found = FindKeyword("v!agra", "viagra");
  CHECK(found.original == Span{0, 6});
  CHECK(found.evasion == "leet");
}

TEST_CASE("currency and trademark signs between letters are read as letters", "[normalize]") {
  // "T€l€gram": each € is three bytes of the original and one letter of the skeleton.
  const Found telegram = FindKeyword("msg T\u20ACl\u20ACgram", "telegram");
  CHECK(telegram.original == Span{4, 16});
  CHECK(telegram.evasion == "leet");
  const Found viagra = FindKeyword("Vi@g\u00AEa", "viagra");
  CHECK(viagra.original == Span{0, 7});
  CHECK(viagra.evasion == "leet");
  // "£" starting a word is a pound sign; between letters an l.
  CHECK(FindKeyword("\u00A3evitra x Cia\u00A3is", "cialis").original == Span{11, 18});
  // "€" ending a word of letters is an e; after a digit it is a price.
  CHECK(FindKeyword("Slim\u20AC kit", "slime").original == Span{0, 7});
  // Prices, brands and signs beside a space, a digit or a capital-less word edge stay signs.
  FoldedText folded;
  FoldText("50\u20AC, \u20AC12, Brand\u00AE x, (c)\u00A9 2024, \u00A5en", &folded);
  CHECK(folded.skeleton == "so\u20AC, \u20ACi2, brand\u00AE x, (c)\u00A9 2o2a, \u00A5en");
}

TEST_CASE("an at sign ends a word as a; an exclamation mark there does not", "[normalize]") {
  const Found found = FindKeyword("V1@gr@ 100 mg", "viagra");
  CHECK(found.original == Span{0, 6});
  CHECK(found.evasion == "leet");
  FoldedText folded;
  FoldText("kup@ @kostas v!agra! x@", &folded);
  CHECK(folded.skeleton == "kupa @kostas viagra! xa");
}

TEST_CASE("a dollar sign ending a word of letters is read as s; after a digit it is a price",
          "[normalize]") {
  const Found found = FindKeyword("Ciali$ 20mg", "cialis");
  CHECK(found.original == Span{0, 6});
  CHECK(found.evasion == "leet");
  FoldedText folded;
  FoldText("5$ each, x$", &folded);
  CHECK(folded.skeleton == "s$ each, x$");
}

TEST_CASE("an at sign that opens an e-mail domain stays an at sign", "[normalize]") {
  FoldedText folded;
  FoldText("kontakt@firma.ro, info@gmx.de. sprzedam@o2.pl!", &folded);
  CHECK(folded.skeleton == "kontakt@firma.ro, info@gmx.de. sprzedam@o2.pi!");
  // No domain after it: a word without a dot, a number or a single letter as the last label,
  // nothing at all.
  FoldText("V1@gr@.com c1@lis.5 x@y.z kup@ teraz", &folded);
  CHECK(folded.skeleton == "viagra.com ciaiis.s xay.z kupa teraz");
}

TEST_CASE("spacing outranks leet in the evasion name", "[normalize]") {
  const Found found = FindKeyword("s 1 b u t r 4 m i n e", "sibutramine");
  CHECK(found.original == Span{0, 21});
  CHECK(found.evasion == "spacing");
}

TEST_CASE("evasion names follow the documented priority", "[normalize]") {
  CHECK(EvasionName(kEvasionSpacing | kEvasionLeet | kEvasionHomoglyph) == "spacing");
  CHECK(EvasionName(kEvasionLeet | kEvasionHomoglyph) == "leet");
  CHECK(EvasionName(kEvasionHomoglyph | kEvasionFullwidth) == "homoglyph");
  CHECK(EvasionName(kEvasionFullwidth | kEvasionZeroWidth) == "fullwidth");
  CHECK(EvasionName(kEvasionZeroWidth | kEvasionDiacritics) == "zero_width");
  CHECK(EvasionName(kEvasionDiacritics) == "diacritics");
  CHECK(EvasionName(kEvasionInvalidUtf8) == "");
  CHECK(EvasionName(kEvasionNone) == "");
}

}  // namespace
}  // namespace listscan
