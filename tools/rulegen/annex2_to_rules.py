#!/usr/bin/env python3
"""Generates rules/eu/cosmetics-annex2.yaml from the EU CosIng export of Annex II (prohibited
substances) of Regulation (EC) No 1223/2009.

Usage:
  tools/rulegen/annex2_to_rules.py --csv COSING_Annex.II_v2.csv [--source-txt SOURCE.txt]
                                   [--out rules/eu/cosmetics-annex2.yaml]

COSING_Annex.II_v2.csv is the CosIng export of Annex II as republished by the Open Beauty Facts
project; SOURCE.txt (optional) describes that snapshot and goes into the generated header.

One rule per Annex II entry with usable names: the chemical name / INN, names given in its
parentheses (INN, INCI, trade names) and the "identified ingredients", cleaned ("(*)" markers,
"and its salts", "(INN)", conditions such as "when used in hair dye products" removed) and kept only
when specific enough (no common words, no single words shorter than 6 letters, no generic class
names, no very long systematic names). A name alone is not enough: Annex II lists many medicines
and food-supplement adulterants (ephedrine, yohimbine, DMAA, narcotics), so every generated rule
also needs a cosmetic-product word (cream, serum, shampoo, lipstick... in 13 languages); listings
of medicines and supplements stay with the medicines and supplements packs.

Entries skipped:
  * "Moved or deleted" entries and entries prohibited only above a threshold ("if it contains
    > 0.1 % w/w Butadiene", petroleum distillates with a refining-history exception);
  * entries whose names are only generic classes (e.g. "Antibiotics", "Oestrogens");
  * entries covered by hand-written rules in rules/eu/cosmetics.yaml (HAND_WRITTEN below), so
    that no two rules match the same thing.
"""
import argparse
import csv
import re
import sys

# Annex II reference numbers covered by hand-written rules in cosmetics.yaml.
HAND_WRITTEN = {
    "221": "cosm.mercury",                 # mercury and its compounds
    "289": "cosm.lead_kohl / cosm.lead_acetate",  # lead and its compounds
    "1339": "cosm.hydroquinone",           # hydroquinone
    "300": "cosm.corticosteroids",         # glucocorticoids
    "375": "cosm.tretinoin",               # tretinoin / retinoic acid
    "371": "cosm.hexachlorophene",         # hexachlorophene
    "675": "cosm.phthalates",              # dibutyl phthalate
    "677": "cosm.phthalates",              # diethylhexyl phthalate
    "1151": "cosm.phthalates",             # dipentyl phthalate
    "1152": "cosm.phthalates",             # benzyl butyl phthalate
    "1374": "cosm.banned_parabens",        # isopropylparaben
    "1375": "cosm.banned_parabens",        # isobutylparaben
    "1376": "cosm.banned_parabens",        # phenylparaben
    "1377": "cosm.banned_parabens",        # benzylparaben
    "1378": "cosm.banned_parabens",        # pentylparaben
}

# Entries whose prohibition has exceptions that lawful products use (natural content in essences,
# Annex III salts, lakes and pigments) or whose "identified ingredients" are lawful ingredients.
EXCEPTED_USES = {
    "46": "barium salts: barium sulfate and lakes are allowed",
    "168": "choline salts: identified ingredients include lawful choline chloride",
    "191": "fluorides: Annex III fluorides are allowed",
    "357": "coniferyl benzoates: natural content in essences allowed",
    "358": "furocoumarins: natural content in essences allowed; identified ingredients are lime juice",
    "360": "safrole: natural content in essences allowed",
    "391": "zirconium: Annex III compounds, lakes and pigments allowed",
    "395": "oxyquinoline: Annex III uses allowed",
    "450": "verbena: absolute allowed",
}
DROP_NAMES = {"essential oil", "gold salts", "choline salts", "ficus carica", "ficus carica extract",
              "fuel oil, residual"}

# Words and class names that are not specific to one prohibited substance.
COMMON = {
    "lead", "alcohol", "oil", "oils", "water", "acid", "salts", "esters", "gas", "gases", "amines",
    "antibiotics", "oestrogens", "estrogens", "narcotics", "hormones", "glucocorticoids",
    "corticosteroids", "sulphonamides", "sulfonamides", "toluidines", "xylidines", "anilines",
    "radioactive substances", "neodymium", "phosphorus", "selenium", "tellurium", "thallium",
    "barium salts", "zirconium", "strontium", "antimony", "bromine", "chlorine", "iodine",
    "nitrobenzene", "benzene", "phenol", "camphor", "menthol", "eucalyptol", "coumarin", "talc",
    "urea", "glycerin", "glycerol", "caffeine", "quinine", "resorcinol",
    "hydrogen peroxide", "silver", "gold", "platinum", "crude", "extract", "extracts", "absolute",
    "distillates", "residues", "creosote", "coal tar", "pitch", "tar", "ginkgo", "arnica", "aloe",
    "vitamin a acid", "vitamin d", "calciferol", "ergocalciferol", "cholecalciferol", "retinol",
    "isoprene", "styrene", "toluene", "xylene", "acetone", "methanol", "ethanol", "formic acid",
    "chromium", "cobalt", "nickel", "copper", "zinc", "arsenic", "cadmium", "boron",
    "crimidine-iso", "coniine", "vitamin k1", "dimethylamine", "diethylamine", "ethylamine", "methylamine",
}
# Name fragments meaning the entry is a class or a conditional listing rather than one substance.
CLASS_HINTS = re.compile(
    r"\b(substances? with|any substance|all substances|derivatives obtained|their isomers|of steroidal structure"
    r"|acting on the central nervous system|natural and synthetic|radioactive|if (it|they) contains?"
    r"|except if the full refining|moved or deleted|mixture of|reaction (mass|product)|the following)\b", re.I)
CONDITION = re.compile(
    r",?\s*(when used|with the exception|except|excluding|other than|if (it|they) contain|as impurity|in concentrations?"
    r"|for use|used as)\b.*$", re.I | re.S)
SALTS = re.compile(
    r",?\s*\b(and|its|their)\b[^()]*\b(salts?|esters?|isomers?|compounds?|derivatives?|ethers?|preparations?)\b.*$", re.I)
TAGS = re.compile(r"\((?:INN|INNM|ISO|USAN|JAN|BAN|INCI|CAS|EC|\d+|\*)\)|\[(?:BAN|INN|USAN|JAN)\]|\(\*\)", re.I)
SPACED_SINGLES = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9](?:[ .\-_*·/,][A-Za-z0-9]){2,}(?![A-Za-z0-9])")

COSMETIC_CONTEXT = [
    "cream", "creams", "crème", "crèmes", "Creme", "Cremes", "crema", "creme", "krem", "kremy", "serum", "sérum", "siero",
    "lotion", "lozione", "loción", "loção", "balm", "baume", "Balsam", "soap", "savon", "Seife", "jabón", "sapone",
    "mydło", "zeep", "sabonete", "săpun", "mýdlo", "tvål", "szappan", "shampoo", "shampooing", "champú", "szampon",
    "conditioner", "hair dye", "hair colour", "hair color", "Haarfarbe", "coloration", "tinta per capelli",
    "tinte para el pelo", "farba do włosów", "haarverf", "perfume", "parfum", "profumo", "perfumy", "eau de toilette",
    "eau de parfum", "cologne", "deodorant", "déodorant", "deodorante", "desodorante", "dezodorant", "lipstick",
    "rouge à lèvres", "rossetto", "pintalabios", "pomadka", "Lippenstift", "lip gloss", "mascara", "eyeliner",
    "eyeshadow", "kajal", "kohl", "nail polish", "Nagellack", "vernis à ongles", "smalto per unghie", "esmalte de uñas",
    "lakier do paznokci", "nagellak", "makeup", "make-up", "maquillage", "trucco", "maquillaje", "makijaż",
    "foundation", "face mask", "sheet mask", "toothpaste", "Zahnpasta", "dentifrice", "dentifricio", "pasta de dientes",
    "pasta do zębów", "tandpasta", "mouthwash", "cosmetic", "cosmetics", "Kosmetik", "Kosmetikum", "cosmétique",
    "cosmétiques", "cosmetico", "cosmetici", "cosmético", "cosméticos", "kosmetyk", "kosmetyki", "cosmetica",
    "skincare", "skin care", "Hautpflege", "soin du visage", "body lotion", "body milk", "face wash", "cleanser",
    "toner", "sunscreen", "sun cream", "Sonnencreme", "crème solaire", "crema solare", "protector solar",
    "whitening", "skin lightening", "bleaching cream", "anti-aging", "anti-ageing", "anti-wrinkle", "hair oil",
    "hair spray", "hair gel", "bath oil", "shower gel", "Duschgel", "gel douche", "body wash", "hand cream",
    "face cream", "eye cream", "night cream", "day cream", "Gesichtscreme", "Nachtcreme", "Tagescreme",
]
FOOD_VETO = ["ice cream", "sour cream", "cream cheese", "whipped cream", "cream liqueur", "cream of tartar",
             "dough conditioner", "dough conditioners", "bromated flour", "meal bar", "snack bar", "protein bar",
             "protein drink", "cookies", "biscuits", "sweet bread", "chocolate bar", "Eiscreme", "Speiseeis",
             "Schlagsahne", "crème fraîche", "crème glacée", "crème dessert", "crema di latte", "crema chantilly",
             "nata montada", "śmietana", "slagroom", "wheat flour", "bread crumbs", "breadcrumbs", "cheese",
             "pasteurized milk", "pasteurised milk", "skimmed milk", "Weizenmehl", "Paniermehl", "farine de blé",
             "chapelure", "farina di frumento", "pangrattato", "harina de trigo", "pan rallado", "mąka pszenna",
             "tarwebloem", "paneermeel"]
# Lawful substances whose names contain an Annex II name as a word.
EXTRA_EXCEPTIONS = {
    "683": ["2-bromo-2-nitropropane-1,3-diol", "2-bromo-2-nitropropane", "bromonitropropane"],
}


def clean_name(raw):
    name = raw.replace("\n", " ").replace("\u00a0", " ").strip()
    name = TAGS.sub("", name)
    name = re.sub(r"(?<=\S) -(?=\S)", "-", name)          # "1,3 -Dimethyl" -> "1,3-Dimethyl"
    name = re.sub(r"\s+", " ", name).strip(" ;,.:")
    return name


def split_parentheses(name):
    """'A (B (INN))' -> ['A', 'B']; 'X (INCI: Y)' -> ['X', 'Y']. Only top-level trailing parentheses
    that hold a whole other name are split off; locants like 2-(4-tert-butyl) stay."""
    out = []
    m = re.match(r"^(.*\S)\s+\((.+)\)\s*(.*)$", name)
    if m and not m.group(3):
        inner = m.group(2)
        if depth_ok(inner) and re.search(r"[A-Za-z]{4,}", inner) and " " not in m.group(1)[-1:]:
            out.append(m.group(1))
            inner = re.sub(r"^(INCI|INN|also|e\.g\.|i\.e\.)\s*:?\s*", "", inner, flags=re.I)
            out.extend(split_parentheses(inner))
            return out
    return [name]


def depth_ok(text):
    depth = 0
    for c in text:
        depth += c == "("
        depth -= c == ")"
        if depth < 0:
            return False
    return depth == 0


def usable(name):
    n = name.strip()
    low = n.lower()
    if len(n) < 6 or len(n) > 80:
        return False
    if low in COMMON or low.rstrip("s") in COMMON:
        return False
    if CLASS_HINTS.search(n):
        return False
    if SPACED_SINGLES.search(n):  # the matcher joins spaced-out single letters in the text, not in keywords
        return False
    letters = sum(c.isalpha() for c in n)
    if letters < 6:
        return False
    if " " not in n and "-" not in n and letters < 7:
        return False
    if re.fullmatch(r"[\d\s,.\-()\[\]]+", n):
        return False
    if not depth_ok(n) or n.count("[") != n.count("]"):
        return False
    if re.search(r"[;:{}#|]", n):
        return False
    return True


def names_of(row):
    chem = row["Chemical name / INN"]
    if re.search(r"moved or deleted", chem, re.I):
        return None, "moved or deleted"
    if re.search(r"if (it|they) contains?|except if the full refining|\((petroleum|coal|coal tar|shale oil)\)", chem, re.I):
        return None, "prohibited only above a threshold or without refining history"
    candidates = []
    main = CONDITION.sub("", clean_name(chem))
    main = SALTS.sub("", main).strip(" ,;")
    for part in [p for piece in re.split(r"\[\d+\]", main) for p in split_parentheses(piece.strip())]:
        candidates.append(SALTS.sub("", part).strip(" ,;"))
    for col in ("Identified INGREDIENTS or substances e.g.", "Chemical/IUPAC Name"):
        for item in re.split(r";|\[\d+\]", row.get(col) or ""):
            item = clean_name(item)
            if item:
                candidates.append(item)
    seen, names = set(), []
    for c in candidates:
        c = re.sub(r"\s+", " ", c).strip(" ,;.")
        c = re.sub(r"\s+(L|Linn|Tul|Balf|Steinh|Holmes|Clarke|Kunth|Beauv|spp|species)\.?$", "", c)  # botanical authors
        key = c.lower()
        if key in seen or key in DROP_NAMES or "ferment" in key or not usable(c):
            continue
        seen.add(key)
        names.append(c)
    if not names:
        return None, "no specific name (generic class or names too short)"
    return names[:12], None


def has_context_word(name):
    """True when a name itself contains a cosmetic-product word (e.g. "Peru balsam")."""
    low = " " + re.sub(r"[^\w]+", " ", name.lower()) + " "
    return any(" " + re.sub(r"[^\w]+", " ", w.lower()) + " " in low for w in COSMETIC_CONTEXT)


def pretty(name):
    # Identified ingredients come in upper case; lower-case them for readability (matching is caseless).
    if name.isupper():
        return name.lower()
    return name


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items, indent):
    out, line = [], ""
    for i, item in enumerate(items):
        piece = yq(item) + (", " if i < len(items) - 1 else "")
        if line and len(line) + len(piece) > 110:
            out.append(line.rstrip())
            line = ""
        line += piece
    out.append(line.rstrip())
    return ("\n" + " " * indent).join(out)


# INCI names of polymers list their monomers separated by "/" ("Acrylonitrile/Methyl Methacrylate/
# Vinylidene Chloride Copolymer"); a monomer inside such a polymer name is not the free substance.
POLYMER_NAME = r"[a-z0-9-]+(?:\s[a-z0-9-]+){0,3}(?:/[a-z0-9-]+(?:\s[a-z0-9-]+){0,3})+\s(?:co|cross)?polymer"


def exceptions_for(names):
    ex = [f"{n}-free" for n in names if len(n) > 40]
    for i, n in enumerate(n for n in names if len(n) <= 40):
        ex += [f"{n}-free", f"{n} free"]
        if i < 1:
            ex += [f"free from {n}", f"free of {n}", f"without {n}", f"no {n}", f"ohne {n}", f"sans {n}",
                   f"senza {n}", f"sin {n}", f"bez {n}", f"zonder {n}"]
    return ex


def snapshot_date(source_txt):
    if not source_txt:
        return "unknown"
    try:
        text = open(source_txt, encoding="utf-8").read()
    except OSError:
        return "unknown"
    m = re.search(r"as of ([^:\n]+)", text)
    commit = re.search(r"files last changed in (\w+) \((\d{4}-\d{2}-\d{2})\)", text)
    parts = []
    if m:
        parts.append(m.group(1).strip())
    if commit:
        parts.append(f"file date {commit.group(2)}")
    return ", ".join(parts) or "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", required=True, help="the CosIng Annex II export (COSING_Annex.II_v2.csv)")
    ap.add_argument("--source-txt", help="a description of that snapshot, for the header")
    ap.add_argument("--out", default="rules/eu/cosmetics-annex2.yaml")
    ap.add_argument("--report", action="store_true", help="print skipped entries to stderr")
    args = ap.parse_args()

    with open(args.csv, encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f))
    date = snapshot_date(args.source_txt)

    rules, skipped, seen_sets = [], [], {}
    for row in rows:
        ref = (row.get("Reference Number") or "").strip()
        if not ref.isdigit():
            continue
        if ref in HAND_WRITTEN:
            skipped.append((ref, f"covered by {HAND_WRITTEN[ref]}"))
            continue
        if ref in EXCEPTED_USES:
            skipped.append((ref, EXCEPTED_USES[ref]))
            continue
        names, why = names_of(row)
        if not names:
            skipped.append((ref, why))
            continue
        key = tuple(sorted(n.lower() for n in names))
        if key in seen_sets:
            skipped.append((ref, f"same names as entry {seen_sets[key]}"))
            continue
        seen_sets[key] = ref
        rules.append((ref, clean_name(row["Chemical name / INN"]), [pretty(n) for n in names]))

    out = []
    out.append("# GENERATED FILE - do not edit by hand.")
    out.append("# Cosmetics: one rule per entry of Annex II (prohibited substances) of Regulation (EC) No 1223/2009.")
    out.append("# Source: European Commission CosIng export of Annex II (COSING_Annex.II_v2.csv, snapshot "
               + date + "),")
    out.append("# as republished by the Open Beauty Facts project; (c) European Union, reused under Commission")
    out.append("# Decision 2011/833/EU. Old snapshot: later additions to Annex II (e.g. Lilial, zinc pyrithione)")
    out.append("# are covered by hand-written rules in cosmetics.yaml, as are the entries listed in the generator's")
    out.append("# HAND_WRITTEN table (mercury, lead, hydroquinone, corticosteroids, tretinoin, hexachlorophene,")
    out.append("# phthalates, parabens).")
    out.append("# Regenerate from the repository root with:")
    out.append("#   python3 tools/rulegen/annex2_to_rules.py --csv COSING_Annex.II_v2.csv \\")
    out.append("#       --source-txt SOURCE.txt --out rules/eu/cosmetics-annex2.yaml")
    out.append(f"# {len(rules)} rules from {len(rows)} entries; {len(skipped)} entries skipped (moved/deleted,")
    out.append("# threshold-only listings, generic classes, hand-written coverage).")
    out.append("# A rule needs the substance's name and a cosmetic-product word; '<name>-free', 'without <name>'")
    out.append("# and their translations clear the name; food words such as 'ice cream' veto the listing.")
    out.append("pack: eu-cosmetics-annex2")
    out.append('source: "Regulation (EC) No 1223/2009 Annex II; European Commission CosIng database export ('
               + date + ')"')
    out.append("rules:")
    first = True
    for ref, chem, names in rules:
        title = re.sub(r"\s+", " ", chem)
        if len(title) > 90:
            title = title[:87].rstrip() + "..."
        example = min(names, key=lambda n: (len(n) > 40, bool(re.search(r"\d", n)), len(n)))
        out.append("")
        out.append(f"  - id: cosm.annex2.{ref}")
        out.append(f"    title: {yq('Prohibited in cosmetics (Annex II/' + ref + '): ' + title)}")
        out.append("    category: cosmetics")
        out.append("    severity: high")
        out.append(f"    legal_basis: {yq('Regulation (EC) No 1223/2009, Annex II, entry ' + ref)}")
        out.append("    languages: [en, de, fr, it, es, pl, nl, pt, ro, cs, sv, hu]")
        out.append("    match:")
        out.append("      all:")
        out.append("        - [" + flow(names, 11) + "]")
        if first:
            out.append("        - &cosmetic [" + flow(COSMETIC_CONTEXT, 21) + "]")
            out.append("      none: &food [" + flow(FOOD_VETO, 19) + "]")
            first = False
        else:
            out.append("        - *cosmetic")
            out.append("      none: *food")
        out.append("    exceptions: [" + flow(exceptions_for(names) + EXTRA_EXCEPTIONS.get(ref, []), 17) + ",")
        out.append("                 {regex: '" + POLYMER_NAME + "'}]")
        out.append("    examples:")
        out.append("      flag:")
        out.append(f"        - {yq('Face cream with ' + example)}")
        out.append(f"        - {yq('Serum containing ' + example + ' 2%, 30 ml')}")
        out.append(f"        - {yq('Crème visage avec ' + example + ', 50 ml')}")
        out.append("      pass:")
        out.append(f"        - {yq(example + '-free face cream, 50 ml')}")
        if not has_context_word(example):
            out.append(f"        - {yq(example + ' analytical reference standard, 100 mg, for laboratory use')}")
        out.append('        - "Hydrating face cream with shea butter and glycerin, 50 ml"')
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{args.out}: {len(rules)} rules, {len(skipped)} entries skipped", file=sys.stderr)
    if args.report:
        for ref, why in skipped:
            print(f"  skipped {ref}: {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
