#!/usr/bin/env python3
"""Generates rules/eu/medicines-inn.yaml from a public list of medicinal active substances
(names, synonyms and WHO ATC codes).

Usage:
  tools/rulegen/inn_to_rules.py --tsv substances.tsv [--out rules/eu/medicines-inn.yaml] [--report]

substances.tsv is the `medicines-inn` table (columns name, atc_code_or_class, synonyms, source_id),
built from PharmGKB's drugs.tsv (CC BY-SA 4.0) and the DrugBank open-data vocabulary (CC0 1.0); its
README describes both sources and how they were merged.

What is generated:
  * one `medicines` rule per ATC class (level 3 or 4, e.g. med.inn.n06a for antidepressants) whose
    substances are prescription-only across the EU or never lawful in food. The substance's name
    alone is not enough: the listing must also carry an offer context (a strength unit such as "mg",
    a pack form such as tablets/capsules/ampoules/pens, or "without prescription" wording, in 13
    languages). Books, posters, studies, drug-test kits, OTC markers and interaction warnings veto
    the listing; "X-free", "without X", "X alternative" clear the name;
  * one `supplements` rule per class where a substance turns up as an adulterant of food
    supplements (antidepressants, NSAIDs, corticosteroids, antidiabetics, statins, anorectics,
    thyroid hormones, diuretics, antiemetics...): the name plus a supplement word ("natural",
    "herbal", "dietary supplement"... in 13 languages). These rules also name OTC-type substances
    (paracetamol, ibuprofen, cetirizine...), which are lawful medicines but never a food;
  * med.inn.in_supplement: every prescription-only name plus a supplement word (a supplement that
    names such a substance flags both categories; one rule, so that the frequent supplement words
    are not shared by every class rule);
  * two rules for listings posted in a food-supplement marketplace category (`where: category`),
    one per category, and med.inn.otc_high_strength for OTC-type substances at prescription-only
    strengths (orlistat 120 mg, ibuprofen 600/800 mg, naproxen 500 mg, diclofenac 75-150 mg).

Context words are chosen so that they seldom occur inside longer ordinary words ("caps", "pens",
"pil", "tab" were left out): every occurrence of a keyword inside a word is a match that the scanner
must locate and reject, the main cost of a pack like this one.

Names are kept only when they are safe as keywords: letters only (no codes, digits, locants or
salts when the base name is kept), single words of at least 7 letters (or multi-word names with
words of 3+ letters), not a common word in any of the 13 pack languages (COMMON below, checked with
the hunspell dictionaries of the 13 languages and reviewed by hand), not the name of another
substance (the source has some wrong synonyms). The usual language forms of an INN are generated
where the source has none (the source's synonyms are English, Spanish, French, German, Latin and
Italian INN forms): -ine/-in/-ina/-ino (de, it, es, pt, ro), Polish (-yna, x->ks, v->w, c->k),
Czech/Swedish/Hungarian (c->k, qu->kv, Hungarian s->sz) and Greek (transliterated, -ίνη).

Substances are skipped when they are covered by hand-written rules in medicines.yaml or
supplements.yaml (HAND_WRITTEN), are lawful in food or common supplements (FOOD_OR_SUPPLEMENT),
or are sold over the counter in some Member States (OTC: they go only into the supplements rules).
Every generated rule carries `sources:` (the Directive 2001/83/EC provisions of its legal basis, or the
General Food Law and Directive 2002/46/EC for the supplements rules, the UN convention or WADA list where
the basis names one, the WHO ATC index entry of its class, and the PharmGKB and DrugBank data the names
come from) and `reviewed:` (REVIEWED below: the date the provisions were last checked).

The output depends only on the input table and this script: rules, names and examples are sorted.
"""
import argparse
import csv
import re
import sys
import unicodedata

# --------------------------------------------------------------------------------------------------
# Classes. Order matters: a substance with several ATC codes goes to the first class that lists one
# of them. Fields: ATC prefixes, rule suffix, title, severity, parallel supplements rule, extra veto.
CLASSES = [
    (("N06A",), "n06a", "Antidepressants", "high", True, None),
    (("N05A",), "n05a", "Antipsychotics", "high", True, None),
    (("N05B",), "n05b", "Anxiolytics", "high", True, None),
    (("N05C",), "n05c", "Hypnotics and sedatives", "high", True, None),
    (("N06B",), "n06b", "Psychostimulants (amfetamines, ADHD drugs)", "high", True, None),
    (("N06D",), "n06d", "Anti-dementia drugs", "medium", True, None),
    (("N02A",), "n02a", "Opioid analgesics", "critical", False, None),
    (("N07B",), "n07b", "Drugs used in addictive disorders", "high", False, None),
    (("N01A",), "n01a", "General anaesthetics", "high", False, None),
    (("N03A",), "n03a", "Antiepileptics", "high", True, None),
    (("N04A", "N04B"), "n04", "Anti-Parkinson drugs", "medium", False, None),
    (("N02C",), "n02c", "Antimigraine preparations (ergots, triptans)", "medium", False, None),
    (("N07A", "N07C", "N07X"), "n07", "Other nervous-system drugs", "medium", False, None),
    (("M01A",), "m01a", "Non-steroidal anti-inflammatory drugs (NSAIDs)", "medium", True, None),
    (("M03A", "M03B", "M03C"), "m03", "Muscle relaxants", "high", True, None),
    (("M04A",), "m04a", "Antigout preparations", "medium", True, None),
    (("M05B",), "m05b", "Bisphosphonates and other bone drugs", "medium", False, None),
    (("H02A",), "h02a", "Corticosteroids for systemic use", "high", True, None),
    (("H03A",), "h03a", "Thyroid hormones", "high", True, None),
    (("H03B",), "h03b", "Antithyroid preparations", "medium", False, None),
    (("H01A", "H01B", "H01C"), "h01", "Pituitary and hypothalamic hormones", "high", False, None),
    (("H04A", "H05A", "H05B"), "h04_h05", "Glucagon, parathyroid hormones and calcitonin", "medium", False, None),
    (("A14A",), "a14a", "Anabolic steroids", "high", True, None),
    (("G03B", "G03E"), "g03b", "Androgens", "high", True, None),
    (("G03C",), "g03c", "Oestrogens", "high", True, None),
    (("G03A", "G03D"), "g03a_g03d", "Hormonal contraceptives and progestogens", "medium", False, None),
    (("G03G",), "g03g", "Gonadotropins and ovulation stimulants", "high", False, None),
    (("G03X",), "g03x", "Other sex hormones and modulators", "medium", False, None),
    (("G04B",), "g04b", "Urological drugs (urinary antispasmodics, erectile dysfunction)", "medium", True, None),
    (("G04C",), "g04c", "Drugs for benign prostatic hyperplasia", "medium", True, None),
    (("A10A", "A10B"), "a10", "Antidiabetics (insulin analogues, oral blood-glucose lowering drugs)", "high", True, None),
    (("A08A",), "a08a", "Anti-obesity drugs (anorectics)", "high", True, None),
    (("A04A", "A03F"), "a04a", "Antiemetics and prokinetics", "medium", True, None),
    (("A07E",), "a07e", "Intestinal anti-inflammatory agents", "medium", False, None),
    (("C10A",), "c10a", "Lipid-modifying agents (statins, fibrates)", "medium", True, None),
    (("C03",), "c03", "Diuretics", "high", True, None),
    (("C07A",), "c07a", "Beta blockers", "medium", True, None),
    (("C08",), "c08", "Calcium channel blockers", "medium", False, None),
    (("C09",), "c09", "ACE inhibitors and angiotensin II antagonists", "medium", False, None),
    (("C01A", "C01B", "C01D", "C01E"), "c01", "Cardiac therapy (glycosides, antiarrhythmics, nitrates)", "medium", False, None),
    (("C02",), "c02", "Antihypertensives", "medium", False, None),
    (("B01A",), "b01a", "Antithrombotic agents (anticoagulants, antiplatelet drugs)", "high", False, "rodent"),
    (("R03A", "R03C"), "r03a_r03c", "Beta-2 agonists and other adrenergic asthma drugs", "medium", True, None),
    (("R03D",), "r03d", "Other systemic drugs for obstructive airway diseases", "medium", False, None),
    (("J01",), "j01", "Antibacterials for systemic use", "high", False, None),
    (("J02",), "j02", "Antimycotics for systemic use", "medium", False, None),
    (("J04",), "j04", "Antimycobacterials (tuberculosis, leprosy)", "medium", False, None),
    (("J05",), "j05", "Antivirals for systemic use", "high", False, None),
    (("P01A", "P01B", "P01C"), "p01", "Antiprotozoals and antimalarials", "medium", False, None),
    (("L01",), "l01", "Antineoplastic agents", "high", False, None),
    (("L02",), "l02", "Endocrine therapy (hormone antagonists)", "high", False, None),
    (("L03",), "l03", "Immunostimulants", "medium", False, None),
    (("L04",), "l04", "Immunosuppressants", "high", False, None),
    (("D05B", "D10B"), "d05b_d10b", "Systemic retinoids and psoralens", "high", False, None),
]
# OTC-type classes: never flagged as medicines on their name, only in a supplement context.
SUPPLEMENT_ONLY_CLASSES = [
    (("N02B",), "n02b", "Analgesics and antipyretics (paracetamol, aspirin)"),
    (("R06A",), "r06a", "Antihistamines for systemic use"),
]

# Substances with hand-written rules in medicines.yaml (M) or supplements.yaml (S): not generated
# for that category, so that two rules do not match the same thing.
HAND_WRITTEN = {
    # medicines.yaml
    "sildenafil": "M", "tadalafil": "M", "vardenafil": "M", "avanafil": "M", "udenafil": "MS",
    "tramadol": "M", "oxycodone": "M", "fentanyl": "M", "alfentanil": "M", "sufentanil": "M",
    "remifentanil": "M", "codeine": "M", "morphine": "M", "hydromorphone": "M", "tapentadol": "M",
    "methadone": "M", "levomethadone": "M", "buprenorphine": "M", "hydrocodone": "M", "meperidine": "M",
    "piritramide": "M", "alprazolam": "M", "diazepam": "M", "clonazepam": "M", "lorazepam": "M",
    "bromazepam": "M", "temazepam": "M", "nitrazepam": "M", "flunitrazepam": "M", "oxazepam": "M",
    "midazolam": "M", "chlordiazepoxide": "M", "clobazam": "M", "triazolam": "M", "prazepam": "M",
    "estazolam": "M", "zolpidem": "M", "zopiclone": "M", "eszopiclone": "M", "zaleplon": "M",
    "pregabalin": "M", "gabapentin": "M", "isotretinoin": "M", "mifepristone": "M", "misoprostol": "M",
    "liraglutide": "M", "exenatide": "M", "amoxicillin": "M", "ampicillin": "M", "dicloxacillin": "M",
    "flucloxacillin": "M", "penicillin v": "M", "azithromycin": "M", "clarithromycin": "M",
    "erythromycin": "M", "doxycycline": "M", "minocycline": "M", "tetracycline": "M",
    "lymecycline": "M", "ciprofloxacin": "M", "levofloxacin": "M", "moxifloxacin": "M", "ofloxacin": "M",
    "norfloxacin": "M", "metronidazole": "M", "cephalexin": "M", "cefuroxime": "M", "cefixime": "M",
    "ceftriaxone": "M", "clindamycin": "M", "trimethoprim": "M", "sulfamethoxazole": "M",
    "nitrofurantoin": "M", "fosfomycin": "M", "linezolid": "M", "rifampin": "M", "modafinil": "M",
    "methylphenidate": "M", "dexmethylphenidate": "M", "lisdexamfetamine": "M",
    "dextroamphetamine": "M", "stanozolol": "M", "oxandrolone": "M", "methyltestosterone": "M",
    "fluoxymesterone": "M", "testosterone": "M", "clomifene": "M", "tamoxifen": "M",
    "anastrozole": "M", "letrozole": "M", "exemestane": "M", "raloxifene": "M", "cabergoline": "M",
    "clenbuterol": "M", "somatropin recombinant": "M", "mecasermin": "M", "sermorelin": "M",
    "pentobarbital": "M", "secobarbital": "M", "phenobarbital": "M", "amobarbital": "M",
    "ketamine": "M", "phentermine": "M", "diethylpropion": "M", "mazindol": "M", "rimonabant": "M",
    "finasteride": "M", "dutasteride": "M", "hydroxychloroquine": "M", "chloroquine": "M",
    "ivermectin": "M", "choriogonadotropin alfa": "M",
    # supplements.yaml
    "sibutramine": "S", "yohimbine": "MS", "ephedrine": "MS",
}

# Lawful in food, food supplements or cosmetics, or whose names are ordinary words: never generated.
FOOD_OR_SUPPLEMENT = {
    "l-tryptophan": "food supplement amino acid", "melatonin": "food supplement (up to 1 mg)",
    "caffeine": "food", "theobromine": "cocoa", "theophylline": "tea; aminophylline is a cosmetic ingredient",
    "aminophylline": "cosmetic ingredient (cellulite creams)", "niacin": "vitamin B3",
    "glucosamine": "food supplement", "ginkgo biloba": "food supplement and herbal medicine",
    "lithium": "batteries; lithium salts", "adenosine": "cosmetic ingredient", "quinine": "tonic water",
    "epinephrine": "'adrenaline' is an ordinary word", "dimethyl sulfoxide": "solvent",
    "calcium chloride": "food additive", "scopolamine": "synonym hyoscine matches OTC hyoscine butylbromide",
    "heroin": "street drug; covered by national narcotics law, not a medicines rule",
    "etidronic acid": "cosmetic ingredient (chelator)", "papaverine": "opium alkaloid named in poppy-seed food warnings",
    "alprostadil": "prostaglandin E1; also named in lab reagent listings", "cholestyramine": "resin sold as a binder supplement",
    "3-beta-hydroxy-5-androsten-17-one": "DHEA (covered by supp.dhea)",
    "glucagon recombinant": "'glucagon-like peptide' in GLP-1 supplement claims",
    "testosterone": "'testosterone booster' supplements; the esters are in med.steroid.injectable",
}

# OTC in some Member States: flagged only in a supplement context (supplements rules).
OTC = {
    "acetaminophen", "aspirin", "ibuprofen", "naproxen", "diclofenac", "ketoprofen", "flurbiprofen",
    "cetirizine", "loratadine", "desloratadine", "fexofenadine", "diphenhydramine", "doxylamine",
    "chlorpheniramine", "pheniramine", "dimethindene", "meclizine", "cyclizine", "promethazine",
    "clemastine", "azelastine", "ketotifen", "levocabastine", "mepyramine", "antazoline",
    "orlistat", "hydrocortisone", "minoxidil", "acyclovir", "penciclovir", "ketoconazole",
    "miconazole", "clotrimazole", "fluconazole", "terbinafine", "levonorgestrel", "nicotine",
    "heparin", "sumatriptan", "naratriptan", "almotriptan", "zolmitriptan", "cinnarizine",
    "lidocaine", "benzocaine", "loperamide", "salsalate", "diflunisal", "antipyrine", "aminophenazone",
    "phenacetin", "methoxyflurane", "dexbrompheniramine", "brompheniramine", "triprolidine",
    "carbinoxamine", "bromodiphenhydramine", "chloropyramine", "tripelennamine", "phenindamine",
    "mequitazine", "isothipendyl", "buclizine", "trimeprazine", "diphenylpyraline", "epinastine",
    "dexketoprofen", "tiaprofenic acid", "mefenamic acid", "niflumic acid",
}

# Words that are ordinary words or brands in one of the 13 languages, found with the hunspell
# dictionaries (en de fr it es pl nl pt ro cs sv hu el) and by reading what the rules flagged in
# Open Food Facts, DSLD and shop data; reviewed by hand (drug-only words such as "morphine" stay).
COMMON = {
    # ordinary words, or words that name a food, a supplement claim or a cosmetic ingredient
    "cortisol", "erythritol", "heroine", "heroina", "heroína", "insulin", "insulina", "insuline", "inzulin",
    "triptan", "triptans", "poison", "flour", "arsenic", "arsenicum", "arsenico", "arsénico", "arsenious",
    "arsenieux", "arsenio", "album", "protamine", "estrogen", "estrogens", "oestrogen", "oestrogens",
    "hormone", "hormones", "toxin", "growth", "human", "white", "salmon", "delta", "alpha", "beta",
    "acetyl", "methyl", "benzyl", "transamine", "dopamine", "adrenaline", "noradrenaline", "serotonin",
    "histamine", "glucose", "dextrose", "fructose", "lactose", "glycine", "taurine", "carnitine",
    "creatine", "vitamin", "vitamine", "vitamina",
    # food enzymes and cosmetic ingredients found in Open Food Facts and Sephora ingredient lists
    "asparaginase", "nordihydroguaiaretic acid", "sorbide",
}

SALT_WORDS = {
    "hydrochloride", "hcl", "hydrobromide", "sulfate", "sulphate", "sodium", "potassium", "calcium",
    "magnesium", "acetate", "maleate", "mesylate", "mesilate", "besylate", "besilate", "citrate",
    "tartrate", "bitartrate", "fumarate", "succinate", "phosphate", "dipropionate", "propionate",
    "valerate", "butyrate", "chloride", "bromide", "iodide", "nitrate", "lactate", "gluconate",
    "tosylate", "hyclate", "monohydrate", "dihydrate", "trihydrate", "hydrate", "anhydrous", "base",
    "free", "salt", "disodium", "dimesylate", "napsylate", "pamoate", "embonate", "decanoate",
    "enanthate", "cypionate", "undecanoate", "palmitate", "stearate", "oxalate", "malate",
    "dihydrochloride", "trihydrochloride", "mononitrate", "dinitrate", "sesquihydrate", "hemihydrate",
    "recombinant", "hexahydrate", "olamine", "meglumine", "trometamol", "tromethamine", "teoclate",
    "saccharate", "xinafoate", "furoate", "pivalate", "sodique", "chlorhydrate", "cloridrato",
    "hidrocloruro", "clorhidrato", "hydrochlorid", "hydrochloridum", "natrium", "sodico", "sódico",
    "transdermal", "patch", "system", "injection", "tablets", "capsules", "solution",
}
LATIN_SUFFIX = re.compile(r"(um|i)$")
# Fragments of systematic chemical names ("desmethylimipramine", "methylaminopropyliminodibenzyl").
CHEMICAL = re.compile(r"methyl|ethyl|propyl|butyl|hydroxy|amino|chloro|fluoro|bromo|iodo|phenyl|benzyl|"
                      r"carboxy|oxo|dihydro|tetrahydro|hexahydro|pyrid|piperid|imidazo|indol|quinol|cyclo|"
                      r"acetyl|sulfon|sulfam|thio")


def fold(s):
    """Lower case without diacritics (what the matcher compares)."""
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items, indent):
    out, line = [], ""
    for i, item in enumerate(items):
        piece = (item if item.startswith("{") else yq(item)) + (", " if i < len(items) - 1 else "")
        if line and len(line) + len(piece) > 110:
            out.append(line.rstrip())
            line = ""
        line += piece
    out.append(line.rstrip())
    return ("\n" + " " * indent).join(out)


# --------------------------------------------------------------------------------------------------
# Names

NAME_RE = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,2}$")
VOWELS = "aeiouy"


def strip_salts(name):
    words = name.split(" ")
    while len(words) > 1 and fold(words[-1]) in SALT_WORDS:
        words.pop()
    while len(words) > 1 and fold(words[0]) in SALT_WORDS | {"de", "di"}:
        words.pop(0)
    return " ".join(words)


def usable(name):
    """A name is safe as a keyword: letters only, long enough, not a common word."""
    if not NAME_RE.match(name):
        return False
    parts = re.split(r"[ -]", name)
    if any(len(p) < 3 for p in parts):
        return False
    letters = sum(c.isalpha() for c in name)
    if len(parts) == 1 and letters < 7:
        return False
    if len(parts) > 1 and letters < 10:
        return False
    key = fold(name)
    if key in COMMON or any(fold(p) in COMMON for p in parts if len(parts) == 1):
        return False
    return True


def romance(w):
    """Italian, Spanish, Portuguese and Romanian forms of an English INN."""
    s = w.replace("mph", "nf").replace("ph", "f").replace("th", "t").replace("y", "i")
    s = s.replace("ae", "e").replace("oe", "e")
    out = set()
    for stem in {s, re.sub(r"([bcdfglmnprst])\1", r"\1", s)}:  # Spanish and Portuguese undouble
        out.add(stem)
        for end, repl in (("ine", ("ina",)), ("ide", ("ida", "ide")), ("one", ("ona", "one")), ("ate", ("ato",)),
                          ("ole", ("ol", "olo")), ("ium", ("io",)), ("oxacin", ("oxacina", "oxacino")), ("in", ("ina",)), ("en", ("eno", "ene")),
                          ("ac", ("aco",)), ("ol", ("olo",))):
            if stem.endswith(end):
                out |= {stem[: -len(end)] + r for r in repl}
                break
    return out


def german(w):
    return w[:-1] if w.endswith(("ine", "ide", "one", "ate", "ole")) else w


def french_dutch(w):
    return w + "e" if w.endswith("in") else w


def kform(w):
    """Czech and Swedish spelling: ph->f, th->t, qu->kv, hard c->k, no final -e."""
    s = w.replace("ph", "f").replace("th", "t").replace("qu", "kv").replace("ck", "k")
    s = re.sub(r"c(?=[aouklmnrt]|$)", "k", s)
    return german(s)


def hungarian(w):
    s = kform(re.sub(r"sone$", "zone", re.sub(r"solone$", "zolone", w)))
    s = re.sub(r"(?<![sczs])s(?![sz])", "sz", s).replace("ss", "sz")
    return s


def polish_cases(p):
    """Genitive and instrumental of a Polish INN ('fluoksetyna' -> fluoksetyny, fluoksetyną;
    'ondansetron' -> ondansetronu, ondansetronem), as written in 'z ondansetronem', 'bez fluoksetyny'."""
    if p.endswith(("yna", "ina")):
        return {p[:-1] + ("y" if p.endswith("yna") else "y"), p[:-1] + "ą"}
    if p[-1:] in "bcdfgklmnprstwz" and not p.endswith("um"):
        return {p + "u", p + "em"}
    return set()


def polish(w):
    s = w.replace("ph", "f").replace("th", "t").replace("qu", "kw").replace("x", "ks").replace("v", "w")
    s = s.replace("ck", "k")
    s = re.sub(r"c(?=[aouklmnrt]|$)", "k", s)
    s = re.sub(r"([bdfglmnprst])\1", r"\1", s)
    s = re.sub(r"solone$", "zolon", re.sub(r"sone$", "zon", s))
    for end in ("ine", "in"):
        if s.endswith(end):
            stem = s[: -len(end)]
            return stem + ("yna" if stem[-1:] in "tdrszc" else "ina")
    return german(s)


GREEK_ENDINGS = (("ine", "ίνη"), ("in", "ίνη"), ("ide", "ίδη"), ("one", "όνη"), ("ole", "όλη"), ("ol", "όλη"),
                 ("am", "άμη"), ("an", "άνη"), ("il", "ίλη"), ("ac", "άκη"), ("ate", "άτη"), ("en", "αίνη"),
                 ("ast", "άστη"), ("mab", "μάμπη"), ("ib", "ίμπη"))
GREEK_DIGRAPHS = (("sci", "σι"), ("sce", "σε"), ("ph", "φ"), ("th", "θ"), ("ch", "χ"), ("ps", "ψ"), ("ks", "ξ"), ("ou", "ου"), ("qu", "κου"),
                  ("ae", "αι"), ("oe", "οι"))
GREEK_LETTERS = {"a": "α", "b": "β", "d": "δ", "e": "ε", "f": "φ", "g": "γ", "h": "", "i": "ι", "j": "ι",
                 "k": "κ", "l": "λ", "m": "μ", "n": "ν", "o": "ο", "p": "π", "q": "κ", "r": "ρ", "s": "σ",
                 "t": "τ", "u": "ου", "v": "β", "w": "β", "x": "ξ", "y": "υ", "z": "ζ"}


# Colloquial Greek spelling of loanwords: b, d and g as the digraphs that sound like them (μπ, ντ, γκ),
# since β, δ and γ read v, dh and gh ('σιλντεναφίλη', 'κλενμπουτερόλη' for σιλδεναφίλη, κλενβουτερόλη).
GREEK_LETTERS_SPOKEN = dict(GREEK_LETTERS, b="μπ", d="ντ", g="γκ")


def greek(w, letters=GREEK_LETTERS):
    """Greek transliteration of an English INN with its Greek ending, or None."""
    for end, gend in GREEK_ENDINGS:
        if w.endswith(end) and len(w) > len(end) + 3:
            stem = w[: -len(end)]
            break
    else:
        return None
    out, i = "", 0
    while i < len(stem):
        for lat, gr in GREEK_DIGRAPHS:
            if stem.startswith(lat, i):
                out += gr
                i += len(lat)
                break
        else:
            c = stem[i]
            if c == "c":
                out += "σ" if stem[i + 1: i + 2] in ("e", "i", "y") else "κ"
            elif c in letters:
                out += letters[c]
            else:
                return None
            i += 1
    return out + gend


def acid_forms(name):
    """'valproic acid' -> acido valproico, acide valproique, Valproinsäure, acid valproic."""
    m = re.fullmatch(r"([a-z]+)ic acid", name)
    if not m:
        return set()
    stem = m.group(1).replace("ph", "f").replace("th", "t").replace("y", "i")
    return {f"acido {stem}ico", f"acide {stem}ique", f"{m.group(1)}insäure", f"acid {stem}ic"}


GREEK = True


def variants(w):
    """Language forms of a single-word English INN (lower case)."""
    out = {w, german(w), french_dutch(w), kform(w), hungarian(w), polish(w)} | romance(w) | polish_cases(polish(w))
    g = greek(w) if GREEK else None
    if g:
        out.add(g)
        spoken = greek(w, GREEK_LETTERS_SPOKEN)
        if spoken and spoken != g:
            out.add(spoken)
    return out


def is_english_form(w):
    f = fold(w)
    return " " not in f and "-" not in f and not f.endswith(("a", "o", "um", "i", "us")) and f == w.lower()


# --------------------------------------------------------------------------------------------------
# Context terms, shared by every generated rule (YAML anchors in the output).

# A medicine offered as such: pack forms and dosage forms, "without prescription" wording and
# food-supplement words, in the 13 pack languages. A strength ("50 mg", "100mcg") is found by its
# unit as a keyword (a digit next to a letter is a word boundary), not by a regex that would be
# scanned over every listing. Two-letter units (IU, UI, IE) are left out: the look-alike fold reads
# "le" and a country code "IE" as them.
OFFER = [
    "mg", "mcg", "µg", "μg",
    # en
    "tablet", "tablets", "tabs", "pill", "pills", "capsule", "capsules", "softgel", "softgels",
    "ampoule", "ampoules", "ampule", "ampules", "vial", "vials", "injection", "injections", "injectable",
    "syringe", "syringes", "prefilled pen", "pre-filled pen", "injection pen", "oral solution",
    "oral suspension", "suppositories", "film-coated", "blister", "blisters", "patches", "dragees",
    # de
    "Tablette", "Tabletten", "Filmtabletten", "Retardtabletten", "Brausetabletten", "Kapsel", "Kapseln",
    "Hartkapseln", "Weichkapseln", "Dragees", "Pille", "Pillen", "Ampulle", "Ampullen", "Fertigspritze",
    "Fertigspritzen", "Fertigpen", "Injektionslösung", "Spritze", "Spritzen", "Tropfen",
    "Zäpfchen", "Pflaster", "Durchstechflasche",
    # fr
    "comprimé", "comprimés", "gélule", "gélules", "pilule", "pilules", "ampoules", "seringue", "seringues",
    "stylo injecteur", "solution injectable", "suppositoires", "comprimés pelliculés",
    # it
    "compressa", "compresse", "capsula", "capsule", "pillola", "pillole", "fiala", "fiale", "siringa",
    "siringhe", "penna preriempita", "supposte", "compresse rivestite", "flaconcino",
    # es
    "comprimido", "comprimidos", "cápsula", "cápsulas", "pastilla", "pastillas", "píldora", "píldoras",
    "ampolla", "ampollas", "jeringa", "jeringas", "pluma precargada", "supositorios", "inyectable",
    # pl
    "tabletka", "tabletki", "tabletek", "kapsułka", "kapsułki", "kapsułek", "pigułka", "pigułki", "pigułek",
    "ampułka", "ampułki", "ampułek", "fiolka", "fiolki", "strzykawka", "wstrzykiwacz", "czopki",
    "roztwór do wstrzykiwań",
    # nl
    "tabletten", "pillen", "capsules", "ampul", "ampullen", "injectiepen", "spuit", "spuiten",
    "zetpillen",
    # pt
    "comprimidos", "cápsula", "pílula", "pílulas", "ampola", "ampolas", "seringa", "seringas", "caneta",
    "supositórios",
    # ro
    "comprimat", "comprimate", "capsulă", "capsule", "pastile", "fiolă", "fiole", "seringă", "stilou injector",
    "supozitoare",
    # cs
    "tableta", "tablety", "tobolky", "tobolek", "kapsle", "pilulky", "ampule", "injekční", "stříkačka",
    "čípky",
    # sv
    "tablett", "tabletter", "kapsel", "kapslar", "piller", "ampull", "ampuller", "injektionspenna", "spruta",
    "sprutor", "stolpiller",
    # hu
    "tabletta", "tabletták", "kapszula", "kapszulák", "pirula", "ampulla", "ampullák", "injekció", "fecskendő",
    "injekciós toll",
    # el
    "δισκίο", "δισκία", "κάψουλα", "κάψουλες", "χάπι", "χάπια", "αμπούλα", "αμπούλες", "φιαλίδιο", "φιαλίδια",
    "σύριγγα", "ενέσιμο", "ένεση", "ενέσεις", "υπόθετα",
]
NO_RX = [
    "without prescription", "without a prescription", "no prescription", "no prescription needed",
    "no rx", "without rx", "prescription free", "prescription-free", "no script", "no doctor",
    "without a doctor", "ohne Rezept", "ohne ärztliches Rezept", "ohne Verschreibung", "kein Rezept",
    "rezeptfrei", "sans ordonnance", "sans prescription", "senza ricetta", "senza prescrizione",
    "sin receta", "sin prescripción", "bez recepty", "bez recepty lekarskiej", "zonder recept",
    "zonder voorschrift", "sem receita", "sem prescrição", "fără rețetă", "fără prescripție", "bez receptu",
    "bez lékařského předpisu", "utan recept", "receptfritt", "vény nélkül", "recept nélkül", "χωρίς συνταγή",
    "no prescription required", "pas besoin d'ordonnance", "non serve la ricetta", "senza bisogno di ricetta",
    "no se necesita receta", "sin necesidad de receta", "nie potrzeba recepty", "nie trzeba recepty",
    "geen recept nodig", "não precisa de receita", "nu e nevoie de rețetă", "není potřeba recept",
    "inget recept krävs", "nem kell recept", "δεν χρειάζεται συνταγή",
]
SUPPLEMENT = [
    # en
    "natural", "all natural", "100% natural", "herbal", "herbal supplement", "herbal capsules", "plant-based",
    "100% plant", "plant extract", "dietary supplement", "food supplement", "nutritional supplement",
    "supplement", "ayurvedic", "traditional chinese medicine", "red yeast rice",
    # de
    "natürlich", "natürliche", "natürlicher", "natürliches", "pflanzlich", "pflanzliche", "pflanzlicher",
    "pflanzliches", "rein pflanzlich", "Nahrungsergänzung", "Nahrungsergänzungsmittel", "Kräuterkapseln",
    "Rotschimmelreis",
    # fr
    "naturel", "naturelle", "100% naturel", "à base de plantes", "aux plantes", "complément alimentaire",
    "compléments alimentaires", "levure de riz rouge",
    "phytothérapie",
    # it
    "naturale", "naturali", "a base di erbe", "erboristeria", "integratore", "integratore alimentare",
    "integratori",
    # es
    "natural", "naturales", "a base de hierbas", "a base de plantas", "herbolario", "suplemento",
    "suplemento alimenticio", "complemento alimenticio", "suplemento dietético",
    # pl
    "naturalny", "naturalna", "naturalne", "ziołowy", "ziołowa", "ziołowe", "roślinny", "roślinne",
    "suplement", "suplement diety",
    # nl
    "natuurlijk", "natuurlijke", "kruiden", "kruidenpillen", "kruidencapsules", "rode gist rijst", "plantaardig", "plantaardige", "voedingssupplement",
    "voedingssupplementen",
    # pt
    "natural", "naturais", "à base de ervas", "suplemento alimentar", "fitoterápico",
    # ro
    "naturale", "din plante", "pe bază de plante", "supliment", "supliment alimentar",
    # cs
    "přírodní", "bylinný", "bylinná", "bylinné", "doplněk stravy",
    # sv
    "naturlig", "naturligt", "naturliga", "växtbaserad", "växtbaserat", "örtkapslar", "kosttillskott",
    # hu
    "természetes", "gyógynövény", "gyógynövényes", "növényi", "étrend-kiegészítő",
    # el
    "φυσικό", "φυσικά", "φυτικό", "φυτικά", "βότανα", "συμπλήρωμα διατροφής",
    # the product types sold as supplements: fat burners, slimming capsules, pre-workouts
    "fat burner", "fatburner", "slimming capsules", "pre-workout", "Schlankheitskapseln", "brûle-graisse",
    "gélules minceur", "bruciagrassi", "capsule dimagranti", "quemagrasas", "cápsulas adelgazantes",
    "spalacz tłuszczu", "tabletki odchudzające", "vetverbrander", "afslankcapsules", "queimador de gordura",
    "cápsulas emagrecedoras", "arzător de grăsimi", "capsule de slăbit", "spalovač tuků", "kapsle na hubnutí",
    "fettförbrännare", "bantningskapslar", "zsírégető", "fogyasztó kapszula", "λιποδιαλύτης",
    "κάψουλες αδυνατίσματος",
]

# Listings about a medicine that do not sell it: printed matter and media, studies, drug-test kits,
# souvenirs with a molecule, and OTC markers of pharmacy listings.
VETO = [
    "paperback", "hardcover", "ISBN", "ebook", "e-book", "audiobook", "Kindle edition", "textbook", "handbook",
    "2nd edition", "3rd edition", "th edition", "Taschenbuch", "gebundene Ausgabe", "Fachbuch", "Lehrbuch",
    "Sachbuch", "broché", "relié", "livre", "copertina flessibile", "copertina rigida", "libro",
    "tapa blanda", "tapa dura", "książka", "podręcznik", "okładka", "boek", "studieboek", "livro",
    "kniha", "učebnice", "könyv", "βιβλίο",
    # a DVD, but not a DVD case or sleeve (a way of hiding pills in the post)
    "{regex: '\\bdvds?(?:$|[^a-z0-9\\s\\-]|[\\s\\-]+(?:[abdfgi-rt-z0-9]|c(?:[b-z]|a[a-rt-z])|h(?:[a-np-tv-z]|u[a-km-z]|o[a-df-z])|s(?:[a-km-z]|l[a-df-z])|e(?:[a-su-z]|t[a-tv-z])))'}",
    "documentary", "poster", "art print", "magazine",
    "journal article", "Zeitschrift", "revista", "rivista", "czasopismo", "tijdschrift",
    "clinical study", "clinical trial", "clinical trials", "case study", "study guide", "meta-analysis",
    "systematic review", "research paper", "klinische Studie", "étude clinique", "studio clinico",
    "estudio clínico", "badanie kliniczne", "klinische studie", "flashcards", "pharmacology",
    "Pharmakologie", "pharmacologie", "farmacologia", "farmacología", "farmakologia", "farmacologie",
    "drug test", "drug tests", "drug testing", "test strip", "test strips", "test kit", "test cassette",
    "urine test", "saliva test", "multi-drug", "panel test", "cut-off", "cutoff", "Drogentest", "Schnelltest",
    "Teststreifen", "test urinaire", "test salivaire", "test antidroga", "test de drogas", "test narkotykowy",
    "drugstest", "teste de drogas", "reagent", "reference standard", "analytical standard", "Referenzstandard",
    "molecule", "molecules", "Molekül", "molécule", "molecola", "molécula", "cząsteczka", "molecuul",
    "t-shirt", "tshirt", "hoodie", "coffee mug", "sticker", "necklace", "pendant", "keychain", "costume",
    "OTC", "over the counter", "over-the-counter", "non-prescription", "nonprescription", "apothekenpflichtig",
    "freiverkäuflich", "non soumis à prescription", "senza obbligo di prescrizione",
    "medicamento sin receta", "lek bez recepty", "lek OTC", "zelfzorgmiddel", "handköpsläkemedel",
    "vény nélkül kapható",
]
RODENT_VETO = ["rat bait", "rat poison", "rats and mice", "mice and rats", "rodent", "rodents", "rodenticide",
               "bait station", "bait blocks", "Rattengift", "Rattenköder", "Mäusegift", "rongeurs", "raticide",
               "souricide", "topicida", "ratticida", "rodenticida", "gryzonie", "trutka", "rattengif", "ratos",
               "roedores", "rozătoare", "hlodavci", "råttgift", "patkányirtó", "τρωκτικά"]
# Lawful supplements that warn about interactions with a medicine.
INTERACTION_VETO = [
    "interaction", "interactions", "interacts", "may interact", "if you take", "if you are taking",
    "consult your doctor", "ask your doctor", "do not take with", "not with", "Wechselwirkung",
    "Wechselwirkungen", "interaction médicamenteuse", "interactions médicamenteuses", "interazioni",
    "interacciones", "interakcje", "interakcji", "wisselwerking", "wisselwerkingen", "interações",
    "interacțiuni", "interakce", "interaktioner", "kölcsönhatás", "αλληλεπιδράσεις",
]
# "X alternative" / "alternative to X": regexes over any word, so that they serve every generated
# rule. An exception clears a hit that lies inside its span. "Without X" and "X-free" are left to
# the pack's negation table (rules/eu/negations.yaml), which knows that "without prescription" is
# an offer: a regex here cleared the offer term "ohne Rezept" itself.
EXCEPTIONS = [
    r"\b[^\s,.;:!?]+\s(?:alternative|alternativa|alternatief|alternativ|ersatz|substitute|replacement)\b",
    r"\b(?:alternative\sto|alternative\szu|alternative\sa|alternativa\sa|alternativa\sal|"
    r"alternatywa\sdla|alternatief\svoor|instead\sof|statt|anstelle\svon|au\slieu\sde|invece\sdi|"
    r"en\slugar\sde|zamiast|in\splaats\svan|em\svez\sde)\s[^\s,.;:!?]+",
]
SUPPLEMENT_CATEGORIES = [
    "supplements", "supplement", "dietary supplements", "food supplements", "nutritional supplements",
    "vitamins & supplements", "vitamins and supplements", "vitamins & dietary supplements", "sports nutrition",
    "herbal supplements", "Nahrungsergänzungsmittel", "Nahrungsergänzung", "compléments alimentaires",
    "integratori", "integratori alimentari", "suplementos", "suplementos alimenticios", "complementos alimenticios",
    "suplementy", "suplementy diety", "voedingssupplementen", "supplementen", "suplementos alimentares",
    "suplimente", "suplimente alimentare", "doplňky stravy", "kosttillskott", "étrend-kiegészítők",
    "συμπληρώματα διατροφής",
]
LANGUAGES = "[en, de, fr, it, es, pl, nl, pt, ro, cs, sv, hu, el]"


# --------------------------------------------------------------------------------------------------
# Selection

def class_of(codes):
    """(class entry, medicines?) for a substance's ATC codes, or (None, None)."""
    for entry in CLASSES:
        if any(c.startswith(entry[0]) for c in codes):
            return entry, True
    for prefixes, key, title in SUPPLEMENT_ONLY_CLASSES:
        if any(c.startswith(prefixes) for c in codes):
            return (prefixes, key, title, "medium", True, None), False
    return None, None


LATIN_ENDINGS = (("inum", "ine"), ("idum", "ide"), ("onum", "one"), ("olum", "ol"), ("amum", "am"), ("anum", "an"),
                 ("ilum", "il"), ("acum", "ac"), ("atum", "ate"), ("enum", "en"), ("ibum", "ib"), ("astum", "ast"),
                 ("abum", "ab"), ("icinum", "icin"), ("ycinum", "ycin"), ("ilinum", "illin"))


def inn_from_latin(name):
    """'Fluoxetinum' -> 'fluoxetine', 'Indometacinum' -> 'indometacin' (the English INN), or None."""
    f = fold(name)
    for lat, eng in sorted(LATIN_ENDINGS, key=lambda x: -len(x[0])):
        if f.endswith(lat) and " " not in f:
            stem = f[: -len(lat)]
            if eng == "ine" and stem.endswith(("c", "x")) is False and False:
                pass
            return stem + eng
    return None


def names_of(row, primaries):
    """Keyword-safe names of one substance, with generated language forms."""
    own = fold(row["name"])
    multiword = " " in own
    raw = [row["name"]] + [s for s in (row["synonyms"] or "").split("|") if s]
    kept, sources = {}, set()
    for n in raw:
        n = re.sub(r"\s+", " ", n.replace("\u00a0", " ")).strip()
        n = strip_salts(n)
        k = fold(n)
        first = re.split(r"[ -]", k)[0]
        if k != own and (k in primaries or (first != own and first in primaries and " " in k)):
            continue  # the name of another substance (the source has some wrong synonyms)
        if re.search(r"[ -]", k) and not multiword and not k.endswith(" acid"):
            continue  # multi-word synonyms of a one-word substance: salts, stereo prefixes, descriptions
        if k != own and CHEMICAL.search(k) and not k.endswith(("um", " acid", "saure")):
            continue  # systematic or semi-systematic names: not what a seller writes
        if usable(n):
            kept.setdefault(k, n.lower())
        if k == own and is_english_form(k):
            sources.add(k)
        inn = inn_from_latin(n)
        if inn and usable(inn) and inn not in primaries - {own}:
            kept.setdefault(inn, inn)
            sources.add(inn)
    for n in sorted(sources) + [k for k in sorted(kept) if k.endswith(" acid")]:
        forms = variants(n) if " " not in n else acid_forms(n)
        for f in sorted(forms):
            if usable(f) and fold(f) not in primaries - {own}:
                kept.setdefault(fold(f), f)
    singles = {k for k in kept if not re.search(r"[ -]", k)}
    out = {k: v for k, v in kept.items() if k in singles or not (set(re.split(r"[ -]", k)) & singles)}
    return out


def example_name(row, names):
    own = fold(row["name"])
    if own in names and not re.search(r"[ -]", own):
        return names[own]
    return min(names.values(), key=lambda n: (bool(re.search(r"[ -]", n)), not n.isascii(), len(n), n))


def lang_forms(name):
    """(German, Spanish/Italian, Polish) spellings of an example name, for examples."""
    f = fold(name)
    if " " in f or "-" in f or not is_english_form(f):
        return name, name, name
    rom = sorted(x for x in romance(f) if x.endswith(("a", "o")) and x != f)
    return german(f), (rom[0] if rom else f), polish(f)


# --------------------------------------------------------------------------------------------------
# Output

MED_BASIS = ("Directive 2001/83/EC Art. 6 (marketing authorisation), Art. 70-71 (prescription-only), "
             "Art. 85c (online sale to the public only by authorised retailers, not of prescription-only "
             "medicines where national law so provides)")
EXTRA_BASIS = {
    "n02a": "; UN Single Convention on Narcotic Drugs 1961 as implemented nationally",
    "n05b": "; Convention on Psychotropic Substances 1971 as implemented nationally",
    "n05c": "; Convention on Psychotropic Substances 1971 as implemented nationally",
    "n06b": "; Convention on Psychotropic Substances 1971 as implemented nationally",
    "n01a": "; national narcotics law for the controlled anaesthetics",
    "a14a": "; national doping and medicines law",
    "g03b": "; national doping and medicines law",
    "a08a": "; Convention on Psychotropic Substances 1971 (amfetamine-type anorectics) as implemented nationally",
}
SUPP_BASIS = ("Regulation (EC) No 178/2002 Art. 2(d) (medicinal products are not food) and Art. 14 (unsafe "
              "food); Directive 2002/46/EC (food supplements); Directive 2001/83/EC Art. 1(2) and Art. 2(2) "
              "(a product with a pharmacological action is a medicinal product)")
# Sources of every generated rule (`sources:` entries: document, provision, url). The substance names
# and ATC codes come from the medicines-inn table; the legal provisions are the ones in the rule's
# legal_basis.
REVIEWED = "2026-11-30"
D83 = "Directive 2001/83/EC (Community code relating to medicinal products for human use)"
D83_URL = "https://eur-lex.europa.eu/eli/dir/2001/83/oj"
MED_SOURCE = (D83, "Art. 6(1) (marketing authorisation), Art. 70-71 (classification as subject to medical "
              "prescription) and Art. 85c (sale at a distance to the public only by authorised or entitled persons)",
              D83_URL)
FUNCTION_SOURCE = (D83, "Art. 1(2) (medicinal product by presentation or by function) and Art. 2(2) (in case of "
                   "doubt the medicines law applies)", D83_URL)
SUPP_SOURCES = [
    ("Regulation (EC) No 178/2002 (General Food Law)", "Art. 2 (medicinal products are not food) and Art. 14 "
     "(unsafe food may not be placed on the market)", "https://eur-lex.europa.eu/eli/reg/2002/178/oj"),
    ("Directive 2002/46/EC (food supplements)", "Art. 2 (definition of food supplements) and Annexes I-II "
     "(vitamins and minerals allowed)", "https://eur-lex.europa.eu/eli/dir/2002/46/oj"),
    FUNCTION_SOURCE,
]
DATA_SOURCES = [
    ("PharmGKB drugs.tsv, release of 2022-07-05 (CC BY-SA 4.0)", "substance names, generic names and ATC codes",
     "https://www.pharmgkb.org"),
    ("DrugBank open-data vocabulary, DrugBank 5.1 (CC0 1.0)", "substance names and synonyms",
     "https://go.drugbank.com/releases/latest#open-data"),
]
EXTRA_SOURCES = {
    "n02a": [("Single Convention on Narcotic Drugs, 1961, as amended by the 1972 Protocol",
              "Schedules I and II (opioids)", "https://www.unodc.org/pdf/convention_1961_en.pdf")],
    "n05b": [("Convention on Psychotropic Substances, 1971", "Schedule IV (anxiolytics)",
              "https://www.unodc.org/pdf/convention_1971_en.pdf")],
    "n05c": [("Convention on Psychotropic Substances, 1971", "Schedules III-IV (hypnotics and sedatives)",
              "https://www.unodc.org/pdf/convention_1971_en.pdf")],
    "n06b": [("Convention on Psychotropic Substances, 1971", "Schedules II and IV (stimulants)",
              "https://www.unodc.org/pdf/convention_1971_en.pdf")],
    "a08a": [("Convention on Psychotropic Substances, 1971", "Schedule IV (amfetamine-type anorectics)",
              "https://www.unodc.org/pdf/convention_1971_en.pdf")],
    "a14a": [("World Anti-Doping Agency, Prohibited List", "S1 (anabolic agents)",
              "https://www.wada-ama.org/en/prohibited-list")],
    "g03b": [("World Anti-Doping Agency, Prohibited List", "S1 (anabolic agents)",
              "https://www.wada-ama.org/en/prohibited-list")],
}


def atc_source(prefixes):
    """The WHO ATC index entry of a class (the index page of its first code; every code named)."""
    codes = sorted(prefixes)
    return ("WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index",
            "ATC " + ", ".join(codes), "https://atcddd.fhi.no/atc_ddd_index/?code=" + codes[0])


def emit_sources(out, sources):
    out.append("    sources:")
    for doc, provision, url in sources:
        out.append(f"      - document: {yq(doc)}")
        if provision:
            out.append(f"        provision: {yq(provision)}")
        if url:
            out.append(f"        url: {yq(url)}")
    out.append(f"    reviewed: {REVIEWED}")


HIGH_STRENGTH = (r"\b(?:orlistat[a-z]*\s?120|ibuprof[a-z]*\s?(?:600|800)|naprox[a-z]*(?:\s(?:sodium|natrium|sodique|sodico))?\s?"
                 r"(?:500|550|750|1000)|diclofenac[a-z]*(?:\s(?:sodium|potassium|natrium|kalium|sodique|"
                 r"sodico|sodowy))?\s?(?:75|100|150))\s?mg\b")


def form_in(names, want):
    """`want` if it is one of the rule's names, else None."""
    return names.get(fold(want)) if want else None


def med_examples(exnames, names):
    a = exnames[0]
    b = exnames[1 % len(exnames)]
    c = exnames[2 % len(exnames)]
    fa = fold(a)
    de = form_in(names, german(fa)) or a
    es = next((names[k] for k in sorted(romance(fold(b))) if k.endswith(("a", "o")) and k in names), b)
    pl = form_in(names, polish(fold(c))) or c
    el = form_in(names, greek(fa) and fold(greek(fa)))
    flag = [f"{a} 20 mg, 30 tablets", f"{de} Tabletten ohne Rezept, diskreter Versand",
            f"{es} comprimidos, envío rápido", f"{pl} tabletki bez recepty",
            f"Natural herbal capsules with {a}"]
    if el:
        flag.append(f"{el} χάπια χωρίς συνταγή")
    passes = [f"{a}-free herbal tea, 20 bags", f"Clinical pharmacology of {a} and {b}, paperback, 2nd edition",
              f"Without {a}: 60 vegan capsules of vitamin D3 1000 IU", f"Patient notes on {b}"]
    return flag, passes


def supp_examples(exnames, names):
    a = exnames[0]
    b = exnames[1 % len(exnames)]
    fa = fold(a)
    de = form_in(names, german(fa)) or a
    it = next((names[k] for k in sorted(romance(fold(b))) if k.endswith(("a", "o", "e")) and k != fold(b)
               and k in names), b)
    flag = [f"Natural herbal capsules with {a}", f"Pflanzliche Nahrungsergänzung mit {de}",
            f"Integratore naturale con {it}"]
    passes = [f"Natural {a} alternative with ashwagandha, 60 capsules", f"Herbal tea blend, {b}-free",
              f"Magnesium dietary supplement: ask your doctor if you take {a}", f"{a} 20 mg, 30 tablets"]
    return flag, passes


def emit_examples(out, flag, passes):
    out.append("    examples:")
    out.append("      flag:")
    for e in flag:
        out.append("        - " + (e if e.startswith("{") else yq(e)))
    out.append("      pass:")
    for e in passes:
        out.append("        - " + (e if e.startswith("{") else yq(e)))


def sorted_names(d):
    return sorted(d.values(), key=lambda n: (fold(n), n))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", required=True, help="the medicines-inn table (substances.tsv)")
    ap.add_argument("--out", default="rules/eu/medicines-inn.yaml")
    ap.add_argument("--report", action="store_true", help="print skipped substances and kept names to stderr")
    ap.add_argument("--group-by", choices=["class", "main-group"], default="class",
                    help="one rule per ATC class (level 3/4) or per ATC anatomical main group (level 1)")
    args = ap.parse_args()

    with open(args.tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    primaries = {fold(r["name"]) for r in rows}

    med, supp, med_ex, supp_ex, skipped = {}, {}, {}, {}, []
    entries = {}
    n_atc = 0
    for r in rows:
        codes = [c.strip() for c in (r["atc_code_or_class"] or "").split(",") if c.strip()]
        if not codes:
            continue
        n_atc += 1
        entry, is_med = class_of(codes)
        if entry is None:
            continue
        own = fold(r["name"])
        if own in FOOD_OR_SUPPLEMENT:
            skipped.append((r["name"], FOOD_OR_SUPPLEMENT[own]))
            continue
        names = names_of(r, primaries)
        if not names:
            skipped.append((r["name"], "no name safe as a keyword"))
            continue
        key = entry[1]
        entries[key] = entry
        hand = HAND_WRITTEN.get(own, "")
        ex = example_name(r, names)
        if is_med and own not in OTC and "M" not in hand:
            med.setdefault(key, {}).update(names)
            med_ex.setdefault(key, []).append(ex)
        elif is_med:
            skipped.append((r["name"], "OTC in some Member States" if own in OTC else "hand-written medicines rule"))
        if entry[4] and "S" not in hand:
            supp.setdefault(key, {}).update(names)
            supp_ex.setdefault(key, []).append(ex)
        if args.report:
            print(f"  {key}: {r['name']}: {', '.join(sorted_names(names))}", file=sys.stderr)

    order = [e[1] for e in CLASSES] + [e[1] for e in SUPPLEMENT_ONLY_CLASSES]
    if args.group_by == "main-group":
        order, entries, med, supp, med_ex, supp_ex = regroup(order, entries, med, supp, med_ex, supp_ex)
    all_med = {k: v for key in order for k, v in med.get(key, {}).items()}
    all_supp = {k: v for key in order for k, v in supp.get(key, {}).items()}

    out = []
    out.append("# GENERATED FILE - do not edit by hand; edit tools/rulegen/inn_to_rules.py and regenerate.")
    out.append("# Medicines by ATC class: prescription-only medicinal substances offered for sale, and medicinal")
    out.append("# substances in products sold as food supplements.")
    out.append("# Source: the medicines-inn table ($DATA/medicines-inn/substances.tsv), built from")
    out.append("#   - PharmGKB drugs.tsv (release created 2022-07-05), (c) PharmGKB, https://www.pharmgkb.org,")
    out.append("#     licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): names, ATC codes,")
    out.append("#     generic names;")
    out.append("#   - the DrugBank open-data vocabulary (DrugBank 5.1.x), CC0 1.0: names and synonyms.")
    out.append("# Changes: substances selected by ATC class, names filtered (keyword-safe names only), language")
    out.append("# forms of the INNs generated, grouped into one rule per class, context terms added.")
    out.append("# Licence of this file: as an adaptation of PharmGKB data it is licensed CC BY-SA 4.0, with the")
    out.append("# attribution above. PharmGKB's licence text adds that its data may not be sold for others'")
    out.append("# private or commercial use: read it before shipping this file in a commercial product")
    out.append("# (the rest of listscan is not affected; the generator is listscan code).")
    out.append("# Regenerate from the repository root with:")
    out.append("#   python3 tools/rulegen/inn_to_rules.py --tsv $DATA/medicines-inn/substances.tsv \\")
    out.append("#       --out rules/eu/medicines-inn.yaml")
    out.append(f"# {sum(len(v) for v in med_ex.values())} substances in {len(med)} medicines rules, "
               f"{sum(len(v) for v in supp_ex.values())} in {len(supp)} supplements rules, from {n_atc} rows")
    out.append(f"# with ATC codes; {len(skipped)} substances skipped (hand-written rules, OTC, food or supplement use,")
    out.append("# no keyword-safe name).")
    out.append("# A medicines rule needs a name and an offer context (a strength, a pack form, 'without")
    out.append("# prescription' wording or a supplement word); a supplements rule needs a name and a supplement")
    out.append("# word. Books, studies, drug tests, souvenirs and OTC markers veto the listing; 'X alternative'")
    out.append("# clears the name, and so do 'X-free' and 'without X' through the negation table of")
    out.append("# negations.yaml: load this pack with its folder (rules/eu), not alone.")
    out.append("pack: eu-medicines-inn")
    out.append('source: "PharmGKB drugs.tsv 2022-07-05 (CC BY-SA 4.0) and DrugBank open-data vocabulary (CC0) via '
               'the medicines-inn table; WHO ATC classes; Directive 2001/83/EC; Regulation (EC) No 178/2002"')
    out.append("rules:")

    first_med, first_supp = True, True
    for key in order:
        if key not in med:
            continue
        e = entries[key]
        codes = "/".join(e[0])
        names = med[key]
        exn = sorted(med_ex[key], key=lambda n: (fold(n), n))
        out.append("")
        out.append(f"  - id: med.inn.{key}")
        out.append(f"    title: {yq(rule_title(e, codes) + ' offered as medicines or in supplements')}")
        out.append("    category: medicines")
        out.append(f"    severity: {e[3]}")
        out.append(f"    legal_basis: {yq(MED_BASIS + EXTRA_BASIS.get(key, ''))}")
        emit_sources(out, [MED_SOURCE] + EXTRA_SOURCES.get(key, []) + [atc_source(e[0])] + DATA_SOURCES)
        out.append(f"    languages: {LANGUAGES}")
        out.append("    match:")
        out.append("      all:")
        out.append("        - [" + flow(sorted_names(names), 11) + "]")
        if first_med:
            offer = OFFER + NO_RX
            out.append("        - &offer [" + flow(dedupe(offer), 19) + "]")
            out.append("      none: &veto [" + flow(VETO + INTERACTION_VETO, 19) + "]")
            out.append("    exceptions: &not_offered [" + flow(["{regex: '" + x + "'}" for x in EXCEPTIONS], 30) + "]")
            first_med = False
        else:
            out.append("        - *offer")
            if e[5] == "rodent":
                out.append("      none: [" + flow(VETO + INTERACTION_VETO + RODENT_VETO, 13) + "]")
            else:
                out.append("      none: *veto")
            out.append("    exceptions: *not_offered")
        emit_examples(out, *med_examples(exn, names))

    for key in order:
        if key not in supp:
            continue
        e = entries[key]
        codes = "/".join(e[0])
        names = supp[key]
        exn = sorted(supp_ex[key], key=lambda n: (fold(n), n))
        out.append("")
        out.append(f"  - id: supp.inn.{key}")
        out.append(f"    title: {yq(rule_title(e, codes) + ' in a product sold as natural, herbal or a food supplement')}")
        out.append("    category: supplements")
        out.append("    severity: high")
        out.append(f"    legal_basis: {yq(SUPP_BASIS)}")
        emit_sources(out, SUPP_SOURCES + [atc_source(e[0])] + DATA_SOURCES)
        out.append(f"    languages: {LANGUAGES}")
        out.append("    match:")
        out.append("      all:")
        out.append("        - [" + flow(sorted_names(names), 11) + "]")
        if first_supp:
            out.append("        - &supplement [" + flow(dedupe(SUPPLEMENT), 25) + "]")
            first_supp = False
        else:
            out.append("        - *supplement")
        out.append("      none: *veto")
        out.append("    exceptions: *not_offered")
        emit_examples(out, *supp_examples(exn, names))

    # A prescription-only substance in a product presented as a food supplement is also a medicine
    # offered for sale: one rule over every class, so that the frequent supplement words are shared by
    # one medicines rule rather than by every class rule.
    a = example_name({"name": "fluoxetine"}, all_med) if "fluoxetine" in all_med else sorted_names(all_med)[0]
    out.append("")
    out.append("  - id: med.inn.in_supplement")
    out.append(f"    title: {yq('Prescription-only medicinal substance (by INN) in a product sold as natural, herbal or a food supplement')}")
    out.append("    category: medicines")
    out.append("    severity: high")
    out.append(f"    legal_basis: {yq(MED_BASIS + '; Directive 2001/83/EC Art. 1(2) and Art. 2(2) (a product with a pharmacological action is a medicinal product)')}")
    emit_sources(out, [MED_SOURCE, FUNCTION_SOURCE] + DATA_SOURCES)
    out.append(f"    languages: {LANGUAGES}")
    out.append("    match:")
    out.append("      all:")
    out.append("        - [" + flow(sorted_names(all_med), 11) + "]")
    out.append("        - *supplement")
    out.append("      none: *veto")
    out.append("    exceptions: *not_offered")
    emit_examples(out, [f"Natural mood support with {a}", f"Pflanzliche Nahrungsergänzung mit {german(a)}",
                        f"Integratore naturale con {a}"],
                  [f"Natural {a} alternative with saffron", f"Herbal sleep tea, {a}-free",
                   f"Omega-3 dietary supplement: ask your doctor if you take {a}"])

    # Listings posted in a food-supplement category.
    a = example_name({"name": "fluoxetine"}, all_med) if "fluoxetine" in all_med else sorted_names(all_med)[0]
    b = "paracetamol" if "paracetamol" in all_supp else sorted_names(all_supp)[0]
    for cat, names, ex in (("medicines", all_med, a), ("supplements", all_supp, b)):
        pre = "med" if cat == "medicines" else "supp"
        out.append("")
        out.append(f"  - id: {pre}.inn.supplement_category")
        out.append(f"    title: {yq('Medicinal substance (by INN) in a listing posted in a food-supplement category')}")
        out.append(f"    category: {cat}")
        out.append("    severity: high")
        out.append(f"    legal_basis: {yq(MED_BASIS if cat == 'medicines' else SUPP_BASIS)}")
        emit_sources(out, ([MED_SOURCE, FUNCTION_SOURCE] if cat == "medicines" else SUPP_SOURCES) + DATA_SOURCES)
        out.append(f"    languages: {LANGUAGES}")
        if cat == "medicines":
            out.append("    where:")
            out.append("      category: &supplement_categories [" + flow(SUPPLEMENT_CATEGORIES, 44) + "]")
        else:
            out.append("    where:")
            out.append("      category: *supplement_categories")
        out.append("    match:")
        out.append("      any: [" + flow(sorted_names(names), 12) + "]")
        out.append("      none: *veto")
        out.append("    exceptions: *not_offered")
        flag = [f'{{title: "Mood balance formula", description: "with {ex}", category: "Dietary Supplements"}}',
                f'{{title: "Stimmungsformel", description: "mit {ex}", category: "Nahrungsergänzungsmittel"}}']
        passes = [f'{{title: "Mood balance formula", description: "with {ex}", category: "Books"}}',
                  f'{{title: "Calm formula", description: "{ex}-free, with magnesium", category: "Supplements"}}']
        emit_examples(out, flag, passes)

    out.append("")
    out.append("  - id: med.inn.otc_high_strength")
    out.append(f"    title: {yq('OTC-type substances at prescription-only strengths (orlistat 120 mg, ibuprofen 600/800 mg, naproxen 500 mg, diclofenac 75-150 mg)')}")
    out.append("    category: medicines")
    out.append("    severity: medium")
    out.append(f"    legal_basis: {yq(MED_BASIS + '; the non-prescription status of these substances is limited to lower strengths')}")
    emit_sources(out, [MED_SOURCE, atc_source(("A08AB", "M01AB", "M01AE"))] + DATA_SOURCES)
    out.append("    languages: [en, de, fr, it, es, pl, nl, pt, ro, cs, sv, hu]")
    out.append("    match:")
    out.append("      any: [{regex: '" + HIGH_STRENGTH + "'}]")
    out.append("      none: *veto")
    out.append("    exceptions: *not_offered")
    emit_examples(out, ["Ibuprofen 800 mg, 100 Filmtabletten", "Naproxen 500 mg tablets, 30 pcs", "Orlistat 120 mg gélules",
                        "Diclofenac sodium 75 mg comprimidos", "Ibuprofeno 600mg 40 comprimidos"],
                  ["Ibuprofen 400 mg, 20 tablets", "Naproxen 250 mg, 20 Tabletten", "Orlistat 60 mg, 84 Kapseln",
                   "Diclofenac gel 100 g, 1%", "Ibuprofen 800 mg: clinical study summary, paperback"])

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{args.out}: {len(med)} medicines rules, {len(supp)} supplements rules, "
          f"{len(all_med)} medicine names, {len(all_supp)} supplement names; {len(skipped)} substances skipped",
          file=sys.stderr)
    if args.report:
        for name, why in sorted(skipped):
            print(f"  skipped {name}: {why}", file=sys.stderr)


ANATOMICAL = {"a": "Alimentary tract and metabolism", "b": "Blood", "c": "Cardiovascular system",
              "d": "Dermatologicals", "g": "Genito-urinary system and sex hormones",
              "h": "Systemic hormonal preparations", "j": "Anti-infectives for systemic use",
              "l": "Antineoplastic and immunomodulating agents", "m": "Musculo-skeletal system",
              "n": "Nervous system", "p": "Antiparasitic products", "r": "Respiratory system"}
SEVERITY = ["low", "medium", "high", "critical"]


def rule_title(e, codes):
    if len(e[1]) == 1:  # an anatomical main group
        return f"{ANATOMICAL[e[1]]} (ATC {e[1].upper()}: {e[2].split(': ', 1)[1]})"
    return f"{e[2]} (ATC {codes})"


def regroup(order, entries, med, supp, med_ex, supp_ex):
    """One rule per ATC anatomical main group (the first letter of the class codes)."""
    groups = {}
    for key in order:
        if key in entries:
            groups.setdefault(key[0], []).append(key)
    new_order, new_entries = [], {}
    new_med, new_supp, new_med_ex, new_supp_ex = {}, {}, {}, {}
    for g, keys in groups.items():
        es = [entries[k] for k in keys]
        prefixes = tuple(p for e in es for p in e[0])
        title = ANATOMICAL[g] + ": " + "; ".join(e[2] for e in es)
        severity = max((e[3] for e in es), key=SEVERITY.index)
        new_entries[g] = (prefixes, g, title, severity, any(e[4] for e in es),
                          next((e[5] for e in es if e[5]), None))
        EXTRA_BASIS[g] = "".join(sorted({EXTRA_BASIS[k] for k in keys if k in EXTRA_BASIS}))
        new_order.append(g)
        for src, dst in ((med, new_med), (supp, new_supp), (med_ex, new_med_ex), (supp_ex, new_supp_ex)):
            for k in keys:
                if k in src:
                    if isinstance(src[k], dict):
                        dst.setdefault(g, {}).update(src[k])
                    else:
                        dst.setdefault(g, []).extend(src[k])
    return new_order, new_entries, new_med, new_supp, new_med_ex, new_supp_ex


def dedupe(items):
    seen, out = set(), []
    for x in items:
        k = fold(x)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


if __name__ == "__main__":
    main()
