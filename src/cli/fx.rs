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
    /// Load an ECB eurofxref-hist.csv into the ledger (unzip the ECB's zip first).
    Import {
        /// The ledger folder (default: $AIDLEDGER_LEDGER, else ./ledger).
        #[arg(long, value_name = "DIR")]
        ledger: Option<PathBuf>,
        /// The ECB history, as CSV.
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
    // One set of rates per run.
    Ok(Box::leak(Box::new(Rates::from_csv(&name, &text)?)))
}

pub fn run(args: FxArgs) -> anyhow::Result<Outcome> {
    match args.command {
        FxCommand::Import { ledger, file } => {
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("{name}: cannot read (a zip must be unzipped first)"))?;
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
