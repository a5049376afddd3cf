#!/usr/bin/env python3
"""Writes data/demonyms.csv: the German and French adjectives of every
country, in the forms news writes them in ("die schweizerische Regierung",
"le gouvernement suisse", "le Trésor camerounais", "l'aide française").
The gazetteer adds them to the country's names, as it does the English
demonym keshvar gives.

Source: the `i18n-nationality` npm package (widdix GmbH, MIT licence),
langs/de.json and langs/fr.json, which give each ISO 3166-1 alpha-2 code
its adjective's base form ("Schweizerisch", "Camerounais"). The package is
fetched from the npm registry at the pinned version below, so the file can
be rebuilt and checked.

The inflected forms are the languages' regular endings, not a list typed
by hand: German adds -e, -en, -er, -es, -em to the stem; French makes the
feminine with -e (-ien, -éen double the n) and the plural with -s (none
after -s or -x).

Usage: scripts/make-demonyms.py            (writes data/demonyms.csv)
"""
import csv
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "i18n-nationality@1.4.0"
LANGUAGES = ("de", "fr")


def german_forms(base: str) -> list[str]:
    stem = base.lower()
    return [stem] + [stem + ending for ending in ("e", "en", "er", "es", "em")]


def french_forms(base: str) -> list[str]:
    masc = base.lower()
    if masc.endswith("e"):
        fem = masc
    elif masc.endswith(("ien", "éen")):
        fem = masc + "ne"
    else:
        fem = masc + "e"
    plural = lambda w: w if w.endswith(("s", "x")) else w + "s"
    return [masc, fem, plural(masc), plural(fem)]


def main() -> None:
    out = pathlib.Path(__file__).resolve().parent.parent / "data" / "demonyms.csv"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(pathlib.Path(tmp).glob("i18n-nationality-*.tgz"))
        with tarfile.open(tgz) as tar:
            langs = {lang: json.load(tar.extractfile(f"package/langs/{lang}.json"))["nationalities"] for lang in LANGUAGES}
    rows = []
    for lang in LANGUAGES:
        inflect = german_forms if lang == "de" else french_forms
        for code, base in sorted(langs[lang].items()):
            # A base with a space or a bracket is a description, not an adjective.
            if not base or any(c in base for c in " ()/,"):
                continue
            # Where German has no adjective the package gives the name
            # ("Réunion", "Jersey", "Gazastreifen"); lower-cased, the name
            # would match the French word "réunion". German country
            # adjectives end in -sch ("schweizerisch", "deutsch").
            if lang == "de" and not base.lower().endswith("sch"):
                continue
            seen = set()
            for form in inflect(base):
                if form not in seen:
                    seen.add(form)
                    rows.append((code, lang, form))
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alpha2", "language", "adjective"])
        w.writerows(rows)
    print(f"{out}: {len(rows)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
