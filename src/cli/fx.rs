//! `aidledger fx import`: gives a ledger a newer copy of the ECB rates than
//! the one shipped with the binary; its later ingests convert with it.

use super::Outcome;
use aidledger::fx::Rates;
use aidledger::ledger::Ledger;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

/// Exchange rates (ECB euro reference rates).
#[derive(Args, Debug)]
pub struct FxArgs {
    #[command(subcommand)]
    command: FxCommand,
}

#[derive(Subcommand, Debug)]
enum FxCommand {
    /// Load an ECB eurofxref-hist.csv, or the ECB's eurofxref-hist.zip, into the ledger.
    Import {
        /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
        #[arg(long, value_name = "DIR")]
        ledger: Option<PathBuf>,
        /// The ECB history, as CSV or as the ECB's zip.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Where a ledger keeps its own copy of the rates.
pub fn ledger_rates_path(ledger: &Path) -> PathBuf {
    ledger.join("_fx").join("eurofxref-hist.csv")
}

/// The rates a ledger converts with: its own copy, else the shipped one.
pub fn rates_for(ledger: &Path) -> anyhow::Result<&'static Rates> {
    let own = ledger_rates_path(ledger);
    if !own.exists() {
        return Ok(Rates::default_rates());
    }
    let name = own.display().to_string();
    let text = std::fs::read_to_string(&own).with_context(|| format!("{name}: cannot read"))?;
    // (Stored unzipped by `fx import`.)
    // One set of rates per run.
    Ok(Box::leak(Box::new(Rates::from_csv(&name, &text)?)))
}

/// The CSV text of an ECB history file, unzipping it when it is the ECB's zip.
fn read_history(file: &Path) -> anyhow::Result<String> {
    let name = file.display().to_string();
    let bytes = std::fs::read(file).with_context(|| format!("{name}: cannot read"))?;
    if !bytes.starts_with(b"PK\x03\x04") {
        return String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name}: not UTF-8 text"));
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).with_context(|| format!("{name}: not a readable zip"))?;
    let entry = (0..archive.len())
        .find(|&i| archive.by_index(i).is_ok_and(|e| e.name().is_ok_and(|n| n.ends_with(".csv"))))
        .ok_or_else(|| anyhow::anyhow!("{name}: the zip holds no .csv file"))?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_index(entry)?, &mut text)
        .with_context(|| format!("{name}: cannot unzip"))?;
    Ok(text)
}

pub fn run(args: FxArgs) -> anyhow::Result<Outcome> {
    match args.command {
        FxCommand::Import { ledger, file } => {
            let name = file.display().to_string();
            let text = read_history(&file)?;
            let rates = Rates::from_csv(&name, &text)?;
            let dir = super::ingest::ledger_dir(ledger);
            let ledger = Ledger::open(&dir)?;
            let dest = ledger_rates_path(ledger.dir());
            std::fs::create_dir_all(dest.parent().expect("a path with a parent"))?;
            let tmp = dest.with_extension("csv.partial");
            std::fs::write(&tmp, &text).with_context(|| format!("{}: cannot write", tmp.display()))?;
            std::fs::rename(&tmp, &dest).with_context(|| format!("{}: cannot write", dest.display()))?;
            eprintln!(
                "aidledger: rates up to {} loaded into {}",
                rates.last_date().map(|d| d.to_string()).unwrap_or_default(),
                dest.display()
            );
            Ok(Outcome::Clean)
        }
    }
}
