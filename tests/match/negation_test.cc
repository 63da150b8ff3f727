// Negation cues clear the hits in their scope, in every pack language, without swallowing the
// phrases sellers offer ("no prescription", "ohne CE").
#include "pack_fixture.h"

namespace listscan::testing {
namespace {

const char kCues[] =
    "negations:\n"
    "  - language: en\n"
    "    before: [without, \"free of\", no]\n"
    "    after: [\"-free\"]\n"
    "    joins: [and, or, nor]\n"
    "    stops: [with]\n"
    "    not_followed_by: [prescription, shipping]\n"
    "  - language: it\n"
    "    before: [senza]\n"
    "    stops: [con]\n"
    "  - language: de\n"
    "    before: [ohne, keine]\n"
    "    after: [\"-frei\"]\n"
    "    joins: [und, oder]\n"
    "  - language: hu\n"
    "    after: [\"nélkül\"]\n"
    "    joins: [es]\n"
    "  - language: sv\n"
    "    before: [utan]\n"
    "  - language: ro\n"
    "    before: [\"fără\"]\n";

std::string Rules(const std::string& extra = "") {
  return OneRule("    keywords: [sibutramine, sibutramin, szibutramin, dmaa]\n" + extra) +
         "  - id: t.ce\n    title: no CE\n    category: toys\n    severity: high\n"
         "    keywords: [\"ohne CE\", \"no CE\"]\n" + kCues;
}

size_t Flags(const std::shared_ptr<const CompiledPack>& pack, const std::string& title) {
  auto hits = ScanTitlesAsOneGroup(pack, {title});
  return hits[0].size();
}

TEST_CASE("a cue clears the list of substances after it", "[match][negation]") {
  auto pack = CompileYaml(Rules());
  CHECK(Flags(pack, "Slimming tea without sibutramine") == 0);
  CHECK(Flags(pack, "Tea without added colours, sibutramine or DMAA") == 0);
  CHECK(Flags(pack, "Kapseln ohne Sibutramin und DMAA") == 0);
  CHECK(Flags(pack, "Keine Sibutramin, keine DMAA") == 0);
  CHECK(Flags(pack, "sibutramine-free and DMAA-free") == 0);
  CHECK(Flags(pack, "DMAA es szibutramin nélkül") == 0);
}

TEST_CASE("the scope ends at a sentence mark or a long item", "[match][negation]") {
  auto pack = CompileYaml(Rules());
  CHECK(Flags(pack, "No side effects. Sibutramine 15 mg") == 1);
  CHECK(Flags(pack, "Without a doubt the strongest sibutramine capsules") == 1);
  CHECK(Flags(pack, "Kapseln ohne Zusatzstoffe: DMAA 60 mg") == 1);
}

TEST_CASE("a clause after a comma is no item of the list", "[match][negation]") {
  auto pack = CompileYaml(Rules());
  CHECK(Flags(pack, "Tea without sugar, sibutramine does the work here") == 1);
  CHECK(Flags(pack, "Tea without sugar, sibutramine 15 mg or DMAA") == 0);
  CHECK(Flags(pack, "Tea without sugar, colours, sibutramine") == 0);
}

TEST_CASE("a stop word, a spaced dash or a glued -free ends the scope", "[match][negation]") {
  auto pack = CompileYaml(Rules());
  CHECK(Flags(pack, "No diet, with sibutramine") == 1);
  CHECK(Flags(pack, "Capsule senza glutine con DMAA") == 1);
  CHECK(Flags(pack, "No diet needed - sibutramine 15 mg") == 1);
  CHECK(Flags(pack, "Booster with DMAA, sugar-free") == 1);  // "-free" frees "sugar" only
  CHECK(Flags(pack, "Booster, DMAA-free") == 0);
}

TEST_CASE("offer phrases that contain a cue are not negations", "[match][negation]") {
  auto pack = CompileYaml(Rules());
  CHECK(Flags(pack, "Sibutramine 15 mg, no prescription needed") == 1);
  CHECK(Flags(pack, "No prescription, sibutramine 15 mg") == 1);
  CHECK(Flags(pack, "Sibutramine free shipping") == 1);  // "free" needs the hyphen
  CHECK(Flags(pack, "Magnetspiel ohne CE Kennzeichnung") == 1);
  CHECK(Flags(pack, "Magnetspiel, keine Anleitung, ohne CE") == 1);
}

TEST_CASE("a cue written plain is not the same word written with a diacritic", "[match][negation]") {
  auto pack = CompileYaml(Rules());
  CHECK(Flags(pack, "Tabletter utan sibutramin") == 0);
  CHECK(Flags(pack, "Vásárlás után szibutramin 15 mg") == 1);  // Hungarian "after"
  CHECK(Flags(pack, "Ceai fără sibutramină, fara DMAA") == 0);
  CHECK(Flags(pack, "Ceai fara sibutramina") == 0);  // diacritics left out still match
  CHECK(Flags(pack, "DMAA es szibutramin nelkul") == 0);
}

TEST_CASE("a rule can ignore the cues", "[match][negation]") {
  auto pack = CompileYaml(Rules("    negation: false\n"));
  CHECK(Flags(pack, "Slimming tea without sibutramine") == 1);
}

}  // namespace
}  // namespace listscan::testing
