//! The ledger: one row per mention, with its article, its labels and its
//! value in euros and dollars, kept as a folder of Parquet files that polars,
//! pandas, DuckDB or R read as one table.
//!
//! `schema` builds the dataframe from rows; `store` keeps the folder (a lock,
//! atomic batches, an index of the articles it holds); `query` filters it.

pub mod query;
pub mod schema;
pub mod store;

pub use schema::{LedgerRow, SCHEMA_VERSION};
pub use store::{IngestSummary, Ledger, LedgerError};

use crate::article::{read_inputs, Article, Format, ReadError};
use crate::classify::classify;
use crate::extract::extract;
use crate::fx::Rates;
use crate::lexicon::Lexicon;
use std::path::PathBuf;

/// How many rows a batch holds before it is written: memory stays bounded
/// however large the corpus. `AIDLEDGER_BATCH_ROWS` sets another size.
pub const BATCH_ROWS: usize = 50_000;

fn batch_rows() -> usize {
    std::env::var("AIDLEDGER_BATCH_ROWS").ok().and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(BATCH_ROWS)
}

/// The rows of one article: extraction, labels and conversion.
pub fn rows_for(
    article: &Article,
    lex: &Lexicon,
    rates: &Rates,
    ingested_at: chrono::DateTime<chrono::Utc>,
) -> Vec<LedgerRow> {
    let mentions = extract(&article.text);
    let contexts = classify(article, &mentions, lex);
    mentions
        .iter()
        .zip(contexts.iter())
        .map(|(m, c)| LedgerRow::new(article, m, c, rates.convert(m.value, m.currency, article.published), ingested_at))
        .collect()
}

/// What an ingest reports as it goes.
pub trait Progress {
    /// An input was read (bytes of article text so far).
    fn article(&mut self, _bytes: usize) {}
    /// An input failed.
    fn failed(&mut self, _error: &ReadError) {}
}

/// Reads every article under `inputs`, labels it, and appends its rows to
/// the ledger, skipping articles it already holds. Inputs that cannot be read
/// are reported and counted; the rest lands.
pub fn ingest(
    ledger: &Ledger,
    inputs: &[PathBuf],
    format: Option<Format>,
    lex: &Lexicon,
    rates: &Rates,
    progress: &mut dyn Progress,
) -> Result<IngestSummary, LedgerError> {
    let _lock = ledger.lock()?;
    ledger.recover()?;
    let ingested_at = chrono::Utc::now();
    let mut summary = IngestSummary::default();
    let mut pending: Vec<Article> = Vec::new();
    let mut pending_rows: Vec<LedgerRow> = Vec::new();
    let mut error: Option<LedgerError> = None;
    let batch_rows = batch_rows();
    summary.skipped = read_inputs(inputs, format, &mut |res| {
        if error.is_some() {
            return;
        }
        match res {
            Err(e) => {
                progress.failed(&e);
                summary.failed += 1;
            }
            Ok(a) => {
                summary.articles_read += 1;
                progress.article(a.text.len());
                pending_rows.extend(rows_for(&a, lex, rates, ingested_at));
                pending.push(Article { text: String::new(), ..a });
                if pending_rows.len() >= batch_rows {
                    if let Err(e) = ledger.append_batch(&pending, std::mem::take(&mut pending_rows), &mut summary) {
                        error = Some(e);
                    }
                    pending.clear();
                }
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    ledger.append_batch(&pending, pending_rows, &mut summary)?;
    Ok(summary)
}
