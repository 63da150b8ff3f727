// Rule logic through the real compiled pack: keywords, regexes, any/all/none/near, where,
// exceptions, field restrictions.
#include "pack_fixture.h"

namespace listscan::testing {
namespace {

TEST_CASE("keywords match caseless on word boundaries", "[match]") {
  auto pack = CompileYaml(OneRule("    keywords: [sibutramine]\n"));
  CHECK(ScanTitle(pack, "Slim caps with SIBUTRAMINE 15mg") ==
        Strings{"t.rule title 15 26 SIBUTRAMINE"});
  CHECK(ScanTitle(pack, "antisibutramine formula").empty());
  CHECK(ScanTitle(pack, "sibutramine, sibutramine") ==
        Strings{"t.rule title 0 11 sibutramine", "t.rule title 13 24 sibutramine"});
}

TEST_CASE("punctuation and symbols from outside ASCII end a word; letters do not", "[match]") {
  auto pack = CompileYaml(OneRule("    keywords: [red bali, viagra]\n"));
  CHECK(ScanTitle(pack, "Pulver „Red Bali“") == Strings{"t.rule title 10 18 Red Bali"});
  CHECK(ScanTitle(pack, "«Viagra» ¿100mg?") == Strings{"t.rule title 2 8 Viagra"});
  CHECK(ScanTitle(pack, "🔥Viagra🔥") == Strings{"t.rule title 4 10 Viagra"});
  CHECK(ScanTitle(pack, "Viagraé").empty());
  CHECK(ScanTitle(pack, "βViagra").empty());
}

TEST_CASE("a keyword with a space matches any whitespace run", "[match]") {
  auto pack = CompileYaml(OneRule("    keywords: [no prescription]\n"));
  CHECK(ScanTitle(pack, "Tramadol NO \t Prescription needed") ==
        Strings{"t.rule title 9 26 NO \t Prescription"});
  CHECK(ScanTitle(pack, "no-prescription").empty());
}

TEST_CASE("a dose glued to a name still ends the word", "[match]") {
  auto pack = CompileYaml(OneRule("    keywords: [viagra]\n"));
  CHECK(ScanTitle(pack, "Viagra100mg pills") == Strings{"t.rule title 0 6 Viagra"});
}

TEST_CASE("regexes report their start and end in the original text", "[match]") {
  auto pack = CompileYaml(OneRule("    regex: ['\\bt\\.me/[a-z0-9_]{4,}']\n"));
  CHECK(ScanTitle(pack, "Order via T.me/RealShop_01 today") ==
        Strings{"t.rule title 10 26 T.me/RealShop_01"});
}

TEST_CASE("all needs every term somewhere in the listing", "[match]") {
  auto pack = CompileYaml(OneRule("    match:\n      all: [magnet, [toy, toys]]\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "Magnet set"}, {"description", "fun toys"}})) ==
        Strings{"t.rule title 0 6 Magnet", "t.rule description 4 8 toys"});
  CHECK(ScanTitle(pack, "Magnet set for the fridge").empty());
}

TEST_CASE("none vetoes the listing", "[match]") {
  auto pack = CompileYaml(OneRule("    match:\n      any: [magnet]\n      none: [fridge]\n"));
  CHECK(ScanTitle(pack, "Strong magnet balls") == Strings{"t.rule title 7 13 magnet"});
  CHECK(ScanTitle(pack, "Fridge magnet").empty());
}

TEST_CASE("near needs both terms within the given number of words", "[match]") {
  auto pack = CompileYaml(OneRule("    match:\n      near: [{a: without, b: CE, within: 2}]\n"));
  CHECK(ScanTitle(pack, "Charger without any CE mark") ==
        Strings{"t.rule title 8 15 without", "t.rule title 20 22 CE"});
  CHECK(ScanTitle(pack, "CE marked charger, without cable").size() == 2);
  CHECK(ScanTitle(pack, "Without a doubt the best charger, CE").empty());
}

TEST_CASE("near does not pair terms from different fields", "[match]") {
  auto pack = CompileYaml(OneRule("    match:\n      near: [{a: without, b: CE, within: 2}]\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "Charger without"}, {"description", "CE"}}))
            .empty());
}

TEST_CASE("an exception clears the hit it contains", "[match]") {
  auto pack = CompileYaml(
      OneRule("    keywords: [sildenafil]\n    exceptions: [sildenafil-free, \"no sildenafil\"]\n"));
  CHECK(ScanTitle(pack, "Sildenafil-free herbal blend").empty());
  CHECK(ScanTitle(pack, "Contains no sildenafil").empty());
  CHECK(ScanTitle(pack, "Sildenafil-free? No: sildenafil 100mg") ==
        Strings{"t.rule title 21 31 sildenafil"});
}

TEST_CASE("where filters on metadata values and numeric ranges", "[match]") {
  auto pack = CompileYaml(OneRule(
      "    keywords: [magnet]\n    where:\n      category: [toys]\n      price: {max: 10}\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "magnet"}, {"category", "Toys"},
                                         {"price", "9.5"}})) ==
        Strings{"t.rule title 0 6 magnet"});
  CHECK(ScanToStrings(pack, MakeListing({{"title", "magnet"}, {"category", "toys"},
                                         {"price", "12"}}))
            .empty());
  CHECK(ScanToStrings(pack, MakeListing({{"title", "magnet"}, {"price", "1"}})).empty());
}

TEST_CASE("fields restricts a rule to matching field paths", "[match]") {
  auto pack = CompileYaml(OneRule("    fields: [\"attributes.*\"]\n    keywords: [dmaa]\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "DMAA"}, {"attributes.tags[0]", "dmaa"}})) ==
        Strings{"t.rule attributes.tags[0] 0 4 dmaa"});
}

TEST_CASE("hits of several rules are ordered by field, position and rule id", "[match]") {
  auto pack = CompileYaml(
      "rules:\n"
      "  - {id: b.rule, title: t, category: toys, severity: low, keywords: [magnet]}\n"
      "  - {id: a.rule, title: t, category: toys, severity: low, keywords: [magnet, balls]}\n");
  CHECK(ScanTitle(pack, "balls magnet") ==
        Strings{"a.rule title 0 5 balls", "a.rule title 6 12 magnet", "b.rule title 6 12 magnet"});
}

TEST_CASE("an invalid regex names its file, line and rule", "[match]") {
  RuleSet rules;
  REQUIRE(ParseRulePack(OneRule("    regex: ['(unclosed']\n"), "bad.yaml", &rules).ok());
  auto pack = CompiledPack::Compile(std::move(rules), CompileOptions{});
  REQUIRE_FALSE(pack.ok());
  CHECK(pack.status().message() ==
        "bad.yaml:6: t.rule: regex /(unclosed/: Hyperscan: Missing close parenthesis for group "
        "started at index 0.");
}

TEST_CASE("a regex that matches the empty string is rejected", "[match]") {
  RuleSet rules;
  REQUIRE(ParseRulePack(OneRule("    regex: ['a*']\n"), "bad.yaml", &rules).ok());
  auto pack = CompiledPack::Compile(std::move(rules), CompileOptions{});
  REQUIRE_FALSE(pack.ok());
  CHECK(pack.status().message() == "bad.yaml:6: t.rule: regex /a*/: matches the empty string");
}

// Fields (and listings) are scanned laid end to end; a field's matches must not depend on where
// it lies in that buffer.
TEST_CASE("a regex anchored at the start of a field matches in every field", "[match]") {
  auto pack = CompileYaml(OneRule("    regex: ['(^|[^a-z0-9])@[a-z]{5,}\\b']\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "@shopper first"}, {"description", "@seller"}})) ==
        Strings{"t.rule title 0 8 @shopper", "t.rule description 0 7 @seller"});
  auto caret = CompileYaml(OneRule("    regex: ['^dm\\sme\\b']\n"));
  CHECK(ScanToStrings(caret, MakeListing({{"title", "Phone case"}, {"description", "DM me"}})) ==
        Strings{"t.rule description 0 5 DM me"});
}

TEST_CASE("a regex match that would begin in the field before still matches in its own field",
          "[match]") {
  // Leftmost from "zonder" at the end of the title, the match ends inside the description; the
  // description's own match ("geen omvalbeveiliging") ends there too and must not be lost.
  auto pack = CompileYaml(
      OneRule("    regex: ['\\b(?:geen|zonder)\\s(?:\\S+\\s){0,2}?\\S*omval\\w*']\n"));
  CHECK(ScanToStrings(pack, MakeListing({{"title", "Kachel 2000W zonder thermostaat"},
                                         {"description", "Geen omvalbeveiliging, warm"}})) ==
        Strings{"t.rule description 0 21 Geen omvalbeveiliging"});
}

TEST_CASE("regex exceptions apply in every listing of a scanned group", "[match]") {
  auto pack = CompileYaml(
      OneRule("    keywords: [sildenafil]\n    exceptions: [{regex: 'no\\ssildenafil\\b'}]\n"));
  const auto hits = ScanTitlesAsOneGroup(pack, {"Contains no sildenafil", "Sildenafil 100mg",
                                                "Plain tea", "Herbal, no sildenafil"});
  CHECK(hits[0].empty());
  REQUIRE(hits[1].size() == 1);
  CHECK(hits[1][0].start == 0);
  CHECK(hits[1][0].end == 10);
  CHECK(hits[2].empty());
  CHECK(hits[3].empty());
}

TEST_CASE("a rule needing a keyword and a regex flags every listing of a group that has both",
          "[match]") {
  auto pack = CompileYaml(
      OneRule("    match:\n      all: [laser pointer, {regex: '\\b[1-9][0-9]{2,4}\\s?mw\\b'}]\n"));
  const auto hits = ScanTitlesAsOneGroup(pack, {"Laser pointer 1000mW", "Laser pointer, 5mW",
                                                "Green laser pointer 500 mW", "Torch 900mW"});
  CHECK(hits[0].size() == 2);
  CHECK(hits[1].empty());
  CHECK(hits[2].size() == 2);
  CHECK(hits[3].empty());
}

TEST_CASE("each listing of a group gets the spans of the regexes that match in it", "[match]") {
  auto pack = CompileYaml(
      "rules:\n"
      "  - id: t.telegram\n    title: telegram\n    category: hidden_links\n"
      "    severity: medium\n    regex: ['\\bt\\.me/[a-z0-9_]{4,}']\n"
      "  - id: t.whatsapp\n    title: whatsapp\n    category: hidden_links\n"
      "    severity: medium\n    regex: ['\\bwa\\.me/[0-9]{6,}']\n");
  const auto hits = ScanTitlesAsOneGroup(
      pack, {"ask t.me/seller_1", "plain kettle", "wa.me/491511 or t.me/abcd", "wa.me/12"});
  auto described = [&](const std::vector<Hit>& listing_hits) {
    Strings out;
    for (const Hit& hit : listing_hits) {
      out.push_back(pack->rules().rules[hit.rule].id + " " + std::to_string(hit.start) + " " +
                    std::to_string(hit.end));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(described(hits[0]) == Strings{"t.telegram 4 17"});
  CHECK(hits[1].empty());
  CHECK(described(hits[2]) == (Strings{"t.telegram 16 25", "t.whatsapp 0 12"}));
  CHECK(hits[3].empty());
}

}  // namespace
}  // namespace listscan::testing
