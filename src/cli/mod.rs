//! Flags and dispatch: one file per subcommand, each with its arguments and
//! its `run`.

mod compact;
mod compare;
mod eval;
mod extract;
mod fx;
mod ingest;
mod ledger;
mod reconcile;
mod report;
mod summary;
mod timeline;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "aidledger", version, about = "A ledger of the money figures that news articles report.")]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Extract(extract::ExtractArgs),
    Ingest(ingest::IngestArgs),
    Ledger(ledger::LedgerArgs),
    Reconcile(reconcile::ReconcileArgs),
    Timeline(timeline::TimelineArgs),
    Compare(compare::CompareArgs),
    Summary(summary::SummaryArgs),
    Report(report::ReportArgs),
    Compact(compact::CompactArgs),
    Fx(fx::FxArgs),
    Eval(eval::EvalArgs),
}

/// How a command that ran went.
pub enum Outcome {
    Clean,
    /// Some inputs could not be read; the rest were processed.
    SomeFailed,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.command {
        Command::Extract(a) => extract::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Ledger(a) => ledger::run(a),
        Command::Reconcile(a) => reconcile::run(a),
        Command::Timeline(a) => timeline::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Summary(a) => summary::run(a),
        Command::Report(a) => report::run(a),
        Command::Compact(a) => compact::run(a),
        Command::Fx(a) => fx::run(a),
        Command::Eval(a) => eval::run(a),
    }
}

/// The lexicon named by `--lexicon`, or the shipped one.
/// Where `-o FILE` sends a command's output; standard output without it.
pub fn output_to(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn std::io::Write>> {
    use anyhow::Context as _;
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// The ledger named by `--ledger` (or the default), which must exist: the
/// commands that read it never create one.
pub fn existing_ledger(flag: Option<std::path::PathBuf>) -> anyhow::Result<aidledger::ledger::Ledger> {
    let dir = ingest::ledger_dir(flag);
    if !dir.exists() {
        return Err(anyhow::anyhow!("{}: no ledger here (run `aidledger ingest` first)", dir.display()));
    }
    Ok(aidledger::ledger::Ledger::open(&dir)?)
}

/// Rows of cells as CSV under `columns`. Text is escaped against spreadsheet
/// formulas; the `numeric` columns hold numbers the tool computed and stay
/// numbers (a deviation may start with "-").
pub fn write_csv<const N: usize>(
    out: &mut dyn std::io::Write,
    columns: [&str; N],
    numeric: &[&str],
    rows: impl Iterator<Item = [Option<String>; N]>,
) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(columns)?;
    for cells in rows {
        w.write_record(cells.into_iter().zip(columns).map(|(v, name)| {
            let v = v.unwrap_or_default();
            if numeric.contains(&name) {
                v
            } else {
                aidledger::output::csv_cell(&v)
            }
        }))?;
    }
    w.flush()?;
    Ok(())
}

/// Rows of cells as JSON Lines, one object per row; an empty cell is null.
pub fn write_json_lines<const N: usize>(
    out: &mut dyn std::io::Write,
    columns: [&str; N],
    rows: impl Iterator<Item = [Option<String>; N]>,
) -> anyhow::Result<()> {
    for cells in rows {
        let obj: serde_json::Map<String, serde_json::Value> = columns
            .iter()
            .zip(cells)
            .map(|(name, v)| (name.to_string(), v.map_or(serde_json::Value::Null, serde_json::Value::String)))
            .collect();
        serde_json::to_writer(&mut *out, &obj)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The `--input-format` flag: none means each file's extension decides.
pub fn input_format(name: Option<&str>) -> anyhow::Result<Option<aidledger::article::Format>> {
    name.map(|name| {
        aidledger::article::Format::parse(name)
            .ok_or_else(|| anyhow::anyhow!("unknown --input-format {name:?} (want text, html, jsonl or csv)"))
    })
    .transpose()
}

pub fn load_lexicon(path: Option<&std::path::Path>) -> anyhow::Result<&'static aidledger::lexicon::Lexicon> {
    use aidledger::lexicon::Lexicon;
    use anyhow::Context as _;
    match path {
        None => Ok(Lexicon::default_lexicon()),
        Some(p) => {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p).with_context(|| format!("{name}: cannot read the lexicon"))?;
            // Lives as long as the run: one lexicon per command.
            Ok(Box::leak(Box::new(Lexicon::from_toml(&name, &text)?)))
        }
    }
}
