//! `aidledger summary`: a calendar month's summary, written into
//! `OUT/YYYY-MM/` whole, for a scheduler to run on the first of each month.

use super::Outcome;
use aidledger::ledger::Ledger;
use aidledger::reconcile::{
    self,
    timeline::{DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS},
    Settings,
};
use aidledger::report::{summarize, Month};
use anyhow::Context;
use clap::Args;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Write a month's summary (summary.md, metrics.csv, findings.csv,
/// figures.svg) into OUT/YYYY-MM/, replacing it whole.
#[derive(Args, Debug)]
pub struct SummaryArgs {
    /// The month, YYYY-MM (default: the last complete calendar month).
    #[arg(long, value_name = "YYYY-MM")]
    month: Option<String>,
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// The folder the month's folder is written into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The trailing window, in days, that consensus looks back over.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS, value_parser = clap::value_parser!(i64).range(1..=MAX_WINDOW_DAYS))]
    window: i64,
}

pub fn run(args: SummaryArgs) -> anyhow::Result<Outcome> {
    let month = match &args.month {
        Some(text) => Month::parse(text).with_context(|| format!("--month {text}: expected YYYY-MM, e.g. 2024-04"))?,
        None => Month::last_complete(chrono::Local::now().date_naive()),
    };
    let ledger = super::existing_ledger(args.ledger.clone())?;
    write_summaries(&ledger, Some(month), &args.out, args.window)?;
    Ok(Outcome::Clean)
}

/// Reads and reconciles the ledger once, then writes the summary of `month`
/// (None: of every month with dated figures) into `out/YYYY-MM/`. Returns
/// the months written, in order.
pub(super) fn write_summaries(
    ledger: &Ledger,
    month: Option<Month>,
    out: &Path,
    window: i64,
) -> anyhow::Result<Vec<Month>> {
    let frame = reconcile::load(ledger, None)?;
    let figures = reconcile::figures(&frame.kept, frame.read_once).context("reading the ledger's figures")?;
    let timelines = reconcile::timelines(figures, window);
    let found = reconcile::findings(&timelines, &Settings { window_days: window, ..Settings::default() });
    let months: Vec<Month> = match month {
        Some(m) => vec![m],
        None => {
            let dated = timelines.iter().flat_map(|t| &t.figures).filter_map(|f| f.published).map(Month::of);
            dated.collect::<BTreeSet<Month>>().into_iter().collect()
        }
    };
    for &month in &months {
        let summary = summarize(&timelines, &found, month, window);
        let dir = out.join(month.to_string());
        summary.write(&dir).with_context(|| format!("{}: cannot write the summary", dir.display()))?;
        eprintln!(
            "aidledger: {} summary: {} mentions, {} metrics, {} findings ({})",
            month,
            summary.mentions,
            summary.metrics.len(),
            summary.findings.len(),
            dir.display()
        );
    }
    Ok(months)
}
