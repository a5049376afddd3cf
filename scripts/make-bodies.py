#!/usr/bin/env python3
"""Writes data/bodies.csv: the international bodies the gazetteer adds as
actors and sources (UN agencies, the World Bank and IMF, EU institutions,
regional development banks, other multilateral bodies, international NGOs).

Source: the OECD DAC "channel of delivery" codes, as the `oda_data` package
(ONE Campaign, MIT licence, on PyPI) ships them in
oda_data/clean_data/crs_channel_mapping.csv. The package is fetched from PyPI
at the pinned version below, so the file can be rebuilt and checked.

Usage: scripts/make-bodies.py            (writes data/bodies.csv)
"""
import csv
import io
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "oda_data==2.8.1"
MEMBER = "oda_data/clean_data/crs_channel_mapping.csv"
# The channel families a news report names as a giver or a receiver of aid:
# international NGOs (21), UN bodies (41), EU institutions (42), the IMF (43),
# the World Bank group (44), regional development banks (46) and other
# multilateral bodies (47). Public-sector, private and university channels
# are the donor's own or too local to be named in news of aid.
FAMILIES = ("21", "41", "42", "43", "44", "46", "47")
# An acronym a reporter uses alone: three or more letters, two or more of
# them capitals ("UNHCR", "IsDB"); two-letter ones ("AU", "CI", "TI") are
# words or initials elsewhere.
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9]$")


def clean_name(name: str) -> str:
    """The body's own name, without the fund or account of it a code names:
    'International Monetary Fund - Poverty Reduction and Growth Trust' is
    the International Monetary Fund, 'World Bank Group (WB)' the World Bank Group."""
    name = name.replace("\u2019", "'").strip()
    name = re.split(r"\s+-\s+|\s*\(|:", name)[0]
    return re.sub(r"\s+", " ", name).strip(" ,.")


def clean_acronym(acronym: str) -> str:
    """'IMF-PRGT' is the IMF's; 'EBRD TFs' the EBRD's."""
    first = re.split(r"[-\s]", acronym.strip())[0]
    capitals = sum(c.isupper() for c in first)
    return first if len(first) >= 3 and capitals >= 2 and ACRONYM.match(first) else ""


def main() -> int:
    out_path = pathlib.Path(__file__).resolve().parent.parent / "data" / "bodies.csv"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", PACKAGE, "-d", tmp], check=True)
        wheel = next(pathlib.Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as z:
            text = z.read(MEMBER).decode("utf-8-sig")
    bodies: dict[str, set[str]] = {}
    order: list[str] = []
    for row in csv.DictReader(io.StringIO(text)):
        code = row["channel_code"].strip()
        if not code.startswith(FAMILIES) or len(code) != 5:
            continue
        name = clean_name(row["channel_name"])
        # A family's own heading ("Regional Development Banks") names no body.
        if not name or (code.endswith("000") and not row["en_acronym"].strip() and "(" not in row["channel_name"]):
            continue
        if name not in bodies:
            bodies[name] = set()
            order.append(name)
        # Where the code names a fund of the body ("European Commission -
        # European Development Fund"), its acronym is the fund's ("EDF"),
        # unless it is the body's own with a suffix ("IMF-PRGT"); elsewhere
        # the acronym is the body's whole ("OECD-Dev. Centre" is none).
        fund_of_body = bool(re.search(r"\s+-\s+", row["channel_name"]))
        for acronym in (row["en_acronym"], row["fr_acronym"]):
            acronym = (acronym or "").strip()
            if fund_of_body:
                a = clean_acronym(acronym) if re.search(r"[-\s]", acronym) else ""
            else:
                a = acronym if clean_acronym(acronym) == acronym else ""
            if a:
                bodies[name].add(a)
        # "International Monetary Fund (IMF)": the bracket holds the acronym.
        m = re.search(r"\(([A-Z]{2,})\)", row["channel_name"])
        if m and len(m.group(1)) >= 3 and not fund_of_body:
            bodies[name].add(m.group(1))
    # An acronym two bodies share ("GEF", "ICRA") names neither surely.
    owners: dict[str, int] = {}
    for acronyms in bodies.values():
        for a in acronyms:
            owners[a] = owners.get(a, 0) + 1
    for acronyms in bodies.values():
        acronyms -= {a for a in acronyms if owners[a] > 1}
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "acronyms"])
        for name in order:
            w.writerow([name, " ".join(sorted(bodies[name]))])
    print(f"{out_path}: {len(order)} bodies from {PACKAGE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
