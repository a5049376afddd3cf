//! The ledger's columns and how rows become a dataframe. Amounts are polars
//! Decimals built from the exact rust_decimal values (never through a
//! float); dates are Dates; the ingest time is a UTC Datetime.

use crate::article::Article;
use crate::classify::Context;
use crate::extract::Money;
use crate::fx::Conversion;
use chrono::{DateTime, NaiveDate, Utc};
use polars::prelude::*;
use rust_decimal::Decimal;

/// Bumped when a column is added, removed or changes type.
pub const SCHEMA_VERSION: u32 = 1;

/// Decimal places kept: amounts as written (minor units, satoshis), converted
/// amounts to the cent, exchange rates as the ECB publishes them.
pub const AMOUNT_SCALE: u32 = 8;
pub const CONVERTED_SCALE: u32 = 2;
pub const RATE_SCALE: u32 = 6;

/// The extractor that wrote a row.
pub const EXTRACTOR_VERSION: &str = concat!("aidledger ", env!("CARGO_PKG_VERSION"));

/// One mention as the ledger keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    pub mention_id: String,
    pub article_id: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// What printed the date: dateline, meta, json-ld, url or field.
    pub published_from: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub start: i64,
    pub end: i64,
    pub surface: String,
    pub sentence: String,
    pub amount: Decimal,
    pub amount_max: Option<Decimal>,
    pub currency: String,
    pub qualifier: String,
    pub amount_usd: Option<Decimal>,
    pub amount_eur: Option<Decimal>,
    pub fx_date: Option<NaiveDate>,
    pub fx_rate: Option<Decimal>,
    pub fx_note: Option<String>,
    pub category: String,
    pub status: String,
    pub donor: Option<String>,
    pub recipient: Option<String>,
    pub source: Option<String>,
    pub scope_start: Option<NaiveDate>,
    pub scope_end: Option<NaiveDate>,
    pub aid_to_ukraine: bool,
    pub metric: String,
    pub extractor_version: String,
    pub ingested_at: DateTime<Utc>,
}

impl LedgerRow {
    pub fn new(a: &Article, m: &Money, c: &Context, fx: Conversion, ingested_at: DateTime<Utc>) -> LedgerRow {
        LedgerRow {
            // Stable: the same mention of the same article always has this id.
            mention_id: format!("{}:{}", a.id, m.start),
            article_id: a.id.clone(),
            outlet: a.outlet.clone(),
            published: a.published,
            published_from: a.published_from.map(|p| p.as_str().to_string()),
            url: a.url.clone(),
            title: a.title.clone(),
            start: m.start as i64,
            end: m.end as i64,
            surface: m.surface.clone(),
            sentence: m.sentence.clone(),
            amount: m.value,
            amount_max: m.value_max,
            currency: m.currency.to_string(),
            qualifier: m.qualifier.as_str().to_string(),
            amount_usd: fx.amount_usd,
            amount_eur: fx.amount_eur,
            fx_date: fx.fx_date,
            fx_rate: fx.fx_rate,
            fx_note: fx.fx_note,
            category: c.category.to_string(),
            status: c.status.to_string(),
            donor: c.donor.clone(),
            recipient: c.recipient.clone(),
            source: c.source.clone(),
            scope_start: c.scope_start,
            scope_end: c.scope_end,
            aid_to_ukraine: c.aid_to_ukraine,
            metric: c.metric.slug(),
            extractor_version: EXTRACTOR_VERSION.to_string(),
            ingested_at,
        }
    }
}

/// A Decimal column of `scale` places; `None` where a value does not fit.
fn decimal_column(name: &str, values: impl Iterator<Item = Option<Decimal>>, scale: u32) -> PolarsResult<Column> {
    let mantissas = values.map(|v| {
        v.and_then(|mut d| {
            // Exact for every amount the extractor reads; rounding only past `scale` places.
            d.rescale(scale);
            (d.scale() == scale).then(|| d.mantissa())
        })
    });
    let ca = Int128Chunked::from_iter_options(name.into(), mantissas);
    Ok(ca.into_decimal(38, scale as usize)?.into_series().into_column())
}

fn date_column(name: &str, values: impl Iterator<Item = Option<NaiveDate>>) -> Column {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    let days = values.map(|d| d.map(|d| (d - epoch).num_days() as i32));
    Int32Chunked::from_iter_options(name.into(), days).into_date().into_series().into_column()
}

fn string_column<'a>(name: &str, values: impl Iterator<Item = Option<&'a str>>) -> Column {
    StringChunked::from_iter_options(name.into(), values).into_series().into_column()
}

/// The rows as a dataframe in the ledger's column order.
pub fn to_dataframe(rows: &[LedgerRow]) -> PolarsResult<DataFrame> {
    let s = |f: fn(&LedgerRow) -> Option<&str>| rows.iter().map(f);
    let columns = vec![
        string_column("mention_id", s(|r| Some(&r.mention_id))),
        string_column("article_id", s(|r| Some(&r.article_id))),
        string_column("outlet", s(|r| r.outlet.as_deref())),
        date_column("published", rows.iter().map(|r| r.published)),
        string_column("published_from", s(|r| r.published_from.as_deref())),
        string_column("url", s(|r| r.url.as_deref())),
        string_column("title", s(|r| r.title.as_deref())),
        Column::new("start".into(), rows.iter().map(|r| r.start).collect::<Vec<i64>>()),
        Column::new("end".into(), rows.iter().map(|r| r.end).collect::<Vec<i64>>()),
        string_column("surface", s(|r| Some(&r.surface))),
        string_column("sentence", s(|r| Some(&r.sentence))),
        decimal_column("amount", rows.iter().map(|r| Some(r.amount)), AMOUNT_SCALE)?,
        decimal_column("amount_max", rows.iter().map(|r| r.amount_max), AMOUNT_SCALE)?,
        string_column("currency", s(|r| Some(&r.currency))),
        string_column("qualifier", s(|r| Some(&r.qualifier))),
        decimal_column("amount_usd", rows.iter().map(|r| r.amount_usd), CONVERTED_SCALE)?,
        decimal_column("amount_eur", rows.iter().map(|r| r.amount_eur), CONVERTED_SCALE)?,
        date_column("fx_date", rows.iter().map(|r| r.fx_date)),
        decimal_column("fx_rate", rows.iter().map(|r| r.fx_rate), RATE_SCALE)?,
        string_column("fx_note", s(|r| r.fx_note.as_deref())),
        string_column("category", s(|r| Some(&r.category))),
        string_column("status", s(|r| Some(&r.status))),
        string_column("donor", s(|r| r.donor.as_deref())),
        string_column("recipient", s(|r| r.recipient.as_deref())),
        string_column("source", s(|r| r.source.as_deref())),
        date_column("scope_start", rows.iter().map(|r| r.scope_start)),
        date_column("scope_end", rows.iter().map(|r| r.scope_end)),
        Column::new("aid_to_ukraine".into(), rows.iter().map(|r| r.aid_to_ukraine).collect::<Vec<bool>>()),
        string_column("metric", s(|r| Some(&r.metric))),
        string_column("extractor_version", s(|r| Some(&r.extractor_version))),
        Int64Chunked::from_iter_values("ingested_at".into(), rows.iter().map(|r| r.ingested_at.timestamp_micros()))
            .into_datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
            .into_series()
            .into_column(),
    ];
    DataFrame::new(rows.len(), columns)
}

/// The names of the ledger's columns, in order.
pub fn column_names() -> Vec<String> {
    to_dataframe(&[]).map(|df| df.get_column_names().iter().map(|n| n.to_string()).collect()).unwrap_or_default()
}
