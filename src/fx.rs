//! Exchange rates at a date: the ECB euro reference rates (units of a
//! currency per euro, one row per ECB business day), shipped in data/fx and
//! replaceable with a newer ECB file. Conversions are exact decimals,
//! rounded to the cent only at the end.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// The ECB history shipped with the binary.
pub const DEFAULT_CSV: &str = include_str!("../data/fx/eurofxref-hist.csv");

/// Why a rates file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct FxError(pub String);

impl fmt::Display for FxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FxError {}

/// The ECB reference rates: per business day, units of each currency per euro.
#[derive(Debug, Clone)]
pub struct Rates {
    /// Business days, oldest first.
    dates: Vec<NaiveDate>,
    /// Currency code → column in `rows`.
    columns: HashMap<String, usize>,
    /// Per date, per currency: the rate, or `None` where the ECB published none.
    rows: Vec<Vec<Option<Decimal>>>,
}

/// An amount in euros and US dollars at its date, or why not.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub amount_eur: Option<Decimal>,
    pub amount_usd: Option<Decimal>,
    /// The ECB business day whose rates were used.
    pub fx_date: Option<NaiveDate>,
    /// Units of the amount's currency per euro on that day (1 for EUR).
    pub fx_rate: Option<Decimal>,
    /// Why there is no conversion, when there is none.
    pub fx_note: Option<String>,
}

impl Rates {
    /// The rates shipped with the binary.
    pub fn default_rates() -> &'static Rates {
        static RATES: OnceLock<Rates> = OnceLock::new();
        RATES.get_or_init(|| {
            Rates::from_csv("data/fx/eurofxref-hist.csv", DEFAULT_CSV).expect("the shipped rates are valid")
        })
    }

    /// Reads an ECB `eurofxref-hist.csv`: a header `Date,USD,JPY,…` then one
    /// row per day, newest first or oldest first.
    pub fn from_csv(name: &str, text: &str) -> Result<Rates, FxError> {
        let mut lines = text.lines();
        let header = lines.next().ok_or_else(|| FxError(format!("{name}: empty file")))?;
        let codes: Vec<&str> = header.split(',').map(str::trim).collect();
        if codes.first() != Some(&"Date") {
            return Err(FxError(format!("{name}:1: not an ECB rates file (the header must start with \"Date\")")));
        }
        let columns: HashMap<String, usize> = codes
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, c)| c.len() == 3)
            .map(|(i, c)| (c.to_string(), i - 1))
            .collect();
        let mut days: Vec<(NaiveDate, Vec<Option<Decimal>>)> = Vec::new();
        for (n, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut cells = line.split(',');
            let date_cell = cells.next().unwrap_or("").trim();
            let date = NaiveDate::parse_from_str(date_cell, "%Y-%m-%d")
                .map_err(|_| FxError(format!("{name}:{}: {date_cell:?} is not a date", n + 2)))?;
            let mut row = vec![None; codes.len().saturating_sub(1)];
            for (k, cell) in cells.enumerate().take(row.len()) {
                let cell = cell.trim();
                if cell.is_empty() || cell == "N/A" {
                    continue;
                }
                let rate = Decimal::from_str(cell)
                    .map_err(|_| FxError(format!("{name}:{}: rate {cell:?} is not a number", n + 2)))?;
                if rate > Decimal::ZERO {
                    row[k] = Some(rate);
                }
            }
            days.push((date, row));
        }
        if days.is_empty() {
            return Err(FxError(format!("{name}: no rates")));
        }
        days.sort_by_key(|(d, _)| *d);
        days.dedup_by_key(|(d, _)| *d);
        let (dates, rows) = days.into_iter().unzip();
        Ok(Rates { dates, columns, rows })
    }

    /// The last day with rates, for messages.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.dates.last().copied()
    }

    /// The ECB business day whose rates apply on `date`: the last on or before it.
    fn day_index(&self, date: NaiveDate) -> Option<usize> {
        self.dates.partition_point(|d| *d <= date).checked_sub(1)
    }

    /// Units of `currency` per euro on the day that applies to `date`.
    pub fn rate(&self, currency: &str, date: NaiveDate) -> Option<(NaiveDate, Decimal)> {
        let i = self.day_index(date)?;
        if currency == "EUR" {
            return Some((self.dates[i], Decimal::ONE));
        }
        let col = *self.columns.get(currency)?;
        self.rows[i][col].map(|r| (self.dates[i], r))
    }

    /// `amount` of `currency` in euros and dollars at `date`.
    pub fn convert(&self, amount: Decimal, currency: &str, date: Option<NaiveDate>) -> Conversion {
        let none = |note: String| Conversion {
            amount_eur: None,
            amount_usd: None,
            fx_date: None,
            fx_rate: None,
            fx_note: Some(note),
        };
        let Some(date) = date else { return none("no publication date".into()) };
        let Some(i) = self.day_index(date) else { return none(format!("no ECB rates before {}", self.dates[0])) };
        let day = self.dates[i];
        if currency != "EUR" && !self.columns.contains_key(currency) {
            return none(format!("the ECB publishes no rate for {currency}"));
        }
        let Some((_, rate)) = self.rate(currency, date) else {
            return none(format!("the ECB published no rate for {currency} on {day}"));
        };
        let Some((_, usd)) = self.rate("USD", date) else { return none(format!("no USD rate on {day}")) };
        // Exact to 28 significant digits, then to the cent.
        let eur = amount.checked_div(rate);
        let usd_amount = eur.and_then(|e| e.checked_mul(usd));
        let cents = |d: Decimal| d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        Conversion {
            amount_eur: eur.map(cents),
            amount_usd: if currency == "USD" { Some(cents(amount)) } else { usd_amount.map(cents) },
            fx_date: Some(day),
            fx_rate: Some(rate),
            fx_note: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Date,USD,JPY,GBP,RUB,\n2024-03-13,1.0939,161.64,0.85505,N/A,\n2024-03-12,1.0916,161.40,0.85413,N/A,\n2022-02-25,1.1216,129.41,0.83750,93.5168,\n";

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn converts_at_the_last_business_day_on_or_before() {
        let r = Rates::from_csv("t", SAMPLE).unwrap();
        // A Saturday takes the Friday before: 2022-02-26 → 2022-02-25.
        let c = r.convert(dec("1000"), "EUR", Some(d("2022-02-26")));
        assert_eq!(
            (c.fx_date, c.amount_eur, c.amount_usd),
            (Some(d("2022-02-25")), Some(dec("1000")), Some(dec("1121.60")))
        );
        // £1bn on 2024-03-13: 1e9 / 0.85505 EUR, then × 1.0939 USD.
        let c = r.convert(dec("1000000000"), "GBP", Some(d("2024-03-13")));
        assert_eq!(c.amount_eur, Some(dec("1169522250.16")));
        assert_eq!(c.amount_usd, Some(dec("1279340389.45")));
        assert_eq!(c.fx_rate, Some(dec("0.85505")));
        // Dollars keep their amount in USD.
        let c = r.convert(dec("60000000000"), "USD", Some(d("2024-03-13")));
        assert_eq!(c.amount_usd, Some(dec("60000000000.00")));
    }

    #[test]
    fn says_why_there_is_no_conversion() {
        let r = Rates::from_csv("t", SAMPLE).unwrap();
        let note = |cur: &str, date: Option<&str>| r.convert(Decimal::ONE, cur, date.map(d)).fx_note;
        assert_eq!(note("UAH", Some("2024-03-13")).as_deref(), Some("the ECB publishes no rate for UAH"));
        assert_eq!(note("RUB", Some("2024-03-13")).as_deref(), Some("the ECB published no rate for RUB on 2024-03-13"));
        assert_eq!(note("USD", None).as_deref(), Some("no publication date"));
        assert_eq!(note("USD", Some("2001-01-01")).as_deref(), Some("no ECB rates before 2022-02-25"));
        assert_eq!(note("RUB", Some("2022-03-01")), None);
    }

    #[test]
    fn bad_files_are_named() {
        assert_eq!(Rates::from_csv("x.csv", "").unwrap_err().to_string(), "x.csv: empty file");
        assert!(Rates::from_csv("x.csv", "Day,USD\n").unwrap_err().to_string().starts_with("x.csv:1: not an ECB"));
        assert_eq!(
            Rates::from_csv("x.csv", "Date,USD\nyesterday,1.1\n").unwrap_err().to_string(),
            "x.csv:2: \"yesterday\" is not a date"
        );
        assert_eq!(
            Rates::from_csv("x.csv", "Date,USD\n2024-01-02,abc\n").unwrap_err().to_string(),
            "x.csv:2: rate \"abc\" is not a number"
        );
    }

    #[test]
    fn the_shipped_rates_load() {
        let r = Rates::default_rates();
        assert!(r.last_date().unwrap() >= d("2026-10-01"));
        assert!(r.rate("USD", d("2024-03-13")).is_some());
    }
}
