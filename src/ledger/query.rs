//! Questions to the ledger: filters pushed into a polars lazy scan, so only
//! the rows and files that match are read.

use super::store::{Ledger, LedgerError};
use crate::labels::MetricKey;
use chrono::NaiveDate;
use polars::prelude::*;

/// Filters; each one set narrows the rows.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub outlet: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub donor: Option<String>,
    pub metric: Option<String>,
    pub currency: Option<String>,
}

fn date_lit(d: NaiveDate) -> Expr {
    lit(d).cast(DataType::Date)
}

/// The ledger scanned with `filter` pushed down; None for an empty ledger.
fn filtered(ledger: &Ledger, filter: &Filter) -> Result<Option<LazyFrame>, LedgerError> {
    let Some(mut lf) = ledger.scan()? else { return Ok(None) };
    let eq = |name: &str, v: &str| col(name).eq(lit(v.to_string()));
    if let Some(o) = &filter.outlet {
        lf = lf.filter(eq("outlet", o));
    }
    if let Some(d) = &filter.donor {
        lf = lf.filter(eq("donor", d));
    }
    if let Some(m) = &filter.metric {
        // The metric, and the metrics of a package's sizes that are
        // compared as it (see `MetricKey::compared_as`): the names are read
        // first, so the filter stays an equality polars can push down.
        let names = lf
            .clone()
            .select([col("metric")])
            .unique(None, UniqueKeepStrategy::Any)
            .collect()
            .map_err(|e| failed(ledger, e))?;
        let names = names.column("metric").and_then(|c| c.str().cloned()).map_err(|e| failed(ledger, e))?;
        let wanted = names
            .iter()
            .flatten()
            .filter(|n| n == m || MetricKey::compared_as(n) == m)
            .map(|n| eq("metric", n))
            .reduce(|a, b| a.or(b));
        lf = lf.filter(wanted.unwrap_or_else(|| eq("metric", m)));
    }
    if let Some(c) = &filter.currency {
        lf = lf.filter(eq("currency", &c.to_ascii_uppercase()));
    }
    if let Some(from) = filter.from {
        lf = lf.filter(col("published").gt_eq(date_lit(from)));
    }
    if let Some(to) = filter.to {
        lf = lf.filter(col("published").lt_eq(date_lit(to)));
    }
    Ok(Some(lf))
}

fn failed(ledger: &Ledger, e: PolarsError) -> LedgerError {
    LedgerError(format!("{}: query failed: {e}", ledger.dir().display()))
}

/// The rows that pass `filter`, ordered by publication date and position.
pub fn query(ledger: &Ledger, filter: &Filter) -> Result<DataFrame, LedgerError> {
    let Some(lf) = filtered(ledger, filter)? else {
        return super::schema::to_dataframe(&[]).map_err(|e| LedgerError(e.to_string()));
    };
    lf.sort(["published", "article_id", "start"], SortMultipleOptions::default().with_nulls_last(true))
        .collect()
        .map_err(|e| failed(ledger, e))
}

/// Only `columns` of the rows that pass `filter`, in the ledger's own
/// order (batch by batch), with every column chunked alike so the rows can
/// be read a chunk at a time in parallel. For reading large ledgers fast:
/// nothing is sorted and no other column is decoded.
pub fn select(ledger: &Ledger, filter: &Filter, columns: &[&str]) -> Result<DataFrame, LedgerError> {
    let projection: Vec<Expr> = columns.iter().map(|c| col(*c)).collect();
    let mut df = match filtered(ledger, filter)? {
        Some(lf) => lf.select(projection).collect().map_err(|e| failed(ledger, e))?,
        None => super::schema::to_dataframe(&[])
            .and_then(|df| df.select(columns.iter().copied()))
            .map_err(|e| LedgerError(e.to_string()))?,
    };
    df.align_chunks_par();
    Ok(df)
}
