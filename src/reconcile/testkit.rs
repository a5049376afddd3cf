//! Figures for the reconciliation tests, written the way outlets report them.

use super::figure::{Figure, Row};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A test's text lives as long as the test run: figures borrow their text,
/// and a test builds a handful.
fn keep(s: String) -> &'static str {
    s.leak()
}

/// A figure as an outlet reported it; `usd_rate` converts a figure in
/// another currency at its date.
pub fn fig(
    id: &str,
    outlet: &str,
    date: &str,
    surface: &str,
    amount: &str,
    currency: &str,
    usd_rate: &str,
) -> Figure<'static> {
    let amount = Decimal::from_str(amount).unwrap();
    Figure::new(Row {
        mention_id: keep(id.to_string()),
        article_id: keep(format!("{id}-article")),
        start: 0,
        outlet: Some(keep(outlet.to_string())),
        published: NaiveDate::from_str(date).ok(),
        surface: keep(surface.to_string()),
        sentence: keep(format!("{outlet} wrote that {surface} was approved.")),
        amount,
        amount_max: None,
        currency: keep(currency.to_string()),
        qualifier: "exact",
        amount_usd: Some(amount * Decimal::from_str(usd_rate).unwrap()),
        source: None,
        metric: "united-states/ukraine/total/enacted",
    })
}

pub fn usd(id: &str, outlet: &str, date: &str, surface: &str, amount: &str) -> Figure<'static> {
    fig(id, outlet, date, surface, amount, "USD", "1")
}

/// The same figure as another story carries it: a copy of `sentence`.
pub fn retold(f: Figure<'static>, sentence: &str) -> Figure<'static> {
    Figure { story: Figure::story_of(sentence, f.amount, f.currency), ..f }
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::from_str(s).unwrap()
}
