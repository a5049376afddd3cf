//! `aidledger reconcile`: every finding the checks raise over the ledger,
//! one row each.

use super::ledger::date;
use super::Outcome;
use aidledger::ledger::query::{query, Filter};
use aidledger::ledger::Ledger;
use aidledger::reconcile::{self, timeline::DEFAULT_WINDOW_DAYS, Settings, FINDING_COLUMNS};
use anyhow::{anyhow, Context};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Find conflicts, stale and mislabelled figures, unsourced figures,
/// status transitions and outlier outlets.
#[derive(Args, Debug)]
pub struct ReconcileArgs {
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// Only this metric ("united-states/ukraine/total/enacted").
    #[arg(long)]
    metric: Option<String>,
    /// Only findings on figures published on or after this date.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only findings on figures published on or before this date.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// The trailing window, in days, that consensus looks back over.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS)]
    window: i64,
    #[arg(long, value_enum, default_value_t = FindingsFormat::Table)]
    format: FindingsFormat,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FindingsFormat {
    Table,
    Csv,
    Json,
}

pub fn run(args: ReconcileArgs) -> anyhow::Result<Outcome> {
    if args.window < 1 {
        return Err(anyhow!("--window {} must be at least one day", args.window));
    }
    let (from, to) = (date("from", &args.from)?, date("to", &args.to)?);
    let dir = super::ingest::ledger_dir(args.ledger.clone());
    if !dir.exists() {
        return Err(anyhow!("{}: no ledger here (run `aidledger ingest` first)", dir.display()));
    }
    let ledger = Ledger::open(&dir)?;
    // The dates narrow the findings, not the figures: consensus and staleness
    // need what came before.
    let df = query(&ledger, &Filter { metric: args.metric.clone(), ..Filter::default() })?;
    let figures = reconcile::figures(&df).context("reading the ledger's figures")?;
    let rows = reconcile::timeline::timelines(&figures, args.window);
    let settings = Settings { window_days: args.window, ..Settings::default() };
    let mut found = reconcile::findings(&rows, &settings);
    if from.is_some() || to.is_some() {
        found.retain(|f| f.published.is_some_and(|d| from.is_none_or(|from| d >= from) && to.is_none_or(|to| d <= to)));
    }
    let mut out = super::output_to(args.output.as_deref())?;
    match args.format {
        FindingsFormat::Table => {
            writeln!(
                out,
                "{:<17} {:<10} {:<20} {:>16} {:>16} {:>8}  {:<40} detail",
                "finding", "published", "outlet", "amount_usd", "consensus_usd", "dev_%", "metric"
            )?;
            for f in &found {
                let c = f.cells().map(Option::unwrap_or_default);
                let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
                writeln!(
                    out,
                    "{:<17} {:<10} {:<20} {:>16} {:>16} {:>8}  {:<40} {}",
                    c[0],
                    c[3],
                    cut(&c[2], 20),
                    c[8],
                    c[9],
                    c[10],
                    cut(&c[1], 40),
                    c[12]
                )?;
            }
            writeln!(out, "{} findings", found.len())?;
        }
        FindingsFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(FINDING_COLUMNS)?;
            for f in &found {
                // Text from articles is escaped against formulas; numbers
                // are ours and stay numbers (a deviation may start with -).
                let row: Vec<String> = f
                    .cells()
                    .iter()
                    .zip(FINDING_COLUMNS)
                    .map(|(v, name)| {
                        let v = v.clone().unwrap_or_default();
                        match name {
                            "amount" | "amount_usd" | "consensus_usd" | "deviation_pct" => v,
                            _ => aidledger::output::csv_cell(&v),
                        }
                    })
                    .collect();
                w.write_record(&row)?;
            }
            w.flush()?;
        }
        FindingsFormat::Json => {
            for f in &found {
                let obj: serde_json::Map<String, serde_json::Value> = FINDING_COLUMNS
                    .iter()
                    .zip(f.cells())
                    .map(|(name, v)| (name.to_string(), v.map_or(serde_json::Value::Null, serde_json::Value::String)))
                    .collect();
                serde_json::to_writer(&mut out, &obj)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
