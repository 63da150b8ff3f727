#!/usr/bin/env python3
"""Generates rules/eu/cosmetics-annex2.yaml from the exports of Annex II (prohibited substances) of
Regulation (EC) No 1223/2009.

Usage:
  tools/rulegen/annex2_to_rules.py --csv COSING_Annex.II_v2.csv [--source-txt SOURCE.txt]
                                   [--echa eu-annex-ii.csv] [--echa-origin TEXT] [--reviewed YYYY-MM-DD]
                                   [--out rules/eu/cosmetics-annex2.yaml] [--report]

Inputs:
  * COSING_Annex.II_v2.csv: the CosIng export of Annex II as republished by the Open Beauty Facts
    project (a 2016 snapshot); SOURCE.txt (optional) describes it for the header. It gives the INN,
    INCI and trade names of the older entries and the act that added each of them ("Regulated By").
  * eu-annex-ii.csv (optional, recommended): the ECHA export "Cosmetic Products Regulation, Annex II -
    Prohibited Substances" (tab-separated, its export date in the title block; the export of
    16 May 2024 covers the amendments up to Regulation (EU) 2023/1490). When given, it is the entry
    list: entries added after 2016 come from it, entries it no longer has are dropped, its product
    types mark the entries prohibited only in hair (and eyelash) dye products, and its "Applies from"
    dates name the amending act (ACT_BY_DATE).
  * LATER_ENTRIES (below): entries added after that export, typed from the Official Journal
    (Regulations (EU) 2024/996 and 2025/877), generated as a separate, marked list.

One rule per Annex II entry with usable names: the chemical name / INN, names given in its
parentheses (INN, INCI, trade names) and the "identified ingredients", cleaned ("(*)" markers,
"and its salts", "(INN)", "- ISO", conditions such as "when used in hair dye products" removed,
Greek letters spelled out) and kept only when specific enough (no common words, no single words
shorter than 6 letters, no generic class names, no very long systematic names). A name alone is not
enough: Annex II lists many medicines and food-supplement adulterants (ephedrine, yohimbine, DMAA,
narcotics), so every generated rule also needs a cosmetic-product word (cream, serum, shampoo,
lipstick... in 13 languages); listings of medicines and supplements stay with the medicines and
supplements packs. Entries prohibited only in hair dye products need a hair-dye word instead
(HAIR_DYE_CONTEXT, 13 languages). Names match exactly (`fuzzy: false`): on real INCI and food lists,
one edit from these names lie lawful ingredients (ethoxydiglycol, quinine, "préparation"). Every rule gets `sources:` (the Annex II entry, the amending act
with its EUR-Lex ELI where known, the ECHA or CosIng entry) and `reviewed:` (--reviewed).

Entries skipped:
  * "Moved or deleted" entries, entries no longer in the ECHA export, and entries prohibited only
    above a threshold ("if it contains > 0.1 % w/w Butadiene", petroleum distillates with a
    refining-history exception, releasable-formaldehyde limits);
  * entries whose names are only generic classes (e.g. "Antibiotics", "Oestrogens");
  * entries covered by hand-written rules in rules/eu/cosmetics.yaml (HAND_WRITTEN below), so
    that no two rules match the same thing.
"""
import argparse
import csv
import datetime
import html
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
    "1370": "cosm.diethylene_glycol_toothpaste",  # diethylene glycol (the hand rule needs an oral-care word)
    "1380": "cosm.lyral_atranol",          # HICC (Reg. (EU) 2017/1410)
    "1381": "cosm.lyral_atranol",          # atranol
    "1382": "cosm.lyral_atranol",          # chloroatranol
    "1577": "cosm.formaldehyde_hair_straightening",  # formaldehyde (Reg. (EU) 2019/831)
    "1578": "cosm.formaldehyde_hair_straightening",  # paraformaldehyde
    "1666": "cosm.lilial",                 # butylphenyl methylpropional (Reg. (EU) 2021/1902)
    "1670": "cosm.zinc_pyrithione",        # zinc pyrithione (Reg. (EU) 2021/1902)
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
# Pass examples for the lawful look-alikes above.
EXTRA_PASS = {
    "26": "Primer, ingredients: dimethicone, benzylidene dimethoxydimethylindanone",
    "427": "Face cream with Sinorhizobium meliloti ferment filtrate",
    "1000": "Serum with ethoxydiglycol and niacinamide, 30 ml",
    "1589": "Serum with glutamylamidoethyl imidazole, 30 ml",
    "1527": "Bath bomb, colour: quinoline yellow (CI 47005)",
    "1703": "Sunscreen SPF 30 with benzophenone-3 and octocrylene, 100 ml",
}
GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ω": "omega", "µ": "mu", "μ": "mu"}
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
    # Lawful INCI names one edit from, or built on, an Annex II name (Sephora INCI lists):
    "26": ["benzylidene"],                                # Benzylidene Dimethoxydimethylindanone (not benzidine)
    "410": ["nitrosamine releasers", "nitrosamine releaser", "nitrosamine-releasing"],   # "free of" lists
    "427": ["meliloti"],                                  # Sinorhizobium Meliloti Ferment (not melilotin)
    "1000": ["ethoxydiglycol", "ethoxy diglycol"],        # lawful solvent (not methoxydiglycol)
    "1589": ["imidazoline", "imidazolidinyl", "imidazolidinone"],
    "1527": ["quinoline yellow", "quinoline yellow ws"],  # CI 47005, an Annex IV colorant (and E 104)
}
# The same as regexes: the numbered benzophenones (benzophenone-3, -4: Annex VI UV filters) contain the name
# of entry 1703 (benzophenone, Reg. (EU) 2023/1490).
EXTRA_EXCEPTION_REGEX = {
    "1589": r"\b[a-z]+yl\s(?:[a-z]+yl\s)?imidazole\b",          # Glutamylamidoethyl Imidazole (peptides)
    "1703": r"\bbenzophenone(?:-[0-9]+|\s[0-9]{1,2}(?:[^%.,0-9]|$))",
}


# Name-type suffixes written with a dash ("Parathion - ISO", "Methyl bromide  - ISO", "Minoxidil - INN"):
# the common name is what listings use.
DASH_TAGS = re.compile(r"\s+-\s*(?:ISO|INNM?|USAN|BAN|JAN|INCI)\b\.?", re.I)


def clean_name(raw):
    name = html.unescape(raw).replace("\n", " ").replace("\u00a0", " ").strip()
    name = DASH_TAGS.sub("", name)
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
        for greek, latin in GREEK.items():                    # listings write "alpha", not "α"
            c = c.replace(greek, latin)
        c = re.sub(r"\s+(L|Linn|Tul|Balf|Steinh|Holmes|Clarke|Kunth|Beauv|spp|species)\.?$", "", c)  # botanical authors
        key = c.lower()
        if key in seen or key in DROP_NAMES or "ferment" in key or not usable(c):
            continue
        seen.add(key)
        names.append(c)
    # Colour Index numbers of the colorants the entry names ("Colouring agent CI 45170", "(Acid Red 73; CI 27290)"):
    # exact identifiers that INCI lists use, too short for the checks above. Only for entries that have a usable
    # name as well: the entries known by a CI number alone (mostly hair-dye-only pigments that Annex IV allows
    # elsewhere) flagged lawful listings.
    for ci in re.findall(r"\bC\.?I\.?\s?(\d{5})\b", html.unescape(chem)) if names else []:
        for form in (f"CI {ci}", f"CI{ci}"):
            if form.lower() not in seen:
                seen.add(form.lower())
                names.append(form)
    if not names:
        return None, "no specific name (generic class or names too short)"
    return names[:14], None


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


# --------------------------------------------------------------------------- current entry list (ECHA)

def load_echa(path):
    """The ECHA export "Cosmetic Products Regulation, Annex II - Prohibited Substances" (tab-separated,
    a title block, then one row per substance; group entries are split into one row per member).
    Returns (export date as YYYY-MM-DD or None, {ref: [row dict, ...]}) in file order."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    date = None
    for r in rows[:10]:
        m = re.search(r"Export date:\s*(\d{2})/(\d{2})/(\d{4})", " ".join(r))
        if m:
            date = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    head = next(i for i, r in enumerate(rows) if r and r[0].strip() in ("Nom", "Name") and "Ref No." in r)
    cols = [c.strip() for c in rows[head]]
    entries = {}
    for r in rows[head + 1:]:
        if len(r) < len(cols) - 1:
            continue
        d = {c: html.unescape(v).strip() for c, v in zip(cols, r)}
        d["Group"] = html.unescape(r[0]).strip()          # first column: the substance's own names, ';'-separated
        ref = d.get("Ref No.", "")
        if ref.isdigit():
            entries.setdefault(ref, []).append(d)
    return date, entries


# Amending acts by the date from which an entry applies ("Applies from ..." in the ECHA export).
ACT_BY_DATE = {
    "1 October 2021": "Commission Regulation (EU) 2021/850",
    "1 March 2022": "Commission Regulation (EU) 2021/1902",
    "17 December 2022": "Commission Regulation (EU) 2022/1531",
    "1 December 2023": "Commission Regulation (EU) 2023/1490",
}

# Annex II entries added after the ECHA export of 16 May 2024, typed from the amending acts as published
# in the Official Journal: (ref, chemical name, [names], act, applies from, extra context words).
NAIL_CONTEXT = ["gel polish", "nail gel", "UV gel", "LED gel", "builder gel", "gel nail", "gel nails", "nail polish",
                "Gel-Nagellack", "Nagelgel", "UV-Gel", "vernis semi-permanent", "gel UV", "smalto semipermanente",
                "gel unghie", "esmalte semipermanente", "gel de uñas", "lakier hybrydowy", "żel do paznokci",
                "gellak", "nagelgel", "verniz gel", "oja semipermanentă", "gel lak", "gellack", "gél lakk",
                "zselé lakk", "artificial nails", "nail systems"]
LATER_ENTRIES = [
    ("1730", "3-(4'-Methylbenzylidene)-camphor (4-Methylbenzylidene Camphor)",
     ["4-Methylbenzylidene Camphor", "3-(4'-Methylbenzylidene)-camphor", "3-(4-Methylbenzylidene)camphor",
      "4-methylbenzylidene camphor (4-MBC)", "enzacamene"],
     "Commission Regulation (EU) 2024/996", "1 May 2025 (placing on the market), 1 May 2026 (making available)", []),
    ("1731", "Diphenyl(2,4,6-trimethylbenzoyl)phosphine oxide (Trimethylbenzoyl Diphenylphosphine Oxide, TPO)",
     ["Trimethylbenzoyl Diphenylphosphine Oxide", "diphenyl(2,4,6-trimethylbenzoyl)phosphine oxide",
      "trimethylbenzoyl diphenyl phosphine oxide", "TPO photoinitiator"],
     "Commission Regulation (EU) 2025/877", "1 September 2025", NAIL_CONTEXT),
    ("1732", "2,2',6,6'-Tetrabromo-4,4'-isopropylidenediphenol (tetrabromobisphenol A)",
     ["tetrabromobisphenol A", "tetrabromobisphenol-A", "2,2',6,6'-tetrabromo-4,4'-isopropylidenediphenol"],
     "Commission Regulation (EU) 2025/877", "1 September 2025", []),
    ("1733", "Transfluthrin",
     ["transfluthrin"], "Commission Regulation (EU) 2025/877", "1 September 2025", []),
    ("1734", "Clothianidin",
     ["clothianidin"], "Commission Regulation (EU) 2025/877", "1 September 2025", []),
    # Listed by 2025/877 as well; its entry number is not recorded here.
    ("2025-877-dimethyltolylamine", "N,N-Dimethyl-p-toluidine (Dimethyltolylamine)",
     ["Dimethyltolylamine", "N,N-dimethyl-p-toluidine", "N,N-dimethyl-4-toluidine", "N,N-dimethyl-para-toluidine"],
     "Commission Regulation (EU) 2025/877", "1 September 2025", NAIL_CONTEXT),
]

HAIR_DYE_CONTEXT = [
    "hair dye", "hair dyes", "hair colour", "hair color", "hair colorant", "hair colourant", "hair colouring",
    "hair coloring", "hair tint", "permanent hair colour", "permanent hair color", "root touch-up", "eyelash tint",
    "lash tint", "eyebrow tint", "brow tint", "Haarfarbe", "Haarfärbemittel", "Haarfärbung", "Haartönung",
    "Colorationscreme", "Färbecreme", "Wimpernfarbe", "Augenbrauenfarbe", "coloration cheveux", "coloration capillaire",
    "teinture cheveux", "teinture pour cheveux", "teinture capillaire", "teinture cils", "tinta per capelli",
    "tinta capelli", "tintura per capelli", "colorazione capelli", "colorazione permanente", "tinte para el pelo",
    "tinte de pelo", "tinte para cabello", "tinte capilar", "coloración capilar", "tinte de pestañas",
    "farba do włosów", "farby do włosów", "koloryzacja włosów", "henna do brwi", "farba do brwi", "haarverf",
    "haarkleuring", "haarkleurmiddel", "wimperverf", "tinta para cabelo", "tinta de cabelo", "coloração capilar",
    "vopsea de păr", "vopsea pentru păr", "vopsea de par", "barva na vlasy", "barvy na vlasy", "barva vlasů",
    "hårfärg", "hårfärgning", "hårfärgningsmedel", "hajfesték", "hajfestés", "hajszínező", "βαφή μαλλιών",
    "βαφές μαλλιών"]

COSMETICS_ELI = "https://eur-lex.europa.eu/eli/reg/2009/1223/oj"
ECHA_URL = "https://echa.europa.eu/cosmetics-prohibited-substances"


def act_of(text):
    """'2004/93/EC' -> ('Directive 2004/93/EC', ELI); '(EC) No 344/2013' -> ('Commission Regulation (EU) No 344/2013',
    ELI); 'Commission Regulation (EU) 2019/831' -> (same, ELI). None for the Regulation itself or nothing."""
    t = (text or "").strip()
    if not t or "1223/2009" in t:
        return None
    m = re.fullmatch(r"(\d{2,4})/(\d+)/(EEC|EC|EU)", t)
    if m:
        year = m.group(1) if len(m.group(1)) == 4 else "19" + m.group(1)
        return f"Directive {t}", f"https://eur-lex.europa.eu/eli/dir/{year}/{int(m.group(2))}/oj"
    m = re.fullmatch(r"\((?:EC|EU)\) No (\d+)/(\d{4})|(\d+)/(\d{4})/EU", t)
    if m:
        num, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return f"Commission Regulation (EU) No {num}/{year}", f"https://eur-lex.europa.eu/eli/reg/{year}/{int(num)}/oj"
    m = re.search(r"Regulation \(EU\) (\d{4})/(\d+)", t)
    if m:
        return t, f"https://eur-lex.europa.eu/eli/reg/{m.group(1)}/{int(m.group(2))}/oj"
    return None


def applies_from(echa_rows):
    for d in echa_rows:
        m = re.search(r"Applies from (\d{1,2} \w+ \d{4})", d.get("Notes", ""))
        if m:
            return m.group(1)
    return None


def merged_row(ref, old_row, echa_rows):
    """One CosIng-like row per entry: the 2016 CosIng names, plus the ECHA names (for entries after 2016
    the ECHA names are all there is)."""
    extra = []
    for d in echa_rows or []:
        extra += [x for x in re.split(r";", d.get("Group", "")) if x.strip()]
        if d.get("Name"):
            extra.append(d["Name"])
    if old_row:
        row = dict(old_row)
        row["Identified INGREDIENTS or substances e.g."] = ";".join(
            [old_row.get("Identified INGREDIENTS or substances e.g.") or ""] + extra)
        return row
    names = [d.get("Name", "") for d in echa_rows if d.get("Name")]
    chem = names[0] if names and all(n == names[0] for n in names) else (extra[0] if extra else "")
    return {"Reference Number": ref, "Chemical name / INN": chem, "Chemical/IUPAC Name": "",
            "Identified INGREDIENTS or substances e.g.": ";".join(extra)}


def scope_of(chem, echa_rows):
    if echa_rows:
        types = {d.get("Product type, body parts", "") for d in echa_rows}
        if types and all(re.search(r"hair|eyelash|eyebrow", t, re.I) and "All cosmetic" not in t for t in types):
            return "hair dye"
        return None
    if re.search(r"when used (as a substance )?in hair dye", chem, re.I):
        return "hair dye"
    return None


def threshold_only(echa_rows):
    return any(re.search(r"not permitted if|if the maximum theoretical|except if the full refining",
                         d.get("Restriction(s)", ""), re.I) for d in echa_rows or [])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", required=True, help="the CosIng Annex II export (COSING_Annex.II_v2.csv): names, synonyms "
                    "and the acts that added the older entries")
    ap.add_argument("--source-txt", help="a description of that snapshot, for the header")
    ap.add_argument("--echa", help="the ECHA export of Annex II (tab-separated): the current entry list, product "
                    "types (hair dye entries) and dates of application; without it the CosIng snapshot is the list")
    ap.add_argument("--echa-origin", default="", help="where that export was obtained, for the header")
    ap.add_argument("--reviewed", default=datetime.date.today().isoformat(),
                    help="the date written as `reviewed:` on every rule (default: today)")
    ap.add_argument("--out", default="rules/eu/cosmetics-annex2.yaml")
    ap.add_argument("--report", action="store_true", help="print skipped entries to stderr")
    args = ap.parse_args()

    with open(args.csv, encoding="utf-8", errors="replace", newline="") as f:
        old_rows = [r for r in csv.DictReader(f) if (r.get("Reference Number") or "").strip().isdigit()]
    old = {r["Reference Number"].strip(): r for r in old_rows}
    date = snapshot_date(args.source_txt)
    echa_date, echa = load_echa(args.echa) if args.echa else (None, {})

    if echa:
        refs = sorted(echa, key=int)
        deleted = sorted(set(old) - set(echa), key=int)
    else:
        refs = [r["Reference Number"].strip() for r in old_rows]
        deleted = []

    rules, skipped, seen_sets = [], [], {}
    for ref in deleted:
        skipped.append((ref, "no longer in Annex II (moved or deleted after 2016)"))
    for ref in refs:
        if ref in HAND_WRITTEN:
            skipped.append((ref, f"covered by {HAND_WRITTEN[ref]}"))
            continue
        if ref in EXCEPTED_USES:
            skipped.append((ref, EXCEPTED_USES[ref]))
            continue
        if threshold_only(echa.get(ref)):
            skipped.append((ref, "prohibited only above a threshold"))
            continue
        row = merged_row(ref, old.get(ref), echa.get(ref))
        names, why = names_of(row)
        if not names:
            skipped.append((ref, why))
            continue
        key = tuple(sorted(n.lower() for n in names))
        if key in seen_sets:
            skipped.append((ref, f"same names as entry {seen_sets[key]}"))
            continue
        seen_sets[key] = ref
        chem = clean_name(row["Chemical name / INN"])
        scope = scope_of(row["Chemical name / INN"], echa.get(ref))
        chem = CONDITION.sub("", chem).strip(" ,;") if scope else chem
        o = old.get(ref) or {}
        act = act_of(o.get("Regulated By")) or act_of(o.get("Regulation"))
        when = applies_from(echa.get(ref) or [])
        if not act and when and when in ACT_BY_DATE:
            act = act_of(ACT_BY_DATE[when])
        rules.append(dict(ref=ref, chem=chem, names=[pretty(n) for n in names], scope=scope, act=act, when=when,
                          extra=[], later=False))
    for ref, chem, names, act_name, when, extra in LATER_ENTRIES:
        if ref in echa:
            continue
        rules.append(dict(ref=ref, chem=chem, names=names, scope=None, act=act_of(act_name), when=when,
                          extra=extra, later=True))

    n_hair = sum(1 for r in rules if r["scope"] == "hair dye")
    n_later = sum(1 for r in rules if r["later"])
    if echa:
        src = (f"ECHA export 'Cosmetic Products Regulation, Annex II - Prohibited Substances' of {echa_date}"
               + (f" ({args.echa_origin})" if args.echa_origin else "")
               + f", with names and amending acts of older entries from the CosIng export ({date})")
    else:
        src = f"European Commission CosIng export of Annex II (COSING_Annex.II_v2.csv, {date})"
    out = []
    out.append("# GENERATED FILE - do not edit by hand.")
    out.append("# Cosmetics: one rule per entry of Annex II (prohibited substances) of Regulation (EC) No 1223/2009.")
    if echa:
        out.append(f"# Source: the ECHA export of Annex II dated {echa_date}"
                   + (f" ({args.echa_origin})," if args.echa_origin else ","))
        out.append("# the current entry list (entries up to 1724), product types and dates of application; names,")
        out.append(f"# synonyms and the acts that added the older entries from the CosIng export of Annex II ({date}),")
        out.append("# as republished by the Open Beauty Facts project. (c) European Union, reused under Commission")
        out.append("# Decision 2011/833/EU.")
        out.append("# Law covered: Annex II as amended up to Commission Regulation (EU) 2023/1490 (applies from 1 December")
        out.append("# 2023), as in the export. Added by hand from the Official Journal (separate list LATER_ENTRIES in the")
        out.append("# generator, marked 'added after the export' below): Commission Regulation (EU) 2024/996 (entry 1730,")
        out.append("# 4-methylbenzylidene camphor) and Commission Regulation (EU) 2025/877 (entries 1731-1734: TPO,")
        out.append("# tetrabromobisphenol A, transfluthrin, clothianidin; and N,N-dimethyl-p-toluidine).")
        out.append("# Not covered: entries 1725-1729, the other entries of Regulation (EU) 2025/877 (1735-1751: bisphenol AF")
        out.append("# salts, organotins, 4-methylimidazole, N-nitrosomorpholine and others), and any later amendment.")
        out.append("# Entries from before the export carry the amending act where CosIng records it or where the export's")
        out.append("# date of application identifies it (2021/850, 2021/1902, 2022/1531, 2023/1490).")
    else:
        out.append(f"# Source: {src},")
        out.append("# as republished by the Open Beauty Facts project; (c) European Union, reused under Commission")
        out.append("# Decision 2011/833/EU. Old snapshot: later additions to Annex II are not covered.")
    out.append("# Entries handled by hand-written rules in cosmetics.yaml (the generator's HAND_WRITTEN table: mercury,")
    out.append("# lead, hydroquinone, corticosteroids, tretinoin, hexachlorophene, phthalates, parabens, formaldehyde,")
    out.append("# Lilial, zinc pyrithione, HICC/atranol/chloroatranol, diethylene glycol) are left out here.")
    out.append("# Regenerate from the repository root with:")
    out.append("#   python3 tools/rulegen/annex2_to_rules.py --csv COSING_Annex.II_v2.csv --source-txt SOURCE.txt \\")
    out.append("#       --echa eu-annex-ii.csv --echa-origin '...' --reviewed YYYY-MM-DD --out rules/eu/cosmetics-annex2.yaml")
    out.append(f"# {len(rules)} rules ({n_later} added after the export); {len(skipped)} entries skipped (moved/deleted,")
    out.append("# threshold-only listings, generic classes, hand-written coverage).")
    out.append("# A rule needs the substance's name and a cosmetic-product word; '<name>-free', 'without <name>'")
    out.append("# and their translations clear the name; food words such as 'ice cream' veto the listing.")
    out.append("# Names match exactly (fuzzy: false): one edit from these systematic and INCI names lie lawful")
    out.append("# ingredients (ethoxydiglycol/methoxydiglycol, quinine/quinoline, preparation/parathion).")
    out.append(f"# The {n_hair} entries prohibited only in hair (and eyelash) dye products need a hair-dye word in one of")
    out.append("# the 13 pack languages instead; in other products such a colorant is unlawful for another reason")
    out.append("# (not listed in Annex IV, Art. 14(1)(c)), which these rules do not judge.")
    out.append("pack: eu-cosmetics-annex2")
    out.append("source: " + yq("Regulation (EC) No 1223/2009 Annex II; " + src
                               + "; later entries from Regulations (EU) 2024/996 and 2025/877"))
    out.append("rules:")
    anchors = set()
    for r in rules:
        ref, chem, names, scope = r["ref"], r["chem"], r["names"], r["scope"]
        title = re.sub(r"\s+", " ", chem)
        if len(title) > 90:
            title = title[:87].rstrip() + "..."
        rid = ref if ref.isdigit() else ref.lower()
        entry = f"entry {ref}" if ref.isdigit() else "entry added by " + r["act"][0]
        example = min(names, key=lambda n: (len(n) > 40, bool(re.search(r"\d", n)), len(n)))
        basis = "Regulation (EC) No 1223/2009, Annex II, " + entry
        if scope:
            basis += " (prohibited in hair dye products)"
        if r["act"] and ref.isdigit():
            basis += ("; listed since " if "76/768" in r["act"][0] else "; added by ") + r["act"][0]
        if r["when"]:
            basis += ", applicable from " + r["when"]
        out.append("")
        if r["later"]:
            out.append(f"  # added after the export: {r['act'][0]}, applicable from {r['when']}")
        out.append(f"  - id: cosm.annex2.{rid}")
        prefix = "Prohibited in hair dye products" if scope else "Prohibited in cosmetics"
        out.append(f"    title: {yq(prefix + ' (Annex II/' + (ref if ref.isdigit() else 'new') + '): ' + title)}")
        out.append("    category: cosmetics")
        out.append("    severity: high")
        out.append(f"    legal_basis: {yq(basis)}")
        out.append("    sources:")
        prov = "Annex II, " + entry + (" (hair dye products)" if scope else "")
        out.append('      - document: "Regulation (EC) No 1223/2009 on cosmetic products"')
        out.append(f"        provision: {yq(prov)}")
        out.append(f'        url: "{COSMETICS_ELI}"')
        if r["act"]:
            out.append(f"      - document: {yq(r['act'][0])}")
            out.append(f"        provision: {yq('Annex (Annex II, ' + entry + ')' + (', applicable from ' + r['when'] if r['when'] else ''))}")
            out.append(f"        url: {yq(r['act'][1])}")
        if not r["later"]:
            if echa:
                out.append(f"      - document: {yq('ECHA, Cosmetic Products Regulation Annex II - Prohibited Substances (export of ' + str(echa_date) + ')')}")
                out.append(f"        provision: {yq('Ref No. ' + ref)}")
                out.append(f'        url: "{ECHA_URL}"')
            else:
                out.append(f"      - document: {yq('European Commission CosIng database, Annex II')}")
                out.append(f"        provision: {yq('Reference number ' + ref)}")
                out.append('        url: "https://ec.europa.eu/growth/tools-databases/cosing/"')
        out.append(f"    reviewed: {args.reviewed}")
        out.append("    languages: [en, de, fr, it, es, pl, nl, pt, ro, cs, sv, hu, el]" if scope else
                   "    languages: [en, de, fr, it, es, pl, nl, pt, ro, cs, sv, hu]")
        out.append("    fuzzy: false")
        out.append("    match:")
        out.append("      all:")
        out.append("        - [" + flow(names, 11) + "]")
        if scope:
            if "hair" not in anchors:
                out.append("        - &hairdye [" + flow(HAIR_DYE_CONTEXT, 20) + "]")
                anchors.add("hair")
            else:
                out.append("        - *hairdye")
        elif r["extra"]:
            out.append("        - [" + flow(COSMETIC_CONTEXT + r["extra"], 11) + "]")
        elif "cosm" not in anchors:
            out.append("        - &cosmetic [" + flow(COSMETIC_CONTEXT, 21) + "]")
            anchors.add("cosm")
        else:
            out.append("        - *cosmetic")
        if "food" not in anchors:
            out.append("      none: &food [" + flow(FOOD_VETO, 19) + "]")
            anchors.add("food")
        else:
            out.append("      none: *food")
        out.append("    exceptions: [" + flow(exceptions_for(names) + EXTRA_EXCEPTIONS.get(ref, []), 17) + ",")
        for extra_rx in [EXTRA_EXCEPTION_REGEX[ref]] if ref in EXTRA_EXCEPTION_REGEX else []:
            out.append("                 {regex: '" + extra_rx + "'},")
        out.append("                 {regex: '" + POLYMER_NAME + "'}]")
        out.append("    examples:")
        out.append("      flag:")
        if scope:
            out.append(f"        - {yq('Hair dye cream with ' + example)}")
            out.append(f"        - {yq('Haarfarbe mit ' + example + ', 60 ml')}")
            out.append(f"        - {yq('Coloration cheveux avec ' + example)}")
        else:
            out.append(f"        - {yq('Face cream with ' + example)}")
            out.append(f"        - {yq('Serum containing ' + example + ' 2%, 30 ml')}")
            out.append(f"        - {yq('Crème visage avec ' + example + ', 50 ml')}")
        out.append("      pass:")
        if scope:
            out.append(f"        - {yq(example + '-free hair dye, 60 ml')}")
            if not has_context_word(example):
                out.append(f"        - {yq('Face cream with ' + example)}")
        else:
            out.append(f"        - {yq(example + '-free face cream, 50 ml')}")
        if not has_context_word(example):
            out.append(f"        - {yq(example + ' analytical reference standard, 100 mg, for laboratory use')}")
        if ref in EXTRA_PASS:
            out.append(f"        - {yq(EXTRA_PASS[ref])}")
        out.append('        - "Hydrating face cream with shea butter and glycerin, 50 ml"')
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{args.out}: {len(rules)} rules ({n_hair} hair dye, {n_later} after the export), "
          f"{len(skipped)} entries skipped", file=sys.stderr)
    if args.report:
        for ref, why in skipped:
            print(f"  skipped {ref}: {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
