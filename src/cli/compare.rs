//! `aidledger compare`: outlets × metrics, each cell the outlet's latest
//! figure as of a date and its deviation from that date's consensus.

use super::ledger::date;
use super::Outcome;
use aidledger::reconcile::{
    self,
    timeline::{DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS},
    Comparison,
};
use anyhow::Context;
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use std::io::Write;
use std::path::PathBuf;

/// Compare outlets: each one's latest figure per metric against consensus.
#[derive(Args, Debug)]
pub struct CompareArgs {
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// The date to compare as of (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Only this metric.
    #[arg(long)]
    metric: Option<String>,
    /// The trailing window, in days, that consensus looks back over.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS, value_parser = clap::value_parser!(i64).range(1..=MAX_WINDOW_DAYS))]
    window: i64,
    /// table: a block per metric; csv: one row per outlet, a column pair
    /// per metric (its figure in USD, its deviation in %); json:
    /// one object per outlet and metric, for a notebook to pivot.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    format: CompareFormat,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CompareFormat {
    Table,
    Csv,
    Json,
}

/// "$61.0B", "$675.0M": short enough for a matrix cell.
fn short_usd(v: Decimal) -> String {
    let billion = Decimal::from(1_000_000_000);
    let million = Decimal::from(1_000_000);
    if v.abs() >= billion {
        format!("${}B", (v / billion).round_dp(1))
    } else if v.abs() >= million {
        format!("${}M", (v / million).round_dp(1))
    } else {
        format!("${}", v.round_dp(0))
    }
}

fn signed_pct(p: Decimal) -> String {
    if p.is_sign_negative() || p.is_zero() {
        format!("{}%", p.normalize())
    } else {
        format!("+{p}%")
    }
}

pub fn run(args: CompareArgs) -> anyhow::Result<Outcome> {
    let as_of = date("as-of", &args.as_of)?.unwrap_or_else(|| chrono::Local::now().date_naive());
    let ledger = super::existing_ledger(args.ledger.clone())?;
    let frame = reconcile::load(&ledger, args.metric.as_deref())?;
    let figures = reconcile::figures(&frame.kept, frame.read_once).context("reading the ledger's figures")?;
    let cmp = reconcile::compare(&figures, as_of, args.window);
    let mut out = super::output_to(args.output.as_deref())?;
    match args.format {
        CompareFormat::Table => write_table(&mut out, &cmp)?,
        CompareFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut header = vec!["outlet".to_string()];
            for m in &cmp.metrics {
                header.push(aidledger::output::csv_cell(&format!("{m} usd")));
                header.push(aidledger::output::csv_cell(&format!("{m} deviation_pct")));
            }
            w.write_record(&header)?;
            for o in &cmp.outlets {
                let mut row = vec![aidledger::output::csv_cell(o)];
                for m in &cmp.metrics {
                    let cell = cmp.cells.get(&(*o, *m));
                    row.push(
                        cell.and_then(|c| c.figure.amount_usd)
                            .map(|v| v.round_dp(2).normalize().to_string())
                            .unwrap_or_default(),
                    );
                    row.push(cell.and_then(|c| c.deviation_pct).map(|p| p.to_string()).unwrap_or_default());
                }
                w.write_record(&row)?;
            }
            w.flush()?;
        }
        CompareFormat::Json => {
            for ((outlet, metric), s) in &cmp.cells {
                let f = s.figure;
                let obj = serde_json::json!({
                    "as_of": cmp.as_of.to_string(),
                    "outlet": outlet,
                    "metric": metric,
                    "published": f.published.map(|d| d.to_string()),
                    "mention_id": f.mention_id,
                    "amount": f.amount.normalize().to_string(),
                    "currency": f.currency,
                    "amount_usd": f.amount_usd.map(|v| v.round_dp(2).normalize().to_string()),
                    "consensus_usd": s.consensus.as_ref().map(|c| c.amount_usd().round_dp(2).normalize().to_string()),
                    "deviation_pct": s.deviation_pct.map(|p| p.to_string()),
                });
                serde_json::to_writer(&mut out, &obj)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// The matrix for a terminal: metrics down, outlets across would not fit,
/// so one block per metric, its consensus first, then each outlet's figure.
fn write_table(out: &mut dyn Write, cmp: &Comparison<'_>) -> anyhow::Result<()> {
    writeln!(out, "as of {}", cmp.as_of)?;
    for m in &cmp.metrics {
        let standings: Vec<_> = cmp.cells.iter().filter(|((_, metric), _)| metric == m).collect();
        let consensus = standings.iter().find_map(|(_, s)| s.consensus.as_ref());
        writeln!(
            out,
            "\n{m}  consensus {}",
            consensus
                .map(|c| format!("{} ({} of {} voices)", short_usd(c.amount_usd()), c.support, c.voices))
                .unwrap_or_else(|| "none".into())
        )?;
        for ((outlet, _), s) in standings {
            writeln!(
                out,
                "  {:<28} {:>10} {:>10}  {}",
                outlet.chars().take(28).collect::<String>(),
                s.figure.amount_usd.map(short_usd).unwrap_or_else(|| format!(
                    "{} {}",
                    s.figure.amount.normalize(),
                    s.figure.currency
                )),
                s.deviation_pct.map(signed_pct).unwrap_or_default(),
                s.figure.published.map(|d| d.to_string()).unwrap_or_default()
            )?;
        }
    }
    writeln!(out, "\n{} outlets, {} metrics", cmp.outlets.len(), cmp.metrics.len())?;
    Ok(())
}
