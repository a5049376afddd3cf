//! `aidledger ledger`: what the ledger holds, filtered, as a table, CSV,
//! JSON Lines or Parquet.

use super::Outcome;
use aidledger::article::parse_date;
use aidledger::ledger::query::{query, Filter};
use anyhow::{anyhow, Context};
use clap::{Args, ValueEnum};
use polars::prelude::{AnyValue, ParquetWriter};
use std::io::Write;
use std::path::PathBuf;

/// Show the ledger's rows, filtered.
#[derive(Args, Debug)]
pub struct LedgerArgs {
    /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
    #[arg(long, value_name = "DIR")]
    ledger: Option<PathBuf>,
    /// Only this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only figures published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only figures published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only this donor ("United States").
    #[arg(long)]
    donor: Option<String>,
    /// Only this metric ("united-states/ukraine/total/enacted").
    #[arg(long)]
    metric: Option<String>,
    /// Only amounts written in this currency (ISO code).
    #[arg(long)]
    currency: Option<String>,
    #[arg(long, value_enum, default_value_t = LedgerFormat::Table)]
    format: LedgerFormat,
    /// Write to this file instead of standard output (required for parquet).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LedgerFormat {
    Table,
    Csv,
    Json,
    Parquet,
}

pub(super) fn date(flag: &str, v: &Option<String>) -> anyhow::Result<Option<chrono::NaiveDate>> {
    v.as_deref()
        .map(|s| parse_date(s).ok_or_else(|| anyhow!("--{flag} {s:?} is not a date (want YYYY-MM-DD)")))
        .transpose()
}

/// A cell as text: empty for null, the plain string for strings, decimals
/// without trailing zeros ("39800000000", not "39800000000.00000000").
fn cell(v: AnyValue<'_>) -> String {
    match v {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        // The ingest time is UTC microseconds; written here as RFC 3339
        // (polars would need its time-zone database to print it).
        AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _) => chrono::DateTime::from_timestamp_micros(us)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
            .unwrap_or_default(),
        d @ AnyValue::Decimal(..) => {
            let s = d.to_string();
            if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                s
            }
        }
        other => other.to_string(),
    }
}

pub fn run(args: LedgerArgs) -> anyhow::Result<Outcome> {
    let ledger = super::existing_ledger(args.ledger.clone())?;
    let filter = Filter {
        outlet: args.outlet.clone(),
        from: date("from", &args.from)?,
        to: date("to", &args.to)?,
        donor: args.donor.clone(),
        metric: args.metric.clone(),
        currency: args.currency.clone(),
    };
    let mut df = query(&ledger, &filter)?;
    if args.output.is_none() && matches!(args.format, LedgerFormat::Parquet) {
        return Err(anyhow!("--format parquet needs -o FILE"));
    }
    let mut out = super::output_to(args.output.as_deref())?;
    let names: Vec<String> = df.get_column_names().iter().map(|n| n.to_string()).collect();
    match args.format {
        LedgerFormat::Table => {
            let show =
                ["published", "outlet", "amount", "currency", "amount_usd", "category", "status", "donor", "surface"];
            let cols: Vec<_> =
                show.iter().map(|n| df.column(n)).collect::<Result<_, _>>().context("reading columns")?;
            writeln!(
                out,
                "{:<10} {:<22} {:>16} {:<3} {:>16} {:<14} {:<10} {:<16} surface",
                "published", "outlet", "amount", "cur", "amount_usd", "category", "status", "donor"
            )?;
            for i in 0..df.height() {
                let v: Vec<String> = cols.iter().map(|c| c.get(i).map(cell).unwrap_or_default()).collect();
                let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
                writeln!(
                    out,
                    "{:<10} {:<22} {:>16} {:<3} {:>16} {:<14} {:<10} {:<16} {}",
                    v[0],
                    cut(&v[1], 22),
                    v[2],
                    v[3],
                    v[4],
                    v[5],
                    v[6],
                    cut(&v[7], 16),
                    v[8].split_whitespace().collect::<Vec<_>>().join(" ")
                )?;
            }
            writeln!(out, "{} rows", df.height())?;
        }
        LedgerFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(&names)?;
            for i in 0..df.height() {
                let row: Vec<String> = df
                    .columns()
                    .iter()
                    .map(|c| c.get(i).map(cell).map(|s| aidledger::output::csv_cell(&s)).unwrap_or_default())
                    .collect();
                w.write_record(&row)?;
            }
            w.flush()?;
            return Ok(Outcome::Clean);
        }
        LedgerFormat::Json => {
            for i in 0..df.height() {
                let mut obj = serde_json::Map::new();
                for (name, c) in names.iter().zip(df.columns()) {
                    let v = c.get(i).context("reading a cell")?;
                    let json = match v {
                        AnyValue::Null => serde_json::Value::Null,
                        AnyValue::Boolean(b) => serde_json::Value::Bool(b),
                        AnyValue::Int64(n) => serde_json::Value::from(n),
                        other => serde_json::Value::String(cell(other)),
                    };
                    obj.insert(name.clone(), json);
                }
                serde_json::to_writer(&mut out, &obj)?;
                out.write_all(b"\n")?;
            }
        }
        LedgerFormat::Parquet => {
            ParquetWriter::new(&mut out).finish(&mut df).context("writing parquet")?;
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
