"""Reads a ledger with Python polars, as a user's notebook would, and checks
its schema and a EUR figure's dollar value against the ECB rate of its date.

usage: read_ledger.py LEDGER_DIR RATES_CSV
Prints 'python: N passed, 0 failed' or exits non-zero naming the check.
"""
import csv
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import polars as pl

ledger, rates_csv = sys.argv[1], sys.argv[2]
df = pl.scan_parquet(f"{ledger}/*.parquet").collect()
passed = 0


def check(ok, what):
    global passed
    if not ok:
        sys.exit(f"python: FAILED: {what}")
    passed += 1


schema = df.schema
check(df.height > 0, "the ledger has rows")
check(schema["amount"] == pl.Decimal(38, 8), f"amount is Decimal(38, 8), not {schema['amount']}")
check(schema["amount_usd"] == pl.Decimal(38, 2), f"amount_usd is Decimal(38, 2), not {schema['amount_usd']}")
check(schema["published"] == pl.Date, "published is a Date")
check(schema["fx_date"] == pl.Date, "fx_date is a Date")
check(schema["aid_to_ukraine"] == pl.Boolean, "aid_to_ukraine is a Boolean")
check(str(schema["ingested_at"]).startswith("Datetime"), "ingested_at is a Datetime")
for name in ["mention_id", "article_id", "outlet", "surface", "sentence", "currency", "qualifier", "category",
             "status", "donor", "recipient", "source", "metric", "extractor_version", "fx_rate", "scope_start"]:
    check(name in schema, f"column {name}")
check(df["mention_id"].n_unique() == df.height, "no mention twice")

# The ECB rate of the figure's date: the last business day on or before it.
rates = {}
with open(rates_csv, newline="") as f:
    for row in csv.DictReader(f):
        if row.get("USD") not in (None, "", "N/A"):
            rates[date.fromisoformat(row["Date"])] = Decimal(row["USD"])
eur = df.filter((pl.col("currency") == "EUR") & pl.col("published").is_not_null()).row(0, named=True)
day = max(d for d in rates if d <= eur["published"])
check(eur["fx_date"] == day, f"fx_date {eur['fx_date']} is the ECB day {day}")
want = (eur["amount"] * rates[day]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
check(eur["amount_usd"] == want, f"amount_usd {eur['amount_usd']} == {eur['amount']} x {rates[day]} = {want}")
# Sums stay exact decimals.
check(isinstance(df["amount"].sum(), Decimal), "sums are decimals")
print(f"python: {passed} passed, 0 failed")
