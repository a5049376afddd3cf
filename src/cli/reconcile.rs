//! `aidledger reconcile`: every finding the checks raise over the ledger,
//! one row each.

use super::ledger::date;
use super::Outcome;
use aidledger::reconcile::{
    self,
    timeline::{DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS},
    Settings, FINDING_COLUMNS,
};
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Find conflicts, stale and mislabelled figures, unsourced figures,
/// status transitions, outlier outlets and discrepancies.
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
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS, value_parser = clap::value_parser!(i64).range(1..=MAX_WINDOW_DAYS))]
    window: i64,
    /// Two figures of a metric within this many percent of each other that
    /// disagree, where no consensus decides, are a discrepancy.
    #[arg(long, value_name = "PCT", default_value = "5")]
    near_pct: rust_decimal::Decimal,
    /// A later-status figure within this many percent of an earlier-status
    /// one is the same package moving (a transition).
    #[arg(long, value_name = "PCT", default_value = "10")]
    transition_pct: rust_decimal::Decimal,
    /// ... and at most this many days after it.
    #[arg(long, value_name = "DAYS", default_value_t = 365, value_parser = clap::value_parser!(i64).range(0..=MAX_WINDOW_DAYS))]
    transition_days: i64,
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
    let (from, to) = (date("from", &args.from)?, date("to", &args.to)?);
    // Flags are checked before the ledger is read: a large one takes a while.
    if args.near_pct.is_sign_negative() || args.transition_pct.is_sign_negative() {
        anyhow::bail!("--near-pct and --transition-pct take a percentage of 0 or more");
    }
    let ledger = super::existing_ledger(args.ledger.clone())?;
    // The dates narrow the findings, not the figures: consensus and staleness
    // need what came before.
    let frame = reconcile::load(&ledger, args.metric.as_deref())?;
    let figures = reconcile::figures(&frame.kept, frame.read_once).context("reading the ledger's figures")?;
    let rows = reconcile::timeline::timelines(figures, args.window);
    let settings = Settings {
        window_days: args.window,
        discrepancy_pct: args.near_pct,
        transition_pct: args.transition_pct,
        transition_days: args.transition_days,
        ..Settings::default()
    };
    let mut found = reconcile::findings(&rows, &settings);
    if from.is_some() || to.is_some() {
        found.retain(|f| {
            f.published().is_some_and(|d| from.is_none_or(|from| d >= from) && to.is_none_or(|to| d <= to))
        });
    }
    let mut out = super::output_to(args.output.as_deref())?;
    match args.format {
        FindingsFormat::Table => {
            writeln!(
                out,
                "{:<17} {:<10} {:<20} {:>16} {:>16} {:>8}  {:<40} detail",
                "finding", "published", "outlet", "amount_usd", "consensus_usd", "dev_%", "metric"
            )?;
            for f in found.iter() {
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
        FindingsFormat::Csv => write_findings_csv(&mut out, &found)?,
        FindingsFormat::Json => super::write_json_lines(&mut out, FINDING_COLUMNS, found.iter().map(|f| f.cells()))?,
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// Findings as CSV, formatted on both cores a block at a time and written
/// in order while the next blocks are formatted: a large ledger raises
/// millions (the same bytes as the generic CSV writer; a test holds them to
/// it).
fn write_findings_csv(out: &mut dyn Write, found: &reconcile::Findings<'_>) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let mut header = Vec::new();
    let mut rec = aidledger::output::CsvRecord::new(&mut header);
    for c in FINDING_COLUMNS {
        rec.text(c);
    }
    rec.end();
    out.write_all(&header)?;
    // Blocks of findings across every piece, formatted some at a time on
    // both cores in a thread of their own and handed over to be written
    // here (standard output cannot change threads). The channel holds two
    // groups: a bounded number in memory, and the writing of one group
    // overlaps the formatting of the next.
    let blocks: Vec<&[reconcile::Finding<'_>]> =
        found.pieces().iter().flat_map(|piece| piece.chunks(1 << 12)).collect();
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(2);
    // Written buffers come back to be filled again: 900 MB of findings
    // through fresh buffers was 900 MB of memory faulted in.
    let spare: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());
    let spare = &spare;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for group in blocks.chunks(32) {
                let formatted: Vec<Vec<u8>> = group
                    .par_iter()
                    .map(|block| {
                        let reused = spare.lock().ok().and_then(|mut s| s.pop());
                        let mut buf = reused.unwrap_or_else(|| Vec::with_capacity(block.len() * 200));
                        let mut scratch = String::new();
                        // Each finding's text is fetched a few findings ahead
                        // of writing it (see `Finding::prefetch`).
                        const AHEAD: usize = 8;
                        for f in block.iter().take(AHEAD) {
                            f.prefetch();
                        }
                        for (i, f) in block.iter().enumerate() {
                            if let Some(next) = block.get(i + AHEAD) {
                                next.prefetch();
                            }
                            f.write_csv(&mut buf, &mut scratch);
                        }
                        buf
                    })
                    .collect();
                // The receiver is gone only when writing failed; its error
                // is the one reported.
                if send.send(formatted).is_err() {
                    break;
                }
            }
        });
        for formatted in receive {
            for mut b in formatted {
                out.write_all(&b)?;
                b.clear();
                if let Ok(mut s) = spare.lock() {
                    s.push(b);
                }
            }
        }
        Ok(())
    })
}
