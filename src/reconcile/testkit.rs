//! Figures for the reconciliation tests, written the way outlets report them.

use super::figure::Figure;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A dollar figure as an outlet reported it; `usd_rate` converts a
/// figure in another currency at its date.
pub fn fig(id: &str, outlet: &str, date: &str, surface: &str, amount: &str, currency: &str, usd_rate: &str) -> Figure {
    let amount = Decimal::from_str(amount).unwrap();
    let sentence = format!("{outlet} wrote that {surface} was approved.");
    Figure {
        story: Figure::story_of(&sentence, amount, currency),
        mention_id: id.into(),
        article_id: format!("{id}-article"),
        outlet: Some(outlet.into()),
        published: NaiveDate::from_str(date).ok(),
        surface: surface.into(),
        sentence,
        amount,
        amount_max: None,
        currency: currency.into(),
        qualifier: "exact".into(),
        amount_usd: Some(amount * Decimal::from_str(usd_rate).unwrap()),
        source: None,
        status: "approved".into(),
        metric: "united-states/ukraine/total/enacted".into(),
    }
}

pub fn usd(id: &str, outlet: &str, date: &str, surface: &str, amount: &str) -> Figure {
    fig(id, outlet, date, surface, amount, "USD", "1")
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::from_str(s).unwrap()
}
