//! The part of a ledger row reconciliation needs, read out of the polars
//! frame once so the checks work on plain Rust values.

use chrono::NaiveDate;
use polars::prelude::*;
use rust_decimal::Decimal;

use super::tolerance::Interval;

/// One reported figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub mention_id: String,
    pub article_id: String,
    pub outlet: Option<String>,
    /// None: the article carries no date. Such figures are reported as
    /// undated, never given a guessed date.
    pub published: Option<NaiveDate>,
    pub surface: String,
    pub sentence: String,
    pub amount: Decimal,
    pub amount_max: Option<Decimal>,
    pub currency: String,
    pub qualifier: String,
    pub amount_usd: Option<Decimal>,
    pub source: Option<String>,
    pub status: String,
    pub metric: String,
    /// Copies of one story share this key (see `story_of`).
    pub story: u64,
}

impl Figure {
    /// A key under which copies of one story fall together: the sentence
    /// with case, punctuation and spacing gone, and the figure as read (so
    /// a copy that changed the currency is a voice of its own). Hashed once
    /// per figure: consensus compares it for every window a figure is in.
    pub fn story_of(sentence: &str, amount: Decimal, currency: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        for c in sentence.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
            c.hash(&mut h);
        }
        amount.normalize().hash(&mut h);
        currency.hash(&mut h);
        h.finish()
    }

    /// What the figure's text could stand for, in its own currency.
    pub fn interval(&self) -> Interval {
        Interval::of(&self.surface, self.amount, self.amount_max, &self.qualifier)
    }

    /// The same in US dollars at the figure's own date; None when the
    /// currency has no ECB rate.
    pub fn interval_usd(&self) -> Option<Interval> {
        let usd = self.amount_usd?;
        if self.amount.is_zero() {
            return Some(self.interval());
        }
        Some(self.interval().scaled(usd.checked_div(self.amount)?))
    }
}

/// The figures of a ledger frame (as `ledger::query::query` returns it).
pub fn figures(df: &DataFrame) -> PolarsResult<Vec<Figure>> {
    let text = |name: &str| -> PolarsResult<Vec<Option<String>>> {
        Ok(df.column(name)?.str()?.iter().map(|v| v.map(str::to_string)).collect())
    };
    let decimal = |name: &str| -> PolarsResult<Vec<Option<Decimal>>> {
        let ca = df.column(name)?.decimal()?;
        let scale = ca.scale() as u32;
        Ok(ca.phys.iter().map(|v| v.map(|m| Decimal::from_i128_with_scale(m, scale))).collect())
    };
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    let published: Vec<Option<NaiveDate>> = df
        .column("published")?
        .date()?
        .phys
        .iter()
        .map(|d| d.and_then(|days| epoch.checked_add_signed(chrono::Duration::days(days.into()))))
        .collect();
    let (mention_id, article_id, outlet) = (text("mention_id")?, text("article_id")?, text("outlet")?);
    let (surface, sentence, currency) = (text("surface")?, text("sentence")?, text("currency")?);
    let (qualifier, source, status, metric) = (text("qualifier")?, text("source")?, text("status")?, text("metric")?);
    let (amount, amount_max, amount_usd) = (decimal("amount")?, decimal("amount_max")?, decimal("amount_usd")?);
    let owned = |v: &Option<String>| v.clone().unwrap_or_default();
    Ok((0..df.height())
        .filter_map(|i| {
            let amount = amount[i]?;
            let sentence = owned(&sentence[i]);
            let currency = owned(&currency[i]);
            Some(Figure {
                story: Figure::story_of(&sentence, amount, &currency),
                mention_id: owned(&mention_id[i]),
                article_id: owned(&article_id[i]),
                outlet: outlet[i].clone(),
                published: published[i],
                surface: owned(&surface[i]),
                sentence,
                // A row without an amount is not a figure; the schema
                // never writes one, but a hand-edited file might.
                amount,
                amount_max: amount_max[i],
                currency,
                qualifier: owned(&qualifier[i]),
                amount_usd: amount_usd[i],
                source: source[i].clone(),
                status: owned(&status[i]),
                metric: owned(&metric[i]),
            })
        })
        .collect())
}
