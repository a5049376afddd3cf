//! `aidledger timeline`: a metric's figures by date, each with the consensus
//! as of its date.

use super::Outcome;
use aidledger::reconcile::{
    self,
    timeline::{DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS},
    TIMELINE_COLUMNS,
};
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Show a metric's figures by date with the consensus as of each date.
#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// The metric ("united-states/ukraine/total/enacted"); every metric
    /// without it.
    #[arg(long)]
    metric: Option<String>,
    /// The trailing window, in days, that consensus looks back over.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS, value_parser = clap::value_parser!(i64).range(1..=MAX_WINDOW_DAYS))]
    window: i64,
    #[arg(long, value_enum, default_value_t = TimelineFormat::Table)]
    format: TimelineFormat,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TimelineFormat {
    Table,
    Csv,
    Json,
}

pub fn run(args: TimelineArgs) -> anyhow::Result<Outcome> {
    let ledger = super::existing_ledger(args.ledger.clone())?;
    let frame = reconcile::load(&ledger, args.metric.as_deref())?;
    let figures = reconcile::figures(&frame.kept, frame.read_once).context("reading the ledger's figures")?;
    let timelines = reconcile::timeline::timelines(figures, args.window);
    let rows: Vec<_> = timelines.iter().flat_map(|t| t.rows()).collect();
    let mut out = super::output_to(args.output.as_deref())?;
    match args.format {
        TimelineFormat::Table => {
            writeln!(
                out,
                "{:<10} {:<22} {:>16} {:<3} {:>16} {:>16} {:>7} {:<6} {:<24} metric",
                "published", "outlet", "amount", "cur", "amount_usd", "consensus_usd", "support", "agrees", "source"
            )?;
            for r in &rows {
                let c = reconcile::timeline::cells(r).map(Option::unwrap_or_default);
                let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
                writeln!(
                    out,
                    "{:<10} {:<22} {:>16} {:<3} {:>16} {:>16} {:>7} {:<6} {:<24} {}",
                    c[1],
                    cut(&c[2], 22),
                    c[5],
                    c[6],
                    c[7],
                    c[8],
                    c[9],
                    c[11],
                    cut(&c[3], 24),
                    c[0]
                )?;
            }
            writeln!(out, "{} figures", rows.len())?;
        }
        TimelineFormat::Csv => super::write_csv(
            &mut out,
            TIMELINE_COLUMNS,
            &reconcile::timeline::NUMERIC_COLUMNS,
            rows.iter().map(reconcile::timeline::cells),
        )?,
        TimelineFormat::Json => {
            super::write_json_lines(&mut out, TIMELINE_COLUMNS, rows.iter().map(reconcile::timeline::cells))?
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
